using OcopPortal.Web.Domain.Reports;

namespace OcopPortal.Web.Features.Reports;

/// <summary>One labelled row of a table: its counts in column order.</summary>
public sealed record CountRow(string Label, IReadOnlyList<decimal?> Values, string? Key = null)
{
    public CountRow(string label, params decimal?[] values)
        : this(label, (IReadOnlyList<decimal?>)values)
    {
    }
}

/// <summary>A table of the dashboard (and the chart drawn from it): caption, column headings, rows, optional total.</summary>
public sealed record ReportSeries(string Id, string Caption, IReadOnlyList<string> Columns, IReadOnlyList<CountRow> Rows, string Chart = "bar", string? Note = null)
{
    public decimal Sum(int column) => Rows.Sum(r => r.Values.ElementAtOrDefault(column) ?? 0);
}

/// <summary>A programme target with what was reached on its measuring day.</summary>
public sealed record TargetProgress(ProgrammeTarget Target, DateOnly MeasuredOn, decimal Actual, decimal Gap, bool Met, string Scope);

public sealed record CommuneOption(string Code, string Name);

public sealed record Dashboard(
    ReportScope Scope,
    ReportFilter Filter,
    DateOnly From,
    DateOnly To,
    DateOnly AsOf,
    IReadOnlyList<CommuneOption> Communes,
    int InForceProducts,
    int InForceProducers,
    int EverProducts,
    int EverProducers,
    int CertificatesIssued,
    IReadOnlyList<ReportSeries> Stock,
    IReadOnlyList<ReportSeries> Flows,
    IReadOnlyList<ReportSeries> Scores,
    IReadOnlyList<TargetProgress> Targets);
