using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OcopPortal.Web.Data;

/// <summary>
/// Per-connection SQLite settings for a portal with concurrent writers (council members saving sheets at once):
/// <c>synchronous=NORMAL</c> (safe with WAL: a commit is durable at the next checkpoint, never corrupt) and
/// <c>busy_timeout</c>, so that a writer waiting for the single write lock is woken by SQLite itself as soon as the
/// lock is free instead of Microsoft.Data.Sqlite's own retry, which sleeps 150 ms per attempt. The journal mode
/// (WAL: readers never wait for the writer) is a property of the database file, set once at start-up
/// (<see cref="JournalModeWal"/>).
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    public const string JournalModeWal = "PRAGMA journal_mode = WAL;";

    private const string PerConnection = "PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 10000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = PerConnection;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = PerConnection;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
