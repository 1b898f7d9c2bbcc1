using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OcopPortal.Web.Infrastructure.Auth;

namespace OcopPortal.BrowserTests;

/// <summary>The rules as law: an admin browses all 26 criteria sets; a producer self-assesses (scenario S1's 72 points → 3★).</summary>
public sealed class RulesStory(BrowserPortal app) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task An_admin_browses_all_26_criteria_sets_of_QD_26_2026()
    {
        var page = await app.NewPageAsync();
        await StorySteps.SignInAsync(page, Tests.PortalFactory.AdminEmail);

        await page.GetByRole(AriaRole.Link, new() { Name = "Bộ tiêu chí" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "QD-26-2026" }).ClickAsync();
        var setLinks = page.GetByTestId("classification").GetByRole(AriaRole.Link);
        await Assertions.Expect(setLinks).ToHaveCountAsync(26);
        var hrefs = await setLinks.EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");

        foreach (var href in hrefs)
        {
            await page.GotoAsync(href);
            await Assertions.Expect(page.GetByTestId("sheet-title")).ToHaveTextAsync(new Regex($"^Bộ {SetNumber(href)}: "));
        }

        await page.GotoAsync(hrefs.Single(h => h.EndsWith("/sets/7", StringComparison.Ordinal)));
        await Assertions.Expect(page.GetByTestId("sheet-title")).ToHaveTextAsync("Bộ 7: Chế biến từ rau, củ, quả, hạt");
        await Assertions.Expect(page.Locator("tr[data-criterion='2.3']").Filter(new() { HasText = "★★★★" })).ToHaveCountAsync(1);
        await Screenshots.TakeAsync(page, "06-bo-tieu-chi-7");
    }

    [Fact]
    public async Task A_background_request_the_server_refuses_says_so_where_its_answer_would_have_appeared()
    {
        var page = await app.NewPageAsync();
        await StorySteps.SignInAsync(page, await app.Portal.CreateUserAsync(Roles.Producer));
        var (ruleSetId, choices) = await StorySteps.ChoicesAsync(app.Portal, 7, "1.1=3 1.2=1");
        await page.GotoAsync($"/rules/{ruleSetId}/sets/7/self-assessment");

        // One change answered normally: the verdict is swapped in.
        await page.Locator($"input[name='Choices[{choices[0].NodeId}]'][value='{choices[0].OptionId}']").CheckAsync();
        await Assertions.Expect(page.GetByTestId("total")).ToBeVisibleAsync();

        // The page's antiforgery token is no longer valid (as after a long pause or a new sign-in elsewhere): the next
        // background post is refused with 400, and the person is told, in the slot, that nothing was taken.
        await page.Locator("input[name='__RequestVerificationToken']").EvaluateAllAsync<int>("inputs => { inputs.forEach(i => i.value = 'expired'); return inputs.length; }");
        var refused = page.WaitForResponseAsync(r => r.Url.EndsWith("/self-assessment/result", StringComparison.Ordinal) && r.Status == 400);
        await page.Locator($"input[name='Choices[{choices[1].NodeId}]'][value='{choices[1].OptionId}']").CheckAsync();
        await refused;

        var alert = page.Locator("#result-slot").GetByTestId("request-failed");
        await Assertions.Expect(alert).ToContainTextAsync("Chưa gửi được");
        await Assertions.Expect(alert).ToHaveAttributeAsync("role", "alert");
        await Assertions.Expect(page.GetByTestId("total")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_producer_self_assesses_72_points_and_learns_why_it_stays_at_3_stars()
    {
        var page = await app.NewPageAsync(phone: true);
        await StorySteps.SignInAsync(page, await app.Portal.CreateUserAsync(Roles.Producer));
        var (ruleSetId, choices) = await StorySteps.ChoicesAsync(app.Portal, 7,
            "1.1=3 1.2=1 1.3=3 1.4=3 1.5=2 1.6=2 1.7=1 2.1=3 2.2=3 2.3=1 2.4=1 3.1=3 3.2=1 3.3=3 3.4=2 3.5=2 " +
            "4.1=3 4.2=1 4.3=3 5.1=2 5.2=2 5.3=3 6.1=2 6.2=2 6.3=2 6.4=2 6.5=3 7=3 8=4 9=3 10=2 11=1");

        await page.GotoAsync($"/rules/{ruleSetId}/sets/7/self-assessment");
        foreach (var (nodeId, optionId) in choices)
        {
            await page.Locator($"input[name='Choices[{nodeId}]'][value='{optionId}']").CheckAsync();
        }

        // Live: htmx posts the form on every change and swaps in the engine's verdict, no button needed.
        await Assertions.Expect(page.GetByTestId("total")).ToHaveTextAsync("72");
        await Assertions.Expect(page.GetByTestId("unanswered")).ToHaveCountAsync(0);

        // And the same verdict from the plain form post (works without script).
        await page.GetByRole(AriaRole.Button, new() { Name = "Tính điểm và hạng sao" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("total")).ToHaveTextAsync("72");
        await Assertions.Expect(page.GetByTestId("outcome")).ToContainTextAsync("Đạt 3★");
        await Assertions.Expect(page.GetByTestId("explanation")).ToContainTextAsync("tiêu chí 2.3, 5.1 chưa đạt mức tối thiểu của hạng 4★");
        await page.GetByTestId("self-assessment-result").ScrollIntoViewIfNeededAsync();
        await Screenshots.TakeAsync(page, "05-tu-danh-gia");
    }

    private static string SetNumber(string href) => href[(href.LastIndexOf('/') + 1)..];
}
