using System.Globalization;
using System.Net;
using OcopPortal.Web.Domain.Recognition;

namespace OcopPortal.Tests.Web.Recognition;

/// <summary>
/// The public catalogue follows the Office's acts at once: a visitor who has just seen the (output-cached) catalogue
/// sees the products of a decision the moment it is issued, and a revoked product leaves the valid list the moment it
/// is revoked (scenario S7).
/// </summary>
public sealed class CatalogueFollowsRecognitionTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static List<int> Cards(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll("[data-testid=results] [data-product]").Select(e => int.Parse(e.GetAttribute("data-product")!, CultureInfo.InvariantCulture)).ToList();

    [Fact]
    public async Task Issuing_a_decision_publishes_its_products_and_revoking_one_takes_it_out_of_the_valid_catalogue()
    {
        var scenario = new RecognitionScenario(factory);
        var office = await scenario.OfficeAsync();
        var visitor = factory.CreatePortalClient();

        // The visitor's list is cached before the decision exists.
        var before = Cards(await visitor.GetDocumentAsync("/products?q=banh+tet+la+cam"));

        var decision = await scenario.IssuedAsync(office.Client, "4401/QĐ-UBND", new DateOnly(2026, 7, 10));
        var products = decision.Certificates.Select(c => c.ProductId).ToList();
        Assert.All(products, p => Assert.DoesNotContain(p, before));
        var after = Cards(await visitor.GetDocumentAsync("/products?q=banh+tet+la+cam"));
        Assert.Contains(decision.Round[$"Bánh tét lá cẩm {decision.Number}"].ProductId, after);
        foreach (var product in products)
        {
            Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/products/{product}")).StatusCode);
        }

        var revoked = decision.Certificates[0];
        var form = $"/certificates/{revoked.Id}/revocation";
        var response = await office.Client.PostFormAsync(form, new Dictionary<string, string>
        {
            ["Ground"] = nameof(RevocationGround.ProductionStopped),
            ["Details"] = "UBND xã xác nhận chủ thể đã ngừng sản xuất sản phẩm.",
            ["DecisionNumber"] = "4402/QĐ-UBND",
            ["DecisionDate"] = DateOnly.FromDateTime(DateTime.Now).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Authority"] = "Ủy ban nhân dân thành phố Cần Thơ",
            ["Confirmed"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var valid = Cards(await visitor.GetDocumentAsync("/products?q=banh"));
        Assert.DoesNotContain(revoked.ProductId, valid);
        Assert.Contains(decision.Certificates[1].ProductId, valid);
        var page = await visitor.GetDocumentAsync($"/products/{revoked.ProductId}");
        Assert.Contains("Đã bị thu hồi", page.QuerySelector("[data-testid=status]")!.TextContent, StringComparison.Ordinal);
    }
}
