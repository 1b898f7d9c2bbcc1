namespace OcopPortal.Web.Infrastructure.Files;

/// <summary>The kinds of evidence the portal accepts, as recognised from the content (see <see cref="FileInspector"/>).</summary>
public enum FileKind
{
    Pdf = 1,
    Jpeg = 2,
    Png = 3,
    Docx = 4,
    Xlsx = 5,

    /// <summary>UTF-8 text table: only the legacy certificate import stores it (never accepted as dossier evidence).</summary>
    Csv = 6,
}

/// <summary>
/// An uploaded file's metadata. Immutable once saved (<see cref="StoredFileImmutableGuard"/>): a replaced file is
/// kept and a new one added, so which version a reviewer saw can always be shown. The bytes live in
/// <see cref="StoredFileContent"/>, a separate table, so listing files never reads them.
/// </summary>
public class StoredFile
{
    public Guid Id { get; init; }

    /// <summary>The uploader's file name after <see cref="FileNames.Sanitise"/>; used as the download name.</summary>
    public string OriginalName { get; init; } = "";

    public FileKind Kind { get; init; }

    public string ContentType { get; init; } = "";

    public long Length { get; init; }

    /// <summary>Lower-case hex SHA-256 of the content: proves which bytes were filed and spots duplicates.</summary>
    public string Sha256 { get; init; } = "";

    public DateTimeOffset UploadedAt { get; init; }

    public string UploadedByUserId { get; init; } = "";
}

/// <summary>The bytes of a <see cref="StoredFile"/> (same key). Read through <see cref="FileStore.OpenReadAsync"/>, which streams.</summary>
public class StoredFileContent
{
    public Guid FileId { get; init; }

    public byte[] Data { get; init; } = [];
}
