using System.Security.Claims;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain.Dossiers;
using OcopPortal.Web.Domain.Producers;
using OcopPortal.Web.Domain.Recognition;
using OcopPortal.Web.Features.Dossiers;
using OcopPortal.Web.Infrastructure.Auth;

namespace OcopPortal.Web.Features.Certificates;

/// <summary>What the producer states to ask for an upgrade (nâng hạng).</summary>
public sealed class UpgradeInput
{
    public int? TargetStars { get; set; }

    public string? ChangesSinceRecognition { get; set; }
}

public sealed class UpgradeInputValidator : AbstractValidator<UpgradeInput>
{
    public UpgradeInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.TargetStars).NotNull().WithMessage(l["Vui lòng chọn hạng sao mục tiêu."])
            .InclusiveBetween(4, 5).WithMessage(l["Nâng hạng lên 4 hoặc 5 sao."]);
        RuleFor(x => x.ChangesSinceRecognition).NotEmpty().WithMessage(l["Hồ sơ nâng hạng phải nêu những thay đổi so với lần công nhận trước."])
            .MaximumLength(4000).WithMessage(l["Phần nêu thay đổi không quá 4.000 ký tự."]);
    }
}

public sealed record UpgradePage(CertificateDetail Detail, UpgradeInput Input);

/// <summary>
/// The producer's certificates (own producer only; anything else is 404): status and days to expiry, the
/// re-recognition window, the PDF, the council's result without member identities, and the two ways forward, a
/// re-recognition inside the 180–120-day window and an upgrade for 3★/4★, each starting a dossier pre-filled from
/// the previous one.
/// </summary>
[Authorize(Policy = Policies.Producer)]
[Route("my/certificates")]
public sealed class MyCertificatesController(
    OcopDbContext db, CertificateRegistry registry, CertificatePages pages, DossierService dossiers,
    IValidator<DossierDetailsInput> detailsValidator, TimeProvider clock, IStringLocalizer<SharedResource> l) : Controller
{
    /// <summary>Slots whose previous content cannot stand for the new dossier: forms, periodic tests, what changed, recent accounts.</summary>
    public static readonly IReadOnlySet<string> MustUpdate = new HashSet<string>(StringComparer.Ordinal)
    {
        EvidenceChecklist.RegistrationForm, EvidenceChecklist.SelfAssessment, "test-report", "updates", "changes", "financial-statements",
    };

    public const string MustUpdateHint = "Cần cập nhật so với hồ sơ lần trước.";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var mine = await registry.Visible(User).AsNoTracking().OrderByDescending(c => c.IssuedOn).ThenByDescending(c => c.Id).Take(200).ToListAsync(ct);
        var details = new List<CertificateDetail>(mine.Count);
        foreach (var c in mine)
        {
            details.Add(await pages.DetailAsync(c, Request, ct));
        }

        return View(new MyCertificatesPage(details));
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Show(int id, CancellationToken ct)
    {
        var c = await OwnAsync(id, ct);
        if (c is null)
        {
            return NotFound();
        }

        var traceCode = await db.TraceRecords.AsNoTracking().Where(t => t.ProductId == c.ProductId && t.CurrentVersion > 0).Select(t => t.Code).FirstOrDefaultAsync(ct);
        return View(new MyCertificatePage(await pages.DetailAsync(c, Request, ct), await pages.FeedbackAsync(c, ct), await OpenDossierAsync(c, ct), traceCode));
    }

    /// <summary>Đề nghị đánh giá lại: a re-evaluation dossier for the same product and star, only while the window is open.</summary>
    [HttpPost("{id:int}/re-recognition")]
    public async Task<IActionResult> ReRecognition(int id, CancellationToken ct)
    {
        var c = await OwnAsync(id, ct);
        if (c is null)
        {
            return NotFound();
        }

        return await StartAsync(c, new DossierDetailsInput { Kind = DossierKind.ReEvaluation, TargetStars = Math.Clamp(c.Stars, 3, 5) }, ct);
    }

    [HttpGet("{id:int}/upgrade")]
    public async Task<IActionResult> Upgrade(int id, CancellationToken ct)
    {
        var c = await OwnAsync(id, ct);
        if (c is null)
        {
            return NotFound();
        }

        var detail = await pages.DetailAsync(c, Request, ct);
        if (!detail.CanUpgrade)
        {
            TempData["FlashError"] = l["Chỉ giấy chứng nhận 3 sao hoặc 4 sao còn hiệu lực mới được đề nghị nâng hạng."].Value;
            return Redirect($"/my/certificates/{id}");
        }

        return View(new UpgradePage(detail, new UpgradeInput { TargetStars = c.Stars + 1 }));
    }

    /// <summary>Đề nghị nâng hạng: an upgrade dossier for a 3★/4★ certificate in force, stating what changed.</summary>
    [HttpPost("{id:int}/upgrade")]
    public async Task<IActionResult> Upgrade(int id, UpgradeInput input, CancellationToken ct)
    {
        var c = await OwnAsync(id, ct);
        if (c is null)
        {
            return NotFound();
        }

        var detail = await pages.DetailAsync(c, Request, ct);
        if (!detail.CanUpgrade)
        {
            TempData["FlashError"] = l["Chỉ giấy chứng nhận 3 sao hoặc 4 sao còn hiệu lực mới được đề nghị nâng hạng."].Value;
            return Redirect($"/my/certificates/{id}");
        }

        if (input.TargetStars is { } target && target <= c.Stars)
        {
            ModelState.AddModelError(nameof(input.TargetStars), l["Hạng sao mục tiêu phải cao hơn hạng hiện có ({0} sao).", c.Stars]);
        }

        if (!ModelState.IsValid)
        {
            return View(new UpgradePage(detail, input));
        }

        return await StartAsync(c, new DossierDetailsInput
        {
            Kind = DossierKind.Upgrade,
            TargetStars = input.TargetStars,
            ChangesSinceRecognition = input.ChangesSinceRecognition,
        }, ct);
    }

    private async Task<IActionResult> StartAsync(Certificate c, DossierDetailsInput input, CancellationToken ct)
    {
        var detail = await pages.DetailAsync(c, Request, ct);
        if (!CertificateLifecycle.IsInForce(detail.Status) && detail.Status != CertificateStatus.Expired)
        {
            TempData["FlashError"] = l["Giấy chứng nhận này không còn là giấy chứng nhận hiện hành của sản phẩm."].Value;
            return Redirect($"/my/certificates/{c.Id}");
        }

        var producer = await db.Set<Producer>().FirstOrDefaultAsync(p => p.Id == c.ProducerId, ct);
        var product = await db.Set<Product>().FirstOrDefaultAsync(p => p.Id == c.ProductId && p.ProducerId == c.ProducerId, ct);
        if (producer is null || product is null)
        {
            return NotFound();
        }

        if (await OpenDossierAsync(c, ct) is { } open)
        {
            TempData["FlashError"] = l["Sản phẩm này đang có một hồ sơ chưa xử lý xong; hãy tiếp tục hồ sơ đó."].Value;
            return Redirect($"/dossiers/{open}");
        }

        var previous = c.DossierId is { } did ? await db.Dossiers.AsNoTracking().FirstOrDefaultAsync(d => d.Id == did && d.ProducerId == c.ProducerId, ct) : null;
        input.ProductId = product.Id;
        input.PreviousCertificateNumber = c.Number;
        input.PreviousCertificateValidUntil = c.ValidUntil;
        input.BusinessResults = previous?.BusinessResults;
        input.FuturePlan = previous?.FuturePlan;
        var check = await detailsValidator.ValidateAsync(input, ct);
        if (!check.IsValid)
        {
            TempData["FlashError"] = string.Join(" ", check.Errors.Select(e => e.ErrorMessage).Distinct());
            return Redirect($"/my/certificates/{c.Id}");
        }

        var dossier = await dossiers.OpenAsync(producer, product, input, User, ct);
        var carried = await PrefillSlotsAsync(dossier.Id, previous, ct);
        TempData["Flash"] = input.Kind == DossierKind.ReEvaluation
            ? l["Đã lập hồ sơ đánh giá lại từ giấy chứng nhận số {0}. {1} tài liệu được chuyển từ hồ sơ trước; các mục đánh dấu «cần cập nhật» phải nộp bản mới.", c.Number, carried].Value
            : l["Đã lập hồ sơ nâng hạng từ giấy chứng nhận số {0}. {1} tài liệu được chuyển từ hồ sơ trước; các mục đánh dấu «cần cập nhật» phải nộp bản mới.", c.Number, carried].Value;
        return Redirect($"/dossiers/{dossier.Id}");
    }

    /// <summary>
    /// Marks the slots that must be filed anew and carries over the previous dossier's current files into the other
    /// slots with the same key (the same stored file, not a copy: stored files never change). Returns how many.
    /// </summary>
    private async Task<int> PrefillSlotsAsync(int dossierId, Dossier? previous, CancellationToken ct)
    {
        var slots = await db.DossierSlots.Include(s => s.Files).Where(s => s.DossierId == dossierId).ToListAsync(ct);
        var previousFiles = previous is null
            ? []
            : await (from f in db.DossierFiles
                     join s in db.DossierSlots on f.SlotId equals s.Id
                     where s.DossierId == previous.Id && f.SupersededAt == null
                     orderby f.Id
                     select new { s.Key, f.FileId }).ToListAsync(ct);
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var now = clock.GetUtcNow();
        var carried = 0;
        foreach (var slot in slots)
        {
            if (MustUpdate.Contains(slot.Key))
            {
                slot.Hint = string.IsNullOrEmpty(slot.Hint) ? l[MustUpdateHint].Value : $"{l[MustUpdateHint].Value} {slot.Hint}";
                continue;
            }

            foreach (var file in previousFiles.Where(f => f.Key == slot.Key))
            {
                slot.Files.Add(new DossierFile { FileId = file.FileId, VersionNumber = 1, AddedAt = now, AddedByUserId = userId });
                carried++;
            }
        }

        await db.SaveChangesAsync(ct);
        return carried;
    }

    private Task<Certificate?> OwnAsync(int id, CancellationToken ct) =>
        registry.Visible(User).AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);

    private Task<int?> OpenDossierAsync(Certificate c, CancellationToken ct) =>
        db.Dossiers.Where(d => d.ProductId == c.ProductId && d.Status != DossierStatus.Rejected && d.Status != DossierStatus.Withdrawn && d.Status != DossierStatus.Accepted
                             && d.Status != DossierStatus.Evaluated) // the evaluated dossier is the one this certificate came from
            .OrderByDescending(d => d.Id).Select(d => (int?)d.Id).FirstOrDefaultAsync(ct);
}
