using OcopPortal.Web.Domain.Rules;

namespace OcopPortal.Web.Features.Rules;

/// <summary>Deep copy of a rule set's classification and criteria sets into a new (draft) rule set.</summary>
public static class RuleSetCopier
{
    public static void CopyContent(RuleSet source, RuleSet target)
    {
        target.PartAMax = source.PartAMax;
        target.PartBMax = source.PartBMax;
        target.PartCMax = source.PartCMax;
        (target.ThreeStarBy, target.FourStarBy, target.FiveStarBy) = (source.ThreeStarBy, source.FourStarBy, source.FiveStarBy);
        target.Notes = $"Sao chép từ {source.Code}.";
        target.Categories.AddRange(source.Categories.Select(c => new ProductCategory
        {
            RuleSetId = target.Id,
            Code = c.Code,
            Name = c.Name,
            Level = c.Level,
            ParentCode = c.ParentCode,
            CriteriaSetNumber = c.CriteriaSetNumber,
            SortOrder = c.SortOrder,
        }));
        foreach (var set in source.CriteriaSets)
        {
            target.CriteriaSets.Add(CopySet(set, target.Id));
        }
    }

    private static CriteriaSet CopySet(CriteriaSet set, int ruleSetId)
    {
        var copy = new CriteriaSet
        {
            RuleSetId = ruleSetId,
            Number = set.Number,
            Code = set.Code,
            Name = set.Name,
            LeadMinistries = set.LeadMinistries,
            SamplesRequired = set.SamplesRequired,
            DossierKnockouts = set.DossierKnockouts,
        };
        var map = new Dictionary<int, CriterionNode>();
        foreach (var node in set.Nodes.OrderBy(n => n.SortOrder))
        {
            var clone = new CriterionNode
            {
                RuleSetId = ruleSetId,
                Kind = node.Kind,
                Code = node.Code,
                Name = node.Name,
                Max = node.Max,
                SortOrder = node.SortOrder,
                Knockout = node.Knockout,
                Stop = node.Stop,
                Condition = node.Condition,
                Note = node.Note,
                Parent = node.ParentId is { } p ? map[p] : null,
                Options = node.Options.Select(o => new CriterionOption { RuleSetId = ruleSetId, Label = o.Label, Points = o.Points, MinStar = o.MinStar, SortOrder = o.SortOrder }).ToList(),
            };
            clone.Parent?.Children.Add(clone);
            map[node.Id] = clone;
            copy.Nodes.Add(clone);
        }

        return copy;
    }
}
