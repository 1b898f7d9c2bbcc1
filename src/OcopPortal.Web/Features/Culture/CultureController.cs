using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using OcopPortal.Web.Infrastructure.Localization;

namespace OcopPortal.Web.Features.Culture;

/// <summary>The language switch in the footer (vi-VN default, en-US).</summary>
[AllowAnonymous]
public sealed class CultureController : Controller
{
    /// <summary>
    /// The same switch as a GET, for pages shared through the output cache (they cannot carry a per-visitor
    /// antiforgery token). It only sets the language preference cookie and redirects to a local URL.
    /// </summary>
    [HttpGet("culture")]
    public IActionResult SetFromLink(string? culture, string? returnUrl) => Set(culture, returnUrl);

    [HttpPost("culture")]
    public IActionResult Set(string? culture, string? returnUrl)
    {
        var chosen = culture == LocalizationSetup.English ? LocalizationSetup.English : LocalizationSetup.Vietnamese;
        Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
