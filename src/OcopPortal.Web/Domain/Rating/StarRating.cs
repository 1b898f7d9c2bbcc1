using OcopPortal.Web.Domain.Rules;

namespace OcopPortal.Web.Domain.Rating;

/// <summary>Where the evaluation happens: the province (3★/4★, ≥ 90 is only "potential 5★") or the ministry (5★).</summary>
public enum EvaluationLevel
{
    Province = 0,
    Ministry = 1,
}

public enum RatingOutcome
{
    NotRecognised = 0,
    Recognised = 1,

    /// <summary>Tiềm năng 5 sao: scored ≥ 90 at the province with every 5★ mark met; the dossier goes to the ministry.</summary>
    PotentialFiveStar = 2,
}

/// <summary>The half-open bands and who certifies each level, taken from a <see cref="RuleSet"/>.</summary>
public sealed record StarBands(decimal FiveMin, decimal FourMin, decimal ThreeMin, decimal TwoMin,
    CertifyingLevel ThreeBy, CertifyingLevel FourBy, CertifyingLevel FiveBy)
{
    public static readonly StarBands Qd26 = new(90m, 70m, 50m, 30m, CertifyingLevel.Province, CertifyingLevel.Province, CertifyingLevel.Ministry);

    public static StarBands Of(RuleSet r) => new(r.FiveStarMin, r.FourStarMin, r.ThreeStarMin, r.TwoStarMin, r.ThreeStarBy, r.FourStarBy, r.FiveStarBy);

    public int Band(decimal total) => total >= FiveMin ? 5 : total >= FourMin ? 4 : total >= ThreeMin ? 3 : total >= TwoMin ? 2 : 1;

    public decimal MinFor(int stars) => stars switch { 5 => FiveMin, 4 => FourMin, 3 => ThreeMin, 2 => TwoMin, _ => 0m };

    public CertifyingLevel CertifiedBy(int stars) => stars switch { 5 => FiveBy, 4 => FourBy, 3 => ThreeBy, _ => CertifyingLevel.None };
}

/// <summary>
/// The star a total earns: the band of the total, capped at the highest level whose star-minimum marks are all
/// met; a knock-out or stop means not recognised whatever the points. 1★ and 2★ are ranks without recognition.
/// <see cref="Stars"/> is 0 when the band is 3★ or more but the product is eliminated or misses the 3★ marks.
/// </summary>
public sealed record StarRating(int BandStars, int Stars, RatingOutcome Outcome, CertifyingLevel CertifiedBy, bool Eliminated)
{
    public bool CappedByMinimums => !Eliminated && Stars < BandStars && BandStars >= 3;

    public static StarRating Rate(StarBands bands, decimal total, int minimumsMetUpTo, bool eliminated, EvaluationLevel level)
    {
        var band = bands.Band(total);
        var stars = band <= 2 ? band : eliminated ? 0 : Math.Min(band, minimumsMetUpTo);
        if (stars < 3)
        {
            return new StarRating(band, stars, RatingOutcome.NotRecognised, CertifyingLevel.None, eliminated);
        }

        var outcome = stars == 5 && level == EvaluationLevel.Province ? RatingOutcome.PotentialFiveStar : RatingOutcome.Recognised;
        return new StarRating(band, stars, outcome, bands.CertifiedBy(stars), eliminated);
    }
}
