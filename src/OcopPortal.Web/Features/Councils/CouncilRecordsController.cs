using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OcopPortal.Web.Infrastructure.Auth;

namespace OcopPortal.Web.Features.Councils;

/// <summary>
/// A round's official records: the minutes (PDF), one member's scoring sheet (PDF) and the workbook (XLSX). Who may
/// open what is decided by <see cref="CouncilRecords"/>; anything not given to the user, or not ready yet, is a 404.
/// </summary>
[Authorize(Policy = Policies.OfficeOrCouncil)]
[Route("rounds/{id:int}")]
public sealed class CouncilRecordsController(CouncilRecords records) : Controller
{
    /// <summary>Biên bản họp Hội đồng: Office, chair and secretary, once scoring is closed.</summary>
    [HttpGet("minutes.pdf")]
    public async Task<IActionResult> Minutes(int id, CancellationToken ct)
    {
        var grant = await records.RecordsAsync(User, id, ct);
        if (grant is null)
        {
            return NotFound();
        }

        return Private(File(await records.MinutesAsync(grant, ct), "application/pdf", CouncilRecords.FileName("bien-ban", grant.Round, "pdf")));
    }

    /// <summary>Phiếu đánh giá, chấm điểm of one member for one product.</summary>
    [HttpGet("entries/{entryId:int}/sheets/{seatId:int}.pdf")]
    public async Task<IActionResult> Sheet(int id, int entryId, int seatId, CancellationToken ct)
    {
        var data = await records.SheetAsync(User, id, entryId, seatId, ct);
        return data is null ? NotFound() : Private(File(records.SheetPdf(data), "application/pdf", CouncilRecords.SheetFileName(data)));
    }

    /// <summary>The detail and summary workbook, streamed from a temporary file that is deleted once sent.</summary>
    [HttpGet("export.xlsx")]
    public async Task<IActionResult> Export(int id, CancellationToken ct)
    {
        var grant = await records.RecordsAsync(User, id, ct);
        if (grant is null)
        {
            return NotFound();
        }

        return Private(File(await records.ExportAsync(grant, ct), CouncilRecords.XlsxContentType, CouncilRecords.FileName("ket-qua", grant.Round, "xlsx")));
    }

    private FileResult Private(FileResult file)
    {
        Response.Headers.CacheControl = "private, no-store";
        return file;
    }
}
