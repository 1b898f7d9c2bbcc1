using System.Globalization;
using OcopPortal.Web.Infrastructure.Pdf;

namespace OcopPortal.Web.Features.Traceability;

/// <summary>A label size: the QR's side and the grid of labels on an A4 portrait page.</summary>
public sealed record LabelSize(string Key, string Name, float QrMillimetres, int Columns, int Rows)
{
    public int PerPage => Columns * Rows;
}

public static class LabelSizes
{
    public static readonly IReadOnlyList<LabelSize> All =
    [
        new("small", "Nhỏ", 25, 4, 6),
        new("medium", "Vừa", 35, 3, 4),
        new("large", "Lớn", 50, 2, 3),
    ];

    public static LabelSize? Find(string? key) => All.FirstOrDefault(s => string.Equals(s.Key, key, StringComparison.Ordinal));
}

/// <summary>What one label states: the public address (QR, link and printed text), the product and, for a batch, its code and dates.</summary>
public sealed record TraceLabel(string Url, string ProductName, string ProducerName, string? BatchCode, DateOnly? ProducedOn, DateOnly? ExpiresOn);

/// <summary>
/// A printable sheet of traceability labels: A4 portrait, 10 mm margins, a grid of identical labels with a light cut
/// frame. Each label has the QR (also a link) to the public page, the address printed under it, the product and,
/// for a batch, its code with production and expiry dates. One document however many pages (fonts embedded once).
/// </summary>
public sealed class TraceLabelPdf(PdfRenderer renderer)
{
    private const float Mm = 72f / 25.4f;
    private const float Margin = 10 * Mm;

    public byte[] Render(TraceLabel label, LabelSize size, int count)
    {
        using var buffer = new MemoryStream();
        renderer.Render(buffer, d =>
        {
            d.Title($"Tem truy xuất nguồn gốc — {label.ProductName}").Author(label.ProducerName).Subject("Tem truy xuất nguồn gốc sản phẩm OCOP");
            for (var printed = 0; printed < count; printed += size.PerPage)
            {
                var onPage = Math.Min(size.PerPage, count - printed);
                d.CanvasPage(p => Page(p, label, size, onPage), PdfPageSize.A4Portrait);
            }
        }, PdfPageSize.A4Portrait);
        return buffer.ToArray();
    }

    private static void Page(PdfCanvas p, TraceLabel label, LabelSize size, int labels)
    {
        float cellWidth = (p.PageWidth - 2 * Margin) / size.Columns, cellHeight = (p.PageHeight - 2 * Margin) / size.Rows;
        for (var i = 0; i < labels; i++)
        {
            float left = Margin + i % size.Columns * cellWidth, top = Margin + i / size.Columns * cellHeight;
            Label(p, label, size, left, top, cellWidth, cellHeight);
        }
    }

    private static void Label(PdfCanvas p, TraceLabel label, LabelSize size, float left, float top, float width, float height)
    {
        p.Frame(left, top, width, height, 0.3f, "#BBBBBB");
        float qr = size.QrMillimetres * Mm, scale = size.QrMillimetres / 35f, pad = 4 * scale + 2;
        float textLeft = left + pad, textWidth = width - 2 * pad, y = top + pad;
        p.QrCode(label.Url, left + (width - qr) / 2, y, qr, linkUrl: label.Url);
        y += qr + 1;
        y += p.Text(label.Url, new TextStyle(Size: 4.6f + 1.4f * scale, Align: TextAlign.Center, Color: "#333333", LineHeight: 1.1f, SpaceAfter: 0), textLeft, y, textWidth) + 2;
        y += p.Text(label.ProductName, new TextStyle(Size: 6 + 2.5f * scale, Bold: true, Align: TextAlign.Center, LineHeight: 1.15f, SpaceAfter: 0), textLeft, y, textWidth) + 1;
        var small = new TextStyle(Size: 5.5f + 1.8f * scale, Align: TextAlign.Center, LineHeight: 1.15f, SpaceAfter: 0);
        if (label.BatchCode is not null)
        {
            y += p.Text($"Lô: {label.BatchCode}", small with { Bold = true }, textLeft, y, textWidth);
            var dates = $"NSX: {Date(label.ProducedOn)}" + (label.ExpiresOn is { } e ? $" · HSD: {Date(e)}" : "");
            p.Text(dates, small, textLeft, y, textWidth);
        }
        else
        {
            p.Text("Quét mã để xem nguồn gốc sản phẩm", small with { Italic = true }, textLeft, y, textWidth);
        }
    }

    private static string Date(DateOnly? d) => d?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "";
}
