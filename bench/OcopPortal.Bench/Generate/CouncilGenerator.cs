using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OcopPortal.Web.Data;
using OcopPortal.Web.Data.Seed;
using OcopPortal.Web.Domain;
using OcopPortal.Web.Domain.Councils;
using OcopPortal.Web.Domain.Dossiers;
using OcopPortal.Web.Domain.Rating;
using OcopPortal.Web.Domain.Rules;
using OcopPortal.Web.Features.Councils;
using OcopPortal.Web.Infrastructure.Auth;

namespace OcopPortal.Bench.Generate;

/// <summary>
/// The council benchmark's data (issue: "a 30-criterion sheet under 16 concurrent members; the results board for a
/// round of 300 products × 9 members"):
/// <list type="bullet">
/// <item>the province council: 9 voting seats (the first CouncilChair account, 8 CouncilMember accounts) and a
/// <see cref="RoundStatus.Closed"/> meeting round of <see cref="ClosedEntries"/> accepted dossiers (now
/// <see cref="DossierStatus.InEvaluation"/>), every seat present and with a submitted sheet whose answers are real
/// option ids of the dossier's pinned criteria set, totals and stars from the engine (<see cref="SheetScoring"/>);
/// about one entry in twenty has a member far from the others, so the board shows spread flags too;</item>
/// <item>a scoring council of <see cref="ScoringSeats"/> voting seats (the chair and 15 members, council accounts
/// topped up when the scale has fewer) with a <see cref="RoundStatus.Scoring"/> round of one entry per seat, each
/// seat having declared no conflict on its entry and holding a full draft sheet there: what <c>sheet-save</c> posts.</item>
/// </list>
/// </summary>
public sealed class CouncilGenerator(OcopDbContext db) : IGenerator
{
    public const int ClosedSeats = 9;
    public const int ClosedEntries = 300;
    public const int ScoringSeats = 16;

    /// <summary>Closed round name, which <c>run</c> looks up.</summary>
    public const string ClosedRoundName = "Đợt 1 năm 2026 (bench: 300 sản phẩm × 9 thành viên)";

    public const string ScoringRoundName = "Đợt 2 năm 2026 (bench: chấm song song)";

    private static readonly string[] Agencies =
    [
        "UBND tỉnh", "Sở Nông nghiệp và Môi trường", "Sở Công Thương", "Sở Khoa học và Công nghệ", "Sở Y tế",
        "Sở Văn hóa, Thể thao và Du lịch", "Sở Tài chính", "Liên minh Hợp tác xã tỉnh", "Hội Nông dân tỉnh",
    ];

    private static readonly string?[] Comments =
    [
        "Hồ sơ đầy đủ, minh chứng rõ ràng.", "Cần bổ sung minh chứng vùng nguyên liệu.", "Bao bì đẹp, thông tin nhãn đầy đủ.",
        "Kênh phân phối còn hẹp.", "Chưa có kế hoạch kinh doanh cụ thể.", null, null, null,
    ];

    public async Task GenerateAsync(GenerationContext context, CancellationToken ct)
    {
        var f = context.Faker;
        var now = context.Now;
        var chair = context.Users.First(u => u.Role == Roles.CouncilChair);
        var members = context.Users.Where(u => u.Role == Roles.CouncilMember).ToList();
        TopUp(context, members, ScoringSeats - 1);

        // Accepted dossiers that have a self-assessment, oldest first: 300 for the closed round, 16 for the scoring one.
        var dossiers = await db.Dossiers.AsNoTracking()
            .Where(d => d.Status == DossierStatus.Accepted && d.SelfAssessedTotal != null)
            .OrderBy(d => d.Id).Select(d => new { d.Id, d.CriteriaSetId, d.TargetStars })
            .Take(ClosedEntries + ScoringSeats).ToListAsync(ct);
        if (dossiers.Count < ClosedEntries + ScoringSeats)
        {
            throw new InvalidOperationException($"Only {dossiers.Count} accepted dossiers; the council needs {ClosedEntries + ScoringSeats}.");
        }

        var sets = new Dictionary<int, (CriteriaSet Set, SheetDefinition Sheet)>();
        foreach (var id in dossiers.Select(d => d.CriteriaSetId).Distinct())
        {
            var set = await db.CriteriaSets.AsNoTracking().AsSplitQuery().Include(s => s.RuleSet).Include(s => s.Nodes).ThenInclude(n => n.Options)
                .SingleAsync(s => s.Id == id, ct);
            sets[id] = (set, SheetDefinition.From(set));
        }

        // Councils and seats (ids are 1, 2 and in insertion order: the tables are empty).
        var decided = DateOnly.FromDateTime(now.AddMonths(-8).Date);
        using (var councils = context.Inserter<Council>())
        {
            councils.Add(new Council { Name = "Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh năm 2026", DecisionNumber = "1234/QĐ-UBND", DecisionDate = decided, CreatedAt = now.AddMonths(-8) });
            councils.Add(new Council { Name = "Hội đồng đánh giá lại sản phẩm OCOP tỉnh năm 2026", DecisionNumber = "1388/QĐ-UBND", DecisionDate = decided.AddDays(20), CreatedAt = now.AddMonths(-7) });
        }

        var councilIds = await db.Councils.AsNoTracking().OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(ct);
        var closedPeople = new[] { chair }.Concat(members.Take(ClosedSeats - 1)).ToList();
        var scoringPeople = new[] { chair }.Concat(members.Take(ScoringSeats - 1)).ToList();
        using (var seats = context.Inserter<CouncilSeat>())
        {
            foreach (var (councilId, people) in new[] { (councilIds[0], closedPeople), (councilIds[1], scoringPeople) })
            {
                for (var i = 0; i < people.Count; i++)
                {
                    seats.Add(new CouncilSeat
                    {
                        CouncilId = councilId,
                        UserId = people[i].Id,
                        FullName = people[i].FullName,
                        Agency = Agencies[i % Agencies.Length],
                        Role = i == 0 ? SeatRole.Chair : i == 1 ? SeatRole.Secretary : SeatRole.Member,
                        SortOrder = i + 1,
                    });
                }
            }

            GenerationContext.Report("council seats", seats.Count);
        }

        // A seated account must be able to sign in: the identity generator locks one account in two hundred out.
        var seated = scoringPeople.Concat(closedPeople).Select(p => p.Id).Distinct().ToList();
        await db.Users.Where(u => seated.Contains(u.Id)).ExecuteUpdateAsync(u => u.SetProperty(x => x.LockoutEnd, (DateTimeOffset?)null), ct);

        var seatIds = await db.CouncilSeats.AsNoTracking().OrderBy(s => s.Id).Select(s => s.Id).ToListAsync(ct);
        var closedSeatIds = seatIds.Take(ClosedSeats).ToList();
        var scoringSeatIds = seatIds.Skip(ClosedSeats).ToList();

        using (var rounds = context.Inserter<EvaluationRound>())
        {
            rounds.Add(new EvaluationRound
            {
                CouncilId = councilIds[0],
                Name = ClosedRoundName,
                Year = 2026,
                Number = 1,
                Mode = RoundMode.Meeting,
                ScoringDeadline = DateOnly.FromDateTime(now.AddDays(-5).Date),
                MeetingDate = DateOnly.FromDateTime(now.AddDays(-2).Date),
                LegalDeadline = new DateOnly(2026, 12, 30),
                Status = RoundStatus.Closed,
                CreatedAt = now.AddDays(-30),
                ScoringOpenedAt = now.AddDays(-20),
                ClosedAt = now.AddDays(-2),
                Version = Guid.NewGuid(),
            });
            rounds.Add(new EvaluationRound
            {
                CouncilId = councilIds[1],
                Name = ScoringRoundName,
                Year = 2026,
                Number = 2,
                Mode = RoundMode.Meeting,
                ScoringDeadline = DateOnly.FromDateTime(now.AddDays(20).Date),
                MeetingDate = DateOnly.FromDateTime(now.AddDays(25).Date),
                LegalDeadline = new DateOnly(2026, 12, 30),
                Status = RoundStatus.Scoring,
                CreatedAt = now.AddDays(-10),
                ScoringOpenedAt = now.AddDays(-3),
                Version = Guid.NewGuid(),
            });
        }

        var roundIds = await db.EvaluationRounds.AsNoTracking().OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(ct);
        using (var entries = context.Inserter<RoundEntry>())
        {
            for (var i = 0; i < dossiers.Count; i++)
            {
                entries.Add(new RoundEntry { RoundId = i < ClosedEntries ? roundIds[0] : roundIds[1], DossierId = dossiers[i].Id });
            }

            GenerationContext.Report("round entries", entries.Count);
        }

        var entryIds = await db.RoundEntries.AsNoTracking().OrderBy(e => e.Id).Select(e => e.Id).ToListAsync(ct);
        await db.Dossiers.Where(d => dossiers.Select(x => x.Id).Contains(d.Id))
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.Status, DossierStatus.InEvaluation), ct);

        using (var attendance = context.Inserter<RoundAttendance>())
        {
            attendance.AddRange(closedSeatIds.Select(s => new RoundAttendance { RoundId = roundIds[0], SeatId = s, Present = true }));
        }

        using (var declarations = context.Inserter<ConflictDeclaration>())
        {
            for (var i = 0; i < dossiers.Count; i++)
            {
                List<int> seats = i < ClosedEntries ? closedSeatIds : [scoringSeatIds[i - ClosedEntries]];
                List<GeneratedUser> people = i < ClosedEntries ? closedPeople : [scoringPeople[i - ClosedEntries]];
                for (var s = 0; s < seats.Count; s++)
                {
                    declarations.Add(new ConflictDeclaration
                    {
                        RoundEntryId = entryIds[i],
                        SeatId = seats[s],
                        Conflicted = false,
                        DeclaredAt = now.AddDays(i < ClosedEntries ? -19 : -2),
                        DeclaredByUserId = people[s].Id,
                    });
                }
            }

            GenerationContext.Report("conflict declarations", declarations.Count);
        }

        // Sheets first (their ids come back in insertion order), then their answers.
        var plans = new List<(ScoreSheet Sheet, List<ScoreSheetAnswer> Answers)>();
        for (var i = 0; i < dossiers.Count; i++)
        {
            var d = dossiers[i];
            var set = sets[d.CriteriaSetId];
            var closed = i < ClosedEntries;
            var baseTarget = Math.Clamp(d.TargetStars, 3, 4);
            var outlier = closed && f.Random.Bool(0.05f) ? f.Random.Int(0, ClosedSeats - 1) : -1;
            List<int> seats = closed ? closedSeatIds : [scoringSeatIds[i - ClosedEntries]];
            for (var s = 0; s < seats.Count; s++)
            {
                // Members differ a little (SampleSelfAssessment's wobble by variant); an outlier aims a star lower or higher.
                var target = s == outlier ? 7 - baseTarget : baseTarget;
                var answers = SampleSelfAssessment.Answers(set.Sheet, target, (i * ScoringSeats) + s)
                    .Select(a => new ScoreSheetAnswer { CriterionCode = a.CriterionCode, OptionId = a.OptionId, Comment = f.PickRandom(Comments) })
                    .ToList();
                var sheet = new ScoreSheet
                {
                    RoundEntryId = entryIds[i],
                    SeatId = seats[s],
                    Version = Guid.NewGuid(),
                    OverallComment = closed ? "Sản phẩm có tiềm năng; đề nghị hoàn thiện bao bì." : null,
                };
                if (closed)
                {
                    var result = MemberScoring.Evaluate(set.Set, set.Sheet, CouncilRounds.ToAnswers(new ScoreSheet { Answers = answers }));
                    sheet.Status = SheetStatus.Submitted;
                    sheet.Total = result.Score.Total;
                    sheet.Stars = result.Rating.Stars;
                    sheet.UpdatedAt = now.AddDays(-f.Random.Double(3, 15));
                    sheet.SubmittedAt = sheet.UpdatedAt;
                }
                else
                {
                    sheet.Status = SheetStatus.Draft;
                    sheet.UpdatedAt = now.AddHours(-f.Random.Double(1, 48));
                }

                plans.Add((sheet, answers));
            }
        }

        using (var sheets = context.Inserter<ScoreSheet>())
        {
            sheets.AddRange(plans.Select(p => p.Sheet));
            GenerationContext.Report("score sheets", sheets.Count);
        }

        var sheetIds = await db.ScoreSheets.AsNoTracking().OrderBy(s => s.Id).Select(s => s.Id).ToListAsync(ct);
        using (var answers = context.Inserter<ScoreSheetAnswer>())
        {
            for (var i = 0; i < plans.Count; i++)
            {
                foreach (var a in plans[i].Answers)
                {
                    a.SheetId = sheetIds[i];
                    answers.Add(a);
                }
            }

            // The issue's "score rows" target assumed every product of every round over the years; this is one round's worth.
            GenerationContext.Report("score sheet answers", answers.Count, context.Scale.ScoreRows);
        }

        var criteria = dossiers.Take(ClosedEntries).Select(d => sets[d.CriteriaSetId].Sheet.Criteria.Count(c => c.Options.Count > 0)).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {"criteria per sheet",-24} {criteria.Min(),5} – {criteria.Max()} (mean {criteria.Average():F1}); closed round {roundIds[0]}, scoring round {roundIds[1]}"));
    }

    /// <summary>Adds CouncilMember accounts until there are <paramref name="wanted"/>, after every generated account (earlier rows stay as they were).</summary>
    private void TopUp(GenerationContext context, List<GeneratedUser> members, int wanted)
    {
        if (members.Count >= wanted)
        {
            return;
        }

        var roleId = db.Roles.AsNoTracking().Where(r => r.Name == Roles.CouncilMember).Select(r => r.Id).Single();
        using var users = context.Inserter<AppUser>();
        using var memberships = context.Inserter<IdentityUserRole<string>>();
        var n = context.Users.Count;
        while (members.Count < wanted)
        {
            var person = VietnameseData.PersonName(context.Faker);
            IdentityGenerator.Add(context, users, memberships, roleId, Roles.CouncilMember,
                VietnameseData.Email(context.Faker, person, ++n, "ocop.gov.vn"), $"{person} (Hội đồng)", confirmed: true);
            members.Add(context.Users[^1]);
        }

        GenerationContext.Report("council accounts added", users.Count);
    }
}
