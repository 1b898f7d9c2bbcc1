using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain.Rules;
using OcopPortal.Web.Infrastructure.Auth;

namespace OcopPortal.Tests.Web;

public sealed class RulesScreensTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private Task<int> RuleSetIdAsync(string code) =>
        factory.WithScopeAsync(sp => sp.GetRequiredService<OcopDbContext>().RuleSets.Where(r => r.Code == code).Select(r => r.Id).SingleAsync());

    private async Task<HttpClient> SignedInAsync(string role)
    {
        var client = factory.CreatePortalClient();
        await client.SignInAsync(role == Roles.Admin ? PortalFactory.AdminEmail : await factory.CreateUserAsync(role));
        return client;
    }

    [Fact]
    public async Task The_office_browses_rule_sets_classification_and_the_26_sheets()
    {
        var client = await SignedInAsync(Roles.Office);
        var id = await RuleSetIdAsync("QD-26-2026");

        var list = await client.GetDocumentAsync("/rules");
        Assert.Equal(3, list.QuerySelectorAll("[data-testid=rule-sets] tbody tr").Length);

        var details = await client.GetDocumentAsync($"/rules/{id}");
        var links = details.QuerySelectorAll("[data-testid=classification] a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(26, links.Count);
        Assert.Contains($"/rules/{id}/sets/7", links);
        Assert.Contains("I.3.c. Chế biến từ rau, củ, quả, hạt", details.QuerySelector("[data-testid=classification]")!.TextContent, StringComparison.Ordinal);

        for (var n = 1; n <= 26; n++)
        {
            var sheet = await client.GetDocumentAsync($"/rules/{id}/sets/{n}");
            Assert.StartsWith($"Bộ {n}:", sheet.QuerySelector("[data-testid=sheet-title]")!.TextContent, StringComparison.Ordinal);
            Assert.InRange(sheet.QuerySelectorAll("tr[data-criterion]").Select(r => r.GetAttribute("data-criterion")).Distinct().Count(), 25, 34);
        }

        var legacy = await client.GetDocumentAsync($"/rules/{await RuleSetIdAsync("QD-148-2023")}");
        Assert.NotNull(legacy.QuerySelector("[data-testid=no-sets]"));
    }

    [Fact]
    public async Task Producers_cannot_browse_rule_administration_and_the_office_cannot_draft()
    {
        var producer = await SignedInAsync(Roles.Producer);
        var office = await SignedInAsync(Roles.Office);
        var id = await RuleSetIdAsync("QD-26-2026");

        Assert.Equal(HttpStatusCode.Forbidden, (await producer.GetAsync("/rules")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await office.GetAsync($"/rules/{id}/copy")).StatusCode);
    }

    [Fact]
    public async Task A_producer_self_assesses_and_reads_why_it_is_3_stars_not_4()
    {
        var client = await SignedInAsync(Roles.Producer);
        var id = await RuleSetIdAsync("QD-26-2026");
        var fields = await ChoicesAsync(id, 7, "1.1=3 1.2=1 1.3=3 1.4=3 1.5=2 1.6=2 1.7=1 2.1=3 2.2=3 2.3=1 2.4=1 3.1=3 3.2=1 3.3=3 3.4=2 3.5=2 " +
            "4.1=3 4.2=1 4.3=3 5.1=2 5.2=2 5.3=3 6.1=2 6.2=2 6.3=2 6.4=2 6.5=3 7=3 8=4 9=3 10=2 11=1");

        var response = await client.PostFormAsync($"/rules/{id}/sets/7/self-assessment", fields);

        var page = await Forms.ParseAsync(response);
        Assert.Equal("72", page.QuerySelector("[data-testid=total]")!.TextContent);
        Assert.StartsWith("Đạt 3★", page.QuerySelector("[data-testid=outcome]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Đạt 3★ mà chưa đạt 4★ vì tiêu chí 2.3, 5.1 chưa đạt mức tối thiểu của hạng 4★.", page.QuerySelector("[data-testid=explanation]")!.TextContent, StringComparison.Ordinal);
        // The answers stay ticked, so the producer can change one and recompute.
        var (name, value) = fields.First();
        Assert.Equal(value, page.QuerySelector($"input[name='{name}'][checked]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task The_live_fragment_gives_the_same_verdict_as_the_full_page()
    {
        var client = await SignedInAsync(Roles.Producer);
        var id = await RuleSetIdAsync("QD-26-2026");
        var page = $"/rules/{id}/sets/7/self-assessment";
        var fields = await ChoicesAsync(id, 7, "2.3=1 5.1=2");
        fields["__RequestVerificationToken"] = (await client.GetDocumentAsync(page)).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var fragment = await Forms.ParseAsync(await client.PostAsync(page + "/result", new FormUrlEncodedContent(fields)));

        Assert.Null(fragment.QuerySelector("nav.navbar")); // a fragment, without the layout
        Assert.Equal("3", fragment.QuerySelector("[data-testid=total]")!.TextContent);
        Assert.StartsWith("Còn 30 tiêu chí chưa chọn", fragment.QuerySelector("[data-testid=unanswered]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_option_from_another_set_is_refused_with_a_message()
    {
        var client = await SignedInAsync(Roles.Producer);
        var id = await RuleSetIdAsync("QD-26-2026");
        var other = await ChoicesAsync(id, 1, "1.1=1");

        var response = await client.PostFormAsync($"/rules/{id}/sets/7/self-assessment", other);

        Assert.Contains("Phương án đã chọn không thuộc bộ tiêu chí này.", (await Forms.ParseAsync(response)).FormErrors());
    }

    [Fact]
    public async Task An_admin_copies_a_draft_cannot_publish_a_broken_sum_then_publishes_the_fixed_one()
    {
        var admin = await SignedInAsync(Roles.Admin);
        var source = await RuleSetIdAsync("QD-26-2026");

        var badBands = await admin.PostFormAsync($"/rules/{source}/copy", new Dictionary<string, string> { ["Code"] = "QD-TINH-2027", ["FourStarMin"] = "95" });
        Assert.Contains("Các ngưỡng sao phải tăng dần: 0 < 2★ < 3★ < 4★ < 5★ ≤ 100.", (await Forms.ParseAsync(badBands)).FormErrors());
        Assert.Equal(3, await factory.WithScopeAsync(sp => sp.GetRequiredService<OcopDbContext>().RuleSets.CountAsync()));

        var copied = await admin.PostFormAsync($"/rules/{source}/copy", new Dictionary<string, string> { ["Code"] = "QD-TINH-2027", ["FourStarMin"] = "70,5" });
        Assert.Equal(HttpStatusCode.Redirect, copied.StatusCode);
        var draft = await RuleSetIdAsync("QD-TINH-2027");
        Assert.Equal(70.5m, await factory.WithScopeAsync(sp => sp.GetRequiredService<OcopDbContext>().RuleSets.Where(r => r.Id == draft).Select(r => r.FourStarMin).SingleAsync()));

        var (nodeId, options) = await LeafAsync(draft, 7, "2.3");
        var edit = $"/rules/{draft}/sets/7/criteria/{nodeId}";
        var broken = options.ToDictionary(o => $"Options[{o.Index}].Points", o => (o.Index == options.Count - 1 ? 4 : o.Points).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(edit, broken)).StatusCode);

        await admin.PostFormAsync($"/rules/{draft}", new Dictionary<string, string>(), $"/rules/{draft}/publish");
        var refused = await admin.GetDocumentAsync($"/rules/{draft}");
        Assert.Contains("Bộ 7, tiêu chí 2.3: phương án cao nhất 4 điểm khác điểm tối đa 3.", refused.QuerySelector("[data-testid=publish-errors]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Bản nháp", refused.QuerySelector("[data-testid=rule-status]")!.TextContent);

        var fixedPoints = options.ToDictionary(o => $"Options[{o.Index}].Points", o => o.Points.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await admin.PostFormAsync(edit, fixedPoints);
        await admin.PostFormAsync($"/rules/{draft}", new Dictionary<string, string>(), $"/rules/{draft}/publish");

        var published = await admin.GetDocumentAsync($"/rules/{draft}");
        Assert.Equal("Đã ban hành", published.QuerySelector("[data-testid=rule-status]")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(edit)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/rules/{draft}/edit")).StatusCode);
    }

    private async Task<Dictionary<string, string>> ChoicesAsync(int ruleSetId, int number, string pairs)
    {
        var leaves = await factory.WithScopeAsync(sp => sp.GetRequiredService<OcopDbContext>().CriterionNodes.AsNoTracking()
            .Where(n => n.RuleSetId == ruleSetId && n.Kind == CriterionNodeKind.Criterion && n.Options.Count > 0)
            .Where(n => sp.GetRequiredService<OcopDbContext>().CriteriaSets.Any(s => s.Id == n.CriteriaSetId && s.Number == number))
            .Select(n => new { n.Id, n.Code, Options = n.Options.Select(o => new { o.Id, o.Points, o.SortOrder }).ToList() }).ToListAsync());
        return pairs.Split(' ').Select(p => p.Split('=')).ToDictionary(
            p => $"Choices[{leaves.Single(l => l.Code == p[0]).Id}]",
            p => leaves.Single(l => l.Code == p[0]).Options.OrderBy(o => o.SortOrder).First(o => o.Points == int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture)).Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private async Task<(int NodeId, List<(int Index, int Points)> Options)> LeafAsync(int ruleSetId, int number, string code)
    {
        var node = await factory.WithScopeAsync(sp => sp.GetRequiredService<OcopDbContext>().CriterionNodes.AsNoTracking().Include(n => n.Options)
            .SingleAsync(n => n.RuleSetId == ruleSetId && n.Code == code && sp.GetRequiredService<OcopDbContext>().CriteriaSets.Any(s => s.Id == n.CriteriaSetId && s.Number == number)));
        return (node.Id, node.Options.OrderBy(o => o.SortOrder).Select((o, i) => (i, o.Points)).ToList());
    }
}
