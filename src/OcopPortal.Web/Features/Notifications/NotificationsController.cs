using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OcopPortal.Web.Data;
using OcopPortal.Web.Features.Dossiers;
using OcopPortal.Web.Infrastructure.Auth;
using OcopPortal.Web.Infrastructure.Notifications;
using OcopPortal.Web.Infrastructure.Web;

namespace OcopPortal.Web.Features.Notifications;

/// <summary>The signed-in user's notifications: newest first, paged; opening one marks it read.</summary>
[Authorize(Policy = Policies.SignedIn)]
[Route("notifications")]
public sealed class NotificationsController(OcopDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l) : Controller
{
    private string UserId => DossierAccess.UserId(User);

    [HttpGet("")]
    public async Task<IActionResult> Index(int? page, CancellationToken ct) =>
        View(await db.Notifications.AsNoTracking().Where(n => n.UserId == UserId).OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .ToPagedAsync(page, ct: ct));

    /// <summary>Marks one read and opens what it is about (only the user's own; another's id is a 404).</summary>
    [HttpPost("{id:long}/read")]
    public async Task<IActionResult> Read(long id, CancellationToken ct)
    {
        var n = await db.Notifications.SingleOrDefaultAsync(x => x.Id == id && x.UserId == UserId, ct);
        if (n is null)
        {
            return NotFound();
        }

        n.ReadAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return LocalRedirect(n.Url is { } url && Url.IsLocalUrl(url) ? url : "/notifications");
    }

    [HttpPost("read-all")]
    public async Task<IActionResult> ReadAll(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var count = await db.Notifications.Where(x => x.UserId == UserId && x.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(x => x.ReadAt, now), ct);
        TempData["Flash"] = l["Đã đánh dấu {0} thông báo là đã đọc.", count].Value;
        return Redirect("/notifications");
    }
}

/// <summary>The bell in the menu with the unread count.</summary>
public sealed class NotificationBellViewComponent(OcopDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var userId = DossierAccess.UserId(UserClaimsPrincipal);
        var unread = await db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null);
        return View(unread);
    }
}
