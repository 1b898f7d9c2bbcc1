using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace OcopPortal.Web.Data;

/// <summary>Recognises a save refused by a primary key or unique index, on either provider (a claim someone else won).</summary>
public static class UniqueViolations
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintUnique = 2067;

    public static bool Is(DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException e => e.SqliteExtendedErrorCode is SqliteConstraintPrimaryKey or SqliteConstraintUnique
            || (e.SqliteErrorCode == SqliteConstraint && e.Message.Contains("UNIQUE", StringComparison.Ordinal)),
        SqlException e => e.Number is 2627 or 2601, // PRIMARY KEY / UNIQUE constraint, unique index
        _ => false,
    };
}
