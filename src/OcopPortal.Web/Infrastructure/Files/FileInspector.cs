using System.IO.Compression;

namespace OcopPortal.Web.Infrastructure.Files;

/// <summary>
/// Recognises an upload by its content, never by its name: a renamed HTML page or program must not be served
/// back to another user as a "PDF". Only the five kinds a dossier needs are recognised; everything else is null.
/// </summary>
public static class FileInspector
{
    private static ReadOnlySpan<byte> Pdf => "%PDF-"u8;

    private static ReadOnlySpan<byte> Jpeg => [0xFF, 0xD8, 0xFF];

    private static ReadOnlySpan<byte> Png => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> Zip => [0x50, 0x4B, 0x03, 0x04]; // "PK\x03\x04"

    // Compound File Binary: the container of Word 97-2003 (.doc) and Excel 97-2003 (.xls).
    private static ReadOnlySpan<byte> Ole => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>
    /// The kind of the content whose first bytes are <paramref name="head"/>. A ZIP is only DOCX or XLSX when
    /// <paramref name="zipForOffice"/> (the whole content, seekable) holds the parts that make it one.
    /// </summary>
    public static FileKind? Detect(ReadOnlySpan<byte> head, Stream? zipForOffice)
    {
        if (head.StartsWith(Pdf))
        {
            return FileKind.Pdf;
        }

        if (head.StartsWith(Png))
        {
            return FileKind.Png;
        }

        if (head.StartsWith(Jpeg))
        {
            return FileKind.Jpeg;
        }

        return head.StartsWith(Zip) && zipForOffice is not null ? DetectOffice(zipForOffice) : null;
    }

    /// <summary>True for Word/Excel 97-2003 files, which get their own advice ("save as DOCX/XLSX").</summary>
    public static bool IsLegacyOffice(ReadOnlySpan<byte> head) => head.StartsWith(Ole);

    private static FileKind? DetectOffice(Stream content)
    {
        try
        {
            // Reads the central directory only: no entry is decompressed, so a ZIP bomb costs nothing here.
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.OrdinalIgnoreCase);
            // Macro-enabled documents (.docm/.xlsm renamed) carry a VBA project; evidence has no need of code.
            if (!names.Contains("[Content_Types].xml") || names.Any(n => n.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase)))
            {
                return null;
            }

            return names.Contains("word/document.xml") ? FileKind.Docx
                : names.Contains("xl/workbook.xml") ? FileKind.Xlsx
                : null;
        }
        catch (InvalidDataException)
        {
            return null; // starts like a ZIP but is not a readable one
        }
    }
}
