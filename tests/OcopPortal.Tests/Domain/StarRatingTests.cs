using OcopPortal.Web.Domain.Rating;
using OcopPortal.Web.Domain.Rules;

namespace OcopPortal.Tests.Domain;

public sealed class StarRatingTests
{
    private static readonly StarBands Bands = StarBands.Qd26;

    [Theory]
    [InlineData("0", 1)]
    [InlineData("29.99", 1)]
    [InlineData("30", 2)]
    [InlineData("49.99", 2)]
    [InlineData("50", 3)]
    [InlineData("69.99", 3)]
    [InlineData("70", 4)]
    [InlineData("89.99", 4)]
    [InlineData("90", 5)]
    [InlineData("100", 5)]
    public void Bands_are_half_open(string total, int stars)
    {
        var rating = StarRating.Rate(Bands, decimal.Parse(total, System.Globalization.CultureInfo.InvariantCulture), 5, false, EvaluationLevel.Ministry);

        Assert.Equal(stars, rating.Stars);
        Assert.Equal(stars >= 3 ? RatingOutcome.Recognised : RatingOutcome.NotRecognised, rating.Outcome);
    }

    [Theory]
    [InlineData(50, 3, CertifyingLevel.Province)]
    [InlineData(70, 4, CertifyingLevel.Province)]
    [InlineData(89.99, 4, CertifyingLevel.Province)]
    public void The_province_certifies_3_and_4_stars(decimal total, int stars, CertifyingLevel by)
    {
        var rating = StarRating.Rate(Bands, total, 5, false, EvaluationLevel.Province);

        Assert.Equal((stars, RatingOutcome.Recognised, by), (rating.Stars, rating.Outcome, rating.CertifiedBy));
    }

    [Fact]
    public void Ninety_at_the_province_is_potential_five_stars_for_the_ministry()
    {
        var province = StarRating.Rate(Bands, 90m, 5, false, EvaluationLevel.Province);
        var ministry = StarRating.Rate(Bands, 90m, 5, false, EvaluationLevel.Ministry);

        Assert.Equal((5, RatingOutcome.PotentialFiveStar, CertifyingLevel.Ministry), (province.Stars, province.Outcome, province.CertifiedBy));
        Assert.Equal((5, RatingOutcome.Recognised, CertifyingLevel.Ministry), (ministry.Stars, ministry.Outcome, ministry.CertifiedBy));
    }

    [Fact]
    public void Ninety_five_with_a_5_star_mark_unmet_is_4_stars_at_the_province()
    {
        var rating = StarRating.Rate(Bands, 95m, 4, false, EvaluationLevel.Province);

        Assert.Equal((4, RatingOutcome.Recognised, true), (rating.Stars, rating.Outcome, rating.CappedByMinimums));
    }

    [Fact]
    public void Eighty_five_with_one_4_star_mark_unmet_is_3_stars()
    {
        var rating = StarRating.Rate(Bands, 85m, 3, false, EvaluationLevel.Province);

        Assert.Equal((4, 3, RatingOutcome.Recognised), (rating.BandStars, rating.Stars, rating.Outcome));
    }

    [Fact]
    public void Seventy_two_with_a_3_star_mark_unmet_is_not_recognised()
    {
        var rating = StarRating.Rate(Bands, 72m, 0, false, EvaluationLevel.Province);

        Assert.Equal((0, RatingOutcome.NotRecognised, CertifyingLevel.None), (rating.Stars, rating.Outcome, rating.CertifiedBy));
    }

    [Theory]
    [InlineData(100)]
    [InlineData(75)]
    [InlineData(50)]
    public void A_knock_out_is_not_recognised_whatever_the_points(decimal total)
    {
        var rating = StarRating.Rate(Bands, total, 5, eliminated: true, EvaluationLevel.Province);

        Assert.Equal((0, RatingOutcome.NotRecognised), (rating.Stars, rating.Outcome));
    }

    [Fact]
    public void Legacy_rules_had_the_district_certify_3_stars()
    {
        var qd148 = StarBands.Of(OcopPortal.Web.Data.Seed.RuleSetCatalog.Qd148());

        Assert.Equal(CertifyingLevel.District, StarRating.Rate(qd148, 60m, 5, false, EvaluationLevel.Province).CertifiedBy);
        Assert.Equal(CertifyingLevel.Province, StarRating.Rate(qd148, 75m, 5, false, EvaluationLevel.Province).CertifiedBy);
    }

    [Theory]
    [InlineData("69.994", "69.99")]
    [InlineData("69.995", "70.00")]
    [InlineData("66.666666", "66.67")]
    public void Council_means_are_rounded_to_two_decimals_half_away_from_zero(string raw, string rounded) =>
        Assert.Equal(decimal.Parse(rounded, System.Globalization.CultureInfo.InvariantCulture),
            CouncilAggregation.Round(decimal.Parse(raw, System.Globalization.CultureInfo.InvariantCulture)));
}
