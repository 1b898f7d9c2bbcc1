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
/// <param name="MaxSpread">The rule set's limit on the difference between members' totals.</param>
public sealed record EntryResult(EntryRow Entry, EntryOutcome Outcome, IReadOnlyList<(CouncilSeat Seat, ScoreSheet? Sheet, bool Conflicted)> Seats, decimal MaxSpread)
{
    /// <summary>
    /// For a written-opinion round (re-evaluation): whether the council must meet on this product, i.e. the members'
    /// written totals differ by more than <see cref="MaxSpread"/> (the spread rule). Null while there is no
    /// council score to judge (sheets missing, no quorum) and for meeting rounds.
    /// </summary>
    public bool? MeetingNeeded(RoundMode mode) => mode == RoundMode.WrittenOpinion && Outcome.Score is { } score ? score.SpreadExceeded : null;
}

/// <summary>
/// The questions every council screen asks: which seat the user holds in a round, which products they are
/// conflicted on (those are invisible to them everywhere: lists, progress, results, exports), and the results of a
/// round computed from the submitted sheets by <see cref="RoundRules"/>.
/// </summary>
public sealed class CouncilRounds(OcopDbContext db, ScoringCache cache)
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

    public Task<List<EntryRow>> EntriesAsync(int roundId, CancellationToken ct) => EntriesAsync(roundId, null, ct);

    /// <summary>The round's products (or only <paramref name="onlyEntryId"/>), by product name.</summary>
    public Task<List<EntryRow>> EntriesAsync(int roundId, int? onlyEntryId, CancellationToken ct) =>
        (from e in db.RoundEntries
         join d in db.Dossiers on e.DossierId equals d.Id
         join p in db.Set<Product>() on d.ProductId equals p.Id
         join pr in db.Set<Producer>() on d.ProducerId equals pr.Id
         join cs in db.CriteriaSets on d.CriteriaSetId equals cs.Id
         where e.RoundId == roundId && (onlyEntryId == null || e.Id == onlyEntryId)
         orderby p.Name
         select new EntryRow(e.Id, d.Id, d.Number, p.Name, pr.Name, cs.Number, cs.Id, d.Kind)).ToListAsync(ct);

    /// <summary>
    /// The round's results, entry by entry, leaving out <paramref name="hideFor"/>'s conflicted entries entirely.
    /// Submitted sheets are scored by the engine from their answers (never from the stored totals), but each
    /// sheet version only once: scores are kept in <see cref="ScoringCache"/>, so a board reads the sheets' ids
    /// and versions and loads answers only for sheets it has not scored yet. The seats' sheets come without their
    /// answers unless <paramref name="withAnswers"/> (the workbook lists every answer).
    /// </summary>
    public Task<List<EntryResult>> ResultsAsync(EvaluationRound round, int? hideFor, CancellationToken ct) =>
        ResultsAsync(round, hideFor, withAnswers: false, onlyEntryId: null, ct);

    public async Task<List<EntryResult>> ResultsAsync(EvaluationRound round, int? hideFor, bool withAnswers, int? onlyEntryId, CancellationToken ct)
    {
        var seats = await db.CouncilSeats.AsNoTracking().Where(s => s.CouncilId == round.CouncilId).OrderBy(s => s.SortOrder).ToListAsync(ct);
        var entries = await EntriesAsync(round.Id, onlyEntryId, ct);
        var inRound = db.RoundEntries.Where(e => e.RoundId == round.Id && (onlyEntryId == null || e.Id == onlyEntryId));
        // Looked up by (entry, seat) below: a scan per cell was entries × seats × sheets (300 × 9 × 2,700 for a full round).
        var conflicts = (await (from c in db.ConflictDeclarations
                                join e in inRound on c.RoundEntryId equals e.Id
                                where c.Conflicted
                                select new { c.RoundEntryId, c.SeatId }).ToListAsync(ct)).Select(c => (c.RoundEntryId, c.SeatId)).ToHashSet();
        var sheetQuery = db.ScoreSheets.AsNoTracking().Where(s => inRound.Any(e => e.Id == s.RoundEntryId));
        var sheets = (withAnswers
                ? await sheetQuery.Include(s => s.Answers).AsSplitQuery().ToListAsync(ct)
                : await sheetQuery.Select(s => new ScoreSheet { Id = s.Id, RoundEntryId = s.RoundEntryId, SeatId = s.SeatId, Status = s.Status, Total = s.Total, Stars = s.Stars, Version = s.Version }).ToListAsync(ct))
            .ToDictionary(s => (s.RoundEntryId, s.SeatId));
        var present = (await db.RoundAttendance.AsNoTracking().Where(a => a.RoundId == round.Id && a.Present).Select(a => a.SeatId).ToListAsync(ct)).ToHashSet();
        var justified = (await inRound.Where(e => e.SpreadJustification != null).Select(e => e.Id).ToListAsync(ct)).ToHashSet();
        var sets = await cache.SetsAsync(db, entries.Select(e => e.CriteriaSetId).Distinct().ToList(), ct);
        var scores = await ScoresAsync(round.Id, sheets.Values, entries.ToDictionary(e => e.EntryId, e => sets[e.CriteriaSetId].Sheet), ct);
        // which sheet (id, version) each score is, to remember the council's aggregation of exactly those sheets
        var scoredBy = new Dictionary<SheetScore, (int, Guid)>(ReferenceEqualityComparer.Instance);
        foreach (var sheet in sheets.Values.Where(s => scores.ContainsKey(s.Id)))
        {
            scoredBy[scores[sheet.Id]] = (sheet.Id, sheet.Version);
        }

        var results = new List<EntryResult>();
        foreach (var entry in entries)
        {
            if (hideFor is { } viewer && conflicts.Contains((entry.EntryId, viewer)))
            {
                continue;
            }

            var loaded = sets[entry.CriteriaSetId];
            var rows = seats.Select(seat =>
            {
                var sheet = sheets.GetValueOrDefault((entry.EntryId, seat.Id));
                return (seat, sheet, conflicts.Contains((entry.EntryId, seat.Id)));
            }).ToList();
            var forRules = rows.Select(r => new SeatForEntry(r.seat.Id, r.seat.Role, r.Item3, present.Contains(r.seat.Id),
                r.sheet is { Status: SheetStatus.Submitted } s ? scores[s.Id] : null)).ToList();
            var rules = loaded.Rules;
            var bands = StarBands.Of(rules);
            var outcome = RoundRules.Evaluate(loaded.Sheet, forRules, bands, rules.Consolidation, rules.MaxMemberSpread,
                round.Mode, round.Status >= RoundStatus.Closed, justified.Contains(entry.EntryId),
                counted => cache.Aggregate(entry.CriteriaSetId, counted.Select(c => scoredBy[c]).ToList(),
                    () => CouncilAggregation.Aggregate(loaded.Sheet, counted, bands, rules.Consolidation, rules.MaxMemberSpread, EvaluationLevel.Province)));
            results.Add(new EntryResult(entry, outcome, rows, rules.MaxMemberSpread));
        }

        return results;
    }

    /// <summary>The engine's score of every submitted sheet, from the cache or from a lean read of the missing sheets' answers.</summary>
    private async Task<Dictionary<int, SheetScore>> ScoresAsync(int roundId, IEnumerable<ScoreSheet> sheets, Dictionary<int, SheetDefinition> definitions, CancellationToken ct)
    {
        var scores = new Dictionary<int, SheetScore>();
        var missing = new List<ScoreSheet>();
        foreach (var sheet in sheets.Where(s => s.Status == SheetStatus.Submitted))
        {
            if (sheet.Answers.Count == 0 && cache.TryGetScore(sheet.Id, sheet.Version, out var hit))
            {
                scores[sheet.Id] = hit!;
            }
            else
            {
                missing.Add(sheet);
            }
        }

        if (missing.Count == 0)
        {
            return scores;
        }

        var unloaded = missing.Where(s => s.Answers.Count == 0).Select(s => s.Id).ToList();
        var answers = new Dictionary<int, SheetAnswers>();
        if (unloaded.Count > 0)
        {
            // a few sheets (one resubmitted): by id; many (the first view of a round): the whole round in one pass
            var rows = unloaded.Count <= 200
                ? db.ScoreSheetAnswers.Where(a => unloaded.Contains(a.SheetId))
                : from a in db.ScoreSheetAnswers
                  join s in db.ScoreSheets on a.SheetId equals s.Id
                  join e in db.RoundEntries on s.RoundEntryId equals e.Id
                  where e.RoundId == roundId && s.Status == SheetStatus.Submitted
                  select a;
            await foreach (var a in rows.AsNoTracking().Select(a => new { a.SheetId, a.CriterionCode, a.OptionId, a.NotApplicable, a.Eliminates }).AsAsyncEnumerable().WithCancellation(ct))
            {
                if (!answers.TryGetValue(a.SheetId, out var sheetAnswers))
                {
                    answers[a.SheetId] = sheetAnswers = new SheetAnswers();
                }

                Add(sheetAnswers, a.CriterionCode, a.OptionId, a.NotApplicable, a.Eliminates);
            }
        }

        foreach (var sheet in missing)
        {
            var scored = SheetScoring.Score(definitions[sheet.RoundEntryId], sheet.Answers.Count > 0 ? ToAnswers(sheet) : answers.GetValueOrDefault(sheet.Id) ?? new SheetAnswers());
            cache.SetScore(sheet.Id, sheet.Version, scored);
            scores[sheet.Id] = scored;
        }

        return scores;
    }

    /// <summary>A stored sheet as the engine's answers (option ids are the keys of a sheet loaded from the database).</summary>
    public static SheetAnswers ToAnswers(ScoreSheet sheet)
    {
        var answers = new SheetAnswers();
        foreach (var a in sheet.Answers)
        {
            Add(answers, a.CriterionCode, a.OptionId, a.NotApplicable, a.Eliminates);
        }

        return answers;
    }

    private static void Add(SheetAnswers answers, string code, int? optionId, bool notApplicable, bool eliminates)
    {
        if (optionId is { } option)
        {
            answers.Choose(code, option);
        }

        if (notApplicable)
        {
            answers.NotApplicable.Add(code);
        }

        if (eliminates)
        {
            answers.Knockouts.Add(code);
        }
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
