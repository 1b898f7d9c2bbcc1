using SkiaSharp;

namespace OcopPortal.Web.Infrastructure.Pdf;

/// <summary>
/// Vietnamese administrative document header (Nghị định 30/2020/NĐ-CP, Phụ lục I): issuing authority on the left
/// (40 %), national title and motto on the right (60 %), each centred with a short rule under the last bold line;
/// then the document number (left) and place/date in italics (right) on one row.
/// </summary>
internal sealed record AdministrativeHeaderBlock(string Authority1, string Authority2, string NumberLine, string PlaceDateLine) : IPdfBlock
{
    public const string NationalTitle = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    public const string Motto = "Độc lập - Tự do - Hạnh phúc";

    private static readonly TextStyle Upper = new(Size: 12, Align: TextAlign.Center, LineHeight: 1.25f, SpaceAfter: 0);
    private static readonly TextStyle UpperBold = Upper with { Bold = true };
    private static readonly TextStyle MottoStyle = UpperBold with { Size = 13 };
    private static readonly TextStyle Line = Upper with { Size = 13 };
    private static readonly TextStyle DateLine = Line with { Italic = true };

    public void Layout(LayoutContext ctx)
    {
        float leftWidth = ctx.Width * 0.4f, rightWidth = ctx.Width - leftWidth, gap = 6;
        var text = ctx.Text;

        var left = new List<TextBlock>();
        if (!string.IsNullOrWhiteSpace(Authority1)) left.Add(text.Layout(Authority1.ToUpperInvariant(), Upper, leftWidth));
        if (!string.IsNullOrWhiteSpace(Authority2)) left.Add(text.Layout(Authority2.ToUpperInvariant(), UpperBold, leftWidth));
        var right = new List<TextBlock>
        {
            text.Layout(NationalTitle, Fit(text, NationalTitle, UpperBold, rightWidth), rightWidth),
            text.Layout(Motto, Fit(text, Motto, MottoStyle, rightWidth), rightWidth),
        };
        var number = text.Layout(NumberLine, Fit(text, NumberLine, Line, leftWidth), leftWidth); // long receiving numbers stay on one line
        var date = text.Layout(PlaceDateLine, DateLine, rightWidth);

        float topHeight = Math.Max(left.Sum(b => b.Height), right.Sum(b => b.Height)) + gap * 2;
        float total = topHeight + Math.Max(number.Height, date.Height);
        ctx.EnsureSpace(total);
        float x0 = ctx.Left, x1 = ctx.Left + leftWidth, y0 = ctx.Y;
        ctx.Draw(c =>
        {
            DrawColumn(c, text, left, x0, y0, leftWidth, ruleFraction: 0.35f);
            DrawColumn(c, text, right, x1, y0, rightWidth, ruleFraction: -1);
            text.Draw(c, number, x0, y0 + topHeight);
            text.Draw(c, date, x1, y0 + topHeight);
        });
        ctx.Advance(total + 12);
    }

    /// <summary>Shrinks the font so a one-line heading (or number) fits the column.</summary>
    private static TextStyle Fit(TextEngine text, string value, TextStyle style, float width)
    {
        float w = text.Measure(value, style);
        return w <= width ? style : style with { Size = MathF.Floor(style.Size * width / w * 10) / 10 };
    }

    /// <summary>Draws stacked blocks and a rule under the last one: a fraction of the column, or the text width (-1).</summary>
    private static void DrawColumn(SKCanvas c, TextEngine text, List<TextBlock> blocks, float x, float y, float width, float ruleFraction)
    {
        if (blocks.Count == 0) return;
        foreach (var b in blocks)
        {
            text.Draw(c, b, x, y);
            y += b.Height;
        }
        var last = blocks[^1];
        float ruleWidth = ruleFraction > 0 ? width * ruleFraction : last.Lines[^1].Width;
        float ruleY = y + 4;
        using var pen = new SKPaint { Color = SKColors.Black, StrokeWidth = 0.6f, Style = SKPaintStyle.Stroke, IsAntialias = true };
        c.DrawLine(x + (width - ruleWidth) / 2, ruleY, x + (width + ruleWidth) / 2, ruleY, pen);
    }
}
