using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OcopPortal.Web.Features.AdminUnits;

namespace OcopPortal.Tests.Infrastructure;

public sealed class AdminUnitCatalogTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private Task<T> WithCatalogAsync<T>(Func<AdminUnitCatalog, Task<T>> work) =>
        factory.WithScopeAsync(sp => work(sp.GetRequiredService<AdminUnitCatalog>()));

    [Fact]
    public async Task Communes_exist_only_from_the_reform_date()
    {
        Assert.Equal(103, await WithCatalogAsync(c => c.CommunesAt("92", Today).CountAsync()));
        Assert.Equal(103, await WithCatalogAsync(c => c.CommunesAt("92", new DateOnly(2025, 7, 1)).CountAsync()));
        Assert.Equal(0, await WithCatalogAsync(c => c.CommunesAt("92", new DateOnly(2025, 6, 30)).CountAsync()));
    }

    [Fact]
    public async Task Searching_phu_loc_finds_the_Phu_Loc_communes_whatever_the_accents()
    {
        foreach (var query in new[] { "phu loc", "PHÚ LỘC", "xã phú lộc", "  Phu   Loc " })
        {
            var names = await WithCatalogAsync(c => c.Matching("92", query, Today).Select(x => x.FullName).ToListAsync());
            Assert.Contains("Xã Phú Lộc", names);
        }

        Assert.Equal(["Xã Phú Lộc"], await WithCatalogAsync(c => c.Matching("46", "phu loc", Today).Select(x => x.FullName).ToListAsync()));
        Assert.Empty(await WithCatalogAsync(c => c.Matching("92", "phuong phu loc", Today).ToListAsync()));
    }

    [Fact]
    public async Task An_old_Soc_Trang_commune_resolves_to_its_current_commune()
    {
        // Xã Hưng Phú (Mỹ Tú, Sóc Trăng) went into Xã Long Hưng, not into Phường Hưng Phú of Cần Thơ (NQ 1668).
        var byName = await WithCatalogAsync(c => c.ResolveOldAsync(new OldAddress("Tỉnh Sóc Trăng", "Huyện Mỹ Tú", "Xã Hưng Phú"), Today, default));
        Assert.Equal(("31579", "Xã Long Hưng"), (Assert.Single(byName).Code, byName[0].FullName));

        var withoutAccents = await WithCatalogAsync(c => c.ResolveOldAsync(new OldAddress("soc trang", "my tu", "hung phu"), Today, default));
        Assert.Equal("31579", Assert.Single(withoutAccents).Code);

        var byCodes = await WithCatalogAsync(c => c.ResolveOldAsync(new OldAddress("94", "944", "31588"), Today, default));
        Assert.Equal("31579", Assert.Single(byCodes).Code);

        var townToCommune = await WithCatalogAsync(c => c.ResolveOldAsync(new OldAddress("Sóc Trăng", null, "Thị trấn Hưng Lợi"), Today, default));
        Assert.Equal("Xã Phú Lộc", Assert.Single(townToCommune).FullName);
    }

    [Fact]
    public async Task An_ambiguous_or_split_old_commune_gives_every_candidate()
    {
        // Xã Phú Tân existed in Châu Thành of both Hậu Giang and Sóc Trăng.
        var both = await WithCatalogAsync(c => c.ResolveOldAsync(new OldAddress(null, null, "Phú Tân"), Today, default));
        Assert.Equal(["31378", "31582"], both.Select(r => r.Code));
        var socTrang = await WithCatalogAsync(c => c.ResolveOldAsync(new OldAddress("Sóc Trăng", "Châu Thành", "Phú Tân"), Today, default));
        Assert.Equal("Xã Thuận Hòa", Assert.Single(socTrang).FullName);

        var split = await WithCatalogAsync(c => c.ResolveOldAsync(new OldAddress("Cần Thơ", "Quận Thốt Nốt", "Phường Thốt Nốt"), Today, default));
        Assert.Equal(["31207", "31228"], split.Select(r => r.Code));
        Assert.All(split, r => Assert.Equal("partial", r.ChangeKind));

        Assert.Empty(await WithCatalogAsync(c => c.ResolveOldAsync(new OldAddress("An Giang", null, "Phường Mỹ Bình"), Today, default)));
    }
}
