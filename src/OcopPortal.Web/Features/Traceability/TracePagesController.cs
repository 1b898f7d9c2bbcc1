using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain.Producers;
using OcopPortal.Web.Domain.Recognition;
using OcopPortal.Web.Domain.Traceability;
using OcopPortal.Web.Features.Catalogue;

namespace OcopPortal.Web.Features.Traceability;

/// <summary>The certificate facts a traceability page repeats when the product is in the catalogue.</summary>
public sealed record TraceCertificate(int Stars, string Number, string Token, CertificateState State, DateOnly ValidUntil, DateOnly? ExtendedUntil);

/// <summary>A public traceability page: one published version, and the batch when the label was a batch's.</summary>
public sealed record TracePageModel(
    string Code, string ProductName, int ProducerId, string ProducerName, ProducerType ProducerType, string ProducerAddress, string? ProducerPhone, string? ProducerEmail,
    TraceCertificate? Certificate, int ProductId, int VersionNumber, DateTimeOffset PublishedAt, TraceContent Content, TraceBatch? Batch, int CurrentVersion, DateOnly Today)
{
    public CertificateStatus? Status => Certificate is { } c ? CertificateLifecycle.StatusOn(c.State, c.ValidUntil, c.ExtendedUntil, Today) : null;

    public bool NewerVersionExists => VersionNumber < CurrentVersion;
}

/// <summary>
/// Traceability pages for anyone who scans a label: anonymous on purpose, only published versions (a draft never
/// appears), the producer's phone and email only when made public, output-cached like the catalogue and evicted when
/// a version is published or a batch created. An unknown code is the plain 404 page. At most three queries.
/// </summary>
[AllowAnonymous]
public sealed class TracePagesController(OcopDbContext db, TimeProvider clock) : Controller
{
    [HttpGet("/trace/{code}")]
    [OutputCache(PolicyName = CatalogueCaching.Policy)]
    public Task<IActionResult> Show(string code, CancellationToken ct) => PageAsync(code, null, ct);

    [HttpGet("/trace/{code}/{batch}")]
    [OutputCache(PolicyName = CatalogueCaching.Policy)]
    public Task<IActionResult> Batch(string code, string batch, CancellationToken ct) => PageAsync(code, batch, ct);

    private async Task<IActionResult> PageAsync(string code, string? batchCode, CancellationToken ct)
    {
        code = code.ToUpperInvariant();
        if (!TraceCodes.IsCode(code))
        {
            return NotFound();
        }

        var head = await (from t in db.TraceRecords.AsNoTracking()
                          join p in db.Set<Product>() on t.ProductId equals p.Id
                          join pr in db.Set<Producer>() on p.ProducerId equals pr.Id
                          join c in db.Communes on pr.CommuneCode equals c.Code
                          where t.Code == code && t.CurrentVersion > 0
                          select new
                          {
                              t.Id,
                              t.CurrentVersion,
                              ProductId = p.Id,
                              ProductName = p.Name,
                              ProducerId = pr.Id,
                              ProducerName = pr.Name,
                              pr.Type,
                              Address = pr.StreetAddress + ", " + c.FullName,
                              pr.ContactPublic,
                              pr.Phone,
                              pr.Email,
                              Entry = db.CatalogueEntries.Where(e => e.ProductId == p.Id)
                                  .Select(e => new TraceCertificate(e.Stars, e.CertificateNumber, e.Token, e.State, e.ValidUntil, e.ExtendedUntil)).FirstOrDefault(),
                          }).SingleOrDefaultAsync(ct);
        if (head is null)
        {
            return NotFound();
        }

        TraceBatch? batch = null;
        var number = head.CurrentVersion;
        if (batchCode is not null)
        {
            var normalised = TraceCodes.NormaliseBatchCode(batchCode);
            batch = TraceCodes.IsBatchCode(normalised)
                ? await db.TraceBatches.AsNoTracking().SingleOrDefaultAsync(b => b.TraceRecordId == head.Id && b.Code == normalised, ct)
                : null;
            if (batch is null)
            {
                return NotFound();
            }

            number = batch.VersionNumber;
        }

        var version = await db.TraceVersions.AsNoTracking().Where(v => v.TraceRecordId == head.Id && v.Number == number)
            .Select(v => new { v.PublishedAt, v.ContentJson }).SingleAsync(ct);
        return View("Show", new TracePageModel(
            code, head.ProductName, head.ProducerId, head.ProducerName, head.Type, head.Address,
            head.ContactPublic ? head.Phone : null, head.ContactPublic ? head.Email : null,
            head.Entry, head.ProductId, number, version.PublishedAt, TraceContent.FromJson(version.ContentJson), batch, head.CurrentVersion,
            DateOnly.FromDateTime(clock.GetLocalNow().Date)));
    }
}
