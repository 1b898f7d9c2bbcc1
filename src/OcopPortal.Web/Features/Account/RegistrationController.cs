using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain;
using OcopPortal.Web.Infrastructure.Audit;
using OcopPortal.Web.Infrastructure.Auth;
using OcopPortal.Web.Infrastructure.Email;

namespace OcopPortal.Web.Features.Account;

/// <summary>Producers register themselves and confirm their email; staff are invited by an admin.</summary>
[AllowAnonymous]
[Route("account")]
public sealed class RegistrationController(
    UserManager<AppUser> users, OcopDbContext db, EmailOutbox outbox, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> l)
    : Controller
{
    [HttpGet("register")]
    public IActionResult Register() => View(new RegisterInput());

    [HttpPost("register")]
    public async Task<IActionResult> Register(RegisterInput input)
    {
        if (ModelState.IsValid && await users.FindByEmailAsync(input.Email!.Trim()) is not null)
        {
            ModelState.AddModelError(nameof(input.Email), l["Email này đã được đăng ký. Hãy đăng nhập hoặc dùng chức năng quên mật khẩu."]);
        }

        if (!ModelState.IsValid)
        {
            input.Password = input.ConfirmPassword = null;
            return View(input);
        }

        var email = input.Email!.Trim();
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            FullName = input.FullName!.Trim(),
            PhoneNumber = string.IsNullOrWhiteSpace(input.PhoneNumber) ? null : input.PhoneNumber.Trim(),
            CreatedAt = clock.GetUtcNow(),
        };

        IdentityResult? failed = null;
        await db.InTransactionAsync(async () =>
        {
            var created = await users.CreateAsync(user, input.Password!);
            if (!created.Succeeded)
            {
                failed = created;
                return;
            }

            await users.AddToRoleAsync(user, Roles.Producer);
            await QueueConfirmationAsync(user);
            audit.Record("account.registered", nameof(AppUser), user.Id, new { user.Email, Role = Roles.Producer });
            await db.SaveChangesAsync();
        });

        if (failed is not null)
        {
            foreach (var e in failed.Errors)
            {
                ModelState.AddModelError("", e.Description);
            }

            input.Password = input.ConfirmPassword = null;
            return View(input);
        }

        return RedirectToAction(nameof(Registered), new { email });
    }

    [HttpGet("register/sent")]
    public IActionResult Registered(string? email) => View(model: email);

    [HttpGet("confirm-email")]
    public async Task<IActionResult> ConfirmEmail(string? userId, string? code)
    {
        var user = string.IsNullOrEmpty(userId) ? null : await users.FindByIdAsync(userId);
        var token = TokenCodec.Decode(code);
        if (user is null || token is null)
        {
            return View(false);
        }

        var result = await users.ConfirmEmailAsync(user, token);
        if (result.Succeeded)
        {
            audit.Record("account.email-confirmed", nameof(AppUser), user.Id, actor: null);
            await db.SaveChangesAsync();
        }

        return View(result.Succeeded);
    }

    private async Task QueueConfirmationAsync(AppUser user)
    {
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        var code = TokenCodec.Encode(token);
        var url = Url.Action(nameof(ConfirmEmail), "Registration", new { userId = user.Id, code }, Request.Scheme)!;
        outbox.Enqueue(user.Email!, "Xác nhận email đăng ký Cổng thông tin OCOP", "account.confirm",
            [$"Chào {user.FullName},", "Bạn vừa đăng ký tài khoản chủ thể OCOP. Vui lòng xác nhận email để đăng nhập."],
            ("Xác nhận email", url));
    }
}
