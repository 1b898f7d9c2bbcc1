using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using OcopPortal.Web.Data;
using OcopPortal.Web.Data.Dossiers;
using OcopPortal.Web.Data.Seed;
using OcopPortal.Web.Domain;

namespace OcopPortal.Bench.Generate;

/// <summary>Creates a SQLite database through the portal's real migrations, then fills it in one transaction.</summary>
public static class GenerateCommand
{
    /// <summary>In order: later generators read what earlier ones made (users before audit and mail).</summary>
    private static IGenerator[] Generators(OcopDbContext db) =>
        [new IdentityGenerator(), new AuditGenerator(), new OutboxGenerator(), new ProducerGenerator(db), new DossierGenerator(db), new CouncilGenerator(db), new CertificateGenerator(db), new ReportsGenerator(db), new CatalogueGenerator(db)];

    /// <summary>Targets of the issue whose model is not built yet; the issue that builds one moves it into a generator.</summary>
    private static readonly (string What, Func<Scale, int> Target)[] Pending =
    [
    ];

    public static async Task<int> RunAsync(BenchOptions options, CancellationToken ct)
    {
        var scale = Scale.Parse(options.Require("scale"));
        var path = Path.GetFullPath(options.Require("db"));
        if (File.Exists(path))
        {
            if (!options.Has("force"))
            {
                throw new ArgumentException($"{path} exists; pass --force to replace it.");
            }

            foreach (var file in new[] { path, path + "-wal", path + "-shm", path + "-journal" }.Where(File.Exists))
            {
                File.Delete(file);
            }
        }

        var clock = Stopwatch.StartNew();
        Console.WriteLine($"Generating scale '{scale.Name}' into {path}");
        var connectionString = DataServiceCollectionExtensions.SqliteConnectionString($"Data Source={path}", Environment.CurrentDirectory);
        await using (var db = new SqliteOcopDbContext(new DbContextOptionsBuilder<SqliteOcopDbContext>().UseSqlite(connectionString).Options))
        {
            await db.Database.MigrateAsync(ct);
            Console.WriteLine($"  migrations applied       {clock.Elapsed.TotalSeconds,11:F1}s");

            // Reference data the portal seeds on start (rule sets, administrative units): producers and products point at it.
            var env = new HostingEnvironment { ContentRootPath = AppContext.BaseDirectory };
            await new RulesSeeder(db, env, TimeProvider.System, NullLogger<RulesSeeder>.Instance).SeedAsync(ct);
            await new AdminUnitsSeeder(db, env, NullLogger<AdminUnitsSeeder>.Instance).SeedAsync(ct);
            Console.WriteLine($"  reference data seeded    {clock.Elapsed.TotalSeconds,11:F1}s");

            // One hash for everyone (see GenerationContext.PasswordHash); same hasher and options as the portal's.
            var hash = new PasswordHasher<AppUser>().HashPassword(new AppUser(), BenchAccounts.Password);
            await db.Database.OpenConnectionAsync(ct);
            // A throw-away file: no need to survive a power cut halfway through loading it.
            await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous = OFF", ct);
            await using (var tx = await db.Database.BeginTransactionAsync(ct))
            {
                var context = new GenerationContext(db, tx.GetDbTransaction(), scale, hash);
                foreach (var generator in Generators(db))
                {
                    var step = Stopwatch.StartNew();
                    await generator.GenerateAsync(context, ct);
                    Console.WriteLine($"  {generator.GetType().Name,-24} {step.Elapsed.TotalSeconds,11:F1}s");
                }

                // The generators write dossier events in bulk, around EF: the step times the portal keeps as it saves
                // events are computed here from the whole history, as the migration did for existing dossiers.
                await db.Database.ExecuteSqlRawAsync(DossierStepTimes.BackfillSql, ct);

                await tx.CommitAsync(ct);
            }

            await db.Database.CloseConnectionAsync();
        }

        SqliteConnection.ClearAllPools();
        foreach (var (what, target) in Pending)
        {
            Console.WriteLine($"  {what,-24} {target(scale),12:N0}  pending: model not built yet");
        }

        Console.WriteLine($"Done in {clock.Elapsed.TotalSeconds:F1}s; {new FileInfo(path).Length / 1024.0 / 1024.0:F1} MB. " +
            $"Every account's password: {BenchAccounts.Password}");
        return 0;
    }
}
