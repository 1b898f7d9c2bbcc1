using Microsoft.Data.Sqlite;
using OcopPortal.Web.Domain.Councils;
using OcopPortal.Web.Domain.Dossiers;

namespace OcopPortal.Bench.Run;

/// <summary>
/// Who and what the scenarios that need a generated row use, read from the database before the portal starts:
/// the first confirmed, unlocked Office account by email, and the dossier at the top of the office's AtProvince
/// queue (the one an officer opens first), or null in a database generated before dossiers existed.
/// </summary>
public sealed record BenchTargets(string OfficeEmail, int? DossierId)
{
    /// <summary>The first closed round (the generated 300 × 9 one), or null in a database generated before councils.</summary>
    public int? ClosedRoundId { get; init; }

    /// <summary>The email of the chair of <see cref="ClosedRoundId"/>'s council.</summary>
    public string? ChairEmail { get; init; }

    /// <summary>The first scoring round and, per voting seat of its council, the member's email and the entry they hold a draft sheet on.</summary>
    public int? ScoringRoundId { get; init; }

    public IReadOnlyList<(string Email, int EntryId)> Scorers { get; init; } = [];

    /// <summary>The issued decision with the most certificates and its first certificate, or null before certificates.</summary>
    public int? CertificateDecisionId { get; init; }

    public int? CertificateId { get; init; }

    /// <summary>The lowest-id product in force in the public catalogue, or null in a database generated before the catalogue.</summary>
    public int? CatalogueProductId { get; init; }

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

        var targets = new BenchTargets(email, id is null ? null : Convert.ToInt32(id, System.Globalization.CultureInfo.InvariantCulture));
        try
        {
            await using var certificate = connection.CreateCommand();
            certificate.CommandText = "SELECT DecisionId, MIN(Id) FROM Certificates WHERE DecisionId IS NOT NULL GROUP BY DecisionId ORDER BY COUNT(*) DESC LIMIT 1";
            await using var reader = await certificate.ExecuteReaderAsync(ct);
            if (await reader.ReadAsync(ct))
            {
                targets = targets with { CertificateDecisionId = reader.GetInt32(0), CertificateId = reader.GetInt32(1) };
            }
        }
        catch (SqliteException)
        {
            // no Certificates table
        }

        try
        {
            await using var product = connection.CreateCommand();
            product.CommandText = "SELECT ProductId FROM CatalogueEntries WHERE InForceUntil >= date('now') ORDER BY ProductId LIMIT 1";
            targets = targets with { CatalogueProductId = await product.ExecuteScalarAsync(ct) is { } pid ? Convert.ToInt32(pid, System.Globalization.CultureInfo.InvariantCulture) : null };
        }
        catch (SqliteException)
        {
            // no catalogue table
        }

        try
        {
            return await WithCouncilAsync(connection, targets, ct);
        }
        catch (SqliteException)
        {
            return targets; // no council tables
        }
    }

    private static async Task<BenchTargets> WithCouncilAsync(SqliteConnection connection, BenchTargets targets, CancellationToken ct)
    {
        await using var closed = connection.CreateCommand();
        closed.CommandText = """
            SELECT r.Id, u.Email FROM EvaluationRounds r
            JOIN CouncilSeats s ON s.CouncilId = r.CouncilId AND s.Role = $chair JOIN AspNetUsers u ON u.Id = s.UserId
            WHERE r.Status IN ($closed, $finalised) ORDER BY r.Id LIMIT 1
            """;
        closed.Parameters.AddWithValue("$chair", (int)SeatRole.Chair);
        closed.Parameters.AddWithValue("$closed", (int)RoundStatus.Closed);
        closed.Parameters.AddWithValue("$finalised", (int)RoundStatus.Finalised); // the reports generator finalises it
        int? closedId = null;
        string? chair = null;
        await using (var reader = await closed.ExecuteReaderAsync(ct))
        {
            if (await reader.ReadAsync(ct))
            {
                closedId = reader.GetInt32(0);
                chair = reader.GetString(1);
            }
        }

        // Each voting seat of the scoring round's council with the entry it holds a draft sheet on (one each, as generated).
        await using var scoring = connection.CreateCommand();
        scoring.CommandText = """
            SELECT r.Id, u.Email, MIN(sh.RoundEntryId) FROM EvaluationRounds r
            JOIN CouncilSeats s ON s.CouncilId = r.CouncilId AND s.Role <> $expert JOIN AspNetUsers u ON u.Id = s.UserId
            JOIN RoundEntries e ON e.RoundId = r.Id JOIN ScoreSheets sh ON sh.RoundEntryId = e.Id AND sh.SeatId = s.Id AND sh.Status = $draft
            WHERE r.Id = (SELECT MIN(Id) FROM EvaluationRounds WHERE Status = $scoring)
            GROUP BY r.Id, s.Id, u.Email ORDER BY s.SortOrder
            """;
        scoring.Parameters.AddWithValue("$expert", (int)SeatRole.InvitedExpert);
        scoring.Parameters.AddWithValue("$draft", (int)SheetStatus.Draft);
        scoring.Parameters.AddWithValue("$scoring", (int)RoundStatus.Scoring);
        int? scoringId = null;
        var scorers = new List<(string, int)>();
        await using (var reader = await scoring.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                scoringId = reader.GetInt32(0);
                scorers.Add((reader.GetString(1), reader.GetInt32(2)));
            }
        }

        return targets with { ClosedRoundId = closedId, ChairEmail = chair, ScoringRoundId = scoringId, Scorers = scorers };
    }
}
