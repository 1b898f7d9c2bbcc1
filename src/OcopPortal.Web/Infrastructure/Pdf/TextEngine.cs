using System.Globalization;
using System.Text;
using SkiaSharp;

namespace OcopPortal.Web.Infrastructure.Pdf;

/// <summary>Glyphs positioned relative to the line origin (left edge of the line, baseline) shifted by X.</summary>
internal sealed record GlyphRun(ushort[] Glyphs, SKPoint[] Points, float X);

/// <summary>One laid-out line; X is the alignment offset inside the box, Width the inked advance.</summary>
internal sealed record TextLine(IReadOnlyList<GlyphRun> Runs, float X, float Width);

internal sealed record TextBlock(IReadOnlyList<TextLine> Lines, TextStyle Style, float LineHeight)
{
    public float Height => Lines.Count * LineHeight;

    public TextBlock Slice(int start, int count) => this with { Lines = Lines.Skip(start).Take(count).ToList() };
}

/// <summary>
/// Shapes (HarfBuzz, without ligatures: <see cref="PlainShaper"/>), measures, wraps and draws text. One instance per
/// Render call, so shapers are never shared between concurrent renders.
/// </summary>
internal sealed class TextEngine : IDisposable
{
    private readonly SKTypeface[] _faces;
    private readonly PlainShaper[] _shapers;
    private readonly Dictionary<(int Face, float Size), SKFont> _fonts = new();
    private readonly Dictionary<(int Face, float Size, string Text), float> _widths = new();

    public TextEngine(SKTypeface regular, SKTypeface bold, SKTypeface italic)
    {
        _faces = [regular, bold, italic];
        _shapers = _faces.Select(f => new PlainShaper(f)).ToArray();
    }

    public static string Clean(string? text) =>
        (text ?? string.Empty).Normalize(NormalizationForm.FormC).Replace("\r\n", "\n").Replace('\t', ' ');

    private static int FaceIndex(TextStyle s) => s.Bold ? 1 : s.Italic ? 2 : 0;

    public SKFont Font(TextStyle s)
    {
        var key = (FaceIndex(s), s.Size);
        if (!_fonts.TryGetValue(key, out var font))
        {
            font = new SKFont(_faces[key.Item1], s.Size) { Subpixel = true, LinearMetrics = true, Hinting = SKFontHinting.None };
            _fonts[key] = font;
        }
        return font;
    }

    private (uint[] Glyphs, SKPoint[] Points, float Width) Shape(string text, TextStyle s) => _shapers[FaceIndex(s)].Shape(text, Font(s));

    public float Measure(string text, TextStyle s)
    {
        var key = (FaceIndex(s), s.Size, text);
        if (!_widths.TryGetValue(key, out var w))
            _widths[key] = w = Shape(text, s).Width;
        return w;
    }

    private GlyphRun Run(string text, TextStyle s, float x)
    {
        var r = Shape(text, s);
        return new GlyphRun(r.Glyphs.Select(g => (ushort)g).ToArray(), r.Points, x);
    }

    /// <summary>Wraps at spaces (words wider than the box are split between graphemes) and aligns each line.</summary>
    public TextBlock Layout(string? text, TextStyle s, float maxWidth)
    {
        var lines = new List<TextLine>();
        foreach (var para in Clean(text).Split('\n'))
        {
            var words = para.Split(' ', StringSplitOptions.RemoveEmptyEntries).SelectMany(w => SplitLong(w, s, maxWidth)).ToList();
            var space = Measure(" ", s);
            var current = new List<string>();
            float currentWidth = 0;
            int paraStart = lines.Count;
            for (int i = 0; i <= words.Count; i++)
            {
                float indent = lines.Count == paraStart ? s.FirstLineIndent : 0;
                if (i < words.Count)
                {
                    var w = Measure(words[i], s);
                    var needed = current.Count == 0 ? w : currentWidth + space + w;
                    if (current.Count == 0 || needed <= maxWidth - indent) { current.Add(words[i]); currentWidth = needed; continue; }
                }
                lines.Add(MakeLine(current, currentWidth, s, maxWidth, indent, last: i == words.Count));
                if (i < words.Count) { current = [words[i]]; currentWidth = Measure(words[i], s); }
            }
        }
        return new TextBlock(lines, s, s.Size * s.LineHeight);
    }

    private TextLine MakeLine(List<string> words, float width, TextStyle s, float maxWidth, float indent, bool last)
    {
        if (words.Count == 0) return new TextLine([], indent, 0);
        float room = maxWidth - indent;
        if (s.Align == TextAlign.Justify && !last && words.Count > 1)
        {
            float extra = (room - width) / (words.Count - 1), x = 0, space = Measure(" ", s);
            var runs = new List<GlyphRun>(words.Count);
            for (int i = 0; i < words.Count; i++)
            {
                // Trailing space glyph kept so text extraction sees word boundaries.
                runs.Add(Run(i < words.Count - 1 ? words[i] + " " : words[i], s, x));
                x += Measure(words[i], s) + space + extra;
            }
            return new TextLine(runs, indent, room);
        }
        var line = string.Join(' ', words);
        float offset = s.Align switch
        {
            TextAlign.Center => (room - width) / 2,
            TextAlign.Right => room - width,
            _ => 0,
        };
        return new TextLine([Run(line, s, 0)], indent + Math.Max(0, offset), width);
    }

    private IEnumerable<string> SplitLong(string word, TextStyle s, float maxWidth)
    {
        if (Measure(word, s) <= maxWidth) { yield return word; yield break; }
        var chunk = new StringBuilder();
        var e = StringInfo.GetTextElementEnumerator(word);
        while (e.MoveNext())
        {
            var element = e.GetTextElement();
            if (chunk.Length > 0 && Measure(chunk + element, s) > maxWidth) { yield return chunk.ToString(); chunk.Clear(); }
            chunk.Append(element);
        }
        if (chunk.Length > 0) yield return chunk.ToString();
    }

    /// <summary>Baseline offset from the top of a line box (glyph box centred vertically in the line).</summary>
    public float BaselineOffset(TextStyle s, float lineHeight)
    {
        var m = Font(s).Metrics;
        return (lineHeight - (m.Descent - m.Ascent)) / 2 - m.Ascent;
    }

    public void Draw(SKCanvas canvas, TextBlock block, float left, float top)
    {
        using var paint = new SKPaint { Color = SKColor.Parse(block.Style.Color), IsAntialias = true };
        var font = Font(block.Style);
        float baseline = top + BaselineOffset(block.Style, block.LineHeight);
        foreach (var line in block.Lines)
        {
            if (line.Runs.Count > 0)
            {
                using var builder = new SKTextBlobBuilder();
                foreach (var run in line.Runs)
                {
                    var points = run.Points.Select(p => new SKPoint(p.X + run.X, p.Y)).ToArray();
                    builder.AddPositionedRun(run.Glyphs, font, points);
                }
                using var blob = builder.Build();
                if (blob is not null) canvas.DrawText(blob, left + line.X, baseline, paint);
            }
            baseline += block.LineHeight;
        }
    }

    public void Dispose()
    {
        foreach (var f in _fonts.Values) f.Dispose();
        foreach (var s in _shapers) s.Dispose();
    }
}
