using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OcopPortal.Web.Infrastructure.Auth;

namespace OcopPortal.Tests.Web;

public sealed partial class RegistrationTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static Dictionary<string, string> Valid(string email) => new()
    {
        ["FullName"] = "Nguyễn Thị Lan",
        ["Email"] = email,
        ["PhoneNumber"] = "0912345678",
        ["Password"] = "Banh-pia-2026",
        ["ConfirmPassword"] = "Banh-pia-2026",
        ["AcceptTerms"] = "true",
    };

    [Fact]
    public async Task Bad_input_is_refused_with_Vietnamese_messages_and_creates_nothing()
    {
        var client = factory.CreatePortalClient();
        var users = await CountUsersAsync();
        var mails = await CountOutboxAsync();

        var response = await client.PostFormAsync("/account/register", new Dictionary<string, string>
        {
            ["FullName"] = "",
            ["Email"] = "khong-phai-email",
            ["PhoneNumber"] = "12345",
            ["Password"] = "ngan",
            ["ConfirmPassword"] = "khac",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = (await Forms.ParseAsync(response)).FormErrors();
        Assert.Contains("Vui lòng nhập họ và tên.", errors);
        Assert.Contains("Email không đúng định dạng.", errors);
        Assert.Contains("Số điện thoại không hợp lệ (ví dụ 0912345678 hoặc +84912345678).", errors);
        Assert.Contains("Mật khẩu phải có ít nhất 10 ký tự.", errors);
        Assert.Contains("Mật khẩu nhập lại không khớp.", errors);
        Assert.Contains("Vui lòng xác nhận thông tin đăng ký là đúng sự thật.", errors);
        Assert.Equal(users, await CountUsersAsync());
        Assert.Equal(mails, await CountOutboxAsync());
    }

    [Fact]
    public async Task Registering_queues_a_confirmation_and_confirming_lets_the_producer_sign_in()
    {
        var client = factory.CreatePortalClient();
        var email = $"lan-{Guid.NewGuid():N}@example.vn";

        var registered = await client.PostFormAsync("/account/register", Valid(email));
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);

        // Before confirming, sign-in is refused with a clear reason.
        var early = await client.PostFormAsync("/account/login", new Dictionary<string, string> { ["Email"] = email, ["Password"] = "Banh-pia-2026" });
        Assert.Contains("chưa được xác nhận email", string.Join(" ", (await Forms.ParseAsync(early)).FormErrors()), StringComparison.Ordinal);

        var link = await ConfirmationLinkAsync(email);
        var confirmed = await client.GetDocumentAsync(link);
        Assert.NotNull(confirmed.QuerySelector("[data-testid=email-confirmed]"));

        await client.SignInAsync(email, "Banh-pia-2026");
        var my = await client.GetAsync("/my");
        Assert.Equal("/producer", my.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/producer")).StatusCode);

        await factory.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            Assert.Equal("Nguyễn Thị Lan", user.FullName);
            var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == user.Id select r.Name).ToListAsync();
            Assert.Equal([Roles.Producer], roles);
            var actions = await db.AuditEvents.Where(a => a.EntityId == user.Id).Select(a => a.Action).ToListAsync();
            Assert.Contains("account.registered", actions);
            Assert.Contains("account.email-confirmed", actions);
        });
    }

    [Fact]
    public async Task The_same_email_cannot_register_twice()
    {
        var client = factory.CreatePortalClient();
        var email = $"twice-{Guid.NewGuid():N}@example.vn";
        await client.PostFormAsync("/account/register", Valid(email));
        var users = await CountUsersAsync();

        var again = await client.PostFormAsync("/account/register", Valid(email));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("Email này đã được đăng ký. Hãy đăng nhập hoặc dùng chức năng quên mật khẩu.", (await Forms.ParseAsync(again)).FormErrors());
        Assert.Equal(users, await CountUsersAsync());
    }

    [Fact]
    public async Task A_tampered_confirmation_link_confirms_nothing()
    {
        var client = factory.CreatePortalClient();
        var email = $"tamper-{Guid.NewGuid():N}@example.vn";
        await client.PostFormAsync("/account/register", Valid(email));
        var link = await ConfirmationLinkAsync(email);

        var page = await client.GetDocumentAsync(link[..^4] + "AAAA");

        Assert.Null(page.QuerySelector("[data-testid=email-confirmed]"));
        await factory.WithDbAsync(async db => Assert.False((await db.Users.SingleAsync(u => u.Email == email)).EmailConfirmed));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account()
    {
        var email = await factory.CreateUserAsync(Roles.Producer);
        var client = factory.CreatePortalClient();
        for (var i = 0; i < 5; i++)
        {
            await client.PostFormAsync("/account/login", new Dictionary<string, string> { ["Email"] = email, ["Password"] = "Sai-mat-khau-1" });
        }

        var withRightPassword = await client.PostFormAsync("/account/login", new Dictionary<string, string> { ["Email"] = email, ["Password"] = PortalFactory.Password });

        Assert.Equal(HttpStatusCode.OK, withRightPassword.StatusCode);
        Assert.Contains("tạm khoá", string.Join(" ", (await Forms.ParseAsync(withRightPassword)).FormErrors()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_invites_staff_who_set_their_own_password()
    {
        var admin = factory.CreatePortalClient();
        await admin.SignInAsync(PortalFactory.AdminEmail);
        var email = $"canbo-{Guid.NewGuid():N}@ocop.vn";

        var bad = await admin.PostFormAsync("/admin/users/new", new Dictionary<string, string> { ["FullName"] = "Lê Văn Minh", ["Email"] = email, ["Role"] = Roles.Producer });
        Assert.Contains("Vui lòng chọn vai trò hợp lệ.", (await Forms.ParseAsync(bad)).FormErrors());

        var created = await admin.PostFormAsync("/admin/users/new", new Dictionary<string, string> { ["FullName"] = "Lê Văn Minh", ["Email"] = email, ["Role"] = Roles.Commune });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        var link = await LinkInLatestMailAsync(email, "account.invite");
        var staff = factory.CreatePortalClient();
        var set = await staff.PostFormAsync(link, new Dictionary<string, string> { ["Password"] = "Can-bo-xa-2026", ["ConfirmPassword"] = "Can-bo-xa-2026" }, "/account/set-password");
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync(set.Headers.Location)).StatusCode);

        await staff.SignInAsync(email, "Can-bo-xa-2026");
        Assert.Equal("/commune", (await staff.GetAsync("/my")).Headers.Location!.OriginalString);
    }

    private Task<int> CountUsersAsync() => factory.WithScopeAsync(sp => sp.GetRequiredService<OcopPortal.Web.Data.OcopDbContext>().Users.CountAsync());

    private Task<int> CountOutboxAsync() => factory.WithScopeAsync(sp => sp.GetRequiredService<OcopPortal.Web.Data.OcopDbContext>().OutboxEmails.CountAsync());

    private Task<string> ConfirmationLinkAsync(string email) => LinkInLatestMailAsync(email, "account.confirm");

    private async Task<string> LinkInLatestMailAsync(string email, string kind)
    {
        var body = await factory.WithScopeAsync(sp => sp.GetRequiredService<OcopPortal.Web.Data.OcopDbContext>().OutboxEmails
            .Where(m => m.To == email && m.Kind == kind).OrderByDescending(m => m.Id).Select(m => m.TextBody).FirstAsync());
        var url = new Uri(Link().Match(body).Value);
        return url.PathAndQuery;
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();
}
