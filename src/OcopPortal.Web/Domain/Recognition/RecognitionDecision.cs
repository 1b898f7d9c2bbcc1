namespace OcopPortal.Web.Domain.Recognition;

public enum DecisionStatus
{
    /// <summary>Being prepared and reviewed by the Office; lines may still change.</summary>
    Draft = 0,

    /// <summary>Signed and issued: immutable (enforced on save). Corrections are a new amending decision.</summary>
    Issued = 1,
}

public enum DecisionKind
{
    /// <summary>Quyết định công nhận: recognises the listed products and issues their certificates.</summary>
    Recognition = 1,

    /// <summary>Quyết định sửa đổi, bổ sung: corrects an issued decision; its lines supersede the amended ones.</summary>
    Amendment = 2,

    /// <summary>A decision issued outside the portal and recorded in it (the ministry's 5★ decision, or a legacy import).</summary>
    Recorded = 3,
}

/// <summary>Which level issued a decision (as it was on the day: many legacy 3★ decisions were issued by districts).</summary>
public enum AuthorityLevel
{
    District = 1,
    Province = 2,
    Ministry = 3,
}

/// <summary>
/// A recognition decision (Quyết định công nhận kết quả đánh giá, phân hạng sản phẩm OCOP): one per batch, listing
/// each product with its producer, address, criteria set, score and star. Product and producer facts are copied
/// into the lines when the draft is made, so the issued decision reads the same forever.
/// </summary>
public class RecognitionDecision
{
    public int Id { get; set; }

    public DecisionKind Kind { get; set; }

    public DecisionStatus Status { get; set; }

    /// <summary>Số quyết định, e.g. <c>123/QĐ-UBND</c> (pattern configurable); unique among issued decisions.</summary>
    public string Number { get; set; } = "";

    public DateOnly DecisionDate { get; set; }

    /// <summary>Trích yếu, e.g. "Về việc công nhận kết quả đánh giá, phân hạng sản phẩm OCOP tỉnh ... năm 2026 (đợt 2)".</summary>
    public string Title { get; set; } = "";

    /// <summary>Cơ quan ban hành, e.g. "Ủy ban nhân dân tỉnh An Giang".</summary>
    public string Authority { get; set; } = "";

    public AuthorityLevel AuthorityLevel { get; set; }

    public string SignatoryName { get; set; } = "";

    /// <summary>e.g. "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH".</summary>
    public string SignatoryTitle { get; set; } = "";

    /// <summary>The finalised round the lines come from (null for recorded and amending decisions).</summary>
    public int? RoundId { get; set; }

    /// <summary>The issued decision this one amends.</summary>
    public int? AmendsDecisionId { get; set; }

    /// <summary>The signed scan (PDF) attached after issue; the only thing that may be added to an issued decision.</summary>
    public Guid? SignedScanFileId { get; set; }

    public string? Notes { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string CreatedByUserId { get; set; } = "";

    public DateTimeOffset? IssuedAt { get; set; }

    public string? IssuedByUserId { get; set; }

    /// <summary>Imported from a legacy register (before the portal).</summary>
    public bool Legacy { get; set; }

    public Guid Version { get; set; }

    public List<DecisionLine> Lines { get; set; } = [];
}

/// <summary>One product recognised by a decision, with the facts as they were on the day.</summary>
public class DecisionLine
{
    public int Id { get; set; }

    public int DecisionId { get; set; }

    public int SortOrder { get; set; }

    public int ProductId { get; set; }

    public int ProducerId { get; set; }

    /// <summary>The council's result this line comes from (null for legacy and recorded lines).</summary>
    public int? RoundEntryId { get; set; }

    public int? DossierId { get; set; }

    public string ProductName { get; set; } = "";

    public string ProducerName { get; set; } = "";

    /// <summary>Địa chỉ chủ thể as written on the decision (administrative unit as it was).</summary>
    public string ProducerAddress { get; set; } = "";

    public string CommuneCode { get; set; } = "";

    public int? RuleSetId { get; set; }

    public int CriteriaSetNumber { get; set; }

    public string CategoryCode { get; set; } = "";

    /// <summary>Tổng điểm trung bình of the council (null when unknown for legacy records).</summary>
    public decimal? Score { get; set; }

    public int Stars { get; set; }

    /// <summary>For an amendment: the line of the amended decision this one replaces.</summary>
    public int? ReplacesLineId { get; set; }
}

public enum ReferralResult
{
    /// <summary>Sent to the ministry; no central result yet.</summary>
    Pending = 0,

    /// <summary>The ministry recognised 5★ (its decision number and date recorded; its certificate recorded).</summary>
    FiveStars = 1,

    /// <summary>Central score below 90: the province recognises 3★/4★ from it, or re-evaluates.</summary>
    BelowNinety = 2,
}

/// <summary>
/// A potential 5★ product (province score ≥ 90) sent to the Ministry of Agriculture and Environment, and the central result.
/// </summary>
public class MinistryReferral
{
    public int Id { get; set; }

    public int RoundEntryId { get; set; }

    public int DossierId { get; set; }

    public int ProductId { get; set; }

    public decimal ProvinceScore { get; set; }

    /// <summary>The province's dispatch (công văn) number sending the dossier.</summary>
    public string? SentReference { get; set; }

    public DateOnly? SentOn { get; set; }

    public ReferralResult Result { get; set; }

    public decimal? CentralScore { get; set; }

    public string? MinistryDecisionNumber { get; set; }

    public DateOnly? MinistryDecisionDate { get; set; }

    /// <summary>The province's follow-up when the central score is below 90 (the decision recognising 3★/4★, or a note to re-evaluate).</summary>
    public string? FollowUp { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    public Guid Version { get; set; }
}
