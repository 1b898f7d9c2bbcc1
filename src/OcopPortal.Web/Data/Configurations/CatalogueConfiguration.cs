using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OcopPortal.Web.Domain.Catalogue;
using OcopPortal.Web.Domain.Producers;

namespace OcopPortal.Web.Data.Configurations;

/// <summary>
/// The catalogue read model. No foreign keys on purpose: it is rebuilt from the source tables
/// (<c>CatalogueIndex.RebuildAsync</c>) and refreshed after every change, so it never blocks deleting or fixing them.
/// </summary>
public sealed class CatalogueEntryConfiguration : IEntityTypeConfiguration<CatalogueEntry>
{
    public void Configure(EntityTypeBuilder<CatalogueEntry> builder)
    {
        builder.HasKey(x => x.ProductId);
        builder.Property(x => x.ProductId).ValueGeneratedNever();
        builder.Property(x => x.ProductName).HasMaxLength(200);
        builder.Property(x => x.ProducerName).HasMaxLength(300);
        builder.Property(x => x.CommuneCode).HasMaxLength(10);
        builder.Property(x => x.CommuneName).HasMaxLength(200);
        builder.Property(x => x.ProvinceCode).HasMaxLength(2);
        builder.Property(x => x.SectorCode).HasMaxLength(20);
        builder.Property(x => x.GroupCode).HasMaxLength(20);
        builder.Property(x => x.CategoryCode).HasMaxLength(20);
        builder.Property(x => x.CategoryName).HasMaxLength(300);
        builder.Property(x => x.CriteriaSetName).HasMaxLength(300);
        builder.Property(x => x.CertificateNumber).HasMaxLength(60);
        builder.Property(x => x.Token).HasMaxLength(64);
        builder.Property(x => x.NameText).HasMaxLength(200);
        builder.Property(x => x.PlaceText).HasMaxLength(2000);
        builder.Property(x => x.SearchText).HasMaxLength(12000);
        // The default list: in force, newest first; every filter narrows it further.
        builder.HasIndex(x => new { x.InForceUntil, x.IssuedOn });
        builder.HasIndex(x => new { x.CommuneCode, x.InForceUntil });
        builder.HasIndex(x => new { x.SectorCode, x.InForceUntil });
        builder.HasIndex(x => new { x.Stars, x.InForceUntil });
        builder.HasIndex(x => x.ProducerId);
        builder.HasIndex(x => x.CertificateId);
    }
}
