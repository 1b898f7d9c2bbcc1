using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain.Councils;
using OcopPortal.Web.Domain.Dossiers;
using OcopPortal.Web.Domain.Producers;
using OcopPortal.Web.Domain.Rating;
using OcopPortal.Web.Domain.Rules;
using OcopPortal.Web.Features.Dossiers;

namespace OcopPortal.Web.Features.Councils;

/// <summary>A product in a round as lists show it.</summary>
public sealed record EntryRow(int EntryId, int DossierId, string? Number, string Product, string Producer, int CriteriaSetNumber, int CriteriaSetId, DossierKind Kind);

/// <summary>One entry's result as the council (and only the council, after close) sees it.</summary>
public sealed record EntryResult(EntryRow Entry, EntryOutcome Outcome, IReadOnlyList<(CouncilSeat Seat, ScoreSheet? Sheet, bool Conflicted)> Seats);

/// <summary>
/// The questions every council screen asks: which seat the user holds in a round, which products they are
/// conflicted on (those are invisible to them everywhere: lists, progress, results, exports), and the results of a
/// round computed from the submitted sheets by <see cref="RoundRules"/>.
/// </summary>
public sealed class CouncilRounds(OcopDbContext db)
{
    public Task<CouncilSeat?> SeatAsync(ClaimsPrincipal user, EvaluationRound round, CancellationToken ct)
    {
        var userId = DossierAccess.UserId(user);
        return db.CouncilSeats.AsNoTracking().SingleOrDefaultAsync(s => s.CouncilId == round.CouncilId && s.UserId == userId, ct);
    }

    /// <summary>Entry ids of the round the seat declared (or the Office marked) a conflict on.</summary>
    public async Task<HashSet<int>> ConflictedEntriesAsync(int roundId, int seatId, CancellationToken ct) =>
        (await (from c in db.ConflictDeclarations
                join e in db.RoundEntries on c.RoundEntryId equals e.Id
                where e.RoundId == roundId && c.SeatId == seatId && c.Conflicted
                select c.RoundEntryId).ToListAsync(ct)).ToHashSet();

    public Task<List<EntryRow>> EntriesAsync(int roundId, CancellationToken ct) =>
        (from e in db.RoundEntries
         join d in db.Dossiers on e.DossierId equals d.Id
         join p in db.Set<Product>() on d.ProductId equals p.Id
         join pr in db.Set<Producer>() on d.ProducerId equals pr.Id
         join cs in db.CriteriaSets on d.CriteriaSetId equals cs.Id
         where e.RoundId == roundId
         orderby p.Name
         select new EntryRow(e.Id, d.Id, d.Number, p.Name, pr.Name, cs.Number, cs.Id, d.Kind)).ToListAsync(ct);

    /// <summary>
    /// The round's results, entry by entry, leaving out <paramref name="hideFor"/>'s conflicted entries entirely.
    /// Sheets are scored again from their answers by the engine (the stored totals are for lists only).
    /// </summary>
    public async Task<List<EntryResult>> ResultsAsync(EvaluationRound round, int? hideFor, CancellationToken ct)
    {
        var seats = await db.CouncilSeats.AsNoTracking().Where(s => s.CouncilId == round.CouncilId).OrderBy(s => s.SortOrder).ToListAsync(ct);
        var entries = await EntriesAsync(round.Id, ct);
        var entryIds = entries.Select(e => e.EntryId).ToList();
        // Looked up by (entry, seat) below: a scan per cell was entries × seats × sheets (300 × 9 × 2,700 for a full round).
        var conflicts = (await db.ConflictDeclarations.AsNoTracking().Where(c => entryIds.Contains(c.RoundEntryId) && c.Conflicted)
            .Select(c => new { c.RoundEntryId, c.SeatId }).ToListAsync(ct)).Select(c => (c.RoundEntryId, c.SeatId)).ToHashSet();
        var sheets = (await db.ScoreSheets.AsNoTracking().Include(s => s.Answers).Where(s => entryIds.Contains(s.RoundEntryId)).ToListAsync(ct))
            .ToDictionary(s => (s.RoundEntryId, s.SeatId));
        var present = (await db.RoundAttendance.AsNoTracking().Where(a => a.RoundId == round.Id && a.Present).Select(a => a.SeatId).ToListAsync(ct)).ToHashSet();
        var justified = (await db.RoundEntries.AsNoTracking().Where(e => e.RoundId == round.Id && e.SpreadJustification != null).Select(e => e.Id).ToListAsync(ct)).ToHashSet();
        var sets = new Dictionary<int, (CriteriaSet Set, SheetDefinition Sheet)>();
        var results = new List<EntryResult>();
        foreach (var entry in entries)
        {
            if (hideFor is { } viewer && conflicts.Contains((entry.EntryId, viewer)))
            {
                continue;
            }

            if (!sets.TryGetValue(entry.CriteriaSetId, out var loaded))
            {
                var set = await db.CriteriaSets.AsNoTracking().AsSplitQuery().Include(s => s.RuleSet).Include(s => s.Nodes).ThenInclude(n => n.Options)
                    .SingleAsync(s => s.Id == entry.CriteriaSetId, ct);
                loaded = (set, SheetDefinition.From(set));
                sets[entry.CriteriaSetId] = loaded;
            }

            var rows = seats.Select(seat =>
            {
                var sheet = sheets.GetValueOrDefault((entry.EntryId, seat.Id));
                return (seat, sheet, conflicts.Contains((entry.EntryId, seat.Id)));
            }).ToList();
            var forRules = rows.Select(r => new SeatForEntry(r.seat.Id, r.seat.Role, r.Item3, present.Contains(r.seat.Id),
                r.sheet is { Status: SheetStatus.Submitted } s ? SheetScoring.Score(loaded.Sheet, ToAnswers(s)) : null)).ToList();
            var rules = loaded.Set.RuleSet!;
            var outcome = RoundRules.Evaluate(loaded.Sheet, forRules, StarBands.Of(rules), rules.Consolidation, rules.MaxMemberSpread,
                round.Mode, round.Status >= RoundStatus.Closed, justified.Contains(entry.EntryId));
            results.Add(new EntryResult(entry, outcome, rows));
        }

        return results;
    }

    /// <summary>A stored sheet as the engine's answers (option ids are the keys of a sheet loaded from the database).</summary>
    public static SheetAnswers ToAnswers(ScoreSheet sheet)
    {
        var answers = new SheetAnswers();
        foreach (var a in sheet.Answers)
        {
            if (a.OptionId is { } option)
            {
                answers.Choose(a.CriterionCode, option);
            }

            if (a.NotApplicable)
            {
                answers.NotApplicable.Add(a.CriterionCode);
            }

            if (a.Eliminates)
            {
                answers.Knockouts.Add(a.CriterionCode);
            }
        }

        return answers;
    }
}

/// <summary>Freezing a council result on its entry at finalisation (the chair's action and the demo round alike).</summary>
public static class RoundResults
{
    public static void Freeze(RoundEntry entry, CouncilScore score, EntryOutcome outcome)
    {
        entry.ResultMean = score.Mean;
        entry.ResultStars = score.Rating.Stars;
        entry.ResultDetail = System.Text.Json.JsonSerializer.Serialize(new
        {
            score.Mean,
            score.Min,
            score.Max,
            score.Spread,
            score.PartMeans,
            score.ConsolidatedPoints,
            Stars = score.Rating.Stars,
            Outcome = score.Rating.Outcome.ToString(),
            Proposal = RoundRules.Proposal(score),
            outcome.Participating,
            outcome.Eligible,
        });
    }
}
