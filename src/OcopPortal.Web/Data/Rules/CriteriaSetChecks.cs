using OcopPortal.Web.Domain.Rules;

namespace OcopPortal.Web.Data.Rules;

/// <summary>
/// The sum checks every criteria set must pass before it is seeded or published: the highest option equals the
/// criterion's maximum, sub-criteria sum to their criterion, criteria to their group, groups to their part, parts
/// to the rule set's part maxima and to 100. Messages are Vietnamese: admins read them on the publish page.
/// </summary>
public static class CriteriaSetChecks
{
    public static List<string> Validate(CriteriaSet set, RuleSet rules)
    {
        var errors = new List<string>();
        var where = $"Bộ {set.Number}";
        var children = set.Nodes.ToLookup(n => n.Parent ?? set.Nodes.FirstOrDefault(p => p.Id != 0 && p.Id == n.ParentId));
        var parts = set.Nodes.Where(n => n.Kind == CriterionNodeKind.Part).ToList();

        foreach (var node in set.Nodes)
        {
            var kids = children[node].ToList();
            if (node.Kind == CriterionNodeKind.Criterion && kids.Count == 0)
            {
                if (node.Options.Count == 0)
                {
                    errors.Add($"{where}, tiêu chí {node.Code}: chưa có phương án chấm.");
                    continue;
                }

                var top = node.Options.Max(o => o.Points);
                if (top != node.Max)
                {
                    errors.Add($"{where}, tiêu chí {node.Code}: phương án cao nhất {top} điểm khác điểm tối đa {node.Max}.");
                }

                errors.AddRange(node.Options.Where(o => o.Points < 0).Select(o => $"{where}, tiêu chí {node.Code}: điểm âm ({o.Points})."));
                errors.AddRange(node.Options.Where(o => o.MinStar is not null and not (3 or 4 or 5))
                    .Select(o => $"{where}, tiêu chí {node.Code}: mức sao tối thiểu {o.MinStar} không hợp lệ (chỉ 3, 4, 5)."));
            }
            else if (kids.Count > 0 && kids.Sum(k => k.Max) != node.Max)
            {
                errors.Add($"{where}, {Label(node)} {node.Code}: tổng các mục con {kids.Sum(k => k.Max)} khác {node.Max}.");
            }
            else if (kids.Count == 0 && node.Kind != CriterionNodeKind.Criterion)
            {
                errors.Add($"{where}, {Label(node)} {node.Code}: không có mục con.");
            }
        }

        foreach (var part in parts)
        {
            var expected = part.Code is "A" or "B" or "C" ? rules.PartMax(part.Code) : -1;
            if (part.Max != expected)
            {
                errors.Add($"{where}, phần {part.Code}: {part.Max} điểm, quy định là {expected}.");
            }
        }

        if (parts.Sum(p => p.Max) != 100)
        {
            errors.Add($"{where}: tổng ba phần là {parts.Sum(p => p.Max)}, phải là 100.");
        }

        errors.AddRange(set.Nodes.Where(n => n.Kind == CriterionNodeKind.Criterion).GroupBy(n => n.Code).Where(g => g.Count() > 1)
            .Select(g => $"{where}: mã tiêu chí {g.Key} bị trùng."));
        return errors;
    }

    private static string Label(CriterionNode n) => n.Kind switch
    {
        CriterionNodeKind.Part => "phần",
        CriterionNodeKind.Group => "nhóm",
        _ => "tiêu chí",
    };
}
