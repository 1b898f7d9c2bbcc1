using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain.Rules;

namespace OcopPortal.Web.Features.Producers;

public sealed class ProductInput
{
    public string? Name { get; set; }

    /// <summary>A leaf of the current classification (sub-group, or a group without sub-groups).</summary>
    public string? CategoryCode { get; set; }

    public string? Description { get; set; }

    public string? Story { get; set; }

    /// <summary>The producer's shop or website (http/https).</summary>
    public string? ShopUrl { get; set; }

    /// <summary>An e-commerce listing of the product (http/https).</summary>
    public string? MarketplaceUrl { get; set; }

    public Guid Version { get; set; }
}

public sealed class ProductInputValidator : AbstractValidator<ProductInput>
{
    public ProductInputValidator(IStringLocalizer<SharedResource> l, OcopDbContext db, CurrentRules rules)
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage(l["Vui lòng nhập tên sản phẩm."])
            .MaximumLength(200).WithMessage(l["Tên sản phẩm không quá 200 ký tự."]);
        RuleFor(x => x.CategoryCode).NotEmpty().WithMessage(l["Vui lòng chọn nhóm sản phẩm."])
            .MustAsync(async (code, ct) =>
            {
                var ruleSetId = await rules.IdAsync(ct);
                return await db.ProductCategories.AnyAsync(c => c.RuleSetId == ruleSetId && c.Code == code && c.CriteriaSetNumber != null, ct);
            })
            .When(x => !string.IsNullOrEmpty(x.CategoryCode))
            .WithMessage(l["Nhóm sản phẩm đã chọn không có trong bảng phân loại hiện hành."]);
        RuleFor(x => x.Description).NotEmpty().WithMessage(l["Vui lòng mô tả sản phẩm (nguyên liệu, quy cách, công dụng)."])
            .MaximumLength(4000).WithMessage(l["Mô tả không quá 4.000 ký tự."]);
        RuleFor(x => x.Story).MaximumLength(8000).WithMessage(l["Câu chuyện sản phẩm không quá 8.000 ký tự."]);
        RuleFor(x => x.ShopUrl).Must(PublicLink.IsValid).WithMessage(l["Địa chỉ cửa hàng phải là một liên kết đầy đủ bắt đầu bằng http:// hoặc https:// (không quá 500 ký tự)."]);
        RuleFor(x => x.MarketplaceUrl).Must(PublicLink.IsValid).WithMessage(l["Liên kết sàn thương mại điện tử phải là một liên kết đầy đủ bắt đầu bằng http:// hoặc https:// (không quá 500 ký tự)."]);
    }
}

/// <summary>Links shown to the public ("where to buy"): absolute http/https URLs with a host, nothing else (no javascript:, data:, relative paths).</summary>
public static class PublicLink
{
    public const int MaxLength = 500;

    /// <summary>Empty is valid (the field is optional).</summary>
    public static bool IsValid(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        var text = value.Trim();
        return text.Length <= MaxLength
            && !text.Any(char.IsWhiteSpace)
            && Uri.TryCreate(text, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && !string.IsNullOrEmpty(uri.Host)
            && uri.Host.Contains('.', StringComparison.Ordinal)
            && string.IsNullOrEmpty(uri.UserInfo);
    }

    /// <summary>The stored form of a valid link (trimmed), or null when empty.</summary>
    public static string? Normalise(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>The rule set new classifications and evaluations follow today (QĐ 26/2026 from 22/05/2026).</summary>
public sealed class CurrentRules(OcopDbContext db, TimeProvider clock)
{
    private int? _id;

    public async Task<int> IdAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        _id ??= await db.RuleSets.Where(r => r.Status == RuleSetStatus.Published && r.EffectiveFrom <= today && (r.EffectiveTo == null || r.EffectiveTo >= today))
            .OrderByDescending(r => r.EffectiveFrom).Select(r => r.Id).FirstAsync(ct);
        return _id.Value;
    }
}
