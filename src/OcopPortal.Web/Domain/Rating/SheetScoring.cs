namespace OcopPortal.Web.Domain.Rating;

/// <summary>One person's answers on a sheet: a council member's, or the producer's self-assessment.</summary>
public sealed class SheetAnswers
{
    /// <summary>Criterion code → chosen option key (absent: not answered).</summary>
    public Dictionary<string, int> Choices { get; } = [];

    /// <summary>Conditional criteria that do not apply (e.g. 5.2 when there is no product story): they score 0 and are not "missing".</summary>
    public HashSet<string> NotApplicable { get; } = [];

    /// <summary>Knock-out grounds the scorer found (dossier-level texts or criterion codes).</summary>
    public List<string> Knockouts { get; } = [];

    /// <summary>Criteria whose stop-evaluation condition the scorer found (e.g. unsafe foreign matter).</summary>
    public List<string> Stops { get; } = [];

    public SheetAnswers Choose(string code, int optionKey)
    {
        Choices[code] = optionKey;
        return this;
    }
}

/// <summary>A criterion below the minimum a star level requires.</summary>
public sealed record UnmetMinimum(int Stars, string Code, string Name, int Required, int Actual);

/// <summary>One sheet scored: totals, what is missing, eliminations and how far the star minimums are met.</summary>
public sealed record SheetScore(
    decimal Total,
    IReadOnlyDictionary<string, decimal> PartTotals,
    IReadOnlyDictionary<string, int> Points,
    IReadOnlyList<string> Unanswered,
    IReadOnlyList<string> Eliminations,
    int MinimumsMetUpTo,
    IReadOnlyList<UnmetMinimum> Unmet)
{
    public bool Complete => Unanswered.Count == 0;
}

public static class SheetScoring
{
    public static SheetScore Score(SheetDefinition sheet, SheetAnswers answers)
    {
        var points = new Dictionary<string, int>();
        var unanswered = new List<string>();
        foreach (var c in sheet.Criteria)
        {
            if (answers.Choices.TryGetValue(c.Code, out var key) && c.Options.FirstOrDefault(o => o.Key == key) is { } option)
            {
                points[c.Code] = option.Points;
            }
            else
            {
                points[c.Code] = 0;
                if (!(c.Condition is not null && answers.NotApplicable.Contains(c.Code)))
                {
                    unanswered.Add(c.Code);
                }
            }
        }

        var eliminations = answers.Knockouts.Select(k => $"Loại: {k}")
            .Concat(answers.Stops.Select(s => $"Dừng đánh giá: tiêu chí {s}")).ToList();
        var parts = sheet.PartMax.Keys.ToDictionary(p => p, p => (decimal)sheet.Criteria.Where(c => c.Part == p).Sum(c => points[c.Code]));
        var (metUpTo, unmet) = StarMinimums.Check(sheet, points);
        return new SheetScore(parts.Values.Sum(), parts, points, unanswered, eliminations, metUpTo, unmet);
    }
}

public static class StarMinimums
{
    /// <summary>
    /// Checks the star-minimum marks against per-criterion points. The marks are cumulative (4★ requires the
    /// 3★ marks too). Returns the highest level whose marks are all met (0 when even the 3★ marks fail) and
    /// every unmet mark per level.
    /// </summary>
    public static (int MetUpTo, IReadOnlyList<UnmetMinimum> Unmet) Check(SheetDefinition sheet, IReadOnlyDictionary<string, int> points)
    {
        var unmet = new List<UnmetMinimum>();
        var metUpTo = 0;
        var stillMet = true;
        foreach (var stars in new[] { 3, 4, 5 })
        {
            foreach (var c in sheet.Criteria)
            {
                // report a criterion at the first level where it falls short, not again at each higher level
                if (c.RequiredFor(stars) is { } required && points[c.Code] < required
                    && !(c.RequiredFor(stars - 1) is { } lower && points[c.Code] < lower))
                {
                    unmet.Add(new UnmetMinimum(stars, c.Code, c.Name, required, points[c.Code]));
                }
            }

            stillMet &= unmet.All(u => u.Stars > stars);
            if (stillMet)
            {
                metUpTo = stars;
            }
        }

        return (metUpTo, unmet);
    }
}
