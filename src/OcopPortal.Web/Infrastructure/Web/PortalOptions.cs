namespace OcopPortal.Web.Infrastructure.Web;

/// <summary>Which province this portal serves (a portal is run by one province).</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>Official province code; the demo province is Cần Thơ (92), which absorbed Sóc Trăng and Hậu Giang in 2025.</summary>
    public string ProvinceCode { get; set; } = "92";

    public string ProvinceName { get; set; } = "Cần Thơ";

    /// <summary>The recognising authority as printed on decisions and certificates.</summary>
    public string AuthorityName { get; set; } = "Ủy ban nhân dân thành phố Cần Thơ";

    /// <summary>
    /// The public address printed in certificate QR codes (e.g. <c>https://ocop.cantho.gov.vn</c>); when empty the
    /// address of the current request is used.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Certificate number: <c>{seq}</c> (zero-padded to 4), <c>{year}</c>. Sequential per year, never reused.</summary>
    public string CertificateNumberPattern { get; set; } = "{seq}/{year}/GCN-OCOP";

    /// <summary>The number suggested for a new recognition decision: <c>{n}</c> (next number of the year), <c>{year}</c>; the Office may change it.</summary>
    public string DecisionNumberPattern { get; set; } = "{n}/QĐ-UBND";
}
