using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace OcopPortal.Web.Features.Home;

/// <summary>The public home page. The programme-in-numbers panel arrives with the catalogue.</summary>
[AllowAnonymous]
public sealed class HomeController : Controller
{
    [HttpGet("/")]
    public IActionResult Index() => View();
}
