using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain.Catalogue;
using OcopPortal.Web.Domain.Producers;
using OcopPortal.Web.Domain.Recognition;
using OcopPortal.Web.Domain.Rules;
using OcopPortal.Web.Domain.Text;
using OcopPortal.Web.Infrastructure.Web;

namespace OcopPortal.Web.Features.Catalogue;

/// <summary>The catalogue's filters, as they appear in the query string (stable, shareable URLs).</summary>
public sealed class CatalogueFilter
{
    public const int PageSize = 24;

    /// <summary>Search text (accents and case ignored).</summary>
    public string? Q { get; set; }

    /// <summary>Ngành, e.g. <c>I</c>.</summary>
    public string? Sector { get; set; }

    /// <summary>Nhóm, e.g. <c>I.3</c>.</summary>
    public string? Group { get; set; }

    /// <summary>Criteria set number 1–26.</summary>
    public int? Set { get; set; }

    public int? Stars { get; set; }

    /// <summary>A current commune code (links from the by-commune listing).</summary>
    public string? Commune { get; set; }

    /// <summary>Commune by name, current or former ("Phụng Hiệp" finds the communes that absorbed it).</summary>
    public string? Place { get; set; }

    public ProducerType? Type { get; set; }

    /// <summary><c>all</c> also lists expired and revoked certificates (with their status); otherwise in force only.</summary>
    public string? Status { get; set; }

    /// <summary><c>relevance</c> (default with a search), <c>newest</c> (default otherwise), <c>name</c>, <c>stars</c>.</summary>
    public string? Sort { get; set; }

    public int? Page { get; set; }

    public bool IncludeEnded => string.Equals(Status, "all", StringComparison.Ordinal);

    public string EffectiveSort => Sort is "name" or "stars" or "newest" or "relevance" ? Sort
        : string.IsNullOrWhiteSpace(Q) ? "newest" : "relevance";
}

public sealed record CatalogueCard(
    int ProductId, string ProductName, string ProducerName, string CommuneName, int Stars, Guid? CoverFileId,
    CertificateState State, DateOnly ValidUntil, DateOnly? ExtendedUntil)
{
    public CertificateStatus StatusOn(DateOnly day) => CertificateLifecycle.StatusOn(State, ValidUntil, ExtendedUntil, day);
}

public sealed record CategoryOption(string Code, string Name, CategoryLevel Level, string? ParentCode);

public sealed record CriteriaSetOption(int Number, string Name);

/// <summary>The classification and criteria sets the filters offer (reference data, cached in memory).</summary>
public sealed record CatalogueReference(IReadOnlyList<CategoryOption> Categories, IReadOnlyList<CriteriaSetOption> Sets)
{
    public IEnumerable<CategoryOption> Sectors => Categories.Where(c => c.Level == CategoryLevel.Sector);

    public IEnumerable<CategoryOption> Groups => Categories.Where(c => c.Level == CategoryLevel.Group);

    public string NameOf(string code) => Categories.FirstOrDefault(c => c.Code == code)?.Name ?? code;
}

public sealed record ProgrammeNumbers(int InForce, int ThreeStars, int FourStars, int FiveStars, int Producers, int Communes, int RecognisedThisYear);

public sealed record CommuneCount(string Code, string Name, int Products);

/// <summary>
/// Reads the catalogue: every public list is one count and one page over <see cref="CatalogueEntry"/> (reference data
/// for the filters comes from memory), so no catalogue page needs more than four queries.
/// </summary>
public sealed class CatalogueQueries(OcopDbContext db, IMemoryCache memory, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().Date);

    public IQueryable<CatalogueEntry> InForce(DateOnly today) => db.CatalogueEntries.AsNoTracking().Where(e => e.InForceUntil >= today);

    /// <summary>The search terms: folded, split on spaces, at most eight.</summary>
    public static string[] Terms(string? q) =>
        VietnameseText.Fold(q).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct().Take(8).ToArray();

    public IQueryable<CatalogueEntry> Filtered(CatalogueFilter f, DateOnly today)
    {
        var query = f.IncludeEnded ? db.CatalogueEntries.AsNoTracking() : InForce(today);
        foreach (var term in Terms(f.Q))
        {
            query = query.Where(e => e.SearchText.Contains(term));
        }

        if (!string.IsNullOrWhiteSpace(f.Sector))
        {
            query = query.Where(e => e.SectorCode == f.Sector);
        }

        if (!string.IsNullOrWhiteSpace(f.Group))
        {
            query = query.Where(e => e.GroupCode == f.Group);
        }

        if (f.Set is { } set)
        {
            query = query.Where(e => e.CriteriaSetNumber == set);
        }

        if (f.Stars is { } stars)
        {
            query = query.Where(e => e.Stars == stars);
        }

        if (!string.IsNullOrWhiteSpace(f.Commune))
        {
            query = query.Where(e => e.CommuneCode == f.Commune);
        }

        var place = VietnameseText.Fold(f.Place);
        if (place.Length > 0)
        {
            query = query.Where(e => e.PlaceText.Contains(place));
        }

        if (f.Type is { } type)
        {
            query = query.Where(e => e.ProducerType == type);
        }

        return query;
    }

    public IQueryable<CatalogueEntry> Ordered(IQueryable<CatalogueEntry> query, CatalogueFilter f)
    {
        switch (f.EffectiveSort)
        {
            case "name":
                return query.OrderBy(e => e.NameText).ThenBy(e => e.ProductId);
            case "stars":
                return query.OrderByDescending(e => e.Stars).ThenBy(e => e.NameText).ThenBy(e => e.ProductId);
            case "relevance":
                var phrase = string.Join(' ', Terms(f.Q));
                var first = Terms(f.Q).FirstOrDefault() ?? "";
                // Name matches first: the whole phrase as the name, at its start, inside it, the first word in it; then the rest.
                return query
                    .OrderBy(e => e.NameText == phrase ? 0
                        : e.NameText.StartsWith(phrase) ? 1
                        : e.NameText.Contains(phrase) ? 2
                        : e.NameText.Contains(first) ? 3
                        : 4)
                    .ThenByDescending(e => e.Stars).ThenBy(e => e.NameText).ThenBy(e => e.ProductId);
            default:
                return query.OrderByDescending(e => e.IssuedOn).ThenByDescending(e => e.ProductId);
        }
    }

    public async Task<Paged<CatalogueCard>> PageAsync(CatalogueFilter f, CancellationToken ct)
    {
        var today = Today;
        return await Filtered(f, today).ToPagedAsync(
            q => Ordered(q, f).Select(e => new CatalogueCard(e.ProductId, e.ProductName, e.ProducerName, e.CommuneName, e.Stars, e.CoverFileId, e.State, e.ValidUntil, e.ExtendedUntil)),
            f.Page, CatalogueFilter.PageSize, countLimit: 10_000, ct);
    }

    public Task<CatalogueReference> ReferenceAsync(CancellationToken ct) =>
        memory.GetOrCreateAsync("catalogue:reference", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(10);
            var today = Today;
            var ruleSetId = await db.RuleSets.AsNoTracking()
                .Where(r => r.Status == RuleSetStatus.Published && r.EffectiveFrom <= today)
                .OrderByDescending(r => r.EffectiveFrom).Select(r => (int?)r.Id).FirstOrDefaultAsync(ct);
            var categories = await db.ProductCategories.AsNoTracking().Where(c => c.RuleSetId == ruleSetId)
                .OrderBy(c => c.SortOrder).Select(c => new CategoryOption(c.Code, c.Name, c.Level, c.ParentCode)).ToListAsync(ct);
            var sets = await db.CriteriaSets.AsNoTracking().Where(s => s.RuleSetId == ruleSetId)
                .OrderBy(s => s.Number).Select(s => new CriteriaSetOption(s.Number, s.Name)).ToListAsync(ct);
            return new CatalogueReference(categories, sets);
        })!;

    public async Task<ProgrammeNumbers> NumbersAsync(CancellationToken ct)
    {
        var today = Today;
        var yearStart = new DateOnly(today.Year, 1, 1);
        var row = await InForce(today).GroupBy(_ => 1).Select(g => new
        {
            Total = g.Count(),
            Three = g.Count(e => e.Stars == 3),
            Four = g.Count(e => e.Stars == 4),
            Five = g.Count(e => e.Stars == 5),
            Producers = g.Select(e => e.ProducerId).Distinct().Count(),
            Communes = g.Select(e => e.CommuneCode).Distinct().Count(),
            ThisYear = g.Count(e => e.IssuedOn >= yearStart),
        }).FirstOrDefaultAsync(ct);
        return row is null ? new ProgrammeNumbers(0, 0, 0, 0, 0, 0, 0)
            : new ProgrammeNumbers(row.Total, row.Three, row.Four, row.Five, row.Producers, row.Communes, row.ThisYear);
    }

    public Task<List<CatalogueCard>> NewestAsync(int count, CancellationToken ct) =>
        InForce(Today).OrderByDescending(e => e.IssuedOn).ThenByDescending(e => e.ProductId).Take(count)
            .Select(e => new CatalogueCard(e.ProductId, e.ProductName, e.ProducerName, e.CommuneName, e.Stars, e.CoverFileId, e.State, e.ValidUntil, e.ExtendedUntil))
            .ToListAsync(ct);

    public async Task<Paged<CommuneCount>> CommunesAsync(string? place, int? page, CancellationToken ct)
    {
        var query = InForce(Today);
        var folded = VietnameseText.Fold(place);
        if (folded.Length > 0)
        {
            query = query.Where(e => e.PlaceText.Contains(folded));
        }

        var total = await query.Select(e => e.CommuneCode).Distinct().CountAsync(ct);
        const int size = 60;
        var pageCount = Math.Max(1, (int)Math.Ceiling(total / (double)size));
        var p = Math.Clamp(page ?? 1, 1, pageCount);
        var rows = await query.GroupBy(e => new { e.CommuneCode, e.CommuneName })
            .Select(g => new { g.Key.CommuneCode, g.Key.CommuneName, Count = g.Count() })
            .OrderBy(c => c.CommuneName).ThenBy(c => c.CommuneCode).Skip((p - 1) * size).Take(size).ToListAsync(ct);
        return new Paged<CommuneCount>(rows.Select(r => new CommuneCount(r.CommuneCode, r.CommuneName, r.Count)).ToList(), p, size, total);
    }
}
