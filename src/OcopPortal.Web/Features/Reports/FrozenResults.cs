using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain.Rating;

namespace OcopPortal.Web.Features.Reports;

/// <summary>A finalised round entry to read: its id, the criteria set its dossier pinned, and its frozen star.</summary>
public sealed record FrozenKey(int EntryId, int CriteriaSetId, int? Stars);

/// <summary>What the reports need of one frozen council result: each part's mean as a percentage of the part's maximum, and the unmet minimums.</summary>
public sealed record FrozenFacts(IReadOnlyDictionary<string, decimal> PartPercents, IReadOnlyList<(string Code, string Name)> Unmet);

/// <summary>
/// Process-wide cache of <see cref="FrozenFacts"/> by round entry, and of sheet definitions by criteria set. Both are
/// safe to keep: a result is frozen at finalisation and never written again, and a dossier pins a published criteria
/// set, which never changes. Bounded by the number of finalised entries (tens of thousands at national scale).
/// </summary>
public sealed class FrozenResultCache
{
    public ConcurrentDictionary<int, FrozenFacts> Entries { get; } = new();

    public ConcurrentDictionary<int, SheetDefinition> Sheets { get; } = new();
}

public sealed class FrozenResults(OcopDbContext db, FrozenResultCache cache)
{
    private const int Chunk = 500;

    public async Task<List<FrozenFacts>> FactsAsync(IReadOnlyList<FrozenKey> keys, CancellationToken ct)
    {
        var missing = keys.Where(k => !cache.Entries.ContainsKey(k.EntryId)).ToList();
        foreach (var setId in missing.Select(k => k.CriteriaSetId).Distinct().Where(id => !cache.Sheets.ContainsKey(id)))
        {
            var set = await db.CriteriaSets.AsNoTracking().AsSplitQuery().Include(s => s.Nodes).ThenInclude(n => n.Options).SingleOrDefaultAsync(s => s.Id == setId, ct);
            if (set is not null)
            {
                cache.Sheets[setId] = SheetDefinition.From(set);
            }
        }

        foreach (var chunk in missing.Chunk(Chunk))
        {
            var ids = chunk.Select(k => k.EntryId).ToList();
            var details = await db.RoundEntries.AsNoTracking().Where(e => ids.Contains(e.Id)).Select(e => new { e.Id, e.ResultDetail }).ToListAsync(ct);
            var byId = chunk.ToDictionary(k => k.EntryId);
            foreach (var d in details)
            {
                var key = byId[d.Id];
                cache.Entries[d.Id] = cache.Sheets.TryGetValue(key.CriteriaSetId, out var sheet) && d.ResultDetail is { } json
                    ? Read(json, sheet, key.Stars)
                    : new FrozenFacts(new Dictionary<string, decimal>(), []);
            }
        }

        return keys.Select(k => cache.Entries.GetValueOrDefault(k.EntryId)).OfType<FrozenFacts>().ToList();
    }

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
