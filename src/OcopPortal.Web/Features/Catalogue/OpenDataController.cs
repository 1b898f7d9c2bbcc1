using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain.Catalogue;
using OcopPortal.Web.Domain.Recognition;
using OcopPortal.Web.Features.Recognition;
using OcopPortal.Web.Infrastructure.Web;

namespace OcopPortal.Web.Features.Catalogue;

/// <summary>One certified product in the open data (docs/open-data.md): the certificate's public facts only.</summary>
public sealed record OpenDataProduct(
    int ProductId, string ProductName, string ProducerName, string ProducerType, string CommuneCode, string CommuneName,
    string ProvinceCode, string SectorCode, string GroupCode, string CategoryCode, string CategoryName, int CriteriaSet,
    int Stars, string CertificateNumber, DateOnly IssuedOn, DateOnly ValidUntil, DateOnly? ExtendedUntil, string Status,
    string ProductUrl, string VerifyUrl);

public sealed record OpenDataPage(
    DateTimeOffset LastModified, int Page, int Size, int Total, string? Next, IReadOnlyList<OpenDataProduct> Items);

/// <summary>
/// The certified-product list as open data (JSON paged, CSV whole) at stable URLs, for the national OCOP system,
/// e-commerce platforms and journalists. Anonymous on purpose: it states only what the certificates state publicly
/// (no phone, email, tax code, representative, dossier or score). ETag and Last-Modified let clients poll cheaply.
/// </summary>
[AllowAnonymous]
[Route("open-data")]
public sealed class OpenDataController(OcopDbContext db, CatalogueQueries queries, IOptions<PortalOptions> portal, IMemoryCache memory) : Controller
{
    public const int DefaultSize = 100;
    public const int MaxSize = 500;

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    [HttpGet("")]
    [OutputCache(PolicyName = CatalogueCaching.Policy)]
    public IActionResult Index() => View();

    [HttpGet("products.json")]
    [OutputCache(PolicyName = CatalogueCaching.Policy)]
    public async Task<IActionResult> ProductsJson(int? page, int? size, string? status, CancellationToken ct)
    {
        var today = queries.Today;
        var stamp = await StampAsync(today, ct);
        var take = Math.Clamp(size ?? DefaultSize, 1, MaxSize);
        var includeEnded = status == "all";
        var etag = Etag(stamp, today, $"json:{page}:{take}:{includeEnded}");
        if (NotModified(etag, stamp.LastModified))
        {
            return StatusCode(StatusCodes.Status304NotModified);
        }

        var query = includeEnded ? db.CatalogueEntries.AsNoTracking() : queries.InForce(today);
        var paged = await query.ToPagedAsync(q => q.OrderBy(e => e.ProductId), page, take, ct: ct);
        var baseUrl = BaseUrl();
        var next = paged.HasNext
            ? $"{baseUrl}/open-data/products.json?page={paged.Page + 1}&size={take}{(includeEnded ? "&status=all" : "")}"
            : null;
        var body = new OpenDataPage(stamp.LastModified, paged.Page, take, paged.Total, next, paged.Items.Select(e => Map(e, today, baseUrl)).ToList());
        return new ContentResult
        {
            Content = JsonSerializer.Serialize(body, JsonOptions),
            ContentType = "application/json; charset=utf-8",
        };
    }

    [HttpGet("products.csv")]
    [OutputCache(PolicyName = CatalogueCaching.Policy)]
    public async Task<IActionResult> ProductsCsv(string? status, CancellationToken ct)
    {
        var today = queries.Today;
        var stamp = await StampAsync(today, ct);
        var includeEnded = status == "all";
        var etag = Etag(stamp, today, $"csv:{includeEnded}");
        if (NotModified(etag, stamp.LastModified))
        {
            return StatusCode(StatusCodes.Status304NotModified);
        }

        var query = includeEnded ? db.CatalogueEntries.AsNoTracking() : queries.InForce(today);
        var rows = await query.OrderBy(e => e.ProductId).ToListAsync(ct);
        var baseUrl = BaseUrl();
        var csv = new StringBuilder();
        csv.Append(string.Join(',', Columns)).Append("\r\n");
        foreach (var p in rows.Select(e => Map(e, today, baseUrl)))
        {
            string[] cells =
            [
                Num(p.ProductId), p.ProductName, p.ProducerName, p.ProducerType, p.CommuneCode, p.CommuneName, p.ProvinceCode,
                p.SectorCode, p.GroupCode, p.CategoryCode, p.CategoryName, Num(p.CriteriaSet), Num(p.Stars), p.CertificateNumber,
                Date(p.IssuedOn), Date(p.ValidUntil), p.ExtendedUntil is { } x ? Date(x) : "", p.Status, p.ProductUrl, p.VerifyUrl,
            ];
            csv.Append(string.Join(',', cells.Select(Cell))).Append("\r\n");
        }

        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
        return File(bytes, "text/csv; charset=utf-8", "ocop-products.csv");
    }

    /// <summary>The CSV header, in the order of <see cref="OpenDataProduct"/> (same names as the JSON fields).</summary>
    public static readonly string[] Columns =
    [
        "productId", "productName", "producerName", "producerType", "communeCode", "communeName", "provinceCode",
        "sectorCode", "groupCode", "categoryCode", "categoryName", "criteriaSet", "stars", "certificateNumber",
        "issuedOn", "validUntil", "extendedUntil", "status", "productUrl", "verifyUrl",
    ];

    private sealed record Stamp(int Count, DateTimeOffset LastModified);

    /// <summary>
    /// What the files depend on: the entries (count and newest change) and the day (statuses follow the date). Last
    /// modified is the newest change or the start of today, whichever is later, to the second.
    /// </summary>
    private async Task<Stamp> StampAsync(DateOnly today, CancellationToken ct) =>
        // The newest change needs a scan of the table (20,000 wide rows: ~30 ms), so it is kept in memory until the
        // index changes something (CatalogueIndex.EvictAsync removes it) or for a minute at most.
        (await memory.GetOrCreateAsync($"{CatalogueIndex.StampCacheKey}:{today.DayNumber}", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            return await ReadStampAsync(today, ct);
        }))!;

    private async Task<Stamp> ReadStampAsync(DateOnly today, CancellationToken ct)
    {
        var row = await db.CatalogueEntries.GroupBy(_ => 1).Select(g => new { Count = g.Count(), Max = g.Max(e => e.UpdatedAt) }).FirstOrDefaultAsync(ct);
        var dayStart = new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(7));
        var last = row is null || row.Max < dayStart ? dayStart : row.Max;
        return new Stamp(row?.Count ?? 0, new DateTimeOffset(last.UtcTicks - (last.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero));
    }

    private static string Etag(Stamp stamp, DateOnly today, string variant) =>
        $"\"{stamp.Count.ToString(CultureInfo.InvariantCulture)}-{stamp.LastModified.UtcTicks.ToString(CultureInfo.InvariantCulture)}-{today.DayNumber.ToString(CultureInfo.InvariantCulture)}-{variant}\"";

    private bool NotModified(string etag, DateTimeOffset lastModified)
    {
        Response.Headers.ETag = etag;
        Response.Headers.LastModified = HeaderUtilities.FormatDate(lastModified);
        Response.Headers.CacheControl = "public, max-age=300";
        var request = Request.GetTypedHeaders();
        if (request.IfNoneMatch is { Count: > 0 } tags)
        {
            return tags.Any(t => t.Tag == "*" || t.Tag.Equals(etag, StringComparison.Ordinal));
        }

        return request.IfModifiedSince is { } since && lastModified <= since;
    }

    private string BaseUrl() =>
        string.IsNullOrEmpty(portal.Value.PublicBaseUrl) ? $"{Request.Scheme}://{Request.Host}" : portal.Value.PublicBaseUrl.TrimEnd('/');

    public static OpenDataProduct Map(CatalogueEntry e, DateOnly today, string baseUrl) => new(
        e.ProductId, e.ProductName, e.ProducerName, e.ProducerType.ToString(), e.CommuneCode, e.CommuneName, e.ProvinceCode,
        e.SectorCode, e.GroupCode, e.CategoryCode, e.CategoryName, e.CriteriaSetNumber, e.Stars, e.CertificateNumber,
        e.IssuedOn, e.ValidUntil, e.ExtendedUntil,
        CatalogueLabels.Code(CertificateLifecycle.StatusOn(e.State, e.ValidUntil, e.ExtendedUntil, today)),
        $"{baseUrl}/products/{e.ProductId}", baseUrl + CertificateIssuer.VerificationPath(e.Token));

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>RFC 4180 quoting; a cell starting with = + - @ gets a leading apostrophe so spreadsheets never run it as a formula.</summary>
    private static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
