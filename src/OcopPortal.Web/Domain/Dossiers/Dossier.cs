namespace OcopPortal.Web.Domain.Dossiers;

/// <summary>What the producer asks for (loại đề nghị, Mẫu 01).</summary>
public enum DossierKind
{
    /// <summary>Đánh giá, phân hạng lần đầu.</summary>
    FirstEvaluation = 1,

    /// <summary>Nâng hạng: must state and evidence what changed since recognition.</summary>
    Upgrade = 2,

    /// <summary>Đánh giá, phân hạng lại (tái công nhận): only inside the 180–120-day window before expiry.</summary>
    ReEvaluation = 3,
}

/// <summary>Where a dossier stands. Only <see cref="DossierWorkflow"/> moves it, and every move is a <see cref="DossierEvent"/>.</summary>
public enum DossierStatus
{
    /// <summary>Being prepared by the producer; nobody else sees it.</summary>
    Draft = 0,

    /// <summary>Submitted to the commune, which checks it within 15 working days.</summary>
    AtCommune = 1,

    /// <summary>Forwarded by the commune; the provincial office checks completeness.</summary>
    AtProvince = 2,

    /// <summary>The office asked for named documents by a due date; only those slots are open to the producer.</summary>
    SupplementRequested = 3,

    /// <summary>Complete: ready to be assigned to an evaluation round.</summary>
    Accepted = 4,

    /// <summary>Refused by the office with reasons (final).</summary>
    Rejected = 5,

    /// <summary>Withdrawn by the producer before evaluation (final).</summary>
    Withdrawn = 6,

    /// <summary>Assigned to an evaluation round: the council evaluates it; no longer withdrawable.</summary>
    InEvaluation = 7,

    /// <summary>The council's result is finalised; the recognition decision follows.</summary>
    Evaluated = 8,
}

/// <summary>
/// A product dossier (hồ sơ sản phẩm) filed for evaluation. At submission it pins the rule set and criteria set in
/// force (published rule data never changes, so the ids are the snapshot). <see cref="Version"/> guards officers
/// acting at once: a stale form gets a conflict, never a silent overwrite.
/// </summary>
public class Dossier
{
    public int Id { get; set; }

    public int ProducerId { get; set; }

    public int ProductId { get; set; }

    /// <summary>The producer's commune when the dossier was opened: decides which commune officers see it.</summary>
    public string CommuneCode { get; set; } = "";

    public DossierKind Kind { get; set; }

    /// <summary>The star level the producer aims for (3, 4 or 5): decides the evidence checklist.</summary>
    public int TargetStars { get; set; } = 3;

    /// <summary>Upgrade: what changed since recognition (required for <see cref="DossierKind.Upgrade"/>).</summary>
    public string? ChangesSinceRecognition { get; set; }

    /// <summary>Upgrade / re-evaluation: the current certificate's number and last valid day, until certificates live here.</summary>
    public string? PreviousCertificateNumber { get; set; }

    public DateOnly? PreviousCertificateValidUntil { get; set; }

    /// <summary>The rule set and criteria set the dossier is evaluated under: the ones in force, pinned at submission.</summary>
    public int RuleSetId { get; set; }

    public int CriteriaSetId { get; set; }

    public DossierStatus Status { get; set; }

    /// <summary>Receiving number (số phiếu đăng ký), given at submission: <c>n/PĐK-92-31117-2026</c>.</summary>
    public string? Number { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SubmittedAt { get; set; }

    /// <summary>The commune's legal deadline (15 working days after receipt).</summary>
    public DateOnly? CommuneDueOn { get; set; }

    public DateTimeOffset? ForwardedAt { get; set; }

    /// <summary>The open supplement request's due date, while <see cref="Status"/> is <see cref="DossierStatus.SupplementRequested"/>.</summary>
    public DateOnly? SupplementDueOn { get; set; }

    /// <summary>The first <see cref="DossierEventKind.Submitted"/> event's time (the commune step starts), for the reports.</summary>
    public DateTimeOffset? FirstSubmittedAt { get; set; }

    /// <summary>The first <see cref="DossierEventKind.Forwarded"/> event's time (the commune step ends, the province's starts).</summary>
    public DateTimeOffset? FirstForwardedAt { get; set; }

    /// <summary>
    /// The province's first answer (accepted, supplement requested, rejected) at or after <see cref="FirstForwardedAt"/>:
    /// the end of its completeness check. The three step times are kept from the events as they are saved
    /// (<c>DossierStepTimes</c>), so the dashboard reads them instead of searching every dossier's history.
    /// </summary>
    public DateTimeOffset? ProvinceAnsweredAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Mẫu 02 part II: results of production and business (raw materials, technology, markets, revenue).</summary>
    public string? BusinessResults { get; set; }

    /// <summary>Mẫu 02 part IV: the plan for the coming years.</summary>
    public string? FuturePlan { get; set; }

    /// <summary>The self-assessed total and star, as the engine computed them at the last save (for lists).</summary>
    public decimal? SelfAssessedTotal { get; set; }

    public int? SelfAssessedStars { get; set; }

    public Guid Version { get; set; }

    public List<DossierSlot> Slots { get; set; } = [];

    public List<DossierAnswer> Answers { get; set; } = [];

    public List<DossierEvent> Events { get; set; } = [];
}

/// <summary>One required or recommended document of the checklist (<see cref="EvidenceChecklist"/>).</summary>
public class DossierSlot
{
    public int Id { get; set; }

    public int DossierId { get; set; }

    /// <summary>Stable key: <c>mau-01</c>, <c>test-report</c>, <c>criterion:2.3</c>…</summary>
    public string Key { get; set; } = "";

    public string Title { get; set; } = "";

    public string? Hint { get; set; }

    public bool Required { get; set; }

    public int SortOrder { get; set; }

    /// <summary>Named by the open supplement request: the only slots the producer may change while it is open.</summary>
    public bool OpenForSupplement { get; set; }

    public List<DossierFile> Files { get; set; } = [];
}

/// <summary>
/// A file in a slot. Files are never overwritten: replacing one adds a new row that <see cref="Replaces"/> it and
/// marks the old one superseded; removing marks it removed. The history of every version stays visible.
/// </summary>
public class DossierFile
{
    public int Id { get; set; }

    public int SlotId { get; set; }

    public Guid FileId { get; set; }

    /// <summary>1 for a first upload, n + 1 for a replacement of version n.</summary>
    public int VersionNumber { get; set; } = 1;

    public int? Replaces { get; set; }

    public DateTimeOffset AddedAt { get; set; }

    public string AddedByUserId { get; set; } = "";

    /// <summary>When a newer version replaced it or the producer removed it; null while current.</summary>
    public DateTimeOffset? SupersededAt { get; set; }

    public bool IsCurrent => SupersededAt is null;
}

/// <summary>The producer's self-assessment of one criterion (Mẫu 02 part III) against the pinned criteria set.</summary>
public class DossierAnswer
{
    public int Id { get; set; }

    public int DossierId { get; set; }

    public string CriterionCode { get; set; } = "";

    public int? OptionId { get; set; }

    public bool NotApplicable { get; set; }
}

public enum DossierEventKind
{
    Created = 0,
    Submitted = 1,
    CommuneAssessed = 2,
    Forwarded = 3,
    SupplementRequested = 4,
    Resubmitted = 5,
    Accepted = 6,
    Rejected = 7,
    Withdrawn = 8,
    AssignedToRound = 9,
    ReturnedFromRound = 10,
    Evaluated = 11,
}

/// <summary>A transition (or a step inside one): who, when, from which status to which, and why. Append-only.</summary>
public class DossierEvent
{
    public long Id { get; set; }

    public int DossierId { get; set; }

    public DossierEventKind Kind { get; set; }

    public DossierStatus From { get; set; }

    public DossierStatus To { get; set; }

    public DateTimeOffset At { get; set; }

    public string? ActorUserId { get; set; }

    public string ActorName { get; set; } = "";

    /// <summary>The reason or message that went with it (rejection grounds, supplement request…).</summary>
    public string? Message { get; set; }
}

/// <summary>The commune's assessment (Mẫu 03): the four things the commune vouches for, and its proposal.</summary>
public class CommuneAssessment
{
    public int DossierId { get; set; }

    /// <summary>Nguồn gốc sản phẩm và nguyên liệu.</summary>
    public string RawMaterialOrigin { get; set; } = "";

    /// <summary>Sử dụng lao động địa phương.</summary>
    public string LocalLabour { get; set; } = "";

    /// <summary>Nguồn gốc ý tưởng sản phẩm.</summary>
    public string IdeaOrigin { get; set; } = "";

    /// <summary>Tính đặc trưng, bản sắc, tri thức địa phương.</summary>
    public string LocalIdentity { get; set; } = "";

    /// <summary>Kết luận, đề xuất.</summary>
    public string Conclusion { get; set; } = "";

    public string OfficerName { get; set; } = "";

    public string OfficerUserId { get; set; } = "";

    public DateTimeOffset AssessedAt { get; set; }
}

/// <summary>The office's request for named documents by a due date (yêu cầu bổ sung).</summary>
public class SupplementRequest
{
    public int Id { get; set; }

    public int DossierId { get; set; }

    public string Message { get; set; } = "";

    public DateOnly DueOn { get; set; }

    /// <summary>Titles of the slots reopened, as they read when asked (the history keeps the request readable).</summary>
    public string SlotTitles { get; set; } = "";

    public DateTimeOffset RequestedAt { get; set; }

    public string RequestedByUserId { get; set; } = "";

    public DateTimeOffset? AnsweredAt { get; set; }
}

/// <summary>A staff account's communes: a commune officer sees the dossiers of these communes only.</summary>
public class StaffCommune
{
    public string UserId { get; set; } = "";

    public string CommuneCode { get; set; } = "";
}
