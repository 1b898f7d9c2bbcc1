using Microsoft.Data.Sqlite;
using OcopPortal.Web.Domain.Dossiers;

namespace OcopPortal.Bench.Run;

/// <summary>
/// Who and what the scenarios that need a generated row use, read from the database before the portal starts:
/// the first confirmed, unlocked Office account by email, and the dossier at the top of the office's AtProvince
/// queue (the one an officer opens first), or null in a database generated before dossiers existed.
/// </summary>
public sealed record BenchTargets(string OfficeEmail, int? DossierId)
{
    public static async Task<BenchTargets> ReadAsync(string database, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly }.ToString());
        await connection.OpenAsync(ct);
        await using var office = connection.CreateCommand();
        office.CommandText = """
            SELECT u.Email FROM AspNetUsers u
            JOIN AspNetUserRoles ur ON ur.UserId = u.Id JOIN AspNetRoles r ON r.Id = ur.RoleId
            WHERE r.Name = 'Office' AND u.EmailConfirmed = 1 AND u.LockoutEnd IS NULL
            ORDER BY u.NormalizedEmail LIMIT 1
            """;
        var email = await office.ExecuteScalarAsync(ct) as string
            ?? throw new InvalidOperationException($"{database} has no usable Office account.");

        await using var dossier = connection.CreateCommand();
        dossier.CommandText = "SELECT Id FROM Dossiers WHERE Status = $status ORDER BY UpdatedAt DESC, Id DESC LIMIT 1";
        dossier.Parameters.AddWithValue("$status", (int)DossierStatus.AtProvince);
        object? id;
        try
        {
            id = await dossier.ExecuteScalarAsync(ct);
        }
        catch (SqliteException)
        {
            id = null; // no Dossiers table
        }

        return new BenchTargets(email, id is null ? null : Convert.ToInt32(id, System.Globalization.CultureInfo.InvariantCulture));
    }
}
