using SkiaSharp;

namespace OcopPortal.Web.Infrastructure.Pdf;

/// <summary>
/// Free placement on one whole page (certificates, diplomas): coordinates in points from the page's top-left corner,
/// margins ignored. Text is laid out when called (so heights are known for the next element) and drawn with the page.
/// </summary>
public sealed class PdfCanvas
{
    private readonly LayoutContext _ctx;

    internal PdfCanvas(LayoutContext ctx, float pageWidth, float pageHeight)
    {
        _ctx = ctx;
        PageWidth = pageWidth;
        PageHeight = pageHeight;
    }

    public float PageWidth { get; }

    public float PageHeight { get; }

    /// <summary>Wrapped text in the box [<paramref name="left"/>, <paramref name="left"/> + <paramref name="width"/>]; returns its height.</summary>
    public float Text(string text, TextStyle style, float left, float top, float width)
    {
        var engine = _ctx.Text;
        var block = engine.Layout(text, style, width);
        _ctx.Draw(c => engine.Draw(c, block, left, top));
        return block.Height;
    }

    /// <summary>A rectangle outline (a frame or border).</summary>
    public PdfCanvas Frame(float left, float top, float width, float height, float thickness, string color = "#000000")
    {
        _ctx.Draw(c =>
        {
            using var pen = new SKPaint { Color = SKColor.Parse(color), StrokeWidth = thickness, Style = SKPaintStyle.Stroke, IsAntialias = true };
            c.DrawRect(left, top, width, height, pen);
        });
        return this;
    }

    /// <summary>A filled rectangle.</summary>
    public PdfCanvas Box(float left, float top, float width, float height, string color)
    {
        _ctx.Draw(c =>
        {
            using var paint = new SKPaint { Color = SKColor.Parse(color), Style = SKPaintStyle.Fill, IsAntialias = true };
            c.DrawRect(left, top, width, height, paint);
        });
        return this;
    }

    /// <summary>A straight line.</summary>
    public PdfCanvas Line(float x0, float y0, float x1, float y1, float thickness, string color = "#000000")
    {
        _ctx.Draw(c =>
        {
            using var pen = new SKPaint { Color = SKColor.Parse(color), StrokeWidth = thickness, Style = SKPaintStyle.Stroke, IsAntialias = true };
            c.DrawLine(x0, y0, x1, y1, pen);
        });
        return this;
    }

    /// <summary>One 5-point star centred on (<paramref name="cx"/>, <paramref name="cy"/>), filled or outlined.</summary>
    public PdfCanvas Star(float cx, float cy, float size, bool filled, string color = "#E0A100")
    {
        _ctx.Draw(c =>
        {
            using var paint = new SKPaint
            {
                Color = SKColor.Parse(color),
                IsAntialias = true,
                Style = filled ? SKPaintStyle.Fill : SKPaintStyle.Stroke,
                StrokeWidth = Math.Max(0.5f, size / 24),
            };
            using var star = StarsBlock.StarPath(cx, cy, size / 2);
            c.DrawPath(star, paint);
        });
        return this;
    }

    /// <summary>
    /// QR code (ECC M, vector modules, quiet zone included in <paramref name="size"/>) with its top-left corner at
    /// (<paramref name="left"/>, <paramref name="top"/>); with <paramref name="linkUrl"/> the square is also a link.
    /// </summary>
    public PdfCanvas QrCode(string payload, float left, float top, float size, string? linkUrl = null)
    {
        var (contours, modules) = QrOutline.Create(payload);
        float module = size / modules;
        _ctx.Draw(c =>
        {
            using var paint = new SKPaint { Color = SKColors.Black, Style = SKPaintStyle.Fill };
            using var path = new SKPath { FillType = SKPathFillType.Winding };
            foreach (var contour in contours) path.AddPoly(contour, close: true);
            c.Save();
            c.Translate(left, top);
            c.Scale(module);
            c.DrawPath(path, paint);
            c.Restore();
            if (linkUrl is not null)
            {
                c.DrawUrlAnnotation(SKRect.Create(left, top, size, size), linkUrl);
            }
        });
        return this;
    }

    /// <summary>Draws with the page rotated by <paramref name="degrees"/> around (<paramref name="cx"/>, <paramref name="cy"/>), e.g. a stamp.</summary>
    public float RotatedText(string text, TextStyle style, float cx, float cy, float width, float degrees)
    {
        var engine = _ctx.Text;
        var block = engine.Layout(text, style, width);
        _ctx.Draw(c =>
        {
            c.Save();
            c.RotateDegrees(degrees, cx, cy);
            engine.Draw(c, block, cx - width / 2, cy - block.Height / 2);
            c.Restore();
        });
        return block.Height;
    }
}

/// <summary>A whole page drawn freely: starts on a fresh page (unless the current one is still empty) and fills it.</summary>
internal sealed record CanvasPageBlock(Action<PdfCanvas> Draw, float PageWidth, float PageHeight) : IPdfBlock
{
    public void Layout(LayoutContext ctx)
    {
        if (!ctx.AtPageTop)
        {
            ctx.NewPage();
        }

        Draw(new PdfCanvas(ctx, PageWidth, PageHeight));
        ctx.Advance(ctx.Remaining);
    }
}
