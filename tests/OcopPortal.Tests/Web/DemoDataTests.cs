using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OcopPortal.Web.Data;
using OcopPortal.Web.Data.Seed;
using OcopPortal.Web.Domain.Producers;

namespace OcopPortal.Tests.Web;

/// <summary>A portal started with the demo flag, as a newcomer would run it.</summary>
public sealed class DemoPortalFactory : PortalFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Seed:Demo", "true");
        builder.UseSetting("Seed:DemoPassword", Password);
    }
}

public sealed class DemoDataTests(DemoPortalFactory factory) : IClassFixture<DemoPortalFactory>
{
    [Fact]
    public async Task The_demo_province_has_an_account_per_role_and_producers_of_every_legal_form()
    {
        var client = factory.CreatePortalClient();
        await client.SignInAsync("lan.banhpia@demo.ocop.vn");

        var home = await client.GetDocumentAsync("/producer");

        Assert.Contains("Hộ kinh doanh Bánh pía Lan", home.QuerySelector("[data-testid=profile-summary]")!.TextContent, StringComparison.Ordinal);
        await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OcopDbContext>();
            Assert.Equal(Enum.GetValues<ProducerType>().Order(), (await db.Set<Producer>().Select(p => p.Type).Distinct().ToListAsync()).Order());
            Assert.True(await db.Set<Producer>().AllAsync(p => db.Communes.Any(c => c.Code == p.CommuneCode && c.ProvinceCode == "92")));

            await sp.GetRequiredService<DemoSeeder>().SeedIfRequestedAsync(default); // a second run adds nothing
            Assert.Equal(DemoProducers.All.Count, await db.Set<Producer>().CountAsync());
            Assert.Equal(DemoProducers.Products.Count, await db.Set<Product>().CountAsync());
            Assert.Equal(26, await db.Set<Product>().Where(p => p.CategoryCode == "VI.1").Select(p => p.CriteriaSetNumber).SingleAsync());
            Assert.Equal(DemoSeeder.Accounts.Count + 1, await db.Users.CountAsync());
            return true;
        });
    }
}
