using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OcopPortal.Web.Domain.Councils;
using OcopPortal.Web.Domain.Dossiers;
using OcopPortal.Web.Domain.Producers;
using OcopPortal.Web.Domain.Recognition;
using OcopPortal.Web.Infrastructure.Files;

namespace OcopPortal.Web.Data.Configurations;

public sealed class RecognitionDecisionConfiguration : IEntityTypeConfiguration<RecognitionDecision>
{
    public void Configure(EntityTypeBuilder<RecognitionDecision> builder)
    {
        builder.Property(x => x.Number).HasMaxLength(60);
        builder.Property(x => x.Title).HasMaxLength(500);
        builder.Property(x => x.Authority).HasMaxLength(200);
        builder.Property(x => x.SignatoryName).HasMaxLength(200);
        builder.Property(x => x.SignatoryTitle).HasMaxLength(200);
        builder.Property(x => x.Notes).HasMaxLength(4000);
        builder.Property(x => x.CreatedByUserId).HasMaxLength(450);
        builder.Property(x => x.IssuedByUserId).HasMaxLength(450);
        builder.Property(x => x.Version).IsConcurrencyToken();
        builder.HasIndex(x => x.Number);
        builder.HasIndex(x => new { x.Status, x.DecisionDate });
        builder.HasIndex(x => x.RoundId);
        builder.HasOne<EvaluationRound>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<RecognitionDecision>().WithMany().HasForeignKey(x => x.AmendsDecisionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StoredFile>().WithMany().HasForeignKey(x => x.SignedScanFileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(x => x.Lines).WithOne().HasForeignKey(x => x.DecisionId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class DecisionLineConfiguration : IEntityTypeConfiguration<DecisionLine>
{
    public void Configure(EntityTypeBuilder<DecisionLine> builder)
    {
        builder.Property(x => x.ProductName).HasMaxLength(200);
        builder.Property(x => x.ProducerName).HasMaxLength(300);
        builder.Property(x => x.ProducerAddress).HasMaxLength(500);
        builder.Property(x => x.CommuneCode).HasMaxLength(10);
        builder.Property(x => x.CategoryCode).HasMaxLength(20);
        builder.Property(x => x.Score).HasPrecision(5, 2);
        builder.HasIndex(x => new { x.DecisionId, x.SortOrder });
        builder.HasIndex(x => x.ProductId);
        builder.HasIndex(x => x.RoundEntryId);
        builder.HasOne<Product>().WithMany().HasForeignKey(x => x.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Producer>().WithMany().HasForeignKey(x => x.ProducerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<RoundEntry>().WithMany().HasForeignKey(x => x.RoundEntryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Dossier>().WithMany().HasForeignKey(x => x.DossierId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class MinistryReferralConfiguration : IEntityTypeConfiguration<MinistryReferral>
{
    public void Configure(EntityTypeBuilder<MinistryReferral> builder)
    {
        builder.Property(x => x.ProvinceScore).HasPrecision(5, 2);
        builder.Property(x => x.CentralScore).HasPrecision(5, 2);
        builder.Property(x => x.SentReference).HasMaxLength(60);
        builder.Property(x => x.MinistryDecisionNumber).HasMaxLength(60);
        builder.Property(x => x.FollowUp).HasMaxLength(2000);
        builder.Property(x => x.Version).IsConcurrencyToken();
        builder.HasIndex(x => x.RoundEntryId).IsUnique();
        builder.HasOne<RoundEntry>().WithMany().HasForeignKey(x => x.RoundEntryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Dossier>().WithMany().HasForeignKey(x => x.DossierId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Product>().WithMany().HasForeignKey(x => x.ProductId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class CertificateConfiguration : IEntityTypeConfiguration<Certificate>
{
    public void Configure(EntityTypeBuilder<Certificate> builder)
    {
        builder.Property(x => x.Number).HasMaxLength(60);
        builder.Property(x => x.Token).HasMaxLength(64);
        builder.Property(x => x.ProductName).HasMaxLength(200);
        builder.Property(x => x.ProducerName).HasMaxLength(300);
        builder.Property(x => x.ProducerAddress).HasMaxLength(500);
        builder.Property(x => x.CommuneCode).HasMaxLength(10);
        builder.Property(x => x.CategoryCode).HasMaxLength(20);
        builder.Property(x => x.Score).HasPrecision(5, 2);
        builder.Property(x => x.DecisionNumber).HasMaxLength(60);
        builder.Property(x => x.IssuingAuthority).HasMaxLength(200);
        builder.Property(x => x.Version).IsConcurrencyToken();
        builder.HasIndex(x => x.Number).IsUnique();
        builder.HasIndex(x => x.Token).IsUnique();
        builder.HasIndex(x => new { x.SequenceYear, x.Sequence }).IsUnique();
        builder.HasIndex(x => new { x.State, x.ValidUntil });
        builder.HasIndex(x => x.ProductId);
        builder.HasIndex(x => x.ProducerId);
        builder.HasIndex(x => x.DecisionId);
        builder.HasOne<RecognitionDecision>().WithMany().HasForeignKey(x => x.DecisionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DecisionLine>().WithMany().HasForeignKey(x => x.DecisionLineId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Product>().WithMany().HasForeignKey(x => x.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Producer>().WithMany().HasForeignKey(x => x.ProducerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Dossier>().WithMany().HasForeignKey(x => x.DossierId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Certificate>().WithMany().HasForeignKey(x => x.SupersededById).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class RevocationConfiguration : IEntityTypeConfiguration<Revocation>
{
    public void Configure(EntityTypeBuilder<Revocation> builder)
    {
        builder.Property(x => x.Details).HasMaxLength(4000);
        builder.Property(x => x.DecisionNumber).HasMaxLength(60);
        builder.Property(x => x.Authority).HasMaxLength(200);
        builder.Property(x => x.CreatedByUserId).HasMaxLength(450);
        builder.HasIndex(x => x.CertificateId).IsUnique(); // revoked once, irreversibly
        builder.HasOne<Certificate>().WithMany().HasForeignKey(x => x.CertificateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Inspection>().WithMany().HasForeignKey(x => x.InspectionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(x => x.Attachments).WithOne().HasForeignKey(x => x.RevocationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class RevocationAttachmentConfiguration : IEntityTypeConfiguration<RevocationAttachment>
{
    public void Configure(EntityTypeBuilder<RevocationAttachment> builder) =>
        builder.HasOne<StoredFile>().WithMany().HasForeignKey(x => x.FileId).OnDelete(DeleteBehavior.Restrict);
}

public sealed class InspectionConfiguration : IEntityTypeConfiguration<Inspection>
{
    public void Configure(EntityTypeBuilder<Inspection> builder)
    {
        builder.Property(x => x.Inspectors).HasMaxLength(500);
        builder.Property(x => x.Findings).HasMaxLength(8000);
        builder.Property(x => x.FollowUpNotes).HasMaxLength(4000);
        builder.Property(x => x.CreatedByUserId).HasMaxLength(450);
        builder.HasIndex(x => new { x.CertificateId, x.InspectedOn });
        builder.HasIndex(x => x.FollowUpDueOn);
        builder.HasOne<Certificate>().WithMany().HasForeignKey(x => x.CertificateId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class CertificateReminderConfiguration : IEntityTypeConfiguration<CertificateReminder>
{
    public void Configure(EntityTypeBuilder<CertificateReminder> builder)
    {
        builder.HasKey(x => new { x.CertificateId, x.Kind }); // once per kind per certificate, however often the job runs
        builder.HasOne<Certificate>().WithMany().HasForeignKey(x => x.CertificateId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> builder)
    {
        builder.HasKey(x => new { x.Job, x.RunDate });
        builder.Property(x => x.Job).HasMaxLength(60);
        builder.Property(x => x.ClaimedBy).HasMaxLength(200);
        builder.Property(x => x.Summary).HasMaxLength(2000);
    }
}

public sealed class NumberSequenceConfiguration : IEntityTypeConfiguration<NumberSequence>
{
    public void Configure(EntityTypeBuilder<NumberSequence> builder)
    {
        builder.HasKey(x => x.Key);
        builder.Property(x => x.Key).HasMaxLength(60);
    }
}
