using OcopPortal.Web.Domain.Producers;
using OcopPortal.Web.Domain.Recognition;

namespace OcopPortal.Web.Domain.Catalogue;

/// <summary>
/// The public catalogue's read model: one row per product that has a certificate, describing the product's current
/// certificate (the newest that is not superseded) with the names, codes and folded search text the public pages
/// filter, sort and search on. Maintained by <c>Features.Catalogue.CatalogueIndex</c> from products, producers and
/// certificates; never edited by hand. Holds only what the certificate and the product page state publicly.
/// </summary>
public class CatalogueEntry
{
    public int ProductId { get; set; }

    public int CertificateId { get; set; }

    public int ProducerId { get; set; }

    public string ProductName { get; set; } = "";

    public string ProducerName { get; set; } = "";

    public ProducerType ProducerType { get; set; }

    /// <summary>Current (post-2025) commune of the producer, its display name and province.</summary>
    public string CommuneCode { get; set; } = "";

    public string CommuneName { get; set; } = "";

    public string ProvinceCode { get; set; } = "";

    /// <summary>Ngành (I–VI), nhóm (I.3) and the leaf (I.3.b) of the classification, and its criteria set.</summary>
    public string SectorCode { get; set; } = "";

    public string GroupCode { get; set; } = "";

    public string CategoryCode { get; set; } = "";

    public string CategoryName { get; set; } = "";

    public int CriteriaSetNumber { get; set; }

    public string CriteriaSetName { get; set; } = "";

    public int Stars { get; set; }

    public string CertificateNumber { get; set; } = "";

    /// <summary>The certificate's verification token (its public QR link, /verify/{token}).</summary>
    public string Token { get; set; } = "";

    public DateOnly IssuedOn { get; set; }

    public DateOnly ValidUntil { get; set; }

    public DateOnly? ExtendedUntil { get; set; }

    public CertificateState State { get; set; }

    /// <summary>
    /// The last day the certificate counts as in force (<see cref="CertificateLifecycle.IsInForce"/>): null when
    /// revoked or superseded, otherwise the validity end or the transitional extension. "In force today" is then
    /// one indexed comparison: <c>InForceUntil &gt;= today</c>.
    /// </summary>
    public DateOnly? InForceUntil { get; set; }

    /// <summary>The product's first photo (public on the product page), if any.</summary>
    public Guid? CoverFileId { get; set; }

    /// <summary><see cref="Text.VietnameseText.Fold"/> of the product name: name matches rank first.</summary>
    public string NameText { get; set; } = "";

    /// <summary>Folded current commune name and the former communes and districts it absorbed (the "xã/phường" filter).</summary>
    public string PlaceText { get; set; } = "";

    /// <summary>Folded product, producer and commune names (current and former), category and story.</summary>
    public string SearchText { get; set; } = "";

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The in-force end date a certificate in this state has (see <see cref="InForceUntil"/>).</summary>
    public static DateOnly? InForceUntilOf(CertificateState state, DateOnly validUntil, DateOnly? extendedUntil) => state switch
    {
        CertificateState.Revoked or CertificateState.Superseded => null,
        CertificateState.Expired => validUntil,
        _ => extendedUntil is { } e && e > validUntil ? e : validUntil,
    };
}
