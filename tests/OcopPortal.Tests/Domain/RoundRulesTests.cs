using OcopPortal.Web.Domain.Councils;
using OcopPortal.Web.Domain.Rating;
using OcopPortal.Web.Domain.Rules;

namespace OcopPortal.Tests.Domain;

/// <summary>The council's result for one product, checked against hand-computed examples.</summary>
public sealed class RoundRulesTests
{
    // A three-criterion sheet (one per part) is enough: the aggregation reads the members' totals and points.
    private static readonly SheetDefinition Sheet = new(99, "Bộ thử", [
        new("1.1", "Tổ chức sản xuất", 40, "A", "1", [new(1, "Thấp", 0, null), new(2, "Đạt", 10, 3), new(3, "Tốt", 40, 4)]),
        new("4.1", "Chất lượng", 25, "B", "4", [new(4, "Thấp", 0, null), new(5, "Đạt", 10, 3), new(6, "Tốt", 25, null)]),
        new("6.1", "Thị trường", 35, "C", "6", [new(7, "Thấp", 0, null), new(8, "Đạt", 10, 3), new(9, "Tốt", 35, 5)]),
    ], new Dictionary<string, int> { ["A"] = 40, ["B"] = 25, ["C"] = 35 });

    private static readonly StarBands Bands = StarBands.Qd26;

    /// <summary>A submitted sheet with <paramref name="total"/>; its criterion points meet every minimum up to 4★ (or all, for ≥ 90).</summary>
    private static SheetScore Sheet_(decimal total, bool knockout = false)
    {
        var points = new Dictionary<string, int> { ["1.1"] = 40, ["4.1"] = 10, ["6.1"] = total >= 90 ? 35 : 10 };
        var parts = new Dictionary<string, decimal> { ["A"] = total * 0.4m, ["B"] = total * 0.25m, ["C"] = total * 0.35m };
        return new SheetScore(total, parts, points, [], knockout ? ["Loại: nguyên liệu nhập khẩu"] : [], total >= 90 ? 5 : 4, []);
    }

    private static SeatForEntry Seat(int id, decimal? total, SeatRole role = SeatRole.Member, bool conflicted = false, bool present = true, bool knockout = false) =>
        new(id, role, conflicted, present, total is { } t ? Sheet_(t, knockout) : null);

    private static EntryOutcome Evaluate(IReadOnlyList<SeatForEntry> seats, bool closed = true, bool resolved = false, RoundMode mode = RoundMode.Meeting) =>
        RoundRules.Evaluate(Sheet, seats, Bands, ConsolidationMethod.MeanRoundedDown, 10m, mode, closed, resolved);

    [Fact]
    public void Three_members_mean_of_totals_rounded_to_two_decimals()
    {
        var outcome = Evaluate([Seat(1, 66m, SeatRole.Chair), Seat(2, 67m), Seat(3, 66.2m)]);

        Assert.Equal(EntryState.Ready, outcome.State);
        Assert.Equal(66.40m, outcome.Score!.Mean); // (66 + 67 + 66.2) / 3 = 66.4 → 3★ (S4's figure)
        Assert.Equal(3, outcome.Score.Rating.Stars);
        Assert.Equal(1m, outcome.Score.Spread);
        Assert.Equal("Đề nghị UBND tỉnh công nhận 3 sao", RoundRules.Proposal(outcome.Score));
    }

    [Fact]
    public void Five_members_one_conflicted_the_conflicted_sheet_is_out_of_the_mean_and_the_quorum()
    {
        SeatForEntry[] seats = [Seat(1, 70m, SeatRole.Chair), Seat(2, 72m), Seat(3, 74m), Seat(4, 76m), Seat(5, 99m, conflicted: true)];

        var outcome = Evaluate(seats);

        Assert.Equal((4, 4, 4), (outcome.Eligible, outcome.Submitted, outcome.Participating));
        Assert.Equal(73.00m, outcome.Score!.Mean);
        Assert.Equal(4, outcome.Score.Rating.Stars);
        Assert.Equal(76m, outcome.Score.Max);
    }

    [Theory]
    [InlineData("70", "79.5", false)]
    [InlineData("70", "80", false)]
    [InlineData("70", "80.5", true)]
    public void A_spread_above_ten_points_is_flagged_until_the_chair_resolves_it(string low, string high, bool flagged)
    {
        SeatForEntry[] seats = [Seat(1, decimal.Parse(low, System.Globalization.CultureInfo.InvariantCulture), SeatRole.Chair), Seat(2, decimal.Parse(high, System.Globalization.CultureInfo.InvariantCulture)), Seat(3, 75m)];

        Assert.Equal(flagged ? EntryState.SpreadFlagged : EntryState.Ready, Evaluate(seats).State);
        Assert.Equal(EntryState.Ready, Evaluate(seats, resolved: true).State);
    }

    [Theory]
    [InlineData("50", 3, RatingOutcome.Recognised)]
    [InlineData("49.99", 2, RatingOutcome.NotRecognised)]
    [InlineData("70", 4, RatingOutcome.Recognised)]
    [InlineData("90", 5, RatingOutcome.PotentialFiveStar)]
    public void Means_exactly_at_the_thresholds(string total, int stars, RatingOutcome outcome)
    {
        var t = decimal.Parse(total, System.Globalization.CultureInfo.InvariantCulture);
        var result = Evaluate([Seat(1, t, SeatRole.Chair), Seat(2, t), Seat(3, t)]).Score!;

        Assert.Equal((stars, outcome), (result.Rating.Stars, result.Rating.Outcome));
    }

    [Fact]
    public void Potential_five_stars_are_proposed_to_the_ministry()
    {
        var result = Evaluate([Seat(1, 92m, SeatRole.Chair), Seat(2, 90m), Seat(3, 91m)]).Score!;
        Assert.Equal("Đề nghị Bộ Nông nghiệp và Môi trường đánh giá, công nhận 5 sao", RoundRules.Proposal(result));
    }

    [Fact]
    public void Quorum_needs_three_quarters_of_the_eligible_members_and_the_chair()
    {
        // 4 eligible: 3 taking part is exactly 3/4.
        Assert.Equal(EntryState.Ready, Evaluate([Seat(1, 70m, SeatRole.Chair), Seat(2, 71m), Seat(3, 72m), Seat(4, null)]).State);
        Assert.Equal(EntryState.NoQuorum, Evaluate([Seat(1, 70m, SeatRole.Chair), Seat(2, 71m), Seat(3, null), Seat(4, null)]).State);
        // Submitted but absent from the meeting does not count; the chair must be present.
        Assert.Equal(EntryState.NoQuorum, Evaluate([Seat(1, 70m, SeatRole.Chair, present: false), Seat(2, 71m), Seat(3, 72m), Seat(4, 73m)]).State);
        // A conflicted chair is out of this product: the others decide.
        Assert.Equal(EntryState.Ready, Evaluate([Seat(1, null, SeatRole.Chair, conflicted: true), Seat(2, 71m), Seat(3, 72m), Seat(4, 73m)]).State);
        // Invited experts neither vote nor count.
        Assert.Equal(3, Evaluate([Seat(1, 70m, SeatRole.Chair), Seat(2, 71m), Seat(3, 72m), Seat(9, null, SeatRole.InvitedExpert)]).Eligible);
    }

    [Fact]
    public void While_scoring_is_open_the_result_waits_for_every_eligible_sheet()
    {
        SeatForEntry[] threeOfFour = [Seat(1, 70m, SeatRole.Chair), Seat(2, 71m), Seat(3, 72m), Seat(4, null)];
        Assert.Equal(EntryState.AwaitingSheets, Evaluate(threeOfFour, closed: false).State);
        Assert.Equal(EntryState.Ready, Evaluate(threeOfFour, closed: true).State); // the chair closed with quorum: 3 of 4

        SeatForEntry[] twoOfThree = [Seat(1, 70m, SeatRole.Chair), Seat(2, 71m), Seat(3, null)];
        Assert.Equal(EntryState.NoQuorum, Evaluate(twoOfThree, closed: true).State); // 2 of 3 is under 3/4
    }

    [Fact]
    public void Written_opinion_rounds_count_the_opinions_received_no_meeting_needed()
    {
        SeatForEntry[] seats = [Seat(1, 70m, SeatRole.Chair, present: false), Seat(2, 71m, present: false), Seat(3, 72m, present: false), Seat(4, 73m, present: false)];
        Assert.Equal(EntryState.Ready, Evaluate(seats, mode: RoundMode.WrittenOpinion).State);
    }

    [Fact]
    public void A_majority_of_knock_outs_means_not_recognised_whatever_the_points()
    {
        var result = Evaluate([Seat(1, 85m, SeatRole.Chair, knockout: true), Seat(2, 86m, knockout: true), Seat(3, 87m)]).Score!;

        Assert.Equal(0, result.Rating.Stars);
        Assert.Equal("Không công nhận (bị loại)", RoundRules.Proposal(result));
    }
}
