using SkiaSharp;

namespace OcopPortal.Web.Infrastructure.Pdf;

/// <summary>
/// Drawing surface for a page header or footer. The band is the top margin (header) or the bottom margin (footer);
/// text spans the content width (between the left and right margins).
/// </summary>
public sealed class PdfPageContext
{
    private readonly SKCanvas _canvas;
    private readonly TextEngine _text;

    internal PdfPageContext(SKCanvas canvas, TextEngine text, int pageNumber, int pageCount,
        float pageWidth, float pageHeight, PdfMargins margins, bool header)
    {
        _canvas = canvas;
        _text = text;
        PageNumber = pageNumber;
        PageCount = pageCount;
        PageWidth = pageWidth;
        PageHeight = pageHeight;
        Margins = margins;
        BandTop = header ? 0 : pageHeight - margins.Bottom;
        BandHeight = header ? margins.Top : margins.Bottom;
    }

    /// <summary>1-based page number.</summary>
    public int PageNumber { get; }
    public int PageCount { get; }
    public float PageWidth { get; }
    public float PageHeight { get; }
    public PdfMargins Margins { get; }
    public float BandTop { get; }
    public float BandHeight { get; }
    public float ContentWidth => PageWidth - Margins.Left - Margins.Right;

    /// <summary>Draws (wrapped) text; <paramref name="top"/> is from the page top, default: centred vertically in the band.</summary>
    public PdfPageContext Text(string text, TextStyle? style = null, float? top = null)
    {
        var block = _text.Layout(text, style ?? new TextStyle(Size: 9, Align: TextAlign.Center), ContentWidth);
        _text.Draw(_canvas, block, Margins.Left, top ?? BandTop + (BandHeight - block.Height) / 2);
        return this;
    }

    /// <summary>Horizontal rule across the content width at <paramref name="y"/> points from the page top.</summary>
    public PdfPageContext Rule(float y, float thickness = 0.5f, string color = "#000000")
    {
        using var pen = new SKPaint { Color = SKColor.Parse(color), StrokeWidth = thickness, Style = SKPaintStyle.Stroke, IsAntialias = true };
        _canvas.DrawLine(Margins.Left, y, PageWidth - Margins.Right, y, pen);
        return this;
    }
}
