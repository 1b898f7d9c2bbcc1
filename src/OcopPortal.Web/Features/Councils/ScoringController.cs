using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using OcopPortal.Web.Domain.Councils;
using OcopPortal.Web.Domain.Rating;
using OcopPortal.Web.Infrastructure.Auth;

namespace OcopPortal.Web.Features.Councils;

/// <summary>
/// A council member scoring their products: the round's list, the conflict-of-interest declaration and the member's
/// own sheet. Every action first finds the caller's voting seat on the round's council (else 404), and every
/// product is looked up inside that round and hidden (404) when the member is conflicted on it. Sheets are read and
/// written by the caller's seat only: there is no URL that names another member's sheet.
/// </summary>
[Authorize(Policy = Policies.Council)]
[Route("rounds/{roundId:int}")]
public sealed class ScoringController(MemberScoring scoring, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("my")]
    public async Task<IActionResult> My(int roundId, CancellationToken ct)
    {
        var member = await scoring.SeatAsync(User, roundId, ct);
        return member is null ? NotFound() : View(new MyRoundPage(member, await scoring.MyEntriesAsync(member, ct), scoring.Today));
    }

    [HttpGet("entries/{entryId:int}/declaration")]
    public async Task<IActionResult> Declaration(int roundId, int entryId, CancellationToken ct)
    {
        var entry = await EntryAsync(roundId, entryId, ct);
        if (entry is null)
        {
            return NotFound();
        }

        var input = new DeclarationInput { Conflicted = entry.Declaration is null ? null : false };
        return View(await DeclarationPageAsync(entry, input, ct));
    }

    [HttpPost("entries/{entryId:int}/declaration")]
    public async Task<IActionResult> Declaration(int roundId, int entryId, DeclarationInput input, CancellationToken ct)
    {
        var entry = await EntryAsync(roundId, entryId, ct);
        if (entry is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return View(await DeclarationPageAsync(entry, input, ct));
        }

        var error = await scoring.DeclareAsync(entry, input, User, ct);
        if (error is not null)
        {
            TempData["FlashError"] = l[error].Value;
            return Redirect($"/rounds/{roundId}/entries/{entryId}/declaration");
        }

        if (input.Conflicted == true)
        {
            TempData["Flash"] = l["Đã ghi nhận xung đột lợi ích với «{0}». Sản phẩm không còn trong danh sách chấm của bạn và bạn không tham gia kết quả của sản phẩm này.", entry.Entry.Product].Value;
            return Redirect($"/rounds/{roundId}/my");
        }

        TempData["Flash"] = l["Đã ghi nhận: bạn không có xung đột lợi ích với «{0}».", entry.Entry.Product].Value;
        return Redirect(SheetUrl(roundId, entryId));
    }

    [HttpGet("entries/{entryId:int}/sheet")]
    public async Task<IActionResult> Sheet(int roundId, int entryId, CancellationToken ct)
    {
        var entry = await EntryAsync(roundId, entryId, ct);
        if (entry is null)
        {
            return NotFound();
        }

        if (entry.Declaration is null)
        {
            return MustDeclare(roundId, entryId);
        }

        var set = await scoring.SetAsync(entry, ct);
        var sheet = await scoring.MySheetAsync(entry, ct);
        return View(await SheetPageAsync(entry, set, sheet, MemberScoring.ToInput(set, sheet), ct));
    }

    /// <summary>Saves the draft.</summary>
    [HttpPost("entries/{entryId:int}/sheet")]
    public Task<IActionResult> Sheet(int roundId, int entryId, ScoreSheetInput input, CancellationToken ct) =>
        SaveAsync(roundId, entryId, input, submit: false, ct);

    /// <summary>Submits the sheet: complete, scored by the engine, locked.</summary>
    [HttpPost("entries/{entryId:int}/sheet/submission")]
    public Task<IActionResult> Submission(int roundId, int entryId, ScoreSheetInput input, CancellationToken ct) =>
        SaveAsync(roundId, entryId, input, submit: true, ct);

    /// <summary>The live total while the member ticks options (htmx); nothing is stored.</summary>
    [HttpPost("entries/{entryId:int}/sheet/result")]
    public async Task<IActionResult> Result(int roundId, int entryId, ScoreSheetInput input, CancellationToken ct)
    {
        var entry = await EntryAsync(roundId, entryId, ct);
        if (entry?.Declaration is null)
        {
            return NotFound();
        }

        var set = await scoring.SetAsync(entry, ct);
        var definition = scoring.SheetOf(set);
        var (answers, error) = MemberScoring.Resolve(set, definition, input);
        if (answers is null)
        {
            ModelState.AddModelError("", error!.Localize(l));
            return PartialView("_FormErrors");
        }

        return PartialView("~/Features/Rules/SelfAssessment/_Result.cshtml", MemberScoring.Evaluate(set, definition, CouncilRounds.ToAnswers(new ScoreSheet { Answers = answers })));
    }

    private async Task<IActionResult> SaveAsync(int roundId, int entryId, ScoreSheetInput input, bool submit, CancellationToken ct)
    {
        var entry = await EntryAsync(roundId, entryId, ct);
        if (entry is null)
        {
            return NotFound();
        }

        // The draft button saves in the background when script runs (htmx): the member keeps their place on the page.
        var background = !submit && Request.Headers["HX-Request"] == "true";
        if (entry.Declaration is null)
        {
            return background
                ? Saved(false, DeclareFirst, null, $"/rounds/{roundId}/entries/{entryId}/declaration")
                : MustDeclare(roundId, entryId);
        }

        var set = await scoring.SetAsync(entry, ct);
        if (!ModelState.IsValid)
        {
            return background
                ? Saved(false, string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).Distinct()), null, null)
                : View(nameof(Sheet), await SheetPageAsync(entry, set, await scoring.MySheetAsync(entry, ct), input, ct));
        }

        var result = await scoring.SaveAsync(entry, set, input, submit, ct);
        if (background)
        {
            return result.Kind switch
            {
                SheetSaveKind.Saved => Saved(true, l["Đã lưu bản nháp lúc {0}. Phiếu chỉ được tính khi bạn nộp.", result.At!.Value.ToLocalTime().ToString("HH:mm:ss", CultureInfo.InvariantCulture)].Value, result.Version, null),
                SheetSaveKind.Invalid => Saved(false, result.Message!.Localize(l), null, null),
                _ => Saved(false, Refusal(result.Kind, entry), null, SheetUrl(roundId, entryId)),
            };
        }

        switch (result.Kind)
        {
            case SheetSaveKind.Invalid or SheetSaveKind.Incomplete:
                ModelState.AddModelError("", result.Message!.Localize(l));
                return View(nameof(Sheet), await SheetPageAsync(entry, set, await scoring.MySheetAsync(entry, ct), input, ct));
            case SheetSaveKind.Submitted:
                TempData["Flash"] = l["Đã nộp phiếu chấm «{0}»: {1} điểm. Phiếu đã khóa; chỉ Chủ tịch Hội đồng mở lại được.", entry.Entry.Product, Points(result.Total)].Value;
                return Redirect($"/rounds/{roundId}/my");
            case SheetSaveKind.Saved:
                TempData["Flash"] = l["Đã lưu bản nháp phiếu chấm. Phiếu chỉ được tính khi bạn nộp."].Value;
                return Redirect(SheetUrl(roundId, entryId));
            case SheetSaveKind.AlreadySubmitted:
                TempData["Flash"] = l["Phiếu chấm này đã được nộp trước đó ({0} điểm); không có gì thay đổi.", Points(result.Total)].Value;
                return Redirect(SheetUrl(roundId, entryId));
            default: // locked, not scoring, or a stale window
                TempData["FlashError"] = Refusal(result.Kind, entry);
                return Redirect(SheetUrl(roundId, entryId));
        }
    }

    private PartialViewResult Saved(bool saved, string message, Guid? version, string? reloadUrl) =>
        PartialView("_SheetSaved", new SheetSavedFragment(saved, message, version, reloadUrl));

    /// <summary>Why a save stored nothing, for the flash after a redirect and for the background save's fragment alike.</summary>
    private string Refusal(SheetSaveKind kind, MemberEntry entry) => kind switch
    {
        SheetSaveKind.Locked => l["Phiếu chấm đã nộp và đã khóa; chỉ Chủ tịch Hội đồng mở lại được. Không có gì thay đổi."].Value,
        SheetSaveKind.NotScoring => l["Chỉ lưu hoặc nộp phiếu khi đợt đánh giá đang chấm điểm (hiện: {0}). Không có gì thay đổi.", l[CouncilLabels.RoundStatus(entry.Member.Round.Status)].Value].Value,
        _ => l[MemberScoring.ConflictMessage].Value,
    };

    private string DeclareFirst => l["Trước khi chấm, hãy khai báo bạn có hay không có xung đột lợi ích với sản phẩm này."].Value;

    private Task<MemberEntry?> EntryAsync(int roundId, int entryId, CancellationToken ct) => scoring.EntryAsync(User, roundId, entryId, ct);

    private RedirectResult MustDeclare(int roundId, int entryId)
    {
        TempData["FlashError"] = DeclareFirst;
        return Redirect($"/rounds/{roundId}/entries/{entryId}/declaration");
    }

    private async Task<DeclarationPage> DeclarationPageAsync(MemberEntry entry, DeclarationInput input, CancellationToken ct)
    {
        var sheet = await scoring.MySheetAsync(entry, ct);
        return new DeclarationPage(entry, input, MemberScoring.DeclarationOpen(entry.Member.Round), sheet?.Status == SheetStatus.Submitted, sheet?.Status == SheetStatus.Draft);
    }

    private async Task<SheetPage> SheetPageAsync(MemberEntry entry, Domain.Rules.CriteriaSet set, ScoreSheet? sheet, ScoreSheetInput input, CancellationToken ct)
    {
        var definition = scoring.SheetOf(set);
        var (answers, _) = MemberScoring.Resolve(set, definition, input);
        var current = answers ?? sheet?.Answers ?? [];
        var result = MemberScoring.Evaluate(set, definition, CouncilRounds.ToAnswers(new ScoreSheet { Answers = current }));
        var (reference, byNode) = await scoring.ReferenceAsync(entry, set, l, ct);
        return new SheetPage(entry, set, sheet, input, result, reference, byNode, scoring.Today);
    }

    private static string SheetUrl(int roundId, int entryId) => $"/rounds/{roundId}/entries/{entryId}/sheet";

    private static string Points(decimal? total) => total?.ToString("0.##", CultureInfo.CurrentCulture) ?? "";
}
