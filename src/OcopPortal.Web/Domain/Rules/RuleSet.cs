namespace OcopPortal.Web.Domain.Rules;

public enum RuleSetStatus
{
    Draft = 0,
    Published = 1,
}

/// <summary>Who may recognise a star level (cấp công nhận).</summary>
public enum CertifyingLevel
{
    None = 0,
    District = 1,
    Province = 2,
    Ministry = 3,
}

/// <summary>How the council's per-criterion result is formed before star minimums are checked.</summary>
public enum ConsolidationMethod
{
    /// <summary>Mean of the members' points, rounded down to the nearest existing option (the default).</summary>
    MeanRoundedDown = 0,

    /// <summary>The median member's option (for an even count, the lower middle one).</summary>
    Median = 1,
}

/// <summary>
/// The OCOP rules of one legal instrument (e.g. QĐ 26/2026/QĐ-TTg): part maxima, star bands, who certifies,
/// validity and deadlines, and its criteria sets. Published rule data is immutable (enforced on save);
/// a new instrument, or a province's own change, is a new rule set (copy a published one into a draft).
/// </summary>
public class RuleSet
{
    public int Id { get; set; }

    /// <summary>Stable key, e.g. <c>QD-26-2026</c>.</summary>
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>The instrument(s), e.g. "Quyết định 26/2026/QĐ-TTg ngày 22/05/2026".</summary>
    public string LegalBasis { get; set; } = "";

    /// <summary>First day new evaluations follow this rule set.</summary>
    public DateOnly EffectiveFrom { get; set; }

    /// <summary>Last day new evaluations follow it (null: still in force).</summary>
    public DateOnly? EffectiveTo { get; set; }

    public RuleSetStatus Status { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    public int? CopiedFromId { get; set; }

    public int PartAMax { get; set; } = 40;

    public int PartBMax { get; set; } = 25;

    public int PartCMax { get; set; } = 35;

    /// <summary>Lower bounds of the half-open star bands: ≥ FiveStarMin → 5★, [FourStarMin, FiveStarMin) → 4★, ...</summary>
    public decimal FiveStarMin { get; set; } = 90m;

    public decimal FourStarMin { get; set; } = 70m;

    public decimal ThreeStarMin { get; set; } = 50m;

    public decimal TwoStarMin { get; set; } = 30m;

    public CertifyingLevel ThreeStarBy { get; set; } = CertifyingLevel.Province;

    public CertifyingLevel FourStarBy { get; set; } = CertifyingLevel.Province;

    public CertifyingLevel FiveStarBy { get; set; } = CertifyingLevel.Ministry;

    public int CertificateValidityMonths { get; set; } = 36;

    /// <summary>Re-recognition window: opens this many days before expiry...</summary>
    public int ReRecognitionOpensDaysBefore { get; set; } = 180;

    /// <summary>... and closes this many days before expiry.</summary>
    public int ReRecognitionClosesDaysBefore { get; set; } = 120;

    /// <summary>Working days the commune has for its preliminary check (null where there is no commune step).</summary>
    public int? CommuneCheckWorkingDays { get; set; }

    public ConsolidationMethod Consolidation { get; set; }

    /// <summary>Council members' totals may differ by at most this much before the chair must act.</summary>
    public decimal MaxMemberSpread { get; set; } = 10m;

    public string? Notes { get; set; }

    public List<CriteriaSet> CriteriaSets { get; set; } = [];

    public List<ProductCategory> Categories { get; set; } = [];

    public int PartMax(string part) => part switch
    {
        "A" => PartAMax,
        "B" => PartBMax,
        "C" => PartCMax,
        _ => throw new ArgumentOutOfRangeException(nameof(part), part, "Parts are A, B and C."),
    };

    public bool InForceOn(DateOnly date) => date >= EffectiveFrom && (EffectiveTo is null || date <= EffectiveTo);
}
