using OcopPortal.Web.Domain.Recognition;

namespace OcopPortal.Web.Features.Catalogue;

/// <summary>Vietnamese source strings for the public status of a certificate (English in the resx).</summary>
public static class CatalogueLabels
{
    public static string Status(CertificateStatus status) => status switch
    {
        CertificateStatus.Valid => "Còn hiệu lực",
        CertificateStatus.Expiring => "Còn hiệu lực (sắp hết hạn)",
        CertificateStatus.Extended => "Còn hiệu lực (gia hạn chờ đánh giá lại)",
        CertificateStatus.Expired => "Hết hiệu lực",
        CertificateStatus.Superseded => "Đã được thay thế",
        CertificateStatus.Revoked => "Đã bị thu hồi",
        _ => "",
    };

    /// <summary>Bootstrap colour of the status badge (text-bg-*).</summary>
    public static string Badge(CertificateStatus status) => CertificateLifecycle.IsInForce(status) ? "success"
        : status == CertificateStatus.Revoked ? "danger" : "secondary";

    /// <summary>Stable machine value for open data and test hooks.</summary>
    public static string Code(CertificateStatus status) => status switch
    {
        CertificateStatus.Valid => "valid",
        CertificateStatus.Expiring => "expiring",
        CertificateStatus.Extended => "extended",
        CertificateStatus.Expired => "expired",
        CertificateStatus.Superseded => "superseded",
        CertificateStatus.Revoked => "revoked",
        _ => "unknown",
    };
}
