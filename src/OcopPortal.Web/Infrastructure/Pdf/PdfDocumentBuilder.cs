namespace OcopPortal.Web.Infrastructure.Pdf;

/// <summary>
/// Collects document content; nothing is measured until the renderer lays it out, so the order of calls other
/// than content calls (Title, Margins, Header, Footer) does not matter. All text is normalised to NFC.
/// </summary>
public sealed class PdfDocumentBuilder
{
    private readonly List<IPdfBlock> _blocks = [];

    internal PdfDocumentBuilder() { }

    internal string? DocumentTitle { get; private set; }
    internal string? DocumentAuthor { get; private set; }
    internal string? DocumentSubject { get; private set; }
    internal PdfMargins PageMargins { get; private set; } = PdfMargins.Default;
    internal Action<PdfPageContext>? HeaderAction { get; private set; }
    internal Action<PdfPageContext>? FooterAction { get; private set; }
    internal IReadOnlyList<IPdfBlock> Blocks => _blocks;

    public PdfDocumentBuilder Title(string title) { DocumentTitle = TextEngine.Clean(title); return this; }

    public PdfDocumentBuilder Author(string author) { DocumentAuthor = TextEngine.Clean(author); return this; }

    public PdfDocumentBuilder Subject(string subject) { DocumentSubject = TextEngine.Clean(subject); return this; }

    /// <summary>Page margins for every page (default 2 cm; see <see cref="PdfMargins.Administrative"/>).</summary>
    public PdfDocumentBuilder Margins(PdfMargins margins) { PageMargins = margins; return this; }

    /// <summary>Called for each page after layout, so PageCount is known (e.g. "Trang 1/3").</summary>
    public PdfDocumentBuilder Header(Action<PdfPageContext> draw) { HeaderAction = draw; return this; }

    public PdfDocumentBuilder Footer(Action<PdfPageContext> draw) { FooterAction = draw; return this; }

    /// <summary>Wrapped text; '\n' starts a new line. Breaks across pages between lines.</summary>
    public PdfDocumentBuilder Paragraph(string text, TextStyle? style = null) =>
        Add(new ParagraphBlock(text, style ?? TextStyle.Default));

    /// <summary>Table with the header row repeated on every page it spans. Missing cells are blank.</summary>
    public PdfDocumentBuilder Table(IReadOnlyList<TableColumn> columns, IEnumerable<IReadOnlyList<string>> rows, TableStyle? style = null) =>
        Add(new TableBlock(columns, rows.ToList(), style ?? TableStyle.Default));

    public PdfDocumentBuilder Spacer(float points) => Add(new SpacerBlock(points));

    public PdfDocumentBuilder PageBreak() => Add(new PageBreakBlock());

    /// <summary>QR code (ECC level M, vector modules) of <paramref name="sizePoints"/> including its quiet zone.</summary>
    public PdfDocumentBuilder QrCode(string payload, float sizePoints, HorizontalAlign align = HorizontalAlign.Center, float spaceAfter = 6) =>
        Add(new QrBlock(payload, sizePoints, align, spaceAfter));

    /// <summary>A row of vector stars: <paramref name="count"/> filled, then outlined ones up to <paramref name="outOf"/>.</summary>
    public PdfDocumentBuilder Stars(int count, float sizePoints, HorizontalAlign align = HorizontalAlign.Center,
        int outOf = 0, string color = "#E0A100", float spaceAfter = 6) =>
        Add(new StarsBlock(count, outOf, sizePoints, align, color, spaceAfter));

    /// <summary>
    /// Two-column header of Vietnamese administrative documents: authority (left, upper case) and
    /// "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập - Tự do - Hạnh phúc" (right), then number and place/date.
    /// </summary>
    public PdfDocumentBuilder AdministrativeHeader(string authorityLine1, string authorityLine2, string numberLine, string placeDateLine) =>
        Add(new AdministrativeHeaderBlock(authorityLine1, authorityLine2, numberLine, placeDateLine));

    /// <summary>
    /// Signature area: place/date (italic) over <paramref name="right"/>, optionally a second signer on the left, with
    /// <paramref name="signingSpace"/> points left blank above each name for the signature and seal. Kept on one page.
    /// </summary>
    public PdfDocumentBuilder Signatures(string? placeDateLine, SignatureParty right, SignatureParty? left = null, float signingSpace = 72) =>
        Add(new SignatureBlock(placeDateLine, right, left, signingSpace));

    /// <summary>
    /// A page drawn freely with absolute coordinates (a certificate): <paramref name="draw"/> gets the page size; the
    /// next content starts on a new page. <paramref name="size"/> must be the size the document is rendered with.
    /// </summary>
    public PdfDocumentBuilder CanvasPage(Action<PdfCanvas> draw, PdfPageSize size)
    {
        var (width, height) = PageSizes.Of(size);
        return Add(new CanvasPageBlock(draw, width, height));
    }

    private PdfDocumentBuilder Add(IPdfBlock block) { _blocks.Add(block); return this; }
}
