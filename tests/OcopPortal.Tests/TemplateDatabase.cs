using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using OcopPortal.Web.Data;
using OcopPortal.Web.Data.Seed;

namespace OcopPortal.Tests;

/// <summary>
/// Migrating and seeding the legal rule data (~4,000 rows) and the administrative units (~3,600) takes seconds;
/// every test class needs its own database file but not its own seeding. The first factory of a test run builds a template file through the
/// real migrations and seeder; each factory then starts from a copy (the start-up path still runs and finds
/// the work done).
/// </summary>
public static class TemplateDatabase
{
    private static readonly Lazy<string> Template = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    public static void CopyTo(string path) => File.Copy(Template.Value, path, overwrite: true);

    private static string Build()
    {
        var dir = Path.Combine(Path.GetTempPath(), "ocop-tests", "template-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, "template.db");
        var options = new DbContextOptionsBuilder<SqliteOcopDbContext>().UseSqlite($"Data Source={path};Pooling=False").Options;
        using (var db = new SqliteOcopDbContext(options))
        {
            db.Database.Migrate();
            var env = new HostingEnvironment { ContentRootPath = Path.Combine(TestPaths.RepoRoot, "src", "OcopPortal.Web") };
            new RulesSeeder(db, env, TimeProvider.System, NullLogger<RulesSeeder>.Instance).SeedAsync(default).GetAwaiter().GetResult();
            new AdminUnitsSeeder(db, env, NullLogger<AdminUnitsSeeder>.Instance).SeedAsync(default).GetAwaiter().GetResult();
        }

        SqliteConnection.ClearAllPools();
        return path;
    }
}
