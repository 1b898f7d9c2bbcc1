using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OcopPortal.Web.Domain;
using OcopPortal.Web.Domain.AdminUnits;
using OcopPortal.Web.Domain.Dossiers;
using OcopPortal.Web.Domain.Producers;
using OcopPortal.Web.Domain.Rules;
using OcopPortal.Web.Infrastructure.Files;
using OcopPortal.Web.Infrastructure.Notifications;

namespace OcopPortal.Web.Data.Configurations;

public sealed class DossierConfiguration : IEntityTypeConfiguration<Dossier>
{
    public void Configure(EntityTypeBuilder<Dossier> builder)
    {
        builder.Property(x => x.CommuneCode).HasMaxLength(5);
        builder.Property(x => x.Number).HasMaxLength(60);
        builder.Property(x => x.ChangesSinceRecognition).HasMaxLength(4000);
        builder.Property(x => x.PreviousCertificateNumber).HasMaxLength(60);
        builder.Property(x => x.BusinessResults).HasMaxLength(8000);
        builder.Property(x => x.FuturePlan).HasMaxLength(8000);
        builder.Property(x => x.SelfAssessedTotal).HasPrecision(5, 2);
        builder.Property(x => x.Version).IsConcurrencyToken();
        builder.HasIndex(x => x.Number).IsUnique();
        builder.HasIndex(x => new { x.ProducerId, x.Status });
        builder.HasIndex(x => new { x.Status, x.CommuneCode });
        builder.HasIndex(x => new { x.UpdatedAt, x.Id }); // the queues' order: newest first, read backwards
        builder.HasIndex(x => new { x.Status, x.UpdatedAt, x.Id });
        builder.HasIndex(x => x.ProductId);
        // The dashboard's steps: the period's submitted dossiers and their step times, read from the index alone.
        builder.HasIndex(x => new { x.SubmittedAt, x.Status, x.CommuneCode, x.FirstSubmittedAt, x.FirstForwardedAt, x.ProvinceAnsweredAt })
            .HasDatabaseName("IX_Dossiers_Steps");
        builder.HasIndex(x => new { x.Kind, x.Status, x.ProductId }); // the re-evaluations in progress, without reading the (wide) dossier rows
        builder.HasOne<Producer>().WithMany().HasForeignKey(x => x.ProducerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Product>().WithMany().HasForeignKey(x => x.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Commune>().WithMany().HasForeignKey(x => x.CommuneCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<RuleSet>().WithMany().HasForeignKey(x => x.RuleSetId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CriteriaSet>().WithMany().HasForeignKey(x => x.CriteriaSetId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(x => x.Slots).WithOne().HasForeignKey(x => x.DossierId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(x => x.Answers).WithOne().HasForeignKey(x => x.DossierId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(x => x.Events).WithOne().HasForeignKey(x => x.DossierId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class DossierSlotConfiguration : IEntityTypeConfiguration<DossierSlot>
{
    public void Configure(EntityTypeBuilder<DossierSlot> builder)
    {
        builder.Property(x => x.Key).HasMaxLength(60);
        builder.Property(x => x.Title).HasMaxLength(400);
        builder.Property(x => x.Hint).HasMaxLength(600);
        builder.HasIndex(x => new { x.DossierId, x.Key }).IsUnique();
        builder.HasMany(x => x.Files).WithOne().HasForeignKey(x => x.SlotId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class DossierFileConfiguration : IEntityTypeConfiguration<DossierFile>
{
    public void Configure(EntityTypeBuilder<DossierFile> builder)
    {
        builder.Property(x => x.AddedByUserId).HasMaxLength(450);
        builder.Ignore(x => x.IsCurrent);
        builder.HasIndex(x => x.SlotId);
        builder.HasOne<StoredFile>().WithMany().HasForeignKey(x => x.FileId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class DossierAnswerConfiguration : IEntityTypeConfiguration<DossierAnswer>
{
    public void Configure(EntityTypeBuilder<DossierAnswer> builder)
    {
        builder.Property(x => x.CriterionCode).HasMaxLength(20);
        builder.HasIndex(x => new { x.DossierId, x.CriterionCode }).IsUnique();
    }
}

public sealed class DossierEventConfiguration : IEntityTypeConfiguration<DossierEvent>
{
    public void Configure(EntityTypeBuilder<DossierEvent> builder)
    {
        builder.Property(x => x.ActorUserId).HasMaxLength(450);
        builder.Property(x => x.ActorName).HasMaxLength(256);
        builder.Property(x => x.Message).HasMaxLength(4000);
        builder.HasIndex(x => new { x.DossierId, x.At });
    }
}

public sealed class CommuneAssessmentConfiguration : IEntityTypeConfiguration<CommuneAssessment>
{
    public void Configure(EntityTypeBuilder<CommuneAssessment> builder)
    {
        builder.HasKey(x => x.DossierId);
        builder.Property(x => x.RawMaterialOrigin).HasMaxLength(4000);
        builder.Property(x => x.LocalLabour).HasMaxLength(4000);
        builder.Property(x => x.IdeaOrigin).HasMaxLength(4000);
        builder.Property(x => x.LocalIdentity).HasMaxLength(4000);
        builder.Property(x => x.Conclusion).HasMaxLength(4000);
        builder.Property(x => x.OfficerName).HasMaxLength(256);
        builder.Property(x => x.OfficerUserId).HasMaxLength(450);
        builder.HasOne<Dossier>().WithOne().HasForeignKey<CommuneAssessment>(x => x.DossierId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class SupplementRequestConfiguration : IEntityTypeConfiguration<SupplementRequest>
{
    public void Configure(EntityTypeBuilder<SupplementRequest> builder)
    {
        builder.Property(x => x.Message).HasMaxLength(4000);
        builder.Property(x => x.SlotTitles).HasMaxLength(4000);
        builder.Property(x => x.RequestedByUserId).HasMaxLength(450);
        builder.HasIndex(x => x.DossierId);
        builder.HasOne<Dossier>().WithMany().HasForeignKey(x => x.DossierId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class StaffCommuneConfiguration : IEntityTypeConfiguration<StaffCommune>
{
    public void Configure(EntityTypeBuilder<StaffCommune> builder)
    {
        builder.HasKey(x => new { x.UserId, x.CommuneCode });
        builder.Property(x => x.UserId).HasMaxLength(450);
        builder.Property(x => x.CommuneCode).HasMaxLength(5);
        builder.HasIndex(x => x.CommuneCode);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Commune>().WithMany().HasForeignKey(x => x.CommuneCode).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(x => x.UserId).HasMaxLength(450);
        builder.Property(x => x.Title).HasMaxLength(300);
        builder.Property(x => x.Body).HasMaxLength(2000);
        builder.Property(x => x.Url).HasMaxLength(300);
        builder.HasIndex(x => new { x.UserId, x.ReadAt });
        builder.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
