using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OcopPortal.Web.Domain;
using OcopPortal.Web.Domain.Calendar;
using OcopPortal.Web.Domain.Councils;
using OcopPortal.Web.Domain.Dossiers;
using OcopPortal.Web.Domain.Producers;
using OcopPortal.Web.Domain.Rating;
using OcopPortal.Web.Domain.Rules;
using OcopPortal.Web.Features.Councils;
using OcopPortal.Web.Features.Rules;

namespace OcopPortal.Web.Data.Seed;

/// <summary>
/// The demo province's evaluation council: its seats (the demo council accounts, a secretary and an invited expert),
/// a finalised round of the previous half-year (every eligible member's sheet submitted, one conflict declared, all
/// present, results frozen as <see cref="RoundChairController"/>'s finalisation freezes them, dossiers evaluated)
/// and the current half-year's round being scored (declarations, submitted sheets and a draft, so a member has
/// something to score and the chair has progress to follow). Sheets answer with real option ids of each dossier's
/// pinned criteria set and are scored by the engine; results come from <see cref="CouncilRounds.ResultsAsync"/>.
/// Idempotent: nothing is added once the council exists.
/// </summary>
public sealed class DemoCouncil(
    OcopDbContext db, UserManager<AppUser> users, CouncilRounds rounds, WorkingDays workingDays, TimeProvider clock, ILogger<DemoCouncil> log)
{
    public const string CouncilName = "Hội đồng đánh giá, phân hạng sản phẩm OCOP thành phố Cần Thơ";

    /// <summary><see cref="DemoDossiers.Script.Round"/> of the dossiers evaluated in the finalised round.</summary>
    public const int FinalisedRound = 1;

    /// <summary><see cref="DemoDossiers.Script.Round"/> of the dossiers in the round being scored.</summary>
    public const int ScoringRound = 2;

    public const string ChairEmail = "chutich.hd@demo.ocop.vn";
    public const string Member1Email = "thanhvien1@demo.ocop.vn";
    public const string SecretaryEmail = "thanhvien2@demo.ocop.vn";
    public const string Member3Email = "thanhvien3@demo.ocop.vn";

    /// <summary>The seats, in order: who, from where, in what role (the expert has no account).</summary>
    public static readonly IReadOnlyList<(string? Email, string FullName, string Agency, SeatRole Role)> Seats =
    [
        (ChairEmail, "Nguyễn Văn Bình", "Sở Nông nghiệp và Môi trường", SeatRole.Chair),
        (Member1Email, "Phạm Thị Thu", "Sở Công Thương", SeatRole.Member),
        (SecretaryEmail, "Võ Quốc Huy", "Văn phòng Điều phối OCOP, Sở Nông nghiệp và Môi trường", SeatRole.Secretary),
        (Member3Email, "Đặng Thị Mỹ Linh", "Sở Khoa học và Công nghệ", SeatRole.Member),
        (null, "TS. Lê Hoàng Nam", "Trường Đại học Cần Thơ", SeatRole.InvitedExpert),
    ];

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().Date);

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Councils.AnyAsync(c => c.Name == CouncilName, ct))
        {
            return;
        }

        var office = await users.FindByEmailAsync(DemoDossiers.OfficeEmail) ?? throw new InvalidOperationException($"{DemoDossiers.OfficeEmail} is missing.");
        var chair = await users.FindByEmailAsync(ChairEmail) ?? throw new InvalidOperationException($"{ChairEmail} is missing.");
        await db.InTransactionAsync(async () =>
        {
            // The finalised round is the previous half-year's; the one being scored is the current half-year's.
            var current = OcopDeadlines.ProvincialRoundDeadline(Today);
            var previous = current.Number == 2 ? (Year: current.Year, Number: 1) : (Year: current.Year - 1, Number: 2);
            var previousDeadline = RoundDeadlines.Legal(previous.Year, previous.Number, Today);

            var council = new Council
            {
                Name = CouncilName,
                DecisionNumber = "125/QĐ-UBND",
                DecisionDate = WorkingDayOnOrBefore(previousDeadline.AddDays(-120)),
                CreatedAt = Moment(WorkingDayOnOrBefore(previousDeadline.AddDays(-118)), 9),
            };
            for (var i = 0; i < Seats.Count; i++)
            {
                var (email, name, agency, role) = Seats[i];
                var user = email is null ? null : await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"{email} is missing.");
                council.Seats.Add(new CouncilSeat { UserId = user?.Id, FullName = name, Agency = agency, Role = role, SortOrder = i + 1 });
            }

            db.Councils.Add(council);
            await db.SaveChangesAsync(ct);
            var seats = council.Seats.OrderBy(s => s.SortOrder).ToList();
            var (chairSeat, secretary, member3) = (seats[0], seats[2], seats[3]);

            // Đợt 1: scored, met, finalised before its legal deadline.
            var meeting = WorkingDayOnOrBefore(previousDeadline.AddDays(-14));
            var deadline1 = WorkingDayOnOrBefore(meeting.AddDays(-3));
            var created1 = Moment(WorkingDayOnOrBefore(deadline1.AddDays(-30)), 9);
            var finalised = await RoundAsync(council, previous.Year, previous.Number, deadline1, meeting, previousDeadline, created1, ct);
            finalised.ScoringOpenedAt = Moment(WorkingDayOnOrBefore(deadline1.AddDays(-25)), 10);
            var entries1 = await AssignAsync(finalised, FinalisedRound, created1, office, ct);
            var sheetsAt = deadline1.AddDays(-2);
            foreach (var (entry, set, target, index) in entries1)
            {
                foreach (var seat in seats.Where(s => s.Votes))
                {
                    // The third member advised the first producer on its trademark: conflicted, no sheet, out of the mean.
                    var conflicted = seat.Id == member3.Id && index == 0;
                    Declare(entry, seat, conflicted, Moment(finalised.ScoringOpenedAt.Value, 2 + seat.SortOrder));
                    if (!conflicted)
                    {
                        AddSheet(entry, seat, set, target, seat.SortOrder, Moment(WorkingDayOnOrBefore(sheetsAt.AddDays(-seat.SortOrder)), 14), submit: true);
                    }
                }
            }

            foreach (var seat in seats)
            {
                db.RoundAttendance.Add(new RoundAttendance { RoundId = finalised.Id, SeatId = seat.Id, Present = true });
            }

            finalised.Status = RoundStatus.Closed;
            finalised.ClosedAt = Moment(meeting, 8);
            await db.SaveChangesAsync(ct);
            await FinaliseAsync(finalised, Moment(meeting, 16), chair, ct);

            // Đợt 2: scoring now, the deadline ahead (never past the legal one).
            var deadline2 = Today.AddDays(14) < current.EvaluateBy ? Today.AddDays(14) : current.EvaluateBy;
            var created2 = Moment(WorkingDayOnOrBefore(Today.AddDays(-10)), 9);
            var scoring = await RoundAsync(council, current.Year, current.Number, deadline2, null, current.EvaluateBy, created2, ct);
            scoring.Status = RoundStatus.Scoring;
            scoring.ScoringOpenedAt = Moment(WorkingDayOnOrBefore(Today.AddDays(-7)), 10);
            var entries2 = await AssignAsync(scoring, ScoringRound, created2, office, ct);
            var opened = scoring.ScoringOpenedAt.Value;
            for (var i = 0; i < entries2.Count; i++)
            {
                var (entry, set, target, _) = entries2[i];
                // The chair declared on every product and submitted the first; the third member is done; the secretary
                // has a draft of the first; the first member (the newcomer's account) has not started.
                Declare(entry, chairSeat, false, opened.AddHours(2));
                Declare(entry, member3, false, opened.AddHours(3));
                AddSheet(entry, member3, set, target, member3.SortOrder, opened.AddDays(1).AddHours(i), submit: true);
                if (i == 0)
                {
                    AddSheet(entry, chairSeat, set, target, chairSeat.SortOrder, opened.AddDays(2), submit: true);
                    Declare(entry, secretary, false, opened.AddHours(5));
                    AddSheet(entry, secretary, set, target, secretary.SortOrder, opened.AddDays(3), submit: false);
                }
            }

            await db.SaveChangesAsync(ct);
        }, ct);

        log.LogInformation("Demo council created: {Council}, a finalised round and a round being scored", CouncilName);
    }

    private async Task<EvaluationRound> RoundAsync(
        Council council, int year, int number, DateOnly scoringDeadline, DateOnly? meeting, DateOnly legal, DateTimeOffset created, CancellationToken ct)
    {
        var round = new EvaluationRound
        {
            CouncilId = council.Id,
            Year = year,
            Number = number,
            Name = string.Create(CultureInfo.InvariantCulture, $"Đợt {number} năm {year}"),
            Mode = RoundMode.Meeting,
            ScoringDeadline = scoringDeadline,
            MeetingDate = meeting,
            LegalDeadline = legal,
            Status = RoundStatus.Preparing,
            CreatedAt = created,
            Version = Guid.NewGuid(),
        };
        db.EvaluationRounds.Add(round);
        await db.SaveChangesAsync(ct);
        return round;
    }

    /// <summary>Puts the round's accepted demo dossiers in it, as the Office does (status, event); returns the entries with their pinned sets.</summary>
    private async Task<List<(RoundEntry Entry, CriteriaSet Set, int TargetStars, int Index)>> AssignAsync(
        EvaluationRound round, int which, DateTimeOffset at, AppUser office, CancellationToken ct)
    {
        var result = new List<(RoundEntry, CriteriaSet, int, int)>();
        foreach (var script in DemoDossiers.Scripts.Where(s => s.Round == which))
        {
            var name = DemoProducers.Products.Single(p => p.TaxCode == script.TaxCode).Name;
            var dossier = await (from d in db.Dossiers
                                 join p in db.Set<Product>() on d.ProductId equals p.Id
                                 join pr in db.Set<Producer>() on d.ProducerId equals pr.Id
                                 where pr.TaxCode == script.TaxCode && p.Name == name && d.Status == DossierStatus.Accepted
                                 select d).FirstOrDefaultAsync(ct);
            if (dossier is null || await db.RoundEntries.AnyAsync(e => e.DossierId == dossier.Id, ct))
            {
                continue; // moved on by hand since: left as it is
            }

            var entry = new RoundEntry
            {
                RoundId = round.Id,
                DossierId = dossier.Id,
                AdvisoryNotes = "Tổ tư vấn đã khảo sát cơ sở sản xuất, đối chiếu hồ sơ với thực tế; không có khác biệt đáng kể.",
            };
            db.RoundEntries.Add(entry);
            Move(dossier, DossierWorkflow.AssignToRound, at.AddMinutes(10 * result.Count), office, round.Name);
            await db.SaveChangesAsync(ct);
            var set = await db.CriteriaSets.AsNoTracking().AsSplitQuery().Include(s => s.RuleSet).Include(s => s.Nodes).ThenInclude(n => n.Options)
                .SingleAsync(s => s.Id == dossier.CriteriaSetId, ct);
            result.Add((entry, set, dossier.TargetStars, result.Count));
        }

        return result;
    }

    private void Declare(RoundEntry entry, CouncilSeat seat, bool conflicted, DateTimeOffset at) =>
        db.ConflictDeclarations.Add(new ConflictDeclaration
        {
            RoundEntryId = entry.Id,
            SeatId = seat.Id,
            Conflicted = conflicted,
            Ground = conflicted ? ConflictGround.Professional : null,
            Reason = conflicted ? "Đã tư vấn cho chủ thể về đăng ký nhãn hiệu trong năm qua." : null,
            DeclaredAt = at,
            DeclaredByUserId = seat.UserId!,
        });

    /// <summary>
    /// A member's sheet: answers near the target star (varied by seat, kept within half the spread limit of the
    /// first variant so the round is not flagged), scored as <see cref="MemberScoring"/> scores a submission.
    /// A draft answers the first half of the criteria only.
    /// </summary>
    private void AddSheet(RoundEntry entry, CouncilSeat seat, CriteriaSet set, int target, int variant, DateTimeOffset at, bool submit)
    {
        var definition = SheetDefinition.From(set);
        var reference = Answers(definition, target, entry.DossierId);
        var candidate = Answers(definition, target, entry.DossierId + (variant * 7));
        var limit = set.RuleSet!.MaxMemberSpread / 2;
        var answers = Math.Abs(Score(set, definition, candidate).Score.Total - Score(set, definition, reference).Score.Total) <= limit ? candidate : reference;
        if (!submit)
        {
            answers = [.. answers.Take(answers.Count / 2)];
        }

        var scored = Score(set, definition, answers);
        if (submit && !scored.Score.Complete)
        {
            throw new InvalidOperationException($"Demo sheet for dossier {entry.DossierId} leaves criteria unanswered: {string.Join(", ", scored.Score.Unanswered)}.");
        }

        db.ScoreSheets.Add(new ScoreSheet
        {
            RoundEntryId = entry.Id,
            SeatId = seat.Id,
            Status = submit ? SheetStatus.Submitted : SheetStatus.Draft,
            Total = submit ? scored.Score.Total : null,
            Stars = submit ? scored.Rating.Stars : null,
            OverallComment = submit ? "Sản phẩm có nguồn gốc rõ ràng; cần hoàn thiện thêm bao bì và câu chuyện sản phẩm." : null,
            UpdatedAt = at,
            SubmittedAt = submit ? at : null,
            Version = Guid.NewGuid(),
            Answers = answers,
        });
    }

    private static List<ScoreSheetAnswer> Answers(SheetDefinition definition, int target, int seed) =>
        [.. SampleSelfAssessment.Answers(definition, target, seed).Select(a => new ScoreSheetAnswer { CriterionCode = a.CriterionCode, OptionId = a.OptionId })];

    private static SelfAssessmentResult Score(CriteriaSet set, SheetDefinition definition, List<ScoreSheetAnswer> answers) =>
        MemberScoring.Evaluate(set, definition, CouncilRounds.ToAnswers(new ScoreSheet { Answers = answers }));

    /// <summary>The chair's finalisation (<see cref="RoundChairController"/>): results frozen on the entries, dossiers evaluated.</summary>
    private async Task FinaliseAsync(EvaluationRound round, DateTimeOffset at, AppUser chair, CancellationToken ct)
    {
        var results = await rounds.ResultsAsync(round, hideFor: null, ct);
        var entries = await db.RoundEntries.Where(e => e.RoundId == round.Id).ToDictionaryAsync(e => e.Id, ct);
        foreach (var r in results)
        {
            if (r.Outcome is not { State: EntryState.Ready, Score: { } score })
            {
                throw new InvalidOperationException($"Demo round result for {r.Entry.Product} is {r.Outcome.State}, not ready.");
            }

            var entry = entries[r.Entry.EntryId];
            RoundResults.Freeze(entry, score, r.Outcome);
            var dossier = await db.Dossiers.SingleAsync(d => d.Id == r.Entry.DossierId, ct);
            Move(dossier, DossierWorkflow.Evaluate, at, chair, RoundRules.Proposal(score));
        }

        round.Status = RoundStatus.Finalised;
        round.FinalisedAt = at;
        round.Version = Guid.NewGuid();
        await db.SaveChangesAsync(ct);
    }

    private static void Move(Dossier dossier, Transition t, DateTimeOffset at, AppUser actor, string message)
    {
        if (!DossierWorkflow.Allows(t, dossier.Status, t.Actor))
        {
            throw new InvalidOperationException($"Demo dossier {dossier.Number}: {t.Event} is not allowed from {dossier.Status}.");
        }

        dossier.Events.Add(new DossierEvent { Kind = t.Event, From = dossier.Status, To = t.To, At = at, ActorUserId = actor.Id, ActorName = actor.FullName, Message = message });
        dossier.Status = t.To;
        dossier.UpdatedAt = at;
        dossier.Version = Guid.NewGuid();
    }

    private DateOnly WorkingDayOnOrBefore(DateOnly day)
    {
        while (!workingDays.IsWorkingDay(day))
        {
            day = day.AddDays(-1);
        }

        return day;
    }

    private DateTimeOffset Moment(DateOnly day, int hour)
    {
        var local = day.ToDateTime(new TimeOnly(hour, 0));
        return new DateTimeOffset(local, clock.LocalTimeZone.GetUtcOffset(local));
    }

    private static DateTimeOffset Moment(DateTimeOffset at, int hours) => at.AddHours(hours);
}
