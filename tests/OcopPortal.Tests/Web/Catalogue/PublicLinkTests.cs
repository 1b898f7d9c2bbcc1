using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain.Producers;
using OcopPortal.Web.Features.Producers;
using OcopPortal.Web.Infrastructure.Auth;

namespace OcopPortal.Tests.Web.Catalogue;

public sealed class PublicLinkTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("https://shopee.vn/banh-pia-vung-thom", true)]
    [InlineData("http://htx-phuloc.vn", true)]
    [InlineData("  https://tiki.vn/p/123  ", true)]
    [InlineData("", true)]
    [InlineData(null, true)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("JavaScript:alert(1)", false)]
    [InlineData("data:text/html,<script>alert(1)</script>", false)]
    [InlineData("ftp://htx.vn/file", false)]
    [InlineData("/products/1", false)]
    [InlineData("shopee.vn/banh-pia", false)]
    [InlineData("https://localhost", false)]
    [InlineData("https://user:pass@htx.vn", false)]
    [InlineData("https://htx.vn/a b", false)]
    public void Only_absolute_http_links_with_a_host_are_valid(string? url, bool valid) => Assert.Equal(valid, PublicLink.IsValid(url));

    [Fact]
    public void Overlong_links_are_invalid() => Assert.False(PublicLink.IsValid("https://htx.vn/" + new string('a', 500)));

    [Fact]
    public async Task The_product_form_rejects_a_javascript_link_and_saves_a_valid_one()
    {
        var scenario = new DossierScenario(factory);
        var (producer, producerId) = await scenario.ProducerAsync();
        var id = await scenario.ProductAsync(producerId);
        var fields = new Dictionary<string, string>
        {
            ["Name"] = "Bánh pía sầu riêng",
            ["CategoryCode"] = "I.3.b",
            ["Description"] = "Bánh pía nhân đậu xanh.",
            ["ShopUrl"] = "javascript:alert(1)",
            ["MarketplaceUrl"] = "https://shopee.vn/banh-pia",
        };

        var rejected = await producer.Client.PostFormAsync($"/producer/products/{id}", fields);
        var page = await Forms.ParseAsync(rejected);
        var unchanged = await factory.WithScopeAsync(sp => sp.GetRequiredService<OcopDbContext>().Set<Product>().AsNoTracking().SingleAsync(p => p.Id == id));

        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        Assert.Contains(page.FormErrors(), e => e.Contains("http://", StringComparison.Ordinal));
        Assert.Null(unchanged.ShopUrl);
        Assert.Null(unchanged.MarketplaceUrl);

        fields["ShopUrl"] = "https://banhpia.vn";
        var saved = await producer.Client.PostFormAsync($"/producer/products/{id}", fields);
        var product = await factory.WithScopeAsync(sp => sp.GetRequiredService<OcopDbContext>().Set<Product>().AsNoTracking().SingleAsync(p => p.Id == id));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("https://banhpia.vn", product.ShopUrl);
        Assert.Equal("https://shopee.vn/banh-pia", product.MarketplaceUrl);
    }

    [Fact]
    public async Task Contact_is_private_until_the_producer_makes_it_public()
    {
        var email = await factory.CreateUserAsync(Roles.Producer);
        var client = factory.CreatePortalClient();
        await client.SignInAsync(email);
        var form = await client.GetDocumentAsync("/producer/profile");

        var checkbox = form.QuerySelector("input[name=ContactPublic][type=checkbox]");

        Assert.NotNull(checkbox);
        Assert.False(checkbox!.HasAttribute("checked"));
        Assert.False(new Producer().ContactPublic);
    }
}
