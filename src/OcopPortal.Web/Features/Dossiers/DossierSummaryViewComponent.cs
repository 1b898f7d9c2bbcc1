using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OcopPortal.Web.Domain.Dossiers;

namespace OcopPortal.Web.Features.Dossiers;

public sealed record DossierSummary(IReadOnlyDictionary<DossierStatus, int> ByStatus, int Overdue, DateOnly Today)
{
    public int Count(DossierStatus s) => ByStatus.GetValueOrDefault(s);
}

/// <summary>The dossiers the user may see, counted by status, with the overdue ones: the work list on each role's home page.</summary>
public sealed class DossierSummaryViewComponent(DossierAccess access, TimeProvider clock) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        var visible = access.Visible(UserClaimsPrincipal);
        var byStatus = await visible.GroupBy(d => d.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count);
        var overdue = await visible.CountAsync(d => (d.Status == DossierStatus.AtCommune && d.CommuneDueOn < today)
                                                   || (d.Status == DossierStatus.SupplementRequested && d.SupplementDueOn < today));
        return View("~/Features/Dossiers/_Summary.cshtml", new DossierSummary(byStatus, overdue, today));
    }
}
