using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OcopPortal.Web.Domain.AdminUnits;
using OcopPortal.Web.Domain.Producers;

namespace OcopPortal.Web.Data.Configurations;

public sealed class ProducerConfiguration : IEntityTypeConfiguration<Producer>
{
    public void Configure(EntityTypeBuilder<Producer> builder)
    {
        builder.HasIndex(x => x.TaxCode).IsUnique();
        builder.HasIndex(x => x.OwnerUserId).IsUnique();
        builder.HasIndex(x => x.CommuneCode);
        builder.HasIndex(x => x.Type); // with the key, the reports' id → type lookup reads this index alone
        builder.Property(x => x.Name).HasMaxLength(300);
        builder.Property(x => x.TaxCode).HasMaxLength(20);
        builder.Property(x => x.RepresentativeName).HasMaxLength(200);
        builder.Property(x => x.ProvinceCode).HasMaxLength(2);
        builder.Property(x => x.CommuneCode).HasMaxLength(5);
        builder.Property(x => x.StreetAddress).HasMaxLength(300);
        builder.Property(x => x.Phone).HasMaxLength(20);
        builder.Property(x => x.Email).HasMaxLength(256);
        builder.Property(x => x.OwnerUserId).HasMaxLength(450);
        builder.Property(x => x.CreatedByUserId).HasMaxLength(450);
        builder.Property(x => x.Version).IsConcurrencyToken();
        builder.Ignore(x => x.RepresentativeCountsFor32);
        builder.HasOne<Domain.AppUser>().WithMany().HasForeignKey(x => x.OwnerUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Commune>().WithMany().HasForeignKey(x => x.CommuneCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Province>().WithMany().HasForeignKey(x => x.ProvinceCode).OnDelete(DeleteBehavior.Restrict);
    }
}
