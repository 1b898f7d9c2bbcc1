using System.Net;
using System.Text.Json;
using OcopPortal.Web.Data.AdminUnits;
using OcopPortal.Web.Infrastructure.Auth;

namespace OcopPortal.Tests.Web;

public sealed class AdminUnitsScreensTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<HttpClient> SignedInAsync(string role)
    {
        var client = factory.CreatePortalClient();
        await client.SignInAsync(role == Roles.Admin ? PortalFactory.AdminEmail : await factory.CreateUserAsync(role));
        return client;
    }

    [Fact]
    public async Task The_office_sees_the_34_provinces_with_their_commune_counts()
    {
        var office = await SignedInAsync(Roles.Office);

        var page = await office.GetDocumentAsync("/admin/units");

        Assert.Equal(34, page.QuerySelectorAll("[data-testid=provinces] tbody tr").Length);
        Assert.Equal("3321", page.QuerySelector("[data-testid=provinces] tfoot td:nth-child(4)")!.TextContent);
        var file = CsvTable.Read(Path.Combine(TestPaths.RepoRoot, "src", "OcopPortal.Web", "Data", "AdminUnits", "provinces.csv"));
        var canTho = file.Get(file.Rows.Single(r => file.Get(r, "code") == "92"), "commune_count");
        Assert.Equal(canTho, page.QuerySelector("tr[data-province='92'] [data-testid=commune-count]")!.TextContent);
        Assert.NotNull(page.QuerySelector("nav a[href='/admin/units']"));
        Assert.Null(page.QuerySelector("a[href='/admin/units/import']")); // importing is for admins
    }

    [Fact]
    public async Task A_province_lists_its_communes_searchable_without_accents_with_the_old_units_merged_into_them()
    {
        var office = await SignedInAsync(Roles.Office);

        var all = await office.GetDocumentAsync("/admin/units/92");
        Assert.Equal(20, all.QuerySelectorAll("[data-testid=communes] tbody tr").Length);
        Assert.Contains("Tổng 103 mục", all.QuerySelector("nav[aria-label='Phân trang']")!.TextContent, StringComparison.Ordinal);

        var found = await office.GetDocumentAsync("/admin/units/92?q=phu%20loc");
        var row = found.QuerySelector("tr[data-commune='31756']")!;
        Assert.Equal("Xã Phú Lộc", row.QuerySelector("[data-testid=commune-name]")!.TextContent);
        Assert.Contains("Thị trấn Hưng Lợi", row.QuerySelector("[data-testid=old-units]")!.TextContent, StringComparison.Ordinal);

        // An old name finds the commune it went into.
        var byOldName = await office.GetDocumentAsync("/admin/units/92?q=huynh%20huu%20nghia");
        Assert.Equal(["Xã Mỹ Tú"], byOldName.QuerySelectorAll("[data-testid=commune-name]").Select(e => e.TextContent));

        var hue = await office.GetDocumentAsync("/admin/units/46?q=PH%C3%9A%20L%E1%BB%98C");
        Assert.Equal(["Xã Phú Lộc"], hue.QuerySelectorAll("[data-testid=commune-name]").Select(e => e.TextContent));
        Assert.NotNull(hue.QuerySelector("[data-testid=no-mapping]"));
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync("/admin/units/99")).StatusCode);
    }

    [Fact]
    public async Task The_commune_picker_returns_options_for_htmx_and_json()
    {
        var producer = await SignedInAsync(Roles.Producer);

        var response = await producer.GetAsync("/units/communes?province=92&q=phu&selected=31756");
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("<option value=\"\">", html.TrimStart(), StringComparison.Ordinal);
        Assert.DoesNotContain("<html", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"31756\" selected=\"selected\">Xã Phú Lộc</option>", html, StringComparison.Ordinal);

        var oldName = await producer.GetStringAsync("/units/communes?province=92&q=huynh%20huu%20nghia");
        Assert.Contains("<option value=\"31567\">Xã Mỹ Tú — trước đây: Thị trấn Huỳnh Hữu Nghĩa (Huyện Mỹ Tú, Sóc Trăng)</option>", oldName, StringComparison.Ordinal);

        var json = JsonDocument.Parse(await producer.GetStringAsync("/units/communes.json?province=92&q=phu%20loc"));
        Assert.Contains(json.RootElement.EnumerateArray(), e => e.GetProperty("code").GetString() == "31756");
        Assert.Equal(103, JsonDocument.Parse(await producer.GetStringAsync("/units/communes.json?province=92")).RootElement.GetArrayLength());
    }

    [Fact]
    public async Task Producers_cannot_open_the_catalogue_screens_and_the_office_cannot_import()
    {
        var producer = await SignedInAsync(Roles.Producer);
        var office = await SignedInAsync(Roles.Office);

        Assert.Equal(HttpStatusCode.Forbidden, (await producer.GetAsync("/admin/units")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await producer.GetAsync("/admin/units/92")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await office.GetAsync("/admin/units/import")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await factory.CreatePortalClient().GetAsync("/units/communes?province=92")).StatusCode);
    }
}
