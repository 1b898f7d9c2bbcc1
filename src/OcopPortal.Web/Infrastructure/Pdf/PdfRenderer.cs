using SkiaSharp;

namespace OcopPortal.Web.Infrastructure.Pdf;

/// <summary>
/// Renders documents composed with <see cref="PdfDocumentBuilder"/> to PDF through Skia's PDF backend
/// (fonts embedded once per document, text extractable). Thread-safe: the typefaces are loaded once and shared
/// (SKTypeface is immutable); HarfBuzz shapers and fonts are created per Render call. Register as a singleton.
/// </summary>
public sealed class PdfRenderer : IDisposable
{
    private readonly SKTypeface _regular, _bold, _italic;
    private volatile bool _disposed;

    public PdfRenderer(PdfFonts fonts)
    {
        ArgumentNullException.ThrowIfNull(fonts);
        _regular = Load(fonts.RegularPath);
        _bold = Load(fonts.BoldPath);
        _italic = fonts.ItalicPath is null ? _regular : Load(fonts.ItalicPath);
    }

    private static SKTypeface Load(string path) =>
        File.Exists(path)
            ? SKTypeface.FromFile(path) ?? throw new InvalidOperationException($"Not a usable font file: {path}")
            : throw new FileNotFoundException("PDF font file not found.", path);

    public byte[] Render(Action<PdfDocumentBuilder> compose, PdfPageSize size = PdfPageSize.A4Portrait)
    {
        using var buffer = new MemoryStream();
        Render(buffer, compose, size);
        return buffer.ToArray();
    }

    /// <summary>Writes the PDF to <paramref name="output"/> (left open). Layout happens in memory, then pages stream out.</summary>
    public void Render(Stream output, Action<PdfDocumentBuilder> compose, PdfPageSize size = PdfPageSize.A4Portrait)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(compose);
        ObjectDisposedException.ThrowIf(_disposed, this);

        var builder = new PdfDocumentBuilder();
        compose(builder);
        var (width, height) = PageSizes.Of(size);
        var margins = builder.PageMargins;

        using var text = new TextEngine(_regular, _bold, _italic);
        var layout = new LayoutContext(text, width, height, margins);
        foreach (var block in builder.Blocks) block.Layout(layout);

        var metadata = SKDocumentPdfMetadata.Default;
        metadata.Title = builder.DocumentTitle ?? string.Empty;
        metadata.Author = builder.DocumentAuthor ?? string.Empty;
        metadata.Subject = builder.DocumentSubject ?? string.Empty;
        metadata.Creator = "OCOP Portal";
        metadata.Producer = "OCOP Portal (SkiaSharp)";

        using var document = SKDocument.CreatePdf(output, metadata)
            ?? throw new InvalidOperationException("Skia could not create a PDF document.");
        var pages = layout.Pages;
        for (int i = 0; i < pages.Count; i++)
        {
            var canvas = document.BeginPage(width, height);
            foreach (var op in pages[i]) op(canvas);
            builder.HeaderAction?.Invoke(new PdfPageContext(canvas, text, i + 1, pages.Count, width, height, margins, header: true));
            builder.FooterAction?.Invoke(new PdfPageContext(canvas, text, i + 1, pages.Count, width, height, margins, header: false));
            document.EndPage();
        }
        document.Close();
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        if (!ReferenceEquals(_italic, _regular)) _italic.Dispose();
        _bold.Dispose();
        _regular.Dispose();
    }
}
