using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using OcopPortal.Web.Data;
using OcopPortal.Web.Data.Stamps;
using OcopPortal.Web.Domain.Reports;

namespace OcopPortal.Web.Features.Reports;

/// <summary>
/// Computed dashboards, kept per (data stamp, scope, filter, day, language). The stamp (<see cref="DataStamp.Reports"/>)
/// changes in the same transaction as anything the dashboard counts, so a figure is served from here only while the data
/// it came from is unchanged, on any instance. The day is part of the key because stock counts move with the date.
/// Entries also expire after <see cref="Lifetime"/> so memory does not keep dashboards nobody asks for.
/// </summary>
public sealed class DashboardCache : IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 500 });

    public bool TryGet(string key, out Dashboard? dashboard) => _cache.TryGetValue(key, out dashboard);

    public void Set(string key, Dashboard dashboard) =>
        _cache.Set(key, dashboard, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime });

    public static string Key(Guid stamp, ReportScope scope, ReportFilter filter, DateOnly today) => string.Join('|',
        stamp.ToString("N"),
        CultureInfo.CurrentUICulture.Name,
        today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        scope.Kind.ToString(),
        scope.Communes is null ? "*" : string.Join(',', scope.Communes),
        string.Join(',', scope.CouncilIds.Select(id => id.ToString(CultureInfo.InvariantCulture))),
        filter.Query());

    public void Dispose() => _cache.Dispose();
}

/// <summary>The dashboard as a request gets it: from <see cref="DashboardCache"/> when the data stamp still matches, else computed and kept.</summary>
public sealed class DashboardReader(OcopDbContext db, ReportQueries queries, DashboardCache cache, TimeProvider clock, ILogger<DashboardReader> logger)
{
    public async Task<Dashboard> ReadAsync(ReportScope scope, ReportFilter filter, IReadOnlyList<ProgrammeTarget> targets, CancellationToken ct)
    {
        // Read before computing: a change committed meanwhile leaves this entry under the old stamp, never a stale one under the new.
        var stamp = await db.DataStamps.AsNoTracking().Where(s => s.Name == DataStamp.Reports).Select(s => s.Value).SingleOrDefaultAsync(ct);
        var key = DashboardCache.Key(stamp, scope, filter, queries.Today);
        if (cache.TryGet(key, out var cached) && cached is not null)
        {
            return cached;
        }

        var started = clock.GetTimestamp();
        var dashboard = await queries.DashboardAsync(scope, filter, targets, ct);
        cache.Set(key, dashboard);
        logger.LogInformation("Reports dashboard computed for {Scope} ({Filter}) in {Milliseconds:F0} ms", scope.Kind, filter.Query(), clock.GetElapsedTime(started).TotalMilliseconds);
        return dashboard;
    }
}

/// <summary>
/// Figures of finalised council rounds that cannot change any more (results, sheets, conflicts, stored score facts),
/// kept for the life of the process under the round, its finalisation time and the scope. A finalised round takes no
/// new entry, declaration or sheet and no sheet can be reopened (the chair's controller refuses), so the first view
/// after an unrelated change does not recount 100,000 sheets. What still moves after finalisation (decisions,
/// referrals, the council's seats) is read live by <see cref="ReportQueries"/>. Bounded so memory stays small.
/// </summary>
public sealed class FinalisedRoundFacts : IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 20_000 });

    public static string Key(string kind, int roundId, DateTimeOffset? finalisedAt, IReadOnlyList<string>? communes) => string.Join('|',
        kind,
        roundId.ToString(CultureInfo.InvariantCulture),
        (finalisedAt?.UtcTicks ?? 0).ToString(CultureInfo.InvariantCulture),
        communes is null ? "*" : string.Join(',', communes));

    public bool TryGet<T>(string key, out T? value)
        where T : class => _cache.TryGetValue(key, out value);

    public void Set<T>(string key, T value)
        where T : class => _cache.Set(key, value, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromHours(12) });

    public void Dispose() => _cache.Dispose();
}
