using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain.Rating;
using OcopPortal.Web.Domain.Rules;
using OcopPortal.Web.Infrastructure.Auth;

namespace OcopPortal.Web.Features.Rules;

public sealed class SelfAssessmentInput
{
    /// <summary>Leaf criterion node id → chosen option id.</summary>
    public Dictionary<int, int> Choices { get; set; } = [];

    /// <summary>Conditional criteria the producer marks as not applicable.</summary>
    public List<int> NotApplicable { get; set; } = [];
}

public sealed record SelfAssessmentResult(SheetScore Score, StarRating Rating, IReadOnlyList<string> Explanation);

public sealed record SelfAssessmentPage(CriteriaSet Set, SelfAssessmentInput Input, SelfAssessmentResult? Result);

/// <summary>
/// Try a criteria set: tick one option per criterion and see the total, the star and why not the next star —
/// the same engine the council's sheets use. Nothing is stored (dossiers keep their own self-assessment).
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
[Route("rules/{id:int}/sets/{number:int}/self-assessment")]
public sealed class SelfAssessmentController(OcopDbContext db, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int id, int number, CancellationToken ct)
    {
        var set = await db.LoadSheetAsync(id, number, ct);
        return set is null ? NotFound() : View(new SelfAssessmentPage(set, new SelfAssessmentInput(), null));
    }

    [HttpPost("")]
    public async Task<IActionResult> Index(int id, int number, SelfAssessmentInput input, CancellationToken ct)
    {
        var set = await db.LoadSheetAsync(id, number, ct);
        return set is null ? NotFound() : View(new SelfAssessmentPage(set, input, Evaluate(set, input)));
    }

    /// <summary>The same evaluation as a fragment: htmx posts the form on every change and swaps the verdict in.</summary>
    [HttpPost("result")]
    public async Task<IActionResult> Result(int id, int number, SelfAssessmentInput input, CancellationToken ct)
    {
        var set = await db.LoadSheetAsync(id, number, ct);
        if (set is null)
        {
            return NotFound();
        }

        var result = Evaluate(set, input);
        return result is null ? PartialView("_FormErrors") : PartialView("_Result", result);
    }

    private SelfAssessmentResult? Evaluate(CriteriaSet set, SelfAssessmentInput input)
    {
        var result = SelfAssessmentScoring.Evaluate(set, input);
        if (result is null)
        {
            ModelState.AddModelError("", l[SelfAssessmentScoring.ForeignOptionMessage]);
        }

        return result;
    }
}
