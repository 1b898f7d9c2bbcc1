using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace OcopPortal.BrowserTests;

/// <summary>S1, first steps: Chị Lan registers on her phone, confirms her email, signs in and out.</summary>
public sealed partial class ProducerAccountStory(BrowserPortal app) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task A_producer_registers_confirms_signs_in_and_signs_out_on_a_phone()
    {
        var page = await app.NewPageAsync(phone: true);
        var email = $"lan-{Guid.NewGuid():N}@example.vn";

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mở menu" }).ClickAsync();
        await Assertions.Expect(page.Locator("#mainNav")).ToHaveClassAsync(new Regex(@"\bshow\b"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Đăng ký chủ thể", Exact = true }).ClickAsync();
        await page.GetByLabel("Họ và tên người đăng ký").FillAsync("Nguyễn Thị Lan");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Số điện thoại (không bắt buộc)").FillAsync("0912345678");
        await page.GetByLabel("Mật khẩu", new() { Exact = true }).FillAsync("Banh-pia-2026");
        await page.GetByLabel("Nhập lại mật khẩu").FillAsync("Banh-pia-2026");
        await page.GetByLabel("Tôi cam kết thông tin đăng ký là đúng sự thật.").CheckAsync();
        await Screenshots.TakeAsync(page, "01-dang-ky");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng ký", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("registered")).ToContainTextAsync(email);

        // The confirmation mail is in the outbox, as the mail sender would deliver it.
        await page.GotoAsync(await ConfirmationPathAsync(email));
        await Assertions.Expect(page.GetByTestId("email-confirmed")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Đăng nhập" }).ClickAsync();
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Mật khẩu").FillAsync("Banh-pia-2026");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/producer$"));
        await Assertions.Expect(page.GetByTestId("workspace-producer")).ToHaveTextAsync("Trang của chủ thể OCOP");

        await page.GetByRole(AriaRole.Button, new() { Name = "Mở menu" }).ClickAsync();
        await Assertions.Expect(page.Locator("#mainNav")).ToHaveClassAsync(new Regex(@"\bshow\b"));
        await Assertions.Expect(page.GetByTestId("signed-in-as")).ToHaveTextAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" }).ClickAsync();

        await Assertions.Expect(page.GetByText("Bạn đã đăng xuất.")).ToBeVisibleAsync();
        await page.GotoAsync("/producer");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/login"));
    }

    [Fact]
    public async Task Bad_registration_input_shows_Vietnamese_messages_and_creates_nothing()
    {
        var page = await app.NewPageAsync();
        var before = await CountUsersAsync();

        await page.GotoAsync("/account/register");
        await page.GetByLabel("Email").FillAsync("lan@khong-hop-le");
        await page.GetByLabel("Mật khẩu", new() { Exact = true }).FillAsync("ngan");
        await page.GetByLabel("Nhập lại mật khẩu").FillAsync("khac-han");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng ký", Exact = true }).ClickAsync();

        var errors = page.GetByTestId("form-errors");
        await Assertions.Expect(errors).ToContainTextAsync("Vui lòng nhập họ và tên.");
        await Assertions.Expect(errors).ToContainTextAsync("Email không đúng định dạng.");
        await Assertions.Expect(errors).ToContainTextAsync("Mật khẩu phải có ít nhất 10 ký tự.");
        await Assertions.Expect(errors).ToContainTextAsync("Mật khẩu nhập lại không khớp.");
        await Screenshots.TakeAsync(page, "02-dang-ky-loi");
        // What was typed (except passwords) is kept, so nothing is lost on bad input.
        await Assertions.Expect(page.GetByLabel("Email")).ToHaveValueAsync("lan@khong-hop-le");
        Assert.Equal(before, await CountUsersAsync());
    }

    [Fact]
    public async Task Wrong_password_is_refused_in_Vietnamese()
    {
        var page = await app.NewPageAsync();

        await page.GotoAsync("/account/login");
        await page.GetByLabel("Email").FillAsync(Tests.PortalFactory.AdminEmail);
        await page.GetByLabel("Mật khẩu").FillAsync("Sai-mat-khau-9");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("form-errors")).ToContainTextAsync("Email hoặc mật khẩu không đúng.");
    }

    private Task<int> CountUsersAsync() => app.Portal.WithScopeAsync(sp =>
        sp.GetRequiredService<OcopPortal.Web.Data.OcopDbContext>().Users.CountAsync());

    private async Task<string> ConfirmationPathAsync(string email)
    {
        var body = await app.Portal.WithScopeAsync(sp => sp.GetRequiredService<OcopPortal.Web.Data.OcopDbContext>().OutboxEmails
            .Where(m => m.To == email && m.Kind == "account.confirm").Select(m => m.TextBody).SingleAsync());
        return new Uri(Link().Match(body).Value).PathAndQuery;
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();
}
