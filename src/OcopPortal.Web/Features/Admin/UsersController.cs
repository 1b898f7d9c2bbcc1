using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain;
using OcopPortal.Web.Features.Account;
using OcopPortal.Web.Infrastructure.Audit;
using OcopPortal.Web.Infrastructure.Auth;
using OcopPortal.Web.Infrastructure.Email;
using OcopPortal.Web.Infrastructure.Web;

namespace OcopPortal.Web.Features.Admin;

/// <summary>Staff accounts: an admin creates them and the person sets their own password from an emailed link.</summary>
[Authorize(Policy = Policies.Admin)]
[Route("admin/users")]
public sealed class UsersController(
    OcopDbContext db, UserManager<AppUser> users, EmailOutbox outbox, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> l)
    : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int? page, string? q, CancellationToken ct)
    {
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            query = query.Where(u => u.Email!.Contains(term) || u.FullName.Contains(term));
        }

        ViewData["q"] = q;
        var now = clock.GetUtcNow();
        var paged = await query.OrderBy(u => u.NormalizedEmail) // indexed by Identity; Email is not
            .Select(u => new { u.Id, u.Email, u.FullName, u.CreatedAt, u.EmailConfirmed, u.LockoutEnd })
            .ToPagedAsync(page, ct: ct);
        var ids = paged.Items.Select(u => u.Id).ToList();
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ids.Contains(ur.UserId) select new { ur.UserId, r.Name })
            .ToListAsync(ct);
        var rows = paged.Items.Select(u => new UserRow(u.Id, u.Email!, u.FullName, u.CreatedAt, u.EmailConfirmed, u.LockoutEnd > now,
            roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).ToList())).ToList();
        return View(new Paged<UserRow>(rows, paged.Page, paged.PageSize, paged.Total));
    }

    [HttpGet("new")]
    public IActionResult Create() => View(new CreateStaffInput());

    [HttpPost("new")]
    public async Task<IActionResult> Create(CreateStaffInput input)
    {
        if (ModelState.IsValid && await users.FindByEmailAsync(input.Email!.Trim()) is not null)
        {
            ModelState.AddModelError(nameof(input.Email), l["Email này đã có tài khoản."]);
        }

        if (!ModelState.IsValid)
        {
            return View(input);
        }

        var email = input.Email!.Trim();
        var user = new AppUser { UserName = email, Email = email, FullName = input.FullName!.Trim(), CreatedAt = clock.GetUtcNow() };
        await db.InTransactionAsync(async () =>
        {
            var created = await users.CreateAsync(user); // no password: the invitee sets it from the link
            if (!created.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
            }

            await users.AddToRoleAsync(user, input.Role!);
            await PasswordController.QueueSetPasswordLinkAsync(this, users, outbox, user,
                "Tài khoản Cổng thông tin OCOP của bạn", "account.invite",
                $"Quản trị viên đã tạo cho bạn tài khoản với vai trò {Roles.DisplayName(input.Role!)}. Hãy đặt mật khẩu để bắt đầu sử dụng.");
            audit.Record("account.staff-created", nameof(AppUser), user.Id, new { user.Email, input.Role });
            await db.SaveChangesAsync();
        });

        TempData["Flash"] = l["Đã tạo tài khoản {0} và gửi thư mời đặt mật khẩu.", email].Value;
        return RedirectToAction(nameof(Index));
    }
}
