using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain.Recognition;
using OcopPortal.Web.Domain.Text;
using OcopPortal.Web.Features.Catalogue;

namespace OcopPortal.Tests.Web.Catalogue;

public sealed class CatalogueTests(CatalogueFixture factory) : IClassFixture<CatalogueFixture>
{
    private static List<int> Cards(IHtmlDocument page) =>
        page.QuerySelectorAll("[data-testid=results] [data-product]").Select(e => int.Parse(e.GetAttribute("data-product")!, CultureInfo.InvariantCulture)).ToList();

    private async Task<List<int>> SearchAsync(string query)
    {
        var page = await factory.CreatePortalClient().GetDocumentAsync("/products?q=" + Uri.EscapeDataString(query));
        return Cards(page);
    }

    // The issue's cases and more: accents, case, đ/Đ, extra spaces, tone marks on capitals, producer, commune and story text.
    public static TheoryData<string, string> SearchCases => new()
    {
        { "banh pia", "banhpia" },
        { "BANH PIA", "banhpia" },
        { "Bánh Pía", "banhpia" },
        { "BÁNH PÍA", "banhpia" },
        { "  banh    pia  ", "banhpia" },
        { "dua", "keodua" },
        { "Dừa", "keodua" },
        { "nuoc mam phu quoc", "nuocmam" },
        { "NƯỚC MẮM PHÚ QUỐC", "nuocmam" },
        { "đường thốt nốt", "duong" },
        { "duong thot not", "duong" },
        { "ĐƯỜNG", "duong" },
        { "Vũng Thơm", "banhpia" },
        { "vung thom", "banhpia" },
        { "dak lak", "matong" },
        { "ĐẮK LẮK", "matong" },
        { "cai khe", "household" },
    };

    [Theory]
    [MemberData(nameof(SearchCases))]
    public async Task Search_ignores_accents_case_and_spacing_on_the_page(string query, string expected)
    {
        var products = await factory.ProductsAsync();

        var found = await SearchAsync(query);

        Assert.Contains(products[expected].ProductId, found);
        Assert.DoesNotContain(products["matong"].ProductId == products[expected].ProductId ? products["nuocmam"].ProductId : products["matong"].ProductId, found);
    }

    public static TheoryData<string, string> FoldCases => new()
    {
        { "Bánh pía", "banh pia" },
        { "BÁNH PÍA", "banh pia" },
        { "Dừa", "dua" },
        { "Nước mắm Phú Quốc", "nuoc mam phu quoc" },
        { "Đường", "duong" },
        { "đường", "duong" },
        { "ĐẮK LẮK", "dak lak" },
        { "  Kẹo   dừa  ", "keo dua" },
        { "Ỏ Ẽ Ị Ụ Ỹ", "o e i u y" },
    };

    [Theory]
    [MemberData(nameof(FoldCases))]
    public void The_normaliser_folds_the_search_cases(string input, string expected)
    {
        Assert.Equal(expected, VietnameseText.Fold(input));
        Assert.Equal(expected, VietnameseText.Fold(input.Normalize(NormalizationForm.FormD)));
        Assert.Equal(expected.Split(' ', StringSplitOptions.RemoveEmptyEntries), CatalogueQueries.Terms(input));
    }

    [Fact]
    public async Task Name_matches_rank_before_story_matches()
    {
        var products = await factory.ProductsAsync();

        var found = await SearchAsync("dua");

        Assert.Contains(products["banhtrang"].ProductId, found); // "nước cốt dừa" in its story
        Assert.True(found.IndexOf(products["keodua"].ProductId) < found.IndexOf(products["banhtrang"].ProductId));
    }

    [Fact]
    public async Task A_former_commune_name_finds_the_products_of_the_commune_that_absorbed_it()
    {
        var products = await factory.ProductsAsync();
        var former = await factory.WithScopeAsync(sp => sp.GetRequiredService<OcopDbContext>().CommuneMappings
            .Where(m => m.NewCommuneCode == "31756" && m.OldCommuneName != "").Select(m => m.OldCommuneName).ToListAsync());
        var oldName = former.First(n => !VietnameseText.Fold("Xã Phú Lộc").Contains(VietnameseText.Fold(n), StringComparison.Ordinal));

        var page = await factory.CreatePortalClient().GetDocumentAsync("/products?place=" + Uri.EscapeDataString(VietnameseText.Fold(oldName)));

        Assert.Contains(products["banhpia"].ProductId, Cards(page));
        Assert.DoesNotContain(products["household"].ProductId, Cards(page)); // Phường Cái Khế
    }

    [Fact]
    public async Task Filters_are_in_the_query_string_and_combine()
    {
        var products = await factory.ProductsAsync();

        var fiveStars = Cards(await factory.CreatePortalClient().GetDocumentAsync("/products?stars=5"));
        var households = Cards(await factory.CreatePortalClient().GetDocumentAsync("/products?type=Household&commune=31120"));
        var nonsense = await factory.CreatePortalClient().GetAsync("/products?stars=abc&type=99&set=-1&page=9999");

        Assert.Equal([products["banhpia"].ProductId], fiveStars);
        Assert.Equal([products["household"].ProductId], households);
        Assert.Equal(HttpStatusCode.OK, nonsense.StatusCode);
    }

    [Fact]
    public async Task Revoked_and_expired_never_appear_as_valid()
    {
        var products = await factory.ProductsAsync();
        var revoked = products["revoked"].ProductId;
        var expired = products["expired"].ProductId;
        var client = factory.CreatePortalClient();

        // Catalogue: hidden by default; with the transparency filter, shown with their status.
        var list = await client.GetDocumentAsync("/products");
        Assert.DoesNotContain(revoked, Cards(list));
        Assert.DoesNotContain(expired, Cards(list));
        var all = await client.GetDocumentAsync("/products?status=all&sort=name");
        Assert.Equal("revoked", all.QuerySelector($"[data-testid=results] [data-product='{revoked}']")!.GetAttribute("data-status"));
        Assert.Contains("Đã bị thu hồi", all.QuerySelector($"[data-testid=results] [data-product='{revoked}'] [data-testid=card-status]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("expired", all.QuerySelector($"[data-testid=results] [data-product='{expired}']")!.GetAttribute("data-status"));

        // Product page: the status, never "valid".
        var page = await client.GetDocumentAsync($"/products/{revoked}");
        Assert.Equal("revoked", page.QuerySelector("[data-status]")!.GetAttribute("data-status"));
        Assert.Contains("Đã bị thu hồi", page.QuerySelector("[data-testid=status]")!.TextContent, StringComparison.Ordinal);
        var expiredPage = await client.GetDocumentAsync($"/products/{expired}");
        Assert.Contains("Hết hiệu lực", expiredPage.QuerySelector("[data-testid=status]")!.TextContent, StringComparison.Ordinal);

        // Home counts: only certificates in force today, as CertificateLifecycle decides.
        var inForce = await factory.WithScopeAsync(async sp =>
        {
            var certificates = await sp.GetRequiredService<OcopDbContext>().Certificates.AsNoTracking().ToListAsync();
            var today = DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().Date);
            return certificates.Count(c => CertificateLifecycle.IsInForce(CertificateLifecycle.StatusOn(c, today)));
        });
        var home = await client.GetDocumentAsync("/");
        Assert.Equal(inForce.ToString("N0", CultureInfo.GetCultureInfo("vi-VN")), home.QuerySelector("[data-testid=in-force]")!.TextContent.Trim());
        Assert.True(inForce >= products.Count - 2);
        Assert.DoesNotContain(revoked, home.QuerySelectorAll("[data-testid=newest] [data-product]").Select(e => int.Parse(e.GetAttribute("data-product")!, CultureInfo.InvariantCulture)));

        // Open data: not listed by default; with status=all, listed with their status.
        var json = JsonDocument.Parse(await client.GetStringAsync("/open-data/products.json?size=500"));
        var ids = json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("productId").GetInt32()).ToList();
        Assert.DoesNotContain(revoked, ids);
        Assert.DoesNotContain(expired, ids);
        Assert.All(json.RootElement.GetProperty("items").EnumerateArray(), i => Assert.Contains(i.GetProperty("status").GetString(), new[] { "valid", "expiring", "extended" }));
        var allJson = JsonDocument.Parse(await client.GetStringAsync("/open-data/products.json?size=500&status=all"));
        var revokedItem = allJson.RootElement.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("productId").GetInt32() == revoked);
        Assert.Equal("revoked", revokedItem.GetProperty("status").GetString());
        var csv = await client.GetStringAsync("/open-data/products.csv");
        Assert.DoesNotContain(products["revoked"].ProductName, csv, StringComparison.Ordinal);
        Assert.DoesNotContain(products["expired"].ProductName, csv, StringComparison.Ordinal);
        Assert.Contains(products["nuocmam"].ProductName, csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoking_evicts_the_cached_pages()
    {
        var s = new CatalogueScenario(factory);
        var product = await s.CertifiedAsync(new CertifiedSpec("Trà mãng cầu xiêm sắp thu hồi"));
        var client = factory.CreatePortalClient();
        Assert.Contains(product.ProductId, Cards(await client.GetDocumentAsync("/products?q=mang+cau+xiem")));
        // Deleting the row behind the index's back proves the next answer comes from the cache, not the database.
        await factory.WithDbAsync(db => db.CatalogueEntries.Where(e => e.ProductId == product.ProductId).ExecuteDeleteAsync());
        Assert.Contains(product.ProductId, Cards(await client.GetDocumentAsync("/products?q=mang+cau+xiem")));

        await s.RevokeAsync(product.CertificateId);

        Assert.DoesNotContain(product.ProductId, Cards(await client.GetDocumentAsync("/products?q=mang+cau+xiem")));
    }

    [Fact]
    public async Task Product_page_shows_the_certificate_and_links_to_its_verification()
    {
        var products = await factory.ProductsAsync();
        var p = products["banhpia"];

        var page = await factory.CreatePortalClient().GetDocumentAsync($"/products/{p.ProductId}");

        Assert.Equal(p.ProductName, page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal($"/verify/{p.Token}", page.QuerySelector("[data-testid=verify-link]")!.GetAttribute("href"));
        Assert.Equal("valid", page.QuerySelector("[data-status]")!.GetAttribute("data-status"));
        Assert.Equal("https://banhpia-vungthom.vn/cua-hang", page.QuerySelector("[data-testid=where-to-buy] a")!.GetAttribute("href"));
        Assert.Equal(CatalogueFixture.PublicPhone, page.QuerySelector("[data-testid=producer-phone] a")!.TextContent);
        var ld = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent);
        Assert.Equal("Product", ld.RootElement.GetProperty("@type").GetString());
        Assert.Equal(p.ProductName, ld.RootElement.GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_product_without_a_certificate_has_no_public_page()
    {
        await factory.ProductsAsync();
        var uncertified = await new DossierScenario(factory).ProductAsync((await factory.ProductsAsync())["keodua"].ProducerId, "Sản phẩm chưa công nhận");

        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreatePortalClient().GetAsync($"/products/{uncertified}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreatePortalClient().GetAsync("/products/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreatePortalClient().GetAsync("/producers/999999")).StatusCode);
    }

    [Fact]
    public async Task Unsafe_story_and_name_are_encoded_and_the_json_ld_cannot_close_its_script()
    {
        var products = await factory.ProductsAsync();
        var response = await factory.CreatePortalClient().GetAsync($"/products/{products["unsafe"].ProductId}");
        var html = await response.Content.ReadAsStringAsync();
        var page = await Forms.ParseAsync(response);

        Assert.Equal(CatalogueFixture.UnsafeStory, page.QuerySelector("[data-testid=story]")!.TextContent);
        Assert.Empty(page.QuerySelectorAll("[data-testid=story] *"));
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"javascript:", html, StringComparison.Ordinal);
        var scripts = page.QuerySelectorAll("script").ToList();
        Assert.All(scripts, s => Assert.True(s.HasAttribute("src") || s.GetAttribute("type") == "application/ld+json"));
        var ld = page.QuerySelector("script[type='application/ld+json']")!.TextContent;
        Assert.Contains("\\u003C/script\\u003E", ld, StringComparison.Ordinal);
        Assert.Equal(products["unsafe"].ProductName, JsonDocument.Parse(ld).RootElement.GetProperty("name").GetString());
    }

    [Fact]
    public async Task No_anonymous_route_exposes_private_data()
    {
        var products = await factory.ProductsAsync();
        var household = products["household"];
        var client = factory.CreatePortalClient();
        var taxCodes = await factory.WithScopeAsync(sp => sp.GetRequiredService<OcopDbContext>().Set<OcopPortal.Web.Domain.Producers.Producer>()
            .Select(p => p.TaxCode).ToListAsync());
        var routes = new List<string>
        {
            "/", "/products", "/products?status=all", "/products?q=kho+ca+loc", "/communes", "/open-data",
            "/open-data/products.json?size=500&status=all", "/open-data/products.csv?status=all",
        };
        routes.AddRange(products.Values.Select(p => $"/products/{p.ProductId}"));
        routes.AddRange(products.Values.Select(p => $"/producers/{p.ProducerId}").Distinct());

        foreach (var route in routes)
        {
            var response = await client.GetAsync(route);
            Assert.True(response.StatusCode == HttpStatusCode.OK, route);
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain(CatalogueFixture.PrivatePhone, body, StringComparison.Ordinal);
            Assert.DoesNotContain(CatalogueFixture.PrivateEmail, body, StringComparison.Ordinal);
            Assert.DoesNotContain("87.65", body, StringComparison.Ordinal); // the council's score
            Assert.DoesNotContain("87,65", body, StringComparison.Ordinal);
            Assert.DoesNotContain("Trần Thị Hoa", body, StringComparison.Ordinal); // representative
            Assert.DoesNotContain("/dossiers/", body, StringComparison.Ordinal);
            Assert.All(taxCodes, t => Assert.DoesNotContain(t, body, StringComparison.Ordinal));
        }

        var householdPage = await client.GetDocumentAsync($"/products/{household.ProductId}");
        Assert.Null(householdPage.QuerySelector("[data-testid=producer-phone]"));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/dossiers")).StatusCode);
    }

    [Fact]
    public async Task Product_photos_are_public_only_for_catalogue_products()
    {
        var products = await factory.ProductsAsync();
        var client = factory.CreatePortalClient();

        var random = await client.GetAsync($"/products/{products["banhpia"].ProductId}/photos/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, random.StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/products")]
    [InlineData("/products?q=banh+pia&stars=5&type=Cooperative")]
    [InlineData("/products?status=all&sort=name&sector=I")]
    [InlineData("/products/{banhpia}")]
    [InlineData("/producers/{banhpia-producer}")]
    [InlineData("/communes")]
    [InlineData("/open-data/products.json?size=100")]
    [InlineData("/open-data/products.csv")]
    public async Task No_catalogue_page_runs_more_than_four_queries(string route)
    {
        var products = await factory.ProductsAsync();
        var client = factory.CreatePortalClient();
        var url = route.Replace("{banhpia}", products["banhpia"].ProductId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{banhpia-producer}", products["banhpia"].ProducerId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        await client.GetAsync("/products?warm=" + Guid.NewGuid()); // reference data into memory
        // A query-string value no page reads makes a fresh output-cache key, so the page really runs.
        url += (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "n=" + Guid.NewGuid().ToString("N");

        factory.Commands.Reset();
        var response = await client.GetAsync(url);
        var count = factory.Commands.Count;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.InRange(count, 1, 4);
    }

    [Fact]
    public async Task Open_data_answers_304_to_its_own_etag_and_pages_with_a_next_link()
    {
        var products = await factory.ProductsAsync();
        var client = factory.CreatePortalClient();

        var first = await client.GetAsync("/open-data/products.json?size=2");
        var etag = first.Headers.ETag!;
        var again = new HttpRequestMessage(HttpMethod.Get, "/open-data/products.json?size=2");
        again.Headers.IfNoneMatch.Add(etag);
        var notModified = await client.SendAsync(again);
        var json = JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement;
        var csv = await client.GetAsync("/open-data/products.csv");
        var csvBytes = await csv.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotNull(first.Content.Headers.LastModified);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(2, json.GetProperty("items").GetArrayLength());
        var inForce = await factory.WithScopeAsync(async sp =>
        {
            var today = DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().Date);
            return (await sp.GetRequiredService<OcopDbContext>().Certificates.AsNoTracking().ToListAsync())
                .Count(c => CertificateLifecycle.IsInForce(CertificateLifecycle.StatusOn(c, today)));
        });
        Assert.Equal(inForce, json.GetProperty("total").GetInt32());
        Assert.DoesNotContain(products["revoked"].ProductId, json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("productId").GetInt32()));
        Assert.EndsWith("/open-data/products.json?page=2&size=2", json.GetProperty("next").GetString(), StringComparison.Ordinal);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, csvBytes[..3]);
        Assert.StartsWith(string.Join(',', OpenDataController.Columns), Encoding.UTF8.GetString(csvBytes[3..]), StringComparison.Ordinal);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);

        // A change to the catalogue gives a new ETag: the old one no longer matches.
        await new CatalogueScenario(factory).CertifiedAsync(new CertifiedSpec("Sản phẩm mới sau ETag"));
        var after = new HttpRequestMessage(HttpMethod.Get, "/open-data/products.json?size=2");
        after.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(after)).StatusCode);
    }

    [Fact]
    public async Task Signed_in_users_get_their_own_page_not_the_anonymous_cache()
    {
        await factory.ProductsAsync();
        var anonymous = await factory.CreatePortalClient().GetDocumentAsync("/");
        Assert.NotNull(anonymous.QuerySelector("a[href='/account/register']"));

        var email = await factory.CreateUserAsync(OcopPortal.Web.Infrastructure.Auth.Roles.Office);
        var client = factory.CreatePortalClient();
        await client.SignInAsync(email);
        var signedIn = await client.GetDocumentAsync("/");

        Assert.Null(signedIn.QuerySelector("a[href='/account/register']"));
        Assert.NotNull(signedIn.QuerySelector("a[href='/my']"));
    }

    [Fact]
    public async Task Cached_pages_carry_no_antiforgery_token_and_the_language_switch_still_works()
    {
        await factory.ProductsAsync();
        var client = factory.CreatePortalClient();

        var response = await client.GetAsync("/products");
        var page = await Forms.ParseAsync(response);
        var english = await client.GetAsync("/culture?culture=en-US&returnUrl=%2Fproducts");

        Assert.Empty(page.QuerySelectorAll("input[name=__RequestVerificationToken]"));
        Assert.Equal("", response.Headers.TryGetValues("Set-Cookie", out var cookies) ? string.Join("; ", cookies) : "");
        Assert.Equal(HttpStatusCode.Redirect, english.StatusCode);
        Assert.Equal("/products", english.Headers.Location!.OriginalString);
        var translated = await client.GetDocumentAsync("/products");
        Assert.Equal("en", translated.DocumentElement.GetAttribute("lang"));
    }
}
