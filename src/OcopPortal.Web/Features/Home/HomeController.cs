using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using OcopPortal.Web.Features.Catalogue;

namespace OcopPortal.Web.Features.Home;

public sealed record HomeModel(ProgrammeNumbers Numbers, IReadOnlyList<CatalogueCard> Newest, CatalogueReference Reference, DateOnly Today);

/// <summary>
/// The public home page: anonymous because it is the programme's front door (the programme in numbers, the newest
/// recognised products, entry points by sector). Output-cached for anonymous visitors with the catalogue.
/// </summary>
[AllowAnonymous]
public sealed class HomeController(CatalogueQueries queries) : Controller
{
    [HttpGet("/")]
    [OutputCache(PolicyName = CatalogueCaching.Policy)]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var numbers = await queries.NumbersAsync(ct);
        var newest = await queries.NewestAsync(8, ct);
        var reference = await queries.ReferenceAsync(ct);
        return View(new HomeModel(numbers, newest, reference, queries.Today));
    }
}
