using System.Text;
using OcopPortal.Web.Infrastructure.Pdf;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using Xunit.Abstractions;

namespace OcopPortal.Tests.Infrastructure;

public sealed class PdfRendererFixture : IDisposable
{
    public PdfRenderer Renderer { get; } = new(PdfSetup.FontsUnder(TestPaths.WebRoot));

    public void Dispose() => Renderer.Dispose();
}

public sealed class PdfRendererTests(PdfRendererFixture fixture, ITestOutputHelper output) : IClassFixture<PdfRendererFixture>
{
    private const string Sentence =
        "Giấy chứng nhận sản phẩm OCOP đạt 4 sao — Bánh pía Sóc Trăng, Hợp tác xã Đặng Minh Pháp, Nguyễn Sĩ Lâm";

    private PdfRenderer Renderer => fixture.Renderer;

    private static string Nfc(string s) => s.Normalize(NormalizationForm.FormC);

    private static string Words(Page page) => Nfc(string.Join(" ", page.GetWords().Select(w => w.Text)));

    /// <summary>Set OCOP_PDF_SAMPLE_DIR to keep sample PDFs for a visual check (pdftoppm -png -r 60).</summary>
    private static void Save(string name, byte[] pdf)
    {
        var dir = Environment.GetEnvironmentVariable("OCOP_PDF_SAMPLE_DIR");
        if (!string.IsNullOrEmpty(dir)) File.WriteAllBytes(Path.Combine(dir, name), pdf);
    }

    private static void Footer(PdfPageContext p) => p.Text($"Trang {p.PageNumber}/{p.PageCount}");

    internal static void Certificate(PdfDocumentBuilder d, string sentence) => d
        .Title("Giấy chứng nhận OCOP")
        .Margins(PdfMargins.Administrative)
        .AdministrativeHeader("Ủy ban nhân dân", "tỉnh Sóc Trăng", "Số: 125/QĐ-UBND", "Sóc Trăng, ngày 15 tháng 3 năm 2025")
        .Paragraph("QUYẾT ĐỊNH", new TextStyle(Size: 14, Bold: true, Align: TextAlign.Center))
        .Stars(4, 22, outOf: 5)
        .Paragraph(sentence, new TextStyle(Align: TextAlign.Justify, FirstLineIndent: 28))
        .QrCode("https://ocop.soctrang.gov.vn/tra-cuu/SP-2025-0125", 90)
        .Paragraph("Quét mã QR để tra cứu sản phẩm", new TextStyle(Size: 10, Italic: true, Align: TextAlign.Center))
        .Table(
            [new TableColumn("STT", 0.5f, TextAlign.Center), new TableColumn("Tên sản phẩm", 3), new TableColumn("Số sao", 1, TextAlign.Center)],
            [["1", "Bánh pía Sóc Trăng nhân đậu xanh sầu riêng trứng muối", "4"], ["2", "Mè láo", "3"]])
        .Footer(Footer);

    [Fact]
    public void Letters_a_font_could_join_into_a_ligature_are_extracted_as_written()
    {
        // "ff", "fi", "fl" (a random hex suffix or an e-mail address can hold them) once came back without the pair.
        const string text = "Hợp tác xã Nông nghiệp Phú Lộc ffd8 · office@coffee.vn · fiber flour affluent";
        var pdf = Renderer.Render(d => d.Paragraph(text).Paragraph(text, new TextStyle(Bold: true)).Paragraph(text, new TextStyle(Italic: true)));

        using var doc = PdfDocument.Open(pdf);
        var extracted = Nfc(doc.GetPage(1).Text);
        Assert.Equal(3, extracted.Split(text).Length - 1);
    }

    [Fact]
    public void Vietnamese_text_given_in_NFD_is_extracted_as_NFC()
    {
        var pdf = Renderer.Render(d => Certificate(d, Sentence.Normalize(NormalizationForm.FormD)));
        Save("sample.pdf", pdf);

        using var doc = PdfDocument.Open(pdf);
        Assert.Equal(1, doc.NumberOfPages);
        var page = doc.GetPage(1);
        var words = Words(page);
        foreach (var piece in new[] { "Đặng Minh Pháp", "Bánh pía Sóc Trăng", "Nguyễn Sĩ Lâm", "Hợp tác xã", "đạt 4 sao",
                     "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "ỦY BAN NHÂN DÂN", "Số: 125/QĐ-UBND",
                     "Sóc Trăng, ngày 15 tháng 3 năm 2025", "Trang 1/1" })
            Assert.Contains(Nfc(piece), words);
        Assert.Contains(Nfc("Đặng Minh Pháp"), Nfc(page.Text));
        Assert.Equal("Giấy chứng nhận OCOP", doc.Information.Title);
    }

    [Fact]
    public void Long_table_repeats_header_on_every_page()
    {
        var rows = Enumerable.Range(1, 120)
            .Select(i => (IReadOnlyList<string>)[i.ToString(), $"Sản phẩm số {i}", "Hợp tác xã Đặng Minh Pháp", $"{i % 3 + 3} sao"]);
        var pdf = Renderer.Render(d => d
            .Paragraph("Danh sách sản phẩm OCOP", new TextStyle(Size: 14, Bold: true, Align: TextAlign.Center))
            .Table([new TableColumn("STT", 0.6f, TextAlign.Right), new TableColumn("Tên sản phẩm", 2),
                    new TableColumn("Chủ thể", 2.5f), new TableColumn("Xếp hạng", 1, TextAlign.Center)], rows,
                new TableStyle(StripeBackground: "#F7F7F7"))
            .Footer(Footer));
        Save("table.pdf", pdf);

        using var doc = PdfDocument.Open(pdf);
        Assert.True(doc.NumberOfPages > 1, $"pages: {doc.NumberOfPages}");
        foreach (var page in doc.GetPages())
        {
            var words = Words(page);
            Assert.Contains("Tên sản phẩm", words);
            Assert.Contains("Xếp hạng", words);
            Assert.Contains($"Trang {page.Number}/{doc.NumberOfPages}", words);
        }
        Assert.Contains("Sản phẩm số 120", Words(doc.GetPage(doc.NumberOfPages)));
        var all = string.Join(" ", doc.GetPages().Select(Words));
        for (int i = 1; i <= 120; i++) Assert.Contains($"Sản phẩm số {i} ", all + " ");
    }

    [Fact]
    public void Landscape_page_is_wider_than_tall()
    {
        var pdf = Renderer.Render(d => d.Paragraph("Chứng nhận", new TextStyle(Size: 28, Bold: true, Align: TextAlign.Center)),
            PdfPageSize.A4Landscape);
        using var doc = PdfDocument.Open(pdf);
        var page = doc.GetPage(1);
        Assert.True(page.Width > page.Height, $"{page.Width} x {page.Height}");
        Assert.Equal(842, page.Width, 0);
    }

    [Fact]
    public void Qr_code_is_drawn_as_vector_paths_next_to_text()
    {
        var pdf = Renderer.Render(d => d
            .Paragraph("Mã truy xuất nguồn gốc")
            .QrCode("https://ocop.example.vn/sp/123", 120, HorizontalAlign.Left)
            .Paragraph("Quét để tra cứu"));
        using var doc = PdfDocument.Open(pdf);
        var page = doc.GetPage(1);
        Assert.Contains("Mã truy xuất nguồn gốc", Words(page));
        Assert.Contains("Quét để tra cứu", Words(page));
        Assert.NotEmpty(page.Paths);
    }

    private static int EmbeddedFontFiles(byte[] pdf) =>
        System.Text.RegularExpressions.Regex.Count(Encoding.Latin1.GetString(pdf), "/FontFile2");

    private static void Notice(PdfDocumentBuilder d, int copy) => d
        .Margins(PdfMargins.Administrative)
        .AdministrativeHeader("Ủy ban nhân dân", "tỉnh Sóc Trăng", $"Số: {copy}/QĐ-UBND", "Sóc Trăng, ngày 15 tháng 3 năm 2025")
        .Stars(4, 22, outOf: 5)
        .Paragraph($"{Sentence} (bản số {copy})", new TextStyle(Align: TextAlign.Justify))
        .Footer(Footer);

    [Fact]
    public void Hundred_one_page_documents_embed_the_font_once()
    {
        var one = Renderer.Render(d => Notice(d, 1));
        var hundred = Renderer.Render(d =>
        {
            for (int i = 1; i <= 100; i++) Notice(i > 1 ? d.PageBreak() : d, i);
        });
        using var doc = PdfDocument.Open(hundred);
        Assert.Equal(100, doc.NumberOfPages);
        Assert.Equal(3, EmbeddedFontFiles(one)); // regular, bold, italic
        Assert.Equal(3, EmbeddedFontFiles(hundred));
        output.WriteLine($"1 page: {one.Length} B, 100 pages: {hundred.Length} B");
        Assert.True(hundred.Length < 3 * one.Length, $"1 page: {one.Length} B, 100 pages: {hundred.Length} B");
    }

    [Fact]
    public void Hundred_full_certificates_with_qr_stay_small()
    {
        var one = Renderer.Render(d => Certificate(d, Sentence));
        var hundred = Renderer.Render(d =>
        {
            for (int i = 1; i <= 100; i++) Certificate(i > 1 ? d.PageBreak() : d, $"{Sentence} (bản số {i})");
        });
        Save("hundred.pdf", hundred);
        using var doc = PdfDocument.Open(hundred);
        Assert.Equal(100, doc.NumberOfPages);
        Assert.Equal(EmbeddedFontFiles(one), EmbeddedFontFiles(hundred));
        // A certificate page (text, vector QR, table) costs a few KB; re-embedding fonts would cost ~50 KB per page.
        output.WriteLine($"1 page: {one.Length} B, 100 pages: {hundred.Length} B");
        Assert.True(hundred.Length < one.Length + 100 * 8 * 1024, $"1 page: {one.Length} B, 100 pages: {hundred.Length} B");
    }

    [Fact]
    public void Justified_wrapped_text_stays_inside_margins()
    {
        var text = string.Concat(Enumerable.Repeat(Sentence + " ", 12)) + "https://ocop.soctrang.gov.vn/" + new string('x', 120);
        var pdf = Renderer.Render(d => d.Paragraph(text, new TextStyle(Align: TextAlign.Justify)));
        using var doc = PdfDocument.Open(pdf);
        var page = doc.GetPage(1);
        float margin = PdfMargins.Default.Left;
        Assert.All(page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)), l =>
        {
            Assert.InRange(l.BoundingBox.Left, margin - 1, page.Width - margin + 1);
            Assert.InRange(l.BoundingBox.Right, margin - 1, page.Width - margin + 1);
        });
        Assert.Contains("Nguyễn Sĩ Lâm", Words(page));
    }

    [Fact]
    public void Signature_block_is_never_split_and_puts_the_main_signer_on_the_right()
    {
        var filler = string.Join("\n", Enumerable.Range(1, 44).Select(i => $"Dòng {i}"));
        var pdf = Renderer.Render(d => d
            .Paragraph(filler)
            .Signatures("Cần Thơ, ngày 10/06/2026",
                new SignatureParty("TM. Ủy ban nhân dân\nChủ tịch", "(Ký, ghi rõ họ tên, đóng dấu)", "Lê Văn Tâm"),
                new SignatureParty("Người lập báo cáo", "(Ký, ghi rõ họ tên)", "Trần Văn Bình")));
        Save("signature.pdf", pdf);

        using var doc = PdfDocument.Open(pdf);
        Assert.Equal(2, doc.NumberOfPages);
        Assert.DoesNotContain("Cần Thơ", Words(doc.GetPage(1)));
        var page = doc.GetPage(2);
        var words = page.GetWords().ToList();
        foreach (var piece in new[] { "Cần Thơ, ngày 10/06/2026", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "(Ký, ghi rõ họ tên, đóng dấu)", "Lê Văn Tâm",
                     "NGƯỜI LẬP BÁO CÁO", "Trần Văn Bình" })
            Assert.Contains(Nfc(piece), Words(page));
        double X(string w) => words.First(x => Nfc(x.Text) == Nfc(w)).BoundingBox.Left;
        double Y(string w) => words.First(x => Nfc(x.Text) == Nfc(w)).BoundingBox.Bottom;
        Assert.True(X("TM.") > page.Width / 2 && X("Tâm") > page.Width / 2, "main signer on the right");
        Assert.True(X("NGƯỜI") < page.Width / 2 && X("Bình") < page.Width / 2, "second signer on the left");
        Assert.True(Y("Tâm") < Y("CHỦ") - 60, "room to sign between the title and the name"); // PDF y grows upwards
    }

    [Fact]
    public void Renderer_can_be_shared_between_threads()
    {
        var results = new byte[8][];
        Parallel.For(0, results.Length, i => results[i] = Renderer.Render(d => Certificate(d, $"{Sentence} {i}")));
        foreach (var (pdf, i) in results.Select((p, i) => (p, i)))
        {
            using var doc = PdfDocument.Open(pdf);
            Assert.Contains($"Nguyễn Sĩ Lâm {i}", Words(doc.GetPage(1)));
        }
    }

    [Fact]
    public void Missing_font_file_fails_fast()
    {
        Assert.Throws<FileNotFoundException>(() => new PdfRenderer(new PdfFonts("/nonexistent/a.ttf", "/nonexistent/b.ttf")));
    }
}
