namespace OcopPortal.Web.Domain.Recognition;

/// <summary>What a certificate is on a given day, as readers see it.</summary>
public enum CertificateStatus
{
    /// <summary>Còn hiệu lực.</summary>
    Valid = 1,

    /// <summary>Còn hiệu lực, trong thời hạn đề nghị đánh giá lại (from the window's opening to expiry).</summary>
    Expiring = 2,

    /// <summary>Hết hiệu lực.</summary>
    Expired = 3,

    /// <summary>Past expiry but kept valid while a late re-evaluation is decided (Art. 12.3, ≤ 180 days).</summary>
    Extended = 4,

    /// <summary>Replaced by a newer certificate (upgrade or re-recognition).</summary>
    Superseded = 5,

    /// <summary>Đã bị thu hồi.</summary>
    Revoked = 6,
}

/// <summary>The date rules of a certificate's life, as pure functions (table-tested at month ends and leap days).</summary>
public static class CertificateLifecycle
{
    /// <summary>The most a late re-evaluation can keep a certificate alive past its expiry (QĐ 26/2026 Art. 12.3).</summary>
    public const int MaxTransitionalDays = 180;

    /// <summary>Valid until = issue date + the validity months (a 29/02 or 31st issue ends on the month's last day).</summary>
    public static DateOnly ValidUntil(DateOnly issuedOn, int validityMonths) => issuedOn.AddMonths(validityMonths);

    public static DateOnly WindowOpens(DateOnly validUntil, int opensDaysBefore) => validUntil.AddDays(-opensDaysBefore);

    public static DateOnly WindowCloses(DateOnly validUntil, int closesDaysBefore) => validUntil.AddDays(-closesDaysBefore);

    /// <summary>The day the "window closes soon" reminder is due: <paramref name="noticeDays"/> before the window's last day.</summary>
    public static DateOnly WindowClosingReminderOn(DateOnly validUntil, int closesDaysBefore, int noticeDays) =>
        WindowCloses(validUntil, closesDaysBefore).AddDays(-noticeDays);

    /// <summary>The latest a transitional extension may run: expiry + 180 days.</summary>
    public static DateOnly LatestExtension(DateOnly validUntil) => validUntil.AddDays(MaxTransitionalDays);

    public static CertificateStatus StatusOn(Certificate certificate, DateOnly day, int opensDaysBefore = 180) =>
        StatusOn(certificate.State, certificate.ValidUntil, certificate.ExtendedUntil, day, opensDaysBefore);

    public static CertificateStatus StatusOn(
        CertificateState state, DateOnly validUntil, DateOnly? extendedUntil, DateOnly day, int opensDaysBefore = 180)
    {
        if (state == CertificateState.Revoked)
        {
            return CertificateStatus.Revoked;
        }

        if (state == CertificateState.Superseded)
        {
            return CertificateStatus.Superseded;
        }

        // Marked by the daily job only once valid-until (and any extension) has passed: stored Expired is final.
        if (state == CertificateState.Expired)
        {
            return CertificateStatus.Expired;
        }

        if (day > validUntil)
        {
            return extendedUntil is { } until && day <= until
                ? CertificateStatus.Extended
                : CertificateStatus.Expired;
        }

        return day >= WindowOpens(validUntil, opensDaysBefore) ? CertificateStatus.Expiring : CertificateStatus.Valid;
    }

    /// <summary>Whether the certificate counts as currently recognised (valid, expiring or transitionally extended).</summary>
    public static bool IsInForce(CertificateStatus status) =>
        status is CertificateStatus.Valid or CertificateStatus.Expiring or CertificateStatus.Extended;
}
