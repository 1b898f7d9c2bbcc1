using Microsoft.EntityFrameworkCore;
using OcopPortal.Web.Data;

namespace OcopPortal.Web.Infrastructure.Audit;

/// <summary>Refuses any change to an existing audit row, whatever code path tries it.</summary>
public sealed class AuditAppendOnlyInterceptor : SaveChangesGuard
{
    protected override void Check(DbContext context)
    {
        if (context.ChangeTracker.Entries<AuditEvent>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("Nhật ký kiểm toán chỉ được ghi thêm, không được sửa hoặc xoá.");
        }
    }
}
