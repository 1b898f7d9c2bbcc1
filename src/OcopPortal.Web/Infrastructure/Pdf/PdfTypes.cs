namespace OcopPortal.Web.Infrastructure.Pdf;

/// <summary>Paths of the TTF files used for every document. ItalicPath is optional (falls back to regular).</summary>
public sealed record PdfFonts(string RegularPath, string BoldPath, string? ItalicPath = null);

public enum PdfPageSize { A4Portrait, A4Landscape }

public enum TextAlign { Left, Center, Right, Justify }

public enum HorizontalAlign { Left, Center, Right }

/// <summary>Page margins in points (1 cm = 28.35 pt). Header and footer are drawn inside the top and bottom margins.</summary>
public sealed record PdfMargins(float Left, float Top, float Right, float Bottom)
{
    public const float PointsPerCm = 72f / 2.54f;

    public static PdfMargins FromCm(float left, float top, float right, float bottom) =>
        new(left * PointsPerCm, top * PointsPerCm, right * PointsPerCm, bottom * PointsPerCm);

    /// <summary>2 cm on every side.</summary>
    public static PdfMargins Default { get; } = FromCm(2, 2, 2, 2);

    /// <summary>Vietnamese administrative documents (Nghị định 30/2020): left 3 cm, right 2 cm, top/bottom 2 cm.</summary>
    public static PdfMargins Administrative { get; } = FromCm(3, 2, 2, 2);
}

/// <summary>Text appearance. Sizes in points; Color is "#RRGGBB"; LineHeight is a multiple of Size.</summary>
public sealed record TextStyle(
    float Size = 12,
    bool Bold = false,
    bool Italic = false,
    TextAlign Align = TextAlign.Left,
    string Color = "#000000",
    float LineHeight = 1.3f,
    float SpaceAfter = 6,
    float FirstLineIndent = 0)
{
    public static TextStyle Default { get; } = new();
}

/// <summary>A table column: header text, relative width (weights are normalised to the content width) and cell alignment.</summary>
public sealed record TableColumn(string Header, float Weight = 1, TextAlign Align = TextAlign.Left);

public sealed record TableStyle(
    float FontSize = 10,
    float Padding = 4,
    float BorderWidth = 0.5f,
    string BorderColor = "#444444",
    string HeaderBackground = "#E6EDF5",
    string? StripeBackground = null,
    float SpaceAfter = 8)
{
    public static TableStyle Default { get; } = new();
}

internal static class PageSizes
{
    private const float A4Short = 595.2756f, A4Long = 841.8898f;

    public static (float Width, float Height) Of(PdfPageSize size) => size switch
    {
        PdfPageSize.A4Landscape => (A4Long, A4Short),
        _ => (A4Short, A4Long),
    };
}
