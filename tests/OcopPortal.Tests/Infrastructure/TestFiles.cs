using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Http;
using SkiaSharp;

namespace OcopPortal.Tests.Infrastructure;

/// <summary>Tiny real files of each kind, and look-alikes that must be refused, built in memory.</summary>
public static class TestFiles
{
    public static byte[] Pdf() => Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n"
        + "3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 72 72]>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n");

    public static byte[] Png() => Image(SKEncodedImageFormat.Png);

    public static byte[] Jpeg() => Image(SKEncodedImageFormat.Jpeg);

    public static byte[] Docx() => Zip(
        ("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"),
        ("_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"/>"),
        ("word/document.xml", "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>Hồ sơ</w:t></w:r></w:p></w:body></w:document>"));

    public static byte[] Xlsx() => Zip(
        ("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"),
        ("_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"/>"),
        ("xl/workbook.xml", "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheets/></workbook>"));

    /// <summary>A ZIP that looks like a Word file but lacks its main part.</summary>
    public static byte[] ZipWithoutDocument() => Zip(("[Content_Types].xml", "<Types/>"), ("word/styles.xml", "<styles/>"));

    /// <summary>A .docm renamed .docx: the parts are all there, plus a VBA project.</summary>
    public static byte[] DocxWithMacros() => Zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<document/>"), ("word/vbaProject.bin", "VBA"));

    /// <summary>The 512-byte header of a Compound File (Word 97-2003 .doc).</summary>
    public static byte[] LegacyDoc() => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]];

    public static byte[] Html() => Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><script>alert('xss')</script></body></html>");

    /// <summary>A Windows program's first bytes ("MZ").</summary>
    public static byte[] Exe() => [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, .. new byte[120]];

    public static IFormFile Upload(string name, byte[] content) =>
        new FormFile(new MemoryStream(content), 0, content.Length, "file", name) { Headers = new HeaderDictionary(), ContentType = "application/octet-stream" };

    private static byte[] Image(SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(2, 2);
        bitmap.Erase(SKColors.ForestGreen);
        using var data = bitmap.Encode(format, 90);
        return data.ToArray();
    }

    private static byte[] Zip(params (string Name, string Text)[] parts)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in parts)
            {
                using var entry = new StreamWriter(zip.CreateEntry(name).Open(), Encoding.UTF8);
                entry.Write(text);
            }
        }

        return buffer.ToArray();
    }
}

/// <summary>An upload whose declared length is smaller than what its stream delivers.</summary>
public sealed class LyingFormFile(string fileName, byte[] content, long declaredLength) : IFormFile
{
    public string ContentType => "application/pdf";

    public string ContentDisposition => $"form-data; name=\"file\"; filename=\"{fileName}\"";

    public IHeaderDictionary Headers { get; } = new HeaderDictionary();

    public long Length => declaredLength;

    public string Name => "file";

    public string FileName => fileName;

    public Stream OpenReadStream() => new MemoryStream(content);

    public void CopyTo(Stream target) => target.Write(content);

    public Task CopyToAsync(Stream target, CancellationToken cancellationToken = default) => target.WriteAsync(content, cancellationToken).AsTask();
}
