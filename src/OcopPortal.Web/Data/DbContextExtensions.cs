using Microsoft.EntityFrameworkCore;

namespace OcopPortal.Web.Data;

public static class DbContextExtensions
{
    /// <summary>
    /// Runs work that saves more than once (e.g. Identity's UserManager, then outbox and audit rows) in one
    /// transaction, through the execution strategy so SQL Server's retry-on-failure allows it.
    /// </summary>
    public static Task InTransactionAsync(this OcopDbContext db, Func<Task> work, CancellationToken ct = default) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await work();
            await tx.CommitAsync(ct);
        });
}
