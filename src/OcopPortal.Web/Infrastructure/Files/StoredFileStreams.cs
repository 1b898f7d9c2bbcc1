using System.Data;
using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using OcopPortal.Web.Data;
using OcopPortal.Web.Data.Configurations;

namespace OcopPortal.Web.Infrastructure.Files;

/// <summary>
/// Streams a file's bytes below EF, which would materialise the whole array. Each stream opens its own connection
/// (same connection string as the context) and closes it on dispose, so it does not depend on the lifetime or
/// the open transaction of the request's context.
/// </summary>
internal static class StoredFileStreams
{
    private const string Data = nameof(StoredFileContent.Data);
    private const string FileId = nameof(StoredFileContent.FileId);

    public static async Task<Stream?> OpenAsync(OcopDbContext db, Guid id, CancellationToken ct)
    {
        var connectionString = db.Database.GetConnectionString()
            ?? throw new InvalidOperationException("The context has no connection string to stream files with.");
        // EF's own mapping turns the Guid into what the column holds (upper-case TEXT on SQLite, uniqueidentifier on SQL Server).
        var idMapping = db.Model.FindEntityType(typeof(StoredFileContent))!.FindProperty(FileId)!.GetRelationalTypeMapping();
        if (db.Database.IsSqlite())
        {
            return await OpenSqliteAsync(new SqliteConnection(connectionString), cmd => idMapping.CreateParameter(cmd, "@id", id), ct);
        }

        if (db.Database.IsSqlServer())
        {
            return await OpenSqlServerAsync(new SqlConnection(connectionString), cmd => idMapping.CreateParameter(cmd, "@id", id), ct);
        }

        throw new NotSupportedException($"Streaming stored files is not implemented for {db.Database.ProviderName}.");
    }

    /// <summary>SQLite: find the row's rowid, then read the column through an incremental-I/O blob handle.</summary>
    private static async Task<Stream?> OpenSqliteAsync(SqliteConnection connection, Func<DbCommand, DbParameter> id, CancellationToken ct)
    {
        try
        {
            await connection.OpenAsync(ct);
            long? rowid;
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = $"SELECT rowid FROM \"{StoredFileContentConfiguration.Table}\" WHERE \"{FileId}\" = @id";
                command.Parameters.Add(id(command));
                rowid = await command.ExecuteScalarAsync(ct) as long?;
            }

            if (rowid is null)
            {
                await connection.DisposeAsync();
                return null;
            }

            return new OwnedStream(new SqliteBlob(connection, StoredFileContentConfiguration.Table, Data, rowid.Value, readOnly: true), connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>SQL Server: a sequential-access reader hands out the varbinary(max) column as a forward-only stream.</summary>
    private static async Task<Stream?> OpenSqlServerAsync(SqlConnection connection, Func<DbCommand, DbParameter> id, CancellationToken ct)
    {
        SqlCommand? command = null;
        SqlDataReader? reader = null;
        try
        {
            await connection.OpenAsync(ct);
            command = connection.CreateCommand();
            command.CommandText = $"SELECT [{Data}] FROM [{StoredFileContentConfiguration.Table}] WHERE [{FileId}] = @id";
            command.Parameters.Add(id(command));
            reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess | CommandBehavior.SingleRow, ct);
            if (!await reader.ReadAsync(ct))
            {
                await DisposeAllAsync(reader, command, connection);
                return null;
            }

            return new OwnedStream(reader.GetStream(0), reader, command, connection);
        }
        catch
        {
            await DisposeAllAsync(reader, command, connection);
            throw;
        }
    }

    private static async Task DisposeAllAsync(params IAsyncDisposable?[] owned)
    {
        foreach (var item in owned)
        {
            if (item is not null)
            {
                await item.DisposeAsync();
            }
        }
    }
}
