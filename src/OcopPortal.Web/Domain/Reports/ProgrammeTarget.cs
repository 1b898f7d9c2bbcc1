using OcopPortal.Web.Domain.Producers;

namespace OcopPortal.Web.Domain.Reports;

/// <summary>Whether a target is a number to reach or a share (in percent) of the whole.</summary>
public enum TargetKind
{
    /// <summary>e.g. "at least 200 products recognised (in force) by 2025".</summary>
    Count = 1,

    /// <summary>e.g. "at least 30 % of producers are cooperatives": the scoped count over the unscoped one.</summary>
    Ratio = 2,
}

/// <summary>What a target counts: recognised products in force, or producers with at least one product in force.</summary>
public enum TargetSubject
{
    Products = 1,
    Producers = 2,
}

/// <summary>
/// A programme target of the province (chỉ tiêu kế hoạch), e.g. "≥ 200 sản phẩm OCOP đến năm 2025" or "≥ 30 % chủ thể là
/// HTX": measured against the products in force on 31/12 of <see cref="Year"/> (today while the year runs), optionally
/// within a sector, a star level and a producer type.
/// </summary>
public class ProgrammeTarget
{
    public int Id { get; set; }

    public int Year { get; set; }

    public TargetKind Kind { get; set; }

    public TargetSubject Subject { get; set; }

    /// <summary>The number to reach (Count) or the percentage (Ratio, 0–100).</summary>
    public decimal Value { get; set; }

    /// <summary>Ngành (I–VI) of the classification, or null for every sector.</summary>
    public string? SectorCode { get; set; }

    /// <summary>3, 4 or 5, or null for every star level.</summary>
    public int? Stars { get; set; }

    public ProducerType? ProducerType { get; set; }

    public string Description { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public string CreatedByUserId { get; set; } = "";

    public DateTimeOffset UpdatedAt { get; set; }

    public Guid Version { get; set; }
}
