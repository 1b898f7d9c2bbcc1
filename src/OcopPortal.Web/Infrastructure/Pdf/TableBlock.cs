using SkiaSharp;

namespace OcopPortal.Web.Infrastructure.Pdf;

/// <summary>
/// Bordered table with wrapped cells. Rows never split; a row that does not fit moves to the next page and the
/// header row is repeated there. A single row taller than a whole page overflows the bottom margin.
/// </summary>
internal sealed class TableBlock(IReadOnlyList<TableColumn> columns, IEnumerable<IReadOnlyList<string>> rows, TableStyle style) : IPdfBlock
{
    private sealed record Row(TextBlock[] Cells, float Height, bool Header, int Index);

    public void Layout(LayoutContext ctx)
    {
        if (columns.Count == 0) return;
        float totalWeight = columns.Sum(c => Math.Max(0.0001f, c.Weight));
        var widths = columns.Select(c => ctx.Width * Math.Max(0.0001f, c.Weight) / totalWeight).ToArray();
        var header = Measure(ctx, columns.Select(c => c.Header).ToList(), widths, header: true, index: -1);

        bool first = true;
        int index = 0;
        foreach (var cells in rows)
        {
            var row = Measure(ctx, cells, widths, header: false, index: index++);
            if (first) ctx.EnsureSpace(header.Height + row.Height); // no orphan header at a page bottom
            else if (!ctx.Fits(row.Height)) ctx.NewPage();
            if (first || ctx.AtPageTop) Place(ctx, header, widths);
            Place(ctx, row, widths);
            first = false;
        }
        if (first) { ctx.EnsureSpace(header.Height); Place(ctx, header, widths); }
        ctx.Advance(style.SpaceAfter);
    }

    private Row Measure(LayoutContext ctx, IReadOnlyList<string> cells, float[] widths, bool header, int index)
    {
        var blocks = new TextBlock[columns.Count];
        float height = 0;
        for (int i = 0; i < columns.Count; i++)
        {
            var text = i < cells.Count ? cells[i] : string.Empty;
            var cellStyle = new TextStyle(
                Size: style.FontSize,
                Bold: header,
                Align: header ? TextAlign.Center : columns[i].Align,
                LineHeight: 1.25f,
                SpaceAfter: 0);
            blocks[i] = ctx.Text.Layout(text, cellStyle, Math.Max(1, widths[i] - 2 * style.Padding));
            height = Math.Max(height, blocks[i].Height);
        }
        return new Row(blocks, height + 2 * style.Padding, header, index);
    }

    private void Place(LayoutContext ctx, Row row, float[] widths)
    {
        float top = ctx.Y, left = ctx.Left;
        string? background = row.Header ? style.HeaderBackground : row.Index % 2 == 1 ? style.StripeBackground : null;
        var text = ctx.Text;
        ctx.Draw(c =>
        {
            float x = left, width = widths.Sum();
            if (background is not null)
            {
                using var fill = new SKPaint { Color = SKColor.Parse(background), Style = SKPaintStyle.Fill };
                c.DrawRect(SKRect.Create(left, top, width, row.Height), fill);
            }
            using var border = new SKPaint
            {
                Color = SKColor.Parse(style.BorderColor),
                Style = SKPaintStyle.Stroke,
                StrokeWidth = style.BorderWidth,
                IsAntialias = true,
            };
            for (int i = 0; i < widths.Length; i++)
            {
                text.Draw(c, row.Cells[i], x + style.Padding, top + style.Padding);
                if (style.BorderWidth > 0) c.DrawRect(SKRect.Create(x, top, widths[i], row.Height), border);
                x += widths[i];
            }
        });
        ctx.Advance(row.Height);
    }
}
