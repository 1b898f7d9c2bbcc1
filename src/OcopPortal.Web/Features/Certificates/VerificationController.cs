using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace OcopPortal.Web.Features.Certificates;

/// <summary>
/// The public verification page a certificate's QR code opens (tra cứu giấy chứng nhận). Anyone may scan a
/// certificate, so no sign-in; the unguessable token is the only key, an unknown or altered token is the same plain
/// 404 whatever exists, and the page shows only what the certificate itself prints plus its status today.
/// </summary>
[AllowAnonymous] // public by design: visitors and buyers scan the QR on a certificate or a product
[EnableRateLimiting(VerificationRateLimit.Policy)]
public sealed class VerificationController(CertificatePages pages) : Controller
{
    [HttpGet("verify/{token}")]
    public async Task<IActionResult> Show(string token, CancellationToken ct)
    {
        var page = await pages.VerificationAsync(token, ct);
        Response.Headers.CacheControl = "no-store"; // a revocation shows at once
        if (page is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return View("NotFound");
        }

        return View(page);
    }
}
