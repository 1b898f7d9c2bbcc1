namespace OcopPortal.Web.Domain.Recognition;

/// <summary>
/// The stored state of a certificate. What a reader sees also depends on the date (valid → expiring → expired):
/// see <see cref="CertificateLifecycle.StatusOn"/>. Superseded and revoked are final.
/// </summary>
public enum CertificateState
{
    /// <summary>Issued and not ended by a later act (it may still have run out by date).</summary>
    Active = 0,

    /// <summary>Replaced by the certificate of an upgrade or re-recognition.</summary>
    Superseded = 1,

    /// <summary>Thu hồi by a revocation decision.</summary>
    Revoked = 2,

    /// <summary>Marked expired by the daily job (valid-until and any transitional extension have passed).</summary>
    Expired = 3,
}

/// <summary>
/// Giấy chứng nhận kết quả phân hạng sản phẩm OCOP: one per recognised product line. Its number is sequential per
/// year and never reused; it is valid for the rule set's validity (36 months) from the issue date; the public
/// verification page is reached by an unguessable <see cref="Token"/>.
/// </summary>
public class Certificate
{
    public int Id { get; set; }

    /// <summary>Số giấy chứng nhận, e.g. <c>0042/2026/GCN-OCOP</c>; unique.</summary>
    public string Number { get; set; } = "";

    /// <summary>Numbering year and sequence for certificates the portal issued (null for recorded/legacy ones).</summary>
    public int? SequenceYear { get; set; }

    public int? Sequence { get; set; }

    /// <summary>Random, URL-safe, ≥ 128 bits: the QR's verification link. Reveals nothing about the id.</summary>
    public string Token { get; set; } = "";

    public int? DecisionId { get; set; }

    public int? DecisionLineId { get; set; }

    public int ProductId { get; set; }

    public int ProducerId { get; set; }

    public int? DossierId { get; set; }

    public string ProductName { get; set; } = "";

    public string ProducerName { get; set; } = "";

    public string ProducerAddress { get; set; } = "";

    public string CommuneCode { get; set; } = "";

    public int? RuleSetId { get; set; }

    public int CriteriaSetNumber { get; set; }

    public string CategoryCode { get; set; } = "";

    public int Stars { get; set; }

    public decimal? Score { get; set; }

    public string DecisionNumber { get; set; } = "";

    public DateOnly DecisionDate { get; set; }

    public string IssuingAuthority { get; set; } = "";

    public AuthorityLevel AuthorityLevel { get; set; }

    public DateOnly IssuedOn { get; set; }

    public DateOnly ValidUntil { get; set; }

    /// <summary>QĐ 26/2026 Art. 12.3: a late re-evaluation keeps the certificate valid until decided, at most 180 days past expiry.</summary>
    public DateOnly? ExtendedUntil { get; set; }

    public CertificateState State { get; set; }

    public int? SupersededById { get; set; }

    public DateTimeOffset? StateChangedAt { get; set; }

    public bool Legacy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public Guid Version { get; set; }
}

/// <summary>The six legal grounds for revocation (QĐ 26/2026 Art. 8).</summary>
public enum RevocationGround
{
    /// <summary>Khai báo, cung cấp thông tin, hồ sơ không trung thực, giả mạo.</summary>
    FalseInformation = 1,

    /// <summary>Không còn đáp ứng tiêu chí theo kết luận kiểm tra.</summary>
    NoLongerMeetsCriteria = 2,

    /// <summary>Vi phạm pháp luật về chất lượng, an toàn thực phẩm, môi trường, sở hữu trí tuệ, nhãn hàng hóa...</summary>
    LawViolation = 3,

    /// <summary>Sử dụng nhãn hiệu OCOP sai mục đích, gây nhầm lẫn.</summary>
    MarkMisuse = 4,

    /// <summary>Chủ thể ngừng sản xuất sản phẩm.</summary>
    ProductionStopped = 5,

    /// <summary>Trường hợp khác theo kết luận của cơ quan có thẩm quyền.</summary>
    Other = 6,
}

/// <summary>A revocation (thu hồi) of one certificate by a decision: irreversible except by a new decision.</summary>
public class Revocation
{
    public int Id { get; set; }

    public int CertificateId { get; set; }

    public RevocationGround Ground { get; set; }

    public string Details { get; set; } = "";

    public string DecisionNumber { get; set; } = "";

    public DateOnly DecisionDate { get; set; }

    public string Authority { get; set; } = "";

    /// <summary>The inspection whose conclusion led to it, if any.</summary>
    public int? InspectionId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string CreatedByUserId { get; set; } = "";

    public List<RevocationAttachment> Attachments { get; set; } = [];
}

public class RevocationAttachment
{
    public int Id { get; set; }

    public int RevocationId { get; set; }

    public Guid FileId { get; set; }
}

public enum InspectionKind
{
    /// <summary>Kiểm tra định kỳ.</summary>
    Periodic = 1,

    /// <summary>Kiểm tra đột xuất.</summary>
    AdHoc = 2,
}

public enum InspectionOutcome
{
    /// <summary>Still meets the criteria as dossiered; the mark is used correctly.</summary>
    Compliant = 1,

    /// <summary>Shortcomings to fix by the follow-up date.</summary>
    FollowUpRequired = 2,

    /// <summary>Grounds for revocation found.</summary>
    RevocationRecommended = 3,
}

/// <summary>Post-recognition monitoring (kiểm tra, giám sát, Art. 9) of a certified product.</summary>
public class Inspection
{
    public int Id { get; set; }

    public int CertificateId { get; set; }

    public InspectionKind Kind { get; set; }

    public DateOnly InspectedOn { get; set; }

    public string Inspectors { get; set; } = "";

    public string Findings { get; set; } = "";

    public InspectionOutcome Outcome { get; set; }

    public DateOnly? FollowUpDueOn { get; set; }

    public DateOnly? FollowUpDoneOn { get; set; }

    public string? FollowUpNotes { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string CreatedByUserId { get; set; } = "";
}

public enum ReminderKind
{
    /// <summary>The 180–120-day re-recognition window has opened.</summary>
    WindowOpened = 1,

    /// <summary>The window closes soon (reminder before it closes).</summary>
    WindowClosing = 2,

    /// <summary>The certificate expired.</summary>
    Expired = 3,
}

/// <summary>A reminder sent for one certificate; the unique key makes it once per kind, however often the job runs.</summary>
public class CertificateReminder
{
    public int CertificateId { get; set; }

    public ReminderKind Kind { get; set; }

    /// <summary>The validity end the reminder was about (a re-recognised certificate has new dates).</summary>
    public DateOnly ValidUntil { get; set; }

    public DateTimeOffset SentAt { get; set; }
}

/// <summary>Claims one run of a scheduled job for a day: the primary key makes two nodes never both run it.</summary>
public class JobRun
{
    public string Job { get; set; } = "";

    public DateOnly RunDate { get; set; }

    public string ClaimedBy { get; set; } = "";

    public DateTimeOffset ClaimedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public string? Summary { get; set; }
}

/// <summary>A gap-free counter (e.g. certificate numbers per year): incremented inside the issuing transaction.</summary>
public class NumberSequence
{
    /// <summary>e.g. <c>certificate:2026</c>.</summary>
    public string Key { get; set; } = "";

    public int Last { get; set; }
}
