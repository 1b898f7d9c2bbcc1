namespace OcopPortal.Web.Domain.Producers;

/// <summary>
/// A product a producer brings to OCOP, classified down to its criteria set (bộ tiêu chí) under the rule set in
/// force when it was classified. Dossiers (hồ sơ) for evaluation are filed for a product.
/// </summary>
public class Product
{
    public int Id { get; set; }

    public int ProducerId { get; set; }

    public string Name { get; set; } = "";

    /// <summary>The rule set whose classification <see cref="CategoryCode"/> belongs to.</summary>
    public int RuleSetId { get; set; }

    /// <summary>Leaf of the classification, e.g. <c>I.3.c</c> (Chế biến từ rau, củ, quả, hạt).</summary>
    public string CategoryCode { get; set; } = "";

    public int CriteriaSetNumber { get; set; }

    public string Description { get; set; } = "";

    /// <summary>Câu chuyện sản phẩm (criteria 5.1–5.3).</summary>
    public string? Story { get; set; }

    /// <summary>Where to buy: the producer's own shop or website (an absolute http/https URL).</summary>
    public string? ShopUrl { get; set; }

    /// <summary>Where to buy: an e-commerce listing (Shopee, Lazada, Tiki, Postmart...; absolute http/https URL).</summary>
    public string? MarketplaceUrl { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public Guid Version { get; set; }

    public List<ProductPhoto> Photos { get; set; } = [];
}

/// <summary>A photo of a product (JPEG/PNG in the file store); the first is the cover.</summary>
public class ProductPhoto
{
    public int Id { get; set; }

    public int ProductId { get; set; }

    public Guid FileId { get; set; }

    public int SortOrder { get; set; }
}
