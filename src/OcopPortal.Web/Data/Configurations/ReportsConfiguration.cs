using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
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
/// place: dossier events counted per kind and period, certificates filtered by commune for commune officers.
/// </summary>
public sealed class ReportIndexes : IEntityTypeConfiguration<DossierEvent>, IEntityTypeConfiguration<Certificate>
{
    public void Configure(EntityTypeBuilder<DossierEvent> builder) => builder.HasIndex(x => new { x.Kind, x.At });

    public void Configure(EntityTypeBuilder<Certificate> builder) => builder.HasIndex(x => new { x.CommuneCode, x.State });
}
