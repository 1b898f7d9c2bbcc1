using System.Text;
using OcopPortal.Web.Infrastructure.Files;

namespace OcopPortal.Tests.Infrastructure;

/// <summary>The pure checks behind uploads: what the content is, what the name becomes, how sizes read.</summary>
public sealed class FileChecksTests
{
    public static TheoryData<string, FileKind?> Contents => new()
    {
        { nameof(TestFiles.Pdf), FileKind.Pdf },
        { nameof(TestFiles.Png), FileKind.Png },
        { nameof(TestFiles.Jpeg), FileKind.Jpeg },
        { nameof(TestFiles.Docx), FileKind.Docx },
        { nameof(TestFiles.Xlsx), FileKind.Xlsx },
        { nameof(TestFiles.Html), null },
        { nameof(TestFiles.Exe), null },
        { nameof(TestFiles.LegacyDoc), null },
        { nameof(TestFiles.ZipWithoutDocument), null },
        { nameof(TestFiles.DocxWithMacros), null },
    };

    public static byte[] Sample(string name) => (byte[])typeof(TestFiles).GetMethod(name)!.Invoke(null, null)!;

    [Theory]
    [MemberData(nameof(Contents))]
    public void Content_is_recognised_by_its_bytes_only(string sample, FileKind? expected)
    {
        var bytes = Sample(sample);
        using var content = new MemoryStream(bytes);

        Assert.Equal(expected, FileInspector.Detect(bytes, content));
    }

    [Fact]
    public void A_zip_is_not_an_office_file_unless_its_parts_can_be_read()
    {
        Assert.Null(FileInspector.Detect(TestFiles.Docx(), zipForOffice: null));
        byte[] broken = [0x50, 0x4B, 0x03, 0x04, .. Encoding.ASCII.GetBytes("word/document.xml [Content_Types].xml")];
        using var content = new MemoryStream(broken);
        Assert.Null(FileInspector.Detect(broken, content));
    }

    [Fact]
    public void Legacy_office_files_are_told_apart_for_their_own_advice()
    {
        Assert.True(FileInspector.IsLegacyOffice(TestFiles.LegacyDoc()));
        Assert.False(FileInspector.IsLegacyOffice(TestFiles.Docx()));
    }

    [Theory]
    [InlineData("../../x.pdf", "x.pdf")] // documented rule: folders are dropped, not refused
    [InlineData(@"C:\temp\x.pdf", "x.pdf")]
    [InlineData(@"..\..\Windows\system32\x.pdf", "x.pdf")]
    [InlineData("Giấy chứng nhận   ATTP\t2025.pdf", "Giấy chứng nhận ATTP 2025.pdf")]
    [InlineData("Báo cáo: quý 1?.pdf", "Báo cáo quý 1.pdf")]
    [InlineData("a<b>|c*.docx", "a b c.docx")]
    [InlineData(".htaccess", "htaccess")]
    [InlineData("...ảnh.png", "ảnh.png")]
    [InlineData("ảnh sản phẩm.png. . ", "ảnh sản phẩm.png")]
    [InlineData("hoá đơn\u0000\u0007.pdf", "hoá đơn.pdf")]
    [InlineData("hoadon\u202Efdp.exe", "hoadonfdp.exe")] // a bidi override would display as "hoadonexe.pdf"
    [InlineData("zero\u200Bwidth.pdf", "zerowidth.pdf")]
    public void Names_are_sanitised(string given, string expected)
    {
        Assert.Equal(expected, FileNames.Sanitise(given));
    }

    [Fact]
    public void Decomposed_Vietnamese_is_stored_composed()
    {
        var decomposed = "Hồ sơ sản phẩm.pdf".Normalize(NormalizationForm.FormD);

        Assert.Equal("Hồ sơ sản phẩm.pdf".Normalize(NormalizationForm.FormC), FileNames.Sanitise(decomposed));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("...")]
    [InlineData("../../")]
    [InlineData(@"C:\temp\")]
    [InlineData("\u202E\u0001")]
    [InlineData("<>:|?*")]
    public void Names_with_nothing_left_are_refused_not_invented(string given)
    {
        Assert.Null(FileNames.Sanitise(given));
    }

    [Fact]
    public void Long_names_are_cut_to_the_limit_keeping_the_extension()
    {
        var name = FileNames.Sanitise(string.Concat(Enumerable.Repeat("Kiểm nghiệm ", 30)) + ".pdf");

        Assert.Equal(string.Concat(Enumerable.Repeat("Kiểm nghiệm ", 12)) + "Ki.pdf", name);
        Assert.Equal(FileNames.MaxLength, name!.Length);
    }

    [Fact]
    public void Cutting_never_splits_a_character()
    {
        var name = FileNames.Sanitise(new string('a', 145) + "😀b.pdf");

        Assert.Equal(new string('a', 145) + ".pdf", name); // the emoji (two UTF-16 units) would overrun: dropped whole
    }

    [Theory]
    [InlineData(20L * 1024 * 1024, "20 MB")]
    [InlineData(200L * 1024 * 1024, "200 MB")]
    [InlineData(26_528_972L, "25,3 MB")]
    [InlineData(20L * 1024 * 1024 + 1, "20,1 MB")] // just over a limit never reads as equal to it
    [InlineData(6000L, "5,9 KB")]
    [InlineData(512L * 1024, "512 KB")]
    [InlineData(900L, "900 byte")]
    public void Sizes_are_written_the_Vietnamese_way(long bytes, string expected)
    {
        Assert.Equal(expected, FileSizes.Format(bytes));
    }
}
