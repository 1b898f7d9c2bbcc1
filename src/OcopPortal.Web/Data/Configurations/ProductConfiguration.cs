using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OcopPortal.Web.Domain.Producers;
using OcopPortal.Web.Domain.Rules;
using OcopPortal.Web.Infrastructure.Files;

namespace OcopPortal.Web.Data.Configurations;

public sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> builder)
    {
        builder.Property(x => x.Name).HasMaxLength(200);
        builder.Property(x => x.CategoryCode).HasMaxLength(20);
        builder.Property(x => x.Description).HasMaxLength(4000);
        builder.Property(x => x.Story).HasMaxLength(8000);
        builder.Property(x => x.ShopUrl).HasMaxLength(500);
        builder.Property(x => x.MarketplaceUrl).HasMaxLength(500);
        builder.Property(x => x.Version).IsConcurrencyToken();
        builder.HasIndex(x => x.ProducerId);
        builder.HasOne<Producer>().WithMany().HasForeignKey(x => x.ProducerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<RuleSet>().WithMany().HasForeignKey(x => x.RuleSetId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(x => x.Photos).WithOne().HasForeignKey(x => x.ProductId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ProductPhotoConfiguration : IEntityTypeConfiguration<ProductPhoto>
{
    public void Configure(EntityTypeBuilder<ProductPhoto> builder)
    {
        builder.HasIndex(x => new { x.ProductId, x.SortOrder });
        builder.HasOne<StoredFile>().WithMany().HasForeignKey(x => x.FileId).OnDelete(DeleteBehavior.Restrict);
    }
}
