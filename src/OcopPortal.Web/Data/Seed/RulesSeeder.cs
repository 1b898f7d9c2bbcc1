using Microsoft.EntityFrameworkCore;
using OcopPortal.Web.Data.Rules;
using OcopPortal.Web.Domain.Rules;

namespace OcopPortal.Web.Data.Seed;

/// <summary>
/// Seeds the legal rule data from the reviewable files under Data/Rules once, published. A rule set already in
/// the database is never touched again (published data is immutable); a new instrument is a new code.
/// Invalid files stop start-up with the list of failed sum checks.
/// </summary>
public sealed class RulesSeeder(OcopDbContext db, IHostEnvironment env, TimeProvider clock, ILogger<RulesSeeder> log)
{
    public async Task SeedAsync(CancellationToken ct)
    {
        var existing = await db.RuleSets.Select(r => r.Code).ToListAsync(ct);
        if (!existing.Contains(RuleSetCatalog.Qd26Code))
        {
            await SeedFromFilesAsync(RuleSetCatalog.Qd26(), "qd-26-2026", ct);
        }

        foreach (var legacy in new[] { RuleSetCatalog.Qd148(), RuleSetCatalog.Qd148With1489() })
        {
            if (!existing.Contains(legacy.Code))
            {
                legacy.Status = RuleSetStatus.Published;
                legacy.PublishedAt = clock.GetUtcNow();
                db.RuleSets.Add(legacy);
            }
        }

        await db.SaveChangesAsync(ct);
    }

    private async Task SeedFromFilesAsync(RuleSet ruleSet, string folderName, CancellationToken ct)
    {
        var folder = RuleDataFiles.Folder(env.ContentRootPath, folderName);
        var classification = RuleDataFiles.ReadClassification(folder);

        // Saved as a draft first (ids for the rows below), published in the same transaction once everything is in.
        await db.InTransactionAsync(async () =>
        {
            db.RuleSets.Add(ruleSet);
            await db.SaveChangesAsync(ct);
            var sets = RuleDataFiles.LoadCriteriaSets(folder, ruleSet);
            db.CriteriaSets.AddRange(sets);
            db.ProductCategories.AddRange(RuleDocumentMapper.Categories(classification, ruleSet.Id));
            var known = await db.LegacyCategories.Select(l => l.Era + "|" + l.Name).ToListAsync(ct);
            db.LegacyCategories.AddRange((classification.LegacyCategories ?? [])
                .Where(l => !known.Contains(l.Era + "|" + l.Name))
                .Select(l => new LegacyCategory { Era = l.Era, Name = l.Name, MapsToSector = l.MapsToSector, MapsToGroup = l.MapsToGroup, Note = l.Note }));
            await db.SaveChangesAsync(ct);
            ruleSet.Status = RuleSetStatus.Published;
            ruleSet.PublishedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
            log.LogInformation("Seeded rule set {Code}: {Sets} criteria sets", ruleSet.Code, sets.Count);
        }, ct);
    }
}
