using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using OcopPortal.Web.Data;
using OcopPortal.Web.Data.Seed;
using OcopPortal.Web.Domain.AdminUnits;
using Xunit.Abstractions;

namespace OcopPortal.Tests.Infrastructure;

public sealed class AdminUnitsSeedingTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Seeding_an_empty_database_loads_34_provinces_3321_communes_and_the_Can_Tho_mapping_once()
    {
        var dir = Path.Combine(Path.GetTempPath(), "ocop-tests", "units-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var options = new DbContextOptionsBuilder<SqliteOcopDbContext>().UseSqlite($"Data Source={Path.Combine(dir, "units.db")};Pooling=False").Options;
        var env = new HostingEnvironment { ContentRootPath = Path.Combine(TestPaths.RepoRoot, "src", "OcopPortal.Web") };
        try
        {
            await using var db = new SqliteOcopDbContext(options);
            await db.Database.MigrateAsync();
            var seeder = new AdminUnitsSeeder(db, env, NullLogger<AdminUnitsSeeder>.Instance);

            var watch = Stopwatch.StartNew();
            await seeder.SeedAsync(default);
            output.WriteLine($"Seeded the administrative units in {watch.ElapsedMilliseconds} ms");
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"Seeding took {watch.Elapsed}"); // ~0.3 s on a quiet machine; generous for CI
            await seeder.SeedAsync(default); // a second start finds the work done

            Assert.Equal(34, await db.Provinces.CountAsync());
            Assert.Equal(3321, await db.Communes.CountAsync());
            Assert.Equal(266, await db.CommuneMappings.CountAsync());
            Assert.Equal(103, await db.Communes.CountAsync(c => c.ProvinceCode == "92"));
            Assert.All(await db.Communes.Where(c => c.ProvinceCode == "92").ToListAsync(), c => Assert.Equal(AdminUnitTypes.ReformDate, c.ValidFrom));

            // Changes after 01/07/2025: Đồng Nai a centrally-run city, ten xã now phường (30/04/2026).
            var dongNai = await db.Provinces.SingleAsync(p => p.Code == "75");
            Assert.Equal((AdminUnitTypes.CentralCity, "Thành phố Đồng Nai"), (dongNai.Type, dongNai.FullName));
            var longThanh = await db.Communes.SingleAsync(c => c.Name == "Long Thành" && c.ProvinceCode == "75");
            Assert.Equal((AdminUnitTypes.Ward, "Phường Long Thành"), (longThanh.Type, longThanh.FullName));
            Assert.Equal(697, await db.Communes.CountAsync(c => c.Type == AdminUnitTypes.Ward));
            Assert.Equal(2611, await db.Communes.CountAsync(c => c.Type == AdminUnitTypes.Commune));
            Assert.Equal(7, await db.Provinces.CountAsync(p => p.Type == AdminUnitTypes.CentralCity));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }
}
