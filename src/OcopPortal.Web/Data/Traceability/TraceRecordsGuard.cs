using Microsoft.EntityFrameworkCore;
using OcopPortal.Web.Domain.Traceability;

namespace OcopPortal.Web.Data.Traceability;

/// <summary>
/// Printed labels point at traceability pages for years: whatever code path tries, a published version and a batch
/// never change or disappear, a page's public code never changes, and a page with published versions is never deleted.
/// </summary>
public sealed class TraceRecordsGuard : SaveChangesGuard
{
    protected override void Check(DbContext context)
    {
        foreach (var entry in context.ChangeTracker.Entries())
        {
            switch (entry.Entity)
            {
                case TraceVersion or TraceBatch when entry.State is EntityState.Modified or EntityState.Deleted:
                    throw Refused();
                case TraceRecord when entry.State == EntityState.Modified && entry.Property(nameof(TraceRecord.Code)).IsModified:
                    throw Refused();
                case TraceRecord when entry.State == EntityState.Deleted && (int)entry.OriginalValues[nameof(TraceRecord.CurrentVersion)]! > 0:
                    throw Refused();
            }
        }
    }

    private static InvalidOperationException Refused() =>
        new("Phiên bản truy xuất đã công bố, lô sản xuất và mã truy xuất không được sửa hoặc xoá; hãy công bố phiên bản mới.");
}
