using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OcopPortal.Web.Domain.Councils;
using OcopPortal.Web.Domain.Dossiers;
using OcopPortal.Web.Domain.Recognition;
using OcopPortal.Web.Domain.Reports;

namespace OcopPortal.Web.Data.Configurations;

public sealed class ProgrammeTargetConfiguration : IEntityTypeConfiguration<ProgrammeTarget>
{
    public void Configure(EntityTypeBuilder<ProgrammeTarget> builder)
    {
        builder.Property(x => x.Value).HasPrecision(9, 2);
        builder.Property(x => x.SectorCode).HasMaxLength(10);
        builder.Property(x => x.Description).HasMaxLength(500);
        builder.Property(x => x.CreatedByUserId).HasMaxLength(450);
        builder.Property(x => x.Version).IsConcurrencyToken();
        builder.HasIndex(x => x.Year);
    }
}

/// <summary>
/// Indexes the report queries use, kept here (not in the owning configurations) so the reports' needs are in one
/// place: dossier events counted per kind and period or looked up per dossier and kind, certificates filtered by
/// commune for commune officers.
/// </summary>
public sealed class ReportIndexes : IEntityTypeConfiguration<DossierEvent>, IEntityTypeConfiguration<Certificate>
{
    public void Configure(EntityTypeBuilder<DossierEvent> builder)
    {
        builder.HasIndex(x => new { x.Kind, x.At, x.DossierId }); // covering: dossiers per kind and period
        // A dossier's first event of a kind in one seek (the dashboard's steps): without it SQLite answers such
        // per-dossier lookups from (Kind, At), walking every event of the kind for each dossier.
        builder.HasIndex(x => new { x.DossierId, x.Kind, x.At });
    }

    /// <summary>
    /// Every column the dashboard's stock counts read, after the commune (the commune officer's filter and the by-commune
    /// grouping): SQLite answers those counts from this narrow index alone instead of reading the wide certificate rows.
    /// </summary>
    public void Configure(EntityTypeBuilder<Certificate> builder) =>
        builder.HasIndex(x => new
        {
            x.CommuneCode,
            x.IssuedOn,
            x.Stars,
            x.State,
            x.ValidUntil,
            x.ExtendedUntil,
            x.StateChangedAt,
            x.ProductId,
            x.ProducerId,
            x.CategoryCode,
            x.DossierId,
        }).HasDatabaseName("IX_Certificates_Report");
}

/// <summary>The per-entry score facts the dashboard counts instead of reading every frozen result (or the sheets).</summary>
public sealed class ScoreFactsConfiguration : IEntityTypeConfiguration<EntryPartResult>, IEntityTypeConfiguration<EntryUnmetMinimum>
{
    public void Configure(EntityTypeBuilder<EntryPartResult> builder)
    {
        builder.HasKey(x => new { x.RoundEntryId, x.Part });
        builder.Property(x => x.Part).HasMaxLength(20);
        builder.HasOne<RoundEntry>().WithMany().HasForeignKey(x => x.RoundEntryId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<EntryUnmetMinimum> builder)
    {
        builder.HasKey(x => new { x.RoundEntryId, x.CriterionCode });
        builder.Property(x => x.CriterionCode).HasMaxLength(20);
        builder.Property(x => x.CriterionName).HasMaxLength(300);
        builder.HasOne<RoundEntry>().WithMany().HasForeignKey(x => x.RoundEntryId).OnDelete(DeleteBehavior.Cascade);
    }
}
