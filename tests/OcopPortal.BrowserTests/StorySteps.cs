using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain.Rules;

namespace OcopPortal.BrowserTests;

/// <summary>Steps more than one story takes.</summary>
public static class StorySteps
{
    /// <summary>Signs in with the test password and waits until the portal shows who is signed in.</summary>
    public static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Mật khẩu").FillAsync(Tests.PortalFactory.Password);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("signed-in-as")).ToHaveTextAsync(email);
    }

    /// <summary>Opens the collapsed menu of a phone-sized page and waits until it is open.</summary>
    public static async Task OpenMenuAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Mở menu" }).ClickAsync();
        await Assertions.Expect(page.Locator("#mainNav")).ToHaveClassAsync(new Regex(@"\bshow\b"));
    }

    /// <summary>
    /// The QĐ 26/2026 rule set's id and, for "code=points" pairs (in the order given), the node and option ids of
    /// criteria set <paramref name="number"/>: the radio <c>Choices[node]</c> with value <c>option</c>.
    /// </summary>
    public static Task<(int RuleSetId, List<(int NodeId, int OptionId)> Choices)> ChoicesAsync(Tests.PortalFactory portal, int number, string pairs) =>
        portal.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OcopDbContext>();
            var ruleSetId = await db.RuleSets.Where(r => r.Code == "QD-26-2026").Select(r => r.Id).SingleAsync();
            var leaves = await db.CriterionNodes.AsNoTracking()
                .Where(n => n.RuleSetId == ruleSetId && n.Kind == CriterionNodeKind.Criterion && n.Options.Count > 0)
                .Where(n => db.CriteriaSets.Any(s => s.Id == n.CriteriaSetId && s.Number == number))
                .Select(n => new { n.Id, n.Code, Options = n.Options.OrderBy(o => o.SortOrder).Select(o => new { o.Id, o.Points }).ToList() })
                .ToListAsync();
            var choices = pairs.Split(' ').Select(p => p.Split('=')).Select(p =>
            {
                var leaf = leaves.Single(l => l.Code == p[0]);
                return (leaf.Id, leaf.Options.First(o => o.Points == int.Parse(p[1], CultureInfo.InvariantCulture)).Id);
            }).ToList();
            return (ruleSetId, choices);
        });
}
