using System.Net;
using OcopPortal.Web.Infrastructure.Auth;

namespace OcopPortal.Tests.Web;

/// <summary>The role × page matrix: each workspace opens for its roles and answers 403 to everyone else.</summary>
public sealed class AuthorizationTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    public static readonly Dictionary<string, string[]> Matrix = new()
    {
        ["/producer"] = [Roles.Producer],
        ["/commune"] = [Roles.Commune],
        ["/office"] = [Roles.Office],
        ["/council"] = [Roles.CouncilMember, Roles.CouncilChair],
        ["/admin/users"] = [Roles.Admin],
        ["/admin/users/new"] = [Roles.Admin],
        ["/admin/mail"] = [Roles.Office, Roles.Admin],
        ["/admin/audit"] = [Roles.Office, Roles.Admin],
        ["/admin/units"] = [Roles.Office, Roles.Admin],
        ["/admin/units/import"] = [Roles.Admin],
        ["/rules"] = [Roles.Office, Roles.Admin],
        ["/office/producers"] = [Roles.Office],
        ["/office/producers/new"] = [Roles.Office],
        ["/producer/profile"] = [Roles.Producer],
        ["/dossiers"] = [Roles.Producer, Roles.Commune, Roles.Office, Roles.Admin],
        ["/notifications"] = [.. Roles.All],
    };

    public static TheoryData<string> AllRoles() => new(Roles.All);

    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task Each_role_reaches_exactly_its_own_pages(string role)
    {
        var client = factory.CreatePortalClient();
        await client.SignInAsync(await factory.CreateUserAsync(role));

        foreach (var (url, allowed) in Matrix)
        {
            var response = await client.GetAsync(url);
            var expected = allowed.Contains(role) ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
            Assert.True(expected == response.StatusCode, $"{role} on {url}: expected {expected}, got {response.StatusCode}");
        }
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_the_login_page()
    {
        var client = factory.CreatePortalClient();

        foreach (var url in Matrix.Keys.Append("/my"))
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_background_request_after_the_session_ended_sends_the_whole_window_to_login()
    {
        var client = factory.CreatePortalClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/rounds/1/entries/1/sheet") { Content = new FormUrlEncodedContent([]) };
        request.Headers.Add("HX-Request", "true");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var target = new Uri(Assert.Single(response.Headers.GetValues("HX-Redirect")));
        Assert.Equal("/account/login", target.AbsolutePath);
        Assert.Contains("ReturnUrl=%2Frounds%2F1%2Fentries%2F1%2Fsheet", target.Query, StringComparison.Ordinal);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Forbidden_page_is_in_Vietnamese()
    {
        var client = factory.CreatePortalClient();
        await client.SignInAsync(await factory.CreateUserAsync(Roles.Producer));

        var response = await client.GetAsync("/office");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.Equal("Không có quyền truy cập", page.QuerySelector("[data-testid=forbidden]")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        var client = factory.CreatePortalClient();

        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = PortalFactory.AdminEmail,
            ["Password"] = PortalFactory.Password,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("ocop.auth", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_first_admin_comes_from_configuration_and_lands_on_the_accounts_page()
    {
        var client = factory.CreatePortalClient();
        await client.SignInAsync(PortalFactory.AdminEmail);

        var my = await client.GetAsync("/my");

        Assert.Equal("/admin/users", my.Headers.Location!.OriginalString);
        var page = await client.GetDocumentAsync("/admin/users");
        Assert.Contains(PortalFactory.AdminEmail, page.QuerySelector("table")!.TextContent, StringComparison.Ordinal);
    }
}

public sealed class ActivityLogTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_activity_log_lists_events_and_filters_by_kind()
    {
        var client = factory.CreatePortalClient();
        await client.SignInAsync(PortalFactory.AdminEmail); // records account.signed-in

        var all = await client.GetDocumentAsync("/admin/audit");
        var filtered = await client.GetDocumentAsync("/admin/audit?kind=rules.");

        Assert.Contains("account.signed-in", all.QuerySelector("table")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("", all.QuerySelector("input[name=kind]")!.GetAttribute("value") ?? "");
        Assert.Null(filtered.QuerySelector("table"));
        Assert.Equal("rules.", filtered.QuerySelector("input[name=kind]")!.GetAttribute("value"));
    }
}
