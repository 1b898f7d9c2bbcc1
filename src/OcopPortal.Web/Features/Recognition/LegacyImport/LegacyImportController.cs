using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using OcopPortal.Web.Infrastructure.Auth;

namespace OcopPortal.Web.Features.Recognition.LegacyImport;

public sealed class LegacyUploadInput
{
    /// <summary>Above this the server stops reading; between the file limit and this, the validator explains.</summary>
    public const long MaxRequestBytes = 20 * 1024 * 1024;

    public IFormFile? File { get; set; }
}

public sealed class LegacyUploadInputValidator : AbstractValidator<LegacyUploadInput>
{
    public LegacyUploadInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.File).NotNull().WithMessage(l["Vui lòng chọn tệp Excel (.xlsx) hoặc CSV theo mẫu."]);
        RuleFor(x => x.File).Must(f => f!.Length <= LegacyCertificateImporter.MaxFileBytes).When(x => x.File is not null)
            .WithMessage(l["Tệp quá lớn: tối đa 5 MB mỗi lần nhập. Hãy chia thành nhiều tệp."]);
        RuleFor(x => x.File).Must(f => f!.Length > 0).When(x => x.File is not null).WithMessage(l["Tệp rỗng."]);
    }
}

/// <summary>The report page: the dry run, and the outcome of an import attempt when there was one.</summary>
public sealed record LegacyReportPage(LegacyImportReport Report, bool ProblemsOnly, string? Error);

/// <summary>
/// Legacy certificate import (Office, Admin): upload → dry run of the stored upload (nothing written) → "Nhập dữ liệu",
/// which re-validates the same stored file and imports all of it or nothing.
/// </summary>
[Authorize(Policy = Policies.OfficeOrAdmin)]
[Route("imports/certificates")]
public sealed class LegacyImportController(LegacyCertificateImporter importer, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public IActionResult Index() => View(new LegacyUploadInput());

    [HttpPost("")]
    [RequestSizeLimit(LegacyUploadInput.MaxRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = LegacyUploadInput.MaxRequestBytes)]
    public async Task<IActionResult> Index(LegacyUploadInput input, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var result = await importer.UploadAsync(input.File!, User, ct);
            if (result.FileId is { } id)
            {
                return Redirect($"/imports/certificates/{id}");
            }

            ModelState.AddModelError(nameof(input.File), result.Problem!);
        }

        return View(input);
    }

    [HttpGet("{fileId:guid}")]
    public async Task<IActionResult> Report(Guid fileId, bool problems, CancellationToken ct)
    {
        var report = await importer.DryRunAsync(fileId, ct);
        return report is null ? NotFound() : View(new LegacyReportPage(report, problems, null));
    }

    [HttpPost("{fileId:guid}")]
    public async Task<IActionResult> Import(Guid fileId, CancellationToken ct)
    {
        var outcome = await importer.ImportAsync(fileId, User, ct);
        if (outcome is null)
        {
            return NotFound();
        }

        if (outcome.Imported)
        {
            TempData["Flash"] = l["Đã nhập {0} giấy chứng nhận.", outcome.Certificates].Value;
            return Redirect($"/imports/certificates/{fileId}");
        }

        var report = outcome.Report ?? await importer.DryRunAsync(fileId, ct);
        Response.StatusCode = StatusCodes.Status409Conflict;
        return View(nameof(Report), new LegacyReportPage(report!, false, outcome.Problem));
    }
}
