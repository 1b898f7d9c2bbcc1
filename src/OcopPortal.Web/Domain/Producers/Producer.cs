namespace OcopPortal.Web.Domain.Producers;

/// <summary>Legal form of a producer (loại hình chủ thể, QĐ 26/2026 Art. 2.3); it also scores criterion 3.1.</summary>
public enum ProducerType
{
    /// <summary>Hợp tác xã.</summary>
    Cooperative = 1,

    /// <summary>Tổ hợp tác.</summary>
    CooperativeGroup = 2,

    /// <summary>Doanh nghiệp nhỏ và vừa.</summary>
    Enterprise = 3,

    /// <summary>Trang trại.</summary>
    Farm = 4,

    /// <summary>Hộ sản xuất, hộ gia đình có đăng ký kinh doanh.</summary>
    Household = 5,

    /// <summary>Hội, hiệp hội, trung tâm điều hành (tourism, set 26, only).</summary>
    Association = 6,
}

public enum Gender
{
    Female = 1,
    Male = 2,
}

/// <summary>
/// A producer (chủ thể OCOP). One account acts for at most one producer; the Office may create one for a
/// producer who files on paper (no owner account). Every change is audited with what changed.
/// </summary>
public class Producer
{
    public int Id { get; set; }

    /// <summary>The account acting for this producer; null for a producer created by the Office.</summary>
    public string? OwnerUserId { get; set; }

    public ProducerType Type { get; set; }

    public string Name { get; set; } = "";

    /// <summary>Mã số thuế / mã số doanh nghiệp (10 digits, or 10-3 for a branch) or, for a household, the 12-digit personal number.</summary>
    public string TaxCode { get; set; } = "";

    public string RepresentativeName { get; set; } = "";

    public Gender RepresentativeGender { get; set; }

    /// <summary>Criterion 3.2 counts a representative who is a woman, from an ethnic minority or with a disability.</summary>
    public bool RepresentativeIsEthnicMinority { get; set; }

    public bool RepresentativeHasDisability { get; set; }

    public string ProvinceCode { get; set; } = "";

    public string CommuneCode { get; set; } = "";

    /// <summary>House number, street, hamlet (số nhà, đường, ấp/thôn).</summary>
    public string StreetAddress { get; set; } = "";

    public string Phone { get; set; } = "";

    public string Email { get; set; } = "";

    /// <summary>
    /// The producer agrees to show <see cref="Phone"/> and <see cref="Email"/> on its public pages (catalogue, product
    /// and producer pages). Off by default: a household's phone and email are personal data.
    /// </summary>
    public bool ContactPublic { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string? CreatedByUserId { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency: a new value on every save; a stale form gets a conflict, not a silent overwrite.</summary>
    public Guid Version { get; set; }

    /// <summary>True when the representative meets criterion 3.2 (woman, ethnic minority or disability).</summary>
    public bool RepresentativeCountsFor32 => RepresentativeGender == Gender.Female || RepresentativeIsEthnicMinority || RepresentativeHasDisability;
}
