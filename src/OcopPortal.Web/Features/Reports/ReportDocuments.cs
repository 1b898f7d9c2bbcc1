using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MiniExcelLibs;
using OcopPortal.Web.Data;
using OcopPortal.Web.Infrastructure.Pdf;
using OcopPortal.Web.Infrastructure.Web;

namespace OcopPortal.Web.Features.Reports;

/// <summary>A column of a standard report: heading, relative width in print, alignment.</summary>
public sealed record ReportColumn(string Header, float Weight = 1, TextAlign Align = TextAlign.Left);

/// <summary>
/// A standard report as one table: what it is (title, the period or date it covers, the scope), its columns, and its
/// rows produced lazily, so the same definition renders a page, a PDF and a streamed workbook.
/// </summary>
public sealed record TabularReport(string Title, string Subtitle, string FileStem, IReadOnlyList<ReportColumn> Columns, IEnumerable<object?[]> Rows, string Sheet = ReportDocuments.SheetName)
{
    public static string Cell(object? value) => value switch
    {
        null => "",
        DateOnly d => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        decimal m => m.ToString(m == decimal.Truncate(m) ? "N0" : "N2", ReportLabels.Vi),
        int i => i.ToString("N0", ReportLabels.Vi),
        _ => value.ToString() ?? "",
    };
}

/// <summary>PDF (Vietnamese administrative layout, landscape) and Excel (MiniExcel, streamed to a temporary file) of a <see cref="TabularReport"/>.</summary>
public sealed class ReportDocuments(OcopDbContext db, PdfRenderer renderer, IOptions<PortalOptions> portal, TimeProvider clock)
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public const string SheetName = "Báo cáo";

    private static readonly TextStyle Heading = new(Size: 14, Bold: true, Align: TextAlign.Center, SpaceAfter: 2);
    private static readonly TextStyle SubHeading = new(Size: 12, Italic: true, Align: TextAlign.Center, SpaceAfter: 10);
    private static readonly TextStyle Section = new(Size: 12, Bold: true, SpaceAfter: 4);
    private static readonly TextStyle FooterStyle = new(Size: 8, Align: TextAlign.Right, Color: "#555555");
    private static readonly TableStyle Table = new(FontSize: 8, Padding: 2.5f, HeaderBackground: "#EEEEEE");

    public async Task<byte[]> PdfAsync(TabularReport report, CancellationToken ct, params TabularReport[] more)
    {
        var unit = await ProvinceUnitAsync(ct);
        var today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        var place = portal.Value.ProvinceName;
        return renderer.Render(b => b.Title(report.Title)
            .Author($"Văn phòng Điều phối Chương trình OCOP {unit}")
            .Subject(report.Subtitle)
            .Margins(PdfMargins.FromCm(2, 1.5f, 1.5f, 1.5f))
            .Footer(p => p.Text($"{report.Title} · Trang {p.PageNumber}/{p.PageCount}", FooterStyle))
            .AdministrativeHeader($"UBND {unit.ToUpper(ReportLabels.Vi)}", "VĂN PHÒNG ĐIỀU PHỐI CHƯƠNG TRÌNH OCOP", "Số: ……/BC-VPĐP",
                $"{place}, ngày {today.Day:00} tháng {today.Month:00} năm {today.Year}")
            .Paragraph(report.Title.ToUpper(ReportLabels.Vi), Heading)
            .Paragraph(report.Subtitle, SubHeading)
            .Table(report.Columns.Select(c => new TableColumn(c.Header, c.Weight, c.Align)).ToList(),
                report.Rows.Select(r => (IReadOnlyList<string>)r.Select(TabularReport.Cell).ToArray()), Table)
            .Also(more, (bb, m) => bb.Spacer(6).Paragraph(m.Title, Section)
                .Table(m.Columns.Select(c => new TableColumn(c.Header, c.Weight, c.Align)).ToList(),
                    m.Rows.Select(r => (IReadOnlyList<string>)r.Select(TabularReport.Cell).ToArray()), Table))
            .Spacer(8)
            .Signatures(null, new SignatureParty("Thủ trưởng đơn vị", "(Ký, ghi rõ họ tên, đóng dấu)", null), new SignatureParty("Người lập biểu", "(Ký, ghi rõ họ tên)", null)),
            PdfPageSize.A4Landscape);
    }

    /// <summary>
    /// Writes the workbook row by row while the rows are read from the database (nothing is collected first) into a
    /// temporary file deleted when the returned stream is closed; a title row and the subtitle precede the table.
    /// </summary>
    public static async Task<Stream> ExcelAsync(TabularReport report, CancellationToken ct, params TabularReport[] more)
    {
        var path = Path.Combine(Path.GetTempPath(), $"ocop-report-{Guid.NewGuid():N}.xlsx");
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            if (more.Length == 0)
            {
                await file.SaveAsAsync(Rows(report, UniqueHeaders(report.Columns)), sheetName: report.Sheet, cancellationToken: ct);
            }
            else
            {
                var sheets = new Dictionary<string, object> { [report.Sheet] = Rows(report, UniqueHeaders(report.Columns)) };
                foreach (var m in more)
                {
                    sheets[m.Sheet] = Rows(m, UniqueHeaders(m.Columns));
                }

                await file.SaveAsAsync(sheets, cancellationToken: ct);
            }

            file.Position = 0;
            return file;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    private static IEnumerable<IDictionary<string, object?>> Rows(TabularReport report, List<string> headers)
    {
        foreach (var row in report.Rows)
        {
            var dict = new Dictionary<string, object?>(headers.Count);
            for (var i = 0; i < headers.Count; i++)
            {
                dict[headers[i]] = row[i] switch
                {
                    DateOnly d => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
                    var v => v,
                };
            }

            yield return dict;
        }
    }

    private static List<string> UniqueHeaders(IReadOnlyList<ReportColumn> columns)
    {
        var seen = new HashSet<string>();
        return columns.Select(c =>
        {
            var name = c.Header;
            for (var n = 2; !seen.Add(name); n++)
            {
                name = $"{c.Header} ({n})";
            }

            return name;
        }).ToList();
    }

    private async Task<string> ProvinceUnitAsync(CancellationToken ct)
    {
        var code = portal.Value.ProvinceCode;
        var province = await db.Provinces.AsNoTracking().SingleOrDefaultAsync(p => p.Code == code, ct);
        return province is null
            ? $"tỉnh {portal.Value.ProvinceName}"
            : $"{(province.Type.StartsWith("thành phố", StringComparison.OrdinalIgnoreCase) ? "thành phố" : province.Type)} {province.Name}";
    }
}

internal static class PdfBuilderExtensions
{
    public static PdfDocumentBuilder Also<T>(this PdfDocumentBuilder b, IEnumerable<T> items, Action<PdfDocumentBuilder, T> add)
    {
        foreach (var item in items)
        {
            add(b, item);
        }

        return b;
    }
}
