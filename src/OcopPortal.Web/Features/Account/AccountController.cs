using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain;
using OcopPortal.Web.Infrastructure.Audit;
using OcopPortal.Web.Infrastructure.Auth;

namespace OcopPortal.Web.Features.Account;

/// <summary>Sign in and out.</summary>
[Route("account")]
public sealed class AccountController(
    SignInManager<AppUser> signIn, UserManager<AppUser> users, AuditLog audit, OcopDbContext db, IStringLocalizer<SharedResource> l) : Controller
{
    [AllowAnonymous]
    [HttpGet("login")]
    public IActionResult Login(string? returnUrl) => View(new LoginInput { ReturnUrl = returnUrl });

    [AllowAnonymous]
    [HttpPost("login")]
    public async Task<IActionResult> Login(LoginInput input)
    {
        if (!ModelState.IsValid)
        {
            return View(input);
        }

        var user = await users.FindByEmailAsync(input.Email!.Trim());
        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, input.Password!, input.RememberMe, lockoutOnFailure: true);

        if (result.Succeeded)
        {
            // The cookie only takes effect on the next request, so name the actor explicitly.
            audit.Record("account.signed-in", nameof(AppUser), user!.Id, actor: await signIn.CreateUserPrincipalAsync(user));
            await db.SaveChangesAsync();
            return LocalRedirect(Url.IsLocalUrl(input.ReturnUrl) ? input.ReturnUrl! : "/my");
        }

        ModelState.AddModelError("", result switch
        {
            { IsLockedOut: true } => l["Tài khoản tạm khoá do đăng nhập sai nhiều lần. Vui lòng thử lại sau 15 phút."],
            { IsNotAllowed: true } => l["Tài khoản chưa được xác nhận email. Vui lòng mở thư xác nhận đã gửi tới hộp thư của bạn."],
            _ => l["Email hoặc mật khẩu không đúng."],
        });
        input.Password = null;
        return View(input);
    }

    [Authorize(Policy = Policies.SignedIn)]
    [HttpPost("logout")]
    public async Task<IActionResult> Logout()
    {
        await signIn.SignOutAsync();
        TempData["Flash"] = l["Bạn đã đăng xuất."].Value;
        return LocalRedirect("/");
    }

    [Authorize(Policy = Policies.SignedIn)]
    [HttpGet("password")]
    public IActionResult ChangePassword() => View(new ChangePasswordInput());

    [Authorize(Policy = Policies.SignedIn)]
    [HttpPost("password")]
    public async Task<IActionResult> ChangePassword(ChangePasswordInput input)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (ModelState.IsValid)
        {
            var result = await users.ChangePasswordAsync(user, input.CurrentPassword!, input.NewPassword!);
            if (result.Succeeded)
            {
                await signIn.RefreshSignInAsync(user);
                audit.Record("account.password-changed", nameof(AppUser), user.Id);
                await db.SaveChangesAsync();
                TempData["Flash"] = l["Đã đổi mật khẩu."].Value;
                return LocalRedirect("/my");
            }

            foreach (var e in result.Errors)
            {
                ModelState.AddModelError("", e.Code == "PasswordMismatch" ? l["Mật khẩu hiện tại không đúng."] : e.Description);
            }
        }

        return View(new ChangePasswordInput());
    }
}
