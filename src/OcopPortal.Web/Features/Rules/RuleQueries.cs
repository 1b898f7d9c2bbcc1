using Microsoft.EntityFrameworkCore;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain.Rules;

namespace OcopPortal.Web.Features.Rules;

/// <summary>The named loads of rule data the rules screens share.</summary>
public static class RuleQueries
{
    /// <summary>One criteria set with its whole tree and options, read-only (two queries).</summary>
    public static Task<CriteriaSet?> LoadSheetAsync(this OcopDbContext db, int ruleSetId, int number, CancellationToken ct) =>
        db.CriteriaSets.AsNoTracking().AsSplitQuery()
            .Include(s => s.RuleSet)
            .Include(s => s.Nodes).ThenInclude(n => n.Options)
            .SingleOrDefaultAsync(s => s.RuleSetId == ruleSetId && s.Number == number, ct);

    /// <summary>A whole rule set with every criteria set, tracked (for copying and publishing).</summary>
    public static Task<RuleSet?> LoadWholeAsync(this OcopDbContext db, int id, CancellationToken ct) =>
        db.RuleSets.AsSplitQuery()
            .Include(r => r.Categories)
            .Include(r => r.CriteriaSets).ThenInclude(s => s.Nodes).ThenInclude(n => n.Options)
            .SingleOrDefaultAsync(r => r.Id == id, ct);

    /// <summary>Children of each node, in sheet order (works for tracked and untracked loads alike).</summary>
    public static ILookup<int?, CriterionNode> ChildrenByParent(this CriteriaSet set) =>
        set.Nodes.OrderBy(n => n.SortOrder).ToLookup(n => n.ParentId);
}
