using OcopPortal.Web.Domain.Rules;

namespace OcopPortal.Web.Data.Rules;

/// <summary>Documents → entities (for seeding) and classification → category rows.</summary>
public static class RuleDocumentMapper
{
    public static CriteriaSet ToEntity(CriteriaSetDocument doc, CriteriaSetInfoDocument? info, int ruleSetId)
    {
        var set = new CriteriaSet
        {
            RuleSetId = ruleSetId,
            Number = doc.Number,
            Code = doc.Code,
            Name = doc.Name,
            LeadMinistries = info is null ? "" : string.Join(",", info.LeadMinistries),
            SamplesRequired = info?.SamplesRequired ?? true,
            DossierKnockouts = string.Join("\n", doc.DossierKnockouts ?? []),
        };
        var order = 0;
        foreach (var part in doc.Parts)
        {
            var partNode = Add(set, null, CriterionNodeKind.Part, part.Code, part.Name, part.Max, ref order);
            foreach (var group in part.Groups)
            {
                var groupNode = Add(set, partNode, CriterionNodeKind.Group, group.Code, group.Name, group.Max, ref order);
                groupNode.Note = group.Note;
                foreach (var criterion in group.Criteria)
                {
                    AddCriterion(set, groupNode, criterion, ref order);
                }
            }
        }

        return set;
    }

    private static void AddCriterion(CriteriaSet set, CriterionNode parent, CriterionDocument doc, ref int order)
    {
        var node = Add(set, parent, CriterionNodeKind.Criterion, doc.Code, doc.Name, doc.Max, ref order);
        node.Knockout = doc.Knockout;
        node.Stop = doc.Stop;
        node.Condition = doc.Condition;
        node.Note = doc.Note;
        var i = 0;
        foreach (var o in doc.Options ?? [])
        {
            node.Options.Add(new CriterionOption { RuleSetId = set.RuleSetId, Label = o.Label, Points = o.Points, MinStar = o.MinStar, SortOrder = i++ });
        }

        foreach (var child in doc.Children ?? [])
        {
            AddCriterion(set, node, child, ref order);
        }
    }

    private static CriterionNode Add(CriteriaSet set, CriterionNode? parent, CriterionNodeKind kind, string code, string name, int max, ref int order)
    {
        var node = new CriterionNode { RuleSetId = set.RuleSetId, Kind = kind, Code = code, Name = name, Max = max, SortOrder = order++, Parent = parent };
        parent?.Children.Add(node);
        set.Nodes.Add(node);
        return node;
    }

    public static IEnumerable<ProductCategory> Categories(ClassificationDocument doc, int ruleSetId)
    {
        var order = 0;
        foreach (var sector in doc.Sectors)
        {
            yield return new ProductCategory { RuleSetId = ruleSetId, Code = sector.Code, Name = sector.Name, Level = CategoryLevel.Sector, SortOrder = order++ };
            foreach (var group in sector.Groups)
            {
                yield return new ProductCategory
                {
                    RuleSetId = ruleSetId,
                    Code = group.Code,
                    Name = group.Name,
                    Level = CategoryLevel.Group,
                    ParentCode = sector.Code,
                    CriteriaSetNumber = group.CriteriaSet,
                    SortOrder = order++,
                };
                foreach (var sub in group.SubGroups ?? [])
                {
                    yield return new ProductCategory
                    {
                        RuleSetId = ruleSetId,
                        Code = sub.Code,
                        Name = sub.Name,
                        Level = CategoryLevel.SubGroup,
                        ParentCode = group.Code,
                        CriteriaSetNumber = sub.CriteriaSet,
                        SortOrder = order++,
                    };
                }
            }
        }
    }
}
