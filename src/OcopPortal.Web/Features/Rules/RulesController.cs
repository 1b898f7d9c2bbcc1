using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain.Rules;
using OcopPortal.Web.Infrastructure.Auth;

namespace OcopPortal.Web.Features.Rules;

public sealed record RuleSetRow(int Id, string Code, string Name, DateOnly EffectiveFrom, DateOnly? EffectiveTo, RuleSetStatus Status, int CriteriaSets);

public sealed record RuleSetDetails(RuleSet RuleSet, IReadOnlyList<ProductCategory> Categories, IReadOnlyList<CriteriaSetRow> Sets, IReadOnlyList<LegacyCategory> Legacy);

public sealed record CriteriaSetRow(int Number, string Code, string Name, string LeadMinistries, bool SamplesRequired, int Criteria);

/// <summary>Browse the legal rule data: rule sets, classification, criteria sets (read-only; drafts are edited in <see cref="RuleDraftsController"/>).</summary>
[Authorize(Policy = Policies.OfficeOrAdmin)]
[Route("rules")]
public sealed class RulesController(OcopDbContext db) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var rows = await db.RuleSets.AsNoTracking().OrderByDescending(r => r.EffectiveFrom)
            .Select(r => new RuleSetRow(r.Id, r.Code, r.Name, r.EffectiveFrom, r.EffectiveTo, r.Status, r.CriteriaSets.Count))
            .ToListAsync(ct);
        return View(rows);
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken ct)
    {
        var ruleSet = await db.RuleSets.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (ruleSet is null)
        {
            return NotFound();
        }

        var categories = await db.ProductCategories.AsNoTracking().Where(c => c.RuleSetId == id).OrderBy(c => c.SortOrder).ToListAsync(ct);
        var sets = await db.CriteriaSets.AsNoTracking().Where(s => s.RuleSetId == id).OrderBy(s => s.Number)
            .Select(s => new CriteriaSetRow(s.Number, s.Code, s.Name, s.LeadMinistries, s.SamplesRequired,
                s.Nodes.Count(n => n.Kind == CriterionNodeKind.Criterion && n.Children.Count == 0)))
            .ToListAsync(ct);
        var legacy = await db.LegacyCategories.AsNoTracking().OrderBy(l => l.Era).ThenBy(l => l.Name).ToListAsync(ct);
        return View(new RuleSetDetails(ruleSet, categories, sets, legacy));
    }

    [HttpGet("{id:int}/sets/{number:int}")]
    public async Task<IActionResult> Sheet(int id, int number, CancellationToken ct)
    {
        var set = await db.LoadSheetAsync(id, number, ct);
        return set is null ? NotFound() : View(set);
    }
}
