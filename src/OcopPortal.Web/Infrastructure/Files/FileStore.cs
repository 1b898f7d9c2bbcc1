using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OcopPortal.Web.Data;
using OcopPortal.Web.Infrastructure.Localization;

namespace OcopPortal.Web.Infrastructure.Files;

/// <summary>The outcome of <see cref="FileStore.SaveAsync"/>: the new file, or why it was refused (a message to translate where shown).</summary>
public abstract record FileSaveResult
{
    public sealed record Success(StoredFile File) : FileSaveResult;

    public sealed record Rejected(UserMessage Reason) : FileSaveResult
    {
        /// <summary>The reason in Vietnamese (logs, tests).</summary>
        public string Message => Reason.ToString();
    }
}

/// <summary>
/// Checks and keeps uploaded evidence in the database (ADR-006). It never decides who may upload or download:
/// callers authorise first. A rejected file leaves the context untouched.
/// </summary>
public sealed class FileStore(OcopDbContext db, IOptions<FileStoreOptions> options, TimeProvider clock)
{
    private const int ChunkBytes = 81920;

    private readonly FileStoreOptions _limits = options.Value;

    /// <summary>
    /// Checks <paramref name="file"/> (name, size, content) and, when it passes, adds a <see cref="StoredFile"/> and
    /// its <see cref="StoredFileContent"/> to the context. The caller saves, inside its own transaction with the
    /// record that points at the file. <paramref name="alreadyStoredBytes"/> is what the dossier holds already.
    /// </summary>
    public async Task<FileSaveResult> SaveAsync(IFormFile file, long alreadyStoredBytes, string userId, CancellationToken ct)
    {
        var name = FileNames.Sanitise(file.FileName);
        if (name is null)
        {
            return Reject(new UserMessage("Tên tệp không hợp lệ."));
        }

        // The declared length is a cheap first check; the copy below counts for real, so a lying length gains nothing.
        if (file.Length > _limits.MaxFileBytes)
        {
            return TooLarge(file.Length);
        }

        if (QuotaRejection(name, alreadyStoredBytes, file.Length) is { } quota)
        {
            return quota;
        }

        var data = await ReadAtMostAsync(file, _limits.MaxFileBytes, ct);
        if (data is null)
        {
            return Reject(new UserMessage("Tệp quá lớn: tối đa {0} mỗi tệp.", FileSizes.Format(_limits.MaxFileBytes)));
        }

        if (data.Length == 0)
        {
            return Reject(new UserMessage("Tệp «{0}» không có nội dung.", name));
        }

        if (QuotaRejection(name, alreadyStoredBytes, data.Length) is { } actualQuota)
        {
            return actualQuota;
        }

        if (KindRejection(name, data, out var kind) is { } wrongKind)
        {
            return wrongKind;
        }

        var stored = new StoredFile
        {
            Id = Guid.NewGuid(),
            OriginalName = name,
            Kind = kind,
            ContentType = FileKinds.ContentType(kind),
            Length = data.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(data)),
            UploadedAt = clock.GetUtcNow(),
            UploadedByUserId = userId,
        };
        db.StoredFiles.Add(stored);
        db.StoredFileContents.Add(new StoredFileContent { FileId = stored.Id, Data = data });
        return new FileSaveResult.Success(stored);
    }

    /// <summary>The file's metadata (never its bytes), or null.</summary>
    public Task<StoredFile?> FindAsync(Guid id, CancellationToken ct = default) =>
        db.StoredFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, ct);

    /// <summary>
    /// The file's bytes as a read-only stream straight from the database (not through EF, never whole in memory),
    /// or null when there is no such file. The stream owns its own connection: dispose it. Authorisation is the
    /// caller's job; serve it with <see cref="StoredFileResults.StoredFileAttachmentAsync"/>.
    /// </summary>
    public Task<Stream?> OpenReadAsync(Guid id, CancellationToken ct = default) => StoredFileStreams.OpenAsync(db, id, ct);

    private static FileSaveResult.Rejected Reject(UserMessage message) => new(message);

    private FileSaveResult.Rejected TooLarge(long bytes) =>
        Reject(new UserMessage("Tệp quá lớn: tối đa {0} mỗi tệp (tệp của bạn {1}).", FileSizes.Format(_limits.MaxFileBytes), FileSizes.Format(bytes)));

    private FileSaveResult.Rejected? QuotaRejection(string name, long alreadyStored, long adding)
    {
        var left = _limits.MaxDossierBytes - alreadyStored;
        if (left <= 0)
        {
            return Reject(new UserMessage("Hồ sơ đã dùng hết dung lượng cho phép ({0}).", FileSizes.Format(_limits.MaxDossierBytes)));
        }

        return adding > left
            ? Reject(new UserMessage("Tệp «{0}» ({1}) vượt quá dung lượng còn lại của hồ sơ: còn {2} trên tổng {3}.", name, FileSizes.Format(adding), FileSizes.Format(left), FileSizes.Format(_limits.MaxDossierBytes)))
            : null;
    }

    private static FileSaveResult.Rejected? KindRejection(string name, byte[] data, out FileKind kind)
    {
        using var content = new MemoryStream(data, writable: false);
        var detected = FileInspector.Detect(data, content);
        var claimed = FileKinds.FromExtension(name);
        kind = detected ?? default;
        if (detected is null)
        {
            return FileInspector.IsLegacyOffice(data)
                ? Reject(new UserMessage("Tệp «{0}» là định dạng Word/Excel cũ (.doc/.xls); hãy lưu lại thành DOCX hoặc XLSX rồi tải lên.", name))
                : claimed is { } expected
                    ? Reject(new UserMessage("Chỉ nhận tệp {0}; nội dung tệp «{1}» không phải là {2}.", new UserMessage(FileKinds.AcceptedList), name, FileKinds.Label(expected)))
                    : Reject(new UserMessage("Chỉ nhận tệp {0}; tệp «{1}» không thuộc các loại này.", new UserMessage(FileKinds.AcceptedList), name));
        }

        if (claimed is null)
        {
            return Reject(new UserMessage("Tên tệp «{0}» cần có phần mở rộng đúng với nội dung: nội dung là {1}.", name, new UserMessage(FileKinds.Describe(detected.Value))));
        }

        return claimed != detected
            ? Reject(new UserMessage("Nội dung tệp «{0}» là {1}, không phải {2}; hãy chọn đúng tệp hoặc sửa phần mở rộng của tên tệp.", name, new UserMessage(FileKinds.Describe(detected.Value)), FileKinds.Label(claimed.Value)))
            : null;
    }

    /// <summary>The whole content, or null when it holds more than <paramref name="max"/> bytes (at most max + 1 are read).</summary>
    private static async Task<byte[]?> ReadAtMostAsync(IFormFile file, long max, CancellationToken ct)
    {
        // Sized to the declared length so an honest upload ends in exactly one array (GetBuffer, no copy).
        using var buffer = new MemoryStream((int)Math.Clamp(file.Length, 0, max));
        await using var input = file.OpenReadStream();
        var chunk = new byte[ChunkBytes];
        long total = 0;
        int read;
        while ((read = await input.ReadAsync(chunk.AsMemory(0, (int)Math.Min(ChunkBytes, max + 1 - total)), ct)) > 0)
        {
            total += read;
            if (total > max)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.Length == buffer.Capacity ? buffer.GetBuffer() : buffer.ToArray();
    }
}
