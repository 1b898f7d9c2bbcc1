using System.Data.Common;
using Bogus;
using Microsoft.EntityFrameworkCore;
using OcopPortal.Web.Data;

namespace OcopPortal.Bench.Generate;

/// <summary>One feature's share of the benchmark data. Later issues add one class per feature (products, dossiers...).</summary>
public interface IGenerator
{
    Task GenerateAsync(GenerationContext context, CancellationToken ct);
}

/// <summary>A user the identity generator made, for later generators to refer to (audit actors, dossier owners...).</summary>
public sealed record GeneratedUser(string Id, string Email, string FullName, string Role, DateTimeOffset CreatedAt);

/// <summary>What the generators share: one open connection and transaction, a seeded faker, the users made so far.</summary>
public sealed class GenerationContext(SqliteOcopDbContext db, DbTransaction transaction, Scale scale, string passwordHash)
{
    private const int Seed = 2026; // same seed, same database: runs on different days compare like with like

    public Scale Scale { get; } = scale;

    /// <summary>One hash of <see cref="BenchAccounts.Password"/> for every account: PBKDF2 per user would take minutes.</summary>
    public string PasswordHash { get; } = passwordHash;

    public Faker Faker { get; } = new("vi") { Random = new Randomizer(Seed) };

    /// <summary>The generation's "now", so every generated date is in the past of the run that reads it.</summary>
    public DateTimeOffset Now { get; } = DateTimeOffset.UtcNow;

    public List<GeneratedUser> Users { get; } = [];

    public BulkInserter<T> Inserter<T>()
        where T : class => new(db.Model, db.Database.GetDbConnection(), transaction);

    public static void Report(string what, int count, int? target = null) =>
        Console.WriteLine(target is null || target == count ? $"  {what,-24} {count,12:N0}" : $"  {what,-24} {count,12:N0}  (target {target:N0})");
}
