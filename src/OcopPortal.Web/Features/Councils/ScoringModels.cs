using FluentValidation;
using Microsoft.Extensions.Localization;
using OcopPortal.Web.Domain.Councils;
using OcopPortal.Web.Domain.Rules;
using OcopPortal.Web.Features.Rules;
using OcopPortal.Web.Infrastructure.Localization;

namespace OcopPortal.Web.Features.Councils;

/// <summary>The signed-in member's voting seat on the council of a round.</summary>
public sealed record MemberSeat(EvaluationRound Round, CouncilSeat Seat, string CouncilName);

/// <summary>A round on the member's workspace: where it stands and how far the member's own sheets are.</summary>
/// <param name="Assigned">Products of the round the member is not conflicted on.</param>
/// <param name="Submitted">Of those, the products whose sheet the member submitted.</param>
public sealed record MyRoundRow(EvaluationRound Round, string CouncilName, SeatRole Role, int Assigned, int Submitted, bool Overdue);

/// <summary>The council workspace: the member's rounds.</summary>
public sealed record CouncilWorkspace(IReadOnlyList<MyRoundRow> Rounds);

/// <summary>One product the member scores, with their own declaration and sheet (nobody else's).</summary>
public sealed record MyEntryRow(EntryRow Entry, bool Declared, SheetStatus? SheetStatus, decimal? Total, int? Stars)
{
    public bool Done => SheetStatus == Domain.Councils.SheetStatus.Submitted;
}

public sealed record MyRoundPage(MemberSeat Member, IReadOnlyList<MyEntryRow> Entries, DateOnly Today)
{
    public int Submitted => Entries.Count(e => e.Done);

    public bool Overdue => MemberScoring.IsOverdue(Member.Round, Today, Entries.Count, Submitted);

    /// <summary>The first product (in list order) whose sheet the member has not submitted yet.</summary>
    public MyEntryRow? Next => Entries.FirstOrDefault(e => !e.Done);
}

/// <summary>A product of the round as the member may see it: not one they are conflicted on.</summary>
public sealed record MemberEntry(MemberSeat Member, EntryRow Entry, ConflictDeclaration? Declaration);

public sealed class DeclarationInput
{
    /// <summary>true: a conflict of interest; false: none. Null: nothing chosen.</summary>
    public bool? Conflicted { get; set; }

    public ConflictGround? Ground { get; set; }

    public string? Reason { get; set; }
}

public sealed class DeclarationInputValidator : AbstractValidator<DeclarationInput>
{
    public DeclarationInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Conflicted).NotNull().WithMessage(l["Vui lòng cho biết bạn có xung đột lợi ích với sản phẩm này hay không."]);
        When(x => x.Conflicted == true, () =>
        {
            RuleFor(x => x.Ground).NotNull().WithMessage(l["Vui lòng chọn căn cứ xung đột lợi ích."])
                .IsInEnum().WithMessage(l["Căn cứ xung đột lợi ích không hợp lệ."]);
            RuleFor(x => x.Reason).NotEmpty().When(x => x.Ground == ConflictGround.Other)
                .WithMessage(l["Với căn cứ «Lý do khác», vui lòng ghi rõ lý do."]);
        });
        RuleFor(x => x.Reason).MaximumLength(1000).WithMessage(l["Lý do không quá 1.000 ký tự."]);
    }
}

public sealed record DeclarationPage(MemberEntry Entry, DeclarationInput Input, bool Open, bool HasSubmittedSheet, bool HasDraft);

/// <summary>A member's sheet as the form posts it: leaf criterion node id → option id, like the self-assessment.</summary>
public sealed class ScoreSheetInput
{
    public Dictionary<int, int> Choices { get; set; } = [];

    /// <summary>Conditional criteria marked not applicable.</summary>
    public List<int> NotApplicable { get; set; } = [];

    /// <summary>Criteria whose knock-out (loại) or stop (dừng đánh giá) condition the member found.</summary>
    public List<int> Eliminates { get; set; } = [];

    public Dictionary<int, string?> Comments { get; set; } = [];

    public string? OverallComment { get; set; }

    /// <summary>The sheet version the form was loaded from (empty: no sheet yet).</summary>
    public Guid Version { get; set; }

    public SelfAssessmentInput ToSelection() => new() { Choices = Choices, NotApplicable = NotApplicable };

    public CriteriaSheetExtras ToExtras(IReadOnlyDictionary<int, string>? reference) => new(Comments, Eliminates, reference);
}

public sealed class ScoreSheetInputValidator : AbstractValidator<ScoreSheetInput>
{
    public const int CommentMax = 2000;
    public const int OverallMax = 4000;

    public ScoreSheetInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.OverallComment).MaximumLength(OverallMax).WithMessage(l["Nhận xét chung không quá 4.000 ký tự."]);
        RuleFor(x => x.Comments).Must(c => c.Values.All(v => (v?.Length ?? 0) <= CommentMax))
            .WithMessage(l["Nhận xét của mỗi tiêu chí không quá 2.000 ký tự."]);
    }
}

/// <summary>Everything the member's sheet page shows; <see cref="Reference"/> is the producer's own assessment.</summary>
public sealed record SheetPage(
    MemberEntry Entry,
    CriteriaSet Set,
    ScoreSheet? Sheet,
    ScoreSheetInput Input,
    SelfAssessmentResult Result,
    SelfAssessmentResult? Reference,
    IReadOnlyDictionary<int, string> ReferenceByNode,
    DateOnly Today)
{
    public EvaluationRound Round => Entry.Member.Round;

    public bool Editable => Round.Status == RoundStatus.Scoring && Sheet?.Status != SheetStatus.Submitted;

    public bool Overdue => Round.Status <= RoundStatus.Scoring && Today > Round.ScoringDeadline && Sheet?.Status != SheetStatus.Submitted;
}

/// <summary>What saving or submitting a sheet came to.</summary>
public enum SheetSaveKind
{
    Saved,
    Submitted,
    AlreadySubmitted,
    Locked,
    NotScoring,
    Conflict,
    Invalid,
    Incomplete,
}

public sealed record SheetSaveResult(SheetSaveKind Kind, UserMessage? Message = null, decimal? Total = null, int? Stars = null, Guid? Version = null, DateTimeOffset? At = null);

/// <summary>
/// What a draft save made in the background (htmx) answers: the outcome in words and, when saved, the sheet's new
/// Version for the form (out of band) so the next save or the submission is not taken for a stale window.
/// </summary>
public sealed record SheetSavedFragment(bool Saved, string Message, Guid? Version, string? ReloadUrl);
