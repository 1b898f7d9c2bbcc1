using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OcopPortal.Web.Domain.AdminUnits;

namespace OcopPortal.Web.Data.Configurations;

public sealed class ProvinceConfiguration : IEntityTypeConfiguration<Province>
{
    public void Configure(EntityTypeBuilder<Province> builder)
    {
        builder.HasKey(x => x.Code);
        builder.Property(x => x.Code).HasMaxLength(2).IsUnicode(false);
        builder.Property(x => x.Name).HasMaxLength(100);
        builder.Property(x => x.Type).HasMaxLength(50);
        builder.Property(x => x.FullName).HasMaxLength(150);
    }
}

public sealed class CommuneConfiguration : IEntityTypeConfiguration<Commune>
{
    public void Configure(EntityTypeBuilder<Commune> builder)
    {
        builder.HasKey(x => x.Code);
        builder.Property(x => x.Code).HasMaxLength(5).IsUnicode(false);
        builder.Property(x => x.Name).HasMaxLength(100);
        builder.Property(x => x.Type).HasMaxLength(20);
        builder.Property(x => x.FullName).HasMaxLength(150);
        builder.Property(x => x.ProvinceCode).HasMaxLength(2).IsUnicode(false);
        builder.Property(x => x.SearchName).HasMaxLength(100).IsUnicode(false);
        builder.HasOne<Province>().WithMany().HasForeignKey(x => x.ProvinceCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => x.ProvinceCode);
        builder.HasIndex(x => x.SearchName);
    }
}

public sealed class CommuneMappingConfiguration : IEntityTypeConfiguration<CommuneMapping>
{
    public void Configure(EntityTypeBuilder<CommuneMapping> builder)
    {
        builder.Property(x => x.OldProvinceCode).HasMaxLength(2).IsUnicode(false);
        builder.Property(x => x.OldProvinceName).HasMaxLength(100);
        builder.Property(x => x.OldDistrictCode).HasMaxLength(3).IsUnicode(false);
        builder.Property(x => x.OldDistrictName).HasMaxLength(100);
        builder.Property(x => x.OldCommuneCode).HasMaxLength(5).IsUnicode(false);
        builder.Property(x => x.OldCommuneName).HasMaxLength(150);
        builder.Property(x => x.NewCommuneCode).HasMaxLength(5).IsUnicode(false);
        builder.Property(x => x.ChangeKind).HasMaxLength(40).IsUnicode(false);
        builder.Property(x => x.OldSearchName).HasMaxLength(150).IsUnicode(false);
        builder.HasOne<Commune>().WithMany().HasForeignKey(x => x.NewCommuneCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => x.NewCommuneCode);
        builder.HasIndex(x => x.OldSearchName);
        // One row per (old unit, new commune): what makes importing the same file twice add nothing.
        builder.HasIndex(x => new { x.OldDistrictCode, x.OldCommuneCode, x.NewCommuneCode }).IsUnique();
    }
}
