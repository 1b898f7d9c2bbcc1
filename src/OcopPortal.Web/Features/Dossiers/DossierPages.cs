using Microsoft.EntityFrameworkCore;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain.Dossiers;
using OcopPortal.Web.Domain.Producers;
using OcopPortal.Web.Features.Rules;

namespace OcopPortal.Web.Features.Dossiers;

/// <summary>Loads what the dossier page shows, for a dossier the caller already obtained through <see cref="DossierAccess"/>.</summary>
public sealed class DossierPages(OcopDbContext db, DossierService dossiers, TimeProvider clock)
{
    public async Task<DossierPage> BuildAsync(DossierAccessGrant grant, CancellationToken ct)
    {
        var d = grant.Dossier;
        var product = await db.Set<Product>().AsNoTracking().SingleAsync(p => p.Id == d.ProductId, ct);
        var producer = await db.Set<Producer>().AsNoTracking().SingleAsync(p => p.Id == d.ProducerId, ct);
        var commune = await db.Communes.Where(c => c.Code == d.CommuneCode).Select(c => c.FullName).SingleOrDefaultAsync(ct) ?? d.CommuneCode;
        var set = await dossiers.PinnedSetAsync(d, ct);
        var fileIds = d.Slots.SelectMany(s => s.Files).Select(f => f.FileId).ToList();
        var files = await db.StoredFiles.AsNoTracking().Where(f => fileIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, ct);
        var history = await db.DossierEvents.AsNoTracking().Where(e => e.DossierId == d.Id).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(ct);
        var assessment = await db.CommuneAssessments.AsNoTracking().SingleOrDefaultAsync(a => a.DossierId == d.Id, ct);
        var supplements = await db.SupplementRequests.AsNoTracking().Where(s => s.DossierId == d.Id).OrderByDescending(s => s.RequestedAt).ToListAsync(ct);
        var answers = await db.Set<DossierAnswer>().AsNoTracking().Where(a => a.DossierId == d.Id).ToListAsync(ct);
        var result = answers.Count == 0 ? null : SelfAssessmentScoring.Evaluate(set, DossierAnswers.ToInput(set, answers));
        return new DossierPage(
            d, grant.Actor, product, producer, commune, set, files, DossierService.MissingSlots(d), history, assessment, supplements, result,
            DateOnly.FromDateTime(clock.GetLocalNow().Date), CanSeeHistory: true);
    }
}

/// <summary>Stored answers (by criterion code) ↔ the form's answers (by node id) of the pinned sheet.</summary>
public static class DossierAnswers
{
    public static SelfAssessmentInput ToInput(Domain.Rules.CriteriaSet set, IEnumerable<DossierAnswer> answers)
    {
        var nodes = set.Nodes.Where(n => n.Options.Count > 0).GroupBy(n => n.Code).ToDictionary(g => g.Key, g => g.First().Id);
        var input = new SelfAssessmentInput();
        foreach (var a in answers)
        {
            if (!nodes.TryGetValue(a.CriterionCode, out var nodeId))
            {
                continue;
            }

            if (a.OptionId is { } option)
            {
                input.Choices[nodeId] = option;
            }

            if (a.NotApplicable)
            {
                input.NotApplicable.Add(nodeId);
            }
        }

        return input;
    }
}
