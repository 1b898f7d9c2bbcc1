using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain.Producers;
using OcopPortal.Web.Domain.Traceability;
using OcopPortal.Web.Infrastructure.Auth;

namespace OcopPortal.Web.Features.Traceability;

/// <summary>
/// A product's traceability page, edited by its producer (<c>/producer/products/{id}/trace</c>) or by the Office for
/// any product (<c>/office/products/{id}/trace</c>). Another producer's product is not found (404), like the rest of
/// the producer's pages; commune officers and council members are refused by the policy.
/// </summary>
[Authorize(Policy = Policies.TraceEditors)]
[Route("producer/products/{productId:int}/trace")]
[Route("office/products/{productId:int}/trace")]
public sealed class TraceEditorController(OcopDbContext db, TraceRecords records, TraceLabelPdf labels, TraceUrls urls, IStringLocalizer<SharedResource> l)
    : Controller
{
    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpGet("")]
    public async Task<IActionResult> Index(int productId, CancellationToken ct)
    {
        var context = await ContextAsync(productId, ct);
        return context is null ? NotFound() : View(await OverviewAsync(context, new TraceBatchInput(), new LabelSheetRequest { Size = "medium", Count = 24 }, ct));
    }

    [HttpGet("draft")]
    public async Task<IActionResult> Draft(int productId, CancellationToken ct)
    {
        var context = await ContextAsync(productId, ct);
        if (context is null)
        {
            return NotFound();
        }

        var input = context.Record is null
            ? new TraceDraftInput { Origins = [new()], Steps = [new()], SiteCommuneCode = context.ProducerCommuneCode }
            : TraceDraftInput.From(TraceContent.FromJson(context.Record.DraftJson), context.Record.Version);
        return View(await DraftModelAsync(context, input, ct));
    }

    [HttpPost("draft")]
    public async Task<IActionResult> Draft(int productId, TraceDraftInput input, CancellationToken ct)
    {
        var context = await ContextAsync(productId, ct);
        if (context is null)
        {
            return NotFound();
        }

        if (input.ApplyCommand())
        {
            ModelState.Clear();
            return View(await DraftModelAsync(context, input, ct));
        }

        if (!ModelState.IsValid)
        {
            return View(await DraftModelAsync(context, input, ct));
        }

        var commune = await (from c in db.Communes
                             join p in db.Provinces on c.ProvinceCode equals p.Code
                             where c.Code == input.SiteCommuneCode
                             select c.FullName + ", " + p.FullName).SingleAsync(ct);
        var (outcome, _) = await records.SaveDraftAsync(productId, context.Record, input.ToContent(commune), input.Version, ct);
        if (outcome == TraceOutcome.Conflict)
        {
            ModelState.AddModelError("", l["Trang truy xuất vừa được người khác cập nhật. Hãy tải lại trang rồi sửa lại; những gì bạn nhập vẫn còn trên biểu mẫu."]);
            return View(await DraftModelAsync(context, input, ct));
        }

        TempData["Flash"] = l["Đã lưu bản nháp. Hãy xem trước rồi công bố để cập nhật trang công khai."].Value;
        return Redirect($"{context.BasePath}/preview");
    }

    [HttpGet("preview")]
    public async Task<IActionResult> Preview(int productId, CancellationToken ct)
    {
        var context = await ContextAsync(productId, ct);
        if (context?.Record is not { } record)
        {
            return context is null ? NotFound() : Redirect($"{context.BasePath}/draft");
        }

        return View(new TracePreviewModel(context, TraceContent.FromJson(record.DraftJson), record.Version));
    }

    [HttpPost("publish")]
    public async Task<IActionResult> Publish(int productId, Guid version, CancellationToken ct)
    {
        var context = await ContextAsync(productId, ct);
        if (context?.Record is not { } record)
        {
            return context is null ? NotFound() : Redirect($"{context.BasePath}/draft");
        }

        var (outcome, number) = await records.PublishAsync(record, version, UserId, User.FindFirstValue(ClaimTypes.Name) ?? "", ct);
        TempData["Flash"] = outcome switch
        {
            TraceOutcome.Done => l["Đã công bố phiên bản {0}. Trang công khai và tem đã in đều dẫn tới thông tin này.", number].Value,
            TraceOutcome.NothingToPublish => l["Bản nháp còn trống: hãy khai báo thông tin truy xuất trước khi công bố."].Value,
            _ => l["Bản nháp vừa được người khác thay đổi sau khi bạn xem trước. Hãy xem lại bản nháp rồi công bố."].Value,
        };
        return Redirect(outcome == TraceOutcome.Done ? context.BasePath : $"{context.BasePath}/preview");
    }

    [HttpPost("batches")]
    public async Task<IActionResult> CreateBatch(int productId, [Bind(Prefix = "Batch")] TraceBatchInput input, CancellationToken ct)
    {
        var context = await ContextAsync(productId, ct);
        if (context is null)
        {
            return NotFound();
        }

        if (ModelState.IsValid && context.Record is { } record)
        {
            var (outcome, batch) = await records.CreateBatchAsync(record, input, UserId, ct);
            if (outcome == TraceOutcome.Done)
            {
                TempData["Flash"] = l["Đã tạo lô {0} (theo phiên bản {1}).", batch!.Code, batch.VersionNumber].Value;
                return Redirect(context.BasePath);
            }

            ModelState.AddModelError("Batch.Code", outcome == TraceOutcome.DuplicateBatch
                ? l["Mã lô {0} đã có cho sản phẩm này; mỗi lô cần một mã riêng.", TraceCodes.NormaliseBatchCode(input.Code)]
                : l["Hãy công bố trang truy xuất trước khi tạo lô sản xuất."]);
        }
        else if (context.Record is null)
        {
            ModelState.AddModelError("Batch.Code", l["Hãy công bố trang truy xuất trước khi tạo lô sản xuất."]);
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Index", await OverviewAsync(context, input, new LabelSheetRequest { Size = "medium", Count = 24 }, ct));
    }

    [HttpGet("labels.pdf")]
    public async Task<IActionResult> Labels(int productId, [FromQuery] LabelSheetRequest request, CancellationToken ct)
    {
        var context = await ContextAsync(productId, ct);
        if (context is null)
        {
            return NotFound();
        }

        TraceBatchRow? batch = null;
        if (context.Record is not { CurrentVersion: > 0 } record)
        {
            ModelState.AddModelError("", l["Hãy công bố trang truy xuất trước khi in tem."]);
        }
        else if (!string.IsNullOrWhiteSpace(request.Batch))
        {
            var code = TraceCodes.NormaliseBatchCode(request.Batch);
            batch = await db.TraceBatches.AsNoTracking().Where(b => b.TraceRecordId == record.Id && b.Code == code)
                .Select(b => new TraceBatchRow(b.Code, b.ProducedOn, b.ExpiresOn, b.Quantity, b.Unit, b.VersionNumber)).SingleOrDefaultAsync(ct);
            if (batch is null)
            {
                ModelState.AddModelError(nameof(request.Batch), l["Không có lô {0} của sản phẩm này.", code]);
            }
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Index", await OverviewAsync(context, new TraceBatchInput(), request, ct));
        }

        var code0 = context.Record!.Code;
        var url = urls.Public(Request, batch is null ? TraceRecord.PublicPath(code0) : TraceRecord.PublicPath(code0, batch.Code));
        var label = new TraceLabel(url, context.ProductName, context.ProducerName, batch?.Code, batch?.ProducedOn, batch?.ExpiresOn);
        var size = LabelSizes.Find(request.Size)!;
        var name = batch is null ? $"tem-truy-xuat-{code0}-{size.Key}.pdf" : $"tem-truy-xuat-{code0}-{batch.Code}-{size.Key}.pdf";
        return File(labels.Render(label, size, request.Count!.Value), "application/pdf", name);
    }

    /// <summary>The product if this user may edit its page here: the Office under /office, the owning producer under /producer.</summary>
    private async Task<TraceEditorContext?> ContextAsync(int productId, CancellationToken ct)
    {
        var byOffice = Request.Path.StartsWithSegments("/office", StringComparison.OrdinalIgnoreCase);
        if (byOffice ? !User.IsInRole(Roles.Office) : !User.IsInRole(Roles.Producer))
        {
            return null;
        }

        var products = from p in db.Set<Product>().AsNoTracking()
                       join pr in db.Set<Producer>() on p.ProducerId equals pr.Id
                       where p.Id == productId
                       select new { p.Id, p.Name, Producer = pr.Name, pr.OwnerUserId, pr.ProvinceCode, pr.CommuneCode };
        if (!byOffice)
        {
            var userId = UserId;
            products = products.Where(p => p.OwnerUserId == userId);
        }

        var product = await products.SingleOrDefaultAsync(ct);
        if (product is null)
        {
            return null;
        }

        var basePath = byOffice ? $"/office/products/{productId}/trace" : $"/producer/products/{productId}/trace";
        return new TraceEditorContext(product.Id, product.Name, product.Producer, product.ProvinceCode, product.CommuneCode, basePath, byOffice,
            await records.FindAsync(productId, ct));
    }

    private async Task<TraceOverviewModel> OverviewAsync(TraceEditorContext context, TraceBatchInput batch, LabelSheetRequest labelRequest, CancellationToken ct)
    {
        if (context.Record is not { } record)
        {
            return new TraceOverviewModel(context, null, [], [], batch, labelRequest);
        }

        var versions = await db.TraceVersions.AsNoTracking().Where(v => v.TraceRecordId == record.Id).OrderByDescending(v => v.Number)
            .Select(v => new TraceVersionRow(v.Number, v.PublishedAt, v.PublishedByName)).ToListAsync(ct);
        var batches = await db.TraceBatches.AsNoTracking().Where(b => b.TraceRecordId == record.Id).OrderByDescending(b => b.ProducedOn).ThenByDescending(b => b.Id)
            .Select(b => new TraceBatchRow(b.Code, b.ProducedOn, b.ExpiresOn, b.Quantity, b.Unit, b.VersionNumber)).ToListAsync(ct);
        return new TraceOverviewModel(context, record.CurrentVersion > 0 ? urls.Public(Request, TraceRecord.PublicPath(record.Code)) : null,
            versions, batches, batch, labelRequest);
    }

    private async Task<TraceDraftModel> DraftModelAsync(TraceEditorContext context, TraceDraftInput input, CancellationToken ct)
    {
        var communes = await db.Communes.AsNoTracking()
            .Where(c => (c.ProvinceCode == context.ProducerProvinceCode && c.ValidTo == null) || c.Code == input.SiteCommuneCode)
            .OrderBy(c => c.Name).Select(c => new CommuneOption(c.Code, c.FullName)).ToListAsync(ct);
        return new TraceDraftModel(context, input, communes);
    }
}
