namespace OcopPortal.Web.Domain.Rules;

public enum CategoryLevel
{
    /// <summary>Ngành (I–VI).</summary>
    Sector = 0,

    /// <summary>Nhóm (I.1).</summary>
    Group = 1,

    /// <summary>Phân nhóm (I.1.a).</summary>
    SubGroup = 2,
}

/// <summary>Product classification (Phụ lục I): sector → group → sub-group, whose leaves point at a criteria set.</summary>
public class ProductCategory
{
    public int Id { get; set; }

    public int RuleSetId { get; set; }

    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public CategoryLevel Level { get; set; }

    public string? ParentCode { get; set; }

    /// <summary>Set on leaves only: the criteria set number this category is scored with.</summary>
    public int? CriteriaSetNumber { get; set; }

    public int SortOrder { get; set; }
}

/// <summary>A category name used by older instruments (1048/2019 era) and the current sector it maps to, for legacy import.</summary>
public class LegacyCategory
{
    public int Id { get; set; }

    /// <summary>e.g. <c>QD-1048-2019</c>.</summary>
    public string Era { get; set; } = "";

    public string Name { get; set; } = "";

    public string MapsToSector { get; set; } = "";

    public string? MapsToGroup { get; set; }

    public string? Note { get; set; }
}
