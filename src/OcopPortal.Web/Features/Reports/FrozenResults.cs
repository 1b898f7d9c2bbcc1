using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain.Councils;
using OcopPortal.Web.Domain.Rating;
using OcopPortal.Web.Domain.Reports;

namespace OcopPortal.Web.Features.Reports;

/// <summary>A finalised round entry to read: its id, the criteria set its dossier pinned, and its frozen star.</summary>
public sealed record FrozenKey(int EntryId, int CriteriaSetId, int? Stars);

/// <summary>What the reports need of one frozen council result: each part's mean as a percentage of the part's maximum, and the unmet minimums.</summary>
public sealed record FrozenFacts(IReadOnlyDictionary<string, decimal> PartPercents, IReadOnlyList<(string Code, string Name)> Unmet);

/// <summary>
/// Process-wide cache of sheet definitions by criteria set: safe to keep, since a dossier pins a published criteria set,
/// which never changes.
/// </summary>
public sealed class FrozenResultCache
{
    public ConcurrentDictionary<int, SheetDefinition> Sheets { get; } = new();
}

/// <summary>
/// The score facts of finalised results (<see cref="EntryPartResult"/>, <see cref="EntryUnmetMinimum"/>): stored when
/// the chair finalises a round, and for results frozen before these facts existed (or written by other paths, e.g. the
/// demo), stored the first time a report needs them. A frozen result never changes, so neither do its facts.
/// </summary>
public sealed class FrozenResults(OcopDbContext db, FrozenResultCache cache, ILogger<FrozenResults> logger)
{
    private const int Chunk = 500;

    /// <summary>Stores the facts of those <paramref name="entries"/> that have a frozen result and no facts yet; returns how many.</summary>
    public async Task<int> StoreMissingAsync(IQueryable<RoundEntry> entries, CancellationToken ct)
    {
        var parts = db.EntryPartResults;
        var keys = await (from e in entries
                          join d in db.Dossiers on e.DossierId equals d.Id
                          where e.ResultDetail != null && !parts.Any(p => p.RoundEntryId == e.Id)
                          select new FrozenKey(e.Id, d.CriteriaSetId, e.ResultStars)).ToListAsync(ct);
        if (keys.Count == 0)
        {
            return 0;
        }

        foreach (var setId in keys.Select(k => k.CriteriaSetId).Distinct().Where(id => !cache.Sheets.ContainsKey(id)))
        {
            var set = await db.CriteriaSets.AsNoTracking().AsSplitQuery().Include(s => s.Nodes).ThenInclude(n => n.Options).SingleOrDefaultAsync(s => s.Id == setId, ct);
            if (set is not null)
            {
                cache.Sheets[setId] = SheetDefinition.From(set);
            }
        }

        var stored = 0;
        foreach (var chunk in keys.Chunk(Chunk))
        {
            var ids = chunk.Select(k => k.EntryId).ToList();
            var details = await db.RoundEntries.AsNoTracking().Where(e => ids.Contains(e.Id)).Select(e => new { e.Id, e.ResultDetail }).ToListAsync(ct);
            var byId = chunk.ToDictionary(k => k.EntryId);
            var added = new List<object>();
            foreach (var d in details)
            {
                var key = byId[d.Id];
                if (cache.Sheets.TryGetValue(key.CriteriaSetId, out var sheet) && d.ResultDetail is { } json)
                {
                    var (partRows, unmetRows) = Rows(d.Id, Read(json, sheet, key.Stars));
                    added.AddRange(partRows);
                    added.AddRange(unmetRows);
                }
            }

            db.AddRange(added);
            try
            {
                await db.SaveChangesAsync(ct);
                stored += chunk.Length;
            }
            catch (DbUpdateException e)
            {
                // Another request stored the same entries' facts meanwhile: theirs are the same.
                logger.LogInformation(e, "Score facts of {Count} entries were stored concurrently", chunk.Length);
            }
            finally
            {
                foreach (var row in added)
                {
                    db.Entry(row).State = EntityState.Detached;
                }
            }
        }

        return stored;
    }

    /// <summary>The rows that store one entry's facts (percentages in tenths, each unmet criterion once).</summary>
    public static (List<EntryPartResult> Parts, List<EntryUnmetMinimum> Unmet) Rows(int entryId, FrozenFacts facts) =>
        (facts.PartPercents.Select(p => new EntryPartResult { RoundEntryId = entryId, Part = p.Key, PercentTenths = (int)(p.Value * 10) }).ToList(),
         facts.Unmet.DistinctBy(u => u.Code).Select(u => new EntryUnmetMinimum { RoundEntryId = entryId, CriterionCode = u.Code, CriterionName = u.Name }).ToList());

    /// <summary>Reads the frozen JSON (<c>RoundResults.Freeze</c>): part means and the consolidated points per criterion.</summary>
    public static FrozenFacts Read(string json, SheetDefinition sheet, int? stars)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var parts = new Dictionary<string, decimal>();
        if (root.TryGetProperty("PartMeans", out var partMeans) && partMeans.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in partMeans.EnumerateObject())
            {
                if (sheet.PartMax.TryGetValue(p.Name, out var max) && max > 0 && p.Value.TryGetDecimal(out var mean))
                {
                    parts[p.Name] = Math.Round(100m * mean / max, 1);
                }
            }
        }

        var unmet = new List<(string, string)>();
        if (root.TryGetProperty("ConsolidatedPoints", out var consolidated) && consolidated.ValueKind == JsonValueKind.Object)
        {
            var points = sheet.Criteria.ToDictionary(c => c.Code, c => c.Max);
            foreach (var p in consolidated.EnumerateObject())
            {
                if (points.ContainsKey(p.Name) && p.Value.TryGetInt32(out var value))
                {
                    points[p.Name] = value;
                }
            }

            var next = Math.Clamp((stars ?? 0) + 1, 3, 5);
            unmet.AddRange(StarMinimums.Check(sheet, points).Unmet.Where(u => u.Stars <= next).Select(u => (u.Code, u.Name)).Distinct());
        }

        return new FrozenFacts(parts, unmet);
    }
}
