using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OcopPortal.Web.Domain.Producers;
using OcopPortal.Web.Domain.Traceability;

namespace OcopPortal.Web.Data.Configurations;

public sealed class TraceRecordConfiguration : IEntityTypeConfiguration<TraceRecord>
{
    public void Configure(EntityTypeBuilder<TraceRecord> builder)
    {
        builder.Property(x => x.Code).HasMaxLength(TraceCodes.Length).IsUnicode(false);
        builder.HasIndex(x => x.Code).IsUnique();
        builder.HasIndex(x => x.ProductId).IsUnique();
        builder.HasOne<Product>().WithMany().HasForeignKey(x => x.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(x => x.Version).IsConcurrencyToken();
        builder.HasMany(x => x.Versions).WithOne().HasForeignKey(x => x.TraceRecordId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(x => x.Batches).WithOne().HasForeignKey(x => x.TraceRecordId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class TraceVersionConfiguration : IEntityTypeConfiguration<TraceVersion>
{
    public void Configure(EntityTypeBuilder<TraceVersion> builder)
    {
        builder.HasIndex(x => new { x.TraceRecordId, x.Number }).IsUnique();
        builder.Property(x => x.PublishedByUserId).HasMaxLength(450);
        builder.Property(x => x.PublishedByName).HasMaxLength(256);
    }
}

public sealed class TraceBatchConfiguration : IEntityTypeConfiguration<TraceBatch>
{
    public void Configure(EntityTypeBuilder<TraceBatch> builder)
    {
        builder.Property(x => x.Code).HasMaxLength(TraceCodes.BatchCodeMaxLength).IsUnicode(false);
        builder.HasIndex(x => new { x.TraceRecordId, x.Code }).IsUnique();
        builder.Property(x => x.Quantity).HasPrecision(18, 3);
        builder.Property(x => x.Unit).HasMaxLength(20);
        builder.Property(x => x.Note).HasMaxLength(500);
        builder.Property(x => x.CreatedByUserId).HasMaxLength(450);
    }
}
