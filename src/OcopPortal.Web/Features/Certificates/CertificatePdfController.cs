using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain.Recognition;
using OcopPortal.Web.Infrastructure.Auth;

namespace OcopPortal.Web.Features.Certificates;

/// <summary>
/// Certificate PDFs: one certificate for the Office and its owning producer (anyone else: 404, so ids reveal nothing),
/// and the batch of an issued decision (one page per certificate) for the Office.
/// </summary>
[Authorize(Policy = Policies.CertificateReaders)]
public sealed class CertificatePdfController(OcopDbContext db, CertificateRegistry registry, CertificatePdf pdf) : Controller
{
    [HttpGet("certificates/{id:int}/certificate.pdf")]
    public async Task<IActionResult> Certificate(int id, CancellationToken ct)
    {
        if (CertificateRegistry.ReaderOf(User) is not (CertificateReader.Office or CertificateReader.Producer))
        {
            return NotFound();
        }

        var which = registry.Visible(User).Where(c => c.Id == id);
        var prints = await registry.PrintsAsync(which, Request, ct);
        if (prints.Count == 0)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "private, no-store";
        return File(pdf.RenderOne(prints[0]), "application/pdf", CertificateRegistry.FileName(prints[0].Number));
    }

    [Authorize(Policy = Policies.Office)]
    [HttpGet("decisions/{id:int}/certificates.pdf")]
    public async Task<IActionResult> Batch(int id, CancellationToken ct)
    {
        var decision = await db.RecognitionDecisions.AsNoTracking()
            .Where(d => d.Id == id && d.Status == DecisionStatus.Issued).Select(d => new { d.Number }).FirstOrDefaultAsync(ct);
        if (decision is null)
        {
            return NotFound();
        }

        var prints = await registry.PrintsAsync(db.Certificates.Where(c => c.DecisionId == id), Request, ct);
        if (prints.Count == 0)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "private, no-store";
        var name = "giay-chung-nhan-qd-" + new string(decision.Number.Select(ch => char.IsAsciiLetterOrDigit(ch) ? ch : '-').ToArray()).Trim('-') + ".pdf";
        return File(pdf.Render(prints), "application/pdf", name);
    }
}
