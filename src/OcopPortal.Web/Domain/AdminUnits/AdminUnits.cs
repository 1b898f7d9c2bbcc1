namespace OcopPortal.Web.Domain.AdminUnits;

/// <summary>A provincial-level unit (tỉnh / thành phố trực thuộc trung ương) with its official code (QĐ 19/2025/QĐ-TTg).</summary>
public class Province
{
    /// <summary>Two-digit official code, kept as text (leading zeros), e.g. "92".</summary>
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>"tỉnh" or "thành phố trực thuộc trung ương".</summary>
    public string Type { get; set; } = "";

    public string FullName { get; set; } = "";

    /// <summary>Null while the unit exists; the day it ceased to exist otherwise (pre-2025 provinces kept for history).</summary>
    public DateOnly? ValidTo { get; set; }
}

/// <summary>A commune-level unit (xã / phường / đặc khu) with its official five-digit code.</summary>
public class Commune
{
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>"xã", "phường" or "đặc khu".</summary>
    public string Type { get; set; } = "";

    public string FullName { get; set; } = "";

    public string ProvinceCode { get; set; } = "";

    public DateOnly ValidFrom { get; set; }

    public DateOnly? ValidTo { get; set; }

    /// <summary>Accent-free, lower-case name for search ("phu loc" finds "Phú Lộc").</summary>
    public string SearchName { get; set; } = "";
}

/// <summary>
/// How a pre-reform unit (old province, district, commune; before 01/07/2025) maps to a current commune.
/// An old commune split over several new ones has several rows (<see cref="ChangeKind"/> = partial).
/// </summary>
public class CommuneMapping
{
    public int Id { get; set; }

    public string OldProvinceCode { get; set; } = "";

    public string OldProvinceName { get; set; } = "";

    public string OldDistrictCode { get; set; } = "";

    public string OldDistrictName { get; set; } = "";

    /// <summary>Empty for a whole district that became a special zone.</summary>
    public string OldCommuneCode { get; set; } = "";

    public string OldCommuneName { get; set; } = "";

    public string NewCommuneCode { get; set; } = "";

    /// <summary>whole, partial, unchanged, renamed, retyped, district_to_special_zone, commune_to_special_zone.</summary>
    public string ChangeKind { get; set; } = "";

    public string OldSearchName { get; set; } = "";
}
