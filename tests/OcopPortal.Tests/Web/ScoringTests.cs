using System.Globalization;
using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain.Councils;
using OcopPortal.Web.Domain.Rules;
using OcopPortal.Web.Features.Councils;
using OcopPortal.Web.Infrastructure.Audit;
using OcopPortal.Web.Infrastructure.Auth;

namespace OcopPortal.Tests.Web;

/// <summary>
/// A council member's side of scoring over HTTP on real SQLite: the lists, the conflict declaration, the sheet
/// (draft, submission, concurrency, bad input) and blindness: no route shows anything but the caller's own sheet.
/// </summary>
public sealed class ScoringTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private readonly CouncilScenario _c = new(factory);

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static async Task<string?> FlashAsync(HttpClient client, HttpResponseMessage redirect)
    {
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        return await DossierScenario.FlashAsync(client, redirect);
    }

    /// <summary>Every criterion answered with its best option (the highest points).</summary>
    private async Task<Dictionary<string, string>> BestAsync(HttpClient client, int roundId, int entryId)
    {
        var all = await CouncilScenario.SheetFieldsAsync(client, roundId, entryId, r => r[0]);
        var page = await client.GetDocumentAsync(CouncilScenario.Sheet(roundId, entryId));
        var radios = page.QuerySelectorAll("form[data-testid=sheet-form] input[type=radio]").OfType<AngleSharp.Html.Dom.IHtmlInputElement>().ToList();
        var points = await _c.PointsAsync(radios.Select(CouncilScenario.OptionId));
        foreach (var group in radios.GroupBy(r => r.Name!))
        {
            all[group.Key] = group.MaxBy(r => points[CouncilScenario.OptionId(r)])!.Value;
        }

        return all;
    }

    [Fact]
    public async Task The_member_sees_their_rounds_products_deadline_and_progress()
    {
        var round = await _c.RoundAsync(products: 2, deadline: DateOnly.FromDateTime(DateTime.Today).AddDays(-1));
        var client = round.First.Client;

        var workspace = await client.GetDocumentAsync("/council");
        var row = workspace.QuerySelector($"tr[data-round='{round.RoundId}']");
        Assert.NotNull(row);
        Assert.Equal("0/2", row.QuerySelector("[data-testid=progress]")!.TextContent.Trim());
        Assert.NotNull(row.QuerySelector("[data-testid=overdue]"));

        var my = await client.GetDocumentAsync($"/rounds/{round.RoundId}/my");
        var entries = my.QuerySelectorAll("tr[data-entry]").Select(r => int.Parse(r.GetAttribute("data-entry")!, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(round.EntryIds.Order(), entries.Order());
        Assert.All(my.QuerySelectorAll("[data-testid=declaration]"), d => Assert.Equal("Chưa khai báo", d.TextContent.Trim()));
        Assert.All(my.QuerySelectorAll("[data-testid=sheet-status]"), d => Assert.Equal("Chưa chấm", d.TextContent.Trim()));
        Assert.NotNull(my.QuerySelector("[data-testid=overdue]"));
        Assert.Equal("Đã nộp 0/2 phiếu", my.QuerySelector("[data-testid=progress]")!.TextContent.Trim());
        Assert.EndsWith("/declaration", my.QuerySelector("[data-testid=next-sheet]")!.GetAttribute("href"), StringComparison.Ordinal);

        // An invited expert has no sheet: the round is not theirs to score.
        Assert.Null((await round.Expert.Client.GetDocumentAsync("/council")).QuerySelector($"tr[data-round='{round.RoundId}']"));
        Assert.Equal(HttpStatusCode.NotFound, (await round.Expert.Client.GetAsync($"/rounds/{round.RoundId}/my")).StatusCode);
    }

    [Fact]
    public async Task A_member_must_declare_before_scoring_and_a_conflict_hides_the_product_everywhere()
    {
        var round = await _c.RoundAsync(products: 2);
        var client = round.First.Client;
        var (conflicted, other) = (round.EntryIds[0], round.EntryIds[1]);

        var undeclared = await client.GetAsync(CouncilScenario.Sheet(round.RoundId, conflicted));
        Assert.Equal(HttpStatusCode.Redirect, undeclared.StatusCode);
        Assert.Equal(CouncilScenario.Declaration(round.RoundId, conflicted), undeclared.Headers.Location!.OriginalString);

        // Validation: a conflict needs a ground; "other" needs the reason written out.
        var url = CouncilScenario.Declaration(round.RoundId, conflicted);
        var noGround = await Forms.ParseAsync(await client.PostFormAsync(url, new Dictionary<string, string> { ["Conflicted"] = "true" }));
        Assert.Contains("Vui lòng chọn căn cứ xung đột lợi ích.", noGround.FormErrors());
        var noReason = await Forms.ParseAsync(await client.PostFormAsync(url, new Dictionary<string, string> { ["Conflicted"] = "true", ["Ground"] = "Other" }));
        Assert.Contains("Với căn cứ «Lý do khác», vui lòng ghi rõ lý do.", noReason.FormErrors());
        var nothing = await Forms.ParseAsync(await client.PostFormAsync(url, new Dictionary<string, string>()));
        Assert.Contains("Vui lòng cho biết bạn có xung đột lợi ích với sản phẩm này hay không.", nothing.FormErrors());
        Assert.False(await factory.WithScopeAsync(sp => sp.GetRequiredService<OcopDbContext>().ConflictDeclarations.AnyAsync(c => c.RoundEntryId == conflicted)));

        var declared = await client.PostFormAsync(url, new Dictionary<string, string> { ["Conflicted"] = "true", ["Ground"] = "FamilyOrPersonal", ["Reason"] = "Chủ thể là em họ của tôi." });
        Assert.Equal($"/rounds/{round.RoundId}/my", declared.Headers.Location!.OriginalString);
        var stored = await factory.WithScopeAsync(sp => sp.GetRequiredService<OcopDbContext>().ConflictDeclarations.AsNoTracking().SingleAsync(c => c.RoundEntryId == conflicted));
        Assert.True(stored.Conflicted);
        Assert.Equal(ConflictGround.FamilyOrPersonal, stored.Ground);
        Assert.Equal(round.First.SeatId, stored.SeatId);

        var my = await client.GetDocumentAsync($"/rounds/{round.RoundId}/my");
        Assert.Equal([Id(other)], my.QuerySelectorAll("tr[data-entry]").Select(r => r.GetAttribute("data-entry")!).ToList());
        Assert.Equal("Đã nộp 0/1 phiếu", my.QuerySelector("[data-testid=progress]")!.TextContent.Trim());
        Assert.Equal("0/1", (await client.GetDocumentAsync("/council")).QuerySelector($"tr[data-round='{round.RoundId}'] [data-testid=progress]")!.TextContent.Trim());

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(CouncilScenario.Sheet(round.RoundId, conflicted))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
        var crafted = await client.PostCraftedAsync($"/rounds/{round.RoundId}/my", CouncilScenario.Sheet(round.RoundId, conflicted), new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.NotFound, crafted.StatusCode);

        // The others are not affected.
        Assert.Equal(2, (await round.Second.Client.GetDocumentAsync($"/rounds/{round.RoundId}/my")).QuerySelectorAll("tr[data-entry]").Length);
        Assert.Contains(await factory.WithScopeAsync(sp => sp.GetRequiredService<OcopDbContext>().AuditEvents.Where(a => a.EntityId == Id(conflicted)).Select(a => a.Action).ToListAsync()),
            a => a == "council.conflict-declared");
    }

    [Fact]
    public async Task A_conflict_after_a_draft_keeps_it_hidden_and_after_submission_is_refused()
    {
        var round = await _c.RoundAsync(products: 2);
        var client = round.First.Client;
        var (drafted, submitted) = (round.EntryIds[0], round.EntryIds[1]);
        await CouncilScenario.DeclareNoConflictAsync(client, round.RoundId, drafted);
        await CouncilScenario.DeclareNoConflictAsync(client, round.RoundId, submitted);

        var draft = await CouncilScenario.SheetFieldsAsync(client, round.RoundId, drafted, r => r[0]);
        await CouncilScenario.PostAsync(client, CouncilScenario.Sheet(round.RoundId, drafted), draft);
        var full = await CouncilScenario.SheetFieldsAsync(client, round.RoundId, submitted, r => r[0]);
        Assert.Equal(HttpStatusCode.Redirect, (await CouncilScenario.PostAsync(client, CouncilScenario.Sheet(round.RoundId, submitted) + "/submission", full)).StatusCode);

        var declaration = await client.GetDocumentAsync(CouncilScenario.Declaration(round.RoundId, drafted));
        Assert.Contains("bản nháp được giữ lại", declaration.Body!.TextContent, StringComparison.Ordinal);
        var conflict = await client.PostFormAsync(CouncilScenario.Declaration(round.RoundId, drafted), new Dictionary<string, string> { ["Conflicted"] = "true", ["Ground"] = "Professional" });
        Assert.Equal(HttpStatusCode.Redirect, conflict.StatusCode);
        var kept = Assert.Single(await _c.SheetsAsync(drafted));
        Assert.Equal(SheetStatus.Draft, kept.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(CouncilScenario.Sheet(round.RoundId, drafted))).StatusCode);

        var refused = await client.PostFormAsync(CouncilScenario.Declaration(round.RoundId, submitted), new Dictionary<string, string> { ["Conflicted"] = "true", ["Ground"] = "Professional" });
        Assert.Equal("Bạn đã nộp phiếu chấm cho sản phẩm này. Chủ tịch Hội đồng cần mở lại phiếu trước khi bạn khai báo xung đột lợi ích.", await FlashAsync(client, refused));
        Assert.False(await factory.WithScopeAsync(sp => sp.GetRequiredService<OcopDbContext>().ConflictDeclarations.Where(c => c.RoundEntryId == submitted).Select(c => c.Conflicted).SingleAsync()));
        Assert.Equal(SheetStatus.Submitted, Assert.Single(await _c.SheetsAsync(submitted)).Status);
    }

    [Fact]
    public async Task A_draft_is_saved_then_submitted_with_the_engines_total_and_star()
    {
        var round = await _c.RoundAsync(products: 1);
        var client = round.First.Client;
        var entry = round.EntryIds[0];
        await CouncilScenario.DeclareNoConflictAsync(client, round.RoundId, entry);

        var page = await client.GetDocumentAsync(CouncilScenario.Sheet(round.RoundId, entry));
        Assert.Contains("Tham khảo: chủ thể tự đánh giá", page.QuerySelector("[data-testid=reference]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("[data-testid=reference-total]"));
        Assert.NotEmpty(page.QuerySelectorAll("[data-reference]"));
        Assert.Equal("Chưa chấm", page.QuerySelector("[data-testid=sheet-status]")!.TextContent.Trim());

        // A draft: one criterion, a comment and an overall comment.
        var partial = await CouncilScenario.SheetFieldsAsync(client, round.RoundId, entry);
        var firstRadio = page.QuerySelector("form[data-testid=sheet-form] fieldset[data-criterion] input[type=radio]") as AngleSharp.Html.Dom.IHtmlInputElement;
        var nodeId = firstRadio!.Name!["Choices[".Length..^1];
        partial[firstRadio.Name!] = firstRadio.Value;
        partial[$"Comments[{nodeId}]"] = "Nguyên liệu rõ nguồn gốc.";
        partial["OverallComment"] = "Sản phẩm tốt.";
        var saved = await CouncilScenario.PostAsync(client, CouncilScenario.Sheet(round.RoundId, entry), partial);
        Assert.Equal("Đã lưu bản nháp phiếu chấm. Phiếu chỉ được tính khi bạn nộp.", await FlashAsync(client, saved));
        var sheet = Assert.Single(await _c.SheetsAsync(entry));
        Assert.Equal(SheetStatus.Draft, sheet.Status);
        Assert.Null(sheet.Total);
        Assert.Equal("Sản phẩm tốt.", sheet.OverallComment);
        var answer = Assert.Single(sheet.Answers);
        Assert.Equal(int.Parse(firstRadio.Value, CultureInfo.InvariantCulture), answer.OptionId);
        Assert.Equal("Nguyên liệu rõ nguồn gốc.", answer.Comment);
        var draftPage = await client.GetDocumentAsync(CouncilScenario.Sheet(round.RoundId, entry));
        Assert.Equal("Nguyên liệu rõ nguồn gốc.", draftPage.QuerySelector($"textarea[name='Comments[{nodeId}]']")!.TextContent);
        Assert.Equal("Bản nháp", (await client.GetDocumentAsync($"/rounds/{round.RoundId}/my")).QuerySelector("[data-testid=sheet-status]")!.TextContent.Trim());

        // The live total answers the same as the engine, without storing anything.
        var best = await BestAsync(client, round.RoundId, entry);
        var live = await CouncilScenario.PostAsync(client, CouncilScenario.Sheet(round.RoundId, entry) + "/result", best);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        var liveTotal = (await Forms.ParseAsync(live)).QuerySelector("[data-testid=total]")!.TextContent.Trim();
        Assert.Equal(SheetStatus.Draft, Assert.Single(await _c.SheetsAsync(entry)).Status);

        var submitted = await CouncilScenario.PostAsync(client, CouncilScenario.Sheet(round.RoundId, entry) + "/submission", best);
        Assert.StartsWith("Đã nộp phiếu chấm", await FlashAsync(client, submitted), StringComparison.Ordinal);
        sheet = Assert.Single(await _c.SheetsAsync(entry));
        Assert.Equal(SheetStatus.Submitted, sheet.Status);
        Assert.NotNull(sheet.SubmittedAt);
        Assert.Equal(liveTotal, sheet.Total!.Value.ToString("0.##", CultureInfo.GetCultureInfo("vi-VN")));
        Assert.True(sheet.Total >= 90);
        Assert.Equal(5, sheet.Stars);

        var my = await client.GetDocumentAsync($"/rounds/{round.RoundId}/my");
        Assert.Equal("Đã nộp", my.QuerySelector("[data-testid=sheet-status]")!.TextContent.Trim());
        Assert.StartsWith(sheet.Total.Value.ToString("0.##", CultureInfo.GetCultureInfo("vi-VN")), my.QuerySelector("[data-testid=my-total]")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("Đã nộp 1/1 phiếu", my.QuerySelector("[data-testid=progress]")!.TextContent.Trim());
        Assert.Null(my.QuerySelector("[data-testid=next-sheet]"));
        var locked = await client.GetDocumentAsync(CouncilScenario.Sheet(round.RoundId, entry));
        Assert.Null(locked.QuerySelector("form[data-testid=sheet-form]"));
        Assert.NotNull(locked.QuerySelector("[data-testid=read-only]"));

        var actions = await factory.WithScopeAsync(sp => sp.GetRequiredService<OcopDbContext>().AuditEvents.Where(a => a.EntityType == "RoundEntry" && a.EntityId == Id(entry)).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Equal(["council.no-conflict-declared", "council.sheet-saved", "council.sheet-submitted"], actions);
    }

    [Fact]
    public async Task Submitting_with_criteria_missing_lists_them_and_stores_nothing()
    {
        var round = await _c.RoundAsync(products: 1);
        var client = round.First.Client;
        var entry = round.EntryIds[0];
        await CouncilScenario.DeclareNoConflictAsync(client, round.RoundId, entry);
        var page = await client.GetDocumentAsync(CouncilScenario.Sheet(round.RoundId, entry));
        var skipped = page.QuerySelectorAll("form[data-testid=sheet-form] fieldset[data-criterion]")
            .Where(f => f.QuerySelector("input[name=NotApplicable]") is null).Select(f => f.GetAttribute("data-criterion")!).Take(2).ToList();

        var fields = await CouncilScenario.SheetFieldsAsync(client, round.RoundId, entry, r => skipped.Contains(r[0].Closest("fieldset")!.GetAttribute("data-criterion")!) ? null : r[0]);
        var response = await CouncilScenario.PostAsync(client, CouncilScenario.Sheet(round.RoundId, entry) + "/submission", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var error = Assert.Single((await Forms.ParseAsync(response)).FormErrors());
        Assert.StartsWith("Chưa nộp được: còn 2 tiêu chí chưa chấm", error, StringComparison.Ordinal);
        Assert.All(skipped, code => Assert.Contains(code + " (", error, StringComparison.Ordinal));
        Assert.Empty(await _c.SheetsAsync(entry));
        Assert.DoesNotContain(await factory.WithScopeAsync(sp => sp.GetRequiredService<OcopDbContext>().AuditEvents.Where(a => a.EntityId == Id(entry)).Select(a => a.Action).ToListAsync()),
            a => a.StartsWith("council.sheet", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Submitting_twice_changes_nothing_and_a_submitted_sheet_is_locked()
    {
        var round = await _c.RoundAsync(products: 1);
        var client = round.First.Client;
        var entry = round.EntryIds[0];
        await CouncilScenario.DeclareNoConflictAsync(client, round.RoundId, entry);
        var fields = await CouncilScenario.SheetFieldsAsync(client, round.RoundId, entry, r => r[^1]);
        var url = CouncilScenario.Sheet(round.RoundId, entry);
        var best = await BestAsync(client, round.RoundId, entry);

        Assert.Equal(HttpStatusCode.Redirect, (await CouncilScenario.PostAsync(client, url + "/submission", fields)).StatusCode);
        var first = Assert.Single(await _c.SheetsAsync(entry));

        var again = await CouncilScenario.PostAsync(client, url + "/submission", fields);
        Assert.StartsWith("Phiếu chấm này đã được nộp trước đó", await FlashAsync(client, again), StringComparison.Ordinal);
        var edit = await CouncilScenario.PostAsync(client, url, fields.Concat(best.Where(b => b.Key.StartsWith("Choices", StringComparison.Ordinal))).GroupBy(f => f.Key).ToDictionary(g => g.Key, g => g.Last().Value));
        Assert.Equal("Phiếu chấm đã nộp và đã khóa; chỉ Chủ tịch Hội đồng mở lại được. Không có gì thay đổi.", await FlashAsync(client, edit));

        var after = Assert.Single(await _c.SheetsAsync(entry));
        Assert.Equal(first.Version, after.Version);
        Assert.Equal(first.Total, after.Total);
        Assert.Equal(first.SubmittedAt, after.SubmittedAt);
        Assert.Equal(first.Answers.Select(a => (a.CriterionCode, a.OptionId)).Order(), after.Answers.Select(a => (a.CriterionCode, a.OptionId)).Order());
        Assert.Single(await factory.WithScopeAsync(sp => sp.GetRequiredService<OcopDbContext>().AuditEvents.Where(a => a.EntityId == Id(entry) && a.Action == "council.sheet-submitted").ToListAsync()));
    }

    [Fact]
    public async Task Two_windows_saving_the_same_draft_keep_one_sheet_and_tell_the_second()
    {
        var round = await _c.RoundAsync(products: 1);
        var entry = round.EntryIds[0];
        var url = CouncilScenario.Sheet(round.RoundId, entry);
        await CouncilScenario.DeclareNoConflictAsync(round.First.Client, round.RoundId, entry);
        var tab2 = factory.CreatePortalClient();
        await tab2.SignInAsync(round.First.Actor.Email);

        // Both windows open the empty sheet and save at the same moment: one sheet is created, the other is told.
        var a = await CouncilScenario.SheetFieldsAsync(round.First.Client, round.RoundId, entry, r => r[0]);
        var b = await CouncilScenario.SheetFieldsAsync(tab2, round.RoundId, entry, r => r[^1]);
        var responses = await Task.WhenAll(CouncilScenario.PostAsync(round.First.Client, url, a), CouncilScenario.PostAsync(tab2, url, b));
        var flashes = new[] { await FlashAsync(round.First.Client, responses[0]), await FlashAsync(tab2, responses[1]) };
        Assert.Single(flashes, f => f == MemberScoring.ConflictMessage);
        Assert.Single(flashes, f => f == "Đã lưu bản nháp phiếu chấm. Phiếu chỉ được tính khi bạn nộp.");
        var sheet = Assert.Single(await _c.SheetsAsync(entry));
        var winner = flashes[0] == MemberScoring.ConflictMessage ? b : a;
        Assert.Equal(winner.Where(f => f.Key.StartsWith("Choices", StringComparison.Ordinal)).Select(f => int.Parse(f.Value, CultureInfo.InvariantCulture)).Order(),
            sheet.Answers.Select(x => x.OptionId!.Value).Order());

        // Both reload; the first saves; the second's save from the older version is refused and loses nothing stored.
        a = await CouncilScenario.SheetFieldsAsync(round.First.Client, round.RoundId, entry, r => r[0]);
        b = await CouncilScenario.SheetFieldsAsync(tab2, round.RoundId, entry, r => r[^1]);
        Assert.Equal("Đã lưu bản nháp phiếu chấm. Phiếu chỉ được tính khi bạn nộp.", await FlashAsync(round.First.Client, await CouncilScenario.PostAsync(round.First.Client, url, a)));
        Assert.Equal(MemberScoring.ConflictMessage, await FlashAsync(tab2, await CouncilScenario.PostAsync(tab2, url, b)));
        sheet = Assert.Single(await _c.SheetsAsync(entry));
        Assert.Equal(a.Where(f => f.Key.StartsWith("Choices", StringComparison.Ordinal)).Select(f => int.Parse(f.Value, CultureInfo.InvariantCulture)).Order(),
            sheet.Answers.Select(x => x.OptionId!.Value).Order());
        Assert.Equal(sheet.Version.ToString(), (await CouncilScenario.SheetFieldsAsync(tab2, round.RoundId, entry))["Version"]);
    }

    [Fact]
    public async Task A_background_draft_save_answers_the_new_version_and_a_stale_one_stores_nothing()
    {
        var round = await _c.RoundAsync(products: 1);
        var client = round.First.Client;
        var entry = round.EntryIds[0];
        var url = CouncilScenario.Sheet(round.RoundId, entry);
        await CouncilScenario.DeclareNoConflictAsync(client, round.RoundId, entry);

        // As the page's htmx button sends it: the answer is a fragment, not a redirect, with the Version to use next.
        var first = await CouncilScenario.SheetFieldsAsync(client, round.RoundId, entry, r => r[0]);
        var saved = await BackgroundSaveAsync(client, url, first);
        Assert.Equal("true", saved.QuerySelector("[data-testid=sheet-saved]")!.GetAttribute("data-saved"));
        Assert.StartsWith("Đã lưu bản nháp lúc ", saved.QuerySelector("[data-testid=sheet-saved]")!.TextContent.Trim(), StringComparison.Ordinal);
        var version = saved.QuerySelector("input[name=Version][hx-swap-oob]")!.GetAttribute("value")!;
        var sheet = Assert.Single(await _c.SheetsAsync(entry));
        Assert.Equal(sheet.Version.ToString(), version);
        Assert.Equal(first.Where(f => f.Key.StartsWith("Choices", StringComparison.Ordinal)).Select(f => int.Parse(f.Value, CultureInfo.InvariantCulture)).Order(),
            sheet.Answers.Select(a => a.OptionId!.Value).Order());

        // The next save with the swapped-in Version goes through; one with the page's old Version is refused and stores nothing.
        var second = new Dictionary<string, string>(first) { ["Version"] = version, ["OverallComment"] = "Lần lưu thứ hai." };
        Assert.Equal("true", (await BackgroundSaveAsync(client, url, second)).QuerySelector("[data-testid=sheet-saved]")!.GetAttribute("data-saved"));
        var stale = new Dictionary<string, string>(first) { ["OverallComment"] = "Từ cửa sổ cũ." };
        var refused = await BackgroundSaveAsync(client, url, stale);
        Assert.Equal("false", refused.QuerySelector("[data-testid=sheet-saved]")!.GetAttribute("data-saved"));
        Assert.Contains(MemberScoring.ConflictMessage, refused.QuerySelector("[data-testid=sheet-saved]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(refused.QuerySelector("input[name=Version]"));
        Assert.Equal("Lần lưu thứ hai.", Assert.Single(await _c.SheetsAsync(entry)).OverallComment);

        // A foreign option is refused in the fragment too, and nothing changes.
        var before = Assert.Single(await _c.SheetsAsync(entry)).Version;
        var current = await CouncilScenario.SheetFieldsAsync(client, round.RoundId, entry, r => r[0]);
        current[current.Keys.First(k => k.StartsWith("Choices", StringComparison.Ordinal))] = "999999";
        Assert.Equal("false", (await BackgroundSaveAsync(client, url, current)).QuerySelector("[data-testid=sheet-saved]")!.GetAttribute("data-saved"));
        Assert.Equal(before, Assert.Single(await _c.SheetsAsync(entry)).Version);
    }

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> BackgroundSaveAsync(HttpClient client, string url, Dictionary<string, string> fields)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("HX-Request", "true");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Options_and_criteria_foreign_to_the_sheet_are_refused_and_nothing_is_stored()
    {
        var round = await _c.RoundAsync(products: 1);
        var client = round.First.Client;
        var entry = round.EntryIds[0];
        var url = CouncilScenario.Sheet(round.RoundId, entry);
        await CouncilScenario.DeclareNoConflictAsync(client, round.RoundId, entry);
        var page = await client.GetDocumentAsync(url);
        var fieldsets = page.QuerySelectorAll("form[data-testid=sheet-form] fieldset[data-criterion]").ToList();
        var firstName = fieldsets[0].QuerySelector("input[type=radio]")!.GetAttribute("name")!;
        var otherOption = fieldsets[1].QuerySelector("input[type=radio]")!.GetAttribute("value")!;

        var fields = await CouncilScenario.SheetFieldsAsync(client, round.RoundId, entry, r => r[0]);
        fields[firstName] = otherOption;
        var foreignOption = await CouncilScenario.PostAsync(client, url, fields);
        Assert.Equal(HttpStatusCode.OK, foreignOption.StatusCode);
        var code = fieldsets[0].GetAttribute("data-criterion");
        Assert.Equal([$"Phương án đã chọn cho tiêu chí {code} không thuộc tiêu chí đó; không có gì được lưu."], (await Forms.ParseAsync(foreignOption)).FormErrors());

        // A criterion of another set (set 7), by node id.
        var alien = await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OcopDbContext>();
            var setId = await db.CriteriaSets.Where(s => s.Number == 7).Select(s => s.Id).FirstAsync();
            return await (from o in db.CriterionOptions
                          join n in db.CriterionNodes on o.CriterionNodeId equals n.Id
                          where n.CriteriaSetId == setId
                          select new { o.Id, o.CriterionNodeId }).FirstAsync();
        });
        fields = await CouncilScenario.SheetFieldsAsync(client, round.RoundId, entry, r => r[0]);
        fields[$"Choices[{alien.CriterionNodeId}]"] = Id(alien.Id);
        var foreignCriterion = await CouncilScenario.PostAsync(client, url + "/submission", fields);
        Assert.Equal([MemberScoring.ForeignCriterionMessage], (await Forms.ParseAsync(foreignCriterion)).FormErrors());

        Assert.Empty(await _c.SheetsAsync(entry));
    }

    [Fact]
    public async Task A_member_of_another_council_an_expert_or_a_stranger_gets_404_on_every_route()
    {
        var round = await _c.RoundAsync(products: 1);
        var elsewhere = await _c.RoundAsync(products: 1);
        var entry = round.EntryIds[0];
        var stranger = await _c.Dossiers.SignedInAsync(Roles.CouncilChair);
        var routes = new[] { $"/rounds/{round.RoundId}/my", CouncilScenario.Declaration(round.RoundId, entry), CouncilScenario.Sheet(round.RoundId, entry) };

        foreach (var client in new[] { elsewhere.First.Client, elsewhere.Chair.Client, round.Expert.Client, stranger.Client })
        {
            foreach (var url in routes)
            {
                Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
            }

            foreach (var url in new[] { CouncilScenario.Declaration(round.RoundId, entry), CouncilScenario.Sheet(round.RoundId, entry), CouncilScenario.Sheet(round.RoundId, entry) + "/submission" })
            {
                var response = await client.PostCraftedAsync("/council", url, new Dictionary<string, string> { ["Conflicted"] = "false" });
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            }
        }

        // The other round's product through this round's URL: not in the round, so not found (even for its own members).
        Assert.Equal(HttpStatusCode.NotFound, (await round.First.Client.GetAsync(CouncilScenario.Sheet(round.RoundId, elsewhere.EntryIds[0]))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.First.Client.GetAsync(CouncilScenario.Sheet(round.RoundId, elsewhere.EntryIds[0]))).StatusCode);
        Assert.False(await factory.WithScopeAsync(sp => sp.GetRequiredService<OcopDbContext>().ConflictDeclarations.AnyAsync(c => c.RoundEntryId == entry)));

        // Producers and the Office have no council pages at all.
        var office = await _c.Dossiers.SignedInAsync(Roles.Office);
        Assert.Equal(HttpStatusCode.Forbidden, (await office.Client.GetAsync($"/rounds/{round.RoundId}/my")).StatusCode);
    }

    [Fact]
    public async Task Before_close_a_member_never_sees_another_members_sheet_whatever_the_url()
    {
        var round = await _c.RoundAsync(products: 2);
        var (entry, other) = (round.EntryIds[0], round.EntryIds[1]);
        var first = round.First.Client;
        await CouncilScenario.DeclareNoConflictAsync(first, round.RoundId, entry);
        var fields = await BestAsync(first, round.RoundId, entry);
        var commented = fields.Keys.First(k => k.StartsWith("Comments[", StringComparison.Ordinal));
        fields[commented] = "Bí mật của thành viên thứ nhất.";
        fields["OverallComment"] = "Nhận xét chung riêng tư.";
        Assert.Equal(HttpStatusCode.Redirect, (await CouncilScenario.PostAsync(first, CouncilScenario.Sheet(round.RoundId, entry) + "/submission", fields)).StatusCode);
        var firstSheet = Assert.Single(await _c.SheetsAsync(entry));

        var second = round.Second.Client;
        await CouncilScenario.DeclareNoConflictAsync(second, round.RoundId, entry);
        var urls = new[]
        {
            CouncilScenario.Sheet(round.RoundId, entry),
            CouncilScenario.Sheet(round.RoundId, entry) + $"?seatId={round.First.SeatId}",
            CouncilScenario.Sheet(round.RoundId, entry) + $"?sheetId={firstSheet.Id}",
            $"/rounds/{round.RoundId}/my",
            $"/rounds/{round.RoundId}/my?seatId={round.First.SeatId}",
            "/council",
        };
        foreach (var url in urls)
        {
            var html = await (await second.GetAsync(url)).Content.ReadAsStringAsync();
            Assert.DoesNotContain("Bí mật của thành viên thứ nhất.", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Nhận xét chung riêng tư.", html, StringComparison.Ordinal);
        }

        var mine = await second.GetDocumentAsync(CouncilScenario.Sheet(round.RoundId, entry));
        Assert.Equal("Chưa chấm", mine.QuerySelector("[data-testid=sheet-status]")!.TextContent.Trim());
        Assert.Empty(mine.QuerySelectorAll("form[data-testid=sheet-form] input[type=radio]:checked"));
        Assert.Equal("0", mine.QuerySelector("[data-testid=my-result] [data-testid=total]")!.TextContent.Trim());
        var list = await second.GetDocumentAsync($"/rounds/{round.RoundId}/my");
        Assert.All(list.QuerySelectorAll("[data-testid=my-total]"), t => Assert.Equal("", t.TextContent.Trim()));
        Assert.All(list.QuerySelectorAll("[data-testid=sheet-status]"), t => Assert.Equal("Chưa chấm", t.TextContent.Trim()));

        // Guessing other routes: sheet ids or seat ids in the path are simply not routes.
        Assert.Equal(HttpStatusCode.NotFound, (await second.GetAsync($"/rounds/{round.RoundId}/entries/{entry}/sheets/{firstSheet.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await second.GetAsync($"/rounds/{round.RoundId}/entries/{entry}/seats/{round.First.SeatId}/sheet")).StatusCode);

        // The second member's own save never touches the first member's sheet.
        var own = await CouncilScenario.SheetFieldsAsync(second, round.RoundId, entry, r => r[^1]);
        own["SeatId"] = Id(round.First.SeatId);
        own["Version"] = firstSheet.Version.ToString();
        Assert.Equal(MemberScoring.ConflictMessage, await FlashAsync(second, await CouncilScenario.PostAsync(second, CouncilScenario.Sheet(round.RoundId, entry), own)));
        own = await CouncilScenario.SheetFieldsAsync(second, round.RoundId, entry, r => r[^1]);
        own["SeatId"] = Id(round.First.SeatId);
        Assert.Equal(HttpStatusCode.Redirect, (await CouncilScenario.PostAsync(second, CouncilScenario.Sheet(round.RoundId, entry), own)).StatusCode);
        var sheets = await _c.SheetsAsync(entry);
        Assert.Equal(2, sheets.Count);
        var untouched = sheets.Single(s => s.SeatId == round.First.SeatId);
        Assert.Equal(firstSheet.Version, untouched.Version);
        Assert.Equal(round.Second.SeatId, sheets.Single(s => s.Id != firstSheet.Id).SeatId);

        // After close, a member conflicted on a product still gets nothing for it.
        await CouncilScenario.DeclareNoConflictAsync(round.Chair.Client, round.RoundId, entry);
        Assert.Equal(HttpStatusCode.Redirect, (await round.Chair.Client.PostFormAsync(CouncilScenario.Declaration(round.RoundId, other), new Dictionary<string, string> { ["Conflicted"] = "true", ["Ground"] = "Professional" })).StatusCode);
        await _c.SetStatusAsync(round.RoundId, RoundStatus.Closed);
        Assert.Equal(HttpStatusCode.NotFound, (await round.Chair.Client.GetAsync(CouncilScenario.Sheet(round.RoundId, other))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await round.Chair.Client.GetAsync(CouncilScenario.Declaration(round.RoundId, other))).StatusCode);
        Assert.Equal([Id(entry)], (await round.Chair.Client.GetDocumentAsync($"/rounds/{round.RoundId}/my")).QuerySelectorAll("tr[data-entry]").Select(r => r.GetAttribute("data-entry")!).ToList());
    }

    [Fact]
    public async Task Ticking_a_knock_out_makes_the_stored_star_zero()
    {
        var round = await _c.RoundAsync(products: 1);
        var client = round.First.Client;
        var entry = round.EntryIds[0];
        await CouncilScenario.DeclareNoConflictAsync(client, round.RoundId, entry);
        var page = await client.GetDocumentAsync(CouncilScenario.Sheet(round.RoundId, entry));
        var knockout = page.QuerySelector("form[data-testid=sheet-form] input[name=Eliminates]");
        Assert.NotNull(knockout);

        var fields = await BestAsync(client, round.RoundId, entry);
        fields["Eliminates"] = knockout.GetAttribute("value")!;
        var live = await Forms.ParseAsync(await CouncilScenario.PostAsync(client, CouncilScenario.Sheet(round.RoundId, entry) + "/result", fields));
        Assert.Equal("Bị loại – không công nhận", live.QuerySelector("[data-testid=outcome]")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Redirect, (await CouncilScenario.PostAsync(client, CouncilScenario.Sheet(round.RoundId, entry) + "/submission", fields)).StatusCode);

        var sheet = Assert.Single(await _c.SheetsAsync(entry));
        Assert.True(sheet.Total >= 90);
        Assert.Equal(0, sheet.Stars);
        Assert.True(Assert.Single(sheet.Answers, a => a.Eliminates).CriterionCode == knockout.GetAttribute("data-eliminates"));
    }

    [Fact]
    public async Task Sheets_are_saved_only_while_scoring_declarations_also_while_preparing()
    {
        var round = await _c.RoundAsync(products: 1, status: RoundStatus.Preparing);
        var client = round.First.Client;
        var entry = round.EntryIds[0];
        await CouncilScenario.DeclareNoConflictAsync(client, round.RoundId, entry);

        var page = await client.GetDocumentAsync(CouncilScenario.Sheet(round.RoundId, entry));
        Assert.Null(page.QuerySelector("form[data-testid=sheet-form]"));
        var crafted = await client.PostCraftedAsync(CouncilScenario.Declaration(round.RoundId, entry), CouncilScenario.Sheet(round.RoundId, entry), new Dictionary<string, string> { ["Version"] = Guid.Empty.ToString() });
        Assert.StartsWith("Chỉ lưu hoặc nộp phiếu khi đợt đánh giá đang chấm điểm", await FlashAsync(client, crafted), StringComparison.Ordinal);
        Assert.Empty(await _c.SheetsAsync(entry));

        await _c.SetStatusAsync(round.RoundId, RoundStatus.Closed);
        var closed = await client.GetDocumentAsync(CouncilScenario.Declaration(round.RoundId, entry));
        Assert.Null(closed.QuerySelector("form[data-testid=declaration-form]"));
    }

    [Fact]
    public async Task Creating_the_sheet_is_race_safe_the_unique_index_keeps_one_and_the_loser_is_told()
    {
        var round = await _c.RoundAsync(products: 1);
        var entry = round.EntryIds[0];
        await CouncilScenario.DeclareNoConflictAsync(round.First.Client, round.RoundId, entry);

        // Another window creates the sheet between this request's read (no sheet yet) and its insert.
        var rival = new RivalSheet(factory, entry, round.First.SeatId);
        await using var db = new SqliteOcopDbContext(new DbContextOptionsBuilder<SqliteOcopDbContext>()
            .UseSqlite($"Data Source={factory.DatabasePath};Foreign Keys=True").AddInterceptors(rival).Options);
        using var cache = new ScoringCache();
        var scoring = new MemberScoring(db, new CouncilRounds(db, cache), new AuditLog(db, new HttpContextAccessor(), TimeProvider.System), TimeProvider.System, cache);
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, round.First.Actor.UserId)], "test"));
        var mine = (await scoring.EntryAsync(user, round.RoundId, entry, CancellationToken.None))!;
        var set = await scoring.SetAsync(mine, CancellationToken.None);
        var first = set.Nodes.First(n => n.Options.Count > 0 && n.Kind == CriterionNodeKind.Criterion);
        var input = new ScoreSheetInput { Choices = { [first.Id] = first.Options[0].Id } };

        var result = await scoring.SaveAsync(mine, set, input, submit: false, CancellationToken.None);

        Assert.Equal(SheetSaveKind.Conflict, result.Kind);
        var sheet = Assert.Single(await _c.SheetsAsync(entry));
        Assert.Equal(rival.Version, sheet.Version);
        Assert.Empty(sheet.Answers);
        Assert.False(await factory.WithScopeAsync(sp => sp.GetRequiredService<OcopDbContext>().AuditEvents.AnyAsync(a => a.EntityId == Id(entry) && a.Action == "council.sheet-saved")));
    }

    /// <summary>Inserts the competing sheet just before the first save of the context it is attached to.</summary>
    private sealed class RivalSheet(PortalFactory factory, int entryId, int seatId) : SaveChangesInterceptor
    {
        private bool _done;

        public Guid Version { get; } = Guid.NewGuid();

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (!_done)
            {
                _done = true;
                await factory.WithDbAsync(async db =>
                {
                    db.ScoreSheets.Add(new ScoreSheet { RoundEntryId = entryId, SeatId = seatId, Version = Version, UpdatedAt = DateTimeOffset.UtcNow });
                    await db.SaveChangesAsync(cancellationToken);
                });
            }

            return result;
        }
    }
}
