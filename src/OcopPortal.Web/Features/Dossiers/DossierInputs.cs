using FluentValidation;
using Microsoft.Extensions.Localization;
using OcopPortal.Web.Domain.Calendar;
using OcopPortal.Web.Domain.Dossiers;

namespace OcopPortal.Web.Features.Dossiers;

/// <summary>What a producer states when opening (or, while a draft, changing) a dossier.</summary>
public sealed class DossierDetailsInput
{
    public int? ProductId { get; set; }

    public DossierKind? Kind { get; set; }

    public int? TargetStars { get; set; } = 3;

    public string? ChangesSinceRecognition { get; set; }

    public string? PreviousCertificateNumber { get; set; }

    public DateOnly? PreviousCertificateValidUntil { get; set; }

    public string? BusinessResults { get; set; }

    public string? FuturePlan { get; set; }

    public Guid Version { get; set; }

    public static DossierDetailsInput From(Dossier d) => new()
    {
        ProductId = d.ProductId,
        Kind = d.Kind,
        TargetStars = d.TargetStars,
        ChangesSinceRecognition = d.ChangesSinceRecognition,
        PreviousCertificateNumber = d.PreviousCertificateNumber,
        PreviousCertificateValidUntil = d.PreviousCertificateValidUntil,
        BusinessResults = d.BusinessResults,
        FuturePlan = d.FuturePlan,
        Version = d.Version,
    };

    public void ApplyTo(Dossier d)
    {
        d.Kind = Kind!.Value;
        d.TargetStars = TargetStars!.Value;
        var previous = d.Kind != DossierKind.FirstEvaluation;
        d.ChangesSinceRecognition = d.Kind == DossierKind.Upgrade ? Clean(ChangesSinceRecognition) : null;
        d.PreviousCertificateNumber = previous ? Clean(PreviousCertificateNumber) : null;
        d.PreviousCertificateValidUntil = previous ? PreviousCertificateValidUntil : null;
        d.BusinessResults = Clean(BusinessResults);
        d.FuturePlan = Clean(FuturePlan);
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

public sealed class DossierDetailsInputValidator : AbstractValidator<DossierDetailsInput>
{
    public DossierDetailsInputValidator(IStringLocalizer<SharedResource> l, TimeProvider clock)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        RuleFor(x => x.Kind).NotNull().WithMessage(l["Vui lòng chọn loại đề nghị."])
            .IsInEnum().WithMessage(l["Loại đề nghị không hợp lệ."]);
        RuleFor(x => x.TargetStars).NotNull().WithMessage(l["Vui lòng chọn hạng sao mục tiêu."])
            .InclusiveBetween(3, 5).WithMessage(l["Hạng sao mục tiêu là 3, 4 hoặc 5 sao."]);
        When(x => x.Kind is DossierKind.Upgrade or DossierKind.ReEvaluation, () =>
        {
            RuleFor(x => x.PreviousCertificateNumber).NotEmpty().WithMessage(l["Vui lòng nhập số giấy chứng nhận OCOP hiện có."])
                .MaximumLength(60).WithMessage(l["Số giấy chứng nhận không quá 60 ký tự."]);
            RuleFor(x => x.PreviousCertificateValidUntil).NotNull().WithMessage(l["Vui lòng nhập ngày hết hạn của giấy chứng nhận hiện có."]);
        });
        When(x => x.Kind == DossierKind.Upgrade, () =>
            RuleFor(x => x.ChangesSinceRecognition).NotEmpty().WithMessage(l["Hồ sơ nâng hạng phải nêu những thay đổi so với lần công nhận trước."])
                .MaximumLength(4000).WithMessage(l["Phần nêu thay đổi không quá 4.000 ký tự."]));
        When(x => x.Kind == DossierKind.Upgrade && x.PreviousCertificateValidUntil is not null, () =>
            RuleFor(x => x.PreviousCertificateValidUntil).Must(d => d >= today)
                .WithMessage(l["Giấy chứng nhận đã hết hạn: không thể nâng hạng; hãy đăng ký đánh giá lần đầu."]));
        When(x => x.Kind == DossierKind.ReEvaluation && x.PreviousCertificateValidUntil is not null, () =>
            RuleFor(x => x.PreviousCertificateValidUntil).Must(d => OcopDeadlines.ReRecognitionWindow(d!.Value).StateOn(today) == WindowState.Open)
                .WithMessage(x =>
                {
                    var w = OcopDeadlines.ReRecognitionWindow(x.PreviousCertificateValidUntil!.Value);
                    return l["Chỉ được nộp hồ sơ đánh giá lại trong thời gian từ {0:dd/MM/yyyy} đến {1:dd/MM/yyyy} (từ 180 đến 120 ngày trước khi giấy chứng nhận hết hạn).", w.Opens, w.Closes];
                }));
        RuleFor(x => x.BusinessResults).MaximumLength(8000).WithMessage(l["Phần kết quả sản xuất, kinh doanh không quá 8.000 ký tự."]);
        RuleFor(x => x.FuturePlan).MaximumLength(8000).WithMessage(l["Phần kế hoạch không quá 8.000 ký tự."]);
    }
}

/// <summary>A transition without more to say: the dossier version the page was loaded from (optimistic concurrency).</summary>
public sealed class TransitionInput
{
    public Guid Version { get; set; }

    /// <summary>Optional note (withdrawal) or required reason (rejection: checked by the action).</summary>
    public string? Reason { get; set; }
}

public sealed class TransitionInputValidator : AbstractValidator<TransitionInput>
{
    public TransitionInputValidator(IStringLocalizer<SharedResource> l) =>
        RuleFor(x => x.Reason).MaximumLength(4000).WithMessage(l["Nội dung không quá 4.000 ký tự."]);
}

/// <summary>The commune's assessment (Mẫu 03).</summary>
public sealed class CommuneAssessmentInput
{
    public string? RawMaterialOrigin { get; set; }

    public string? LocalLabour { get; set; }

    public string? IdeaOrigin { get; set; }

    public string? LocalIdentity { get; set; }

    public string? Conclusion { get; set; }

    public Guid Version { get; set; }
}

public sealed class CommuneAssessmentInputValidator : AbstractValidator<CommuneAssessmentInput>
{
    public CommuneAssessmentInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.RawMaterialOrigin).NotEmpty().WithMessage(l["Vui lòng đánh giá nguồn gốc sản phẩm và nguyên liệu."]).MaximumLength(4000).WithMessage(l["Mỗi mục không quá 4.000 ký tự."]);
        RuleFor(x => x.LocalLabour).NotEmpty().WithMessage(l["Vui lòng đánh giá việc sử dụng lao động địa phương."]).MaximumLength(4000).WithMessage(l["Mỗi mục không quá 4.000 ký tự."]);
        RuleFor(x => x.IdeaOrigin).NotEmpty().WithMessage(l["Vui lòng đánh giá nguồn gốc ý tưởng sản phẩm."]).MaximumLength(4000).WithMessage(l["Mỗi mục không quá 4.000 ký tự."]);
        RuleFor(x => x.LocalIdentity).NotEmpty().WithMessage(l["Vui lòng đánh giá tính đặc trưng, bản sắc địa phương."]).MaximumLength(4000).WithMessage(l["Mỗi mục không quá 4.000 ký tự."]);
        RuleFor(x => x.Conclusion).NotEmpty().WithMessage(l["Vui lòng ghi kết luận và đề xuất của xã."]).MaximumLength(4000).WithMessage(l["Mỗi mục không quá 4.000 ký tự."]);
    }
}

/// <summary>The office's supplement request: which slots, by when, and why.</summary>
public sealed class SupplementRequestInput
{
    public List<int> SlotIds { get; set; } = [];

    public DateOnly? DueOn { get; set; }

    public string? Message { get; set; }

    public Guid Version { get; set; }
}

public sealed class SupplementRequestInputValidator : AbstractValidator<SupplementRequestInput>
{
    public SupplementRequestInputValidator(IStringLocalizer<SharedResource> l, TimeProvider clock)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        RuleFor(x => x.SlotIds).NotEmpty().WithMessage(l["Hãy chọn ít nhất một tài liệu cần bổ sung."]);
        RuleFor(x => x.DueOn).NotNull().WithMessage(l["Vui lòng nhập hạn bổ sung."])
            .Must(d => d > today).When(x => x.DueOn is not null, ApplyConditionTo.CurrentValidator).WithMessage(l["Hạn bổ sung phải sau ngày hôm nay."])
            .Must(d => d <= today.AddDays(90)).When(x => x.DueOn is not null, ApplyConditionTo.CurrentValidator).WithMessage(l["Hạn bổ sung không quá 90 ngày kể từ hôm nay."]);
        RuleFor(x => x.Message).NotEmpty().WithMessage(l["Vui lòng nêu nội dung cần bổ sung."])
            .MaximumLength(4000).WithMessage(l["Nội dung không quá 4.000 ký tự."]);
    }
}
