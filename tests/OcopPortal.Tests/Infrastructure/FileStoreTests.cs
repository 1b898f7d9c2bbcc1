using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OcopPortal.Web.Data;
using OcopPortal.Web.Infrastructure.Files;

namespace OcopPortal.Tests.Infrastructure;

/// <summary>The file store over the portal's real SQLite file: saving, streaming back, and every refusal.</summary>
public sealed class FileStoreTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    // Small limits so the size rules are tested without megabyte buffers.
    private static readonly FileStoreOptions Small = new() { MaxFileBytes = 4 * 1024, MaxDossierBytes = 10 * 1024 };

    public static TheoryData<string, string, FileKind> Accepted => new()
    {
        { nameof(TestFiles.Pdf), "Giấy chứng nhận ATTP.pdf", FileKind.Pdf },
        { nameof(TestFiles.Png), "nhãn sản phẩm.png", FileKind.Png },
        { nameof(TestFiles.Jpeg), "ảnh cơ sở.JPG", FileKind.Jpeg },
        { nameof(TestFiles.Docx), "thuyết minh.docx", FileKind.Docx },
        { nameof(TestFiles.Xlsx), "bảng giá.xlsx", FileKind.Xlsx },
    };

    public static TheoryData<string, string, string> Refused => new()
    {
        { nameof(TestFiles.Html), "phiếu kiểm nghiệm.pdf", "Chỉ nhận tệp PDF, JPEG, PNG, DOCX hoặc XLSX; nội dung tệp «phiếu kiểm nghiệm.pdf» không phải là PDF." },
        { nameof(TestFiles.Png), "x.pdf", "Nội dung tệp «x.pdf» là ảnh PNG, không phải PDF; hãy chọn đúng tệp hoặc sửa phần mở rộng của tên tệp." },
        { nameof(TestFiles.LegacyDoc), "thuyết minh.doc", "Tệp «thuyết minh.doc» là định dạng Word/Excel cũ (.doc/.xls); hãy lưu lại thành DOCX hoặc XLSX rồi tải lên." },
        { nameof(TestFiles.ZipWithoutDocument), "thuyết minh.docx", "Chỉ nhận tệp PDF, JPEG, PNG, DOCX hoặc XLSX; nội dung tệp «thuyết minh.docx» không phải là DOCX." },
        { nameof(TestFiles.Exe), "setup.exe", "Chỉ nhận tệp PDF, JPEG, PNG, DOCX hoặc XLSX; tệp «setup.exe» không thuộc các loại này." },
        { nameof(TestFiles.Pdf), "hồ sơ", "Tên tệp «hồ sơ» cần có phần mở rộng đúng với nội dung: nội dung là tệp PDF." },
        { nameof(TestFiles.Pdf), "../../", "Tên tệp không hợp lệ." },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public async Task Each_accepted_kind_round_trips_byte_for_byte(string sample, string name, FileKind kind)
    {
        var bytes = FileChecksTests.Sample(sample);
        var saved = await SaveAsync(TestFiles.Upload(name, bytes));

        var file = Assert.IsType<FileSaveResult.Success>(saved).File;
        Assert.Equal((kind, FileKinds.ContentType(kind), (long)bytes.Length, name), (file.Kind, file.ContentType, file.Length, file.OriginalName));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), file.Sha256);
        Assert.Equal(bytes, await ReadBackAsync(file.Id));
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Refused_content_gets_its_message_and_changes_nothing(string sample, string name, string message)
    {
        await AssertRefusedAsync(TestFiles.Upload(name, FileChecksTests.Sample(sample)), 0, message);
    }

    [Fact]
    public async Task An_oversize_file_is_refused_with_both_sizes()
    {
        await AssertRefusedAsync(TestFiles.Upload("to.pdf", [.. TestFiles.Pdf(), .. new byte[6000]]), 0,
            "Tệp quá lớn: tối đa 4 KB mỗi tệp (tệp của bạn 6,1 KB).");
    }

    [Fact]
    public async Task A_lying_length_does_not_get_past_the_limit()
    {
        await AssertRefusedAsync(new LyingFormFile("nho.pdf", [.. TestFiles.Pdf(), .. new byte[6000]], declaredLength: 100), 0,
            "Tệp quá lớn: tối đa 4 KB mỗi tệp.");
    }

    [Fact]
    public async Task The_dossier_quota_is_enforced()
    {
        await AssertRefusedAsync(TestFiles.Upload("a.pdf", TestFiles.Pdf()), Small.MaxDossierBytes,
            "Hồ sơ đã dùng hết dung lượng cho phép (10 KB).");
        await AssertRefusedAsync(TestFiles.Upload("a.pdf", [.. TestFiles.Pdf(), .. new byte[3000]]), Small.MaxDossierBytes - 1024,
            "Tệp «a.pdf» (3,2 KB) vượt quá dung lượng còn lại của hồ sơ: còn 1 KB trên tổng 10 KB.");
        Assert.IsType<FileSaveResult.Success>(await SaveAsync(TestFiles.Upload("a.pdf", TestFiles.Pdf()), Small.MaxDossierBytes - 1024));
    }

    [Theory]
    [InlineData("../../x.pdf")]
    [InlineData(@"C:\temp\x.pdf")]
    public async Task A_path_in_the_name_is_dropped(string given)
    {
        var saved = await SaveAsync(TestFiles.Upload(given, TestFiles.Pdf()));

        Assert.Equal("x.pdf", Assert.IsType<FileSaveResult.Success>(saved).File.OriginalName);
    }

    [Fact]
    public async Task Saved_files_cannot_be_changed_or_deleted_through_EF()
    {
        var id = Assert.IsType<FileSaveResult.Success>(await SaveAsync(TestFiles.Upload("goc.pdf", TestFiles.Pdf()))).File.Id;
        await factory.WithDbAsync(async db =>
        {
            db.Entry(await db.StoredFiles.SingleAsync(f => f.Id == id)).Property(f => f.OriginalName).CurrentValue = "sua.pdf";
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            db.ChangeTracker.Clear();

            db.StoredFiles.Remove(await db.StoredFiles.SingleAsync(f => f.Id == id));
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            db.ChangeTracker.Clear();

            db.StoredFileContents.Remove(await db.StoredFileContents.SingleAsync(c => c.FileId == id));
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            db.ChangeTracker.Clear();

            Assert.Equal("goc.pdf", (await db.StoredFiles.AsNoTracking().SingleAsync(f => f.Id == id)).OriginalName);
        });
        Assert.Equal(TestFiles.Pdf(), await ReadBackAsync(id));
    }

    [Fact]
    public async Task Listing_files_never_reads_their_bytes()
    {
        await SaveAsync(TestFiles.Upload("danh-sach.pdf", TestFiles.Pdf()));
        await factory.WithDbAsync(async db =>
        {
            var sql = db.StoredFiles.ToQueryString();
            var files = await db.StoredFiles.ToListAsync();

            Assert.NotEmpty(files);
            Assert.DoesNotContain("StoredFileContents", sql, StringComparison.Ordinal);
            Assert.DoesNotContain("\"Data\"", sql, StringComparison.Ordinal);
            Assert.Empty(db.ChangeTracker.Entries<StoredFileContent>());
            Assert.DoesNotContain(typeof(StoredFile).GetProperties(), p => p.PropertyType == typeof(byte[]));
        });
    }

    [Fact]
    public async Task An_unknown_id_opens_nothing()
    {
        Assert.Null(await ReadBackAsync(Guid.NewGuid()));
    }

    private async Task<FileSaveResult> SaveAsync(IFormFile upload, long alreadyStored = 0) => await factory.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<OcopDbContext>();
        var result = await new FileStore(db, Options.Create(Small), TimeProvider.System).SaveAsync(upload, alreadyStored, "user-1", default);
        await db.SaveChangesAsync();
        return result;
    });

    private async Task AssertRefusedAsync(IFormFile upload, long alreadyStored, string message)
    {
        var before = await factory.WithScopeAsync(sp => sp.GetRequiredService<OcopDbContext>().StoredFiles.CountAsync());
        var result = await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OcopDbContext>();
            var refused = await new FileStore(db, Options.Create(Small), TimeProvider.System).SaveAsync(upload, alreadyStored, "user-1", default);
            Assert.Empty(db.ChangeTracker.Entries());
            await db.SaveChangesAsync();
            return refused;
        });

        Assert.Equal(message, Assert.IsType<FileSaveResult.Rejected>(result).Message);
        Assert.Equal(before, await factory.WithScopeAsync(sp => sp.GetRequiredService<OcopDbContext>().StoredFiles.CountAsync()));
    }

    private Task<byte[]?> ReadBackAsync(Guid id) => factory.WithScopeAsync(async sp =>
    {
        await using var stream = await sp.GetRequiredService<FileStore>().OpenReadAsync(id);
        if (stream is null)
        {
            return null;
        }

        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    });
}
