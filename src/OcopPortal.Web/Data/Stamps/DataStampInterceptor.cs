using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using OcopPortal.Web.Domain;
using OcopPortal.Web.Domain.Catalogue;
using OcopPortal.Web.Domain.Councils;
using OcopPortal.Web.Domain.Reports;
using OcopPortal.Web.Infrastructure.Audit;
using OcopPortal.Web.Infrastructure.Email;
using OcopPortal.Web.Infrastructure.Notifications;

namespace OcopPortal.Web.Data.Stamps;

/// <summary>
/// Writes a new <see cref="DataStamp.Reports"/> value into the same SaveChanges (so the same transaction) as any change
/// the reports could count. It is a deny-list on purpose: a new entity type bumps the stamp until someone decides the
/// reports never read it, so a forgotten type costs a recomputation, never a stale figure. Left out: the audit log,
/// notifications and e-mails, sign-in data, derived report facts and catalogue rows, and a council member's draft
/// answers (a sheet counts only when its status or submission time changes), which are written many times a minute.
/// Writes that bypass SaveChanges (ExecuteUpdate, raw SQL) must not touch counted data; none do today.
/// </summary>
public sealed class DataStampInterceptor : SaveChangesGuard
{
    private static readonly HashSet<Type> Ignored =
    [
        typeof(DataStamp), typeof(AuditEvent), typeof(Notification), typeof(OutboxEmail),
        typeof(EntryPartResult), typeof(EntryUnmetMinimum), typeof(CatalogueEntry), typeof(ScoreSheetAnswer),
    ];

    /// <summary>Runs on every save through <see cref="SaveChangesGuard"/>'s hook; it refuses nothing, it adds the stamp.</summary>
    protected override void Check(DbContext context) => Stamp(context);

    private static void Stamp(DbContext context)
    {
        if (!context.ChangeTracker.Entries().Any(Counts))
        {
            return;
        }

        var tracked = context.ChangeTracker.Entries<DataStamp>().FirstOrDefault(e => e.Entity.Name == DataStamp.Reports);
        if (tracked is null)
        {
            tracked = context.Attach(new DataStamp { Name = DataStamp.Reports });
        }

        tracked.Entity.Value = Guid.NewGuid();
        tracked.Property(s => s.Value).IsModified = true;
    }

    private static bool Counts(EntityEntry entry)
    {
        if (entry.State is EntityState.Unchanged or EntityState.Detached)
        {
            return false;
        }

        var type = entry.Metadata.ClrType;
        if (Ignored.Contains(type) || type.Namespace?.StartsWith("Microsoft.AspNetCore.Identity", StringComparison.Ordinal) == true
            || type == typeof(AppUser))
        {
            return false;
        }

        return type != typeof(ScoreSheet) || entry.State != EntityState.Modified
            || entry.Property(nameof(ScoreSheet.Status)).IsModified || entry.Property(nameof(ScoreSheet.SubmittedAt)).IsModified;
    }
}
