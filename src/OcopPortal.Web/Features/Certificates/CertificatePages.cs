using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain.Calendar;
using OcopPortal.Web.Domain.Councils;
using OcopPortal.Web.Domain.Recognition;
using OcopPortal.Web.Infrastructure.Files;
using OcopPortal.Web.Infrastructure.Web;

namespace OcopPortal.Web.Features.Certificates;

public sealed record CertificateRow(
    int Id, string Number, string ProductName, string ProducerName, string CommuneName, int Stars, DateOnly IssuedOn, DateOnly ValidUntil,
    CertificateStatus Status);

public sealed record CertificateListPage(
    Paged<CertificateRow> Rows, CertificateFilter Filter, IReadOnlyDictionary<CertificateStatus, int> Counts,
    IReadOnlyList<(string Code, string Name)> Communes, bool ReadOnly);

public sealed record LinkedCertificate(int Id, string Number, string Token, DateOnly IssuedOn, int Stars);

public sealed record RevocationView(Revocation Revocation, IReadOnlyList<StoredFile> Files);

/// <summary>A certificate with everything around it: decision, supersession, revocation, inspections, window.</summary>
public sealed record CertificateDetail(
    Certificate Certificate,
    CertificateStatus Status,
    DateOnly Today,
    string CommuneName,
    string? CriteriaSetName,
    int? DecisionId,
    LinkedCertificate? SupersededBy,
    IReadOnlyList<LinkedCertificate> Replaces,
    RevocationView? Revocation,
    IReadOnlyList<Inspection> Inspections,
    SubmissionWindow Window,
    string VerificationUrl)
{
    public int DaysToExpiry => Certificate.ValidUntil.DayNumber - Today.DayNumber;

    public bool WindowOpen => Status is CertificateStatus.Valid or CertificateStatus.Expiring && Window.StateOn(Today) == WindowState.Open;

    /// <summary>Upgrade is for 3★ and 4★ certificates still in force.</summary>
    public bool CanUpgrade => Certificate.Stars < 5 && Status is CertificateStatus.Valid or CertificateStatus.Expiring;
}

/// <summary>The council's result for the producer: per-part means and the members' comments, anonymous.</summary>
public sealed record CouncilFeedback(decimal? Mean, IReadOnlyList<(string Part, decimal Mean)> PartMeans, IReadOnlyList<string> Comments);

public sealed record MyCertificatesPage(IReadOnlyList<CertificateDetail> Certificates);

public sealed record MyCertificatePage(CertificateDetail Detail, CouncilFeedback? Feedback, int? OpenDossierId, string? TraceCode = null);

/// <summary>What the public verification page shows (no private data: no contacts, no per-member scores).</summary>
public sealed record VerificationPage(
    string Number, string ProductName, string ProducerName, string CommuneName, int Stars, int CriteriaSetNumber, string? CriteriaSetName,
    string Authority, string DecisionNumber, DateOnly DecisionDate, DateOnly IssuedOn, DateOnly ValidUntil, DateOnly? ExtendedUntil,
    CertificateStatus Status, DateOnly Today, LinkedCertificate? SupersededBy, Revocation? Revocation);

public sealed class CertificatePages(OcopDbContext db, CertificateRegistry registry)
{
    public async Task<CertificateDetail> DetailAsync(Certificate c, HttpRequest request, CancellationToken ct)
    {
        var today = registry.Today;
        var commune = await db.Communes.Where(x => x.Code == c.CommuneCode).Select(x => x.FullName).FirstOrDefaultAsync(ct) ?? c.CommuneCode;
        var setNames = await registry.SetNamesAsync([c], ct);
        var supersededBy = c.SupersededById is { } sid
            ? await db.Certificates.Where(x => x.Id == sid).Select(x => new LinkedCertificate(x.Id, x.Number, x.Token, x.IssuedOn, x.Stars)).FirstOrDefaultAsync(ct)
            : null;
        var replaces = await db.Certificates.Where(x => x.SupersededById == c.Id)
            .Select(x => new LinkedCertificate(x.Id, x.Number, x.Token, x.IssuedOn, x.Stars)).ToListAsync(ct);
        var revocation = await db.Revocations.AsNoTracking().Include(r => r.Attachments).FirstOrDefaultAsync(r => r.CertificateId == c.Id, ct);
        RevocationView? revocationView = null;
        if (revocation is not null)
        {
            var fileIds = revocation.Attachments.Select(a => a.FileId).ToList();
            revocationView = new RevocationView(revocation, await db.StoredFiles.AsNoTracking().Where(f => fileIds.Contains(f.Id)).ToListAsync(ct));
        }

        var inspections = await db.Inspections.AsNoTracking().Where(i => i.CertificateId == c.Id)
            .OrderByDescending(i => i.InspectedOn).ThenByDescending(i => i.Id).ToListAsync(ct);
        return new CertificateDetail(c, CertificateLifecycle.StatusOn(c, today), today, commune,
            setNames.GetValueOrDefault((c.RuleSetId, c.CriteriaSetNumber)), c.DecisionId, supersededBy, replaces, revocationView, inspections,
            OcopDeadlines.ReRecognitionWindow(c.ValidUntil), registry.VerificationUrl(request, c.Token));
    }

    /// <summary>
    /// The council's per-part means (frozen at finalisation) and the members' overall comments for the result this
    /// certificate rests on. Comments carry no seat or name and are sorted by their text, so their order does not
    /// tell who wrote which; conflicted members have no sheet for the entry, so they are not among them.
    /// </summary>
    public async Task<CouncilFeedback?> FeedbackAsync(Certificate c, CancellationToken ct)
    {
        if (c.DecisionLineId is not { } lineId)
        {
            return null;
        }

        var entryId = await db.DecisionLines.Where(l => l.Id == lineId).Select(l => l.RoundEntryId).FirstOrDefaultAsync(ct);
        if (entryId is null)
        {
            return null;
        }

        var entry = await db.RoundEntries.AsNoTracking().FirstOrDefaultAsync(e => e.Id == entryId, ct);
        if (entry?.ResultDetail is null)
        {
            return null;
        }

        var parts = new List<(string, decimal)>();
        using (var json = JsonDocument.Parse(entry.ResultDetail))
        {
            if (json.RootElement.TryGetProperty("PartMeans", out var means) && means.ValueKind == JsonValueKind.Object)
            {
                parts.AddRange(means.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Number)
                    .Select(p => (p.Name, p.Value.GetDecimal())).OrderBy(p => p.Name, StringComparer.Ordinal));
            }
        }

        var comments = (await db.ScoreSheets.AsNoTracking()
                .Where(s => s.RoundEntryId == entry.Id && s.Status == SheetStatus.Submitted && s.OverallComment != null && s.OverallComment != "")
                .Select(s => s.OverallComment!).ToListAsync(ct))
            .Select(s => s.Trim()).Where(s => s.Length > 0).Order(StringComparer.Ordinal).ToList();
        return new CouncilFeedback(entry.ResultMean, parts, comments);
    }

    /// <summary>The verification page for a token, or null (forged, altered or unknown: the caller answers 404).</summary>
    public async Task<VerificationPage?> VerificationAsync(string token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 64)
        {
            return null;
        }

        var c = await db.Certificates.AsNoTracking().FirstOrDefaultAsync(x => x.Token == token, ct);
        // The database compares case-insensitively on some collations: the token must match exactly.
        if (c is null || !string.Equals(c.Token, token, StringComparison.Ordinal))
        {
            return null;
        }

        var today = registry.Today;
        var commune = await db.Communes.Where(x => x.Code == c.CommuneCode).Select(x => x.FullName).FirstOrDefaultAsync(ct) ?? "";
        var setNames = await registry.SetNamesAsync([c], ct);
        var supersededBy = c.SupersededById is { } sid
            ? await db.Certificates.Where(x => x.Id == sid).Select(x => new LinkedCertificate(x.Id, x.Number, x.Token, x.IssuedOn, x.Stars)).FirstOrDefaultAsync(ct)
            : null;
        var revocation = c.State == CertificateState.Revoked
            ? await db.Revocations.AsNoTracking().FirstOrDefaultAsync(r => r.CertificateId == c.Id, ct)
            : null;
        return new VerificationPage(c.Number, c.ProductName, c.ProducerName, commune, c.Stars, c.CriteriaSetNumber,
            setNames.GetValueOrDefault((c.RuleSetId, c.CriteriaSetNumber)), c.IssuingAuthority, c.DecisionNumber, c.DecisionDate, c.IssuedOn,
            c.ValidUntil, c.ExtendedUntil, CertificateLifecycle.StatusOn(c, today), today, supersededBy, revocation);
    }
}
