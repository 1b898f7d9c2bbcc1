using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain.Recognition;
using OcopPortal.Web.Infrastructure.Auth;
using OcopPortal.Web.Infrastructure.Files;
using OcopPortal.Web.Infrastructure.Web;

namespace OcopPortal.Web.Features.Certificates;

/// <summary>
/// The certificate registry (sổ theo dõi giấy chứng nhận) and a certificate's page: the Office sees and acts on
/// every certificate; a commune officer reads those of their communes. Status is computed on today's date.
/// </summary>
[Authorize(Policy = Policies.CertificateRegistry)]
[Route("certificates")]
public sealed class CertificatesController(OcopDbContext db, CertificateRegistry registry, CertificatePages pages, IOptions<PortalOptions> portal) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] CertificateFilter filter, CancellationToken ct)
    {
        var today = registry.Today;
        var visible = registry.Visible(User);
        var filtered = visible;
        if (filter.Stars is { } stars)
        {
            filtered = filtered.Where(c => c.Stars == stars);
        }

        if (!string.IsNullOrWhiteSpace(filter.Commune))
        {
            filtered = filtered.Where(c => c.CommuneCode == filter.Commune);
        }

        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = filter.Q.Trim();
            filtered = filtered.Where(c => c.Number.Contains(q) || c.ProductName.Contains(q) || c.ProducerName.Contains(q));
        }

        // Counts per status for the other filters (the status tabs), then the status filter itself.
        var counts = new Dictionary<CertificateStatus, int>();
        foreach (var status in CertificateLabels.Filterable)
        {
            counts[status] = await CertificateRegistry.WithStatus(filtered, status, today).CountAsync(ct);
        }

        if (filter.Status is { } wanted)
        {
            filtered = CertificateRegistry.WithStatus(filtered, wanted, today);
        }

        var page = await filtered.ToPagedAsync(q => q.OrderByDescending(c => c.IssuedOn).ThenByDescending(c => c.Id)
            .Select(c => new { c.Id, c.Number, c.ProductName, c.ProducerName, c.CommuneCode, c.Stars, c.IssuedOn, c.ValidUntil, c.State, c.ExtendedUntil }),
            filter.Page, ct: ct);
        var codes = page.Items.Select(r => r.CommuneCode).Distinct().ToList();
        var names = await db.Communes.Where(c => codes.Contains(c.Code)).ToDictionaryAsync(c => c.Code, c => c.FullName, ct);
        var rows = page.Items.Select(r => new CertificateRow(r.Id, r.Number, r.ProductName, r.ProducerName, names.GetValueOrDefault(r.CommuneCode, r.CommuneCode),
            r.Stars, r.IssuedOn, r.ValidUntil, CertificateLifecycle.StatusOn(r.State, r.ValidUntil, r.ExtendedUntil, today))).ToList();
        var province = portal.Value.ProvinceCode;
        var communes = (await db.Communes.Where(c => c.ProvinceCode == province && visible.Any(x => x.CommuneCode == c.Code)).OrderBy(c => c.Name)
            .Select(c => new { c.Code, c.FullName }).ToListAsync(ct)).Select(c => (c.Code, c.FullName)).ToList();
        return View(new CertificateListPage(new Paged<CertificateRow>(rows, page.Page, page.PageSize, page.Total), filter, counts, communes,
            ReadOnly: !User.IsInRole(Roles.Office)));
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Show(int id, CancellationToken ct)
    {
        var certificate = await registry.Visible(User).AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (certificate is null)
        {
            return NotFound();
        }

        ViewData["ReadOnly"] = !User.IsInRole(Roles.Office);
        return View(await pages.DetailAsync(certificate, Request, ct));
    }

    /// <summary>A revocation attachment (the Office, and commune officers who may see the certificate).</summary>
    [HttpGet("{id:int}/revocation/files/{fileId:guid}")]
    public async Task<IActionResult> RevocationFile(int id, Guid fileId, [FromServices] FileStore store, CancellationToken ct)
    {
        var allowed = await registry.Visible(User).AnyAsync(c => c.Id == id, ct)
            && await db.RevocationAttachments.AnyAsync(a => a.FileId == fileId && db.Revocations.Any(r => r.Id == a.RevocationId && r.CertificateId == id), ct);
        return allowed ? await this.StoredFileAttachmentAsync(store, fileId, ct) : NotFound();
    }
}
