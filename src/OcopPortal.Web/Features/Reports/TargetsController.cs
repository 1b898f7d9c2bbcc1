using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain.Producers;
using OcopPortal.Web.Domain.Reports;
using OcopPortal.Web.Features.Dossiers;
using OcopPortal.Web.Infrastructure.Audit;
using OcopPortal.Web.Infrastructure.Auth;

namespace OcopPortal.Web.Features.Reports;

public sealed class TargetInput
{
    public int? Year { get; set; }

    public TargetKind? Kind { get; set; }

    public TargetSubject? Subject { get; set; }

    public decimal? Value { get; set; }

    public string? SectorCode { get; set; }

    public int? Stars { get; set; }

    public ProducerType? ProducerType { get; set; }

    public string? Description { get; set; }

    public Guid? Version { get; set; }

    public static TargetInput From(ProgrammeTarget t) => new()
    {
        Year = t.Year,
        Kind = t.Kind,
        Subject = t.Subject,
        Value = t.Value,
        SectorCode = t.SectorCode,
        Stars = t.Stars,
        ProducerType = t.ProducerType,
        Description = t.Description,
        Version = t.Version,
    };
}

public sealed class TargetInputValidator : AbstractValidator<TargetInput>
{
    public static readonly string[] Sectors = ["I", "II", "III", "IV", "V", "VI"];

    public TargetInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Year).NotNull().WithMessage(l["Vui lòng nhập năm của chỉ tiêu."])
            .InclusiveBetween(2018, 2100).WithMessage(l["Năm của chỉ tiêu phải từ 2018 đến 2100."]);
        RuleFor(x => x.Kind).NotNull().WithMessage(l["Vui lòng chọn loại chỉ tiêu (số lượng hoặc tỷ lệ)."]).IsInEnum().WithMessage(l["Loại chỉ tiêu không hợp lệ."]);
        RuleFor(x => x.Subject).NotNull().WithMessage(l["Vui lòng chọn đối tượng đếm (sản phẩm hoặc chủ thể)."]).IsInEnum().WithMessage(l["Đối tượng đếm không hợp lệ."]);
        RuleFor(x => x.Value).NotNull().WithMessage(l["Vui lòng nhập giá trị chỉ tiêu."]);
        RuleFor(x => x.Value).Must(v => v >= 1 && v <= 1_000_000 && v == decimal.Truncate(v!.Value)).When(x => x.Kind == TargetKind.Count && x.Value is not null)
            .WithMessage(l["Chỉ tiêu số lượng là số nguyên từ 1 đến 1.000.000."]);
        RuleFor(x => x.Value).Must(v => v > 0 && v <= 100).When(x => x.Kind == TargetKind.Ratio && x.Value is not null)
            .WithMessage(l["Chỉ tiêu tỷ lệ là phần trăm lớn hơn 0 và không quá 100."]);
        RuleFor(x => x).Must(x => !string.IsNullOrWhiteSpace(x.SectorCode) || x.Stars is not null || x.ProducerType is not null)
            .When(x => x.Kind == TargetKind.Ratio).WithName(nameof(TargetInput.Kind))
            .WithMessage(l["Chỉ tiêu tỷ lệ cần giới hạn theo ngành, hạng sao hoặc loại hình chủ thể (tỷ lệ của phần đó trên tổng số)."]);
        RuleFor(x => x.SectorCode).Must(s => Sectors.Contains(s!.Trim())).When(x => !string.IsNullOrWhiteSpace(x.SectorCode))
            .WithMessage(l["Ngành không hợp lệ."]);
        RuleFor(x => x.Stars).Must(s => s is 3 or 4 or 5).When(x => x.Stars is not null).WithMessage(l["Hạng sao phải là 3, 4 hoặc 5."]);
        RuleFor(x => x.ProducerType).IsInEnum().When(x => x.ProducerType is not null).WithMessage(l["Loại hình chủ thể không hợp lệ."]);
        RuleFor(x => x.Description).NotEmpty().WithMessage(l["Vui lòng nhập nội dung chỉ tiêu (ví dụ: theo kế hoạch số ...)."])
            .MaximumLength(500).WithMessage(l["Nội dung chỉ tiêu không quá 500 ký tự."]);
    }
}

/// <summary>Programme targets (chỉ tiêu): the Office records them; the dashboard shows each against what was reached.</summary>
[Authorize(Policy = Policies.Office)]
[Route("reports/targets")]
public sealed class TargetsController(OcopDbContext db, ReportQueries queries, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var targets = await db.ProgrammeTargets.AsNoTracking().OrderByDescending(t => t.Year).ThenBy(t => t.Id).ToListAsync(ct);
        return View(await queries.TargetsAsync(targets, queries.Today, ct));
    }

    [HttpGet("new")]
    public IActionResult Create() => View("Edit", new TargetInput { Year = queries.Today.Year, Kind = TargetKind.Count, Subject = TargetSubject.Products });

    [HttpPost("new")]
    public async Task<IActionResult> Create(TargetInput input, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return View("Edit", input);
        }

        var now = clock.GetUtcNow();
        var target = new ProgrammeTarget { CreatedAt = now, CreatedByUserId = DossierAccess.UserId(User) };
        Apply(target, input, now);
        await db.InTransactionAsync(async () =>
        {
            db.Add(target);
            await db.SaveChangesAsync(ct);
            audit.Record("target.created", nameof(ProgrammeTarget), Id(target.Id), Snapshot(target));
            await db.SaveChangesAsync(ct);
        }, ct);
        TempData["Flash"] = l["Đã thêm chỉ tiêu năm {0}.", target.Year].Value;
        return Redirect("/reports/targets");
    }

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var target = await db.ProgrammeTargets.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct);
        if (target is null)
        {
            return NotFound();
        }

        ViewData["TargetId"] = id;
        return View(TargetInput.From(target));
    }

    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, TargetInput input, CancellationToken ct)
    {
        var target = await db.ProgrammeTargets.SingleOrDefaultAsync(t => t.Id == id, ct);
        if (target is null)
        {
            return NotFound();
        }

        ViewData["TargetId"] = id;
        if (!ModelState.IsValid)
        {
            return View(input);
        }

        if (input.Version != target.Version)
        {
            ModelState.AddModelError("", l["Chỉ tiêu vừa được người khác sửa; hãy tải lại trang và nhập lại."]);
            return View(input);
        }

        var before = Snapshot(target);
        Apply(target, input, clock.GetUtcNow());
        try
        {
            audit.Record("target.updated", nameof(ProgrammeTarget), Id(id), new { Before = before, After = Snapshot(target) });
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", l["Chỉ tiêu vừa được người khác sửa; hãy tải lại trang và nhập lại."]);
            return View(input);
        }

        TempData["Flash"] = l["Đã lưu chỉ tiêu."].Value;
        return Redirect("/reports/targets");
    }

    [HttpGet("{id:int}/delete")]
    public async Task<IActionResult> Delete(int id, CancellationToken ct)
    {
        var target = await db.ProgrammeTargets.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct);
        return target is null ? NotFound() : View(target);
    }

    [HttpPost("{id:int}/delete")]
    public async Task<IActionResult> DeleteConfirmed(int id, CancellationToken ct)
    {
        var target = await db.ProgrammeTargets.SingleOrDefaultAsync(t => t.Id == id, ct);
        if (target is null)
        {
            return NotFound();
        }

        db.Remove(target);
        audit.Record("target.deleted", nameof(ProgrammeTarget), Id(id), Snapshot(target));
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = l["Đã xóa chỉ tiêu."].Value;
        return Redirect("/reports/targets");
    }

    private static void Apply(ProgrammeTarget t, TargetInput input, DateTimeOffset now)
    {
        t.Year = input.Year!.Value;
        t.Kind = input.Kind!.Value;
        t.Subject = input.Subject!.Value;
        t.Value = input.Value!.Value;
        t.SectorCode = string.IsNullOrWhiteSpace(input.SectorCode) ? null : input.SectorCode.Trim();
        t.Stars = input.Stars;
        t.ProducerType = input.ProducerType;
        t.Description = input.Description!.Trim();
        t.UpdatedAt = now;
        t.Version = Guid.NewGuid();
    }

    private static object Snapshot(ProgrammeTarget t) => new { t.Year, t.Kind, t.Subject, t.Value, t.SectorCode, t.Stars, t.ProducerType, t.Description };

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
