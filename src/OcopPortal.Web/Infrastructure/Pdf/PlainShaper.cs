using HarfBuzzSharp;
using SkiaSharp;
using SkiaSharp.HarfBuzz;
using HbBuffer = HarfBuzzSharp.Buffer;
using HbFont = HarfBuzzSharp.Font;

namespace OcopPortal.Web.Infrastructure.Pdf;

/// <summary>
/// HarfBuzz shaping as SkiaSharp's SKShaper does it, with ligatures turned off. Skia's PDF backend writes each glyph's
/// text from the font's character map, where a ligature glyph ("ff", "fi", "fl") has no entry: with ligatures on, a
/// name such as "HTX ffd8" was drawn correctly but copied or searched as "HTX  d8". Vietnamese needs no ligatures;
/// marks and kerning (GPOS) are still applied.
/// </summary>
internal sealed class PlainShaper : IDisposable
{
    private const int Scale = 512;

    private static readonly Feature[] NoLigatures =
    [
        new(Tag.Parse("liga"), 0),
        new(Tag.Parse("clig"), 0),
        new(Tag.Parse("dlig"), 0),
        new(Tag.Parse("hlig"), 0),
    ];

    private readonly Blob _blob;
    private readonly Face _face;
    private readonly HbFont _font;

    public PlainShaper(SKTypeface typeface)
    {
        using (var stream = typeface.OpenStream(out var index))
        {
            _blob = stream.ToHarfBuzzBlob();
            _face = new Face(_blob, index) { Index = index, UnitsPerEm = typeface.UnitsPerEm };
        }

        _font = new HbFont(_face);
        _font.SetScale(Scale, Scale);
        _font.SetFunctionsOpenType();
    }

    /// <summary>Glyph ids, their positions from the run's origin, and the run's advance, at <paramref name="font"/>'s size.</summary>
    public (uint[] Glyphs, SKPoint[] Points, float Width) Shape(string text, SKFont font)
    {
        using var buffer = new HbBuffer();
        buffer.AddUtf16(text);
        buffer.GuessSegmentProperties();
        _font.Shape(buffer, NoLigatures);
        var info = buffer.GlyphInfos;
        var positions = buffer.GlyphPositions;
        var sizeY = font.Size / Scale;
        var sizeX = sizeY * font.ScaleX;
        var glyphs = new uint[info.Length];
        var points = new SKPoint[info.Length];
        float x = 0, y = 0;
        for (var i = 0; i < info.Length; i++)
        {
            glyphs[i] = info[i].Codepoint;
            points[i] = new SKPoint(x + positions[i].XOffset * sizeX, y - positions[i].YOffset * sizeY);
            x += positions[i].XAdvance * sizeX;
            y += positions[i].YAdvance * sizeY;
        }

        return (glyphs, points, x);
    }

    public void Dispose()
    {
        _font.Dispose();
        _face.Dispose();
        _blob.Dispose();
    }
}
