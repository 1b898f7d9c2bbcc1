using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OcopPortal.Tests.Web.Catalogue;
using OcopPortal.Tests.Web.Traceability;
using OcopPortal.Web.Domain.Traceability;
using OcopPortal.Web.Features.Traceability;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Actions;

namespace OcopPortal.BrowserTests;

/// <summary>
/// Chị Lan publishes her product's traceability page, records a batch and downloads a sheet of QR labels; a shopper
/// scanning a label opens the batch's page on a 360 px phone (axe-core: no serious or critical violation), and an
/// unsafe story stays text there.
/// </summary>
public sealed class TraceabilityStory(BrowserPortal app) : IClassFixture<BrowserPortal>
{
    private static readonly string AxePath = Path.Combine(Tests.TestPaths.RepoRoot, "tests", "OcopPortal.BrowserTests", "node_modules", "axe-core", "axe.min.js");

    [Fact]
    public async Task Lan_publishes_her_traceability_page_prints_labels_and_a_shopper_reads_the_batch_on_a_phone()
    {
        var (email, _, productId, _) = await TraceabilityFixture.CreateProducerAsync(app.Portal, "Bánh pía đậu xanh lá dứa");
        var page = await app.NewPageAsync();
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync(); // "Công bố phiên bản 1?"
        await StorySteps.SignInAsync(page, email);

        await page.GotoAsync($"/producer/products/{productId}");
        await page.GetByTestId("trace-edit").ClickAsync();
        await page.GetByTestId("edit-draft").ClickAsync();
        await page.GetByLabel("Nguyên liệu 1", new() { Exact = true }).FillAsync("Đậu xanh không vỏ");
        await page.GetByLabel("Nguồn gốc (vùng trồng, cơ sở cung cấp) 1", new() { Exact = true }).FillAsync("Hợp tác xã Đậu xanh Mỹ Tú");
        await page.GetByTestId("add-origin").ClickAsync();
        await page.GetByLabel("Nguyên liệu 2", new() { Exact = true }).FillAsync("Lá dứa");
        await page.GetByLabel("Nguồn gốc (vùng trồng, cơ sở cung cấp) 2", new() { Exact = true }).FillAsync("Vườn nhà, ấp Phú Lộc");
        await page.GetByLabel("Địa chỉ (số nhà, đường, ấp)").FillAsync("Số 12, ấp Phú Lộc");
        await page.GetByLabel("Bước 1: tên bước").FillAsync("Hấp đậu xanh");
        await page.GetByLabel("Bước 1: mô tả").FillAsync("Đậu ngâm 6 giờ, hấp chín, tán mịn với nước lá dứa.");
        await page.GetByTestId("add-step").ClickAsync();
        await page.GetByLabel("Bước 2: tên bước").FillAsync("Nướng lò than");
        await page.GetByTestId("add-certification").ClickAsync();
        await page.GetByLabel("Tên chứng nhận 1").FillAsync("Cơ sở đủ điều kiện an toàn thực phẩm");
        await page.GetByLabel("Cơ quan cấp 1").FillAsync("Sở Y tế");
        await page.GetByLabel("Câu chuyện sản phẩm").FillAsync("Công thức của bà ngoại từ năm 1960.\nMỗi mẻ bánh nướng bằng lò than.");
        await Screenshots.TakeAsync(page, "trace-draft");
        await page.GetByTestId("save-draft").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/producer/products/{productId}/trace/preview$"));
        await Assertions.Expect(page.GetByTestId("preview").GetByTestId("trace-steps")).ToContainTextAsync("Nướng lò than");
        await page.GetByTestId("publish").ClickAsync();
        await Assertions.Expect(page.GetByText("Đã công bố phiên bản 1.", new() { Exact = false })).ToBeVisibleAsync();
        var code = (await page.GetByTestId("trace-code").TextContentAsync())!;

        await page.GetByLabel("Mã lô").FillAsync("L2026-11-01");
        await page.GetByLabel("Ngày sản xuất").FillAsync(DateTime.Today.AddDays(-2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Hạn sử dụng (không bắt buộc)").FillAsync(DateTime.Today.AddDays(60).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByTestId("create-batch").ClickAsync();
        await Assertions.Expect(page.GetByTestId("batches")).ToContainTextAsync("L2026-11-01");

        await page.GetByLabel("Cỡ tem").SelectOptionAsync("small");
        await page.GetByLabel("Lô", new() { Exact = true }).SelectOptionAsync("L2026-11-01");
        await page.GetByLabel("Số tem").FillAsync("30");
        await Screenshots.TakeAsync(page, "trace-batches-labels");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download-labels").ClickAsync());
        var file = await download.PathAsync();
        using (var pdf = PdfDocument.Open(file))
        {
            Assert.Equal(2, pdf.NumberOfPages);
            var links = pdf.GetPage(1).GetAnnotations().Where(a => a.Action is UriAction).Select(a => ((UriAction)a.Action!).Uri).ToList();
            Assert.Equal(24, links.Count);
            Assert.All(links, l => Assert.Equal($"{app.BaseUrl}/trace/{code}/L2026-11-01", l));
        }

        // A shopper scans the label.
        var phone = await PhoneAsync();
        await phone.GotoAsync($"/trace/{code}/L2026-11-01");
        await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Bánh pía đậu xanh lá dứa");
        await Assertions.Expect(phone.GetByTestId("trace-batch")).ToContainTextAsync("L2026-11-01");
        await Assertions.Expect(phone.GetByTestId("trace-story")).ToHaveTextAsync("Công thức của bà ngoại từ năm 1960.\nMỗi mẻ bánh nướng bằng lò than.");
        var width = await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 360, $"the batch page is {width}px wide on a 360px phone");
        await Screenshots.TakeAsync(phone, "trace-batch-phone");
        Assert.Empty(await AxeProblemsAsync(phone));
    }

    [Fact]
    public async Task An_unsafe_story_on_a_traceability_page_is_text_and_never_runs()
    {
        var (_, _, productId, _) = await TraceabilityFixture.CreateProducerAsync(app.Portal, "Mắm cá linh");
        var code = await app.Portal.WithScopeAsync(async sp =>
        {
            var records = sp.GetRequiredService<TraceRecords>();
            var content = new TraceContent([new("Cá linh <img src=x onerror=\"alert(7)\">", "Đồng Tháp")], "Ấp Phú Lộc", "31756", "Xã Phú Lộc, Thành phố Cần Thơ", null, null,
                [new("<a href=\"javascript:alert(8)\">Ủ chượp</a>", "")], [], CatalogueFixture.UnsafeStory);
            var (_, record) = await records.SaveDraftAsync(productId, null, content, Guid.Empty, default);
            await records.PublishAsync(record, record.Version, "test", "Chị Lan", default);
            return record.Code;
        });
        var page = await PhoneAsync();
        var dialogs = 0;
        page.Dialog += async (_, dialog) =>
        {
            dialogs++;
            await dialog.DismissAsync();
        };

        await page.GotoAsync($"/trace/{code}");
        var story = page.GetByTestId("trace-story");
        await Assertions.Expect(story).ToHaveTextAsync(CatalogueFixture.UnsafeStory);
        await story.ClickAsync();
        await page.GetByTestId("trace-steps").ClickAsync();

        Assert.Equal(0, await story.Locator("*").CountAsync());
        Assert.Equal(0, await page.Locator("main a[href^='javascript:']").CountAsync());
        Assert.Equal(0, await page.Locator("main img").CountAsync());
        Assert.Equal(0, await page.Locator("main script").CountAsync());
        Assert.False(await page.EvaluateAsync<bool>("() => window.__storyRan === true"));
        Assert.Equal(0, dialogs);
        Assert.Equal(TraceRecord.PublicPath(code), new Uri(page.Url).AbsolutePath);
    }

    /// <summary>A 360 px phone; CSP bypassed only so axe-core can be injected.</summary>
    private async Task<IPage> PhoneAsync()
    {
        var context = await app.Browser.NewContextAsync(new()
        {
            BaseURL = app.BaseUrl,
            Locale = "vi-VN",
            ReducedMotion = ReducedMotion.Reduce,
            ViewportSize = new ViewportSize { Width = 360, Height = 780 },
            IsMobile = true,
            HasTouch = true,
            BypassCSP = true,
        });
        var page = await context.NewPageAsync();
        page.PageError += (_, error) => throw new InvalidOperationException("Script error on page: " + error);
        return page;
    }

    private static async Task<List<string>> AxeProblemsAsync(IPage page)
    {
        await page.AddScriptTagAsync(new() { Path = AxePath });
        var json = await page.EvaluateAsync<string>(
            "async () => JSON.stringify((await axe.run(document, { resultTypes: ['violations'] })).violations.map(v => ({ id: v.id, impact: v.impact, target: v.nodes[0] && v.nodes[0].target.join(' ') })))");
        return JsonDocument.Parse(json).RootElement.EnumerateArray()
            .Where(v => v.GetProperty("impact").GetString() is "serious" or "critical")
            .Select(v => $"{v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}) at {v.GetProperty("target")}").ToList();
    }
}
