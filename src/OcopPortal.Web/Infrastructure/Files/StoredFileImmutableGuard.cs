using Microsoft.EntityFrameworkCore;
using OcopPortal.Web.Data;

namespace OcopPortal.Web.Infrastructure.Files;

/// <summary>
/// Refuses any change to a saved file or its bytes, whatever code path tries it: evidence a reviewer has seen must
/// stay exactly as filed. A replacement is a new file; which file replaced which belongs to the dossier slot.
/// </summary>
public sealed class StoredFileImmutableGuard : SaveChangesGuard
{
    protected override void Check(DbContext context)
    {
        if (context.ChangeTracker.Entries().Any(e => e.Entity is StoredFile or StoredFileContent && e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("Tệp đã lưu không được sửa hoặc xoá; hãy tải lên một phiên bản mới.");
        }
    }
}
