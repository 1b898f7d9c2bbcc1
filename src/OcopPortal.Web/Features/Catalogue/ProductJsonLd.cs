using System.Globalization;
using System.Text.Json;

namespace OcopPortal.Web.Features.Catalogue;

/// <summary>
/// schema.org <c>Product</c> structured data for a product page. Serialised by System.Text.Json with its default
/// encoder, which escapes <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c> and quotes as <c>\u003C</c>..., so a name or story
/// containing <c>&lt;/script&gt;</c> cannot end the <c>&lt;script type="application/ld+json"&gt;</c> block.
/// </summary>
public static class ProductJsonLd
{
    public static string Build(ProductPageModel m, string baseUrl)
    {
        var e = m.Entry;
        var url = $"{baseUrl}/products/{e.ProductId}";
        var data = new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Product",
            ["name"] = e.ProductName,
            ["url"] = url,
            ["description"] = m.Description,
            ["category"] = e.CategoryName,
            ["image"] = m.Photos.Select(p => $"{baseUrl}/products/{e.ProductId}/photos/{p}").ToArray(),
            ["brand"] = new Dictionary<string, object?> { ["@type"] = "Brand", ["name"] = e.ProducerName },
            ["manufacturer"] = new Dictionary<string, object?>
            {
                ["@type"] = "Organization",
                ["name"] = e.ProducerName,
                ["url"] = $"{baseUrl}/producers/{e.ProducerId}",
                ["address"] = new Dictionary<string, object?> { ["@type"] = "PostalAddress", ["addressLocality"] = e.CommuneName, ["addressCountry"] = "VN" },
            },
            ["award"] = string.Create(CultureInfo.InvariantCulture, $"OCOP {e.Stars}★ ({e.CertificateNumber})"),
            ["additionalProperty"] = new object[]
            {
                new Dictionary<string, object?> { ["@type"] = "PropertyValue", ["name"] = "OCOP stars", ["value"] = e.Stars },
                new Dictionary<string, object?> { ["@type"] = "PropertyValue", ["name"] = "OCOP certificate", ["value"] = e.CertificateNumber },
                new Dictionary<string, object?> { ["@type"] = "PropertyValue", ["name"] = "Valid until", ["value"] = e.ValidUntil.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
                new Dictionary<string, object?> { ["@type"] = "PropertyValue", ["name"] = "Status", ["value"] = CatalogueLabels.Code(m.Status) },
            },
        };
        return JsonSerializer.Serialize(data);
    }
}
