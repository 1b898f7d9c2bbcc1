using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OcopPortal.Web.Domain.Text;
using OcopPortal.Web.Infrastructure.Auth;

namespace OcopPortal.Web.Features.AdminUnits;

/// <summary>
/// The commune picker of address forms: <c>hx-get="/units/communes?province=92&amp;q=..."</c> swaps the returned
/// &lt;option&gt; elements into a &lt;select&gt;; <c>/units/communes.json</c> gives the same list as JSON.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
[Route("units")]
public sealed class UnitLookupController(AdminUnitCatalog catalog, TimeProvider clock) : Controller
{
    /// <summary>More than any province has (Hồ Chí Minh: 168), so an empty query lists them all.</summary>
    public const int Limit = 200;

    [HttpGet("communes")]
    public async Task<IActionResult> Communes(string? province, string? provinceCode, string? q, string? selected, CancellationToken ct) =>
        // provinceCode: what an address form's province <select name="ProvinceCode"> sends when htmx includes it
        PartialView("_CommuneOptions", new CommuneOptions(await FindAsync(province ?? provinceCode, q, ct), selected));

    [HttpGet("communes.json")]
    public async Task<IActionResult> CommunesJson(string? province, string? q, CancellationToken ct) =>
        Json(await FindAsync(province, q, ct));

    private async Task<IReadOnlyList<CommuneOption>> FindAsync(string? province, string? q, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(province))
        {
            return [];
        }

        var communes = await catalog.Matching(province.Trim(), q, DateOnly.FromDateTime(clock.GetLocalNow().Date))
            .OrderBy(c => c.SearchName).ThenBy(c => c.Code).Take(Limit).ToListAsync(ct);
        var key = VietnameseText.Fold(q);
        var byOldName = communes.Where(c => key.Length > 0 && !VietnameseText.Fold(c.FullName).Contains(key, StringComparison.Ordinal))
            .Select(c => c.Code).ToList();
        var old = byOldName.Count == 0 ? null : await catalog.OldUnitsAsync(byOldName, q, ct);
        return communes.Select(c => new CommuneOption(c.Code, c.FullName,
            old?[c.Code].Select(u => $"{u.Commune} ({u.District}, {u.Province})").FirstOrDefault())).ToList();
    }
}
