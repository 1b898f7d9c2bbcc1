using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain.Dossiers;
using OcopPortal.Web.Domain.Producers;
using OcopPortal.Web.Domain.Rating;
using OcopPortal.Web.Features.Producers;
using OcopPortal.Web.Features.Rules;
using OcopPortal.Web.Infrastructure.Audit;
using OcopPortal.Web.Infrastructure.Auth;
using OcopPortal.Web.Infrastructure.Web;

namespace OcopPortal.Web.Features.Dossiers;

/// <summary>
/// Dossier lists and the dossier page for every role that works with dossiers, plus what the producer edits while
/// preparing one (details, self-assessment). Every dossier is loaded through <see cref="DossierAccess"/>.
/// </summary>
[Authorize(Policy = Policies.Dossiers)]
[Route("dossiers")]
public sealed class DossiersController(
    OcopDbContext db, DossierAccess access, DossierService dossiers, DossierPages pages, ProducerProfiles profiles,
    AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> l) : Controller
{
    /// <summary>Lists count this far and then say "more than"; a queue that long is filtered, not paged through.</summary>
    public const int MaxCounted = 10_000;

    public const string ConflictMessage = "Hồ sơ vừa được người khác xử lý hoặc cập nhật. Trang đã được tải lại với thông tin mới nhất; thao tác của bạn chưa được thực hiện.";

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] DossierFilter filter, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        var visible = access.Visible(User);
        var filtered = visible;
        if (filter.Status is { } status)
        {
            filtered = filtered.Where(d => d.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(filter.Commune))
        {
            filtered = filtered.Where(d => d.CommuneCode == filter.Commune);
        }

        if (filter.Set is { } set)
        {
            filtered = filtered.Where(d => db.Set<Product>().Any(p => p.Id == d.ProductId && p.CriteriaSetNumber == set));
        }

        if (filter.Overdue)
        {
            filtered = filtered.Where(d => (d.Status == DossierStatus.AtCommune && d.CommuneDueOn < today)
                                           || (d.Status == DossierStatus.SupplementRequested && d.SupplementDueOn < today));
        }

        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = filter.Q.Trim();
            filtered = filtered.Where(d => (d.Number != null && d.Number.Contains(q))
                                           || db.Set<Product>().Any(p => p.Id == d.ProductId && p.Name.Contains(q))
                                           || db.Set<Producer>().Any(pr => pr.Id == d.ProducerId && pr.Name.Contains(q)));
        }

        // Count and page the dossiers alone (indexed on UpdatedAt, Id); join names for the one page shown.
        var ids = await filtered.ToPagedAsync(q => q.OrderByDescending(d => d.UpdatedAt).ThenByDescending(d => d.Id).Select(d => d.Id),
            filter.Page, countLimit: MaxCounted, ct: ct);
        var pageIds = ids.Items.ToList();
        var loaded = await (from d in db.Dossiers
                            join p in db.Set<Product>() on d.ProductId equals p.Id
                            join pr in db.Set<Producer>() on d.ProducerId equals pr.Id
                            join c in db.Communes on d.CommuneCode equals c.Code
                            where pageIds.Contains(d.Id)
                            select new DossierRow(d.Id, d.Number, p.Name, pr.Name, d.CommuneCode, c.FullName, d.Kind, d.TargetStars, d.Status,
                                d.UpdatedAt, d.CommuneDueOn, d.SupplementDueOn, p.CriteriaSetNumber,
                                d.Slots.Count(s => s.Required && !s.Files.Any(f => f.SupersededAt == null)))).ToListAsync(ct);
        var rows = new Paged<DossierRow>(pageIds.Select(id => loaded.Single(r => r.Id == id)).ToList(), ids.Page, ids.PageSize, ids.Total, ids.Capped);
        var isProducer = User.IsInRole(Roles.Producer);
        // The filter lists the province's communes that have dossiers (a provincial portal: about a hundred, not 3,321).
        var province = HttpContext.RequestServices.GetRequiredService<IOptions<PortalOptions>>().Value.ProvinceCode;
        var communes = isProducer ? [] : (await db.Communes.Where(c => c.ProvinceCode == province && visible.Any(d => d.CommuneCode == c.Code)).OrderBy(c => c.Name)
            .Select(c => new { c.Code, c.FullName }).ToListAsync(ct)).Select(c => (c.Code, c.FullName)).ToList();
        var ruleSetId = await HttpContext.RequestServices.GetRequiredService<CurrentRules>().IdAsync(ct);
        var sets = (await db.CriteriaSets.Where(s => s.RuleSetId == ruleSetId).OrderBy(s => s.Number).Select(s => new { s.Number, s.Name }).ToListAsync(ct))
            .Select(s => (s.Number, s.Name)).ToList();
        return View(new DossierListPage(rows, filter, communes, sets, today, isProducer));
    }

    [Authorize(Policy = Policies.Producer)]
    [HttpGet("new")]
    public async Task<IActionResult> New(int? productId, CancellationToken ct)
    {
        var producer = await profiles.OwnedByAsync(DossierAccess.UserId(User), ct);
        if (producer is null)
        {
            TempData["Flash"] = l["Hãy khai báo hồ sơ chủ thể trước khi lập hồ sơ sản phẩm."].Value;
            return Redirect("/producer/profile");
        }

        return View(await NewPageAsync(producer, new DossierDetailsInput { ProductId = productId, Kind = DossierKind.FirstEvaluation }, ct));
    }

    [Authorize(Policy = Policies.Producer)]
    [HttpPost("new")]
    public async Task<IActionResult> New(DossierDetailsInput input, CancellationToken ct)
    {
        var producer = await profiles.OwnedByAsync(DossierAccess.UserId(User), ct);
        if (producer is null)
        {
            return Redirect("/producer/profile");
        }

        var product = input.ProductId is { } pid ? await db.Set<Product>().SingleOrDefaultAsync(p => p.Id == pid && p.ProducerId == producer.Id, ct) : null;
        if (product is null)
        {
            ModelState.AddModelError(nameof(input.ProductId), l["Vui lòng chọn một sản phẩm của bạn."]);
        }
        else if (await db.Dossiers.AnyAsync(d => d.ProductId == product.Id && d.Status != DossierStatus.Rejected && d.Status != DossierStatus.Withdrawn && d.Status != DossierStatus.Accepted
            && d.Status != DossierStatus.Evaluated, ct)) // an evaluated dossier is finished: the product may be filed again (upgrade, re-evaluation)
        {
            ModelState.AddModelError(nameof(input.ProductId), l["Sản phẩm này đang có một hồ sơ chưa xử lý xong; hãy tiếp tục hồ sơ đó."]);
        }

        if (!ModelState.IsValid)
        {
            return View(await NewPageAsync(producer, input, ct));
        }

        var dossier = await dossiers.OpenAsync(producer, product!, input, User, ct);
        TempData["Flash"] = l["Đã lập hồ sơ. Danh mục tài liệu bên dưới cho biết những gì cần tải lên."].Value;
        return Redirect($"/dossiers/{dossier.Id}");
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Show(int id, CancellationToken ct)
    {
        var grant = await access.FindAsync(User, id, ct);
        return grant is null ? NotFound() : View(await pages.BuildAsync(grant, ct));
    }

    /// <summary>The producer changes a draft's kind, target or narrative; the checklist follows (files are kept).</summary>
    [Authorize(Policy = Policies.Producer)]
    [HttpPost("{id:int}/details")]
    public async Task<IActionResult> Details(int id, DossierDetailsInput input, CancellationToken ct)
    {
        var grant = await access.FindAsync(User, id, ct);
        if (grant is not { Actor: DossierActor.Producer } || grant.Dossier.Status != DossierStatus.Draft)
        {
            return grant is null ? NotFound() : Forbid();
        }

        var d = grant.Dossier;
        if (!ModelState.IsValid)
        {
            TempData["DetailsErrors"] = string.Join("\n", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).Distinct());
            return Redirect($"/dossiers/{id}#details");
        }

        db.Entry(d).Property(x => x.Version).OriginalValue = input.Version;
        input.ApplyTo(d);
        DossierService.SyncSlots(d, SheetDefinition.From(await dossiers.PinnedSetAsync(d, ct)));
        d.UpdatedAt = clock.GetUtcNow();
        d.Version = Guid.NewGuid();
        audit.Record("dossier.details-updated", nameof(Dossier), id.ToString(System.Globalization.CultureInfo.InvariantCulture), new { d.Kind, d.TargetStars });
        try
        {
            await db.SaveChangesAsync(ct);
            TempData["Flash"] = l["Đã lưu thông tin hồ sơ; danh mục tài liệu đã được cập nhật theo hạng sao mục tiêu."].Value;
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["FlashError"] = l[ConflictMessage].Value;
        }

        return Redirect($"/dossiers/{id}");
    }

    [HttpGet("{id:int}/self-assessment")]
    public async Task<IActionResult> SelfAssessment(int id, CancellationToken ct)
    {
        var grant = await access.FindAsync(User, id, ct);
        if (grant is null)
        {
            return NotFound();
        }

        var page = await pages.BuildAsync(grant, ct);
        var answers = await db.Set<DossierAnswer>().AsNoTracking().Where(a => a.DossierId == id).ToListAsync(ct);
        return View(new DossierSelfAssessmentPage(page, DossierAnswers.ToInput(page.CriteriaSet, answers)));
    }

    /// <summary>Saves the producer's answers and the engine's verdict (the server is the source of truth).</summary>
    [Authorize(Policy = Policies.Producer)]
    [HttpPost("{id:int}/self-assessment")]
    public async Task<IActionResult> SelfAssessment(int id, SelfAssessmentInput input, CancellationToken ct)
    {
        var grant = await access.FindAsync(User, id, ct);
        if (grant is not { Actor: DossierActor.Producer })
        {
            return NotFound();
        }

        var page = await pages.BuildAsync(grant, ct);
        if (!DossierWorkflow.ProducerMayEdit(grant.Dossier.Status) || grant.Dossier.Status != DossierStatus.Draft)
        {
            TempData["FlashError"] = l["Chỉ sửa được phần tự đánh giá khi hồ sơ còn là bản nháp."].Value;
            return Redirect($"/dossiers/{id}/self-assessment");
        }

        var set = page.CriteriaSet;
        var result = SelfAssessmentScoring.Evaluate(set, input);
        if (result is null)
        {
            ModelState.AddModelError("", l[SelfAssessmentScoring.ForeignOptionMessage]);
            return View(new DossierSelfAssessmentPage(page, input));
        }

        var leaves = SelfAssessmentScoring.LeavesById(set, SheetDefinition.From(set));
        var stored = await db.Set<DossierAnswer>().Where(a => a.DossierId == id).ToListAsync(ct);
        db.RemoveRange(stored);
        foreach (var (nodeId, node) in leaves)
        {
            var chosen = input.Choices.TryGetValue(nodeId, out var o) ? o : (int?)null;
            var na = input.NotApplicable.Contains(nodeId);
            if (chosen is not null || na)
            {
                db.Add(new DossierAnswer { DossierId = id, CriterionCode = node.Code, OptionId = chosen, NotApplicable = na });
            }
        }

        var d = grant.Dossier;
        d.SelfAssessedTotal = result.Score.Total;
        d.SelfAssessedStars = result.Rating.Stars;
        d.UpdatedAt = clock.GetUtcNow();
        audit.Record("dossier.self-assessed", nameof(Dossier), id.ToString(System.Globalization.CultureInfo.InvariantCulture), new { result.Score.Total, result.Rating.Stars });
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = l["Đã lưu phần tự đánh giá: {0} điểm.", result.Score.Total.ToString("0.##", System.Globalization.CultureInfo.CurrentCulture)].Value;
        return Redirect($"/dossiers/{id}/self-assessment");
    }

    /// <summary>The live verdict while options are chosen (htmx); nothing is stored.</summary>
    [Authorize(Policy = Policies.Producer)]
    [HttpPost("{id:int}/self-assessment/result")]
    public async Task<IActionResult> SelfAssessmentResult(int id, SelfAssessmentInput input, CancellationToken ct)
    {
        var grant = await access.FindAsync(User, id, ct);
        if (grant is not { Actor: DossierActor.Producer })
        {
            return NotFound();
        }

        var result = SelfAssessmentScoring.Evaluate(await dossiers.PinnedSetAsync(grant.Dossier, ct), input);
        if (result is null)
        {
            ModelState.AddModelError("", l[SelfAssessmentScoring.ForeignOptionMessage]);
            return PartialView("_FormErrors");
        }

        return PartialView("~/Features/Rules/SelfAssessment/_Result.cshtml", result);
    }

    private async Task<NewDossierPage> NewPageAsync(Producer producer, DossierDetailsInput input, CancellationToken ct)
    {
        var products = await db.Set<Product>().Where(p => p.ProducerId == producer.Id).OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync(ct);
        return new NewDossierPage(input, products.Select(p => (p.Id, p.Name)).ToList());
    }
}

public sealed record DossierSelfAssessmentPage(DossierPage Page, SelfAssessmentInput Input);
