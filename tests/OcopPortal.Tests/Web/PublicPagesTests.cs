using System.Net;

namespace OcopPortal.Tests.Web;

public sealed class PublicPagesTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Home_page_is_public_and_Vietnamese()
    {
        var page = await factory.CreatePortalClient().GetDocumentAsync("/");

        Assert.Equal("vi", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Cổng thông tin OCOP", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("a[href='/account/register']"));
    }

    [Fact]
    public async Task Health_endpoint_checks_the_database()
    {
        var response = await factory.CreatePortalClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers()
    {
        var response = await factory.CreatePortalClient().GetAsync("/");

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Matches("^[A-Za-z0-9_-]+$", response.Headers.GetValues("X-Correlation-ID").Single());
    }

    [Fact]
    public async Task Unknown_address_shows_the_Vietnamese_404_page_to_anyone()
    {
        var response = await factory.CreatePortalClient().GetAsync("/khong-co-trang-nay");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.Contains("Không tìm thấy trang", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Front_end_assets_are_served_from_npm_packages_not_a_cdn()
    {
        var client = factory.CreatePortalClient();
        var home = await client.GetDocumentAsync("/");

        var assets = home.QuerySelectorAll("script[src], link[rel=stylesheet]")
            .Select(e => e.GetAttribute("src") ?? e.GetAttribute("href")!).ToList();
        Assert.All(assets, a => Assert.StartsWith("/", a, StringComparison.Ordinal));
        foreach (var asset in assets.Append("/lib/fonts/BeVietnamPro_400Regular.ttf"))
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(asset)).StatusCode);
        }
    }

    [Fact]
    public async Task Switching_to_English_changes_the_interface_language()
    {
        var client = factory.CreatePortalClient();
        // The login page posts the switch with its antiforgery token; output-cached public pages (home, catalogue) use a GET form.
        var switched = await client.PostFormAsync("/account/login", new Dictionary<string, string> { ["culture"] = "en-US", ["returnUrl"] = "/" }, "/culture");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);

        var page = await client.GetDocumentAsync("/");

        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains("OCOP Portal", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }
}
