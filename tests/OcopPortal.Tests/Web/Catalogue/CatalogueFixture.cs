using System.Data.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain.Producers;
using OcopPortal.Web.Domain.Recognition;

namespace OcopPortal.Tests.Web.Catalogue;

/// <summary>Counts the SQL commands the portal runs (reset before a request, read after it).</summary>
public sealed class CommandCounter : DbCommandInterceptor
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Reset() => Interlocked.Exchange(ref _count, 0);

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Interlocked.Increment(ref _count);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Interlocked.Increment(ref _count);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Interlocked.Increment(ref _count);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return ValueTask.FromResult(result);
    }
}

/// <summary>
/// A portal with a small certified catalogue: products chosen for the search cases, one revoked, one expired, one
/// with an unsafe story, a household with private contact details and a cooperative that made its contact public.
/// </summary>
public sealed class CatalogueFixture : PortalFactory
{
    public const string PrivatePhone = "0987650001";
    public const string PrivateEmail = "ho.rieng.tu@gmail.com";
    public const string PublicPhone = "0292387001";
    public const string UnsafeStory = "Truyền thống <script>window.__storyRan = true; alert('xss')</script> và <a href=\"javascript:alert(2)\" onclick=\"alert(3)\">bấm đây</a> <img src=x onerror=\"alert(4)\">";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private Dictionary<string, Certified>? _products;

    public CommandCounter Commands { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.ConfigureDbContext<SqliteOcopDbContext>(o => o.AddInterceptors(Commands)));
    }

    /// <summary>The seeded products by key (created on first use).</summary>
    public async Task<IReadOnlyDictionary<string, Certified>> ProductsAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_products is null)
            {
                var s = new CatalogueScenario(this);
                var household = await s.CertifiedAsync(new CertifiedSpec("Khô cá lóc một nắng")
                {
                    ProducerName = "Hộ kinh doanh Lê Văn Tư",
                    ProducerType = ProducerType.Household,
                    Phone = PrivatePhone,
                    Email = PrivateEmail,
                    Stars = 3,
                    Score = 87.65m,
                    Commune = "31120",
                });
                _products = new Dictionary<string, Certified>
                {
                    ["banhpia"] = await s.CertifiedAsync(new CertifiedSpec("Bánh pía sầu riêng Tân Huê Viên")
                    {
                        ProducerName = "Hợp tác xã Bánh pía Vũng Thơm",
                        Stars = 5,
                        ContactPublic = true,
                        Phone = PublicPhone,
                        ShopUrl = "https://banhpia-vungthom.vn/cua-hang",
                    }),
                    ["keodua"] = await s.CertifiedAsync(new CertifiedSpec("Kẹo dừa Bến Tre") { CategoryCode = "I.3.b", IssuedDaysAgo = 3 }),
                    ["banhtrang"] = await s.CertifiedAsync(new CertifiedSpec("Bánh tráng sữa") { Story = "Bánh được tráng với nước cốt dừa béo ngậy." }),
                    ["nuocmam"] = await s.CertifiedAsync(new CertifiedSpec("Nước mắm Phú Quốc 40 độ đạm") { Stars = 4 }),
                    ["duong"] = await s.CertifiedAsync(new CertifiedSpec("Đường thốt nốt Tri Tôn") { Stars = 3 }),
                    ["matong"] = await s.CertifiedAsync(new CertifiedSpec("Mật ong hoa cà phê") { Story = "Ong nuôi trên cao nguyên Đắk Lắk, mật lấy theo mùa hoa." }),
                    ["unsafe"] = await s.CertifiedAsync(new CertifiedSpec("Mắm cá linh </script><script>alert(1)</script>") { Story = UnsafeStory }),
                    ["household"] = household,
                    ["revoked"] = await s.CertifiedAsync(new CertifiedSpec("Chả cá thác lác Hậu Giang") { Stars = 4 }),
                    ["expired"] = await s.CertifiedAsync(new CertifiedSpec("Gạo thơm Sóc Trăng đã hết hạn") { Stars = 3, IssuedDaysAgo = 365 * 3 + 40, State = CertificateState.Expired }),
                };
                await s.RevokeAsync(_products["revoked"].CertificateId);
            }

            return _products;
        }
        finally
        {
            _gate.Release();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gate.Dispose();
        }

        base.Dispose(disposing);
    }
}
