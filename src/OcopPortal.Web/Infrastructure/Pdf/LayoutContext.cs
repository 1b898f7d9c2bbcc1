using SkiaSharp;

namespace OcopPortal.Web.Infrastructure.Pdf;

/// <summary>A content block that places itself on pages, adding page breaks as needed.</summary>
internal interface IPdfBlock
{
    void Layout(LayoutContext ctx);
}

/// <summary>
/// Cursor over the content area of the pages (y grows downwards, points from the page top).
/// Layout runs completely before drawing so that the total page count is known to headers and footers.
/// </summary>
internal sealed class LayoutContext(TextEngine text, float pageWidth, float pageHeight, PdfMargins margins)
{
    private const float Epsilon = 0.01f;
    private readonly List<List<Action<SKCanvas>>> _pages = [[]];

    public TextEngine Text { get; } = text;
    public float Left { get; } = margins.Left;
    public float Top { get; } = margins.Top;
    public float Width { get; } = pageWidth - margins.Left - margins.Right;
    public float Bottom { get; } = pageHeight - margins.Bottom;
    public float Y { get; private set; } = margins.Top;
    public float Remaining => Bottom - Y;
    public bool AtPageTop => Y <= Top + Epsilon;
    public IReadOnlyList<IReadOnlyList<Action<SKCanvas>>> Pages => _pages;

    public void NewPage()
    {
        _pages.Add([]);
        Y = Top;
    }

    /// <summary>Starts a new page unless <paramref name="height"/> fits (or we are already at a page top).</summary>
    public void EnsureSpace(float height)
    {
        if (height > Remaining + Epsilon && !AtPageTop) NewPage();
    }

    public bool Fits(float height) => height <= Remaining + Epsilon;

    public void Advance(float height) => Y = Math.Min(Y + height, Bottom);

    public void Draw(Action<SKCanvas> op) => _pages[^1].Add(op);

    public float AlignX(float width, HorizontalAlign align) => align switch
    {
        HorizontalAlign.Center => Left + (Width - width) / 2,
        HorizontalAlign.Right => Left + Width - width,
        _ => Left,
    };

    /// <summary>Places a text block line by line, breaking pages between lines.</summary>
    public void PlaceText(TextBlock block, float left)
    {
        int i = 0;
        while (i < block.Lines.Count)
        {
            if (!Fits(block.LineHeight) && !AtPageTop) NewPage();
            int n = Math.Clamp((int)((Remaining + Epsilon) / block.LineHeight), 1, block.Lines.Count - i);
            var slice = block.Slice(i, n);
            float y = Y;
            Draw(c => Text.Draw(c, slice, left, y));
            Y += n * block.LineHeight;
            i += n;
        }
    }
}
