using Microsoft.EntityFrameworkCore;
using OcopPortal.Web.Domain.Recognition;

namespace OcopPortal.Web.Data.Recognition;

/// <summary>
/// Issued decisions and certificates are legal records: whatever code path tries, an issued decision's text and
/// lines never change (only its signed scan may be attached), and a certificate's printed facts never change (only
/// its state moves: superseded, revoked, expired, transitionally extended). Revocations are append-only.
/// </summary>
public sealed class IssuedRecordsGuard : SaveChangesGuard
{
    private static readonly HashSet<string> DecisionMutableAfterIssue =
        [nameof(RecognitionDecision.SignedScanFileId), nameof(RecognitionDecision.Version)];

    private static readonly HashSet<string> CertificateMutable =
    [
        nameof(Certificate.State), nameof(Certificate.SupersededById), nameof(Certificate.StateChangedAt),
        nameof(Certificate.ExtendedUntil), nameof(Certificate.Version),
    ];

    protected override void Check(DbContext context)
    {
        foreach (var entry in context.ChangeTracker.Entries())
        {
            switch (entry.Entity)
            {
                case RecognitionDecision when entry.State == EntityState.Deleted
                    && (DecisionStatus)entry.OriginalValues[nameof(RecognitionDecision.Status)]! == DecisionStatus.Issued:
                    throw Refused();
                case RecognitionDecision when entry.State == EntityState.Modified
                    && (DecisionStatus)entry.OriginalValues[nameof(RecognitionDecision.Status)]! == DecisionStatus.Issued
                    && entry.Properties.Any(p => p.IsModified && !DecisionMutableAfterIssue.Contains(p.Metadata.Name)):
                    throw Refused();
                case DecisionLine line when entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                    && IssuedInStore(context, line.DecisionId):
                    throw Refused();
                case Certificate when entry.State == EntityState.Deleted:
                    throw Refused();
                case Certificate when entry.State == EntityState.Modified
                    && entry.Properties.Any(p => p.IsModified && !CertificateMutable.Contains(p.Metadata.Name)):
                    throw Refused();
                case Certificate when entry.State == EntityState.Modified
                    && (CertificateState)entry.OriginalValues[nameof(Certificate.State)]! is CertificateState.Revoked or CertificateState.Superseded
                    && entry.Property(nameof(Certificate.State)).IsModified:
                    throw Refused();
                case Revocation or RevocationAttachment when entry.State is EntityState.Modified or EntityState.Deleted:
                    throw Refused();
            }
        }
    }

    /// <summary>Whether the line's decision was already issued before this save (a draft being issued now may still get its lines).</summary>
    private static bool IssuedInStore(DbContext context, int decisionId)
    {
        var tracked = context.ChangeTracker.Entries<RecognitionDecision>().FirstOrDefault(e => e.Entity.Id == decisionId);
        if (tracked is not null)
        {
            return tracked.State != EntityState.Added
                && (DecisionStatus)tracked.OriginalValues[nameof(RecognitionDecision.Status)]! == DecisionStatus.Issued;
        }

        return context.Set<RecognitionDecision>().AsNoTracking().Any(d => d.Id == decisionId && d.Status == DecisionStatus.Issued);
    }

    private static InvalidOperationException Refused() =>
        new("Quyết định đã ban hành và giấy chứng nhận đã cấp không được sửa hoặc xoá; hãy ban hành quyết định mới.");
}
