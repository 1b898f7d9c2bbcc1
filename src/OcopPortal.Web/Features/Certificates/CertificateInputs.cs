using FluentValidation;
using Microsoft.Extensions.Localization;
using OcopPortal.Web.Domain.Recognition;

namespace OcopPortal.Web.Features.Certificates;

/// <summary>The registry's filters (query string).</summary>
public sealed class CertificateFilter
{
    public CertificateStatus? Status { get; set; }

    public int? Stars { get; set; }

    public string? Commune { get; set; }

    /// <summary>Certificate number, product or producer.</summary>
    public string? Q { get; set; }

    public int? Page { get; set; }
}

/// <summary>A revocation as the Office records it (QĐ 26/2026 Art. 8).</summary>
public sealed class RevocationInput
{
    public RevocationGround? Ground { get; set; }

    public string? Details { get; set; }

    public string? DecisionNumber { get; set; }

    public DateOnly? DecisionDate { get; set; }

    public string? Authority { get; set; }

    public int? InspectionId { get; set; }

    /// <summary>The confirmation: the Office acknowledges the revocation cannot be undone.</summary>
    public bool Confirmed { get; set; }
}

public sealed class RevocationInputValidator : AbstractValidator<RevocationInput>
{
    public RevocationInputValidator(IStringLocalizer<SharedResource> l, TimeProvider clock)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        RuleFor(x => x.Ground).NotNull().WithMessage(l["Vui lòng chọn căn cứ thu hồi."])
            .IsInEnum().WithMessage(l["Căn cứ thu hồi không hợp lệ."]);
        RuleFor(x => x.Details).NotEmpty().WithMessage(l["Vui lòng nêu cụ thể lý do thu hồi."])
            .MaximumLength(4000).WithMessage(l["Lý do thu hồi không quá 4.000 ký tự."]);
        RuleFor(x => x.DecisionNumber).NotEmpty().WithMessage(l["Vui lòng nhập số quyết định thu hồi."])
            .MaximumLength(60).WithMessage(l["Số quyết định không quá 60 ký tự."]);
        RuleFor(x => x.DecisionDate).NotNull().WithMessage(l["Vui lòng nhập ngày ký quyết định thu hồi."])
            .Must(d => d is null || d <= today).WithMessage(l["Ngày quyết định thu hồi không được sau ngày hôm nay."]);
        RuleFor(x => x.Authority).NotEmpty().WithMessage(l["Vui lòng nhập cơ quan ban hành quyết định thu hồi."])
            .MaximumLength(200).WithMessage(l["Tên cơ quan không quá 200 ký tự."]);
        RuleFor(x => x.Confirmed).Equal(true).WithMessage(l["Hãy xác nhận bạn hiểu việc thu hồi không thể hoàn tác."]);
    }
}

/// <summary>One inspection (kiểm tra, giám sát) of a certified product.</summary>
public sealed class InspectionInput
{
    public InspectionKind? Kind { get; set; }

    public DateOnly? InspectedOn { get; set; }

    public string? Inspectors { get; set; }

    public string? Findings { get; set; }

    public InspectionOutcome? Outcome { get; set; }

    public DateOnly? FollowUpDueOn { get; set; }
}

public sealed class InspectionInputValidator : AbstractValidator<InspectionInput>
{
    public InspectionInputValidator(IStringLocalizer<SharedResource> l, TimeProvider clock)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        RuleFor(x => x.Kind).NotNull().WithMessage(l["Vui lòng chọn hình thức kiểm tra."]).IsInEnum().WithMessage(l["Hình thức kiểm tra không hợp lệ."]);
        RuleFor(x => x.InspectedOn).NotNull().WithMessage(l["Vui lòng nhập ngày kiểm tra."])
            .Must(d => d is null || d <= today).WithMessage(l["Ngày kiểm tra không được sau ngày hôm nay."]);
        RuleFor(x => x.Inspectors).NotEmpty().WithMessage(l["Vui lòng ghi thành phần đoàn kiểm tra."])
            .MaximumLength(500).WithMessage(l["Thành phần đoàn kiểm tra không quá 500 ký tự."]);
        RuleFor(x => x.Findings).NotEmpty().WithMessage(l["Vui lòng ghi kết quả kiểm tra."])
            .MaximumLength(8000).WithMessage(l["Kết quả kiểm tra không quá 8.000 ký tự."]);
        RuleFor(x => x.Outcome).NotNull().WithMessage(l["Vui lòng chọn kết luận kiểm tra."]).IsInEnum().WithMessage(l["Kết luận kiểm tra không hợp lệ."]);
        When(x => x.Outcome == InspectionOutcome.FollowUpRequired, () =>
            RuleFor(x => x.FollowUpDueOn).NotNull().WithMessage(l["Yêu cầu khắc phục phải có hạn khắc phục."]));
        RuleFor(x => x.FollowUpDueOn).Must((x, d) => d is null || x.InspectedOn is null || d >= x.InspectedOn)
            .WithMessage(l["Hạn khắc phục không được trước ngày kiểm tra."]);
    }
}

/// <summary>Recording that an inspection's follow-up was done.</summary>
public sealed class FollowUpInput
{
    public DateOnly? DoneOn { get; set; }

    public string? Notes { get; set; }
}

public sealed class FollowUpInputValidator : AbstractValidator<FollowUpInput>
{
    public FollowUpInputValidator(IStringLocalizer<SharedResource> l, TimeProvider clock)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        RuleFor(x => x.DoneOn).NotNull().WithMessage(l["Vui lòng nhập ngày hoàn thành khắc phục."])
            .Must(d => d is null || d <= today).WithMessage(l["Ngày hoàn thành không được sau ngày hôm nay."]);
        RuleFor(x => x.Notes).NotEmpty().WithMessage(l["Vui lòng ghi kết quả khắc phục."])
            .MaximumLength(4000).WithMessage(l["Kết quả khắc phục không quá 4.000 ký tự."]);
    }
}
