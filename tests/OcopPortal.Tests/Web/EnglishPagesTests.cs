using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using OcopPortal.Tests.Infrastructure;
using OcopPortal.Tests.Web.Recognition;
using OcopPortal.Web;
using OcopPortal.Web.Data;
using OcopPortal.Web.Features.Recognition;
using OcopPortal.Web.Infrastructure.Auth;
using OcopPortal.Web.Infrastructure.Files;

namespace OcopPortal.Tests.Web;

/// <summary>Key pages read with the English culture cookie: English headings, no Vietnamese-only heading left.</summary>
public sealed partial class EnglishPagesTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private readonly DossierScenario _scenario = new(factory);

    [GeneratedRegex("[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]", RegexOptions.IgnoreCase)]
    private static partial Regex VietnameseLetter();

    private static async Task<HttpClient> EnglishAsync(HttpClient client)
    {
        var switched = await client.GetAsync("/culture?culture=en-US&returnUrl=%2F");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, switched.StatusCode);
        return client;
    }

    /// <summary>The page's h1 and h2 texts, with the data values (names, numbers) that legitimately stay Vietnamese removed.</summary>
    private static void AssertEnglish(IHtmlDocument page, string heading, params string[] data)
    {
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains(heading, page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        var vietnamese = page.QuerySelectorAll("h1, h2").Append(page.QuerySelector("title")!)
            .Select(h => data.Aggregate(h.TextContent, (text, value) => text.Replace(value, "", StringComparison.Ordinal)).Trim())
            .Where(text => VietnameseLetter().IsMatch(text)).ToList();
        Assert.True(vietnamese.Count == 0, "Vietnamese headings on an English page: " + string.Join(" | ", vietnamese));
    }

    [Fact]
    public async Task Public_home_and_catalogue_are_English()
    {
        var client = await EnglishAsync(factory.CreatePortalClient());

        AssertEnglish(await client.GetDocumentAsync("/"), "OCOP Portal");
        var catalogue = await client.GetDocumentAsync("/products");
        AssertEnglish(catalogue, "OCOP products");
        Assert.Contains(catalogue.QuerySelectorAll("option"), o => o.TextContent == "Cooperative");
    }

    [Fact]
    public async Task The_public_verification_page_is_English()
    {
        var (_, producerId) = await _scenario.ProducerAsync();
        var c = await CertificateFixtures.OneAsync(factory, await _scenario.ProductAsync(producerId), CertificateFixtures.Today.AddDays(-10));
        var client = await EnglishAsync(factory.CreatePortalClient());

        var page = await client.GetDocumentAsync(CertificateIssuer.VerificationPath(c.Token));

        AssertEnglish(page, "OCOP certificate verification", c.ProductName, c.ProducerName, c.Number);
        var text = page.Body!.TextContent;
        Assert.Contains("Valid", text, StringComparison.Ordinal);
        Assert.Contains("Recognising authority", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Còn hiệu lực", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Cơ quan công nhận", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_Office_reads_the_reports_dashboard_and_certificate_registry_in_English()
    {
        var (_, producerId) = await _scenario.ProducerAsync();
        var c = await CertificateFixtures.OneAsync(factory, await _scenario.ProductAsync(producerId), CertificateFixtures.Today.AddDays(-10));
        var office = await _scenario.SignedInAsync(Roles.Office);
        var client = await EnglishAsync(office.Client);

        var reports = await client.GetDocumentAsync("/reports");
        AssertEnglish(reports, "OCOP reports and statistics");
        Assert.Contains("Products by star rating", reports.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Sản phẩm theo hạng sao", reports.Body!.TextContent, StringComparison.Ordinal);

        var registry = await client.GetDocumentAsync("/certificates");
        AssertEnglish(registry, "OCOP certificate registry");
        Assert.Contains(registry.QuerySelectorAll("a.nav-link"), a => a.TextContent.StartsWith("Valid, expiring soon", StringComparison.Ordinal));

        var certificate = await client.GetDocumentAsync($"/certificates/{c.Id}");
        AssertEnglish(certificate, $"Certificate no. {c.Number}", c.ProductName, c.ProducerName, c.Number);
        Assert.Contains("Public verification page", certificate.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_upload_is_explained_in_English_with_the_file_kind_translated()
    {
        var (vietnamese, english) = await factory.WithScopeAsync(async sp =>
        {
            var store = new FileStore(sp.GetRequiredService<OcopDbContext>(), Options.Create(new FileStoreOptions()), TimeProvider.System);
            var refused = Assert.IsType<FileSaveResult.Rejected>(await store.SaveAsync(TestFiles.Upload("x.pdf", TestFiles.Png()), 0, "user-1", default));
            var previous = CultureInfo.CurrentUICulture;
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-US");
            try
            {
                return (refused.Message, refused.Reason.Localize(sp.GetRequiredService<IStringLocalizer<SharedResource>>()));
            }
            finally
            {
                CultureInfo.CurrentUICulture = previous;
            }
        });

        Assert.Equal("Nội dung tệp «x.pdf» là ảnh PNG, không phải PDF; hãy chọn đúng tệp hoặc sửa phần mở rộng của tên tệp.", vietnamese);
        Assert.Equal("The content of «x.pdf» is a PNG picture, not PDF; choose the right file or correct the file name's extension.", english);
    }
}
