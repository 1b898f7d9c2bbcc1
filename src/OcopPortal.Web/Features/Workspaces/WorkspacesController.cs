using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OcopPortal.Web.Features.Councils;
using OcopPortal.Web.Features.Producers;
using OcopPortal.Web.Infrastructure.Auth;

namespace OcopPortal.Web.Features.Workspaces;

/// <summary>Each role's home page; later features fill them with their work lists.</summary>
public sealed class WorkspacesController : Controller
{
    /// <summary>After sign-in: the home of the user's most specific role.</summary>
    [Authorize(Policy = Policies.SignedIn)]
    [HttpGet("/my")]
    public IActionResult Mine()
    {
        string[] order = [Roles.Admin, Roles.Office, Roles.CouncilChair, Roles.CouncilMember, Roles.Commune, Roles.Producer];
        var role = order.FirstOrDefault(User.IsInRole);
        return role switch
        {
            Roles.Admin => Redirect("/admin/users"),
            Roles.Office => Redirect("/office"),
            Roles.CouncilChair or Roles.CouncilMember => Redirect("/council"),
            Roles.Commune => Redirect("/commune"),
            Roles.Producer => Redirect("/producer"),
            _ => Redirect("/"),
        };
    }

    [Authorize(Policy = Policies.Producer)]
    [HttpGet("/producer")]
    public async Task<IActionResult> Producer([FromServices] ProducerProfiles profiles, CancellationToken ct) =>
        View(await profiles.OwnedByAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, ct));

    [Authorize(Policy = Policies.Commune)]
    [HttpGet("/commune")]
    public IActionResult Commune() => View();

    [Authorize(Policy = Policies.Office)]
    [HttpGet("/office")]
    public IActionResult Office() => View();

    /// <summary>The rounds where the member holds a voting seat, with their own progress (conflicted products not counted).</summary>
    [Authorize(Policy = Policies.Council)]
    [HttpGet("/council")]
    public async Task<IActionResult> Council([FromServices] MemberScoring scoring, CancellationToken ct) =>
        View(new CouncilWorkspace(await scoring.MyRoundsAsync(User, ct)));
}
