using OcopPortal.Web.Domain.Rating;
using OcopPortal.Web.Domain.Rules;

namespace OcopPortal.Tests.Domain;

/// <summary>
/// Hand-computed sheets for criteria set 7 ("Chế biến từ rau, củ, quả, hạt"), using the points and star marks of
/// the domain reference §3.4. Each sheet lists every one of the 32 criteria as code=points.
/// </summary>
public sealed class Set7WorkedExamplesTests
{
    private static readonly SheetDefinition Sheet = RuleFiles.Sheet(7);

    // Chị Lan's bánh pía (scenario S1). Group 1: 3+1+3+3+2+2+1=15; group 2: 3+3+1+1=8; group 3: 3+1+3+2+2=11 → A 34.
    // Group 4: 3+1+3=7; group 5: 2+2+3=7 → B 14. Group 6: 2+2+2+2+3=11; 7..11: 3+4+3+2+1=13 → C 24.
    private const string Lan =
        "1.1=3 1.2=1 1.3=3 1.4=3 1.5=2 1.6=2 1.7=1 2.1=3 2.2=3 2.3=1 2.4=1 3.1=3 3.2=1 3.3=3 3.4=2 3.5=2 " +
        "4.1=3 4.2=1 4.3=3 5.1=2 5.2=2 5.3=3 6.1=2 6.2=2 6.3=2 6.4=2 6.5=3 7=3 8=4 9=3 10=2 11=1";

    // Lan's sheet with the e-traceability code on the label (2.3=3) and the story in it (5.1=5): +2 +3 → 77 (A 36, B 17, C 24).
    private const string WithTraceability =
        "1.1=3 1.2=1 1.3=3 1.4=3 1.5=2 1.6=2 1.7=1 2.1=3 2.2=3 2.3=3 2.4=1 3.1=3 3.2=1 3.3=3 3.4=2 3.5=2 " +
        "4.1=3 4.2=1 4.3=3 5.1=5 5.2=2 5.3=3 6.1=2 6.2=2 6.3=2 6.4=2 6.5=3 7=3 8=4 9=3 10=2 11=1";

    // Simple packaging (2.2=1, below the 3★ mark of 2) and lower elsewhere: 72 -2 (2.2) -2 (1.3) -2 (1.4)
    // -2 (3.3) -2 (4.3) -2 (6.2) -1 (10) = 59 (A 11+6+9=26, B 5+7=12, C 9+12=21).
    private const string SimplePackaging =
        "1.1=3 1.2=1 1.3=1 1.4=1 1.5=2 1.6=2 1.7=1 2.1=3 2.2=1 2.3=1 2.4=1 3.1=3 3.2=1 3.3=1 3.4=2 3.5=2 " +
        "4.1=3 4.2=1 4.3=1 5.1=2 5.2=2 5.3=3 6.1=2 6.2=0 6.3=2 6.4=2 6.5=3 7=3 8=4 9=3 10=1 11=1";

    [Fact]
    public void Seventy_two_points_without_e_traceability_stays_at_3_stars_and_says_why()
    {
        var score = SheetScoring.Score(Sheet, Sheet.Answers(Lan));
        var rating = StarRating.Rate(StarBands.Qd26, score.Total, score.MinimumsMetUpTo, score.Eliminations.Count > 0, EvaluationLevel.Province);

        Assert.True(score.Complete);
        Assert.Equal(72m, score.Total);
        Assert.Equal((34m, 14m, 24m), (score.PartTotals["A"], score.PartTotals["B"], score.PartTotals["C"]));
        Assert.Equal(3, score.MinimumsMetUpTo);
        Assert.Equal(["2.3", "5.1"], score.Unmet.Where(u => u.Stars == 4).Select(u => u.Code));
        Assert.Equal((4, 3, RatingOutcome.Recognised), (rating.BandStars, rating.Stars, rating.Outcome));
        var why = RatingExplanation.Explain(rating, score.Total, score.Unmet, StarBands.Qd26);
        Assert.Equal("Đạt 3★ mà chưa đạt 4★ vì tiêu chí 2.3, 5.1 chưa đạt mức tối thiểu của hạng 4★.", why[0]);
        Assert.Contains("Tiêu chí 2.3 (Phong cách, ghi nhãn hàng hóa): 1 điểm, cần tối thiểu 3 điểm cho hạng 4★.", why);
        Assert.Contains("Tiêu chí 5.1 (Câu chuyện sản phẩm): 2 điểm, cần tối thiểu 5 điểm cho hạng 4★.", why);
    }

    [Fact]
    public void With_e_traceability_the_same_product_reaches_4_stars()
    {
        var score = SheetScoring.Score(Sheet, Sheet.Answers(WithTraceability));
        var rating = StarRating.Rate(StarBands.Qd26, score.Total, score.MinimumsMetUpTo, false, EvaluationLevel.Province);

        Assert.Equal(77m, score.Total);
        Assert.Equal(4, score.MinimumsMetUpTo); // 5★ marks (1.5=3, 4.1=5, 6.3..7 top) not met
        Assert.Equal((4, RatingOutcome.Recognised), (rating.Stars, rating.Outcome));
    }

    [Fact]
    public void Simple_packaging_misses_a_3_star_mark_so_59_points_are_not_recognised()
    {
        var score = SheetScoring.Score(Sheet, Sheet.Answers(SimplePackaging));
        var rating = StarRating.Rate(StarBands.Qd26, score.Total, score.MinimumsMetUpTo, false, EvaluationLevel.Province);

        Assert.Equal(59m, score.Total);
        Assert.Equal(0, score.MinimumsMetUpTo);
        Assert.Equal(["2.2"], score.Unmet.Where(u => u.Stars == 3).Select(u => u.Code));
        Assert.Equal((3, 0, RatingOutcome.NotRecognised), (rating.BandStars, rating.Stars, rating.Outcome));
    }

    [Fact]
    public void The_council_averages_the_three_sheets_and_checks_marks_on_the_consolidated_result()
    {
        var members = new[] { Lan, WithTraceability, SimplePackaging }.Select(s => SheetScoring.Score(Sheet, Sheet.Answers(s))).ToList();

        var council = CouncilAggregation.Aggregate(Sheet, members, StarBands.Qd26, ConsolidationMethod.MeanRoundedDown, 10m, EvaluationLevel.Province);

        Assert.Equal(69.33m, council.Mean); // (72 + 77 + 59) / 3 = 69.333…
        Assert.Equal((59m, 77m, 18m, true), (council.Min, council.Max, council.Spread, council.SpreadExceeded));
        Assert.Equal(2, council.ConsolidatedPoints["2.2"]); // (3 + 3 + 1) / 3 = 2.33 → option 2: the 3★ mark holds
        Assert.Equal(1, council.ConsolidatedPoints["2.3"]); // (1 + 3 + 1) / 3 = 1.67 → option 1
        Assert.Equal((3, RatingOutcome.Recognised), (council.Rating.Stars, council.Rating.Outcome));
        Assert.Equal((32m, 14.33m, 23m), (council.PartMeans["A"], council.PartMeans["B"], council.PartMeans["C"])); // (34+36+26)/3, (14+17+12)/3, (24+24+21)/3
    }

    [Fact]
    public void Median_consolidation_takes_the_middle_member()
    {
        var members = new[] { Lan, WithTraceability, SimplePackaging }.Select(s => SheetScoring.Score(Sheet, Sheet.Answers(s))).ToList();

        var council = CouncilAggregation.Aggregate(Sheet, members, StarBands.Qd26, ConsolidationMethod.Median, 10m, EvaluationLevel.Province);

        Assert.Equal(3, council.ConsolidatedPoints["2.2"]); // 1, 3, 3 → 3
        Assert.Equal(2, council.ConsolidatedPoints["5.1"]); // 2, 2, 5 → 2
    }

    [Fact]
    public void A_knock_out_on_most_sheets_eliminates_the_product()
    {
        var knocked = Sheet.Answers(WithTraceability);
        knocked.Knockouts.Add("Hồ sơ giả mạo");
        var members = new[] { SheetScoring.Score(Sheet, knocked), SheetScoring.Score(Sheet, knocked), SheetScoring.Score(Sheet, Sheet.Answers(WithTraceability)) };

        var council = CouncilAggregation.Aggregate(Sheet, members, StarBands.Qd26, ConsolidationMethod.MeanRoundedDown, 10m, EvaluationLevel.Province);

        Assert.Equal(77m, council.Mean);
        Assert.Equal((0, RatingOutcome.NotRecognised, true), (council.Rating.Stars, council.Rating.Outcome, council.Rating.Eliminated));
    }

    [Fact]
    public void A_conditional_criterion_that_does_not_apply_is_not_missing()
    {
        var answers = Sheet.Answers(Lan);
        answers.Choices.Remove("5.2");
        answers.NotApplicable.Add("5.2");

        var score = SheetScoring.Score(Sheet, answers);

        Assert.True(score.Complete);
        Assert.Equal(70m, score.Total);
    }
}
