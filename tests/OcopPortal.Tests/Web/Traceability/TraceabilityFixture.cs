using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OcopPortal.Tests.Web.Catalogue;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain;
using OcopPortal.Web.Domain.Producers;
using OcopPortal.Web.Infrastructure.Auth;

namespace OcopPortal.Tests.Web.Traceability;

/// <summary>A signed-in producer (a "Chị Lan") with one certified product, and where that product's traceability pages live.</summary>
public sealed record TraceProducer(HttpClient Client, int ProducerId, int ProductId, string ProductName, int CertificateId)
{
    public string BasePath => $"/producer/products/{ProductId}/trace";
}

/// <summary>A portal that counts SQL commands, with helpers that act as a producer through the real forms.</summary>
public sealed class TraceabilityFixture : PortalFactory
{
    public CommandCounter Commands { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.ConfigureDbContext<SqliteOcopDbContext>(o => o.AddInterceptors(Commands)));
    }

    /// <summary>A producer account with its profile and a certified product (in the catalogue), signed in.</summary>
    public async Task<TraceProducer> ProducerAsync(string productName = "Bánh pía đậu xanh lá dứa", bool contactPublic = false)
    {
        var (email, producerId, productId, certificateId) = await CreateProducerAsync(this, productName, contactPublic);
        var client = CreatePortalClient();
        await client.SignInAsync(email);
        return new TraceProducer(client, producerId, productId, productName, certificateId);
    }

    /// <summary>A producer account (password <see cref="PortalFactory.Password"/>) owning a profile and a certified product.</summary>
    public static async Task<(string Email, int ProducerId, int ProductId, int CertificateId)> CreateProducerAsync(PortalFactory factory, string productName, bool contactPublic = false)
    {
        var email = await factory.CreateUserAsync(Roles.Producer);
        var producerId = await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OcopDbContext>();
            var user = await sp.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email);
            var producer = new Producer
            {
                OwnerUserId = user!.Id,
                Type = ProducerType.Household,
                Name = "Hộ kinh doanh Bánh pía Lan " + email[..6],
                TaxCode = Random.Shared.NextInt64(1_000_000_000, 9_999_999_999).ToString(CultureInfo.InvariantCulture),
                RepresentativeName = "Nguyễn Thị Lan",
                RepresentativeGender = Gender.Female,
                ProvinceCode = "92",
                CommuneCode = "31756",
                StreetAddress = "Số 12, ấp Phú Lộc",
                Phone = "0912999888",
                Email = "lan.rieng.tu@gmail.com",
                ContactPublic = contactPublic,
                Version = Guid.NewGuid(),
            };
            db.Add(producer);
            await db.SaveChangesAsync();
            return producer.Id;
        });
        var certified = await new CatalogueScenario(factory).CertifiedAsync(new CertifiedSpec(productName) { ProducerId = producerId, ProducerName = "Hộ kinh doanh Bánh pía Lan" });
        return (email, producerId, certified.ProductId, certified.CertificateId);
    }

    public static Dictionary<string, string> Draft(string story, string step = "Hấp đậu xanh") => new()
    {
        ["Origins[0].Material"] = "Đậu xanh không vỏ",
        ["Origins[0].Source"] = "Hợp tác xã Đậu xanh Mỹ Tú",
        ["SiteAddress"] = "Số 12, ấp Phú Lộc",
        ["SiteCommuneCode"] = "31756",
        ["Latitude"] = "9,6038",
        ["Longitude"] = "105.9739",
        ["Steps[0].Title"] = step,
        ["Steps[0].Description"] = "Đậu ngâm 6 giờ rồi hấp chín.",
        ["Story"] = story,
    };

    /// <summary>Saves the draft and publishes it through the forms; returns the public code.</summary>
    public async Task<string> PublishAsync(TraceProducer p, Dictionary<string, string> draft)
    {
        var saved = await p.Client.PostFormAsync($"{p.BasePath}/draft", draft);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var published = await p.Client.PostFormAsync($"{p.BasePath}/preview", new Dictionary<string, string>(), $"{p.BasePath}/publish");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Equal(p.BasePath, published.Headers.Location!.OriginalString);
        return await CodeAsync(p.ProductId);
    }

    public static async Task<HttpResponseMessage> CreateBatchAsync(TraceProducer p, string code, string producedOn, string expiresOn = "", string quantity = "")
    {
        return await p.Client.PostFormAsync(p.BasePath, new Dictionary<string, string>
        {
            ["Batch.Code"] = code,
            ["Batch.ProducedOn"] = producedOn,
            ["Batch.ExpiresOn"] = expiresOn,
            ["Batch.Quantity"] = quantity,
            ["Batch.Unit"] = quantity == "" ? "" : "hộp",
        }, $"{p.BasePath}/batches");
    }

    public Task<string> CodeAsync(int productId) =>
        WithScopeAsync(sp => sp.GetRequiredService<OcopDbContext>().TraceRecords.Where(t => t.ProductId == productId).Select(t => t.Code).SingleAsync());

    public static string Day(int offset) => DateOnly.FromDateTime(DateTime.Today).AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
