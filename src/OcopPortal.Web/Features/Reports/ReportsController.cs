using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OcopPortal.Web.Data;
using OcopPortal.Web.Features.Dossiers;
using OcopPortal.Web.Infrastructure.Auth;
using OcopPortal.Web.Infrastructure.Web;

namespace OcopPortal.Web.Features.Reports;

/// <summary>What the generic report page shows: the report, one page of its rows, and the filter form to draw.</summary>
public sealed record ReportPage(ReportDefinition Report, IReadOnlyList<object?[]> Rows, PageInfo Info, string Path, string Query, string Form, object? Values,
    IReadOnlyList<CommuneOption> Communes, ReportDefinition? Detail = null, IReadOnlyList<object?[]>? DetailRows = null);

/// <summary>The values of the (a) list's filter form.</summary>
public sealed record RecognisedValues(RecognisedMode Mode, DateOnly On, string? Commune);

/// <summary>
/// The reports area: the dashboard (<c>/reports</c>) and the standard reports as pages, PDF and Excel. The Office and
/// Admin see the province; a commune officer the communes assigned to them; council members the finalised rounds of
/// their councils only (dashboard round figures and report (d)); producers are refused by the policy.
/// </summary>
[Authorize(Policy = Policies.Reports)]
[Route("reports")]
public sealed class ReportsController(ReportScopes scopes, ReportQueries queries, DashboardReader dashboards, StandardReports reports, ReportDocuments documents, OcopDbContext db) : Controller
{
    private const int PageSize = 50;

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] ReportFilter filter, CancellationToken ct)
    {
        var scope = await scopes.ForAsync(User, ct);
        var targets = scope.IsProvince ? await db.ProgrammeTargets.AsNoTracking().OrderBy(t => t.Year).ThenBy(t => t.Id).ToListAsync(ct) : [];
        return View(await dashboards.ReadAsync(scope, filter, targets, ct));
    }

    // ---------------------------------------------------------------- (a) recognised products

    [HttpGet("recognised")]
    public Task<IActionResult> Recognised(RecognisedMode mode, DateOnly? on, string? commune, int? page, CancellationToken ct) =>
        RegisterAsync(async scope =>
        {
            var day = on ?? queries.Today;
            return (await reports.RecognisedAsync(scope, mode, day, commune, ct), "recognised", new RecognisedValues(mode, day, commune),
                Query(("mode", mode == RecognisedMode.Ever ? "Ever" : null), ("on", on?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("commune", commune)));
        }, "/reports/recognised", page, ct);

    [HttpGet("recognised.pdf")]
    public Task<IActionResult> RecognisedPdf(RecognisedMode mode, DateOnly? on, string? commune, CancellationToken ct) =>
        ExportAsync(scope => reports.RecognisedAsync(scope, mode, on ?? queries.Today, commune, ct), pdf: true, ct);

    [HttpGet("recognised.xlsx")]
    public Task<IActionResult> RecognisedXlsx(RecognisedMode mode, DateOnly? on, string? commune, CancellationToken ct) =>
        ExportAsync(scope => reports.RecognisedAsync(scope, mode, on ?? queries.Today, commune, ct), pdf: false, ct);

    // ---------------------------------------------------------------- (b) summary

    [HttpGet("summary")]
    public Task<IActionResult> Summary([FromQuery] ReportFilter filter, int? page, CancellationToken ct) =>
        RegisterAsync(async scope => (await reports.SummaryAsync(scope, filter, ct), "period", (object)filter, filter.Query()), "/reports/summary", page, ct);

    [HttpGet("summary.pdf")]
    public Task<IActionResult> SummaryPdf([FromQuery] ReportFilter filter, CancellationToken ct) =>
        ExportAsync(scope => reports.SummaryAsync(scope, filter, ct), pdf: true, ct);

    [HttpGet("summary.xlsx")]
    public Task<IActionResult> SummaryXlsx([FromQuery] ReportFilter filter, CancellationToken ct) =>
        ExportAsync(scope => reports.SummaryAsync(scope, filter, ct), pdf: false, ct);

    // ---------------------------------------------------------------- (c) expiring

    [HttpGet("expiring")]
    public Task<IActionResult> Expiring(int? days, string? commune, int? page, CancellationToken ct) =>
        RegisterAsync(async scope => (await reports.ExpiringAsync(scope, Days(days), commune, ct), "expiring", (object)new ExpiringValues(Days(days), commune),
            Query(("days", days?.ToString(CultureInfo.InvariantCulture)), ("commune", commune))), "/reports/expiring", page, ct);

    [HttpGet("expiring.pdf")]
    public Task<IActionResult> ExpiringPdf(int? days, string? commune, CancellationToken ct) =>
        ExportAsync(scope => reports.ExpiringAsync(scope, Days(days), commune, ct), pdf: true, ct);

    [HttpGet("expiring.xlsx")]
    public Task<IActionResult> ExpiringXlsx(int? days, string? commune, CancellationToken ct) =>
        ExportAsync(scope => reports.ExpiringAsync(scope, Days(days), commune, ct), pdf: false, ct);

    // ---------------------------------------------------------------- (e) producers

    [HttpGet("producers")]
    public Task<IActionResult> Producers(string? commune, int? page, CancellationToken ct) =>
        RegisterAsync(async scope => (await reports.ProducersAsync(scope, commune, ct), "commune", (object)new ExpiringValues(0, commune), Query(("commune", commune))),
            "/reports/producers", page, ct);

    [HttpGet("producers.pdf")]
    public Task<IActionResult> ProducersPdf(string? commune, CancellationToken ct) =>
        ExportAsync(scope => reports.ProducersAsync(scope, commune, ct), pdf: true, ct);

    [HttpGet("producers.xlsx")]
    public Task<IActionResult> ProducersXlsx(string? commune, CancellationToken ct) =>
        ExportAsync(scope => reports.ProducersAsync(scope, commune, ct), pdf: false, ct);

    // ---------------------------------------------------------------- (d) rounds

    [HttpGet("rounds")]
    public async Task<IActionResult> Rounds(CancellationToken ct)
    {
        var scope = await scopes.ForAsync(User, ct);
        return View(await reports.RoundListAsync(scope, ct));
    }

    [HttpGet("rounds/{id:int}")]
    public async Task<IActionResult> Round(int id, CancellationToken ct)
    {
        var scope = await scopes.ForAsync(User, ct);
        if (await reports.RoundAsync(scope, id, DossierAccess.UserId(User), ct) is not var (summary, detail))
        {
            return NotFound();
        }

        var rows = summary.Rows(0, int.MaxValue).ToList();
        return View("Table", new ReportPage(summary, rows, new PageInfo(1, 1, rows.Count), $"/reports/rounds/{id}", "", "none", null, [],
            detail, detail.Rows(0, int.MaxValue).ToList()));
    }

    [HttpGet("rounds/{id:int}.pdf")]
    public async Task<IActionResult> RoundPdf(int id, CancellationToken ct)
    {
        var scope = await scopes.ForAsync(User, ct);
        if (await reports.RoundAsync(scope, id, DossierAccess.UserId(User), ct) is not var (summary, detail))
        {
            return NotFound();
        }

        return Private(File(await documents.PdfAsync(summary.All(), ct, detail.All()), "application/pdf", summary.FileStem + ".pdf"));
    }

    [HttpGet("rounds/{id:int}.xlsx")]
    public async Task<IActionResult> RoundXlsx(int id, CancellationToken ct)
    {
        var scope = await scopes.ForAsync(User, ct);
        if (await reports.RoundAsync(scope, id, DossierAccess.UserId(User), ct) is not var (summary, detail))
        {
            return NotFound();
        }

        return Private(File(await ReportDocuments.ExcelAsync(summary.All("Tổng hợp"), ct, detail.All("Chi tiết tiêu chí")), ReportDocuments.XlsxContentType, summary.FileStem + ".xlsx"));
    }

    // ---------------------------------------------------------------- shared

    public sealed record ExpiringValues(int Days, string? Commune);

    private static int Days(int? days) => Math.Clamp(days ?? 180, 1, 1095);

    private async Task<IActionResult> RegisterAsync(
        Func<ReportScope, Task<(ReportDefinition Report, string Form, object Values, string Query)>> build, string path, int? page, CancellationToken ct)
    {
        var scope = await scopes.ForAsync(User, ct);
        if (!scope.SeesRegisters)
        {
            return Forbid();
        }

        var (report, form, values, query) = await build(scope);
        var total = await report.CountAsync(ct);
        var pageCount = Math.Max(1, (int)Math.Ceiling(total / (double)PageSize));
        var p = Math.Clamp(page ?? 1, 1, pageCount);
        var rows = report.Rows((p - 1) * PageSize, PageSize).ToList();
        return View("Table", new ReportPage(report, rows, new PageInfo(p, pageCount, total), path, query, form, values, await queries.CommuneOptionsAsync(scope, ct)));
    }

    private async Task<IActionResult> ExportAsync(Func<ReportScope, Task<ReportDefinition>> build, bool pdf, CancellationToken ct)
    {
        var scope = await scopes.ForAsync(User, ct);
        if (!scope.SeesRegisters)
        {
            return Forbid();
        }

        var report = (await build(scope)).All();
        return pdf
            ? Private(File(await documents.PdfAsync(report, ct), "application/pdf", report.FileStem + ".pdf"))
            : Private(File(await ReportDocuments.ExcelAsync(report, ct), ReportDocuments.XlsxContentType, report.FileStem + ".xlsx"));
    }

    private static string Query(params (string Key, string? Value)[] pairs) =>
        string.Join("&", pairs.Where(p => !string.IsNullOrWhiteSpace(p.Value)).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!.Trim())}"));

    private FileResult Private(FileResult file)
    {
        Response.Headers.CacheControl = "private, no-store";
        return file;
    }
}
