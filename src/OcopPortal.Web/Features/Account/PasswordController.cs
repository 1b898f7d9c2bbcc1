using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain;
using OcopPortal.Web.Infrastructure.Audit;
using OcopPortal.Web.Infrastructure.Email;

namespace OcopPortal.Web.Features.Account;

/// <summary>Forgotten passwords, and the first password of a staff account an admin created.</summary>
[AllowAnonymous]
[Route("account")]
public sealed class PasswordController(
    UserManager<AppUser> users, OcopDbContext db, EmailOutbox outbox, AuditLog audit, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("forgot-password")]
    public IActionResult ForgotPassword() => View(new ForgotPasswordInput());

    [HttpPost("forgot-password")]
    public async Task<IActionResult> ForgotPassword(ForgotPasswordInput input)
    {
        if (!ModelState.IsValid)
        {
            return View(input);
        }

        // Same answer whether or not the address exists: the page must not reveal who has an account.
        var user = await users.FindByEmailAsync(input.Email!.Trim());
        if (user is not null)
        {
            await QueueSetPasswordLinkAsync(this, users, outbox, user, "Đặt lại mật khẩu Cổng thông tin OCOP", "account.reset-password",
                "Có yêu cầu đặt lại mật khẩu cho tài khoản của bạn. Nếu không phải bạn, hãy bỏ qua thư này.");
            await db.SaveChangesAsync();
        }

        TempData["Flash"] = l["Nếu email đã đăng ký, một thư hướng dẫn đặt lại mật khẩu đã được gửi."].Value;
        return RedirectToAction("Login", "Account");
    }

    [HttpGet("set-password")]
    public IActionResult SetPassword(string? userId, string? code) => View(new SetPasswordInput { UserId = userId, Code = code });

    [HttpPost("set-password")]
    public async Task<IActionResult> SetPassword(SetPasswordInput input)
    {
        var user = ModelState.IsValid ? await users.FindByIdAsync(input.UserId!) : null;
        var token = TokenCodec.Decode(input.Code);
        if (ModelState.IsValid && (user is null || token is null))
        {
            ModelState.AddModelError("", l["Liên kết không hợp lệ hoặc đã hết hạn."]);
        }

        if (ModelState.IsValid)
        {
            var result = await users.ResetPasswordAsync(user!, token!, input.Password!);
            if (result.Succeeded)
            {
                // Holding the link proves the mailbox, so an invited account is confirmed here too.
                user!.EmailConfirmed = true;
                await users.UpdateAsync(user);
                await users.ResetAccessFailedCountAsync(user);
                audit.Record("account.password-set", nameof(AppUser), user.Id, actor: null);
                await db.SaveChangesAsync();
                TempData["Flash"] = l["Đã đặt mật khẩu. Vui lòng đăng nhập."].Value;
                return RedirectToAction("Login", "Account");
            }

            foreach (var e in result.Errors)
            {
                ModelState.AddModelError("", e.Description);
            }
        }

        input.Password = input.ConfirmPassword = null;
        return View(input);
    }

    /// <summary>Queues a link to the set-password page (forgotten password, staff invitation).</summary>
    public static async Task QueueSetPasswordLinkAsync(
        Controller controller, UserManager<AppUser> users, EmailOutbox outbox, AppUser user, string subject, string kind, string reason)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var url = controller.Url.Action(nameof(SetPassword), "Password", new { userId = user.Id, code = TokenCodec.Encode(token) }, controller.Request.Scheme)!;
        outbox.Enqueue(user.Email!, subject, kind, [$"Chào {user.FullName},", reason, "Liên kết có hiệu lực trong 24 giờ."], ("Đặt mật khẩu", url));
    }
}
