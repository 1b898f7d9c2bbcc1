using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain.Recognition;
using OcopPortal.Web.Infrastructure.Web;

namespace OcopPortal.Web.Features.Recognition;

/// <summary>
/// Makes certificates: gap-free numbers per year from a counter row incremented inside the caller's transaction
/// (a rolled-back issue gives its numbers back; two issues at once queue on the row), and unguessable tokens.
/// Callers own the transaction and the save.
/// </summary>
public sealed class CertificateIssuer(OcopDbContext db, IOptions<PortalOptions> portal)
{
    /// <summary>Reserves <paramref name="count"/> consecutive numbers for <paramref name="year"/>; returns the first. Call inside a transaction.</summary>
    public async Task<int> ReserveAsync(int year, int count, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Certificate numbers are reserved inside the issuing transaction.");
        }

        var key = SequenceKey(year);
        if (db.Database.IsSqlServer())
        {
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"INSERT INTO NumberSequences ([Key], Last) SELECT {key}, 0 WHERE NOT EXISTS (SELECT 1 FROM NumberSequences WITH (UPDLOCK, HOLDLOCK) WHERE [Key] = {key})", ct);
        }
        else
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"INSERT OR IGNORE INTO NumberSequences (Key, Last) VALUES ({key}, 0)", ct);
        }

        await db.NumberSequences.Where(x => x.Key == key).ExecuteUpdateAsync(s => s.SetProperty(x => x.Last, x => x.Last + count), ct);
        var last = await db.NumberSequences.Where(x => x.Key == key).Select(x => x.Last).SingleAsync(ct);
        return last - count + 1;
    }

    public static string SequenceKey(int year) => $"certificate:{year}";

    public string Number(int year, int sequence) => portal.Value.CertificateNumberPattern
        .Replace("{seq}", sequence.ToString("0000", CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{year}", year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    /// <summary>128 random bits, base64url: the verification link's only key.</summary>
    public static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(16));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Where a certificate's QR leads.</summary>
    public static string VerificationPath(string token) => $"/verify/{token}";
}
