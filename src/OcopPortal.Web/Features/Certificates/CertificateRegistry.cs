using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain.Calendar;
using OcopPortal.Web.Domain.Producers;
using OcopPortal.Web.Domain.Recognition;
using OcopPortal.Web.Features.Dossiers;
using OcopPortal.Web.Features.Recognition;
using OcopPortal.Web.Infrastructure.Auth;
using OcopPortal.Web.Infrastructure.Web;

namespace OcopPortal.Web.Features.Certificates;

/// <summary>What a certificate's reader may do with it.</summary>
public enum CertificateReader
{
    None,
    Office,
    Commune,
    Producer,
}

/// <summary>
/// The one answer to "which certificates may this user see": the Office all, a commune officer those of the communes
/// assigned to them (read-only), a producer their own. Anything else is not found (404), so ids reveal nothing.
/// Also the day-dependent status rules as queries (the registry filters on the status as of today).
/// </summary>
public sealed class CertificateRegistry(OcopDbContext db, TimeProvider clock, IOptions<PortalOptions> portal)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().Date);

    public static CertificateReader ReaderOf(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Office) ? CertificateReader.Office
        : user.IsInRole(Roles.Commune) ? CertificateReader.Commune
        : user.IsInRole(Roles.Producer) ? CertificateReader.Producer
        : CertificateReader.None;

    public IQueryable<Certificate> Visible(ClaimsPrincipal user)
    {
        var userId = DossierAccess.UserId(user);
        return ReaderOf(user) switch
        {
            CertificateReader.Office => db.Certificates,
            CertificateReader.Commune => db.Certificates.Where(c => db.StaffCommunes.Any(s => s.UserId == userId && s.CommuneCode == c.CommuneCode)),
            CertificateReader.Producer => db.Certificates.Where(c => db.Set<Producer>().Any(p => p.Id == c.ProducerId && p.OwnerUserId == userId)),
            _ => db.Certificates.Where(_ => false),
        };
    }

    /// <summary>Certificates whose status today is <paramref name="status"/> (the SQL form of <see cref="CertificateLifecycle.StatusOn(Certificate, DateOnly, int)"/>).</summary>
    public static IQueryable<Certificate> WithStatus(IQueryable<Certificate> query, CertificateStatus status, DateOnly today)
    {
        var windowEdge = today.AddDays(OcopDeadlines.ReRecognitionOpensDaysBefore);
        return status switch
        {
            CertificateStatus.Revoked => query.Where(c => c.State == CertificateState.Revoked),
            CertificateStatus.Superseded => query.Where(c => c.State == CertificateState.Superseded),
            // Active and job-marked Expired rows follow the dates alike (StatusOn only looks at the state past expiry).
            CertificateStatus.Valid => query.Where(c => (c.State == CertificateState.Active || c.State == CertificateState.Expired)
                                                        && c.ValidUntil > windowEdge),
            CertificateStatus.Expiring => query.Where(c => (c.State == CertificateState.Active || c.State == CertificateState.Expired)
                                                           && c.ValidUntil >= today && c.ValidUntil <= windowEdge),
            CertificateStatus.Extended => query.Where(c => c.State == CertificateState.Active && c.ValidUntil < today
                                                           && c.ExtendedUntil != null && c.ExtendedUntil >= today),
            CertificateStatus.Expired => query.Where(c => (c.State == CertificateState.Active || c.State == CertificateState.Expired)
                                                          && c.ValidUntil < today
                                                          && !(c.State == CertificateState.Active && c.ExtendedUntil != null && c.ExtendedUntil >= today)),
            _ => query,
        };
    }

    /// <summary>The absolute verification address printed in the QR: the configured public address, else this request's.</summary>
    public string VerificationUrl(HttpRequest? request, string token)
    {
        var configured = portal.Value.PublicBaseUrl;
        var origin = !string.IsNullOrWhiteSpace(configured) ? configured.TrimEnd('/')
            : request is null ? "" : $"{request.Scheme}://{request.Host}{request.PathBase}";
        return origin + CertificateIssuer.VerificationPath(token);
    }

    /// <summary>Everything printed on certificates, loaded in a few queries however many there are.</summary>
    public async Task<IReadOnlyList<CertificatePrint>> PrintsAsync(IQueryable<Certificate> which, HttpRequest? request, CancellationToken ct)
    {
        var certificates = await which.AsNoTracking().OrderBy(c => c.SequenceYear).ThenBy(c => c.Sequence).ThenBy(c => c.Id).ToListAsync(ct);
        if (certificates.Count == 0)
        {
            return [];
        }

        var decisionIds = certificates.Where(c => c.DecisionId != null).Select(c => c.DecisionId!.Value).Distinct().ToList();
        var decisions = await db.RecognitionDecisions.AsNoTracking().Where(d => decisionIds.Contains(d.Id))
            .Select(d => new { d.Id, d.SignatoryName, d.SignatoryTitle }).ToDictionaryAsync(d => d.Id, ct);
        var ids = certificates.Select(c => c.Id).ToList();
        var revoked = await db.Revocations.AsNoTracking().Where(r => ids.Contains(r.CertificateId))
            .Select(r => new { r.CertificateId, r.DecisionDate }).ToDictionaryAsync(r => r.CertificateId, r => r.DecisionDate, ct);
        var setNames = await SetNamesAsync(certificates, ct);
        var province = portal.Value.ProvinceName;
        return certificates.Select(c =>
        {
            var decision = c.DecisionId is { } did && decisions.TryGetValue(did, out var d) ? d : null;
            return new CertificatePrint(
                c.Number, VerificationUrl(request, c.Token), c.ProductName, c.ProducerName, c.ProducerAddress,
                c.CriteriaSetNumber, setNames.GetValueOrDefault((c.RuleSetId, c.CriteriaSetNumber)), c.CategoryCode, c.Stars,
                c.DecisionNumber, c.DecisionDate, c.IssuingAuthority, decision?.SignatoryTitle, decision?.SignatoryName,
                c.IssuedOn, c.ValidUntil, province, revoked.TryGetValue(c.Id, out var on) ? on : null);
        }).ToList();
    }

    /// <summary>Criteria set names by (rule set, number); certificates without a rule set take the name from any set with the number.</summary>
    public async Task<Dictionary<(int? RuleSetId, int Number), string>> SetNamesAsync(IEnumerable<Certificate> certificates, CancellationToken ct)
    {
        var numbers = certificates.Select(c => c.CriteriaSetNumber).Distinct().ToList();
        var sets = await db.CriteriaSets.AsNoTracking().Where(s => numbers.Contains(s.Number))
            .Select(s => new { s.RuleSetId, s.Number, s.Name }).ToListAsync(ct);
        var names = new Dictionary<(int?, int), string>();
        foreach (var s in sets)
        {
            names[(s.RuleSetId, s.Number)] = s.Name;
            names.TryAdd((null, s.Number), s.Name);
        }

        foreach (var c in certificates.Where(c => c.RuleSetId is not null && !names.ContainsKey((c.RuleSetId, c.CriteriaSetNumber))))
        {
            if (names.TryGetValue((null, c.CriteriaSetNumber), out var any))
            {
                names[(c.RuleSetId, c.CriteriaSetNumber)] = any;
            }
        }

        return names;
    }

    public static string FileName(string number) =>
        "giay-chung-nhan-" + new string(number.Select(ch => char.IsAsciiLetterOrDigit(ch) ? ch : '-').ToArray()).Trim('-') + ".pdf";
}

/// <summary>The facts printed on one certificate.</summary>
public sealed record CertificatePrint(
    string Number,
    string VerificationUrl,
    string ProductName,
    string ProducerName,
    string ProducerAddress,
    int CriteriaSetNumber,
    string? CriteriaSetName,
    string CategoryCode,
    int Stars,
    string DecisionNumber,
    DateOnly DecisionDate,
    string IssuingAuthority,
    string? SignatoryTitle,
    string? SignatoryName,
    DateOnly IssuedOn,
    DateOnly ValidUntil,
    string ProvinceName,
    DateOnly? RevokedOn);
