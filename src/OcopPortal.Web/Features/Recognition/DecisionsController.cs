using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain.Recognition;
using OcopPortal.Web.Features.Dossiers;
using OcopPortal.Web.Infrastructure.Audit;
using OcopPortal.Web.Infrastructure.Auth;
using OcopPortal.Web.Infrastructure.Files;
using OcopPortal.Web.Infrastructure.Web;

namespace OcopPortal.Web.Features.Recognition;

public sealed record DecisionsIndex(Paged<DecisionRow> Rows, DecisionStatus? Status, IReadOnlyList<(int Id, string Name)> OpenRounds);

public sealed record NewDecisionPage(int RoundId, string RoundName, IReadOnlyList<RoundCandidate> Candidates, int? ExistingId);

public sealed record DecisionEditPage(RecognitionDecision Decision, DecisionInput Input);

public sealed record LineEditPage(RecognitionDecision Decision, DecisionLine Line, DecisionLine? Replaced, LineInput Input);

/// <summary>
/// Recognition decisions, run by the Office: drafts from finalised rounds, reviewed and edited, issued once (which
/// creates the certificates), amended by new decisions; the decision PDF and the signed scan. Every change to a
/// draft carries the version it was made on; every route that would change an issued decision answers with a message.
/// </summary>
[Authorize(Policy = Policies.Office)]
[Route("decisions")]
public sealed class DecisionsController(
    OcopDbContext db, RecognitionDecisions decisions, DecisionPdf pdf, FileStore files, AuditLog audit,
    IStringLocalizer<SharedResource> l) : Controller
{
    /// <summary>A signed scan is one PDF of a few pages: 20 MB at most (the file store's own limit applies too).</summary>
    public const long MaxScanBytes = 20 * 1024 * 1024;

    [HttpGet("")]
    public async Task<IActionResult> Index(DecisionStatus? status, int? page, CancellationToken ct)
    {
        var filter = status is { } s && Enum.IsDefined(s) ? s : (DecisionStatus?)null;
        var rows = await decisions.Rows(filter).ToPagedAsync(page, ct: ct);
        return View(new DecisionsIndex(rows, filter, await decisions.OpenRoundsAsync(ct)));
    }

    /// <summary>What the draft of a finalised round will hold, before it is made.</summary>
    [HttpGet("new")]
    public async Task<IActionResult> New(int? roundId, CancellationToken ct)
    {
        if (roundId is null)
        {
            return Redirect("/decisions");
        }

        var round = await db.EvaluationRounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null)
        {
            return NotFound();
        }

        var existing = await db.RecognitionDecisions.Where(d => d.RoundId == roundId && d.Kind == DecisionKind.Recognition).Select(d => (int?)d.Id).FirstOrDefaultAsync(ct);
        if (round.Status != Domain.Councils.RoundStatus.Finalised)
        {
            TempData["FlashError"] = l["Chỉ lập quyết định từ đợt đánh giá đã chốt kết quả."].Value;
            return Redirect($"/rounds/{round.Id}");
        }

        return View(new NewDecisionPage(round.Id, round.Name, await decisions.CandidatesAsync(round.Id, ct), existing));
    }

    [HttpPost("new")]
    public async Task<IActionResult> Create(int roundId, CancellationToken ct)
    {
        var outcome = await decisions.DraftFromRoundAsync(roundId, User, ct);
        if (outcome is null)
        {
            return NotFound();
        }

        if (outcome.Error is not null)
        {
            TempData["FlashError"] = outcome.Error;
            return Redirect(outcome.Id is { } existing ? $"/decisions/{existing}" : $"/decisions/new?roundId={roundId}");
        }

        TempData["Flash"] = l["Đã lập dự thảo quyết định với {0} sản phẩm. Hãy kiểm tra, hoàn thiện số, ngày, người ký rồi ban hành.", outcome.Count].Value;
        return Redirect($"/decisions/{outcome.Id}");
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Show(int id, CancellationToken ct)
    {
        var page = await decisions.PageAsync(id, ct);
        return page is null ? NotFound() : View(page);
    }

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var decision = await db.RecognitionDecisions.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, ct);
        if (decision is null)
        {
            return NotFound();
        }

        return decision.Status != DecisionStatus.Draft ? Refuse(id) : View(new DecisionEditPage(decision, DecisionInput.From(decision)));
    }

    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, DecisionInput input, CancellationToken ct)
    {
        var decision = await db.RecognitionDecisions.SingleOrDefaultAsync(d => d.Id == id, ct);
        if (decision is null)
        {
            return NotFound();
        }

        if (decision.Status != DecisionStatus.Draft)
        {
            return Refuse(id);
        }

        if (ModelState.IsValid && input.Version != decision.Version)
        {
            ModelState.AddModelError("", l[RecognitionDecisions.ConflictMessage + " Những gì bạn nhập vẫn còn trên biểu mẫu."]);
        }

        if (ModelState.IsValid && await decisions.NumberTakenAsync(input.Number!, input.Authority!.Trim(), id, ct))
        {
            ModelState.AddModelError(nameof(input.Number), l["Số quyết định {0} đã được dùng cho một quyết định đã ban hành; hãy sửa số quyết định.", input.Number!.Trim()]);
        }

        if (!ModelState.IsValid)
        {
            return View(new DecisionEditPage(decision, input));
        }

        db.Entry(decision).Property(d => d.Version).OriginalValue = input.Version;
        decision.Number = input.Number!.Trim();
        decision.DecisionDate = input.DecisionDate!.Value;
        decision.Title = input.Title!.Trim();
        decision.Authority = input.Authority!.Trim();
        decision.SignatoryName = input.SignatoryName!.Trim();
        decision.SignatoryTitle = input.SignatoryTitle!.Trim();
        decision.Notes = string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes.Trim();
        decision.Version = Guid.NewGuid();
        audit.Record("decision.edited", nameof(RecognitionDecision), RecognitionDecisions.Id(id), new { decision.Number, decision.DecisionDate, decision.SignatoryName });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", l[RecognitionDecisions.ConflictMessage + " Những gì bạn nhập vẫn còn trên biểu mẫu."]);
            var fresh = await db.RecognitionDecisions.AsNoTracking().SingleAsync(d => d.Id == id, ct);
            return View(new DecisionEditPage(fresh, input));
        }

        TempData["Flash"] = l["Đã lưu dự thảo quyết định."].Value;
        return Redirect($"/decisions/{id}");
    }

    /// <summary>Puts back a 3★/4★ product of the decision's own round (e.g. removed by mistake).</summary>
    [HttpPost("{id:int}/lines")]
    public async Task<IActionResult> AddLine(int id, int entryId, Guid version, CancellationToken ct)
    {
        var decision = await db.RecognitionDecisions.Include(d => d.Lines).SingleOrDefaultAsync(d => d.Id == id, ct);
        if (decision is null)
        {
            return NotFound();
        }

        if (decision.Status != DecisionStatus.Draft)
        {
            return Refuse(id);
        }

        var error = version != decision.Version ? l[RecognitionDecisions.ConflictMessage].Value : await decisions.AddEntryAsync(decision, entryId, ct);
        if (error is not null)
        {
            TempData["FlashError"] = error;
            return Redirect($"/decisions/{id}");
        }

        db.Entry(decision).Property(d => d.Version).OriginalValue = version;
        audit.Record("decision.line-added", nameof(RecognitionDecision), RecognitionDecisions.Id(id), new { EntryId = entryId });
        return await SaveAsync(id, l["Đã thêm sản phẩm vào dự thảo."].Value, ct);
    }

    [HttpPost("{id:int}/lines/{lineId:int}/removal")]
    public async Task<IActionResult> RemoveLine(int id, int lineId, Guid version, CancellationToken ct)
    {
        var decision = await db.RecognitionDecisions.Include(d => d.Lines).SingleOrDefaultAsync(d => d.Id == id, ct);
        var line = decision?.Lines.SingleOrDefault(x => x.Id == lineId);
        if (decision is null || line is null)
        {
            return NotFound();
        }

        if (decision.Status != DecisionStatus.Draft)
        {
            return Refuse(id);
        }

        if (version != decision.Version)
        {
            TempData["FlashError"] = l[RecognitionDecisions.ConflictMessage].Value;
            return Redirect($"/decisions/{id}");
        }

        db.Entry(decision).Property(d => d.Version).OriginalValue = version;
        decision.Lines.Remove(line);
        db.DecisionLines.Remove(line);
        decision.Version = Guid.NewGuid();
        audit.Record("decision.line-removed", nameof(RecognitionDecision), RecognitionDecisions.Id(id), new { line.ProductName, line.RoundEntryId });
        return await SaveAsync(id, l["Đã bỏ sản phẩm «{0}» khỏi dự thảo.", line.ProductName].Value, ct);
    }

    /// <summary>The correction of one line of an amending draft.</summary>
    [HttpGet("{id:int}/lines/{lineId:int}")]
    public async Task<IActionResult> EditLine(int id, int lineId, CancellationToken ct)
    {
        var decision = await db.RecognitionDecisions.AsNoTracking().Include(d => d.Lines).SingleOrDefaultAsync(d => d.Id == id, ct);
        var line = decision?.Lines.SingleOrDefault(x => x.Id == lineId);
        if (decision is null || line is null)
        {
            return NotFound();
        }

        if (decision.Status != DecisionStatus.Draft || decision.Kind != DecisionKind.Amendment)
        {
            return Refuse(id, decision.Status == DecisionStatus.Draft ? l["Chỉ sửa thông tin sản phẩm trong dự thảo quyết định sửa đổi, bổ sung."].Value : null);
        }

        return View(new LineEditPage(decision, line, await ReplacedAsync(line, ct),
            new LineInput { ProductName = line.ProductName, ProducerName = line.ProducerName, ProducerAddress = line.ProducerAddress, Stars = line.Stars, Version = decision.Version }));
    }

    [HttpPost("{id:int}/lines/{lineId:int}")]
    public async Task<IActionResult> EditLine(int id, int lineId, LineInput input, CancellationToken ct)
    {
        var decision = await db.RecognitionDecisions.Include(d => d.Lines).SingleOrDefaultAsync(d => d.Id == id, ct);
        var line = decision?.Lines.SingleOrDefault(x => x.Id == lineId);
        if (decision is null || line is null)
        {
            return NotFound();
        }

        if (decision.Status != DecisionStatus.Draft || decision.Kind != DecisionKind.Amendment)
        {
            return Refuse(id, decision.Status == DecisionStatus.Draft ? l["Chỉ sửa thông tin sản phẩm trong dự thảo quyết định sửa đổi, bổ sung."].Value : null);
        }

        if (ModelState.IsValid && input.Version != decision.Version)
        {
            ModelState.AddModelError("", l[RecognitionDecisions.ConflictMessage + " Những gì bạn nhập vẫn còn trên biểu mẫu."]);
        }

        if (!ModelState.IsValid)
        {
            return View(new LineEditPage(decision, line, await ReplacedAsync(line, ct), input));
        }

        db.Entry(decision).Property(d => d.Version).OriginalValue = input.Version;
        line.ProductName = input.ProductName!.Trim();
        line.ProducerName = input.ProducerName!.Trim();
        line.ProducerAddress = input.ProducerAddress!.Trim();
        line.Stars = input.Stars!.Value;
        decision.Version = Guid.NewGuid();
        audit.Record("decision.line-corrected", nameof(RecognitionDecision), RecognitionDecisions.Id(id),
            new { line.Id, line.ReplacesLineId, line.ProductName, line.ProducerName, line.ProducerAddress, line.Stars });
        return await SaveAsync(id, l["Đã lưu nội dung sửa đổi của sản phẩm «{0}».", line.ProductName].Value, ct);
    }

    /// <summary>Discards a draft (an issued decision is never deleted).</summary>
    [HttpPost("{id:int}/deletion")]
    public async Task<IActionResult> Delete(int id, Guid version, CancellationToken ct)
    {
        var decision = await db.RecognitionDecisions.Include(d => d.Lines).SingleOrDefaultAsync(d => d.Id == id, ct);
        if (decision is null)
        {
            return NotFound();
        }

        if (decision.Status != DecisionStatus.Draft)
        {
            return Refuse(id);
        }

        if (version != decision.Version)
        {
            TempData["FlashError"] = l[RecognitionDecisions.ConflictMessage].Value;
            return Redirect($"/decisions/{id}");
        }

        db.Entry(decision).Property(d => d.Version).OriginalValue = version;
        db.RecognitionDecisions.Remove(decision);
        audit.Record("decision.draft-deleted", nameof(RecognitionDecision), RecognitionDecisions.Id(id), new { decision.Number, decision.Kind, Lines = decision.Lines.Count });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["FlashError"] = l[RecognitionDecisions.ConflictMessage].Value;
            return Redirect($"/decisions/{id}");
        }

        TempData["Flash"] = l["Đã xoá dự thảo quyết định."].Value;
        return Redirect("/decisions");
    }

    /// <summary>The confirmation step before issuing: what will be issued and what it creates.</summary>
    [HttpGet("{id:int}/issuance")]
    public async Task<IActionResult> Issue(int id, CancellationToken ct)
    {
        var page = await decisions.PageAsync(id, ct);
        if (page is null)
        {
            return NotFound();
        }

        return page.Decision.Status != DecisionStatus.Draft ? Refuse(id, l["Quyết định này đã được ban hành."].Value) : View(page);
    }

    [HttpPost("{id:int}/issuance")]
    public async Task<IActionResult> Issue(int id, Guid version, CancellationToken ct)
    {
        DecisionOutcome? outcome;
        try
        {
            outcome = await decisions.IssueAsync(id, version, User, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            outcome = DecisionOutcome.Fail(l[RecognitionDecisions.ConflictMessage]);
        }
        catch (Exception e) when (Busy(e))
        {
            outcome = DecisionOutcome.Fail(l[RecognitionDecisions.BusyMessage]);
        }
        catch (DbUpdateException)
        {
            // A unique number (certificate or token) collided with one written meanwhile: nothing was saved.
            outcome = DecisionOutcome.Fail(l["Không ban hành được vì số giấy chứng nhận trùng với một giấy đã có; quyết định chưa được ban hành. Vui lòng thử lại."]);
        }

        if (outcome is null)
        {
            return NotFound();
        }

        if (outcome.Error is not null)
        {
            TempData["FlashError"] = outcome.Error;
            return Redirect($"/decisions/{id}");
        }

        TempData["Flash"] = l["Đã ban hành quyết định và cấp {0} giấy chứng nhận.", outcome.Count].Value;
        return Redirect($"/decisions/{id}");
    }

    [HttpGet("{id:int}/amendment")]
    public async Task<IActionResult> Amend(int id, CancellationToken ct)
    {
        var page = await decisions.PageAsync(id, ct);
        if (page is null)
        {
            return NotFound();
        }

        if (page.Decision.Status != DecisionStatus.Issued || page.Decision.Kind == DecisionKind.Recorded)
        {
            TempData["FlashError"] = l["Chỉ sửa đổi, bổ sung quyết định của tỉnh đã ban hành."].Value;
            return Redirect($"/decisions/{id}");
        }

        return View(page);
    }

    [HttpPost("{id:int}/amendment")]
    public async Task<IActionResult> Amend(int id, List<int>? lineIds, CancellationToken ct)
    {
        var outcome = await decisions.DraftAmendmentAsync(id, lineIds ?? [], User, ct);
        if (outcome is null)
        {
            return NotFound();
        }

        if (outcome.Error is not null)
        {
            TempData["FlashError"] = outcome.Error;
            return Redirect($"/decisions/{id}/amendment");
        }

        TempData["Flash"] = l["Đã lập dự thảo quyết định sửa đổi, bổ sung cho {0} sản phẩm. Hãy sửa thông tin từng sản phẩm rồi ban hành.", outcome.Count].Value;
        return Redirect($"/decisions/{outcome.Id}");
    }

    [HttpGet("{id:int}/decision.pdf")]
    public async Task<IActionResult> Pdf(int id, CancellationToken ct)
    {
        var data = await pdf.LoadAsync(id, ct);
        if (data is null)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "private, no-store";
        return File(pdf.Render(data), "application/pdf", DecisionPdf.FileName(data.Decision));
    }

    /// <summary>Attaches the signed scan of an issued decision (the one change an issued decision accepts).</summary>
    [HttpPost("{id:int}/scan")]
    [RequestSizeLimit(MaxScanBytes + 64 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxScanBytes + 64 * 1024)]
    public async Task<IActionResult> AttachScan(int id, IFormFile? file, CancellationToken ct)
    {
        var decision = await db.RecognitionDecisions.SingleOrDefaultAsync(d => d.Id == id, ct);
        if (decision is null)
        {
            return NotFound();
        }

        var error = decision.Status != DecisionStatus.Issued ? l["Chỉ đính kèm bản scan có chữ ký sau khi quyết định đã ban hành."].Value
            : file is null || file.Length == 0 ? l["Vui lòng chọn tệp PDF bản scan quyết định đã ký."].Value
            : FileKinds.FromExtension(file.FileName) != FileKind.Pdf ? l["Bản scan quyết định phải là tệp PDF."].Value
            : null;
        if (error is null)
        {
            switch (await files.SaveAsync(file!, alreadyStoredBytes: 0, DossierAccess.UserId(User), ct))
            {
                case FileSaveResult.Rejected rejected:
                    error = rejected.Reason.Localize(l);
                    break;
                case FileSaveResult.Success saved:
                    var replaced = decision.SignedScanFileId;
                    decision.SignedScanFileId = saved.File.Id;
                    decision.Version = Guid.NewGuid();
                    audit.Record("decision.scan-attached", nameof(RecognitionDecision), RecognitionDecisions.Id(id),
                        new { saved.File.OriginalName, saved.File.Sha256, Replaced = replaced });
                    await db.SaveChangesAsync(ct);
                    TempData["Flash"] = l["Đã đính kèm bản scan quyết định đã ký ({0}).", saved.File.OriginalName].Value;
                    return Redirect($"/decisions/{id}");
            }
        }

        TempData["FlashError"] = error;
        return Redirect($"/decisions/{id}");
    }

    [HttpGet("{id:int}/scan")]
    public async Task<IActionResult> Scan(int id, CancellationToken ct)
    {
        var fileId = await db.RecognitionDecisions.Where(d => d.Id == id).Select(d => d.SignedScanFileId).SingleOrDefaultAsync(ct);
        return fileId is { } f ? await this.StoredFileAttachmentAsync(files, f, ct) : NotFound();
    }

    private async Task<DecisionLine?> ReplacedAsync(DecisionLine line, CancellationToken ct) =>
        line.ReplacesLineId is { } r ? await db.DecisionLines.AsNoTracking().SingleOrDefaultAsync(x => x.Id == r, ct) : null;

    private RedirectResult Refuse(int id, string? message = null)
    {
        TempData["FlashError"] = message ?? l[RecognitionDecisions.IssuedMessage].Value;
        return Redirect($"/decisions/{id}");
    }

    private async Task<IActionResult> SaveAsync(int id, string success, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            TempData["Flash"] = success;
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["FlashError"] = l[RecognitionDecisions.ConflictMessage].Value;
        }

        return Redirect($"/decisions/{id}");
    }

    /// <summary>SQLite's "database is locked/busy" after the connection's busy timeout: a retryable condition, not a 500.</summary>
    internal static bool Busy(Exception e) =>
        e is SqliteException { SqliteErrorCode: 5 or 6 } || (e.InnerException is { } inner && Busy(inner));
}
