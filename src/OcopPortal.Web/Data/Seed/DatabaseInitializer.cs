using Microsoft.EntityFrameworkCore;

namespace OcopPortal.Web.Data.Seed;

/// <summary>Start-up work on the database: migrations, reference data, first admin, optional demo data.</summary>
public static class DatabaseInitializer
{
    public static async Task InitialiseDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<OcopDbContext>();
        var options = sp.GetRequiredService<DatabaseOptions>();
        var log = sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer));

        if (options.Provider == DatabaseProviders.Sqlite || options.MigrateOnStartup)
        {
            log.LogInformation("Applying migrations ({Provider})", options.Provider);
            await db.Database.MigrateAsync(ct);
        }

        if (options.Provider == DatabaseProviders.Sqlite)
        {
            // persistent in the file: readers no longer wait for a writer's commit (see SqlitePragmas)
            await db.Database.ExecuteSqlRawAsync(SqlitePragmas.JournalModeWal, ct);
        }

        await sp.GetRequiredService<IdentitySeeder>().SeedAsync(ct);
        await sp.GetRequiredService<RulesSeeder>().SeedAsync(ct);
        await sp.GetRequiredService<AdminUnitsSeeder>().SeedAsync(ct);
        await sp.GetRequiredService<DemoSeeder>().SeedIfRequestedAsync(ct);
    }
}
