using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain.Producers;
using OcopPortal.Web.Domain.Recognition;
using OcopPortal.Web.Features.Catalogue;
using OcopPortal.Web.Features.Dossiers;
using OcopPortal.Web.Infrastructure.Audit;
using OcopPortal.Web.Infrastructure.Auth;
using OcopPortal.Web.Infrastructure.Files;
using OcopPortal.Web.Infrastructure.Notifications;
using OcopPortal.Web.Infrastructure.Web;

namespace OcopPortal.Web.Features.Certificates;

public sealed record RevocationPage(Certificate Certificate, CertificateStatus Status, RevocationInput Input, IReadOnlyList<Inspection> Inspections);

/// <summary>
/// Thu hồi giấy chứng nhận (QĐ 26/2026 Art. 8) by the Office: one of the six grounds, the revoking decision, optional
/// inspection and PDF attachments, confirmed as irreversible. One transaction writes the revocation, marks the
/// certificate revoked, audits it and notifies the producer. There is no route that undoes it: a certificate can be
/// revoked once (a unique index backs the check), and only a new decision can recognise the product again.
/// </summary>
[Authorize(Policy = Policies.Office)]
[Route("certificates/{id:int}/revocation")]
public sealed class RevocationController(
    OcopDbContext db, CertificateRegistry registry, FileStore files, AuditLog audit, Notifier notifier, TimeProvider clock,
    IOptions<PortalOptions> portal, IStringLocalizer<SharedResource> l, CatalogueIndex catalogue) : Controller
{
    public const string AlreadyRevoked = "Giấy chứng nhận này đã bị thu hồi; việc thu hồi không thể thực hiện lại hoặc hoàn tác.";

    [HttpGet("")]
    public async Task<IActionResult> New(int id, int? inspection, CancellationToken ct)
    {
        var certificate = await db.Certificates.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (certificate is null)
        {
            return NotFound();
        }

        if (certificate.State == CertificateState.Revoked)
        {
            TempData["FlashError"] = l[AlreadyRevoked].Value;
            return Redirect($"/certificates/{id}");
        }

        var input = new RevocationInput { Authority = portal.Value.AuthorityName, DecisionDate = registry.Today };
        if (inspection is { } iid && await db.Inspections.AsNoTracking().FirstOrDefaultAsync(i => i.Id == iid && i.CertificateId == id, ct) is { } found)
        {
            input.InspectionId = found.Id;
            input.Ground = found.Outcome == InspectionOutcome.RevocationRecommended ? RevocationGround.NoLongerMeetsCriteria : null;
            input.Details = found.Findings;
        }

        return View(await PageAsync(certificate, input, ct));
    }

    [HttpPost("")]
    [RequestFormLimits(MultipartBodyLengthLimit = 64L * 1024 * 1024)]
    public async Task<IActionResult> Create(int id, RevocationInput input, List<IFormFile>? attachments, CancellationToken ct)
    {
        var certificate = await db.Certificates.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (certificate is null)
        {
            return NotFound();
        }

        if (certificate.State == CertificateState.Revoked || await db.Revocations.AnyAsync(r => r.CertificateId == id, ct))
        {
            TempData["FlashError"] = l[AlreadyRevoked].Value;
            return Redirect($"/certificates/{id}");
        }

        if (input.InspectionId is { } iid && !await db.Inspections.AnyAsync(i => i.Id == iid && i.CertificateId == id, ct))
        {
            ModelState.AddModelError(nameof(input.InspectionId), l["Biên bản kiểm tra không thuộc giấy chứng nhận này."]);
        }

        var uploads = (attachments ?? []).Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)).ToList();
        if (uploads.Any(f => !string.Equals(Path.GetExtension(f.FileName), ".pdf", StringComparison.OrdinalIgnoreCase)))
        {
            ModelState.AddModelError("attachments", l["Tệp đính kèm phải là PDF (quyết định thu hồi, biên bản kiểm tra)."]);
        }

        if (!ModelState.IsValid)
        {
            return View("New", await PageAsync(certificate, input, ct));
        }

        var userId = DossierAccess.UserId(User);
        var revocation = new Revocation
        {
            CertificateId = id,
            Ground = input.Ground!.Value,
            Details = input.Details!.Trim(),
            DecisionNumber = input.DecisionNumber!.Trim(),
            DecisionDate = input.DecisionDate!.Value,
            Authority = input.Authority!.Trim(),
            InspectionId = input.InspectionId,
            CreatedAt = clock.GetUtcNow(),
            CreatedByUserId = userId,
        };
        foreach (var upload in uploads)
        {
            switch (await files.SaveAsync(upload, 0, userId, ct))
            {
                case FileSaveResult.Success { File.Kind: FileKind.Pdf } ok:
                    revocation.Attachments.Add(new RevocationAttachment { FileId = ok.File.Id });
                    break;
                case FileSaveResult.Success:
                    ModelState.AddModelError("attachments", l["Tệp đính kèm phải là PDF (quyết định thu hồi, biên bản kiểm tra)."]);
                    break;
                case FileSaveResult.Rejected rejected:
                    ModelState.AddModelError("attachments", rejected.Reason.Localize(l));
                    break;
            }
        }

        if (!ModelState.IsValid)
        {
            db.ChangeTracker.Clear(); // nothing of a refused revocation is stored, not even its files
            return View("New", await PageAsync(certificate, input, ct));
        }

        certificate.State = CertificateState.Revoked;
        certificate.StateChangedAt = clock.GetUtcNow();
        certificate.Version = Guid.NewGuid();
        db.Revocations.Add(revocation);
        var producer = await db.Set<Producer>().AsNoTracking().Where(p => p.Id == certificate.ProducerId)
            .Select(p => new { p.OwnerUserId, p.Email }).FirstOrDefaultAsync(ct);
        try
        {
            await db.InTransactionAsync(async () =>
            {
                await db.SaveChangesAsync(ct);
                audit.Record("certificate.revoked", nameof(Certificate), id.ToString(CultureInfo.InvariantCulture), new
                {
                    certificate.Number,
                    revocation.Ground,
                    revocation.DecisionNumber,
                    DecisionDate = revocation.DecisionDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    revocation.InspectionId,
                    Attachments = revocation.Attachments.Count,
                });
                if (producer?.OwnerUserId is { } owner)
                {
                    notifier.Notify([new Recipient(owner, producer.Email)], "certificate-revoked",
                        l["Giấy chứng nhận OCOP số {0} đã bị thu hồi", certificate.Number].Value,
                        l["Giấy chứng nhận OCOP số {0} của sản phẩm {1} đã bị thu hồi theo Quyết định số {2} ngày {3:dd/MM/yyyy} của {4}. Căn cứ: {5}.",
                            certificate.Number, certificate.ProductName, revocation.DecisionNumber, revocation.DecisionDate, revocation.Authority,
                            l[CertificateLabels.Ground(revocation.Ground)]].Value,
                        "/my/certificates");
                }

                await db.SaveChangesAsync(ct);
            }, ct);
        }
        catch (DbUpdateException)
        {
            // Another officer revoked it at the same moment: the unique index kept one revocation.
            db.ChangeTracker.Clear();
            TempData["FlashError"] = l[AlreadyRevoked].Value;
            return Redirect($"/certificates/{id}");
        }

        await catalogue.RefreshCertificateAsync(id, ct); // revoked disappears from the valid catalogue at once
        TempData["Flash"] = l["Đã thu hồi giấy chứng nhận số {0}. Trang tra cứu công khai hiển thị trạng thái đã thu hồi; chủ thể đã được thông báo.", certificate.Number].Value;
        return Redirect($"/certificates/{id}");
    }

    private async Task<RevocationPage> PageAsync(Certificate certificate, RevocationInput input, CancellationToken ct) => new(
        certificate, CertificateLifecycle.StatusOn(certificate, registry.Today), input,
        await db.Inspections.AsNoTracking().Where(i => i.CertificateId == certificate.Id).OrderByDescending(i => i.InspectedOn).ToListAsync(ct));
}
