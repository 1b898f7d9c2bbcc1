using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain.AdminUnits;
using OcopPortal.Web.Domain.Producers;
using OcopPortal.Web.Infrastructure.Validation;

namespace OcopPortal.Web.Features.Producers;

/// <summary>The producer profile form (the producer's own, or the Office's on a paper filer's behalf).</summary>
public sealed class ProducerInput
{
    public ProducerType? Type { get; set; }

    public string? Name { get; set; }

    public string? TaxCode { get; set; }

    public string? RepresentativeName { get; set; }

    public Gender? RepresentativeGender { get; set; }

    public bool RepresentativeIsEthnicMinority { get; set; }

    public bool RepresentativeHasDisability { get; set; }

    public string? ProvinceCode { get; set; }

    public string? CommuneCode { get; set; }

    public string? StreetAddress { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    /// <summary>Show the phone and email on the public catalogue pages (off by default).</summary>
    public bool ContactPublic { get; set; }

    /// <summary>The version the form was loaded from (optimistic concurrency).</summary>
    public Guid Version { get; set; }

    public static ProducerInput From(Producer p) => new()
    {
        Type = p.Type,
        Name = p.Name,
        TaxCode = p.TaxCode,
        RepresentativeName = p.RepresentativeName,
        RepresentativeGender = p.RepresentativeGender,
        RepresentativeIsEthnicMinority = p.RepresentativeIsEthnicMinority,
        RepresentativeHasDisability = p.RepresentativeHasDisability,
        ProvinceCode = p.ProvinceCode,
        CommuneCode = p.CommuneCode,
        StreetAddress = p.StreetAddress,
        Phone = p.Phone,
        Email = p.Email,
        ContactPublic = p.ContactPublic,
        Version = p.Version,
    };
}

public sealed class ProducerInputValidator : AbstractValidator<ProducerInput>
{
    public ProducerInputValidator(IStringLocalizer<SharedResource> l, OcopDbContext db)
    {
        RuleFor(x => x.Type).NotNull().WithMessage(l["Vui lòng chọn loại hình chủ thể."])
            .IsInEnum().WithMessage(l["Loại hình chủ thể không hợp lệ."]);
        RuleFor(x => x.Name).NotEmpty().WithMessage(l["Vui lòng nhập tên chủ thể."])
            .MaximumLength(300).WithMessage(l["Tên chủ thể không quá 300 ký tự."]);
        RuleFor(x => x.TaxCode).NotEmpty().WithMessage(l["Vui lòng nhập mã số thuế hoặc mã số đăng ký kinh doanh."])
            .Must(TaxCodes.IsValid!).When(x => !string.IsNullOrWhiteSpace(x.TaxCode), ApplyConditionTo.CurrentValidator)
            .WithMessage(l["Mã số thuế không hợp lệ: 10 chữ số, 10 chữ số-3 chữ số (chi nhánh) hoặc 12 chữ số (số định danh cá nhân của hộ kinh doanh)."]);
        RuleFor(x => x.RepresentativeName).NotEmpty().WithMessage(l["Vui lòng nhập họ tên người đại diện theo pháp luật."])
            .MaximumLength(200).WithMessage(l["Họ tên người đại diện không quá 200 ký tự."]);
        RuleFor(x => x.RepresentativeGender).NotNull().WithMessage(l["Vui lòng chọn giới tính của người đại diện."])
            .IsInEnum().WithMessage(l["Giới tính không hợp lệ."]);
        RuleFor(x => x.ProvinceCode).NotEmpty().WithMessage(l["Vui lòng chọn tỉnh, thành phố."]);
        RuleFor(x => x.CommuneCode).NotEmpty().WithMessage(l["Vui lòng chọn xã, phường."])
            .MustAsync(async (input, code, ct) => await db.Set<Commune>().AnyAsync(c => c.Code == code && c.ProvinceCode == input.ProvinceCode && c.ValidTo == null, ct))
            .When(x => !string.IsNullOrEmpty(x.CommuneCode) && !string.IsNullOrEmpty(x.ProvinceCode), ApplyConditionTo.CurrentValidator)
            .WithMessage(l["Xã, phường đã chọn không thuộc tỉnh, thành phố đã chọn hoặc không còn tồn tại."]);
        RuleFor(x => x.StreetAddress).NotEmpty().WithMessage(l["Vui lòng nhập địa chỉ (số nhà, đường, ấp/thôn)."])
            .MaximumLength(300).WithMessage(l["Địa chỉ không quá 300 ký tự."]);
        RuleFor(x => x.Phone).NotEmpty().WithMessage(l["Vui lòng nhập số điện thoại."])
            .Must(PhoneRule.IsVietnamesePhone!).When(x => !string.IsNullOrWhiteSpace(x.Phone), ApplyConditionTo.CurrentValidator)
            .WithMessage(l["Số điện thoại không hợp lệ (ví dụ 0912345678 hoặc +84912345678)."]);
        RuleFor(x => x.Email).NotEmpty().WithMessage(l["Vui lòng nhập email liên hệ."])
            .MustBeEmail().WithMessage(l["Email không đúng định dạng."]);
    }
}

public static class TaxCodes
{
    /// <summary>Mã số thuế: 10 digits, 10-3 for a dependent unit, or the 12-digit personal number used as tax code since 2025.</summary>
    public static bool IsValid(string code)
    {
        var c = code.Trim();
        return c.Length switch
        {
            10 or 12 => c.All(char.IsAsciiDigit),
            14 => c[10] == '-' && c[..10].All(char.IsAsciiDigit) && c[11..].All(char.IsAsciiDigit),
            _ => false,
        };
    }
}
