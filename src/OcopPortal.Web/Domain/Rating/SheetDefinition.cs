using OcopPortal.Web.Domain.Rules;

namespace OcopPortal.Web.Domain.Rating;

/// <summary>One tick box as the engine sees it. <see cref="Key"/> is the option's id (or its position when loaded from a file).</summary>
public sealed record OptionDef(int Key, string Label, int Points, int? MinStar);

/// <summary>A scored (leaf) criterion with the part and group it counts towards.</summary>
public sealed record CriterionDef(
    string Code, string Name, int Max, string Part, string Group, IReadOnlyList<OptionDef> Options,
    string? Knockout = null, string? Stop = null, string? Condition = null)
{
    /// <summary>Points needed for <paramref name="stars"/>: the highest marked minimum at or below that level (the marks are cumulative).</summary>
    public int? RequiredFor(int stars)
    {
        var marked = Options.Where(o => o.MinStar is { } m && m <= stars).Select(o => o.Points).ToList();
        return marked.Count == 0 ? null : marked.Max();
    }
}

/// <summary>The flattened sheet of one criteria set: what the rating engine needs, free of EF.</summary>
public sealed record SheetDefinition(int Number, string Name, IReadOnlyList<CriterionDef> Criteria, IReadOnlyDictionary<string, int> PartMax)
{
    public CriterionDef this[string code] => Criteria.First(c => c.Code == code);

    /// <summary>Builds the sheet from a criteria set whose <see cref="CriteriaSet.Nodes"/> (with options) are loaded.</summary>
    public static SheetDefinition From(CriteriaSet set)
    {
        var nodes = set.Nodes;
        var byParent = nodes.Where(n => n.ParentId is not null).ToLookup(n => n.ParentId!.Value);
        var leaves = new List<CriterionDef>();
        var parts = nodes.Where(n => n.Kind == CriterionNodeKind.Part).OrderBy(n => n.SortOrder).ToList();
        foreach (var part in parts)
        {
            foreach (var group in Children(part))
            {
                foreach (var criterion in Children(group))
                {
                    Collect(criterion, part.Code, group.Code);
                }
            }
        }

        return new SheetDefinition(set.Number, set.Name, leaves, parts.ToDictionary(p => p.Code, p => p.Max));

        IEnumerable<CriterionNode> Children(CriterionNode n) =>
            (n.Id != 0 ? byParent[n.Id] : n.Children).OrderBy(c => c.SortOrder);

        void Collect(CriterionNode node, string part, string group)
        {
            var children = Children(node).ToList();
            if (children.Count > 0)
            {
                children.ForEach(c => Collect(c, part, group));
                return;
            }

            var options = node.Options.OrderBy(o => o.SortOrder)
                .Select((o, i) => new OptionDef(o.Id != 0 ? o.Id : i, o.Label, o.Points, o.MinStar)).ToList();
            leaves.Add(new CriterionDef(node.Code, node.Name, node.Max, part, group, options, node.Knockout, node.Stop, node.Condition));
        }
    }
}
