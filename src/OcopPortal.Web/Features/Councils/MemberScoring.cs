using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain.Councils;
using OcopPortal.Web.Domain.Dossiers;
using OcopPortal.Web.Domain.Producers;
using OcopPortal.Web.Domain.Rating;
using OcopPortal.Web.Domain.Rules;
using OcopPortal.Web.Features.Dossiers;
using OcopPortal.Web.Features.Rules;
using OcopPortal.Web.Infrastructure.Audit;
using OcopPortal.Web.Infrastructure.Localization;

namespace OcopPortal.Web.Features.Councils;

/// <summary>
/// The member's side of scoring: their rounds, their products (never one they are conflicted on), their
/// declarations and their own sheet. Nothing here reads another seat's sheet: every sheet query is keyed by the
/// caller's own seat, so no URL can reach someone else's.
/// </summary>
public sealed class MemberScoring(OcopDbContext db, CouncilRounds rounds, AuditLog audit, TimeProvider clock, ScoringCache cache)
{
    public const string ConflictMessage =
        "Phiếu chấm vừa được lưu ở một cửa sổ hoặc thiết bị khác. Trang đã được tải lại với nội dung mới nhất; lần lưu này của bạn chưa được thực hiện.";

    public const string ForeignCriterionMessage = "Phiếu có tiêu chí không thuộc bộ tiêu chí của hồ sơ; không có gì được lưu.";

    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().Date);

    /// <summary>Overdue: scoring is not over, the deadline has passed and some of the member's sheets are not in.</summary>
    public static bool IsOverdue(EvaluationRound round, DateOnly today, int assigned, int submitted) =>
        round.Status <= RoundStatus.Scoring && today > round.ScoringDeadline && submitted < assigned;

    /// <summary>The caller's voting seat on the round's council, or null (no round, no seat, or an invited expert's seat).</summary>
    public async Task<MemberSeat?> SeatAsync(ClaimsPrincipal user, int roundId, CancellationToken ct)
    {
        // one query on every member request (each sheet save starts here)
        var userId = DossierAccess.UserId(user);
        var found = await (from r in db.EvaluationRounds
                           join s in db.CouncilSeats on r.CouncilId equals s.CouncilId
                           join c in db.Councils on r.CouncilId equals c.Id
                           where r.Id == roundId && s.UserId == userId
                           select new { Round = r, Seat = s, Council = c.Name }).AsNoTracking().SingleOrDefaultAsync(ct);
        return found is { Seat.Votes: true } ? new MemberSeat(found.Round, found.Seat, found.Council) : null;
    }

    /// <summary>Every round where the caller holds a voting seat, newest first, with their own progress.</summary>
    public async Task<List<MyRoundRow>> MyRoundsAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var userId = DossierAccess.UserId(user);
        var mine = await (from s in db.CouncilSeats
                          join r in db.EvaluationRounds on s.CouncilId equals r.CouncilId
                          join c in db.Councils on s.CouncilId equals c.Id
                          where s.UserId == userId && s.Role != SeatRole.InvitedExpert
                          select new { Round = r, Seat = s, Council = c.Name }).AsNoTracking().ToListAsync(ct);
        var rows = new List<MyRoundRow>();
        foreach (var m in mine.OrderByDescending(m => m.Round.Year).ThenByDescending(m => m.Round.Number).ThenByDescending(m => m.Round.Id))
        {
            var (assigned, submitted) = await ProgressAsync(m.Round.Id, m.Seat.Id, ct);
            rows.Add(new MyRoundRow(m.Round, m.Council, m.Seat.Role, assigned, submitted, IsOverdue(m.Round, Today, assigned, submitted)));
        }

        return rows;
    }

    /// <summary>Products of the round the seat is not conflicted on, and how many of those it submitted.</summary>
    private async Task<(int Assigned, int Submitted)> ProgressAsync(int roundId, int seatId, CancellationToken ct)
    {
        var conflicted = await rounds.ConflictedEntriesAsync(roundId, seatId, ct);
        var entries = await db.RoundEntries.Where(e => e.RoundId == roundId).Select(e => e.Id).ToListAsync(ct);
        var submitted = await (from s in db.ScoreSheets
                               join e in db.RoundEntries on s.RoundEntryId equals e.Id
                               where e.RoundId == roundId && s.SeatId == seatId && s.Status == SheetStatus.Submitted
                               select s.RoundEntryId).ToListAsync(ct);
        return (entries.Count(e => !conflicted.Contains(e)), submitted.Count(e => !conflicted.Contains(e)));
    }

    /// <summary>The member's products with their own declaration and sheet status (conflicted ones are left out).</summary>
    public async Task<List<MyEntryRow>> MyEntriesAsync(MemberSeat member, CancellationToken ct)
    {
        var roundId = member.Round.Id;
        var seatId = member.Seat.Id;
        var conflicted = await rounds.ConflictedEntriesAsync(roundId, seatId, ct);
        var declared = (await (from c in db.ConflictDeclarations
                               join e in db.RoundEntries on c.RoundEntryId equals e.Id
                               where e.RoundId == roundId && c.SeatId == seatId
                               select c.RoundEntryId).ToListAsync(ct)).ToHashSet();
        var sheets = await (from s in db.ScoreSheets
                            join e in db.RoundEntries on s.RoundEntryId equals e.Id
                            where e.RoundId == roundId && s.SeatId == seatId
                            select new { s.RoundEntryId, s.Status, s.Total, s.Stars }).ToDictionaryAsync(s => s.RoundEntryId, ct);
        return (await rounds.EntriesAsync(roundId, ct))
            .Where(e => !conflicted.Contains(e.EntryId))
            .Select(e =>
            {
                var sheet = sheets.GetValueOrDefault(e.EntryId);
                var submitted = sheet?.Status == SheetStatus.Submitted;
                return new MyEntryRow(e, declared.Contains(e.EntryId), sheet?.Status, submitted ? sheet!.Total : null, submitted ? sheet!.Stars : null);
            })
            .ToList();
    }

    /// <summary>
    /// A product of the caller's round as their voting seat sees it, in one query (every draft save starts here):
    /// the seat, the product and the seat's declaration; null when the caller has no voting seat on the round, the
    /// product is not in the round, or the seat is conflicted on it.
    /// </summary>
    public async Task<MemberEntry?> EntryAsync(ClaimsPrincipal user, int roundId, int entryId, CancellationToken ct)
    {
        var userId = DossierAccess.UserId(user);
        var found = await (from r in db.EvaluationRounds
                           join s in db.CouncilSeats on r.CouncilId equals s.CouncilId
                           join c in db.Councils on r.CouncilId equals c.Id
                           join e in db.RoundEntries on r.Id equals e.RoundId
                           join d in db.Dossiers on e.DossierId equals d.Id
                           join p in db.Set<Product>() on d.ProductId equals p.Id
                           join pr in db.Set<Producer>() on d.ProducerId equals pr.Id
                           join cs in db.CriteriaSets on d.CriteriaSetId equals cs.Id
                           join dc in db.ConflictDeclarations on new { Entry = e.Id, Seat = s.Id } equals new { Entry = dc.RoundEntryId, Seat = dc.SeatId } into declarations
                           from dc in declarations.DefaultIfEmpty()
                           where r.Id == roundId && s.UserId == userId && e.Id == entryId
                           select new
                           {
                               Round = r,
                               Seat = s,
                               Council = c.Name,
                               Entry = new EntryRow(e.Id, d.Id, d.Number, p.Name, pr.Name, cs.Number, cs.Id, d.Kind),
                               Declaration = dc,
                           }).AsNoTracking().SingleOrDefaultAsync(ct);
        return found is { Seat.Votes: true } && found.Declaration is not { Conflicted: true }
            ? new MemberEntry(new MemberSeat(found.Round, found.Seat, found.Council), found.Entry, found.Declaration)
            : null;
    }

    /// <summary>The caller's own sheet for the product (by their seat: never another member's).</summary>
    public async Task<ScoreSheet?> MySheetAsync(MemberEntry entry, CancellationToken ct)
    {
        var sheet = await db.ScoreSheets.AsNoTracking().SingleOrDefaultAsync(s => s.RoundEntryId == entry.Entry.EntryId && s.SeatId == entry.Member.Seat.Id, ct);
        if (sheet is not null)
        {
            // Two flat queries: EF's shaper for a collection Include built delegates on every execution (profiled).
            sheet.Answers = await db.ScoreSheetAnswers.AsNoTracking().Where(a => a.SheetId == sheet.Id).OrderBy(a => a.Id).ToListAsync(ct);
        }

        return sheet;
    }

    /// <summary>The product's pinned criteria set (published, hence cached and shared: read it, never change it).</summary>
    public async Task<CriteriaSet> SetAsync(MemberEntry entry, CancellationToken ct) =>
        (await cache.SetAsync(db, entry.Entry.CriteriaSetId, ct)).Set;

    /// <summary>The set's flattened sheet (the cached one for a published set).</summary>
    public SheetDefinition SheetOf(CriteriaSet set) => cache.SheetOf(set);

    public static bool DeclarationOpen(EvaluationRound round) => round.Status is RoundStatus.Preparing or RoundStatus.Scoring;

    /// <summary>
    /// Records the member's declaration. A conflict is refused once the sheet is submitted (the chair must reopen it
    /// first); a draft is kept, untouched, but no longer shown or counted. Returns an error message, or null. Saves.
    /// </summary>
    public async Task<string?> DeclareAsync(MemberEntry entry, DeclarationInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!DeclarationOpen(entry.Member.Round))
        {
            return "Chỉ khai báo xung đột lợi ích khi đợt đánh giá đang chuẩn bị hoặc đang chấm điểm.";
        }

        var entryId = entry.Entry.EntryId;
        var seatId = entry.Member.Seat.Id;
        var sheet = await db.ScoreSheets.AsNoTracking().Where(s => s.RoundEntryId == entryId && s.SeatId == seatId).Select(s => (SheetStatus?)s.Status).SingleOrDefaultAsync(ct);
        var conflicted = input.Conflicted == true;
        if (conflicted && sheet == SheetStatus.Submitted)
        {
            return "Bạn đã nộp phiếu chấm cho sản phẩm này. Chủ tịch Hội đồng cần mở lại phiếu trước khi bạn khai báo xung đột lợi ích.";
        }

        var declaration = await db.ConflictDeclarations.SingleOrDefaultAsync(c => c.RoundEntryId == entryId && c.SeatId == seatId, ct);
        if (declaration is { Conflicted: true })
        {
            return "Bạn đã khai báo xung đột lợi ích với sản phẩm này.";
        }

        var isNew = declaration is null;
        declaration ??= db.ConflictDeclarations.Add(new ConflictDeclaration { RoundEntryId = entryId, SeatId = seatId }).Entity;
        declaration.Conflicted = conflicted;
        declaration.Ground = conflicted ? input.Ground : null;
        declaration.Reason = conflicted && !string.IsNullOrWhiteSpace(input.Reason) ? input.Reason.Trim() : null;
        declaration.DeclaredAt = clock.GetUtcNow();
        declaration.DeclaredByUserId = DossierAccess.UserId(user);
        audit.Record(conflicted ? "council.conflict-declared" : "council.no-conflict-declared", nameof(RoundEntry), Id(entryId),
            new { RoundId = entry.Member.Round.Id, SeatId = seatId, declaration.Ground, declaration.Reason, DraftKept = conflicted && sheet == SheetStatus.Draft });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (isNew)
        {
            // the same member declared at the same moment in another window: the unique (entry, seat) index kept one
            db.ChangeTracker.Clear();
            if (await db.ConflictDeclarations.AnyAsync(c => c.RoundEntryId == entryId && c.SeatId == seatId, ct))
            {
                return "Khai báo cho sản phẩm này vừa được ghi ở một cửa sổ khác; hãy xem lại trước khi khai báo tiếp.";
            }

            throw;
        }

        return null;
    }

    /// <summary>The member's current answers as the engine scores them (live total, or the stored sheet).</summary>
    public static SelfAssessmentResult Evaluate(CriteriaSet set, SheetDefinition sheet, SheetAnswers answers)
    {
        var score = SheetScoring.Score(sheet, answers);
        var bands = StarBands.Of(set.RuleSet!);
        var rating = StarRating.Rate(bands, score.Total, score.MinimumsMetUpTo, score.Eliminations.Count > 0, EvaluationLevel.Province);
        return new SelfAssessmentResult(score, rating, RatingExplanation.Explain(rating, score.Total, score.Unmet, bands));
    }

    /// <summary>A stored sheet back into the form's shape (node ids of the pinned set).</summary>
    public static ScoreSheetInput ToInput(CriteriaSet set, ScoreSheet? sheet)
    {
        var input = new ScoreSheetInput { Version = sheet?.Version ?? Guid.Empty, OverallComment = sheet?.OverallComment };
        if (sheet is null)
        {
            return input;
        }

        var nodes = set.Nodes.Where(n => n.Options.Count > 0).GroupBy(n => n.Code).ToDictionary(g => g.Key, g => g.First().Id);
        foreach (var a in sheet.Answers)
        {
            if (!nodes.TryGetValue(a.CriterionCode, out var nodeId))
            {
                continue;
            }

            if (a.OptionId is { } option)
            {
                input.Choices[nodeId] = option;
            }

            if (a.NotApplicable)
            {
                input.NotApplicable.Add(nodeId);
            }

            if (a.Eliminates)
            {
                input.Eliminates.Add(nodeId);
            }

            if (a.Comment is not null)
            {
                input.Comments[nodeId] = a.Comment;
            }
        }

        return input;
    }

    /// <summary>
    /// The posted form as answers by criterion code, checked against the pinned set: every criterion must be on
    /// the set, every option must belong to its criterion, "not applicable" only where the criterion has a
    /// condition, knock-out / stop only where it has one. Returns the answers, or the message saying what is wrong.
    /// </summary>
    public static (List<ScoreSheetAnswer>? Answers, UserMessage? Error) Resolve(CriteriaSet set, SheetDefinition sheet, ScoreSheetInput input)
    {
        var leaves = SelfAssessmentScoring.LeavesById(set, sheet);
        var mentioned = input.Choices.Keys.Concat(input.NotApplicable).Concat(input.Eliminates)
            .Concat(input.Comments.Where(c => !string.IsNullOrWhiteSpace(c.Value)).Select(c => c.Key));
        if (mentioned.Any(id => !leaves.ContainsKey(id)))
        {
            return (null, new UserMessage(ForeignCriterionMessage));
        }

        foreach (var (nodeId, optionId) in input.Choices)
        {
            var node = leaves[nodeId];
            if (node.Options.All(o => o.Id != optionId))
            {
                return (null, new UserMessage("Phương án đã chọn cho tiêu chí {0} không thuộc tiêu chí đó; không có gì được lưu.", node.Code));
            }
        }

        if (input.NotApplicable.Select(id => leaves[id]).FirstOrDefault(n => n.Condition is null) is { } always)
        {
            return (null, new UserMessage("Tiêu chí {0} luôn được chấm, không đánh dấu «không áp dụng» được; không có gì được lưu.", always.Code));
        }

        if (input.Eliminates.Select(id => leaves[id]).FirstOrDefault(n => n.Knockout is null && n.Stop is null) is { } plain)
        {
            return (null, new UserMessage("Tiêu chí {0} không có điều kiện loại hoặc dừng đánh giá; không có gì được lưu.", plain.Code));
        }

        var answers = new List<ScoreSheetAnswer>();
        foreach (var (nodeId, node) in leaves.OrderBy(l => l.Value.SortOrder))
        {
            var comment = input.Comments.GetValueOrDefault(nodeId);
            var answer = new ScoreSheetAnswer
            {
                CriterionCode = node.Code,
                OptionId = input.Choices.TryGetValue(nodeId, out var o) ? o : null,
                NotApplicable = input.NotApplicable.Contains(nodeId),
                Eliminates = input.Eliminates.Contains(nodeId),
                Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
            };
            if (answer.OptionId is not null || answer.NotApplicable || answer.Eliminates || answer.Comment is not null)
            {
                answers.Add(answer);
            }
        }

        return (answers, null);
    }

    /// <summary>
    /// Saves the member's draft, or submits it (<paramref name="submit"/>): only while the round is scoring and the
    /// sheet is a draft, from the version the form was loaded from. The first save creates the sheet; when two
    /// windows create it at once the unique (entry, seat) index keeps one and the other is told, as for any stale
    /// version. Submission needs every criterion answered (or not applicable), then stores the engine's total and
    /// star and locks the sheet. Nothing is stored unless the result is <see cref="SheetSaveKind.Saved"/> or
    /// <see cref="SheetSaveKind.Submitted"/>.
    /// </summary>
    public async Task<SheetSaveResult> SaveAsync(MemberEntry entry, CriteriaSet set, ScoreSheetInput input, bool submit, CancellationToken ct)
    {
        var entryId = entry.Entry.EntryId;
        var seatId = entry.Member.Seat.Id;
        var sheet = await db.ScoreSheets.SingleOrDefaultAsync(s => s.RoundEntryId == entryId && s.SeatId == seatId, ct);
        if (sheet is not null)
        {
            // tracked: EF fixes the loaded answers up into sheet.Answers (two flat queries, see MySheetAsync)
            await db.ScoreSheetAnswers.Where(a => a.SheetId == sheet.Id).LoadAsync(ct);
        }

        if (submit && sheet is { Status: SheetStatus.Submitted })
        {
            return new SheetSaveResult(SheetSaveKind.AlreadySubmitted, Total: sheet.Total, Stars: sheet.Stars);
        }

        if (entry.Member.Round.Status != RoundStatus.Scoring)
        {
            return new SheetSaveResult(SheetSaveKind.NotScoring);
        }

        if (sheet is { Status: SheetStatus.Submitted })
        {
            return new SheetSaveResult(SheetSaveKind.Locked);
        }

        if ((sheet?.Version ?? Guid.Empty) != input.Version)
        {
            return new SheetSaveResult(SheetSaveKind.Conflict);
        }

        var definition = cache.SheetOf(set);
        var (answers, error) = Resolve(set, definition, input);
        if (answers is null)
        {
            return new SheetSaveResult(SheetSaveKind.Invalid, error);
        }

        var result = Evaluate(set, definition, CouncilRounds.ToAnswers(new ScoreSheet { Answers = answers }));
        if (submit && !result.Score.Complete)
        {
            var missing = result.Score.Unanswered.Select(code => $"{code} ({definition[code].Name})").ToList();
            return new SheetSaveResult(SheetSaveKind.Incomplete, new UserMessage(
                "Chưa nộp được: còn {0} tiêu chí chưa chấm (hãy chọn một phương án hoặc đánh dấu không áp dụng): {1}.", missing.Count, string.Join("; ", missing)));
        }

        var isNew = sheet is null;
        if (sheet is null)
        {
            sheet = new ScoreSheet { RoundEntryId = entryId, SeatId = seatId, Status = SheetStatus.Draft };
            db.ScoreSheets.Add(sheet);
        }
        else
        {
            db.Entry(sheet).Property(s => s.Version).OriginalValue = input.Version;
        }

        Apply(sheet, answers);
        var now = clock.GetUtcNow();
        sheet.OverallComment = string.IsNullOrWhiteSpace(input.OverallComment) ? null : input.OverallComment.Trim();
        sheet.UpdatedAt = now;
        sheet.Version = Guid.NewGuid();
        if (submit)
        {
            sheet.Status = SheetStatus.Submitted;
            sheet.SubmittedAt = now;
            sheet.Total = result.Score.Total;
            sheet.Stars = result.Rating.Stars;
        }

        audit.Record(submit ? "council.sheet-submitted" : "council.sheet-saved", nameof(RoundEntry), Id(entryId),
            submit
                ? new { RoundId = entry.Member.Round.Id, SeatId = seatId, sheet.Total, sheet.Stars, Eliminations = result.Score.Eliminations }
                : new { RoundId = entry.Member.Round.Id, SeatId = seatId, Answered = answers.Count(a => a.OptionId is not null || a.NotApplicable) });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new SheetSaveResult(SheetSaveKind.Conflict);
        }
        catch (DbUpdateException) when (isNew)
        {
            // another window created the sheet between our read and our insert: the unique index refused the second one
            db.ChangeTracker.Clear();
            if (await db.ScoreSheets.AnyAsync(s => s.RoundEntryId == entryId && s.SeatId == seatId, ct))
            {
                return new SheetSaveResult(SheetSaveKind.Conflict);
            }

            throw;
        }

        if (submit)
        {
            // the board scores each submitted version once; this one is scored already
            cache.SetScore(sheet.Id, sheet.Version, result.Score);
        }

        return submit
            ? new SheetSaveResult(SheetSaveKind.Submitted, Total: sheet.Total, Stars: sheet.Stars)
            : new SheetSaveResult(SheetSaveKind.Saved, Version: sheet.Version, At: now);
    }

    /// <summary>Brings the stored answers in line with the posted ones, row by row (the (sheet, criterion) index stays unique).</summary>
    private void Apply(ScoreSheet sheet, List<ScoreSheetAnswer> answers)
    {
        var byCode = answers.ToDictionary(a => a.CriterionCode);
        foreach (var stale in sheet.Answers.Where(a => !byCode.ContainsKey(a.CriterionCode)).ToList())
        {
            sheet.Answers.Remove(stale);
            db.ScoreSheetAnswers.Remove(stale);
        }

        foreach (var answer in answers)
        {
            var stored = sheet.Answers.SingleOrDefault(a => a.CriterionCode == answer.CriterionCode);
            if (stored is null)
            {
                sheet.Answers.Add(answer);
                continue;
            }

            stored.OptionId = answer.OptionId;
            stored.NotApplicable = answer.NotApplicable;
            stored.Eliminates = answer.Eliminates;
            stored.Comment = answer.Comment;
        }
    }

    /// <summary>The producer's self-assessment (Mẫu 02) for reference: the verdict and, per leaf node, the option chosen.</summary>
    public async Task<(SelfAssessmentResult? Result, Dictionary<int, string> ByNode)> ReferenceAsync(MemberEntry entry, CriteriaSet set, IStringLocalizer l, CancellationToken ct)
    {
        var stored = await db.Set<DossierAnswer>().AsNoTracking().Where(a => a.DossierId == entry.Entry.DossierId).ToListAsync(ct);
        var byNode = new Dictionary<int, string>();
        if (stored.Count == 0)
        {
            return (null, byNode);
        }

        var input = DossierAnswers.ToInput(set, stored);
        var leaves = SelfAssessmentScoring.LeavesById(set, cache.SheetOf(set));
        foreach (var (nodeId, node) in leaves)
        {
            if (input.Choices.TryGetValue(nodeId, out var optionId) && node.Options.FirstOrDefault(o => o.Id == optionId) is { } option)
            {
                byNode[nodeId] = l["{0} ({1} điểm)", option.Label, option.Points].Value;
            }
            else if (input.NotApplicable.Contains(nodeId))
            {
                byNode[nodeId] = l["Không áp dụng"].Value;
            }
        }

        return (SelfAssessmentScoring.Evaluate(set, input), byNode);
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
