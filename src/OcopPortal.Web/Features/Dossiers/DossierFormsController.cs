using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OcopPortal.Web.Infrastructure.Auth;

namespace OcopPortal.Web.Features.Dossiers;

/// <summary>
/// The dossier's forms as PDF for printing and signing (Mẫu 01, 02, 03). Like every dossier route, the dossier is
/// loaded through <see cref="DossierAccess"/>: whoever may see the dossier may print its forms; anyone else gets 404.
/// </summary>
[Authorize(Policy = Policies.Dossiers)]
[Route("dossiers/{id:int}/forms")]
public sealed class DossierFormsController(DossierAccess access, DossierForms forms) : Controller
{
    [HttpGet("registration.pdf")]
    public async Task<IActionResult> Registration(int id, CancellationToken ct)
    {
        var grant = await access.FindAsync(User, id, ct);
        return grant is null ? NotFound() : Pdf(await forms.RegistrationAsync(grant.Dossier, ct), DossierForms.FileName("01", grant.Dossier));
    }

    [HttpGet("self-assessment.pdf")]
    public async Task<IActionResult> SelfAssessment(int id, CancellationToken ct)
    {
        var grant = await access.FindAsync(User, id, ct);
        return grant is null ? NotFound() : Pdf(await forms.SelfAssessmentAsync(grant.Dossier, ct), DossierForms.FileName("02", grant.Dossier));
    }

    /// <summary>404 also while the commune has not written its assessment.</summary>
    [HttpGet("commune-assessment.pdf")]
    public async Task<IActionResult> CommuneAssessment(int id, CancellationToken ct)
    {
        var grant = await access.FindAsync(User, id, ct);
        var pdf = grant is null ? null : await forms.CommuneAssessmentAsync(grant.Dossier, ct);
        return pdf is null ? NotFound() : Pdf(pdf, DossierForms.FileName("03", grant!.Dossier));
    }

    private FileContentResult Pdf(byte[] pdf, string fileName)
    {
        Response.Headers.CacheControl = "private, no-store";
        return File(pdf, "application/pdf", fileName);
    }
}
