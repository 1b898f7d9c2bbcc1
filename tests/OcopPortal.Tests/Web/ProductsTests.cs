using System.Net;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OcopPortal.Tests.Infrastructure;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain;
using OcopPortal.Web.Domain.Producers;
using OcopPortal.Web.Infrastructure.Auth;

namespace OcopPortal.Tests.Web;

public sealed class ProductsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly Dictionary<string, string> BanhPia = new()
    {
        ["Name"] = "Bánh pía sầu riêng trứng muối",
        ["CategoryCode"] = "I.3.b",
        ["Description"] = "Bánh pía nhân đậu xanh, sầu riêng và trứng muối; hộp 4 cái, 500 g.",
        ["Story"] = "Công thức của bà ngoại từ năm 1960.",
    };

    /// <summary>A signed-in producer with a profile, and the producer's id.</summary>
    private async Task<(HttpClient Client, int ProducerId)> ProducerAsync()
    {
        var email = await factory.CreateUserAsync(Roles.Producer);
        var id = await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OcopDbContext>();
            var user = await sp.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email);
            var producer = new Producer
            {
                OwnerUserId = user!.Id,
                Type = ProducerType.Household,
                Name = "Hộ kinh doanh " + email[..8],
                TaxCode = Random.Shared.NextInt64(1_000_000_000, 9_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture),
                RepresentativeName = "Nguyễn Thị Lan",
                RepresentativeGender = Gender.Female,
                ProvinceCode = "92",
                CommuneCode = "31756",
                StreetAddress = "Ấp Phú Lộc",
                Phone = "0912345678",
                Email = email,
                Version = Guid.NewGuid(),
            };
            db.Add(producer);
            await db.SaveChangesAsync();
            return producer.Id;
        });
        var client = factory.CreatePortalClient();
        await client.SignInAsync(email);
        return (client, id);
    }

    private Task<int> CountAsync<T>() where T : class => factory.WithScopeAsync(sp => sp.GetRequiredService<OcopDbContext>().Set<T>().CountAsync());

    [Fact]
    public async Task Without_a_profile_the_producer_is_sent_to_declare_it_first()
    {
        var client = factory.CreatePortalClient();
        await client.SignInAsync(await factory.CreateUserAsync(Roles.Producer));

        var response = await client.GetAsync("/producer/products");

        Assert.Equal("/producer/profile", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_product_is_classified_down_to_its_criteria_set()
    {
        var (client, producerId) = await ProducerAsync();
        var before = await CountAsync<Product>();

        var bad = await client.PostFormAsync("/producer/products/new", new Dictionary<string, string> { ["Name"] = "", ["CategoryCode"] = "IX.9" });
        var errors = (await Forms.ParseAsync(bad)).FormErrors();
        Assert.Contains("Vui lòng nhập tên sản phẩm.", errors);
        Assert.Contains("Nhóm sản phẩm đã chọn không có trong bảng phân loại hiện hành.", errors);
        Assert.Contains("Vui lòng mô tả sản phẩm (nguyên liệu, quy cách, công dụng).", errors);
        Assert.Equal(before, await CountAsync<Product>());

        var created = await client.PostFormAsync("/producer/products/new", BanhPia);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        var product = await factory.WithScopeAsync(sp => sp.GetRequiredService<OcopDbContext>().Set<Product>().SingleAsync(p => p.ProducerId == producerId));
        Assert.Equal(("I.3.b", 6), (product.CategoryCode, product.CriteriaSetNumber)); // Chế biến từ gạo, ngũ cốc → bộ 6
        var list = await client.GetDocumentAsync("/producer/products");
        Assert.Contains("Bánh pía sầu riêng trứng muối", list.QuerySelector("[data-testid=products]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Photos_must_really_be_images_and_rejects_store_nothing()
    {
        var (client, _) = await ProducerAsync();
        var url = (await client.PostFormAsync("/producer/products/new", BanhPia)).Headers.Location!.OriginalString;
        var files = await CountAsync<OcopPortal.Web.Infrastructure.Files.StoredFile>();

        await client.PostFileAsync(url, url + "/photos", "photo", "nhan.pdf", TestFiles.Pdf(), new Dictionary<string, string>());
        Assert.Equal("Ảnh sản phẩm chỉ nhận tệp JPEG hoặc PNG.", (await client.GetDocumentAsync(url)).QuerySelector("[data-testid=photo-error]")!.TextContent);
        await client.PostFileAsync(url, url + "/photos", "photo", "anh.png", Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>"), new Dictionary<string, string>());
        Assert.Contains("anh.png", (await client.GetDocumentAsync(url)).QuerySelector("[data-testid=photo-error]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(files, await CountAsync<OcopPortal.Web.Infrastructure.Files.StoredFile>());

        var png = TestFiles.Png();
        await client.PostFileAsync(url, url + "/photos", "photo", "banh-pia.png", png, new Dictionary<string, string>());
        var src = (await client.GetDocumentAsync(url)).QuerySelector("[data-testid=photos] img")!.GetAttribute("src")!;
        Assert.Equal(png, await client.GetByteArrayAsync(src));
    }

    [Fact]
    public async Task Another_producer_finds_nothing_behind_my_product_ids()
    {
        var (mine, _) = await ProducerAsync();
        var url = (await mine.PostFormAsync("/producer/products/new", BanhPia)).Headers.Location!.OriginalString;
        await mine.PostFileAsync(url, url + "/photos", "photo", "banh-pia.png", TestFiles.Png(), new Dictionary<string, string>());
        var photo = (await mine.GetDocumentAsync(url)).QuerySelector("[data-testid=photos] img")!.GetAttribute("src")!;
        var (other, _) = await ProducerAsync();
        var otherForm = await other.PostFormAsync("/producer/products/new", BanhPia); // a page of its own, for a token
        Assert.Equal(HttpStatusCode.Redirect, otherForm.StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(photo)).StatusCode);
        var token = (await other.GetDocumentAsync("/producer/products/new")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var edit = await other.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>(BanhPia) { ["Name"] = "Đã bị sửa", ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        Assert.Equal(0, await factory.WithScopeAsync(sp => sp.GetRequiredService<OcopDbContext>().Set<Product>().CountAsync(p => p.Name == "Đã bị sửa")));
    }
}
