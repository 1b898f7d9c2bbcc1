using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MiniExcelLibs;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain.AdminUnits;
using OcopPortal.Web.Domain.Councils;
using OcopPortal.Web.Domain.Rating;
using OcopPortal.Web.Domain.Rules;
using OcopPortal.Web.Infrastructure.Auth;
using OcopPortal.Web.Infrastructure.Pdf;
using OcopPortal.Web.Infrastructure.Web;

namespace OcopPortal.Web.Features.Councils;

/// <summary>
/// Who opens a round's official records: the round, its council and the viewer's seat on that council (null for
/// Office staff without a seat). A seat's conflicted products are left out of everything it is given.
/// </summary>
public sealed record RecordsGrant(EvaluationRound Round, Council Council, CouncilSeat? Seat);

/// <summary>A criteria set with its flattened sheet and the rule set's spread limit.</summary>
public sealed record LoadedSet(CriteriaSet Set, SheetDefinition Sheet)
{
    public RuleSet Rules => Set.RuleSet!;
}

/// <summary>Everything the minutes print, loaded once per request.</summary>
/// <param name="Results">The round's results without the viewer's conflicted products.</param>
/// <param name="Hidden">How many products were left out of this copy (the viewer's conflicts).</param>
/// <param name="ProvinceUnit">The portal's province as written in a sentence ("thành phố Cần Thơ").</param>
public sealed record MinutesData(
    EvaluationRound Round,
    Council Council,
    IReadOnlyList<CouncilSeat> Seats,
    IReadOnlySet<int> Present,
    IReadOnlyList<EntryResult> Results,
    IReadOnlyDictionary<int, string?> Justifications,
    IReadOnlyDictionary<int, LoadedSet> Sets,
    CouncilSeat? Viewer,
    int Hidden,
    string ProvinceUnit,
    string Place,
    DateOnly? ClosedOn,
    DateOnly? FinalisedOn);

/// <summary>One submitted scoring sheet with everything its printed form shows.</summary>
public sealed record SheetData(
    EvaluationRound Round,
    Council Council,
    EntryRow Entry,
    CouncilSeat Seat,
    ScoreSheet Sheet,
    LoadedSet Set,
    SheetScore Score,
    StarRating Rating,
    string ProvinceUnit,
    string Place,
    DateOnly? SubmittedOn);

/// <summary>
/// The official records of an evaluation round: the council's minutes (biên bản họp), each member's scoring sheet
/// (phiếu đánh giá, chấm điểm) and the detail/summary workbook. Minutes and workbook go to the Office and the round's
/// chair and secretary once scoring is closed; a sheet goes to its own member once submitted, and to the Office,
/// chair and secretary once scoring is closed. Nobody is given anything about a product they are conflicted on, and
/// everything else is a 404.
/// </summary>
public sealed partial class CouncilRecords(
    OcopDbContext db, CouncilRounds rounds, ScoringCache cache, PdfRenderer renderer, IOptions<PortalOptions> portal, TimeProvider clock)
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public const string DetailSheetName = "Chi tiết";

    public const string SummarySheetName = "Tổng hợp";

    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    // ---------------------------------------------------------------- access

    /// <summary>
    /// The grant to a round's minutes and workbook, or null (404): the round must be closed or finalised, and the
    /// viewer Office staff or the chair or secretary of the round's council.
    /// </summary>
    public async Task<RecordsGrant?> RecordsAsync(ClaimsPrincipal user, int roundId, CancellationToken ct)
    {
        var round = await db.EvaluationRounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null || round.Status < RoundStatus.Closed)
        {
            return null;
        }

        var seat = await rounds.SeatAsync(user, round, ct);
        var allowed = user.IsInRole(Roles.Office) || seat?.Role is SeatRole.Chair or SeatRole.Secretary;
        if (!allowed)
        {
            return null;
        }

        var council = await db.Councils.AsNoTracking().SingleAsync(c => c.Id == round.CouncilId, ct);
        return new RecordsGrant(round, council, seat);
    }

    /// <summary>
    /// One member's submitted sheet, or null (404): the sheet's own member may print it once submitted; the Office
    /// and the council's chair and secretary once scoring is closed; nobody conflicted on the product, ever.
    /// </summary>
    public async Task<SheetData?> SheetAsync(ClaimsPrincipal user, int roundId, int entryId, int seatId, CancellationToken ct)
    {
        var round = await db.EvaluationRounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null)
        {
            return null;
        }

        var entry = (await rounds.EntriesAsync(round.Id, ct)).SingleOrDefault(e => e.EntryId == entryId);
        var seat = await db.CouncilSeats.AsNoTracking().SingleOrDefaultAsync(s => s.Id == seatId && s.CouncilId == round.CouncilId, ct);
        var sheet = await db.ScoreSheets.AsNoTracking().Include(s => s.Answers)
            .SingleOrDefaultAsync(s => s.RoundEntryId == entryId && s.SeatId == seatId && s.Status == SheetStatus.Submitted, ct);
        if (entry is null || seat is null || sheet is null)
        {
            return null;
        }

        var viewer = await rounds.SeatAsync(user, round, ct);
        if (viewer is not null && (await rounds.ConflictedEntriesAsync(round.Id, viewer.Id, ct)).Contains(entryId))
        {
            return null;
        }

        var own = viewer is not null && viewer.Id == seat.Id;
        var official = round.Status >= RoundStatus.Closed
            && (user.IsInRole(Roles.Office) || viewer?.Role is SeatRole.Chair or SeatRole.Secretary);
        if (!own && !official)
        {
            return null;
        }

        var council = await db.Councils.AsNoTracking().SingleAsync(c => c.Id == round.CouncilId, ct);
        var set = (await LoadSetsAsync([entry.CriteriaSetId], ct))[entry.CriteriaSetId];
        var score = SheetScoring.Score(set.Sheet, CouncilRounds.ToAnswers(sheet));
        var rating = StarRating.Rate(StarBands.Of(set.Rules), score.Total, score.MinimumsMetUpTo, score.Eliminations.Count > 0, EvaluationLevel.Province);
        return new SheetData(round, council, entry, seat, sheet, set, score, rating, await ProvinceUnitAsync(ct), portal.Value.ProvinceName,
            sheet.SubmittedAt is { } at ? LocalDate(at) : null);
    }

    // ---------------------------------------------------------------- documents

    public async Task<byte[]> MinutesAsync(RecordsGrant grant, CancellationToken ct)
    {
        var data = await LoadMinutesAsync(grant, ct);
        return renderer.Render(b => Minutes(b, data));
    }

    public byte[] SheetPdf(SheetData data) => renderer.Render(b => ScoringSheet(b, data));

    public async Task<MinutesData> LoadMinutesAsync(RecordsGrant grant, CancellationToken ct)
    {
        var round = grant.Round;
        var results = await rounds.ResultsAsync(round, grant.Seat?.Id, ct);
        var hidden = grant.Seat is { } viewer ? (await rounds.ConflictedEntriesAsync(round.Id, viewer.Id, ct)).Count : 0;
        var seats = await db.CouncilSeats.AsNoTracking().Where(s => s.CouncilId == round.CouncilId)
            .OrderBy(s => s.SortOrder).ThenBy(s => s.Id).ToListAsync(ct);
        var present = (await db.RoundAttendance.AsNoTracking().Where(a => a.RoundId == round.Id && a.Present)
            .Select(a => a.SeatId).ToListAsync(ct)).ToHashSet();
        var justifications = await db.RoundEntries.AsNoTracking().Where(e => e.RoundId == round.Id)
            .ToDictionaryAsync(e => e.Id, e => e.SpreadJustification, ct);
        var sets = await LoadSetsAsync(results.Select(r => r.Entry.CriteriaSetId).Distinct().ToList(), ct);
        return new MinutesData(round, grant.Council, seats, present, results, justifications, sets, grant.Seat, hidden,
            await ProvinceUnitAsync(ct), portal.Value.ProvinceName,
            round.ClosedAt is { } closed ? LocalDate(closed) : null, round.FinalisedAt is { } finalised ? LocalDate(finalised) : null);
    }

    // ---------------------------------------------------------------- workbook

    /// <summary>
    /// Writes the round's workbook to a temporary file (deleted when the returned stream is closed) and returns it
    /// rewound: rows are produced one at a time while MiniExcel writes them, nothing is built up as one string.
    /// </summary>
    public async Task<Stream> ExportAsync(RecordsGrant grant, CancellationToken ct)
    {
        var round = grant.Round;
        var results = await rounds.ResultsAsync(round, grant.Seat?.Id, withAnswers: true, onlyEntryId: null, ct);
        var sets = await LoadSetsAsync(results.Select(r => r.Entry.CriteriaSetId).Distinct().ToList(), ct);
        var present = (await db.RoundAttendance.AsNoTracking().Where(a => a.RoundId == round.Id && a.Present)
            .Select(a => a.SeatId).ToListAsync(ct)).ToHashSet();
        var justifications = await db.RoundEntries.AsNoTracking().Where(e => e.RoundId == round.Id)
            .ToDictionaryAsync(e => e.Id, e => e.SpreadJustification, ct);

        var path = Path.Combine(Path.GetTempPath(), $"ocop-export-{Guid.NewGuid():N}.xlsx");
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            var sheets = new Dictionary<string, object>
            {
                [DetailSheetName] = DetailRows(round, results, sets, present),
                [SummarySheetName] = SummaryRows(round, results, sets, justifications),
            };
            await file.SaveAsAsync(sheets, cancellationToken: ct);
            file.Position = 0;
            return file;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    internal static IEnumerable<DetailRow> DetailRows(
        EvaluationRound round, IReadOnlyList<EntryResult> results, IReadOnlyDictionary<int, LoadedSet> sets, IReadOnlySet<int> present)
    {
        foreach (var result in results)
        {
            var entry = result.Entry;
            var sheet = sets[entry.CriteriaSetId].Sheet;
            foreach (var (seat, scored, conflicted) in result.Seats)
            {
                if (conflicted || !seat.Votes || scored is not { Status: SheetStatus.Submitted })
                {
                    continue;
                }

                var score = SheetScoring.Score(sheet, CouncilRounds.ToAnswers(scored));
                var counted = round.Mode == RoundMode.WrittenOpinion || present.Contains(seat.Id);
                var answers = scored.Answers.GroupBy(a => a.CriterionCode).ToDictionary(g => g.Key, g => g.First());
                foreach (var criterion in sheet.Criteria)
                {
                    answers.TryGetValue(criterion.Code, out var answer);
                    var option = answer?.OptionId is { } id ? criterion.Options.FirstOrDefault(o => o.Key == id) : null;
                    yield return new DetailRow
                    {
                        Round = round.Name,
                        DossierNumber = entry.Number ?? "",
                        Product = entry.Product,
                        Producer = entry.Producer,
                        CriteriaSet = $"Bộ số {entry.CriteriaSetNumber} – {sheet.Name}",
                        Member = seat.FullName,
                        Agency = seat.Agency,
                        Role = RoleTitle(seat.Role),
                        Counted = counted ? "Có" : "Không (vắng mặt)",
                        CriterionCode = criterion.Code,
                        CriterionName = criterion.Name,
                        Option = option?.Label ?? (answer?.OptionId is null ? "" : "(phương án không thuộc bộ tiêu chí)"),
                        Points = score.Points[criterion.Code],
                        MaxPoints = criterion.Max,
                        NotApplicable = answer?.NotApplicable == true ? "Có" : "",
                        Eliminates = answer?.Eliminates == true ? "Có" : "",
                        Comment = answer?.Comment ?? "",
                    };
                }
            }
        }
    }

    internal static IEnumerable<SummaryRow> SummaryRows(
        EvaluationRound round, IReadOnlyList<EntryResult> results, IReadOnlyDictionary<int, LoadedSet> sets,
        IReadOnlyDictionary<int, string?> justifications)
    {
        var number = 0;
        foreach (var result in results)
        {
            var (entry, outcome) = (result.Entry, result.Outcome);
            var set = sets[entry.CriteriaSetId];
            var score = outcome.Score;
            yield return new SummaryRow
            {
                No = ++number,
                Round = round.Name,
                DossierNumber = entry.Number ?? "",
                Product = entry.Product,
                Producer = entry.Producer,
                CriteriaSet = $"Bộ số {entry.CriteriaSetNumber} – {set.Sheet.Name}",
                ValidSheets = outcome.Participating,
                Mean = score?.Mean,
                Min = score?.Min,
                Max = score?.Max,
                Spread = score?.Spread,
                Stars = score is null ? "" : StarsText(score.Rating),
                Proposal = Proposal(outcome),
                Flags = string.Join("; ", Flags(outcome, set.Rules.MaxMemberSpread, justifications.GetValueOrDefault(entry.EntryId))),
            };
        }
    }

    // ---------------------------------------------------------------- shared

    public Task<Dictionary<int, LoadedSet>> LoadSetsAsync(IReadOnlyCollection<int> ids, CancellationToken ct) => cache.SetsAsync(db, ids, ct);

    private async Task<string> ProvinceUnitAsync(CancellationToken ct)
    {
        var code = portal.Value.ProvinceCode;
        var province = await db.Provinces.AsNoTracking().SingleOrDefaultAsync(p => p.Code == code, ct);
        return province is null ? $"tỉnh {portal.Value.ProvinceName}" : Unit(province);
    }

    /// <summary>"thành phố Cần Thơ" (the type of a centrally governed city is shortened), "tỉnh An Giang".</summary>
    private static string Unit(Province p) =>
        $"{(p.Type.StartsWith("thành phố", StringComparison.OrdinalIgnoreCase) ? "thành phố" : p.Type)} {p.Name}";

    private DateOnly LocalDate(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, clock.LocalTimeZone).Date);

    /// <summary>The council's proposal for one product, or why there is none.</summary>
    public static string Proposal(EntryOutcome outcome) => outcome switch
    {
        { Score: { } score } => RoundRules.Proposal(score),
        { State: EntryState.NoQuorum } => "Chưa có kết quả: không đủ số thành viên tham gia chấm điểm",
        _ => "Chưa có kết quả: còn thành viên chưa gửi phiếu",
    };

    /// <summary>The star as printed (the embedded font has no ★).</summary>
    public static string StarsText(StarRating rating) => rating switch
    {
        { Eliminated: true } => "Bị loại",
        { Outcome: RatingOutcome.PotentialFiveStar } => "Tiềm năng 5 sao",
        { Stars: >= 3 } => $"{rating.Stars} sao",
        { Stars: 1 or 2 } => $"Hạng {rating.Stars} sao",
        _ => "Chưa đạt 3 sao",
    };

    /// <summary>What the council should notice about a result: a spread over the limit (and its justification), capped stars, elimination, no quorum.</summary>
    public static IEnumerable<string> Flags(EntryOutcome outcome, decimal maxSpread, string? justification)
    {
        if (outcome.State == EntryState.NoQuorum)
        {
            yield return $"Không đủ số thành viên tham gia ({outcome.Participating}/{outcome.Eligible})";
        }

        if (outcome.Score is not { } score)
        {
            yield break;
        }

        if (score.SpreadExceeded)
        {
            yield return $"Chênh lệch {Num(score.Spread)} điểm, vượt mức {Num(maxSpread)} điểm"
                + (string.IsNullOrWhiteSpace(justification) ? "; Chủ tịch Hội đồng chưa giải trình" : $"; giải trình: {justification.Trim()}");
        }

        if (score.Rating.Eliminated)
        {
            yield return "Quá nửa số phiếu xác định trường hợp loại hoặc dừng đánh giá";
        }

        if (score.Rating.CappedByMinimums)
        {
            yield return $"Điểm đạt mức {score.Rating.BandStars} sao nhưng chưa đạt mức tối thiểu của tiêu chí "
                + string.Join(", ", score.Unmet.Where(u => u.Stars > score.Rating.Stars).Select(u => u.Code).Distinct());
        }
    }

    public static string RoleTitle(SeatRole role) => role switch
    {
        SeatRole.Chair => "Chủ tịch Hội đồng",
        SeatRole.Secretary => "Thành viên kiêm Thư ký",
        SeatRole.InvitedExpert => "Chuyên gia mời",
        _ => "Thành viên",
    };

    /// <summary>"66,40": two decimals with the Vietnamese decimal comma.</summary>
    public static string Mean(decimal value) => value.ToString("0.00", Vi);

    /// <summary>"66" or "66,5".</summary>
    public static string Num(decimal value) => value.ToString("0.##", Vi);

    /// <summary>ASCII download names: <c>bien-ban-dot-1-2026-r12.pdf</c>, <c>ket-qua-dot-1-2026-r12.xlsx</c>, <c>phieu-cham-r12-e3-s5.pdf</c>.</summary>
    public static string FileName(string kind, EvaluationRound round, string extension) =>
        string.Create(CultureInfo.InvariantCulture, $"{kind}-dot-{round.Number}-{round.Year}-r{round.Id}.{extension}");

    public static string SheetFileName(SheetData data) =>
        string.Create(CultureInfo.InvariantCulture, $"phieu-cham-r{data.Round.Id}-e{data.Entry.EntryId}-s{data.Seat.Id}.pdf");
}
