using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain.Catalogue;
using OcopPortal.Web.Domain.Producers;
using OcopPortal.Web.Domain.Recognition;
using OcopPortal.Web.Infrastructure.Files;
using OcopPortal.Web.Infrastructure.Web;

namespace OcopPortal.Web.Features.Catalogue;

public sealed record CataloguePage(CatalogueFilter Filter, Paged<CatalogueCard> Cards, CatalogueReference Reference, DateOnly Today);

/// <summary>The public facts of a certified product's page: the catalogue row plus the product's and producer's public fields.</summary>
public sealed record ProductPageModel(
    CatalogueEntry Entry, string Description, string? Story, string? ShopUrl, string? MarketplaceUrl,
    string ProducerStreetAddress, string? ProducerPhone, string? ProducerEmail,
    IReadOnlyList<Guid> Photos, IReadOnlyList<CatalogueCard> OtherProducts, DateOnly Today, string? TraceCode = null)
{
    public CertificateStatus Status => CertificateLifecycle.StatusOn(Entry.State, Entry.ValidUntil, Entry.ExtendedUntil, Today);
}

public sealed record ProducerPageModel(
    int Id, string Name, ProducerType Type, string Address, string? Phone, string? Email, IReadOnlyList<CatalogueCard> Products, DateOnly Today);

/// <summary>
/// The public catalogue: anonymous on purpose (consumers, traders and e-commerce partners find certified products
/// without an account). Only what a certificate and a product page state publicly is read here; a producer's phone
/// and email appear only when the producer made them public. Pages are output-cached for anonymous visitors under
/// <see cref="CatalogueIndex.CacheTag"/> (evicted on every catalogue change).
/// </summary>
[AllowAnonymous]
public sealed class CatalogueController(CatalogueQueries queries, OcopDbContext db, FileStore files) : Controller
{
    [HttpGet("/products")]
    [OutputCache(PolicyName = CatalogueCaching.Policy)]
    public async Task<IActionResult> Index([FromQuery] CatalogueFilter filter, CancellationToken ct)
    {
        Sanitise(filter);
        var reference = await queries.ReferenceAsync(ct);
        var cards = await queries.PageAsync(filter, ct);
        return View(new CataloguePage(filter, cards, reference, queries.Today));
    }

    [HttpGet("/products/{id:int}")]
    [OutputCache(PolicyName = CatalogueCaching.Policy)]
    public async Task<IActionResult> Product(int id, CancellationToken ct)
    {
        var row = await (from e in db.CatalogueEntries.AsNoTracking()
                         join p in db.Set<Product>() on e.ProductId equals p.Id
                         join pr in db.Set<Producer>() on p.ProducerId equals pr.Id
                         where e.ProductId == id
                         select new
                         {
                             Entry = e,
                             p.Description,
                             p.Story,
                             p.ShopUrl,
                             p.MarketplaceUrl,
                             pr.StreetAddress,
                             pr.ContactPublic,
                             pr.Phone,
                             pr.Email,
                             // Same query: the public traceability page, when one is published.
                             TraceCode = db.TraceRecords.Where(t => t.ProductId == p.Id && t.CurrentVersion > 0).Select(t => t.Code).FirstOrDefault(),
                         }).SingleOrDefaultAsync(ct);
        if (row is null)
        {
            return NotFound();
        }

        var photos = await db.Set<ProductPhoto>().AsNoTracking().Where(p => p.ProductId == id)
            .OrderBy(p => p.SortOrder).ThenBy(p => p.Id).Select(p => p.FileId).ToListAsync(ct);
        var others = await db.CatalogueEntries.AsNoTracking()
            .Where(e => e.ProducerId == row.Entry.ProducerId && e.ProductId != id)
            .OrderByDescending(e => e.InForceUntil >= queries.Today).ThenBy(e => e.NameText).Take(12)
            .Select(e => new CatalogueCard(e.ProductId, e.ProductName, e.ProducerName, e.CommuneName, e.Stars, e.CoverFileId, e.State, e.ValidUntil, e.ExtendedUntil))
            .ToListAsync(ct);
        return View(new ProductPageModel(
            row.Entry, row.Description, row.Story,
            PublicLinkOrNull(row.ShopUrl), PublicLinkOrNull(row.MarketplaceUrl),
            row.StreetAddress, row.ContactPublic ? row.Phone : null, row.ContactPublic ? row.Email : null,
            photos, others, queries.Today, row.TraceCode));
    }

    /// <summary>A photo of a product in the catalogue (photos of uncertified products stay private to their producer).</summary>
    [HttpGet("/products/{id:int}/photos/{fileId:guid}")]
    public async Task<IActionResult> Photo(int id, Guid fileId, CancellationToken ct)
    {
        var listed = await db.CatalogueEntries.AnyAsync(e => e.ProductId == id, ct)
            && await db.Set<ProductPhoto>().AnyAsync(p => p.ProductId == id && p.FileId == fileId, ct);
        var file = listed ? await files.FindAsync(fileId, ct) : null;
        if (file is null || file.ContentType is not ("image/jpeg" or "image/png"))
        {
            return NotFound();
        }

        var content = await files.OpenReadAsync(fileId, ct);
        if (content is null)
        {
            return NotFound();
        }

        // A stored file never changes (a new photo is a new id): let browsers and proxies keep it.
        Response.Headers.CacheControl = "public, max-age=86400, immutable";
        return new FileStreamResult(content, file.ContentType);
    }

    [HttpGet("/producers/{id:int}")]
    [OutputCache(PolicyName = CatalogueCaching.Policy)]
    public async Task<IActionResult> Producer(int id, CancellationToken ct)
    {
        var products = await db.CatalogueEntries.AsNoTracking().Where(e => e.ProducerId == id)
            .OrderByDescending(e => e.InForceUntil >= queries.Today).ThenBy(e => e.NameText).Take(200)
            .Select(e => new CatalogueCard(e.ProductId, e.ProductName, e.ProducerName, e.CommuneName, e.Stars, e.CoverFileId, e.State, e.ValidUntil, e.ExtendedUntil))
            .ToListAsync(ct);
        if (products.Count == 0)
        {
            return NotFound();
        }

        var producer = await (from p in db.Set<Producer>().AsNoTracking()
                              join c in db.Communes on p.CommuneCode equals c.Code
                              where p.Id == id
                              select new { p.Name, p.Type, p.StreetAddress, Commune = c.FullName, p.ContactPublic, p.Phone, p.Email }).SingleAsync(ct);
        return View(new ProducerPageModel(id, producer.Name, producer.Type, $"{producer.StreetAddress}, {producer.Commune}",
            producer.ContactPublic ? producer.Phone : null, producer.ContactPublic ? producer.Email : null, products, queries.Today));
    }

    [HttpGet("/communes")]
    [OutputCache(PolicyName = CatalogueCaching.Policy)]
    public async Task<IActionResult> Communes(string? place, int? page, CancellationToken ct)
    {
        ViewData["Place"] = place;
        return View(await queries.CommunesAsync(place, page, ct));
    }

    /// <summary>Out-of-range filter values are dropped, never an error: a bad link still lists products.</summary>
    private static void Sanitise(CatalogueFilter f)
    {
        f.Q = f.Q is { Length: > 200 } q ? q[..200] : f.Q;
        f.Place = f.Place is { Length: > 100 } p ? p[..100] : f.Place;
        f.Stars = f.Stars is >= 1 and <= 5 ? f.Stars : null;
        f.Set = f.Set is >= 1 and <= 99 ? f.Set : null;
        f.Type = f.Type is { } t && Enum.IsDefined(t) ? t : null;
        f.Sector = f.Sector is { Length: <= 20 } ? f.Sector : null;
        f.Group = f.Group is { Length: <= 20 } ? f.Group : null;
        f.Commune = f.Commune is { Length: <= 10 } ? f.Commune : null;
    }

    /// <summary>Links were validated on save; checked again so a row written another way can never render javascript:.</summary>
    private static string? PublicLinkOrNull(string? url) => Producers.PublicLink.IsValid(url) && !string.IsNullOrWhiteSpace(url) ? url : null;
}
