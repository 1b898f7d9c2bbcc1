using OcopPortal.Web.Domain.Rules;

namespace OcopPortal.Web.Domain.Rating;

/// <summary>The council's result for one product from its voting, non-conflicted members' sheets.</summary>
public sealed record CouncilScore(
    decimal Mean,
    decimal Min,
    decimal Max,
    decimal Spread,
    bool SpreadExceeded,
    IReadOnlyDictionary<string, decimal> PartMeans,
    IReadOnlyDictionary<string, int> ConsolidatedPoints,
    IReadOnlyList<UnmetMinimum> Unmet,
    StarRating Rating);

public static class CouncilAggregation
{
    /// <summary>
    /// Mean of the members' totals ("tổng điểm trung bình"), rounded to 2 decimals half away from zero; the band
    /// is read from that rounded mean, so the number in the minutes and the star always agree. Star minimums are
    /// checked on the consolidated per-criterion result (<see cref="ConsolidationMethod"/>). The product is
    /// eliminated when more than half of the sheets record a knock-out or stop.
    /// </summary>
    public static CouncilScore Aggregate(SheetDefinition sheet, IReadOnlyList<SheetScore> members, StarBands bands,
        ConsolidationMethod method, decimal maxSpread, EvaluationLevel level)
    {
        if (members.Count == 0)
        {
            throw new ArgumentException("A council result needs at least one submitted sheet.", nameof(members));
        }

        var totals = members.Select(m => m.Total).ToList();
        var mean = Round(totals.Average());
        var parts = sheet.PartMax.Keys.ToDictionary(p => p, p => Round(members.Average(m => m.PartTotals[p])));
        var consolidated = sheet.Criteria.ToDictionary(c => c.Code, c => Consolidate(c, members.Select(m => m.Points[c.Code]).ToList(), method));
        var (metUpTo, unmet) = StarMinimums.Check(sheet, consolidated);
        var eliminated = members.Count(m => m.Eliminations.Count > 0) * 2 > members.Count;
        var spread = totals.Max() - totals.Min();
        var rating = StarRating.Rate(bands, mean, metUpTo, eliminated, level);
        return new CouncilScore(mean, totals.Min(), totals.Max(), spread, spread > maxSpread, parts, consolidated, unmet, rating);
    }

    public static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    /// <summary>One criterion's council result, always the points of an option that exists on the sheet.</summary>
    public static int Consolidate(CriterionDef criterion, IReadOnlyList<int> memberPoints, ConsolidationMethod method)
    {
        if (method == ConsolidationMethod.Median)
        {
            var sorted = memberPoints.Order().ToList();
            return sorted[(sorted.Count - 1) / 2];
        }

        var mean = memberPoints.Average(p => (decimal)p);
        var atOrBelow = criterion.Options.Select(o => o.Points).Where(p => p <= mean).ToList();
        return atOrBelow.Count > 0 ? atOrBelow.Max() : memberPoints.Min();
    }
}
