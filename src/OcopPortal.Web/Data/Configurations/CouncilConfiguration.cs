using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OcopPortal.Web.Domain;
using OcopPortal.Web.Domain.Councils;
using OcopPortal.Web.Domain.Dossiers;

namespace OcopPortal.Web.Data.Configurations;

public sealed class CouncilConfiguration : IEntityTypeConfiguration<Council>
{
    public void Configure(EntityTypeBuilder<Council> builder)
    {
        builder.Property(x => x.Name).HasMaxLength(300);
        builder.Property(x => x.DecisionNumber).HasMaxLength(60);
        builder.HasMany(x => x.Seats).WithOne().HasForeignKey(x => x.CouncilId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class CouncilSeatConfiguration : IEntityTypeConfiguration<CouncilSeat>
{
    public void Configure(EntityTypeBuilder<CouncilSeat> builder)
    {
        builder.Property(x => x.UserId).HasMaxLength(450);
        builder.Property(x => x.FullName).HasMaxLength(200);
        builder.Property(x => x.Agency).HasMaxLength(300);
        builder.Ignore(x => x.Votes);
        builder.HasIndex(x => x.UserId);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class EvaluationRoundConfiguration : IEntityTypeConfiguration<EvaluationRound>
{
    public void Configure(EntityTypeBuilder<EvaluationRound> builder)
    {
        builder.Property(x => x.Name).HasMaxLength(300);
        builder.Property(x => x.Version).IsConcurrencyToken();
        builder.HasIndex(x => new { x.Year, x.Number });
        builder.HasOne<Council>().WithMany().HasForeignKey(x => x.CouncilId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(x => x.Entries).WithOne().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(x => x.Attendance).WithOne().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class RoundEntryConfiguration : IEntityTypeConfiguration<RoundEntry>
{
    public void Configure(EntityTypeBuilder<RoundEntry> builder)
    {
        builder.Property(x => x.AdvisoryNotes).HasMaxLength(8000);
        builder.Property(x => x.SpreadJustification).HasMaxLength(4000);
        builder.Property(x => x.ResultMean).HasPrecision(5, 2);
        builder.HasIndex(x => x.DossierId).IsUnique(); // a dossier is evaluated in one round
        builder.HasOne<Dossier>().WithMany().HasForeignKey(x => x.DossierId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ConflictDeclarationConfiguration : IEntityTypeConfiguration<ConflictDeclaration>
{
    public void Configure(EntityTypeBuilder<ConflictDeclaration> builder)
    {
        builder.Property(x => x.Reason).HasMaxLength(1000);
        builder.Property(x => x.DeclaredByUserId).HasMaxLength(450);
        builder.HasIndex(x => new { x.RoundEntryId, x.SeatId }).IsUnique();
        builder.HasOne<RoundEntry>().WithMany().HasForeignKey(x => x.RoundEntryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<CouncilSeat>().WithMany().HasForeignKey(x => x.SeatId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ScoreSheetConfiguration : IEntityTypeConfiguration<ScoreSheet>
{
    public void Configure(EntityTypeBuilder<ScoreSheet> builder)
    {
        builder.Property(x => x.Total).HasPrecision(5, 2);
        builder.Property(x => x.OverallComment).HasMaxLength(4000);
        builder.Property(x => x.ReopenReason).HasMaxLength(1000);
        builder.Property(x => x.Version).IsConcurrencyToken();
        builder.HasIndex(x => new { x.RoundEntryId, x.SeatId }).IsUnique(); // one sheet per member and product: no duplicates
        builder.HasOne<RoundEntry>().WithMany().HasForeignKey(x => x.RoundEntryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<CouncilSeat>().WithMany().HasForeignKey(x => x.SeatId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(x => x.Answers).WithOne().HasForeignKey(x => x.SheetId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ScoreSheetAnswerConfiguration : IEntityTypeConfiguration<ScoreSheetAnswer>
{
    public void Configure(EntityTypeBuilder<ScoreSheetAnswer> builder)
    {
        builder.Property(x => x.CriterionCode).HasMaxLength(20);
        builder.Property(x => x.Comment).HasMaxLength(2000);
        builder.HasIndex(x => new { x.SheetId, x.CriterionCode }).IsUnique();
    }
}

public sealed class RoundAttendanceConfiguration : IEntityTypeConfiguration<RoundAttendance>
{
    public void Configure(EntityTypeBuilder<RoundAttendance> builder)
    {
        builder.HasKey(x => new { x.RoundId, x.SeatId });
        builder.HasOne<CouncilSeat>().WithMany().HasForeignKey(x => x.SeatId).OnDelete(DeleteBehavior.Restrict);
    }
}
