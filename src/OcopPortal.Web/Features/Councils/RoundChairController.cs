using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain.Councils;
using OcopPortal.Web.Domain.Dossiers;
using OcopPortal.Web.Features.Dossiers;
using OcopPortal.Web.Features.Reports;
using OcopPortal.Web.Infrastructure.Audit;
using OcopPortal.Web.Infrastructure.Auth;
using OcopPortal.Web.Infrastructure.Email;
using OcopPortal.Web.Infrastructure.Web;

namespace OcopPortal.Web.Features.Councils;

public sealed record MemberProgress(CouncilSeat Seat, int Assigned, int Submitted);

/// <param name="CanPrintRecords">Office, chair and secretary: the minutes (see <see cref="CouncilRecords.RecordsAsync"/>).</param>
/// <param name="Results">One page of the board (most disagreement first).</param>
/// <param name="Counts">Products per state over the whole round (every page).</param>
public sealed record ResultsPage(
    EvaluationRound Round, IReadOnlyList<EntryResult> Results, bool IsChair, bool CanSeeMembers, bool CanPrintRecords, PageInfo Info, IReadOnlyDictionary<EntryState, int> Counts)
{
    /// <summary>Products per page: one row each; the members' sheets are on each product's own page.</summary>
    public const int PageSize = 100;
}

/// <summary>One product of the board with the members' sheets and, for the chair, the re-scoring and justification forms.</summary>
public sealed record ResultEntryPage(EvaluationRound Round, EntryResult Result, bool IsChair, bool CanSeeMembers);

public sealed record ProgressPage(EvaluationRound Round, IReadOnlyList<MemberProgress> Members, bool IsChair, DateOnly Today);

/// <summary>
/// The chair's side of a round: progress without scores and reminders while scoring, closing scoring, the
/// results board (sorted by disagreement), re-scoring requests and justifications for flagged spreads, and
/// finalisation. The results board is also open to the Office and, after close, to the council's members —
/// never showing anyone a product they are conflicted on.
/// </summary>
[Authorize(Policy = Policies.OfficeOrCouncil)]
[Route("rounds/{id:int}")]
public sealed class RoundChairController(
    OcopDbContext db, CouncilRounds rounds, DossierService dossiers, EmailOutbox outbox, AuditLog audit, TimeProvider clock,
    FrozenResults frozen, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("results")]
    public async Task<IActionResult> Results(int id, int page, CancellationToken ct)
    {
        var (round, seat) = await ViewerAsync(id, ct);
        if (round is null || (seat is null && !User.IsInRole(Roles.Office)) || round.Status < RoundStatus.Closed)
        {
            return NotFound();
        }

        var results = (await rounds.ResultsAsync(round, seat?.Id, ct))
            .OrderByDescending(r => r.Outcome.Score?.Spread ?? -1).ThenBy(r => r.Entry.Product).ToList();
        var paged = new Paged<EntryResult>([], 1, ResultsPage.PageSize, results.Count);
        paged = paged with { Page = Math.Clamp(page, 1, paged.PageCount) };
        var shown = results.Skip((paged.Page - 1) * paged.PageSize).Take(paged.PageSize).ToList();
        var counts = results.GroupBy(r => r.Outcome.State).ToDictionary(g => g.Key, g => g.Count());
        return View(new ResultsPage(round, shown, seat?.Role == SeatRole.Chair, true, User.IsInRole(Roles.Office) || seat?.Role is SeatRole.Chair or SeatRole.Secretary, paged.Info, counts));
    }

    /// <summary>One product of the board: each member's total and sheet status, the chair's re-scoring and justification forms.</summary>
    [HttpGet("results/{entryId:int}")]
    public async Task<IActionResult> ResultEntry(int id, int entryId, CancellationToken ct)
    {
        var (round, seat) = await ViewerAsync(id, ct);
        if (round is null || (seat is null && !User.IsInRole(Roles.Office)) || round.Status < RoundStatus.Closed)
        {
            return NotFound();
        }

        // a product the viewer is conflicted on is left out, as on the board: not found
        var result = (await rounds.ResultsAsync(round, seat?.Id, withAnswers: false, onlyEntryId: entryId, ct)).SingleOrDefault();
        return result is null ? NotFound() : View(new ResultEntryPage(round, result, seat?.Role == SeatRole.Chair, true));
    }

    [HttpGet("progress")]
    public async Task<IActionResult> Progress(int id, CancellationToken ct)
    {
        var (round, seat) = await ViewerAsync(id, ct);
        if (round is null || !(User.IsInRole(Roles.Office) || seat?.Role is SeatRole.Chair or SeatRole.Secretary))
        {
            return NotFound();
        }

        return View(new ProgressPage(round, await MemberProgressAsync(round, ct), seat?.Role == SeatRole.Chair, DateOnly.FromDateTime(clock.GetLocalNow().Date)));
    }

    /// <summary>Emails the members who still have sheets to submit (logged in the mail log and the audit).</summary>
    [HttpPost("reminders")]
    public async Task<IActionResult> Remind(int id, CancellationToken ct)
    {
        var (round, seat) = await ViewerAsync(id, ct);
        if (round is null || !(User.IsInRole(Roles.Office) || seat?.Role is SeatRole.Chair or SeatRole.Secretary))
        {
            return NotFound();
        }

        if (round.Status != RoundStatus.Scoring)
        {
            TempData["FlashError"] = l["Chỉ nhắc khi đợt đang chấm điểm."].Value;
            return Redirect($"/rounds/{id}/progress");
        }

        var late = (await MemberProgressAsync(round, ct)).Where(m => m.Submitted < m.Assigned && m.Seat.UserId != null).ToList();
        var ids = late.Select(m => m.Seat.UserId!).ToList();
        var emails = await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email, ct);
        foreach (var m in late.Where(m => emails.GetValueOrDefault(m.Seat.UserId!) is not null))
        {
            outbox.Enqueue(emails[m.Seat.UserId!]!, $"Nhắc chấm điểm {round.Name}", "council.reminder",
                [$"Kính gửi {m.Seat.FullName},", $"Ông/bà còn {m.Assigned - m.Submitted} phiếu chấm chưa nộp trong {round.Name}; hạn chấm điểm: {round.ScoringDeadline:dd/MM/yyyy}."],
                ("Mở danh sách sản phẩm", $"{Request.Scheme}://{Request.Host}/rounds/{id}/my"));
        }

        audit.Record("round.reminders-sent", nameof(EvaluationRound), Id(id), new { To = late.Select(m => m.Seat.FullName).ToList() });
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = l["Đã gửi thư nhắc cho {0} thành viên.", late.Count].Value;
        return Redirect($"/rounds/{id}/progress");
    }

    [Authorize(Policy = Policies.CouncilChair)]
    [HttpPost("closing")]
    public async Task<IActionResult> Close(int id, CancellationToken ct)
    {
        var round = await ChairRoundAsync(id, ct);
        if (round is null)
        {
            return NotFound();
        }

        if (round.Status != RoundStatus.Scoring)
        {
            TempData["FlashError"] = l["Đợt không ở bước chấm điểm."].Value;
            return Redirect($"/rounds/{id}/progress");
        }

        round.Status = RoundStatus.Closed;
        round.ClosedAt = clock.GetUtcNow();
        round.Version = Guid.NewGuid();
        audit.Record("round.scoring-closed", nameof(EvaluationRound), Id(id));
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = l["Đã khóa chấm điểm. Bảng kết quả đã mở cho Hội đồng."].Value;
        return Redirect($"/rounds/{id}/results");
    }

    /// <summary>Asks a member to score again (spread rule): the sheet returns to draft and the round to scoring.</summary>
    [Authorize(Policy = Policies.CouncilChair)]
    [HttpPost("sheets/{sheetId:int}/reopening")]
    public async Task<IActionResult> Reopen(int id, int sheetId, string? reason, CancellationToken ct)
    {
        var round = await ChairRoundAsync(id, ct);
        var sheet = round is null ? null : await (from s in db.ScoreSheets join e in db.RoundEntries on s.RoundEntryId equals e.Id where s.Id == sheetId && e.RoundId == id select s).SingleOrDefaultAsync(ct);
        if (round is null || sheet is null || await ChairConflictedAsync(round, sheet.RoundEntryId, ct))
        {
            return NotFound();
        }

        var error = round.Status is not (RoundStatus.Scoring or RoundStatus.Closed) ? l["Đợt đã chốt kết quả: không mở lại phiếu được."].Value
            : sheet.Status != SheetStatus.Submitted ? l["Phiếu này chưa nộp."].Value
            : string.IsNullOrWhiteSpace(reason) ? l["Vui lòng nêu lý do yêu cầu chấm lại."].Value
            : reason.Length > 1000 ? l["Lý do không quá 1.000 ký tự."].Value
            : null;
        if (error is not null)
        {
            TempData["FlashError"] = error;
            return Redirect($"/rounds/{id}/results/{sheet.RoundEntryId}");
        }

        sheet.Status = SheetStatus.Draft;
        sheet.ReopenReason = reason!.Trim();
        sheet.Version = Guid.NewGuid();
        round.Status = RoundStatus.Scoring;
        round.Version = Guid.NewGuid();
        var seat = await db.CouncilSeats.AsNoTracking().SingleAsync(s => s.Id == sheet.SeatId, ct);
        audit.Record("round.sheet-reopened", nameof(EvaluationRound), Id(id), new { sheet.Id, Member = seat.FullName, Reason = sheet.ReopenReason });
        if (seat.UserId is not null && await db.Users.Where(u => u.Id == seat.UserId).Select(u => u.Email).SingleOrDefaultAsync(ct) is { } email)
        {
            outbox.Enqueue(email, $"Đề nghị chấm lại – {round.Name}", "council.rescore",
                [$"Chủ tịch Hội đồng đề nghị ông/bà chấm lại một phiếu: {sheet.ReopenReason}"], ("Mở danh sách sản phẩm", $"{Request.Scheme}://{Request.Host}/rounds/{id}/my"));
        }

        await db.SaveChangesAsync(ct);
        TempData["Flash"] = l["Đã đề nghị {0} chấm lại; đợt trở lại bước chấm điểm.", seat.FullName].Value;
        return Redirect($"/rounds/{id}/progress");
    }

    /// <summary>The chair keeps a result despite a spread over the limit, with the reason (recorded in the minutes).</summary>
    [Authorize(Policy = Policies.CouncilChair)]
    [HttpPost("entries/{entryId:int}/justification")]
    public async Task<IActionResult> Justify(int id, int entryId, string? justification, CancellationToken ct)
    {
        var round = await ChairRoundAsync(id, ct);
        var entry = round is null ? null : await db.RoundEntries.SingleOrDefaultAsync(e => e.Id == entryId && e.RoundId == id, ct);
        if (round is null || entry is null || await ChairConflictedAsync(round, entryId, ct))
        {
            return NotFound();
        }

        if (round.Status != RoundStatus.Closed || string.IsNullOrWhiteSpace(justification) || justification.Length > 4000)
        {
            TempData["FlashError"] = round.Status != RoundStatus.Closed ? l["Chỉ ghi giải trình khi đợt đã khóa chấm điểm."].Value : l["Vui lòng nêu giải trình (không quá 4.000 ký tự)."].Value;
            return Redirect($"/rounds/{id}/results/{entryId}");
        }

        entry.SpreadJustification = justification.Trim();
        audit.Record("round.spread-justified", nameof(EvaluationRound), Id(id), new { entry.DossierId, entry.SpreadJustification });
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = l["Đã ghi giải trình về chênh lệch điểm."].Value;
        return Redirect($"/rounds/{id}/results");
    }

    /// <summary>
    /// Finalises the round: every product has a result or is recorded as without quorum (it returns to the pool for
    /// a later round); no spread flag is left open. Results are frozen on the entries; dossiers move on.
    /// </summary>
    [Authorize(Policy = Policies.CouncilChair)]
    [HttpPost("finalisation")]
    public async Task<IActionResult> Finalise(int id, CancellationToken ct)
    {
        var round = await ChairRoundAsync(id, ct);
        if (round is null)
        {
            return NotFound();
        }

        var results = await rounds.ResultsAsync(round, hideFor: null, ct);
        var open = results.Where(r => r.Outcome.State is EntryState.SpreadFlagged or EntryState.AwaitingSheets).Select(r => r.Entry.Product).ToList();
        if (round.Status != RoundStatus.Closed || open.Count > 0)
        {
            TempData["FlashError"] = round.Status != RoundStatus.Closed ? l["Hãy khóa chấm điểm trước khi chốt kết quả."].Value
                : l["Còn sản phẩm có chênh lệch điểm chưa xử lý: {0}.", string.Join("; ", open)].Value;
            return Redirect($"/rounds/{id}/results");
        }

        var entries = await db.RoundEntries.Where(e => e.RoundId == id).ToDictionaryAsync(e => e.Id, ct);
        foreach (var r in results)
        {
            var entry = entries[r.Entry.EntryId];
            var dossier = await db.Dossiers.SingleAsync(d => d.Id == r.Entry.DossierId, ct);
            if (r.Outcome is { State: EntryState.Ready, Score: { } score })
            {
                RoundResults.Freeze(entry, score, r.Outcome);
                await dossiers.ApplyAsync(dossier, DossierWorkflow.Evaluate, DossierActor.Office, User, RoundRules.Proposal(score), ct);
            }
            else
            {
                await dossiers.ApplyAsync(dossier, DossierWorkflow.ReturnFromRound, DossierActor.Office, User, "Không đủ số thành viên đánh giá", ct);
            }
        }

        round.Status = RoundStatus.Finalised;
        round.FinalisedAt = clock.GetUtcNow();
        round.Version = Guid.NewGuid();
        audit.Record("round.finalised", nameof(EvaluationRound), Id(id), new { Results = results.Count(r => r.Outcome.State == EntryState.Ready) });
        await db.SaveChangesAsync(ct);
        await frozen.StoreMissingAsync(db.RoundEntries.Where(e => e.RoundId == id), ct); // the reports' per-entry score facts
        TempData["Flash"] = l["Đã chốt kết quả {0}.", round.Name].Value;
        return Redirect($"/rounds/{id}/results");
    }

    private async Task<(EvaluationRound? Round, CouncilSeat? Seat)> ViewerAsync(int id, CancellationToken ct)
    {
        var round = await db.EvaluationRounds.SingleOrDefaultAsync(r => r.Id == id, ct);
        return round is null ? (null, null) : (round, await rounds.SeatAsync(User, round, ct));
    }

    /// <summary>The round, when the user is its council's chair.</summary>
    private async Task<EvaluationRound?> ChairRoundAsync(int id, CancellationToken ct)
    {
        var (round, seat) = await ViewerAsync(id, ct);
        return seat?.Role == SeatRole.Chair ? round : null;
    }

    /// <summary>A chair conflicted on a product has no say on it (the others decide).</summary>
    private async Task<bool> ChairConflictedAsync(EvaluationRound round, int entryId, CancellationToken ct)
    {
        var seat = await rounds.SeatAsync(User, round, ct);
        return seat is null || await db.ConflictDeclarations.AnyAsync(c => c.RoundEntryId == entryId && c.SeatId == seat.Id && c.Conflicted, ct);
    }

    private async Task<List<MemberProgress>> MemberProgressAsync(EvaluationRound round, CancellationToken ct)
    {
        var seats = await db.CouncilSeats.AsNoTracking().Where(s => s.CouncilId == round.CouncilId && s.Role != SeatRole.InvitedExpert).OrderBy(s => s.SortOrder).ToListAsync(ct);
        var entryIds = await db.RoundEntries.Where(e => e.RoundId == round.Id).Select(e => e.Id).ToListAsync(ct);
        var conflicts = await db.ConflictDeclarations.AsNoTracking().Where(c => entryIds.Contains(c.RoundEntryId) && c.Conflicted).Select(c => new { c.RoundEntryId, c.SeatId }).ToListAsync(ct);
        var submitted = await db.ScoreSheets.AsNoTracking().Where(s => entryIds.Contains(s.RoundEntryId) && s.Status == SheetStatus.Submitted).Select(s => new { s.RoundEntryId, s.SeatId }).ToListAsync(ct);
        return seats.Select(s => new MemberProgress(s,
            entryIds.Count(e => !conflicts.Any(c => c.RoundEntryId == e && c.SeatId == s.Id)),
            submitted.Count(x => x.SeatId == s.Id && !conflicts.Any(c => c.RoundEntryId == x.RoundEntryId && c.SeatId == s.Id)))).ToList();
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
