using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain.AdminUnits;

namespace OcopPortal.Web.Features.Producers;

public sealed record AddressFieldsModel(string? ProvinceCode, string? CommuneCode, IReadOnlyList<(string Code, string Name)> Provinces, IReadOnlyList<(string Code, string Name)> Communes);

/// <summary>Province and commune selects from the administrative-unit catalogue (current units only).</summary>
public sealed class AddressFieldsViewComponent(OcopDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string? provinceCode, string? communeCode)
    {
        var provinces = (await db.Set<Province>().AsNoTracking().Where(p => p.ValidTo == null).OrderBy(p => p.Name)
            .Select(p => new { p.Code, p.FullName }).ToListAsync()).Select(p => (p.Code, p.FullName)).ToList();
        var communes = string.IsNullOrEmpty(provinceCode)
            ? []
            : (await db.Set<Commune>().AsNoTracking().Where(c => c.ProvinceCode == provinceCode && c.ValidTo == null).OrderBy(c => c.Name)
                .Select(c => new { c.Code, c.FullName }).ToListAsync()).Select(c => (c.Code, c.FullName)).ToList();
        return View("~/Features/Producers/_AddressFields.cshtml", new AddressFieldsModel(provinceCode, communeCode, provinces, communes));
    }
}
