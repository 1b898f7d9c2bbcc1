using FluentValidation;
using Microsoft.Extensions.Localization;
using OcopPortal.Web.Domain.AdminUnits;
using OcopPortal.Web.Infrastructure.Web;

namespace OcopPortal.Web.Features.AdminUnits;

public sealed record ProvinceRow(string Code, string FullName, string Type, int Total, int Communes, int Wards, int SpecialZones, int OldUnits);

public sealed record CommuneRow(string Code, string FullName, string Type, DateOnly ValidFrom, IReadOnlyList<OldUnit> OldUnits);

public sealed record ProvincePage(Province Province, string? Query, Paged<CommuneRow> Communes, bool MappingLoaded);

/// <summary>One &lt;option&gt; of the commune picker; <see cref="FormerName"/> when it matched through an old name.</summary>
public sealed record CommuneOption(string Code, string FullName, string? FormerName);

public sealed record CommuneOptions(IReadOnlyList<CommuneOption> Items, string? Selected);

/// <summary>The import form: a CSV of communes or of old→new mapping rows, checked without saving by default.</summary>
public sealed class UnitImportInput
{
    public const long MaxFileBytes = 5 * 1024 * 1024;

    /// <summary>
    /// The server stops reading a request above this. Between <see cref="MaxFileBytes"/> and this the form reads and
    /// the validator says the file is too big; above it the request is refused with the error page.
    /// </summary>
    public const long MaxRequestBytes = 20 * 1024 * 1024;

    public IFormFile? File { get; set; }

    public bool DryRun { get; set; } = true;
}

public sealed class UnitImportInputValidator : AbstractValidator<UnitImportInput>
{
    public UnitImportInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.File).NotNull().WithMessage(l["Vui lòng chọn tệp CSV."]);
        RuleFor(x => x.File).Must(f => f!.Length <= UnitImportInput.MaxFileBytes).When(x => x.File is not null)
            .WithMessage(l["Tệp quá lớn: tối đa 5 MB. Hãy chia tệp theo tỉnh."]);
        RuleFor(x => x.File).Must(f => f!.Length > 0).When(x => x.File is not null).WithMessage(l["Tệp rỗng."]);
        RuleFor(x => x.File).Must(f => f!.FileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)).When(x => x.File is not null)
            .WithMessage(l["Chỉ nhận tệp .csv (UTF-8, dấu phẩy)."]);
    }
}
