using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain.Councils;
using OcopPortal.Web.Domain.Dossiers;
using OcopPortal.Web.Domain.Rating;
using OcopPortal.Web.Features.Rules;
using OcopPortal.Web.Infrastructure.Auth;

namespace OcopPortal.Tests.Web;

/// <summary>The Office sets up a council and a round; the chair closes, resolves and finalises; blindness holds throughout.</summary>
public sealed class RoundsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    private readonly DossierScenario _s = new(factory);

    private async Task<int> AcceptedDossierAsync(Actor office)
    {
        var (_, _, id) = await _s.ForwardedAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await DossierScenario.PostOnDossierAsync(office.Client, id, "acceptance")).StatusCode);
        return id;
    }

    private sealed record Setup(Actor Office, Actor Chair, Actor[] Members, int CouncilId, int RoundId, int[] Dossiers, Dictionary<string, int> Seats);

    /// <summary>A council (chair, three members, an invited expert) set up through the Office's forms, and a round with two accepted dossiers, scoring open.</summary>
    private async Task<Setup> SetUpAsync()
    {
        var office = await _s.SignedInAsync(Roles.Office);
        var chair = await _s.SignedInAsync(Roles.CouncilChair);
        Actor[] members = [await _s.SignedInAsync(Roles.CouncilMember), await _s.SignedInAsync(Roles.CouncilMember), await _s.SignedInAsync(Roles.CouncilMember)];
        var created = await office.Client.PostFormAsync("/councils/new", new Dictionary<string, string> { ["DecisionNumber"] = "1234/QĐ-UBND", ["DecisionDate"] = "2026-03-02" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var councilId = int.Parse(created.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
        async Task SeatAsync(string name, string agency, string role, string email)
        {
            var r = await office.Client.PostFormAsync($"/councils/{councilId}", new Dictionary<string, string> { ["FullName"] = name, ["Agency"] = agency, ["Role"] = role, ["Email"] = email }, $"/councils/{councilId}/seats");
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        }

        await SeatAsync("Nguyễn Văn Bình", "UBND thành phố", "Chair", chair.Email);
        await SeatAsync("Phạm Thị Thu", "Sở Công Thương", "Member", members[0].Email);
        await SeatAsync("Võ Quốc Huy", "Sở Nông nghiệp và Môi trường", "Member", members[1].Email);
        await SeatAsync("Lê Thị Mai", "Sở Y tế", "Secretary", members[2].Email);
        await SeatAsync("TS. Trần Văn An", "Trường Đại học Cần Thơ", "InvitedExpert", "");

        var year = DateTime.Today.Year;
        var round = await office.Client.PostFormAsync("/rounds/new", new Dictionary<string, string>
        {
            ["CouncilId"] = councilId.ToString(CultureInfo.InvariantCulture),
            ["Year"] = year.ToString(CultureInfo.InvariantCulture),
            ["Number"] = "2",
            ["Mode"] = "Meeting",
            ["ScoringDeadline"] = $"{year}-12-20",
            ["MeetingDate"] = $"{year}-12-22",
        });
        Assert.Equal(HttpStatusCode.Redirect, round.StatusCode);
        var roundId = int.Parse(round.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
        int[] dossiers = [await AcceptedDossierAsync(office), await AcceptedDossierAsync(office)];
        var assign = new Dictionary<string, string> { ["dossierIds"] = dossiers[0].ToString(CultureInfo.InvariantCulture) };
        Assert.Equal(HttpStatusCode.Redirect, (await office.Client.PostFormAsync($"/rounds/{roundId}", assign, $"/rounds/{roundId}/entries")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await office.Client.PostFormAsync($"/rounds/{roundId}", new Dictionary<string, string> { ["dossierIds"] = dossiers[1].ToString(CultureInfo.InvariantCulture) }, $"/rounds/{roundId}/entries")).StatusCode);
        Assert.Equal(DossierStatus.InEvaluation, await _s.StatusAsync(dossiers[0]));
        Assert.Equal(HttpStatusCode.Redirect, (await office.Client.PostFormAsync($"/rounds/{roundId}", new Dictionary<string, string>(), $"/rounds/{roundId}/scoring")).StatusCode);
        var seats = await factory.WithScopeAsync(sp => sp.GetRequiredService<OcopDbContext>().CouncilSeats.Where(s => s.CouncilId == councilId).ToDictionaryAsync(s => s.FullName, s => s.Id));
        return new Setup(office, chair, members, councilId, roundId, dossiers, seats);
    }

    private Task<int> EntryAsync(int roundId, int dossierId) => factory.WithScopeAsync(sp =>
        sp.GetRequiredService<OcopDbContext>().RoundEntries.Where(e => e.RoundId == roundId && e.DossierId == dossierId).Select(e => e.Id).SingleAsync());

    /// <summary>A submitted sheet whose option for each criterion is the <paramref name="level"/>-th from the top (0 = best); returns its total.</summary>
    private Task<decimal> SheetAsync(int entryId, int seatId, int level) => factory.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<OcopDbContext>();
        var dossierId = await db.RoundEntries.Where(e => e.Id == entryId).Select(e => e.DossierId).SingleAsync();
        var setId = await db.Dossiers.Where(d => d.Id == dossierId).Select(d => d.CriteriaSetId).SingleAsync();
        var set = await db.CriteriaSets.AsNoTracking().AsSplitQuery().Include(s => s.RuleSet).Include(s => s.Nodes).ThenInclude(n => n.Options).SingleAsync(s => s.Id == setId);
        var sheet = SheetDefinition.From(set);
        var answers = sheet.Criteria.Select(c =>
        {
            var options = c.Options.OrderByDescending(o => o.Points).ToList();
            return new ScoreSheetAnswer { CriterionCode = c.Code, OptionId = options[Math.Min(level, options.Count - 1)].Key };
        }).ToList();
        var score = SheetScoring.Score(sheet, new SheetAnswers().Also(a => answers.ForEach(x => a.Choose(x.CriterionCode, x.OptionId!.Value))));
        db.ScoreSheets.Add(new ScoreSheet { RoundEntryId = entryId, SeatId = seatId, Status = SheetStatus.Submitted, Total = score.Total, UpdatedAt = DateTimeOffset.UtcNow, SubmittedAt = DateTimeOffset.UtcNow, Version = Guid.NewGuid(), Answers = answers });
        await db.SaveChangesAsync();
        return score.Total;
    });

    [Fact]
    public async Task The_office_forms_refuse_what_the_rules_forbid()
    {
        var office = await _s.SignedInAsync(Roles.Office);
        var bad = await office.Client.PostFormAsync("/councils/new", new Dictionary<string, string> { ["Name"] = "", ["DecisionNumber"] = "QĐ số 12", ["DecisionDate"] = "2099-01-01" });
        var errors = (await Forms.ParseAsync(bad)).FormErrors();
        Assert.Contains("Vui lòng nhập tên Hội đồng.", errors);
        Assert.Contains("Số quyết định viết theo dạng 1234/QĐ-UBND.", errors);
        Assert.Contains("Ngày quyết định không được sau hôm nay.", errors);

        var created = await office.Client.PostFormAsync("/councils/new", new Dictionary<string, string> { ["DecisionNumber"] = "88/QĐ-UBND", ["DecisionDate"] = "2026-01-05" });
        var councilId = created.Headers.Location!.OriginalString.Split('/')[^1];
        var noAccount = await office.Client.PostFormAsync($"/councils/{councilId}", new Dictionary<string, string> { ["FullName"] = "A", ["Agency"] = "Sở Y tế", ["Role"] = "Member", ["Email"] = "" }, $"/councils/{councilId}/seats");
        Assert.Contains("Thành viên có quyền chấm điểm cần tài khoản trên cổng: hãy nhập email tài khoản.", (await Forms.ParseAsync(noAccount)).FormErrors());
        var producer = await _s.SignedInAsync(Roles.Producer);
        var wrongRole = await office.Client.PostFormAsync($"/councils/{councilId}", new Dictionary<string, string> { ["FullName"] = "B", ["Agency"] = "Sở Y tế", ["Role"] = "Member", ["Email"] = producer.Email }, $"/councils/{councilId}/seats");
        Assert.Contains("Tài khoản này chưa có vai trò «Thành viên Hội đồng».", (await Forms.ParseAsync(wrongRole)).FormErrors());
        Assert.Equal(0, await factory.WithScopeAsync(sp => sp.GetRequiredService<OcopDbContext>().CouncilSeats.CountAsync(s => s.CouncilId == int.Parse(councilId, CultureInfo.InvariantCulture))));

        var late = await office.Client.PostFormAsync("/rounds/new", new Dictionary<string, string> { ["CouncilId"] = councilId, ["Year"] = "2026", ["Number"] = "1", ["Mode"] = "Meeting", ["ScoringDeadline"] = "2026-07-15", ["MeetingDate"] = "2026-07-16" });
        Assert.Contains("Hạn chấm điểm phải trước hạn đánh giá theo quy định (30/06/2026).", (await Forms.ParseAsync(late)).FormErrors());

        // Scoring cannot open without a chair and three voting members.
        var round = await office.Client.PostFormAsync("/rounds/new", new Dictionary<string, string> { ["CouncilId"] = councilId, ["Year"] = "2026", ["Number"] = "3", ["Mode"] = "WrittenOpinion", ["ScoringDeadline"] = "2026-12-01" });
        var roundId = round.Headers.Location!.OriginalString.Split('/')[^1];
        var open = await office.Client.PostFormAsync($"/rounds/{roundId}", new Dictionary<string, string>(), $"/rounds/{roundId}/scoring");
        Assert.Equal("Đợt chưa có hồ sơ nào.", await DossierScenario.FlashAsync(office.Client, open));
    }

    [Fact]
    public async Task Blind_until_close_then_the_board_conflicts_hidden_spread_resolved_and_finalised()
    {
        var s = await SetUpAsync();
        var (first, second) = (await EntryAsync(s.RoundId, s.Dossiers[0]), await EntryAsync(s.RoundId, s.Dossiers[1]));

        // Võ Quốc Huy is conflicted on the first product (recorded by the Office).
        var conflict = await s.Office.Client.PostFormAsync($"/rounds/{s.RoundId}", new Dictionary<string, string>
        {
            ["seatId"] = s.Seats["Võ Quốc Huy"].ToString(CultureInfo.InvariantCulture),
            ["ground"] = "FamilyOrPersonal",
            ["reason"] = "Anh họ của chủ thể",
        }, $"/rounds/{s.RoundId}/entries/{first}/conflicts");
        Assert.Equal(HttpStatusCode.Redirect, conflict.StatusCode);

        var t1 = await SheetAsync(first, s.Seats["Nguyễn Văn Bình"], 0);
        var t2 = await SheetAsync(first, s.Seats["Phạm Thị Thu"], 1);
        var t3 = await SheetAsync(first, s.Seats["Lê Thị Mai"], 0);
        await SheetAsync(first, s.Seats["Võ Quốc Huy"], 2); // a conflicted sheet must never count (planted to prove it)
        var u = new[] { await SheetAsync(second, s.Seats["Nguyễn Văn Bình"], 0), await SheetAsync(second, s.Seats["Phạm Thị Thu"], 0), await SheetAsync(second, s.Seats["Võ Quốc Huy"], 0), await SheetAsync(second, s.Seats["Lê Thị Mai"], 0) };

        // Before close: nobody sees results, the chair's progress shows counts only.
        foreach (var who in s.Members.Append(s.Chair).Append(s.Office))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await who.Client.GetAsync($"/rounds/{s.RoundId}/results")).StatusCode);
        }

        var progress = await s.Chair.Client.GetDocumentAsync($"/rounds/{s.RoundId}/progress");
        Assert.DoesNotContain(t1.ToString("0.##", Vi), progress.QuerySelector("[data-testid=progress]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await s.Members[0].Client.PostCraftedAsync("/account/password", $"/rounds/{s.RoundId}/closing", new Dictionary<string, string>())).StatusCode);

        // The meeting: everyone present (the quorum counts those present), then the chair closes scoring.
        var token = (await s.Office.Client.GetDocumentAsync($"/rounds/{s.RoundId}")).QuerySelector($"form[action='/rounds/{s.RoundId}/attendance'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var attendance = await s.Office.Client.PostAsync($"/rounds/{s.RoundId}/attendance", new FormUrlEncodedContent(
            s.Seats.Values.Select(id => KeyValuePair.Create("present", id.ToString(CultureInfo.InvariantCulture))).Append(KeyValuePair.Create("__RequestVerificationToken", token))));
        Assert.Equal(HttpStatusCode.Redirect, attendance.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await s.Chair.Client.PostFormAsync($"/rounds/{s.RoundId}/progress", new Dictionary<string, string>(), $"/rounds/{s.RoundId}/closing")).StatusCode);

        // After close: the conflicted member does not see the first product at all; the office sees both.
        var board = await s.Office.Client.GetDocumentAsync($"/rounds/{s.RoundId}/results");
        var expected = CouncilAggregation.Round((t1 + t2 + t3) / 3m);
        Assert.Equal(expected.ToString("0.00", Vi), board.QuerySelector($"[data-entry='{first}'] [data-testid=mean]")!.TextContent.Trim());
        Assert.Equal(CouncilAggregation.Round(u.Average()).ToString("0.00", Vi), board.QuerySelector($"[data-entry='{second}'] [data-testid=mean]")!.TextContent.Trim());
        var conflictedView = await s.Members[1].Client.GetDocumentAsync($"/rounds/{s.RoundId}/results");
        Assert.Null(conflictedView.QuerySelector($"[data-entry='{first}']"));
        Assert.NotNull(conflictedView.QuerySelector($"[data-entry='{second}']"));

        // The first product's totals differ by more than 10 points: finalising waits for the chair's decision.
        Assert.True(Math.Max(t1, Math.Max(t2, t3)) - Math.Min(t1, Math.Min(t2, t3)) > 10m);
        Assert.Equal("SpreadFlagged", board.QuerySelector($"[data-entry='{first}']")!.GetAttribute("data-state"));
        var refused = await s.Chair.Client.PostFormAsync($"/rounds/{s.RoundId}/results", new Dictionary<string, string>(), $"/rounds/{s.RoundId}/finalisation");
        Assert.StartsWith("Còn sản phẩm có chênh lệch điểm chưa xử lý", await DossierScenario.FlashAsync(s.Chair.Client, refused));
        Assert.Equal(RoundStatus.Closed, await factory.WithScopeAsync(sp => sp.GetRequiredService<OcopDbContext>().EvaluationRounds.Where(r => r.Id == s.RoundId).Select(r => r.Status).SingleAsync()));

        // The product's own page has the members' totals and the justification form (the board is one row per product).
        var detail = await s.Chair.Client.GetDocumentAsync($"/rounds/{s.RoundId}/results/{first}");
        Assert.Equal(expected.ToString("0.00", Vi), detail.QuerySelector("[data-testid=mean]")!.TextContent.Trim());
        Assert.Equal(3, detail.QuerySelectorAll("form[data-testid=reopen]").Length);
        Assert.Equal(HttpStatusCode.NotFound, (await s.Members[1].Client.GetAsync($"/rounds/{s.RoundId}/results/{first}")).StatusCode);
        await s.Chair.Client.PostFormAsync($"/rounds/{s.RoundId}/results/{first}", new Dictionary<string, string> { ["justification"] = "Hội đồng đã thảo luận; giữ kết quả." }, $"/rounds/{s.RoundId}/entries/{first}/justification");
        Assert.Equal(HttpStatusCode.Redirect, (await s.Chair.Client.PostFormAsync($"/rounds/{s.RoundId}/results", new Dictionary<string, string>(), $"/rounds/{s.RoundId}/finalisation")).StatusCode);

        var entries = await factory.WithScopeAsync(sp => sp.GetRequiredService<OcopDbContext>().RoundEntries.Where(e => e.RoundId == s.RoundId).ToListAsync());
        Assert.Equal(expected, entries.Single(e => e.Id == first).ResultMean);
        Assert.Equal(DossierStatus.Evaluated, await _s.StatusAsync(s.Dossiers[0]));
        Assert.Equal(DossierStatus.Evaluated, await _s.StatusAsync(s.Dossiers[1]));

        // Finalising also stores the reports' score facts of every frozen result (parts A, B, C…).
        var facts = await factory.WithScopeAsync(sp => sp.GetRequiredService<OcopDbContext>().EntryPartResults
            .Where(p => p.RoundEntryId == entries[0].Id || p.RoundEntryId == entries[1].Id).Select(p => p.RoundEntryId).ToListAsync());
        Assert.Equal(entries.Select(e => e.Id).Order(), facts.Distinct().Order());
    }

    [Fact]
    public async Task Assigned_dossiers_can_no_longer_be_withdrawn_and_only_the_office_assigns()
    {
        var office = await _s.SignedInAsync(Roles.Office);
        var (producer, _, id) = await _s.ForwardedAsync();
        await DossierScenario.PostOnDossierAsync(office.Client, id, "acceptance");
        var council = await office.Client.PostFormAsync("/councils/new", new Dictionary<string, string> { ["DecisionNumber"] = "9/QĐ-UBND", ["DecisionDate"] = "2026-01-05" });
        var round = await office.Client.PostFormAsync("/rounds/new", new Dictionary<string, string> { ["CouncilId"] = council.Headers.Location!.OriginalString.Split('/')[^1], ["Year"] = "2026", ["Number"] = "4", ["Mode"] = "WrittenOpinion", ["ScoringDeadline"] = "2026-12-10" });
        var roundId = round.Headers.Location!.OriginalString.Split('/')[^1];
        await office.Client.PostFormAsync($"/rounds/{roundId}", new Dictionary<string, string> { ["dossierIds"] = id.ToString(CultureInfo.InvariantCulture) }, $"/rounds/{roundId}/entries");

        Assert.Equal(DossierStatus.InEvaluation, await _s.StatusAsync(id));
        Assert.Null((await producer.Client.GetDocumentAsync($"/dossiers/{id}")).QuerySelector("[data-testid=withdraw]"));
        var crafted = await producer.Client.PostCraftedAsync($"/dossiers/{id}", $"/dossiers/{id}/withdrawal", new Dictionary<string, string> { ["Version"] = (await _s.DossierAsync(id)).Version.ToString() });
        Assert.StartsWith("Không thể thực hiện thao tác này", await DossierScenario.FlashAsync(producer.Client, crafted));
        Assert.Equal(DossierStatus.InEvaluation, await _s.StatusAsync(id));
        Assert.Equal(HttpStatusCode.Forbidden, (await producer.Client.GetAsync($"/rounds/{roundId}")).StatusCode);
    }
}

internal static class TestExtensions
{
    public static T Also<T>(this T value, Action<T> act)
    {
        act(value);
        return value;
    }
}
