using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using OcopPortal.Web.Domain;
using OcopPortal.Web.Domain.AdminUnits;
using OcopPortal.Web.Domain.Councils;
using OcopPortal.Web.Domain.Dossiers;
using OcopPortal.Web.Domain.Recognition;
using OcopPortal.Web.Domain.Reports;
using OcopPortal.Web.Domain.Rules;
using OcopPortal.Web.Infrastructure.Audit;
using OcopPortal.Web.Infrastructure.Email;
using OcopPortal.Web.Infrastructure.Files;
using OcopPortal.Web.Infrastructure.Notifications;

namespace OcopPortal.Web.Data;

/// <summary>
/// The one model of the portal. Each provider has a thin derived context that owns its migrations
/// (<see cref="SqliteOcopDbContext"/>, <see cref="SqlServerOcopDbContext"/>); features depend on this type only.
/// </summary>
public abstract class OcopDbContext(DbContextOptions options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<OutboxEmail> OutboxEmails => Set<OutboxEmail>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<RuleSet> RuleSets => Set<RuleSet>();

    public DbSet<CriteriaSet> CriteriaSets => Set<CriteriaSet>();

    public DbSet<CriterionNode> CriterionNodes => Set<CriterionNode>();

    public DbSet<CriterionOption> CriterionOptions => Set<CriterionOption>();

    public DbSet<ProductCategory> ProductCategories => Set<ProductCategory>();

    public DbSet<LegacyCategory> LegacyCategories => Set<LegacyCategory>();

    public DbSet<Province> Provinces => Set<Province>();

    public DbSet<Commune> Communes => Set<Commune>();

    public DbSet<CommuneMapping> CommuneMappings => Set<CommuneMapping>();

    public DbSet<StoredFile> StoredFiles => Set<StoredFile>();

    /// <summary>The bytes of uploads; read them through <see cref="FileStore.OpenReadAsync"/>, which streams.</summary>
    public DbSet<StoredFileContent> StoredFileContents => Set<StoredFileContent>();

    public DbSet<Dossier> Dossiers => Set<Dossier>();

    public DbSet<DossierSlot> DossierSlots => Set<DossierSlot>();

    public DbSet<DossierFile> DossierFiles => Set<DossierFile>();

    public DbSet<DossierEvent> DossierEvents => Set<DossierEvent>();

    public DbSet<CommuneAssessment> CommuneAssessments => Set<CommuneAssessment>();

    public DbSet<SupplementRequest> SupplementRequests => Set<SupplementRequest>();

    public DbSet<StaffCommune> StaffCommunes => Set<StaffCommune>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<Council> Councils => Set<Council>();

    public DbSet<CouncilSeat> CouncilSeats => Set<CouncilSeat>();

    public DbSet<EvaluationRound> EvaluationRounds => Set<EvaluationRound>();

    public DbSet<RoundEntry> RoundEntries => Set<RoundEntry>();

    public DbSet<ConflictDeclaration> ConflictDeclarations => Set<ConflictDeclaration>();

    public DbSet<ScoreSheet> ScoreSheets => Set<ScoreSheet>();

    public DbSet<ScoreSheetAnswer> ScoreSheetAnswers => Set<ScoreSheetAnswer>();

    public DbSet<RoundAttendance> RoundAttendance => Set<RoundAttendance>();

    public DbSet<RecognitionDecision> RecognitionDecisions => Set<RecognitionDecision>();

    public DbSet<DecisionLine> DecisionLines => Set<DecisionLine>();

    public DbSet<MinistryReferral> MinistryReferrals => Set<MinistryReferral>();

    public DbSet<Certificate> Certificates => Set<Certificate>();

    public DbSet<Revocation> Revocations => Set<Revocation>();

    public DbSet<RevocationAttachment> RevocationAttachments => Set<RevocationAttachment>();

    public DbSet<Inspection> Inspections => Set<Inspection>();

    public DbSet<CertificateReminder> CertificateReminders => Set<CertificateReminder>();

    public DbSet<JobRun> JobRuns => Set<JobRun>();

    public DbSet<NumberSequence> NumberSequences => Set<NumberSequence>();

    public DbSet<Stamps.DataStamp> DataStamps => Set<Stamps.DataStamp>();

    public DbSet<ProgrammeTarget> ProgrammeTargets => Set<ProgrammeTarget>();

    public DbSet<EntryPartResult> EntryPartResults => Set<EntryPartResult>();

    public DbSet<EntryUnmetMinimum> EntryUnmetMinimums => Set<EntryUnmetMinimum>();
    public DbSet<Domain.Catalogue.CatalogueEntry> CatalogueEntries => Set<Domain.Catalogue.CatalogueEntry>();

    public DbSet<Domain.Traceability.TraceRecord> TraceRecords => Set<Domain.Traceability.TraceRecord>();

    public DbSet<Domain.Traceability.TraceVersion> TraceVersions => Set<Domain.Traceability.TraceVersion>();

    public DbSet<Domain.Traceability.TraceBatch> TraceBatches => Set<Domain.Traceability.TraceBatch>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(OcopDbContext).Assembly);
    }
}
