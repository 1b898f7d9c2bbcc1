using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using OcopPortal.Web.Domain.Rules;

namespace OcopPortal.Web.Data.Rules;

/// <summary>
/// Published rule data is law as keyed: no code path may change or delete it, or add to it. Only a draft
/// rule set and its criteria sets can change; publishing (Draft → Published) is the last change it accepts.
/// </summary>
public sealed class PublishedRulesGuard : SaveChangesGuard
{
    protected override void Check(DbContext context)
    {
        var touched = new HashSet<int>();
        foreach (var entry in context.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            switch (entry.Entity)
            {
                case RuleSet:
                    if (entry.State != EntityState.Added && (RuleSetStatus)entry.OriginalValues[nameof(RuleSet.Status)]! == RuleSetStatus.Published)
                    {
                        throw Refused();
                    }

                    break;
                case CriteriaSet or CriterionNode or CriterionOption or ProductCategory:
                    touched.Add(RuleSetIdOf(entry));
                    break;
            }
        }

        touched.Remove(0); // rows of a rule set being added in this same save
        if (touched.Count > 0 && context.Set<RuleSet>().AsNoTracking().Any(r => touched.Contains(r.Id) && r.Status == RuleSetStatus.Published))
        {
            throw Refused();
        }
    }

    private static int RuleSetIdOf(EntityEntry entry) =>
        (int)(entry.State == EntityState.Added ? entry.CurrentValues : entry.OriginalValues)[nameof(CriteriaSet.RuleSetId)]!;

    private static InvalidOperationException Refused() =>
        new("Bộ quy tắc đã ban hành không được sửa đổi. Hãy sao chép thành bản nháp mới.");
}
