using System.Globalization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain.Traceability;

namespace OcopPortal.Web.Features.Traceability;

public sealed class OriginRow
{
    public string? Material { get; set; }

    public string? Source { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Material) && string.IsNullOrWhiteSpace(Source);
}

public sealed class StepRow
{
    public string? Title { get; set; }

    public string? Description { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Title) && string.IsNullOrWhiteSpace(Description);
}

public sealed class CertificationRow
{
    public string? Name { get; set; }

    public string? Issuer { get; set; }

    public string? Number { get; set; }

    public DateOnly? ValidUntil { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Issuer) && string.IsNullOrWhiteSpace(Number) && ValidUntil is null;
}

/// <summary>
/// The draft form. Rows of the three lists are added and removed by the server (<see cref="Command"/>: <c>add-origin</c>,
/// <c>remove-step:2</c>...), so the form works without script; rows left completely blank are ignored.
/// </summary>
public sealed class TraceDraftInput
{
    public const int MaxRows = 30;

    public List<OriginRow> Origins { get; set; } = [];

    public string? SiteAddress { get; set; }

    public string? SiteCommuneCode { get; set; }

    /// <summary>Decimal degrees, '.' or ',' as the separator (text, so the UI language never changes its meaning).</summary>
    public string? Latitude { get; set; }

    public string? Longitude { get; set; }

    public List<StepRow> Steps { get; set; } = [];

    public List<CertificationRow> Certifications { get; set; } = [];

    public string? Story { get; set; }

    public Guid Version { get; set; }

    /// <summary>A row command from one of the form's add/remove buttons; null for "save".</summary>
    public string? Command { get; set; }

    public static decimal? Coordinate(string? text) =>
        decimal.TryParse((text ?? "").Trim().Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v) ? v : null;

    public static TraceDraftInput From(TraceContent c, Guid version) => new()
    {
        Origins = c.Origins.Select(o => new OriginRow { Material = o.Material, Source = o.Source }).ToList(),
        SiteAddress = c.SiteAddress,
        SiteCommuneCode = c.SiteCommuneCode,
        Latitude = c.Latitude?.ToString(CultureInfo.InvariantCulture),
        Longitude = c.Longitude?.ToString(CultureInfo.InvariantCulture),
        Steps = c.Steps.Select(s => new StepRow { Title = s.Title, Description = s.Description }).ToList(),
        Certifications = c.Certifications.Select(x => new CertificationRow { Name = x.Name, Issuer = x.Issuer, Number = x.Number, ValidUntil = x.ValidUntil }).ToList(),
        Story = c.Story,
        Version = version,
    };

    /// <summary>The content to store (blank rows dropped, text trimmed); the commune name is the one in force now.</summary>
    public TraceContent ToContent(string communeName) => new(
        Origins.Where(o => !o.IsBlank).Select(o => new TraceOrigin(o.Material!.Trim(), o.Source!.Trim())).ToList(),
        SiteAddress!.Trim(), SiteCommuneCode!, communeName, Coordinate(Latitude), Coordinate(Longitude),
        Steps.Where(s => !s.IsBlank).Select(s => new TraceStep(s.Title!.Trim(), (s.Description ?? "").Trim())).ToList(),
        Certifications.Where(c => !c.IsBlank).Select(c => new TraceCertification(c.Name!.Trim(), (c.Issuer ?? "").Trim(), (c.Number ?? "").Trim(), c.ValidUntil)).ToList(),
        Story!.Trim());

    /// <summary>Applies an add/remove command; true when <see cref="Command"/> was one (the form is shown again, nothing saved).</summary>
    public bool ApplyCommand()
    {
        switch (Command)
        {
            case null or "":
                return false;
            case "add-origin" when Origins.Count < MaxRows:
                Origins.Add(new OriginRow());
                return true;
            case "add-step" when Steps.Count < MaxRows:
                Steps.Add(new StepRow());
                return true;
            case "add-certification" when Certifications.Count < MaxRows:
                Certifications.Add(new CertificationRow());
                return true;
        }

        var parts = Command.Split(':');
        if (parts.Length == 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var i))
        {
            switch (parts[0])
            {
                case "remove-origin" when i < Origins.Count: Origins.RemoveAt(i); break;
                case "remove-step" when i < Steps.Count: Steps.RemoveAt(i); break;
                case "remove-certification" when i < Certifications.Count: Certifications.RemoveAt(i); break;
            }
        }

        return true;
    }
}

public sealed class TraceDraftInputValidator : AbstractValidator<TraceDraftInput>
{
    public TraceDraftInputValidator(IStringLocalizer<SharedResource> l, OcopDbContext db)
    {
        // Row commands only reshape the form; nothing is checked or stored then.
        When(x => string.IsNullOrEmpty(x.Command), () =>
        {
            RuleFor(x => x.Origins).Must(o => o.Any(r => !r.IsBlank)).WithMessage(l["Vui lòng khai báo ít nhất một nguồn nguyên liệu."])
                .Must(o => o.Count <= TraceDraftInput.MaxRows).WithMessage(l["Tối đa {0} dòng mỗi danh sách.", TraceDraftInput.MaxRows]);
            RuleForEach(x => x.Origins).Where(r => !r.IsBlank).ChildRules(r =>
            {
                r.RuleFor(x => x.Material).NotEmpty().WithMessage(l["Vui lòng nhập tên nguyên liệu."])
                    .MaximumLength(200).WithMessage(l["Tên nguyên liệu không quá 200 ký tự."]);
                r.RuleFor(x => x.Source).NotEmpty().WithMessage(l["Vui lòng nhập nguồn gốc nguyên liệu (vùng trồng, cơ sở cung cấp)."])
                    .MaximumLength(300).WithMessage(l["Nguồn gốc nguyên liệu không quá 300 ký tự."]);
            });
            RuleFor(x => x.SiteAddress).NotEmpty().WithMessage(l["Vui lòng nhập địa chỉ cơ sở sản xuất."])
                .MaximumLength(300).WithMessage(l["Địa chỉ cơ sở sản xuất không quá 300 ký tự."]);
            RuleFor(x => x.SiteCommuneCode).NotEmpty().WithMessage(l["Vui lòng chọn xã, phường của cơ sở sản xuất."])
                .MustAsync((code, ct) => db.Communes.AnyAsync(c => c.Code == code, ct)).When(x => !string.IsNullOrEmpty(x.SiteCommuneCode), ApplyConditionTo.CurrentValidator)
                .WithMessage(l["Xã, phường đã chọn không có trong danh mục đơn vị hành chính."]);
            RuleFor(x => x.Latitude).Must(v => TraceDraftInput.Coordinate(v) is >= -90 and <= 90).When(x => !string.IsNullOrWhiteSpace(x.Latitude))
                .WithMessage(l["Vĩ độ phải là số thập phân từ -90 đến 90 (ví dụ 9,7712)."]);
            RuleFor(x => x.Longitude).Must(v => TraceDraftInput.Coordinate(v) is >= -180 and <= 180).When(x => !string.IsNullOrWhiteSpace(x.Longitude))
                .WithMessage(l["Kinh độ phải là số thập phân từ -180 đến 180 (ví dụ 105,6089)."]);
            RuleFor(x => x).Must(x => string.IsNullOrWhiteSpace(x.Latitude) == string.IsNullOrWhiteSpace(x.Longitude))
                .OverridePropertyName("Latitude").WithMessage(l["Nhập cả vĩ độ và kinh độ, hoặc để trống cả hai."]);
            RuleFor(x => x.Steps).Must(o => o.Any(r => !r.IsBlank)).WithMessage(l["Vui lòng khai báo ít nhất một bước của quy trình sản xuất."])
                .Must(o => o.Count <= TraceDraftInput.MaxRows).WithMessage(l["Tối đa {0} dòng mỗi danh sách.", TraceDraftInput.MaxRows]);
            RuleForEach(x => x.Steps).Where(r => !r.IsBlank).ChildRules(r =>
            {
                r.RuleFor(x => x.Title).NotEmpty().WithMessage(l["Vui lòng nhập tên bước sản xuất."])
                    .MaximumLength(200).WithMessage(l["Tên bước sản xuất không quá 200 ký tự."]);
                r.RuleFor(x => x.Description).MaximumLength(2000).WithMessage(l["Mô tả bước sản xuất không quá 2.000 ký tự."]);
            });
            RuleFor(x => x.Certifications).Must(o => o.Count <= TraceDraftInput.MaxRows).WithMessage(l["Tối đa {0} dòng mỗi danh sách.", TraceDraftInput.MaxRows]);
            RuleForEach(x => x.Certifications).Where(r => !r.IsBlank).ChildRules(r =>
            {
                r.RuleFor(x => x.Name).NotEmpty().WithMessage(l["Vui lòng nhập tên chứng nhận."])
                    .MaximumLength(200).WithMessage(l["Tên chứng nhận không quá 200 ký tự."]);
                r.RuleFor(x => x.Issuer).MaximumLength(200).WithMessage(l["Tên cơ quan cấp không quá 200 ký tự."]);
                r.RuleFor(x => x.Number).MaximumLength(100).WithMessage(l["Số chứng nhận không quá 100 ký tự."]);
            });
            RuleFor(x => x.Story).NotEmpty().WithMessage(l["Vui lòng kể câu chuyện sản phẩm (tiêu chí 5.1)."])
                .MaximumLength(8000).WithMessage(l["Câu chuyện sản phẩm không quá 8.000 ký tự."]);
        });
    }
}

/// <summary>A new production batch (lô sản xuất).</summary>
public sealed class TraceBatchInput
{
    public string? Code { get; set; }

    public DateOnly? ProducedOn { get; set; }

    public DateOnly? ExpiresOn { get; set; }

    public decimal? Quantity { get; set; }

    public string? Unit { get; set; }

    public string? Note { get; set; }
}

public sealed class TraceBatchInputValidator : AbstractValidator<TraceBatchInput>
{
    public TraceBatchInputValidator(IStringLocalizer<SharedResource> l, TimeProvider clock)
    {
        RuleFor(x => x.Code).NotEmpty().WithMessage(l["Vui lòng nhập mã lô."])
            .Must(c => TraceCodes.IsBatchCode(TraceCodes.NormaliseBatchCode(c))).When(x => !string.IsNullOrWhiteSpace(x.Code), ApplyConditionTo.CurrentValidator)
            .WithMessage(l["Mã lô gồm chữ cái không dấu, chữ số và dấu gạch ngang (-), tối đa 30 ký tự, ví dụ L2026-11-01."]);
        RuleFor(x => x.ProducedOn).NotNull().WithMessage(l["Vui lòng nhập ngày sản xuất."])
            .Must(d => d <= DateOnly.FromDateTime(clock.GetLocalNow().Date)).When(x => x.ProducedOn is not null, ApplyConditionTo.CurrentValidator)
            .WithMessage(l["Ngày sản xuất không được sau hôm nay."]);
        RuleFor(x => x.ExpiresOn).Must((x, e) => e > x.ProducedOn).When(x => x.ExpiresOn is not null && x.ProducedOn is not null)
            .WithMessage(l["Hạn sử dụng phải sau ngày sản xuất."]);
        RuleFor(x => x.Quantity).InclusiveBetween(0.001m, 1_000_000_000m).When(x => x.Quantity is not null)
            .WithMessage(l["Số lượng phải lớn hơn 0."]);
        RuleFor(x => x.Unit).NotEmpty().When(x => x.Quantity is not null, ApplyConditionTo.CurrentValidator).WithMessage(l["Vui lòng nhập đơn vị tính của số lượng (hộp, kg...)."])
            .MaximumLength(20).WithMessage(l["Đơn vị tính không quá 20 ký tự."]);
        RuleFor(x => x.Note).MaximumLength(500).WithMessage(l["Ghi chú không quá 500 ký tự."]);
    }
}

/// <summary>A label sheet request: <c>?size=small|medium|large&amp;batch=...&amp;count=N</c>.</summary>
public sealed class LabelSheetRequest
{
    public const int MaxCount = 500;

    public string? Size { get; set; }

    public string? Batch { get; set; }

    public int? Count { get; set; }
}

public sealed class LabelSheetRequestValidator : AbstractValidator<LabelSheetRequest>
{
    public LabelSheetRequestValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Size).Must(s => LabelSizes.Find(s) is not null)
            .WithMessage(l["Cỡ nhãn phải là nhỏ, vừa hoặc lớn."]);
        RuleFor(x => x.Count).NotNull().WithMessage(l["Vui lòng nhập số nhãn cần in."])
            .InclusiveBetween(1, LabelSheetRequest.MaxCount).WithMessage(l["Số nhãn phải từ 1 đến {0}.", LabelSheetRequest.MaxCount]);
    }
}
