using FluentValidation;
using Microsoft.Extensions.Localization;
using OcopPortal.Web.Domain.Recognition;

namespace OcopPortal.Web.Features.Recognition;

/// <summary>The draft's text as the Office edits it (the lines come from the round).</summary>
public sealed class DecisionInput
{
    public string? Number { get; set; }

    public DateOnly? DecisionDate { get; set; }

    public string? Title { get; set; }

    public string? Authority { get; set; }

    public string? SignatoryName { get; set; }

    public string? SignatoryTitle { get; set; }

    public string? Notes { get; set; }

    public Guid Version { get; set; }

    public static DecisionInput From(RecognitionDecision d) => new()
    {
        Number = d.Number,
        DecisionDate = d.DecisionDate,
        Title = d.Title,
        Authority = d.Authority,
        SignatoryName = d.SignatoryName,
        SignatoryTitle = d.SignatoryTitle,
        Notes = d.Notes,
        Version = d.Version,
    };
}

public sealed class DecisionInputValidator : AbstractValidator<DecisionInput>
{
    /// <summary>The earliest decision date the portal accepts (decisions before it are legacy records).</summary>
    public static readonly DateOnly Earliest = new(2020, 1, 1);

    public DecisionInputValidator(IStringLocalizer<SharedResource> l, TimeProvider clock)
    {
        RuleFor(x => x.Number).NotEmpty().WithMessage(l["Vui lòng nhập số quyết định."])
            .MaximumLength(60).WithMessage(l["Số quyết định không quá 60 ký tự."])
            .Matches(@"^\d+/[\p{L}\d\-]+$").WithMessage(l["Số quyết định viết theo dạng 123/QĐ-UBND."]);
        RuleFor(x => x.DecisionDate).NotNull().WithMessage(l["Vui lòng nhập ngày quyết định."])
            .Must(d => d <= DateOnly.FromDateTime(clock.GetLocalNow().Date)).When(x => x.DecisionDate is not null, ApplyConditionTo.CurrentValidator)
            .WithMessage(l["Ngày quyết định không được sau hôm nay."])
            .Must(d => d >= Earliest).When(x => x.DecisionDate is not null, ApplyConditionTo.CurrentValidator)
            .WithMessage(l["Ngày quyết định không hợp lệ (từ năm 2020)."]);
        RuleFor(x => x.Title).NotEmpty().WithMessage(l["Vui lòng nhập trích yếu của quyết định."])
            .MaximumLength(500).WithMessage(l["Trích yếu không quá 500 ký tự."]);
        RuleFor(x => x.Authority).NotEmpty().WithMessage(l["Vui lòng nhập cơ quan ban hành."])
            .MaximumLength(200).WithMessage(l["Tên cơ quan ban hành không quá 200 ký tự."]);
        RuleFor(x => x.SignatoryName).NotEmpty().WithMessage(l["Vui lòng nhập họ tên người ký."])
            .MaximumLength(200).WithMessage(l["Họ tên người ký không quá 200 ký tự."]);
        RuleFor(x => x.SignatoryTitle).NotEmpty().WithMessage(l["Vui lòng nhập chức vụ người ký (ví dụ: KT. CHỦ TỊCH / PHÓ CHỦ TỊCH)."])
            .MaximumLength(200).WithMessage(l["Chức vụ người ký không quá 200 ký tự."]);
        RuleFor(x => x.Notes).MaximumLength(4000).WithMessage(l["Ghi chú không quá 4.000 ký tự."]);
    }
}

/// <summary>A corrected line of an amending decision.</summary>
public sealed class LineInput
{
    public string? ProductName { get; set; }

    public string? ProducerName { get; set; }

    public string? ProducerAddress { get; set; }

    public int? Stars { get; set; }

    public Guid Version { get; set; }
}

public sealed class LineInputValidator : AbstractValidator<LineInput>
{
    public LineInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.ProductName).NotEmpty().WithMessage(l["Vui lòng nhập tên sản phẩm."])
            .MaximumLength(200).WithMessage(l["Tên sản phẩm không quá 200 ký tự."]);
        RuleFor(x => x.ProducerName).NotEmpty().WithMessage(l["Vui lòng nhập tên chủ thể."])
            .MaximumLength(300).WithMessage(l["Tên chủ thể không quá 300 ký tự."]);
        RuleFor(x => x.ProducerAddress).NotEmpty().WithMessage(l["Vui lòng nhập địa chỉ chủ thể."])
            .MaximumLength(500).WithMessage(l["Địa chỉ không quá 500 ký tự."]);
        RuleFor(x => x.Stars).NotNull().WithMessage(l["Vui lòng chọn hạng sao."])
            .InclusiveBetween(3, 4).WithMessage(l["Tỉnh chỉ công nhận hạng 3 sao hoặc 4 sao."]);
    }
}

/// <summary>What the province does after a central score below 90.</summary>
public enum ReferralFollowUp
{
    /// <summary>The province recognises 3★/4★ from the central score.</summary>
    Recognise = 1,

    /// <summary>The product is evaluated again.</summary>
    ReEvaluate = 2,
}

/// <summary>The province's dispatch sending the dossier to the ministry.</summary>
public sealed class ReferralDispatchInput
{
    public string? SentReference { get; set; }

    public DateOnly? SentOn { get; set; }

    public Guid Version { get; set; }
}

public sealed class ReferralDispatchInputValidator : AbstractValidator<ReferralDispatchInput>
{
    public ReferralDispatchInputValidator(IStringLocalizer<SharedResource> l, TimeProvider clock)
    {
        RuleFor(x => x.SentReference).NotEmpty().WithMessage(l["Vui lòng nhập số công văn gửi Bộ."])
            .MaximumLength(60).WithMessage(l["Số công văn không quá 60 ký tự."]);
        RuleFor(x => x.SentOn).NotNull().WithMessage(l["Vui lòng nhập ngày gửi."])
            .Must(d => d <= DateOnly.FromDateTime(clock.GetLocalNow().Date) && d >= DecisionInputValidator.Earliest).When(x => x.SentOn is not null, ApplyConditionTo.CurrentValidator)
            .WithMessage(l["Ngày gửi không được sau hôm nay."]);
    }
}

/// <summary>The central result of a potential 5★ product.</summary>
public sealed class ReferralResultInput
{
    public ReferralResult? Result { get; set; }

    public decimal? CentralScore { get; set; }

    public string? MinistryDecisionNumber { get; set; }

    public DateOnly? MinistryDecisionDate { get; set; }

    public string? CertificateNumber { get; set; }

    public DateOnly? CertificateIssuedOn { get; set; }

    public ReferralFollowUp? FollowUp { get; set; }

    public string? FollowUpNote { get; set; }

    public Guid Version { get; set; }
}

public sealed class ReferralResultInputValidator : AbstractValidator<ReferralResultInput>
{
    public ReferralResultInputValidator(IStringLocalizer<SharedResource> l, TimeProvider clock)
    {
        DateOnly Today() => DateOnly.FromDateTime(clock.GetLocalNow().Date);
        RuleFor(x => x.Result).NotNull().WithMessage(l["Vui lòng chọn kết quả của trung ương."])
            .Must(r => r is ReferralResult.FiveStars or ReferralResult.BelowNinety).When(x => x.Result is not null, ApplyConditionTo.CurrentValidator)
            .WithMessage(l["Kết quả không hợp lệ."]);
        When(x => x.Result == ReferralResult.FiveStars, () =>
        {
            RuleFor(x => x.CentralScore).InclusiveBetween(90m, 100m).When(x => x.CentralScore is not null)
                .WithMessage(l["Sản phẩm 5 sao có điểm trung ương từ 90 đến 100."]);
            RuleFor(x => x.MinistryDecisionNumber).NotEmpty().WithMessage(l["Vui lòng nhập số quyết định của Bộ."])
                .MaximumLength(60).WithMessage(l["Số quyết định không quá 60 ký tự."]);
            RuleFor(x => x.MinistryDecisionDate).NotNull().WithMessage(l["Vui lòng nhập ngày quyết định của Bộ."])
                .Must(d => d <= Today() && d >= DecisionInputValidator.Earliest).When(x => x.MinistryDecisionDate is not null, ApplyConditionTo.CurrentValidator)
                .WithMessage(l["Ngày quyết định không được sau hôm nay."]);
            RuleFor(x => x.CertificateNumber).NotEmpty().WithMessage(l["Vui lòng nhập số giấy chứng nhận do Bộ cấp."])
                .MaximumLength(60).WithMessage(l["Số giấy chứng nhận không quá 60 ký tự."]);
            RuleFor(x => x.CertificateIssuedOn).NotNull().WithMessage(l["Vui lòng nhập ngày cấp giấy chứng nhận."])
                .Must(d => d <= Today()).When(x => x.CertificateIssuedOn is not null, ApplyConditionTo.CurrentValidator)
                .WithMessage(l["Ngày cấp giấy chứng nhận không được sau hôm nay."]);
            RuleFor(x => x.CertificateIssuedOn).Must((x, d) => d >= x.MinistryDecisionDate)
                .When(x => x.CertificateIssuedOn is not null && x.MinistryDecisionDate is not null)
                .WithMessage(l["Ngày cấp giấy chứng nhận không được trước ngày quyết định."]);
        });
        When(x => x.Result == ReferralResult.BelowNinety, () =>
        {
            RuleFor(x => x.CentralScore).NotNull().WithMessage(l["Vui lòng nhập điểm của trung ương."])
                .Must(s => s is >= 0m and < 90m).When(x => x.CentralScore is not null, ApplyConditionTo.CurrentValidator)
                .WithMessage(l["Điểm của trung ương dưới 90 phải từ 0 đến dưới 90."]);
            RuleFor(x => x.FollowUp).NotNull().WithMessage(l["Vui lòng chọn hướng xử lý của tỉnh."])
                .IsInEnum().WithMessage(l["Hướng xử lý không hợp lệ."]);
            RuleFor(x => x.FollowUp).Must(f => f != ReferralFollowUp.Recognise)
                .When(x => x.CentralScore is < 50m)
                .WithMessage(l["Điểm trung ương dưới 50: sản phẩm không được công nhận; hãy chọn đánh giá lại."]);
        });
        RuleFor(x => x.FollowUpNote).MaximumLength(1500).WithMessage(l["Ghi chú không quá 1.500 ký tự."]);
    }
}
