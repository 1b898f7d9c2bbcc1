using OcopPortal.Web.Domain.Rating;
using OcopPortal.Web.Domain.Rules;

namespace OcopPortal.Web.Domain.Councils;

/// <summary>One seat as the result of one product sees it.</summary>
/// <param name="Present">At the meeting (meeting rounds); for written-opinion rounds, whether the opinion came in.</param>
/// <param name="Submitted">The seat's submitted sheet, scored; null when not submitted.</param>
public sealed record SeatForEntry(int SeatId, SeatRole Role, bool Conflicted, bool Present, SheetScore? Submitted)
{
    public bool Eligible => Role != SeatRole.InvitedExpert && !Conflicted;
}

public enum EntryState
{
    /// <summary>Eligible members have not all submitted and scoring is still open.</summary>
    AwaitingSheets,

    /// <summary>Fewer than 3/4 of the eligible members took part, or the chair was absent: no result (Quy chế).</summary>
    NoQuorum,

    /// <summary>Totals differ by more than the limit: the chair asks for re-scoring or records a justification.</summary>
    SpreadFlagged,

    /// <summary>A result the chair may finalise.</summary>
    Ready,
}

/// <summary>The council's result for one product, or why there is none yet.</summary>
public sealed record EntryOutcome(EntryState State, int Eligible, int Submitted, int Participating, CouncilScore? Score);

/// <summary>
/// The council's rules around the rating engine's aggregation (domain reference §3.6): conflicted members and
/// invited experts are out of the mean and the quorum; a result needs at least 3/4 of the eligible members and
/// the chair (unless the chair is the conflicted one); a spread above the limit is flagged for the chair.
/// </summary>
public static class RoundRules
{
    public static bool HasQuorum(int eligible, int participating, bool chairOk) =>
        eligible > 0 && participating * 4 >= eligible * 3 && chairOk;

    /// <param name="aggregate">
    /// Computes <see cref="CouncilAggregation.Aggregate"/> for the counted sheets with the same sheet, bands, method
    /// and limit (a caller may remember results); null: computed here.
    /// </param>
    public static EntryOutcome Evaluate(
        SheetDefinition sheet, IReadOnlyList<SeatForEntry> seats, StarBands bands, ConsolidationMethod method, decimal maxSpread,
        RoundMode mode, bool scoringClosed, bool spreadResolved,
        Func<IReadOnlyList<SheetScore>, CouncilScore>? aggregate = null)
    {
        var eligible = seats.Where(s => s.Eligible).ToList();
        var submitted = eligible.Where(s => s.Submitted is not null).ToList();
        // In a meeting round an absent member's sheet does not count; in a written-opinion round taking part is sending it.
        var participating = mode == RoundMode.Meeting ? submitted.Where(s => s.Present).ToList() : submitted;
        var chair = eligible.FirstOrDefault(s => s.Role == SeatRole.Chair);
        var chairOk = chair is null || (mode == RoundMode.Meeting ? chair.Present : true);

        if (!scoringClosed && submitted.Count < eligible.Count)
        {
            return new EntryOutcome(EntryState.AwaitingSheets, eligible.Count, submitted.Count, participating.Count, null);
        }

        if (!HasQuorum(eligible.Count, participating.Count, chairOk) || participating.Count == 0)
        {
            return new EntryOutcome(EntryState.NoQuorum, eligible.Count, submitted.Count, participating.Count, null);
        }

        var counted = participating.Select(s => s.Submitted!).ToList();
        var score = aggregate?.Invoke(counted) ?? CouncilAggregation.Aggregate(sheet, counted, bands, method, maxSpread, EvaluationLevel.Province);
        var state = score.SpreadExceeded && !spreadResolved ? EntryState.SpreadFlagged : EntryState.Ready;
        return new EntryOutcome(state, eligible.Count, submitted.Count, participating.Count, score);
    }

    /// <summary>What the council proposes from a result (QĐ 26/2026): potential 5★ goes to the ministry, 3★/4★ to the province, the rest is not recognised.</summary>
    public static string Proposal(CouncilScore score) => score.Rating switch
    {
        { Eliminated: true } => "Không công nhận (bị loại)",
        { Outcome: RatingOutcome.PotentialFiveStar } => "Đề nghị Bộ Nông nghiệp và Môi trường đánh giá, công nhận 5 sao",
        { Outcome: RatingOutcome.Recognised, Stars: var s } => $"Đề nghị UBND tỉnh công nhận {s} sao",
        _ => "Không công nhận (dưới 50 điểm hoặc chưa đạt mức tối thiểu 3 sao)",
    };
}
