using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OcopPortal.Web.Infrastructure.Files;

namespace OcopPortal.Web.Data.Configurations;

public sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> builder)
    {
        builder.ToTable("StoredFiles");
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.OriginalName).HasMaxLength(FileNames.MaxLength);
        builder.Property(x => x.ContentType).HasMaxLength(100);
        builder.Property(x => x.Sha256).HasMaxLength(64).IsFixedLength().IsUnicode(false);
        builder.Property(x => x.UploadedByUserId).HasMaxLength(450);
        builder.HasIndex(x => x.Sha256);
    }
}

public sealed class StoredFileContentConfiguration : IEntityTypeConfiguration<StoredFileContent>
{
    /// <summary>Named here because the streaming readers address the table and column directly, below EF.</summary>
    public const string Table = "StoredFileContents";

    public void Configure(EntityTypeBuilder<StoredFileContent> builder)
    {
        builder.ToTable(Table);
        builder.HasKey(x => x.FileId);
        builder.Property(x => x.FileId).ValueGeneratedNever();
        builder.Property(x => x.Data).HasColumnName(nameof(StoredFileContent.Data));
        // No navigation from StoredFile: nothing can Include the bytes into a list by accident.
        builder.HasOne<StoredFile>().WithOne().HasForeignKey<StoredFileContent>(x => x.FileId).OnDelete(DeleteBehavior.Cascade);
    }
}
