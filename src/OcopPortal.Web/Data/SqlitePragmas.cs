using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OcopPortal.Web.Data;

/// <summary>
/// Per-connection SQLite settings for a portal with concurrent writers (council members saving sheets at once):
/// <c>synchronous=NORMAL</c> (safe with WAL: a commit is durable at the next checkpoint, never corrupt) and
/// <c>busy_timeout</c>, so that a writer waiting for the single write lock is woken by SQLite itself as soon as the
/// lock is free instead of Microsoft.Data.Sqlite's own retry, which sleeps 150 ms per attempt. The journal mode
/// (WAL: readers never wait for the writer) is a property of the database file, set once at start-up
/// (<see cref="JournalModeWal"/>).
/// <para>
/// The settings belong to the native connection, which Microsoft.Data.Sqlite pools: EF opens and closes its
/// connection around every query, so they are applied once per native handle, not on every open (that was one
/// extra command per query).
/// </para>
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    public const string JournalModeWal = "PRAGMA journal_mode = WAL;";

    private const string PerConnection = "PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 10000;";

    private readonly ConditionalWeakTable<object, object> configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (NeedsSettings(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = PerConnection;
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (NeedsSettings(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = PerConnection;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>True the first time this native handle is seen (a handle that is not SQLite's gets the settings every time).</summary>
    private bool NeedsSettings(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || configured.TryAdd(handle, handle);
}
