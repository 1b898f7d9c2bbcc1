using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OcopPortal.Web.Data;
using OcopPortal.Web.Data.Rules;
using OcopPortal.Web.Domain.Rules;
using OcopPortal.Web.Infrastructure.Audit;
using OcopPortal.Web.Infrastructure.Auth;

namespace OcopPortal.Web.Features.Rules;

/// <summary>
/// A province's future instrument: copy a rule set into a draft, adjust its parameters and option points,
/// then publish once every criteria set passes the sum checks. Published sets are refused by
/// <see cref="PublishedRulesGuard"/> whatever this controller does.
/// </summary>
[Authorize(Policy = Policies.Admin)]
[Route("rules/{id:int}")]
public sealed class RuleDraftsController(OcopDbContext db, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("copy")]
    public async Task<IActionResult> Copy(int id, CancellationToken ct)
    {
        var source = await db.RuleSets.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (source is null)
        {
            return NotFound();
        }

        var input = RuleSetInput.From(source);
        (input.Code, input.Name, input.EffectiveFrom, input.EffectiveTo) = ($"{source.Code}-NHAP", $"{source.Name} (bản nháp)", DateOnly.FromDateTime(clock.GetLocalNow().Date), null);
        ViewData["Source"] = source.Code;
        return View(input);
    }

    [HttpPost("copy")]
    public async Task<IActionResult> Copy(int id, RuleSetInput input, CancellationToken ct)
    {
        var source = await db.LoadWholeAsync(id, ct);
        if (source is null)
        {
            return NotFound();
        }

        await CheckCodeIsFreeAsync(input, id: null, ct);
        if (!ModelState.IsValid)
        {
            ViewData["Source"] = source.Code;
            return View(input);
        }

        var draft = new RuleSet { Status = RuleSetStatus.Draft, CopiedFromId = source.Id };
        input.ApplyTo(draft);
        await db.InTransactionAsync(async () =>
        {
            db.RuleSets.Add(draft);
            await db.SaveChangesAsync(ct);
            RuleSetCopier.CopyContent(source, draft);
            audit.Record("rules.draft-created", nameof(RuleSet), draft.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), new { From = source.Code, draft.Code });
            await db.SaveChangesAsync(ct);
        }, ct);
        TempData["Flash"] = l["Đã tạo bản nháp {0}.", draft.Code].Value;
        return Redirect($"/rules/{draft.Id}");
    }

    [HttpGet("edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var draft = await db.RuleSets.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id && r.Status == RuleSetStatus.Draft, ct);
        return draft is null ? NotFound() : View(RuleSetInput.From(draft));
    }

    [HttpPost("edit")]
    public async Task<IActionResult> Edit(int id, RuleSetInput input, CancellationToken ct)
    {
        var draft = await db.RuleSets.SingleOrDefaultAsync(r => r.Id == id && r.Status == RuleSetStatus.Draft, ct);
        if (draft is null)
        {
            return NotFound();
        }

        await CheckCodeIsFreeAsync(input, id, ct);
        if (!ModelState.IsValid)
        {
            return View(input);
        }

        input.ApplyTo(draft);
        audit.Record("rules.draft-edited", nameof(RuleSet), id.ToString(System.Globalization.CultureInfo.InvariantCulture), new { draft.Code });
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = l["Đã lưu thông số."].Value;
        return Redirect($"/rules/{id}");
    }

    [HttpGet("sets/{number:int}/criteria/{nodeId:int}")]
    public async Task<IActionResult> Criterion(int id, int number, int nodeId, CancellationToken ct)
    {
        var node = await DraftLeafAsync(id, nodeId, ct);
        if (node is null)
        {
            return NotFound();
        }

        ViewData["Node"] = node;
        return View(new CriterionOptionsInput
        {
            Options = node.Options.OrderBy(o => o.SortOrder).Select(o => new OptionInput { Id = o.Id, Label = o.Label, Points = o.Points, MinStar = o.MinStar }).ToList(),
        });
    }

    [HttpPost("sets/{number:int}/criteria/{nodeId:int}")]
    public async Task<IActionResult> Criterion(int id, int number, int nodeId, CriterionOptionsInput input, CancellationToken ct)
    {
        var node = await DraftLeafAsync(id, nodeId, ct);
        if (node is null)
        {
            return NotFound();
        }

        if (input.Options.Any(i => node.Options.All(o => o.Id != i.Id)))
        {
            ModelState.AddModelError("", l["Phương án không thuộc tiêu chí này."]);
        }

        if (!ModelState.IsValid)
        {
            ViewData["Node"] = node;
            return View(input);
        }

        foreach (var i in input.Options)
        {
            var option = node.Options.Single(o => o.Id == i.Id);
            (option.Label, option.Points, option.MinStar) = (i.Label!.Trim(), i.Points, i.MinStar);
        }

        audit.Record("rules.criterion-edited", nameof(CriterionNode), nodeId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            new { node.Code, Options = input.Options.Select(o => new { o.Points, o.MinStar }) });
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = l["Đã lưu phương án tiêu chí {0}. Kiểm tra tổng điểm sẽ chạy khi ban hành.", node.Code].Value;
        return Redirect($"/rules/{id}/sets/{number}");
    }

    [HttpPost("publish")]
    public async Task<IActionResult> Publish(int id, CancellationToken ct)
    {
        var draft = await db.LoadWholeAsync(id, ct);
        if (draft is null || draft.Status != RuleSetStatus.Draft)
        {
            return NotFound();
        }

        var errors = draft.CriteriaSets.OrderBy(s => s.Number).SelectMany(s => CriteriaSetChecks.Validate(s, draft)).ToList();
        if (draft.CriteriaSets.Count == 0)
        {
            errors.Add(l["Bản nháp chưa có bộ tiêu chí nào."]);
        }

        if (errors.Count > 0)
        {
            TempData["PublishErrors"] = string.Join("\n", errors.Take(50));
            return Redirect($"/rules/{id}");
        }

        draft.Status = RuleSetStatus.Published;
        draft.PublishedAt = clock.GetUtcNow();
        audit.Record("rules.published", nameof(RuleSet), id.ToString(System.Globalization.CultureInfo.InvariantCulture), new { draft.Code });
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = l["Đã ban hành {0}. Từ nay bộ quy tắc này không sửa được nữa.", draft.Code].Value;
        return Redirect($"/rules/{id}");
    }

    [HttpPost("delete")]
    public async Task<IActionResult> Delete(int id, CancellationToken ct)
    {
        var draft = await db.LoadWholeAsync(id, ct);
        if (draft is null || draft.Status != RuleSetStatus.Draft)
        {
            return NotFound();
        }

        // Nodes reference their parents without cascade (SQL Server allows one cascade path), so remove the tree explicitly.
        db.RemoveRange(draft.CriteriaSets.SelectMany(s => s.Nodes));
        db.RuleSets.Remove(draft);
        audit.Record("rules.draft-deleted", nameof(RuleSet), id.ToString(System.Globalization.CultureInfo.InvariantCulture), new { draft.Code });
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = l["Đã xoá bản nháp {0}.", draft.Code].Value;
        return Redirect("/rules");
    }

    private Task<CriterionNode?> DraftLeafAsync(int ruleSetId, int nodeId, CancellationToken ct) =>
        db.CriterionNodes.Include(n => n.Options)
            .Where(n => n.Id == nodeId && n.RuleSetId == ruleSetId && n.Kind == CriterionNodeKind.Criterion && n.Children.Count == 0)
            .Where(n => db.RuleSets.Any(r => r.Id == ruleSetId && r.Status == RuleSetStatus.Draft))
            .SingleOrDefaultAsync(ct);

    private async Task CheckCodeIsFreeAsync(RuleSetInput input, int? id, CancellationToken ct)
    {
        var code = input.Code?.Trim();
        if (!string.IsNullOrEmpty(code) && await db.RuleSets.AnyAsync(r => r.Code == code && r.Id != id, ct))
        {
            ModelState.AddModelError(nameof(input.Code), l["Mã {0} đã được dùng.", code]);
        }
    }
}
