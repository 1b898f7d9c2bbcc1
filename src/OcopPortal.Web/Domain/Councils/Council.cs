namespace OcopPortal.Web.Domain.Councils;

/// <summary>What a seat on the council does (QĐ 26/2026 Art. 7.3.b; provincial Quy chế).</summary>
public enum SeatRole
{
    /// <summary>Chủ tịch Hội đồng: scores, closes scoring, reopens sheets, finalises.</summary>
    Chair = 1,

    /// <summary>Thành viên: scores.</summary>
    Member = 2,

    /// <summary>Thành viên kiêm thư ký: scores and keeps the record.</summary>
    Secretary = 3,

    /// <summary>Chuyên gia mời: advises, no vote, no sheet.</summary>
    InvitedExpert = 4,
}

/// <summary>
/// A provincial evaluation council (Hội đồng đánh giá, phân hạng sản phẩm OCOP cấp tỉnh), established by a
/// decision of the provincial People's Committee.
/// </summary>
public class Council
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary>Số quyết định thành lập, e.g. <c>1234/QĐ-UBND</c>.</summary>
    public string DecisionNumber { get; set; } = "";

    public DateOnly DecisionDate { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<CouncilSeat> Seats { get; set; } = [];
}

/// <summary>A person on a council: who, from which agency, and in what role. Voting seats need a portal account to score.</summary>
public class CouncilSeat
{
    public int Id { get; set; }

    public int CouncilId { get; set; }

    public string? UserId { get; set; }

    public string FullName { get; set; } = "";

    /// <summary>Cơ quan, đơn vị, e.g. "Sở Công Thương".</summary>
    public string Agency { get; set; } = "";

    public SeatRole Role { get; set; }

    public int SortOrder { get; set; }

    public bool Votes => Role != SeatRole.InvitedExpert;
}

public enum RoundMode
{
    /// <summary>Họp hội đồng: members score, then the council meets.</summary>
    Meeting = 1,

    /// <summary>Lấy ý kiến bằng văn bản (re-evaluation, Art. 7.6): remote scoring by a deadline; a meeting only if opinions diverge.</summary>
    WrittenOpinion = 2,
}

public enum RoundStatus
{
    /// <summary>Dossiers being assigned; the advisory team visits and notes.</summary>
    Preparing = 0,

    /// <summary>Members score; nobody sees another's sheet.</summary>
    Scoring = 1,

    /// <summary>Scoring closed: the results board is open to the council; the chair resolves flags.</summary>
    Closed = 2,

    /// <summary>The chair finalised the results: proposals go to the recognition decision.</summary>
    Finalised = 3,
}

/// <summary>An evaluation round (đợt đánh giá) of a council, with its legal deadline (30/6 or 30/12).</summary>
public class EvaluationRound
{
    public int Id { get; set; }

    public int CouncilId { get; set; }

    public string Name { get; set; } = "";

    public int Year { get; set; }

    public int Number { get; set; }

    public RoundMode Mode { get; set; }

    public DateOnly ScoringDeadline { get; set; }

    public DateOnly? MeetingDate { get; set; }

    /// <summary>The legal deadline by which the round must be evaluated (Art. 5).</summary>
    public DateOnly LegalDeadline { get; set; }

    public RoundStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ScoringOpenedAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public DateTimeOffset? FinalisedAt { get; set; }

    public Guid Version { get; set; }

    public List<RoundEntry> Entries { get; set; } = [];

    public List<RoundAttendance> Attendance { get; set; } = [];
}

/// <summary>An accepted dossier assigned to a round, with the advisory team's notes and, once finalised, the council's result.</summary>
public class RoundEntry
{
    public int Id { get; set; }

    public int RoundId { get; set; }

    public int DossierId { get; set; }

    public string? AdvisoryNotes { get; set; }

    /// <summary>The chair's justification when the spread exceeds the limit and no re-scoring was asked.</summary>
    public string? SpreadJustification { get; set; }

    public decimal? ResultMean { get; set; }

    public int? ResultStars { get; set; }

    /// <summary>The consolidated result as the engine explained it, frozen at finalisation (JSON).</summary>
    public string? ResultDetail { get; set; }
}

/// <summary>A member's declaration for one product: no conflict, or a conflict with its ground. The Office may also record one.</summary>
public class ConflictDeclaration
{
    public int Id { get; set; }

    public int RoundEntryId { get; set; }

    public int SeatId { get; set; }

    public bool Conflicted { get; set; }

    public ConflictGround? Ground { get; set; }

    public string? Reason { get; set; }

    public DateTimeOffset DeclaredAt { get; set; }

    public string DeclaredByUserId { get; set; } = "";
}

public enum ConflictGround
{
    /// <summary>Quan hệ công việc, tư vấn cho chủ thể.</summary>
    Professional = 1,

    /// <summary>Quan hệ gia đình, cá nhân.</summary>
    FamilyOrPersonal = 2,

    Other = 3,
}

public enum SheetStatus
{
    Draft = 0,
    Submitted = 1,
}

/// <summary>One member's scoring sheet for one product. Submitting locks it; only the chair reopens it, with a reason.</summary>
public class ScoreSheet
{
    public int Id { get; set; }

    public int RoundEntryId { get; set; }

    public int SeatId { get; set; }

    public SheetStatus Status { get; set; }

    public decimal? Total { get; set; }

    public int? Stars { get; set; }

    public string? OverallComment { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? SubmittedAt { get; set; }

    /// <summary>Asked by the chair to score again (spread rule), with why.</summary>
    public string? ReopenReason { get; set; }

    public Guid Version { get; set; }

    public List<ScoreSheetAnswer> Answers { get; set; } = [];
}

public class ScoreSheetAnswer
{
    public int Id { get; set; }

    public int SheetId { get; set; }

    public string CriterionCode { get; set; } = "";

    public int? OptionId { get; set; }

    public bool NotApplicable { get; set; }

    /// <summary>The member found the criterion's knock-out (loại) or stop (dừng đánh giá) condition applies.</summary>
    public bool Eliminates { get; set; }

    public string? Comment { get; set; }
}

/// <summary>Who attended the meeting (quorum: ≥ 3/4 of voting members, chair present).</summary>
public class RoundAttendance
{
    public int RoundId { get; set; }

    public int SeatId { get; set; }

    public bool Present { get; set; }
}
