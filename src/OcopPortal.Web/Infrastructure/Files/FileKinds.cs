namespace OcopPortal.Web.Infrastructure.Files;

/// <summary>What each accepted kind is called, served as and named with.</summary>
public static class FileKinds
{
    /// <summary>For rejection messages: the list a user may choose from.</summary>
    public const string AcceptedList = "PDF, JPEG, PNG, DOCX hoặc XLSX";

    public static string ContentType(FileKind kind) => kind switch
    {
        FileKind.Pdf => "application/pdf",
        FileKind.Jpeg => "image/jpeg",
        FileKind.Png => "image/png",
        FileKind.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        FileKind.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        FileKind.Csv => "text/csv",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The short name users know the kind by ("PDF", "DOCX").</summary>
    public static string Label(FileKind kind) => kind.ToString().ToUpperInvariant();

    /// <summary>What the content really is, in words, for "this is a PNG picture, not a PDF".</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Pdf => "tệp PDF",
        FileKind.Jpeg => "ảnh JPEG",
        FileKind.Png => "ảnh PNG",
        FileKind.Docx => "văn bản Word (DOCX)",
        FileKind.Xlsx => "bảng tính Excel (XLSX)",
        FileKind.Csv => "bảng CSV",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The kind a file name claims by its extension (".jpg" and ".jpeg" both claim JPEG), or null.</summary>
    public static FileKind? FromExtension(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".pdf" => FileKind.Pdf,
        ".jpg" or ".jpeg" => FileKind.Jpeg,
        ".png" => FileKind.Png,
        ".docx" => FileKind.Docx,
        ".xlsx" => FileKind.Xlsx,
        _ => null,
    };
}
