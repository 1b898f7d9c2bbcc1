using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using OcopPortal.Web.Data.AdminUnits;
using OcopPortal.Web.Infrastructure.Auth;

namespace OcopPortal.Web.Features.AdminUnits;

/// <summary>An admin loads communes or old→new mapping rows of further provinces from the shared reference CSVs.</summary>
[Authorize(Policy = Policies.Admin)]
[Route("admin/units/import")]
public sealed class AdminUnitImportController(AdminUnitImporter importer, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public IActionResult Index() => View(new UnitImportInput());

    [HttpPost("")]
    [RequestSizeLimit(UnitImportInput.MaxRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = UnitImportInput.MaxRequestBytes)]
    public async Task<IActionResult> Index(UnitImportInput input, CancellationToken ct)
    {
        var table = ModelState.IsValid ? await ReadAsync(input.File!, ct) : null;
        if (table is not null && importer.FileProblem(table) is { } problem)
        {
            ModelState.AddModelError(nameof(input.File), problem);
        }

        if (!ModelState.IsValid || table is null)
        {
            return View(input);
        }

        ViewData["Report"] = await importer.ImportAsync(table, input.File!.FileName, input.DryRun, ct);
        return View(input);
    }

    private async Task<CsvTable?> ReadAsync(IFormFile file, CancellationToken ct)
    {
        try
        {
            using var reader = new StreamReader(file.OpenReadStream(), new UTF8Encoding(false, throwOnInvalidBytes: true));
            return CsvTable.Parse(await reader.ReadToEndAsync(ct));
        }
        catch (DecoderFallbackException)
        {
            ModelState.AddModelError(nameof(UnitImportInput.File), l["Tệp không phải văn bản UTF-8. Hãy lưu lại dưới dạng “CSV UTF-8”."]);
            return null;
        }
    }
}
