using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain.Councils;
using OcopPortal.Web.Domain.Rating;
using OcopPortal.Web.Infrastructure.Auth;

namespace OcopPortal.Tests.Web;

/// <summary>The chair's actions on a closed round over HTTP: asking a named member to score a product again.</summary>
public sealed class RoundChairTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private readonly CouncilScenario _c = new(factory);

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>A closed round of one product where the first member has submitted a complete sheet.</summary>
    private async Task<(ScoringRound Round, int EntryId, ScoreSheet Sheet)> SubmittedAsync()
    {
        var round = await _c.RoundAsync(products: 1);
        var entry = round.EntryIds[0];
        var client = round.First.Client;
        await CouncilScenario.DeclareNoConflictAsync(client, round.RoundId, entry);
        var fields = await CouncilScenario.SheetFieldsAsync(client, round.RoundId, entry, r => r[0]);
        var submitted = await CouncilScenario.PostAsync(client, CouncilScenario.Sheet(round.RoundId, entry) + "/submission", fields);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Equal($"/rounds/{round.RoundId}/my", submitted.Headers.Location!.OriginalString);
        await _c.SetStatusAsync(round.RoundId, RoundStatus.Closed);
        var sheet = Assert.Single(await _c.SheetsAsync(entry), s => s.SeatId == round.First.SeatId);
        Assert.Equal(SheetStatus.Submitted, sheet.Status);
        return (round, entry, sheet);
    }

    private Task<(SheetStatus Status, string? Reason, Guid Version, RoundStatus Round, List<string> Audit)> StateAsync(int roundId, int sheetId) =>
        factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OcopDbContext>();
            var sheet = await db.ScoreSheets.AsNoTracking().SingleAsync(s => s.Id == sheetId);
            var round = await db.EvaluationRounds.AsNoTracking().Where(r => r.Id == roundId).Select(r => r.Status).SingleAsync();
            var audit = await db.AuditEvents.AsNoTracking().Where(a => a.EntityType == nameof(EvaluationRound) && a.EntityId == Id(roundId) && a.Action == "round.sheet-reopened")
                .Select(a => a.Details ?? "").ToListAsync();
            return (sheet.Status, sheet.ReopenReason, sheet.Version, round, audit);
        });

    [Fact]
    public async Task The_chair_reopens_a_named_members_sheet_with_a_reason_the_member_sees_it_and_it_is_audited()
    {
        var (round, entry, sheet) = await SubmittedAsync();
        var reopen = $"/rounds/{round.RoundId}/sheets/{sheet.Id}/reopening";

        // The product's page offers the chair a re-scoring form for that member's submitted sheet.
        var page = await round.Chair.Client.GetDocumentAsync($"/rounds/{round.RoundId}/results/{entry}");
        Assert.NotNull(page.QuerySelector($"tr[data-seat='{round.First.SeatId}'] form[action='{reopen}']"));

        const string reason = "Tiêu chí 1.1 chấm chưa khớp với hồ sơ; đề nghị xem lại giấy chứng nhận.";
        var response = await round.Chair.Client.PostFormAsync($"/rounds/{round.RoundId}/results/{entry}", new Dictionary<string, string> { ["reason"] = reason }, reopen);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Đã đề nghị Lê Thị Một chấm lại; đợt trở lại bước chấm điểm.", await DossierScenario.FlashAsync(round.Chair.Client, response));

        var after = await StateAsync(round.RoundId, sheet.Id);
        Assert.Equal(SheetStatus.Draft, after.Status);
        Assert.Equal(reason, after.Reason);
        Assert.NotEqual(sheet.Version, after.Version);
        Assert.Equal(RoundStatus.Scoring, after.Round);
        var audited = Assert.Single(after.Audit);
        Assert.Contains("Lê Thị Một", audited, StringComparison.Ordinal);
        Assert.Contains("Tiêu chí 1.1", audited, StringComparison.Ordinal);

        // The member finds the sheet editable again, with the chair's reason.
        var mine = await round.First.Client.GetDocumentAsync(CouncilScenario.Sheet(round.RoundId, entry));
        Assert.Contains(reason, mine.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(mine.QuerySelector("form[data-testid=sheet-form]"));
        Assert.Equal("Bản nháp", (await round.First.Client.GetDocumentAsync($"/rounds/{round.RoundId}/my")).QuerySelector("[data-testid=sheet-status]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Only_the_chair_may_reopen_and_a_reason_is_required()
    {
        var (round, entry, sheet) = await SubmittedAsync();
        var reopen = $"/rounds/{round.RoundId}/sheets/{sheet.Id}/reopening";
        var office = await _c.Dossiers.SignedInAsync(Roles.Office);

        // A member (the secretary too) and the Office are refused, whatever they post.
        foreach (var client in new[] { round.First.Client, round.Second.Client, office.Client })
        {
            var refused = await client.PostCraftedAsync("/account/password", reopen, new Dictionary<string, string> { ["reason"] = "Chấm lại." });
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        // The chair without a reason: told in Vietnamese, nothing changes.
        var missing = await round.Chair.Client.PostFormAsync($"/rounds/{round.RoundId}/results/{entry}", new Dictionary<string, string> { ["reason"] = "  " }, reopen);
        Assert.Equal(HttpStatusCode.Redirect, missing.StatusCode);
        Assert.Equal($"/rounds/{round.RoundId}/results/{entry}", missing.Headers.Location!.OriginalString);
        Assert.Equal("Vui lòng nêu lý do yêu cầu chấm lại.", await DossierScenario.FlashAsync(round.Chair.Client, missing));

        var after = await StateAsync(round.RoundId, sheet.Id);
        Assert.Equal(SheetStatus.Submitted, after.Status);
        Assert.Null(after.Reason);
        Assert.Equal(sheet.Version, after.Version);
        Assert.Equal(RoundStatus.Closed, after.Round);
        Assert.Empty(after.Audit);
    }

    /// <summary>Inserts a submitted sheet whose every criterion takes the option <paramref name="level"/> steps below the best; returns its total.</summary>
    private Task<decimal> SheetAsync(int entryId, int seatId, int level) => factory.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<OcopDbContext>();
        var setId = await (from e in db.RoundEntries join d in db.Dossiers on e.DossierId equals d.Id where e.Id == entryId select d.CriteriaSetId).SingleAsync();
        var set = await db.CriteriaSets.AsNoTracking().AsSplitQuery().Include(s => s.RuleSet).Include(s => s.Nodes).ThenInclude(n => n.Options).SingleAsync(s => s.Id == setId);
        var sheet = SheetDefinition.From(set);
        var answers = sheet.Criteria.Select(c =>
        {
            var options = c.Options.OrderByDescending(o => o.Points).ToList();
            return new ScoreSheetAnswer { CriterionCode = c.Code, OptionId = options[Math.Min(level, options.Count - 1)].Key };
        }).ToList();
        var engine = new SheetAnswers();
        answers.ForEach(a => engine.Choose(a.CriterionCode, a.OptionId!.Value));
        var score = SheetScoring.Score(sheet, engine);
        db.ScoreSheets.Add(new ScoreSheet { RoundEntryId = entryId, SeatId = seatId, Status = SheetStatus.Submitted, Total = score.Total, UpdatedAt = DateTimeOffset.UtcNow, SubmittedAt = DateTimeOffset.UtcNow, Version = Guid.NewGuid(), Answers = answers });
        await db.SaveChangesAsync();
        return score.Total;
    });

    [Fact]
    public async Task A_written_opinion_round_needs_no_attendance_and_says_per_product_whether_the_council_must_meet()
    {
        var round = await _c.RoundAsync(products: 2, status: RoundStatus.Closed);
        await factory.WithDbAsync(async db =>
        {
            (await db.EvaluationRounds.SingleAsync(r => r.Id == round.RoundId)).Mode = RoundMode.WrittenOpinion;
            await db.SaveChangesAsync();
        });
        var (agreed, apart) = (round.EntryIds[0], round.EntryIds[1]);
        foreach (var seat in new[] { round.Chair, round.First, round.Second })
        {
            await SheetAsync(agreed, seat.SeatId, 0);
        }

        var totals = new[] { await SheetAsync(apart, round.Chair.SeatId, 0), await SheetAsync(apart, round.First.SeatId, 0), await SheetAsync(apart, round.Second.SeatId, 2) };
        Assert.True(totals.Max() - totals.Min() > 10m);

        // Nobody's attendance is recorded: written opinions count as taking part, so both products have a quorum.
        var board = await round.Chair.Client.GetDocumentAsync($"/rounds/{round.RoundId}/results");
        Assert.NotNull(board.QuerySelector("[data-testid=written-note]"));
        Assert.Equal("Ready", board.QuerySelector($"[data-entry='{agreed}']")!.GetAttribute("data-state"));
        Assert.Equal("SpreadFlagged", board.QuerySelector($"[data-entry='{apart}']")!.GetAttribute("data-state"));
        Assert.Equal("not-needed", board.QuerySelector($"[data-entry='{agreed}'] [data-testid=meeting]")!.GetAttribute("data-meeting"));
        Assert.Equal("Không cần họp", board.QuerySelector($"[data-entry='{agreed}'] [data-testid=meeting]")!.TextContent.Trim());
        Assert.Equal("needed", board.QuerySelector($"[data-entry='{apart}'] [data-testid=meeting]")!.GetAttribute("data-meeting"));
        Assert.StartsWith("Cần họp: chênh lệch", board.QuerySelector($"[data-entry='{apart}'] [data-testid=meeting]")!.TextContent.Trim(), StringComparison.Ordinal);

        var detail = await round.Chair.Client.GetDocumentAsync($"/rounds/{round.RoundId}/results/{apart}");
        Assert.StartsWith("Cần họp Hội đồng về sản phẩm này", detail.QuerySelector("[data-testid=meeting]")!.TextContent.Trim(), StringComparison.Ordinal);
        var fine = await round.Chair.Client.GetDocumentAsync($"/rounds/{round.RoundId}/results/{agreed}");
        Assert.StartsWith("Ý kiến bằng văn bản là đủ", fine.QuerySelector("[data-testid=meeting]")!.TextContent.Trim(), StringComparison.Ordinal);

        // A meeting round's board has no such column.
        var meeting = await _c.RoundAsync(products: 1, status: RoundStatus.Closed);
        Assert.Null((await meeting.Chair.Client.GetDocumentAsync($"/rounds/{meeting.RoundId}/results")).QuerySelector("[data-testid=meeting]"));
    }
}
