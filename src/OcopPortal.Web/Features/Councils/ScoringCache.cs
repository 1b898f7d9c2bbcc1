using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain.Rating;
using OcopPortal.Web.Domain.Rules;

namespace OcopPortal.Web.Features.Councils;

/// <summary>
/// What council screens read again and again but never changes once it exists: a published criteria set with its
/// flattened sheet (published rules are immutable: <see cref="PublishedRulesGuard"/>), and the engine's score of a
/// submitted sheet, keyed by the sheet's id and <see cref="Domain.Councils.ScoreSheet.Version"/> (every save,
/// submission and reopening gives the sheet a new version, so a stale score is never found). A draft rule set is
/// never cached. Bounded: about 200,000 sheet scores (a set counts as 100).
/// </summary>
public sealed class ScoringCache : IDisposable
{
    private const int SetSize = 100;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 200_000 });

    /// <summary>The criteria set (nodes, options, rule set; read-only, shared between requests) and its sheet.</summary>
    public async Task<LoadedSet> SetAsync(OcopDbContext db, int criteriaSetId, CancellationToken ct) =>
        (await SetsAsync(db, [criteriaSetId], ct))[criteriaSetId];

    public async Task<Dictionary<int, LoadedSet>> SetsAsync(OcopDbContext db, IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        var found = new Dictionary<int, LoadedSet>();
        var missing = new List<int>();
        foreach (var id in ids.Distinct())
        {
            if (_cache.TryGetValue(SetKey(id), out LoadedSet? hit) && hit is not null)
            {
                found[id] = hit;
            }
            else
            {
                missing.Add(id);
            }
        }

        if (missing.Count == 0)
        {
            return found;
        }

        var sets = await db.CriteriaSets.AsNoTracking().AsSplitQuery().Include(s => s.RuleSet).Include(s => s.Nodes).ThenInclude(n => n.Options)
            .Where(s => missing.Contains(s.Id)).ToListAsync(ct);
        foreach (var set in sets)
        {
            var loaded = new LoadedSet(set, SheetDefinition.From(set));
            if (set.RuleSet is { Status: RuleSetStatus.Published })
            {
                _cache.Set(SetKey(set.Id), loaded, new MemoryCacheEntryOptions { Size = SetSize, SlidingExpiration = TimeSpan.FromHours(6) });
            }

            found[set.Id] = loaded;
        }

        return found;
    }

    /// <summary>The flattened sheet of <paramref name="set"/>: the cached one when the set is the cached instance, else built.</summary>
    public SheetDefinition SheetOf(CriteriaSet set) =>
        _cache.TryGetValue(SetKey(set.Id), out LoadedSet? hit) && ReferenceEquals(hit?.Set, set) ? hit.Sheet : SheetDefinition.From(set);

    public bool TryGetScore(int sheetId, Guid version, out SheetScore? score) =>
        _cache.TryGetValue(ScoreKey(sheetId, version), out score) && score is not null;

    /// <summary>Remembers a submitted sheet's score (only ever call with the score of that exact version's answers).</summary>
    public void SetScore(int sheetId, Guid version, SheetScore score) =>
        _cache.Set(ScoreKey(sheetId, version), score, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromHours(2) });

    /// <summary>
    /// The council's aggregation of exactly these submitted sheet versions on a published set (its rules fix the
    /// bands, the consolidation and the spread limit), computed once by <paramref name="compute"/>.
    /// </summary>
    public CouncilScore Aggregate(int criteriaSetId, IReadOnlyList<(int SheetId, Guid Version)> sheets, Func<CouncilScore> compute)
    {
        if (!_cache.TryGetValue(SetKey(criteriaSetId), out LoadedSet? set) || set is null)
        {
            return compute(); // a draft set, or not loaded through the cache: nothing to key on safely
        }

        var key = new StringBuilder("agg:").Append(criteriaSetId);
        foreach (var (id, version) in sheets.OrderBy(s => s.SheetId))
        {
            key.Append(';').Append(id).Append(':').Append(version.ToString("N"));
        }

        var text = key.ToString();
        if (_cache.TryGetValue(text, out CouncilScore? hit) && hit is not null)
        {
            return hit;
        }

        var score = compute();
        _cache.Set(text, score, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromHours(2) });
        return score;
    }

    public void Dispose() => _cache.Dispose();

    private static (string, int) SetKey(int id) => ("set", id);

    private static (int, Guid) ScoreKey(int sheetId, Guid version) => (sheetId, version);
}
