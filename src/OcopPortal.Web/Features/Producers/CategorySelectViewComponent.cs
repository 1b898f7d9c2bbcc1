using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain.Rules;

namespace OcopPortal.Web.Features.Producers;

public sealed record CategoryOption(string Code, string Label, int CriteriaSet);

public sealed record CategoryGroup(string Sector, IReadOnlyList<CategoryOption> Options);

/// <summary>The classification leaves of the current rule set, grouped by sector, for a product's "nhóm sản phẩm".</summary>
public sealed class CategorySelectViewComponent(OcopDbContext db, CurrentRules rules) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string? selected)
    {
        var ruleSetId = await rules.IdAsync(HttpContext.RequestAborted);
        var all = await db.ProductCategories.AsNoTracking().Where(c => c.RuleSetId == ruleSetId).OrderBy(c => c.SortOrder).ToListAsync();
        var names = all.ToDictionary(c => c.Code, c => c.Name);
        string SectorOf(ProductCategory c) => c.Level == CategoryLevel.SubGroup ? names.Keys.First(k => c.ParentCode!.StartsWith(k + ".", StringComparison.Ordinal)) : c.ParentCode!;
        var groups = all.Where(c => c.CriteriaSetNumber is not null)
            .GroupBy(SectorOf)
            .Select(g => new CategoryGroup($"{g.Key}. {names[g.Key]}", g.Select(c => new CategoryOption(c.Code,
                c.Level == CategoryLevel.SubGroup ? $"{c.Code} {names[c.ParentCode!]} – {c.Name}" : $"{c.Code} {c.Name}", c.CriteriaSetNumber!.Value)).ToList()))
            .ToList();
        ViewData["Selected"] = selected;
        return View("~/Features/Producers/_CategorySelect.cshtml", groups);
    }
}
