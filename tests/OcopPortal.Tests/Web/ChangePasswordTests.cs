using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OcopPortal.Web.Data;
using OcopPortal.Web.Infrastructure.Auth;

namespace OcopPortal.Tests.Web;

public sealed class ChangePasswordTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_signed_in_user_changes_the_password_only_with_the_current_one()
    {
        var email = await factory.CreateUserAsync(Roles.Office);
        var client = factory.CreatePortalClient();
        await client.SignInAsync(email);

        var wrong = await client.PostFormAsync("/account/password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = "Khong-dung-2026",
            ["NewPassword"] = "Mat-khau-moi-2027",
            ["ConfirmPassword"] = "Mat-khau-moi-2027",
        });
        Assert.Contains("Mật khẩu hiện tại không đúng.", (await Forms.ParseAsync(wrong)).FormErrors());

        var weak = await client.PostFormAsync("/account/password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = PortalFactory.Password,
            ["NewPassword"] = "ngan",
            ["ConfirmPassword"] = "ngan",
        });
        Assert.Contains("Mật khẩu phải có ít nhất 10 ký tự.", (await Forms.ParseAsync(weak)).FormErrors());

        var changed = await client.PostFormAsync("/account/password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = PortalFactory.Password,
            ["NewPassword"] = "Mat-khau-moi-2027",
            ["ConfirmPassword"] = "Mat-khau-moi-2027",
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        var fresh = factory.CreatePortalClient();
        var old = await fresh.PostFormAsync("/account/login", new Dictionary<string, string> { ["Email"] = email, ["Password"] = PortalFactory.Password });
        Assert.Contains("Email hoặc mật khẩu không đúng.", (await Forms.ParseAsync(old)).FormErrors());
        await fresh.SignInAsync(email, "Mat-khau-moi-2027");

        await factory.WithDbAsync(async db =>
        {
            var events = await db.AuditEvents.Where(a => a.UserName == email).Select(a => a.Action).ToListAsync();
            Assert.Contains("account.signed-in", events); // the actor is named even though the cookie is not set yet
            Assert.Contains("account.password-changed", events);
        });
    }

    [Fact]
    public async Task Anonymous_visitors_cannot_reach_the_password_page()
    {
        var response = await factory.CreatePortalClient().GetAsync("/account/password");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
