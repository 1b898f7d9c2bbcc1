using System.Text.Json;

namespace OcopPortal.Web.Domain.Traceability;

/// <summary>Nguồn gốc nguyên liệu: what the material is and where it comes from (area, farm, supplier).</summary>
public sealed record TraceOrigin(string Material, string Source);

/// <summary>A step of the production process, in order.</summary>
public sealed record TraceStep(string Title, string Description);

/// <summary>A certification the producer holds (VietGAP, HACCP, food-safety facility certificate...).</summary>
public sealed record TraceCertification(string Name, string Issuer, string Number, DateOnly? ValidUntil);

/// <summary>
/// What a traceability page states: raw-material origins, the production site (address, commune with its name as it
/// was when published, optional coordinates), ordered process steps, certifications and the product story (plain text).
/// Stored as JSON in a draft or a published version: a version is one immutable document.
/// </summary>
public sealed record TraceContent(
    IReadOnlyList<TraceOrigin> Origins,
    string SiteAddress,
    string SiteCommuneCode,
    string SiteCommuneName,
    decimal? Latitude,
    decimal? Longitude,
    IReadOnlyList<TraceStep> Steps,
    IReadOnlyList<TraceCertification> Certifications,
    string Story)
{
    public static readonly TraceContent Empty = new([], "", "", "", null, null, [], [], "");

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static TraceContent FromJson(string? json) =>
        string.IsNullOrWhiteSpace(json) ? Empty : JsonSerializer.Deserialize<TraceContent>(json, Json) ?? Empty;

    public bool IsEmpty => Origins.Count == 0 && Steps.Count == 0 && string.IsNullOrWhiteSpace(SiteAddress) && string.IsNullOrWhiteSpace(Story);
}
