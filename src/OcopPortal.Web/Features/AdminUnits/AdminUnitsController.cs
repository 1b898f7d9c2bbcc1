using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain.AdminUnits;
using OcopPortal.Web.Infrastructure.Auth;
using OcopPortal.Web.Infrastructure.Web;

namespace OcopPortal.Web.Features.AdminUnits;

/// <summary>Browse the administrative-unit catalogue: provinces, then a province's current communes with the old units merged into them.</summary>
[Authorize(Policy = Policies.OfficeOrAdmin)]
[Route("admin/units")]
public sealed class AdminUnitsController(OcopDbContext db, AdminUnitCatalog catalog, TimeProvider clock) : Controller
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().Date);

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var today = Today;
        var counts = (await db.Communes.AsNoTracking()
                .Where(c => c.ValidFrom <= today && (c.ValidTo == null || today <= c.ValidTo))
                .GroupBy(c => new { c.ProvinceCode, c.Type })
                .Select(g => new { g.Key.ProvinceCode, g.Key.Type, Count = g.Count() })
                .ToListAsync(ct))
            .ToLookup(c => c.ProvinceCode);
        var oldUnits = await (from m in db.CommuneMappings
                              join c in db.Communes on m.NewCommuneCode equals c.Code
                              group m by c.ProvinceCode into g
                              select new { ProvinceCode = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.ProvinceCode, x => x.Count, ct);
        int Of(string province, string? type = null) => counts[province].Where(c => type is null || c.Type == type).Sum(c => c.Count);
        var provinces = await db.Provinces.AsNoTracking().Where(p => p.ValidTo == null).OrderBy(p => p.Code).ToListAsync(ct);
        var rows = provinces.Select(p => new ProvinceRow(p.Code, p.FullName, p.Type, Of(p.Code),
            Of(p.Code, AdminUnitTypes.Commune), Of(p.Code, AdminUnitTypes.Ward), Of(p.Code, AdminUnitTypes.SpecialZone), oldUnits.GetValueOrDefault(p.Code))).ToList();
        return View(rows);
    }

    [HttpGet("{provinceCode:regex(^\\d{{2}}$)}")]
    public async Task<IActionResult> Province(string provinceCode, string? q, int? page, CancellationToken ct)
    {
        var province = await db.Provinces.AsNoTracking().SingleOrDefaultAsync(p => p.Code == provinceCode, ct);
        if (province is null)
        {
            return NotFound();
        }

        var communes = await catalog.Matching(provinceCode, q, Today).OrderBy(c => c.SearchName).ThenBy(c => c.Code).ToPagedAsync(page, ct: ct);
        var old = await catalog.OldUnitsAsync(communes.Items.Select(c => c.Code).ToList(), null, ct);
        var rows = communes.Items.Select(c => new CommuneRow(c.Code, c.FullName, c.Type, c.ValidFrom, old[c.Code].ToList())).ToList();
        var mappingLoaded = await db.CommuneMappings.AnyAsync(m => db.Communes.Any(c => c.Code == m.NewCommuneCode && c.ProvinceCode == provinceCode), ct);
        return View(new ProvincePage(province, q, new Paged<CommuneRow>(rows, communes.Page, communes.PageSize, communes.Total), mappingLoaded));
    }
}
