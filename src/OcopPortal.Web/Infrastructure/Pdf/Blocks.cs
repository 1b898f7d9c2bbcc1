using SkiaSharp;

namespace OcopPortal.Web.Infrastructure.Pdf;

internal sealed record ParagraphBlock(string Text, TextStyle Style) : IPdfBlock
{
    public void Layout(LayoutContext ctx)
    {
        ctx.PlaceText(ctx.Text.Layout(Text, Style, ctx.Width), ctx.Left);
        ctx.Advance(Style.SpaceAfter);
    }
}

internal sealed record SpacerBlock(float Height) : IPdfBlock
{
    public void Layout(LayoutContext ctx)
    {
        if (ctx.Fits(Height)) ctx.Advance(Height);
        else ctx.NewPage(); // a spacer never carries over to the next page
    }
}

internal sealed class PageBreakBlock : IPdfBlock
{
    public void Layout(LayoutContext ctx) => ctx.NewPage();
}

/// <summary>QR code drawn as one vector path of dark modules (quiet zone included in the size).</summary>
internal sealed record QrBlock(string Payload, float Size, HorizontalAlign Align, float SpaceAfter) : IPdfBlock
{
    public void Layout(LayoutContext ctx)
    {
        var (contours, modules) = QrOutline.Create(Payload);
        ctx.EnsureSpace(Size);
        float x = ctx.AlignX(Size, Align), y = ctx.Y, module = Size / modules;
        ctx.Draw(c =>
        {
            // Path in module units under a scale transform: small integer coordinates keep the content stream compact.
            using var paint = new SKPaint { Color = SKColors.Black, Style = SKPaintStyle.Fill };
            using var path = new SKPath { FillType = SKPathFillType.Winding };
            foreach (var contour in contours) path.AddPoly(contour, close: true);
            c.Save();
            c.Translate(x, y);
            c.Scale(module);
            c.DrawPath(path, paint);
            c.Restore();
        });
        ctx.Advance(Size + SpaceAfter);
    }
}

/// <summary>A row of 5-point stars: <c>Count</c> filled, the rest up to <c>OutOf</c> outlined.</summary>
internal sealed record StarsBlock(int Count, int OutOf, float Size, HorizontalAlign Align, string Color, float SpaceAfter) : IPdfBlock
{
    public void Layout(LayoutContext ctx)
    {
        int total = Math.Max(Count, OutOf);
        if (total <= 0) return;
        float gap = Size * 0.2f, width = total * Size + (total - 1) * gap;
        ctx.EnsureSpace(Size);
        float x = ctx.AlignX(width, Align), y = ctx.Y;
        var color = SKColor.Parse(Color);
        ctx.Draw(c =>
        {
            using var fill = new SKPaint { Color = color, IsAntialias = true, Style = SKPaintStyle.Fill };
            using var stroke = new SKPaint { Color = color, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = Math.Max(0.5f, Size / 24) };
            for (int i = 0; i < total; i++)
            {
                using var star = StarPath(x + i * (Size + gap) + Size / 2, y + Size / 2, Size / 2);
                c.DrawPath(star, i < Count ? fill : stroke);
            }
        });
        ctx.Advance(Size + SpaceAfter);
    }

    internal static SKPath StarPath(float cx, float cy, float outer)
    {
        float inner = outer * 0.382f;
        var path = new SKPath();
        for (int k = 0; k < 10; k++)
        {
            double angle = -Math.PI / 2 + k * Math.PI / 5;
            float r = k % 2 == 0 ? outer : inner;
            var p = new SKPoint(cx + r * (float)Math.Cos(angle), cy + r * (float)Math.Sin(angle));
            if (k == 0) path.MoveTo(p); else path.LineTo(p);
        }
        path.Close();
        return path;
    }
}
