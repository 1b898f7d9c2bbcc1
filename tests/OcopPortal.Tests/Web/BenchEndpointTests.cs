using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using OcopPortal.Web.Infrastructure.Auth;

namespace OcopPortal.Tests.Web;

/// <summary>The benchmark's baseline endpoint: absent unless Bench:Enabled, and then the admin page's rows as JSON.</summary>
public sealed class BenchEndpointTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Url = "/bench/baseline/users?page=1";

    [Fact]
    public async Task Is_a_plain_404_for_everyone_when_not_enabled()
    {
        var anonymous = factory.CreatePortalClient();
        var admin = factory.CreatePortalClient();
        await admin.SignInAsync(PortalFactory.AdminEmail);

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(Url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(Url)).StatusCode);
    }

    [Fact]
    public async Task Returns_the_admin_users_page_rows_as_json_when_enabled()
    {
        await factory.CreateUserAsync(Roles.Office, "vanphong@test.ocop.vn");
        using var enabled = factory.WithWebHostBuilder(b => b.UseSetting("Bench:Enabled", "true"));
        var client = enabled.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(Url)).StatusCode); // still admin-only
        await client.SignInAsync(PortalFactory.AdminEmail);

        var response = await client.GetAsync(Url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var items = json.RootElement.GetProperty("items").EnumerateArray().ToList();
        var emails = items.Select(i => i.GetProperty("email").GetString()!).ToList();
        Assert.Equal(emails.Order(StringComparer.Ordinal), emails);
        var adminRow = items.Single(i => i.GetProperty("email").GetString() == PortalFactory.AdminEmail);
        Assert.Equal([Roles.Admin], adminRow.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("Quản trị hệ thống", adminRow.GetProperty("fullName").GetString());
        Assert.True(adminRow.GetProperty("emailConfirmed").GetBoolean());
        Assert.True(adminRow.GetProperty("createdAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddHours(-1));

        // Same rows, same order as the page the benchmark compares it to.
        var page = await client.GetDocumentAsync("/admin/users?page=1");
        var pageEmails = page.QuerySelectorAll("table tbody tr td:first-child").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(pageEmails, emails);
        Assert.Equal(json.RootElement.GetProperty("total").GetInt32(), items.Count);
    }
}
