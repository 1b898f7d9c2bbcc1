namespace OcopPortal.Web.Infrastructure.Web;

/// <summary>Which province this portal serves (a portal is run by one province).</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>Official province code; the demo province is Cần Thơ (92), which absorbed Sóc Trăng and Hậu Giang in 2025.</summary>
    public string ProvinceCode { get; set; } = "92";

    public string ProvinceName { get; set; } = "Cần Thơ";
}
