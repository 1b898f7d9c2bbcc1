using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain.Producers;
using OcopPortal.Web.Infrastructure.Audit;
using OcopPortal.Web.Infrastructure.Auth;
using OcopPortal.Web.Infrastructure.Files;

namespace OcopPortal.Web.Features.Producers;

public sealed record ProductRow(int Id, string Name, string CategoryCode, int CriteriaSetNumber, int Photos, DateTimeOffset UpdatedAt);

/// <summary>
/// A producer's products. Every query is scoped to the signed-in producer: another producer's product id is
/// simply not found (404), never forbidden, so ids reveal nothing.
/// </summary>
[Authorize(Policy = Policies.Producer)]
[Route("producer/products")]
public sealed class ProductsController(
    OcopDbContext db, ProducerProfiles profiles, CurrentRules rules, FileStore files, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> l,
    Catalogue.CatalogueIndex catalogue)
    : Controller
{
    public const int MaxPhotos = 6;

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var producer = await profiles.OwnedByAsync(UserId, ct);
        if (producer is null)
        {
            TempData["Flash"] = l["Hãy khai báo hồ sơ chủ thể trước khi đăng ký sản phẩm."].Value;
            return Redirect("/producer/profile");
        }

        var rows = await db.Set<Product>().AsNoTracking().Where(p => p.ProducerId == producer.Id).OrderBy(p => p.Name)
            .Select(p => new ProductRow(p.Id, p.Name, p.CategoryCode, p.CriteriaSetNumber, p.Photos.Count, p.UpdatedAt)).ToListAsync(ct);
        return View(rows);
    }

    [HttpGet("new")]
    public async Task<IActionResult> Create(CancellationToken ct) =>
        await profiles.OwnedByAsync(UserId, ct) is null ? Redirect("/producer/profile") : View("Form", new ProductInput());

    [HttpPost("new")]
    public async Task<IActionResult> Create(ProductInput input, CancellationToken ct)
    {
        var producer = await profiles.OwnedByAsync(UserId, ct);
        if (producer is null)
        {
            return Redirect("/producer/profile");
        }

        if (!ModelState.IsValid)
        {
            return View("Form", input);
        }

        var now = clock.GetUtcNow();
        var product = new Product { ProducerId = producer.Id, CreatedAt = now, Version = Guid.NewGuid() };
        await ApplyAsync(input, product, ct);
        await db.InTransactionAsync(async () =>
        {
            db.Add(product);
            await db.SaveChangesAsync(ct);
            audit.Record("product.created", nameof(Product), product.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), new { product.Name, product.CategoryCode });
            await db.SaveChangesAsync(ct);
        }, ct);
        TempData["Flash"] = l["Đã đăng ký sản phẩm {0}. Bạn có thể thêm ảnh sản phẩm.", product.Name].Value;
        return Redirect($"/producer/products/{product.Id}");
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var product = await OwnAsync(id, ct);
        if (product is null)
        {
            return NotFound();
        }

        ViewData["Product"] = product;
        return View("Form", new ProductInput { Name = product.Name, CategoryCode = product.CategoryCode, Description = product.Description, Story = product.Story, ShopUrl = product.ShopUrl, MarketplaceUrl = product.MarketplaceUrl, Version = product.Version });
    }

    [HttpPost("{id:int}")]
    public async Task<IActionResult> Edit(int id, ProductInput input, CancellationToken ct)
    {
        var product = await OwnAsync(id, ct);
        if (product is null)
        {
            return NotFound();
        }

        ViewData["Product"] = product;
        if (!ModelState.IsValid)
        {
            return View("Form", input);
        }

        db.Entry(product).Property(p => p.Version).OriginalValue = input.Version;
        await ApplyAsync(input, product, ct);
        product.Version = Guid.NewGuid();
        audit.Record("product.updated", nameof(Product), id.ToString(System.Globalization.CultureInfo.InvariantCulture), new { product.Name, product.CategoryCode });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", l["Sản phẩm vừa được cập nhật ở nơi khác. Hãy tải lại trang rồi sửa lại; những gì bạn nhập vẫn còn trên biểu mẫu."]);
            return View("Form", input);
        }

        await catalogue.RefreshAsync(id, ct);
        TempData["Flash"] = l["Đã lưu sản phẩm."].Value;
        return Redirect($"/producer/products/{id}");
    }

    [HttpPost("{id:int}/photos")]
    public async Task<IActionResult> AddPhoto(int id, IFormFile? photo, CancellationToken ct)
    {
        var product = await OwnAsync(id, ct);
        if (product is null)
        {
            return NotFound();
        }

        var error = photo is null || photo.Length == 0 ? l["Vui lòng chọn một ảnh để tải lên."].Value
            : product.Photos.Count >= MaxPhotos ? l["Mỗi sản phẩm có tối đa {0} ảnh.", MaxPhotos].Value
            : FileKinds.FromExtension(photo.FileName) is not (FileKind.Jpeg or FileKind.Png) ? l["Ảnh sản phẩm chỉ nhận tệp JPEG hoặc PNG."].Value
            : null;
        if (error is null)
        {
            switch (await files.SaveAsync(photo!, alreadyStoredBytes: 0, UserId, ct))
            {
                case FileSaveResult.Rejected rejected:
                    error = rejected.Reason.Localize(l);
                    break;
                case FileSaveResult.Success saved:
                    product.Photos.Add(new ProductPhoto { FileId = saved.File.Id, SortOrder = product.Photos.Count });
                    product.UpdatedAt = clock.GetUtcNow();
                    audit.Record("product.photo-added", nameof(Product), id.ToString(System.Globalization.CultureInfo.InvariantCulture), new { saved.File.OriginalName });
                    await db.SaveChangesAsync(ct);
                    await catalogue.RefreshAsync(id, ct);
                    TempData["Flash"] = l["Đã thêm ảnh {0}.", saved.File.OriginalName].Value;
                    return Redirect($"/producer/products/{id}");
            }
        }

        TempData["PhotoError"] = error;
        return Redirect($"/producer/products/{id}");
    }

    [HttpGet("{id:int}/photos/{fileId:guid}")]
    public async Task<IActionResult> Photo(int id, Guid fileId, CancellationToken ct)
    {
        var product = await OwnAsync(id, ct);
        return product is null || product.Photos.All(p => p.FileId != fileId) ? NotFound() : await this.StoredFileAttachmentAsync(files, fileId, ct);
    }

    private async Task<Product?> OwnAsync(int id, CancellationToken ct)
    {
        var producer = await profiles.OwnedByAsync(UserId, ct);
        return producer is null ? null : await db.Set<Product>().Include(p => p.Photos).SingleOrDefaultAsync(p => p.Id == id && p.ProducerId == producer.Id, ct);
    }

    private async Task ApplyAsync(ProductInput input, Product product, CancellationToken ct)
    {
        product.RuleSetId = await rules.IdAsync(ct);
        product.CategoryCode = input.CategoryCode!;
        product.CriteriaSetNumber = await db.ProductCategories.Where(c => c.RuleSetId == product.RuleSetId && c.Code == input.CategoryCode)
            .Select(c => c.CriteriaSetNumber!.Value).SingleAsync(ct);
        product.Name = input.Name!.Trim();
        product.Description = input.Description!.Trim();
        product.Story = string.IsNullOrWhiteSpace(input.Story) ? null : input.Story.Trim();
        product.ShopUrl = PublicLink.Normalise(input.ShopUrl);
        product.MarketplaceUrl = PublicLink.Normalise(input.MarketplaceUrl);
        product.UpdatedAt = clock.GetUtcNow();
    }
}
