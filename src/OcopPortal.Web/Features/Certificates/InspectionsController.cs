using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain.Recognition;
using OcopPortal.Web.Features.Dossiers;
using OcopPortal.Web.Infrastructure.Audit;
using OcopPortal.Web.Infrastructure.Auth;
using OcopPortal.Web.Infrastructure.Web;

namespace OcopPortal.Web.Features.Certificates;

public sealed record InspectionsPage(Certificate Certificate, CertificateStatus Status, IReadOnlyList<Inspection> Inspections, InspectionInput Input);

public sealed record FollowUpRow(int InspectionId, int CertificateId, string Number, string ProductName, string ProducerName, DateOnly InspectedOn,
    InspectionOutcome Outcome, DateOnly DueOn, bool Overdue);

public sealed record FollowUpsPage(Paged<FollowUpRow> Rows, DateOnly Today);

/// <summary>
/// Kiểm tra, giám sát sau công nhận (Art. 9): the Office records periodic and ad-hoc inspections of a certified
/// product with findings, an outcome and a follow-up due date, records the follow-up done, and follows the open
/// follow-ups in one list (overdue first). An inspection recommending revocation leads to the revocation form.
/// </summary>
[Authorize(Policy = Policies.Office)]
public sealed class InspectionsController(OcopDbContext db, CertificateRegistry registry, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("certificates/{id:int}/inspections")]
    public async Task<IActionResult> Index(int id, CancellationToken ct)
    {
        var certificate = await db.Certificates.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        return certificate is null ? NotFound() : View(await PageAsync(certificate, new InspectionInput { InspectedOn = registry.Today }, ct));
    }

    [HttpPost("certificates/{id:int}/inspections")]
    public async Task<IActionResult> Create(int id, InspectionInput input, CancellationToken ct)
    {
        var certificate = await db.Certificates.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (certificate is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return View("Index", await PageAsync(certificate, input, ct));
        }

        var inspection = new Inspection
        {
            CertificateId = id,
            Kind = input.Kind!.Value,
            InspectedOn = input.InspectedOn!.Value,
            Inspectors = input.Inspectors!.Trim(),
            Findings = input.Findings!.Trim(),
            Outcome = input.Outcome!.Value,
            FollowUpDueOn = input.FollowUpDueOn,
            CreatedAt = clock.GetUtcNow(),
            CreatedByUserId = DossierAccess.UserId(User),
        };
        db.Inspections.Add(inspection);
        await db.InTransactionAsync(async () =>
        {
            await db.SaveChangesAsync(ct);
            audit.Record("certificate.inspected", nameof(Inspection), inspection.Id.ToString(CultureInfo.InvariantCulture),
                new { CertificateId = id, inspection.Kind, inspection.Outcome, FollowUpDueOn = inspection.FollowUpDueOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
            await db.SaveChangesAsync(ct);
        }, ct);
        if (inspection.Outcome == InspectionOutcome.RevocationRecommended && certificate.State != CertificateState.Revoked)
        {
            TempData["Flash"] = l["Đã lưu biên bản kiểm tra. Kết luận đề nghị thu hồi: biểu mẫu thu hồi đã được điền sẵn từ biên bản."].Value;
            return Redirect($"/certificates/{id}/revocation?inspection={inspection.Id}");
        }

        TempData["Flash"] = l["Đã lưu biên bản kiểm tra."].Value;
        return Redirect($"/certificates/{id}/inspections");
    }

    [HttpPost("inspections/{inspectionId:int}/follow-up")]
    public async Task<IActionResult> FollowUp(int inspectionId, FollowUpInput input, CancellationToken ct)
    {
        var inspection = await db.Inspections.FirstOrDefaultAsync(i => i.Id == inspectionId, ct);
        if (inspection is null)
        {
            return NotFound();
        }

        if (inspection.FollowUpDueOn is null || inspection.FollowUpDoneOn is not null)
        {
            TempData["FlashError"] = l["Biên bản này không có yêu cầu khắc phục đang mở."].Value;
            return Redirect($"/certificates/{inspection.CertificateId}/inspections");
        }

        if (!ModelState.IsValid)
        {
            TempData["FlashError"] = string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).Distinct());
            return Redirect($"/certificates/{inspection.CertificateId}/inspections");
        }

        inspection.FollowUpDoneOn = input.DoneOn;
        inspection.FollowUpNotes = input.Notes!.Trim();
        audit.Record("certificate.follow-up-done", nameof(Inspection), inspectionId.ToString(CultureInfo.InvariantCulture),
            new { inspection.CertificateId, DoneOn = input.DoneOn!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = l["Đã ghi nhận kết quả khắc phục."].Value;
        return Redirect($"/certificates/{inspection.CertificateId}/inspections");
    }

    /// <summary>Open follow-ups across all certificates, the earliest due first (overdue flagged).</summary>
    [HttpGet("inspections")]
    public async Task<IActionResult> Open(int? page, CancellationToken ct)
    {
        var today = registry.Today;
        var open = from i in db.Inspections
                   join c in db.Certificates on i.CertificateId equals c.Id
                   where i.FollowUpDueOn != null && i.FollowUpDoneOn == null
                   select new { i, c };
        var paged = await open.ToPagedAsync(q => q.OrderBy(x => x.i.FollowUpDueOn).ThenBy(x => x.i.Id)
            .Select(x => new FollowUpRow(x.i.Id, x.c.Id, x.c.Number, x.c.ProductName, x.c.ProducerName, x.i.InspectedOn, x.i.Outcome,
                x.i.FollowUpDueOn!.Value, x.i.FollowUpDueOn < today)), page, ct: ct);
        return View(new FollowUpsPage(paged, today));
    }

    private async Task<InspectionsPage> PageAsync(Certificate certificate, InspectionInput input, CancellationToken ct) => new(
        certificate, CertificateLifecycle.StatusOn(certificate, registry.Today),
        await db.Inspections.AsNoTracking().Where(i => i.CertificateId == certificate.Id).OrderByDescending(i => i.InspectedOn).ThenByDescending(i => i.Id).ToListAsync(ct),
        input);
}
