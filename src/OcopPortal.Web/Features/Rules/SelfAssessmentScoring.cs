using OcopPortal.Web.Domain.Rating;
using OcopPortal.Web.Domain.Rules;

namespace OcopPortal.Web.Features.Rules;

/// <summary>Self-assessment answers (criterion node id → option id) scored by the rating engine, for the rules page and dossiers alike.</summary>
public static class SelfAssessmentScoring
{
    public const string ForeignOptionMessage = "Phương án đã chọn không thuộc bộ tiêu chí này.";

    /// <summary>The engine's verdict, or null when an answer names a criterion or option that is not on this sheet.</summary>
    public static SelfAssessmentResult? Evaluate(CriteriaSet set, SelfAssessmentInput input)
    {
        var sheet = SheetDefinition.From(set);
        var answers = ToAnswers(set, sheet, input);
        if (answers is null)
        {
            return null;
        }

        var score = SheetScoring.Score(sheet, answers);
        var bands = StarBands.Of(set.RuleSet!);
        var rating = StarRating.Rate(bands, score.Total, score.MinimumsMetUpTo, false, EvaluationLevel.Province);
        return new SelfAssessmentResult(score, rating, RatingExplanation.Explain(rating, score.Total, score.Unmet, bands));
    }

    /// <summary>The answers keyed by criterion code, or null when one is foreign to the sheet.</summary>
    public static SheetAnswers? ToAnswers(CriteriaSet set, SheetDefinition sheet, SelfAssessmentInput input)
    {
        var leaves = LeavesById(set, sheet);
        var answers = new SheetAnswers();
        foreach (var (nodeId, optionId) in input.Choices)
        {
            if (!leaves.TryGetValue(nodeId, out var node) || node.Options.All(o => o.Id != optionId))
            {
                return null;
            }

            answers.Choose(node.Code, optionId);
        }

        foreach (var nodeId in input.NotApplicable.Where(leaves.ContainsKey))
        {
            answers.NotApplicable.Add(leaves[nodeId].Code);
        }

        return answers;
    }

    /// <summary>Scored leaf criteria of the set by node id.</summary>
    public static Dictionary<int, CriterionNode> LeavesById(CriteriaSet set, SheetDefinition sheet)
    {
        var codes = sheet.Criteria.Select(c => c.Code).ToHashSet();
        return set.Nodes.Where(n => codes.Contains(n.Code) && n.Options.Count > 0).ToDictionary(n => n.Id);
    }
}

/// <summary>The sheet's options as radio buttons (shared by the rules page, the dossier's Mẫu 02 and the council member's sheet).</summary>
/// <param name="EvidenceUrl">Where a criterion's evidence is (criterion code → link), or null.</param>
/// <param name="Extras">What a council member's sheet adds to each criterion, or null for a self-assessment.</param>
public sealed record CriteriaSheetForm(
    CriteriaSet Set, SelfAssessmentInput Input, bool Disabled = false, Func<string, string?>? EvidenceUrl = null, CriteriaSheetExtras? Extras = null);

/// <summary>
/// A council member's additions, by leaf node id: a comment per criterion, the knock-out / stop box where the
/// criterion has one, and (read-only) what the producer chose in the self-assessment.
/// </summary>
public sealed record CriteriaSheetExtras(
    IReadOnlyDictionary<int, string?> Comments, IReadOnlyCollection<int> Eliminates, IReadOnlyDictionary<int, string>? Reference);
