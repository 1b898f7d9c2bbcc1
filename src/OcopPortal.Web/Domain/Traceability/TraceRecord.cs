namespace OcopPortal.Web.Domain.Traceability;

/// <summary>
/// A product's traceability page (trang truy xuất nguồn gốc; criteria 2.3 and 5.1 reward an electronic traceability
/// code carrying the product story). One per product, owned by the product's producer. <see cref="Code"/> is the
/// short public code printed in the QR (never a database id, never changed once issued). The producer edits a working
/// draft; publishing copies it into a new immutable <see cref="TraceVersion"/>.
/// </summary>
public class TraceRecord
{
    public int Id { get; set; }

    public int ProductId { get; set; }

    /// <summary>The public code, e.g. <c>7KQ2M9XW4H</c> (<see cref="TraceCodes"/>); the page is <c>/trace/{Code}</c>.</summary>
    public string Code { get; set; } = "";

    /// <summary>The working draft as <see cref="TraceContent"/> JSON; never shown publicly.</summary>
    public string DraftJson { get; set; } = "";

    public DateTimeOffset? DraftSavedAt { get; set; }

    /// <summary>The number of the newest published version (the public page shows it); 0 while nothing is published.</summary>
    public int CurrentVersion { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Optimistic concurrency: a new value on every save.</summary>
    public Guid Version { get; set; }

    public List<TraceVersion> Versions { get; set; } = [];

    public List<TraceBatch> Batches { get; set; } = [];

    public static string PublicPath(string code) => $"/trace/{code}";

    public static string PublicPath(string code, string batchCode) => $"/trace/{code}/{batchCode}";
}

/// <summary>
/// A published version of a traceability page: what the producer declared at <see cref="PublishedAt"/>. Never changes
/// (enforced at save time by <c>Data.Traceability.TraceRecordsGuard</c>), so a label printed for a batch keeps showing
/// what was true for that batch.
/// </summary>
public class TraceVersion
{
    public int Id { get; set; }

    public int TraceRecordId { get; set; }

    /// <summary>1, 2, 3... per record.</summary>
    public int Number { get; set; }

    public DateTimeOffset PublishedAt { get; set; }

    public string PublishedByUserId { get; set; } = "";

    public string PublishedByName { get; set; } = "";

    /// <summary><see cref="TraceContent"/> as JSON.</summary>
    public string ContentJson { get; set; } = "";
}

/// <summary>
/// A production batch (lô sản xuất) of the product: its code is unique per product and part of its public address;
/// it is pinned to the version current when it was created. Batches are immutable once created.
/// </summary>
public class TraceBatch
{
    public int Id { get; set; }

    public int TraceRecordId { get; set; }

    /// <summary>Upper-case letters, digits and '-' (<see cref="TraceCodes.IsBatchCode"/>).</summary>
    public string Code { get; set; } = "";

    /// <summary>Ngày sản xuất.</summary>
    public DateOnly ProducedOn { get; set; }

    /// <summary>Hạn sử dụng (best before / use by), when the product has one.</summary>
    public DateOnly? ExpiresOn { get; set; }

    public decimal? Quantity { get; set; }

    public string? Unit { get; set; }

    public string? Note { get; set; }

    /// <summary>The <see cref="TraceVersion.Number"/> the batch's page shows.</summary>
    public int VersionNumber { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string CreatedByUserId { get; set; } = "";
}
