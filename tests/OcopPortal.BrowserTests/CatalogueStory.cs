using System.Text.Json;
using Microsoft.Playwright;
using OcopPortal.Tests.Web.Catalogue;
using OcopPortal.Web.Domain.Producers;

namespace OcopPortal.BrowserTests;

/// <summary>
/// A consumer on a 360 px phone finds a certified product, reads its page (an unsafe story stays text), and every
/// public page passes axe-core with no serious or critical violation.
/// </summary>
public sealed class CatalogueStory(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    private static readonly string AxePath = Path.Combine(Tests.TestPaths.RepoRoot, "tests", "OcopPortal.BrowserTests", "node_modules", "axe-core", "axe.min.js");

    /// <summary>xUnit makes a new instance per test: the products are seeded once per portal (the class fixture).</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<BrowserPortal, Task<Dictionary<string, Certified>>> Seeds = [];

    private Task<Dictionary<string, Certified>> SeedAsync()
    {
        lock (Seeds)
        {
            return Seeds.GetValue(portal, p => CreateAsync(new CatalogueScenario(p.Portal)));
        }
    }

    private static async Task<Dictionary<string, Certified>> CreateAsync(CatalogueScenario s) => new()
    {
        ["banhpia"] = await s.CertifiedAsync(new CertifiedSpec("Bánh pía sầu riêng Tân Huê Viên")
        {
            ProducerName = "Hợp tác xã Bánh pía Vũng Thơm",
            Stars = 5,
            ContactPublic = true,
            Phone = "0292387001",
            ShopUrl = "https://banhpia-vungthom.vn/cua-hang",
            Story = "Từ năm 1960, gia đình làm bánh pía bằng đậu xanh và sầu riêng của vườn nhà.\nMỗi mẻ bánh nướng bằng lò than.",
        }),
        ["nuocmam"] = await s.CertifiedAsync(new CertifiedSpec("Nước mắm Phú Quốc 40 độ đạm") { ProducerType = ProducerType.Enterprise }),
        ["dua"] = await s.CertifiedAsync(new CertifiedSpec("Kẹo dừa Bến Tre") { Stars = 3, ProducerType = ProducerType.Household }),
        ["unsafe"] = await s.CertifiedAsync(new CertifiedSpec("Mắm cá linh") { Story = CatalogueFixture.UnsafeStory }),
    };

    /// <summary>A 360 px phone. <paramref name="bypassCsp"/> only for injecting axe-core (an inline script the portal's CSP rightly blocks).</summary>
    private async Task<IPage> PhoneAsync(bool bypassCsp = false)
    {
        var context = await portal.Browser.NewContextAsync(new()
        {
            BaseURL = portal.BaseUrl,
            Locale = "vi-VN",
            ReducedMotion = ReducedMotion.Reduce,
            ViewportSize = new ViewportSize { Width = 360, Height = 780 },
            IsMobile = true,
            HasTouch = true,
            BypassCSP = bypassCsp,
        });
        var page = await context.NewPageAsync();
        page.PageError += (_, error) => throw new InvalidOperationException("Script error on page: " + error);
        return page;
    }

    /// <summary>Nothing wider than the 360 px viewport: no sideways scrolling on a phone.</summary>
    private static async Task AssertFitsAsync(IPage page)
    {
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 360, $"{page.Url} is {width}px wide on a 360px phone");
    }

    [Fact]
    public async Task A_phone_visitor_searches_without_accents_and_opens_a_product()
    {
        var products = await SeedAsync();
        var page = await PhoneAsync();

        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Cổng thông tin OCOP");
        await AssertFitsAsync(page);
        await Screenshots.TakeAsync(page, "catalogue-home-phone");

        await page.GetByLabel("Tìm sản phẩm OCOP").FillAsync("banh pia");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Tìm" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/products\?q=banh\+pia"));
        var cards = page.GetByTestId("results").Locator("[data-product]");
        await Assertions.Expect(cards).ToHaveCountAsync(1);
        await Assertions.Expect(cards.First).ToContainTextAsync("Bánh pía sầu riêng Tân Huê Viên");
        await AssertFitsAsync(page);
        await Screenshots.TakeAsync(page, "catalogue-search-phone");

        await cards.First.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/products/{products["banhpia"].ProductId}$"));
        await Assertions.Expect(page.GetByTestId("status")).ToHaveTextAsync("Còn hiệu lực");
        await Assertions.Expect(page.GetByTestId("verify-link")).ToHaveAttributeAsync("href", $"/verify/{products["banhpia"].Token}");
        await AssertFitsAsync(page);
        await Screenshots.TakeAsync(page, "catalogue-product-phone");
    }

    [Fact]
    public async Task An_unsafe_story_is_shown_as_text_and_never_runs()
    {
        var products = await SeedAsync();
        var page = await PhoneAsync();
        var dialogs = 0;
        page.Dialog += async (_, dialog) =>
        {
            dialogs++;
            await dialog.DismissAsync();
        };

        await page.GotoAsync($"/products/{products["unsafe"].ProductId}");
        var story = page.GetByTestId("story");
        await Assertions.Expect(story).ToHaveTextAsync(CatalogueFixture.UnsafeStory);
        // Clicking where the "link" would be does nothing: it is text, not an anchor.
        await story.ClickAsync();

        Assert.Equal(0, await story.Locator("*").CountAsync());
        Assert.Equal(0, await page.Locator("main script:not([type='application/ld+json'])").CountAsync());
        Assert.False(await page.EvaluateAsync<bool>("() => window.__storyRan === true"));
        Assert.Equal(0, dialogs);
        var ld = await page.Locator("script[type='application/ld+json']").TextContentAsync();
        Assert.Equal("Product", JsonDocument.Parse(ld!).RootElement.GetProperty("@type").GetString());
    }

    [Fact]
    public async Task Every_public_page_passes_axe_without_serious_or_critical_violations()
    {
        var products = await SeedAsync();
        var page = await PhoneAsync(bypassCsp: true);
        var routes = new[]
        {
            "/", "/products", "/products?q=dua&status=all", "/products?q=khong+co+gi+khop", $"/products/{products["banhpia"].ProductId}",
            $"/producers/{products["banhpia"].ProducerId}", "/communes", "/open-data",
        };

        var problems = new List<string>();
        foreach (var route in routes)
        {
            await page.GotoAsync(route);
            await page.AddScriptTagAsync(new() { Path = AxePath });
            var json = await page.EvaluateAsync<string>(
                "async () => JSON.stringify((await axe.run(document, { resultTypes: ['violations'] })).violations.map(v => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, target: v.nodes[0] && v.nodes[0].target.join(' ') })))");
            foreach (var v in JsonDocument.Parse(json).RootElement.EnumerateArray())
            {
                var impact = v.GetProperty("impact").GetString();
                if (impact is "serious" or "critical")
                {
                    problems.Add($"{route}: {v.GetProperty("id").GetString()} ({impact}, {v.GetProperty("nodes").GetInt32()} nodes, e.g. {v.GetProperty("target")})");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
