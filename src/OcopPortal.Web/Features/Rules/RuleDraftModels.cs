using FluentValidation;
using Microsoft.Extensions.Localization;
using OcopPortal.Web.Domain.Rules;

namespace OcopPortal.Web.Features.Rules;

/// <summary>The parameters of a draft rule set an admin may change (copy form and edit form).</summary>
public sealed class RuleSetInput
{
    public string? Code { get; set; }

    public string? Name { get; set; }

    public string? LegalBasis { get; set; }

    public DateOnly? EffectiveFrom { get; set; }

    public DateOnly? EffectiveTo { get; set; }

    public decimal FiveStarMin { get; set; } = 90m;

    public decimal FourStarMin { get; set; } = 70m;

    public decimal ThreeStarMin { get; set; } = 50m;

    public decimal TwoStarMin { get; set; } = 30m;

    public int CertificateValidityMonths { get; set; } = 36;

    public int ReRecognitionOpensDaysBefore { get; set; } = 180;

    public int ReRecognitionClosesDaysBefore { get; set; } = 120;

    public int? CommuneCheckWorkingDays { get; set; }

    public ConsolidationMethod Consolidation { get; set; }

    public decimal MaxMemberSpread { get; set; } = 10m;

    public static RuleSetInput From(RuleSet r) => new()
    {
        Code = r.Code,
        Name = r.Name,
        LegalBasis = r.LegalBasis,
        EffectiveFrom = r.EffectiveFrom,
        EffectiveTo = r.EffectiveTo,
        FiveStarMin = r.FiveStarMin,
        FourStarMin = r.FourStarMin,
        ThreeStarMin = r.ThreeStarMin,
        TwoStarMin = r.TwoStarMin,
        CertificateValidityMonths = r.CertificateValidityMonths,
        ReRecognitionOpensDaysBefore = r.ReRecognitionOpensDaysBefore,
        ReRecognitionClosesDaysBefore = r.ReRecognitionClosesDaysBefore,
        CommuneCheckWorkingDays = r.CommuneCheckWorkingDays,
        Consolidation = r.Consolidation,
        MaxMemberSpread = r.MaxMemberSpread,
    };

    public void ApplyTo(RuleSet r)
    {
        r.Code = Code!.Trim();
        r.Name = Name!.Trim();
        r.LegalBasis = LegalBasis?.Trim() ?? "";
        r.EffectiveFrom = EffectiveFrom!.Value;
        r.EffectiveTo = EffectiveTo;
        (r.FiveStarMin, r.FourStarMin, r.ThreeStarMin, r.TwoStarMin) = (FiveStarMin, FourStarMin, ThreeStarMin, TwoStarMin);
        r.CertificateValidityMonths = CertificateValidityMonths;
        (r.ReRecognitionOpensDaysBefore, r.ReRecognitionClosesDaysBefore) = (ReRecognitionOpensDaysBefore, ReRecognitionClosesDaysBefore);
        r.CommuneCheckWorkingDays = CommuneCheckWorkingDays;
        r.Consolidation = Consolidation;
        r.MaxMemberSpread = MaxMemberSpread;
    }
}

public sealed class RuleSetInputValidator : AbstractValidator<RuleSetInput>
{
    public RuleSetInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Code).NotEmpty().WithMessage(l["Vui lòng nhập mã bộ quy tắc."])
            .Matches("^[A-Z0-9][A-Z0-9-]{1,48}$").WithMessage(l["Mã chỉ gồm chữ in hoa, chữ số và dấu gạch ngang (ví dụ QD-12-2027-SOCTRANG)."]);
        RuleFor(x => x.Name).NotEmpty().WithMessage(l["Vui lòng nhập tên bộ quy tắc."]).MaximumLength(300).WithMessage(l["Tên không quá 300 ký tự."]);
        RuleFor(x => x.EffectiveFrom).NotNull().WithMessage(l["Vui lòng nhập ngày bắt đầu hiệu lực."]);
        RuleFor(x => x.EffectiveTo).GreaterThanOrEqualTo(x => x.EffectiveFrom).When(x => x.EffectiveTo is not null && x.EffectiveFrom is not null)
            .WithMessage(l["Ngày hết hiệu lực phải sau ngày bắt đầu."]);
        RuleFor(x => x).Must(x => x.TwoStarMin > 0 && x.TwoStarMin < x.ThreeStarMin && x.ThreeStarMin < x.FourStarMin && x.FourStarMin < x.FiveStarMin && x.FiveStarMin <= 100)
            .WithName("FiveStarMin").WithMessage(l["Các ngưỡng sao phải tăng dần: 0 < 2★ < 3★ < 4★ < 5★ ≤ 100."]);
        RuleFor(x => x.CertificateValidityMonths).InclusiveBetween(1, 120).WithMessage(l["Thời hạn giấy chứng nhận từ 1 đến 120 tháng."]);
        RuleFor(x => x.ReRecognitionOpensDaysBefore).GreaterThan(x => x.ReRecognitionClosesDaysBefore)
            .WithMessage(l["Cửa sổ đánh giá lại phải mở trước khi đóng (số ngày mở lớn hơn số ngày đóng)."]);
        RuleFor(x => x.ReRecognitionClosesDaysBefore).GreaterThanOrEqualTo(0).WithMessage(l["Số ngày không được âm."]);
        RuleFor(x => x.CommuneCheckWorkingDays).InclusiveBetween(1, 60).When(x => x.CommuneCheckWorkingDays is not null)
            .WithMessage(l["Thời hạn xã kiểm tra từ 1 đến 60 ngày làm việc."]);
        RuleFor(x => x.MaxMemberSpread).InclusiveBetween(0m, 100m).WithMessage(l["Chênh lệch tối đa từ 0 đến 100 điểm."]);
        RuleFor(x => x.Consolidation).IsInEnum().WithMessage(l["Cách tổng hợp không hợp lệ."]);
    }
}

public sealed class OptionInput
{
    public int Id { get; set; }

    public string? Label { get; set; }

    public int Points { get; set; }

    public int? MinStar { get; set; }
}

public sealed class CriterionOptionsInput
{
    public List<OptionInput> Options { get; set; } = [];
}

public sealed class CriterionOptionsInputValidator : AbstractValidator<CriterionOptionsInput>
{
    public CriterionOptionsInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Options).NotEmpty().WithMessage(l["Tiêu chí phải có ít nhất một phương án."]);
        RuleForEach(x => x.Options).ChildRules(o =>
        {
            o.RuleFor(x => x.Label).NotEmpty().WithMessage(l["Mỗi phương án cần nội dung."]).MaximumLength(1000).WithMessage(l["Nội dung phương án không quá 1000 ký tự."]);
            o.RuleFor(x => x.Points).InclusiveBetween(0, 40).WithMessage(l["Điểm mỗi phương án từ 0 đến 40."]);
            o.RuleFor(x => x.MinStar).Must(s => s is null or 3 or 4 or 5).WithMessage(l["Mức sao tối thiểu chỉ là 3, 4 hoặc 5."]);
        });
    }
}
