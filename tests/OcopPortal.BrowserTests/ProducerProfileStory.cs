using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OcopPortal.Web.Infrastructure.Auth;

namespace OcopPortal.BrowserTests;

/// <summary>S1, continued: Chị Lan fills in her producer profile; the commune list follows the province she picks.</summary>
public sealed class ProducerProfileStory(BrowserPortal app) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task A_producer_declares_her_profile_with_the_commune_picker()
    {
        var page = await app.NewPageAsync(phone: true);
        await StorySteps.SignInAsync(page, await app.Portal.CreateUserAsync(Roles.Producer));
        await page.GetByTestId("profile-missing").GetByRole(AriaRole.Link, new() { Name = "Khai báo hồ sơ chủ thể" }).ClickAsync();

        // The commune list is swapped by htmx when the province changes (no inline script: the CSP forbids it).
        var communes = page.GetByLabel("Xã, phường, đặc khu (đơn vị hiện hành)");
        await page.GetByLabel("Tỉnh, thành phố").SelectOptionAsync(new SelectOptionValue { Label = "Thành phố Hà Nội" });
        await Assertions.Expect(communes.Locator("option", new() { HasText = "Phường Ba Đình" })).ToHaveCountAsync(1);
        await page.GetByLabel("Tỉnh, thành phố").SelectOptionAsync(new SelectOptionValue { Label = "Thành phố Cần Thơ" });
        await Assertions.Expect(communes.Locator("option", new() { HasText = "Phường Ba Đình" })).ToHaveCountAsync(0);
        await communes.SelectOptionAsync(new SelectOptionValue { Label = "Phường Cái Khế" });

        await page.GetByLabel("Loại hình chủ thể").SelectOptionAsync(new SelectOptionValue { Label = "Hộ sản xuất, hộ gia đình có đăng ký kinh doanh" });
        await page.GetByLabel("Mã số thuế / mã số đăng ký kinh doanh").FillAsync("1800123456");
        await page.GetByLabel("Tên chủ thể (theo đăng ký kinh doanh)").FillAsync("Hộ kinh doanh Bánh pía Lan");
        await page.GetByLabel("Họ và tên", new() { Exact = true }).FillAsync("Nguyễn Thị Lan");
        await page.GetByLabel("Giới tính").SelectOptionAsync(new SelectOptionValue { Label = "Nữ" });
        await page.GetByLabel("Số nhà, đường, ấp/thôn").FillAsync("Số 12, hẻm 3, đường Hai Bà Trưng");
        await page.GetByLabel("Số điện thoại", new() { Exact = true }).FillAsync("0912 345 678");
        await Screenshots.TakeAsync(page, "03-ho-so-chu-the");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu hồ sơ chủ thể" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/producer$"));
        await Assertions.Expect(page.GetByTestId("profile-summary")).ToContainTextAsync("Hộ kinh doanh Bánh pía Lan");
        await Assertions.Expect(page.GetByText("Đã lưu hồ sơ chủ thể.")).ToBeVisibleAsync();

        // Her first product, classified down to its criteria set, with a photo.
        await page.GotoAsync("/producer/products");
        await page.GetByRole(AriaRole.Link, new() { Name = "Đăng ký sản phẩm" }).ClickAsync();
        await page.GetByLabel("Tên sản phẩm").FillAsync("Bánh pía sầu riêng");
        await page.GetByLabel("Nhóm sản phẩm").SelectOptionAsync("I.3.b");
        await page.GetByLabel("Mô tả sản phẩm").FillAsync("Nhân đậu xanh, sầu riêng, trứng muối; hộp 500 g.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng ký sản phẩm" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Đã đăng ký sản phẩm Bánh pía sầu riêng.", new() { Exact = false })).ToBeVisibleAsync();

        await page.GetByLabel("Thêm ảnh (JPEG hoặc PNG, tối đa 20 MB)").SetInputFilesAsync(new FilePayload
        {
            Name = "banh-pia.png",
            MimeType = "image/png",
            Buffer = Tests.Infrastructure.TestFiles.Png(),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Tải ảnh lên" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("photos").Locator("img")).ToHaveCountAsync(1);
        var photo = page.GetByTestId("photos").Locator("img");
        await Assertions.Expect(photo).ToHaveJSPropertyAsync("complete", true); // waits for the download
        Assert.True(await photo.EvaluateAsync<int>("img => img.naturalWidth") > 0, "the stored photo does not decode as an image");
        await Screenshots.TakeAsync(page, "04-san-pham");
    }
}
