using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain.Dossiers;
using OcopPortal.Web.Infrastructure.Audit;
using OcopPortal.Web.Infrastructure.Auth;
using OcopPortal.Web.Infrastructure.Web;

namespace OcopPortal.Web.Features.Admin;

public sealed record StaffCommunesPage(string UserId, string Email, string FullName, IReadOnlyList<(string Code, string Name)> Communes, IReadOnlySet<string> Assigned);

/// <summary>Which communes a commune officer works for: they see (and check) the dossiers of these communes only.</summary>
[Authorize(Policy = Policies.Admin)]
[Route("admin/users/{id}/communes")]
public sealed class StaffCommunesController(OcopDbContext db, AuditLog audit, IOptions<PortalOptions> portal, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string id, CancellationToken ct)
    {
        var page = await PageAsync(id, ct);
        return page is null ? NotFound() : View(page);
    }

    [HttpPost("")]
    public async Task<IActionResult> Index(string id, List<string>? communes, CancellationToken ct)
    {
        var page = await PageAsync(id, ct);
        if (page is null)
        {
            return NotFound();
        }

        var wanted = (communes ?? []).Distinct().ToHashSet();
        var valid = page.Communes.Select(c => c.Code).ToHashSet();
        if (!wanted.IsSubsetOf(valid))
        {
            TempData["FlashError"] = l["Có xã, phường không thuộc tỉnh; không có thay đổi nào được lưu."].Value;
            return Redirect($"/admin/users/{id}/communes");
        }

        var current = await db.StaffCommunes.Where(s => s.UserId == id).ToListAsync(ct);
        db.StaffCommunes.RemoveRange(current.Where(s => !wanted.Contains(s.CommuneCode)));
        db.StaffCommunes.AddRange(wanted.Where(c => current.All(s => s.CommuneCode != c)).Select(c => new StaffCommune { UserId = id, CommuneCode = c }));
        audit.Record("account.communes-assigned", "AppUser", id, new { Communes = wanted.Order().ToList() });
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = l["Đã lưu địa bàn phụ trách của {0}: {1} xã, phường.", page.Email, wanted.Count].Value;
        return Redirect($"/admin/users/{id}/communes");
    }

    private async Task<StaffCommunesPage?> PageAsync(string id, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => new { u.Id, u.Email, u.FullName }).SingleOrDefaultAsync(ct);
        if (user is null)
        {
            return null;
        }

        var province = portal.Value.ProvinceCode;
        var communes = (await db.Communes.AsNoTracking().Where(c => c.ProvinceCode == province).OrderBy(c => c.Name).Select(c => new { c.Code, c.FullName }).ToListAsync(ct))
            .Select(c => (c.Code, c.FullName)).ToList();
        var assigned = (await db.StaffCommunes.Where(s => s.UserId == id).Select(s => s.CommuneCode).ToListAsync(ct)).ToHashSet();
        return new StaffCommunesPage(user.Id, user.Email!, user.FullName, communes, assigned);
    }
}
