using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OcopPortal.Web.Data;
using OcopPortal.Web.Infrastructure.Audit;

namespace OcopPortal.Tests.Infrastructure;

public sealed class DatabaseTests(FreshPortalFactory factory) : IClassFixture<FreshPortalFactory>
{
    [Fact]
    public void Sqlite_migrations_are_in_step_with_the_model()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --context SqliteOcopDbContext ...");
    }

    [Fact]
    public void SqlServer_migrations_are_in_step_with_the_model()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --context SqlServerOcopDbContext ...");
    }

    [Fact]
    public void Both_providers_have_the_same_migrations()
    {
        static IEnumerable<string> Names(DbContext db) => db.Database.GetMigrations().Select(m => m[15..]); // drop the timestamp
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        using var sqlServer = new SqlServerDesignTimeFactory().CreateDbContext([]);

        Assert.Equal(Names(sqlite), Names(sqlServer));
    }

    [Fact]
    public async Task The_portal_creates_and_migrates_its_SQLite_file_on_start()
    {
        await factory.WithDbAsync(async db =>
        {
            Assert.True(File.Exists(factory.DatabasePath));
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(6, await db.Roles.CountAsync());
            Assert.Equal(["QD-148-2023", "QD-148-2023-1489-2025", "QD-26-2026"], await db.RuleSets.OrderBy(r => r.Code).Select(r => r.Code).ToListAsync());
            Assert.Equal(26, await db.CriteriaSets.CountAsync(c => c.RuleSet!.Code == "QD-26-2026"));
            Assert.True(await db.RuleSets.AllAsync(r => r.Status == OcopPortal.Web.Domain.Rules.RuleSetStatus.Published));
        });
    }

    [Fact]
    public async Task Audit_events_are_append_only()
    {
        await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OcopDbContext>();
            var audit = sp.GetRequiredService<AuditLog>();
            var evt = audit.Record("test.recorded", "Test", "1", new { Ly_do = "kiểm thử" });
            await db.SaveChangesAsync();

            evt.Action = "test.rewritten";
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            db.ChangeTracker.Clear();

            db.AuditEvents.Remove(await db.AuditEvents.SingleAsync(e => e.Id == evt.Id));
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            db.ChangeTracker.Clear();

            var stored = await db.AuditEvents.AsNoTracking().SingleAsync(e => e.Id == evt.Id);
            Assert.Equal("test.recorded", stored.Action);
            Assert.Contains("kiểm thử", System.Text.RegularExpressions.Regex.Unescape(stored.Details!), StringComparison.Ordinal);
            return true;
        });
    }
}

public sealed class PublishedRulesTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Published_rule_data_cannot_be_changed_by_any_code_path()
    {
        await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OcopDbContext>();
            var option = await db.CriterionOptions.FirstAsync();
            var original = option.Points;

            option.Points += 1;
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            Assert.Contains("không được sửa đổi", refused.Message, StringComparison.Ordinal);
            db.ChangeTracker.Clear();

            var ruleSet = await db.RuleSets.FirstAsync(r => r.Code == "QD-26-2026");
            ruleSet.FiveStarMin = 80m;
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            db.ChangeTracker.Clear();

            Assert.Equal(original, (await db.CriterionOptions.AsNoTracking().SingleAsync(o => o.Id == option.Id)).Points);
            return true;
        });
    }
}

public sealed class SqliteSettingsTests(FreshPortalFactory factory) : IClassFixture<FreshPortalFactory>
{
    private static async Task<long> PragmaAsync(OcopDbContext db, string pragma)
    {
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA " + pragma;
        var value = await command.ExecuteScalarAsync();
        return value is string s ? (s == "wal" ? 1 : -1) : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Every_request_gets_WAL_synchronous_normal_and_the_busy_timeout_from_pooled_contexts_and_connections()
    {
        for (var request = 0; request < 5; request++)
        {
            await factory.WithDbAsync(async db =>
            {
                await db.Database.OpenConnectionAsync();
                try
                {
                    Assert.Equal(1, await PragmaAsync(db, "journal_mode")); // wal
                    Assert.Equal(1, await PragmaAsync(db, "synchronous")); // NORMAL
                    Assert.Equal(10000, await PragmaAsync(db, "busy_timeout"));
                }
                finally
                {
                    await db.Database.CloseConnectionAsync();
                }
            });
        }
    }

    [Fact]
    public async Task The_settings_are_applied_once_per_native_connection_not_on_every_open()
    {
        // A value changed on the native connection survives EF's close and reopen (the pooled handle is not reset
        // by running the settings again); a new native connection gets the settings.
        await factory.WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA busy_timeout = 1234");
            await db.Database.CloseConnectionAsync();
            await db.Database.OpenConnectionAsync();
            Assert.Equal(1234, await PragmaAsync(db, "busy_timeout"));
            await db.Database.ExecuteSqlRawAsync("PRAGMA busy_timeout = 10000");
            await db.Database.CloseConnectionAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            await db.Database.OpenConnectionAsync();
            Assert.Equal(10000, await PragmaAsync(db, "busy_timeout"));
            Assert.Equal(1, await PragmaAsync(db, "synchronous"));
            await db.Database.CloseConnectionAsync();
        });
    }
}
