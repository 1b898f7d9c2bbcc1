using FluentValidation;
using Microsoft.Extensions.Localization;
using OcopPortal.Web.Domain.Councils;

namespace OcopPortal.Web.Features.Councils;

public sealed class CouncilInput
{
    public string? Name { get; set; }

    public string? DecisionNumber { get; set; }

    public DateOnly? DecisionDate { get; set; }
}

public sealed class CouncilInputValidator : AbstractValidator<CouncilInput>
{
    public CouncilInputValidator(IStringLocalizer<SharedResource> l, TimeProvider clock)
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage(l["Vui lòng nhập tên Hội đồng."]).MaximumLength(300).WithMessage(l["Tên Hội đồng không quá 300 ký tự."]);
        RuleFor(x => x.DecisionNumber).NotEmpty().WithMessage(l["Vui lòng nhập số quyết định thành lập."])
            .MaximumLength(60).WithMessage(l["Số quyết định không quá 60 ký tự."])
            .Matches(@"^\d+/[\p{L}\d\-]+$").WithMessage(l["Số quyết định viết theo dạng 1234/QĐ-UBND."]);
        RuleFor(x => x.DecisionDate).NotNull().WithMessage(l["Vui lòng nhập ngày quyết định."])
            .Must(d => d <= DateOnly.FromDateTime(clock.GetLocalNow().Date)).When(x => x.DecisionDate is not null, ApplyConditionTo.CurrentValidator)
            .WithMessage(l["Ngày quyết định không được sau hôm nay."]);
    }
}

public sealed class SeatInput
{
    /// <summary>The member's portal account (required for voting seats: they score in the portal).</summary>
    public string? Email { get; set; }

    public string? FullName { get; set; }

    public string? Agency { get; set; }

    public SeatRole? Role { get; set; }
}

public sealed class SeatInputValidator : AbstractValidator<SeatInput>
{
    public SeatInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Role).NotNull().WithMessage(l["Vui lòng chọn vai trò trong Hội đồng."]).IsInEnum().WithMessage(l["Vai trò không hợp lệ."]);
        RuleFor(x => x.FullName).NotEmpty().WithMessage(l["Vui lòng nhập họ và tên thành viên."]).MaximumLength(200).WithMessage(l["Họ và tên không quá 200 ký tự."]);
        RuleFor(x => x.Agency).NotEmpty().WithMessage(l["Vui lòng nhập cơ quan, đơn vị của thành viên."]).MaximumLength(300).WithMessage(l["Tên cơ quan không quá 300 ký tự."]);
        RuleFor(x => x.Email).NotEmpty().When(x => x.Role is not SeatRole.InvitedExpert)
            .WithMessage(l["Thành viên có quyền chấm điểm cần tài khoản trên cổng: hãy nhập email tài khoản."]);
    }
}

public sealed class RoundInput
{
    public int? CouncilId { get; set; }

    public int? Year { get; set; }

    public int? Number { get; set; }

    public RoundMode? Mode { get; set; }

    public DateOnly? ScoringDeadline { get; set; }

    public DateOnly? MeetingDate { get; set; }
}

public sealed class RoundInputValidator : AbstractValidator<RoundInput>
{
    public RoundInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.CouncilId).NotNull().WithMessage(l["Vui lòng chọn Hội đồng."]);
        RuleFor(x => x.Year).NotNull().WithMessage(l["Vui lòng nhập năm."]).InclusiveBetween(2020, 2100).WithMessage(l["Năm không hợp lệ."]);
        RuleFor(x => x.Number).NotNull().WithMessage(l["Vui lòng nhập số thứ tự đợt."]).InclusiveBetween(1, 9).WithMessage(l["Số thứ tự đợt từ 1 đến 9."]);
        RuleFor(x => x.Mode).NotNull().WithMessage(l["Vui lòng chọn hình thức đánh giá."]).IsInEnum().WithMessage(l["Hình thức đánh giá không hợp lệ."]);
        RuleFor(x => x.ScoringDeadline).NotNull().WithMessage(l["Vui lòng nhập hạn chấm điểm."]);
        RuleFor(x => x.MeetingDate).NotNull().When(x => x.Mode == RoundMode.Meeting).WithMessage(l["Vui lòng nhập ngày họp Hội đồng."]);
        RuleFor(x => x).Must(x => x.ScoringDeadline <= RoundDeadlines.Legal(x.Year!.Value, x.Number!.Value, x.ScoringDeadline!.Value))
            .When(x => x.Year is >= 2020 and <= 2100 && x.Number is >= 1 and <= 9 && x.ScoringDeadline is not null)
            .WithName("ScoringDeadline")
            .WithMessage(x => l["Hạn chấm điểm phải trước hạn đánh giá theo quy định ({0:dd/MM/yyyy}).", RoundDeadlines.Legal(x.Year!.Value, x.Number!.Value, x.ScoringDeadline!.Value)]);
    }
}

/// <summary>The legal deadline of a provincial round (Art. 5): round 1 by 30/6, round 2 by 30/12; an extra round by the next of those after its scoring deadline.</summary>
public static class RoundDeadlines
{
    public static DateOnly Legal(int year, int number, DateOnly scoringDeadline) => number switch
    {
        1 => new DateOnly(year, 6, 30),
        2 => new DateOnly(year, 12, 30),
        _ => Domain.Calendar.OcopDeadlines.ProvincialRoundDeadline(scoringDeadline).EvaluateBy,
    };
}
