using OcopPortal.Web.Domain.Traceability;

namespace OcopPortal.Web.Features.Traceability;

/// <summary>The product whose page is edited, who may edit it (resolved once per request) and where its pages live.</summary>
public sealed record TraceEditorContext(int ProductId, string ProductName, string ProducerName, string ProducerProvinceCode, string ProducerCommuneCode,
    string BasePath, bool ByOffice, TraceRecord? Record);

public sealed record TraceVersionRow(int Number, DateTimeOffset PublishedAt, string PublishedByName);

public sealed record TraceBatchRow(string Code, DateOnly ProducedOn, DateOnly? ExpiresOn, decimal? Quantity, string? Unit, int VersionNumber);

public sealed record CommuneOption(string Code, string Name);

public sealed record TraceOverviewModel(
    TraceEditorContext Context, string? PublicUrl, IReadOnlyList<TraceVersionRow> Versions, IReadOnlyList<TraceBatchRow> Batches,
    TraceBatchInput Batch, LabelSheetRequest Labels);

public sealed record TraceDraftModel(TraceEditorContext Context, TraceDraftInput Input, IReadOnlyList<CommuneOption> Communes);

public sealed record TracePreviewModel(TraceEditorContext Context, TraceContent Draft, Guid Version);
