using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain.Producers;
using OcopPortal.Web.Infrastructure.Auth;

namespace OcopPortal.Tests.Web;

public sealed class ProducerProfileTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static Dictionary<string, string> Profile(string taxCode, string name = "Hộ kinh doanh Bánh pía Lan") => new()
    {
        ["Type"] = nameof(ProducerType.Household),
        ["Name"] = name,
        ["TaxCode"] = taxCode,
        ["RepresentativeName"] = "Nguyễn Thị Lan",
        ["RepresentativeGender"] = nameof(Gender.Female),
        ["RepresentativeIsEthnicMinority"] = "true",
        ["ProvinceCode"] = "92",
        ["CommuneCode"] = "31120",
        ["StreetAddress"] = "Số 12, ấp Phú Lộc",
        ["Phone"] = "0912345678",
        ["Email"] = "lan@example.vn",
    };

    private static string NewTaxCode() => Random.Shared.NextInt64(1_000_000_000, 9_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task<HttpClient> ProducerAsync()
    {
        var client = factory.CreatePortalClient();
        await client.SignInAsync(await factory.CreateUserAsync(Roles.Producer));
        return client;
    }

    private Task<T> DbAsync<T>(Func<OcopDbContext, Task<T>> query) => factory.WithScopeAsync(sp => query(sp.GetRequiredService<OcopDbContext>()));

    [Fact]
    public async Task A_producer_declares_the_profile_once_with_Vietnamese_validation()
    {
        var client = await ProducerAsync();
        Assert.NotNull((await client.GetDocumentAsync("/producer")).QuerySelector("[data-testid=profile-missing]"));
        var before = await DbAsync(db => db.Set<Producer>().CountAsync());

        var bad = Profile("12345");
        bad["CommuneCode"] = "00004"; // a Hà Nội ward, not in Cần Thơ
        bad["Phone"] = "123";
        bad["Name"] = "";
        var refused = await client.PostFormAsync("/producer/profile", bad);

        var errors = (await Forms.ParseAsync(refused)).FormErrors();
        Assert.Contains("Vui lòng nhập tên chủ thể.", errors);
        Assert.Contains("Mã số thuế không hợp lệ: 10 chữ số, 10 chữ số-3 chữ số (chi nhánh) hoặc 12 chữ số (số định danh cá nhân của hộ kinh doanh).", errors);
        Assert.Contains("Xã, phường đã chọn không thuộc tỉnh, thành phố đã chọn hoặc không còn tồn tại.", errors);
        Assert.Contains("Số điện thoại không hợp lệ (ví dụ 0912345678 hoặc +84912345678).", errors);
        Assert.Equal(before, await DbAsync(db => db.Set<Producer>().CountAsync()));

        var taxCode = NewTaxCode();
        var saved = await client.PostFormAsync("/producer/profile", Profile(taxCode));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var home = await client.GetDocumentAsync("/producer");
        Assert.Contains("Hộ kinh doanh Bánh pía Lan", home.QuerySelector("[data-testid=profile-summary]")!.TextContent, StringComparison.Ordinal);
        var producer = await DbAsync(db => db.Set<Producer>().SingleAsync(p => p.TaxCode == taxCode));
        Assert.True(producer.RepresentativeCountsFor32);
        Assert.Equal(1, await DbAsync(db => db.AuditEvents.CountAsync(a => a.Action == "producer.created" && a.EntityId == producer.Id.ToString())));
    }

    [Fact]
    public async Task A_tax_code_belongs_to_one_producer_only()
    {
        var taxCode = NewTaxCode();
        await (await ProducerAsync()).PostFormAsync("/producer/profile", Profile(taxCode));
        var other = await ProducerAsync();

        var refused = await other.PostFormAsync("/producer/profile", Profile(taxCode, "Cơ sở khác"));

        Assert.Contains("Mã số thuế này đã được một chủ thể khác đăng ký. Nếu đó là đơn vị của bạn, hãy liên hệ Văn phòng Điều phối.", (await Forms.ParseAsync(refused)).FormErrors());
        Assert.Equal(1, await DbAsync(db => db.Set<Producer>().CountAsync(p => p.TaxCode == taxCode)));
    }

    [Fact]
    public async Task A_producer_never_sees_another_producers_profile()
    {
        var taxCode = NewTaxCode();
        await (await ProducerAsync()).PostFormAsync("/producer/profile", Profile(taxCode, "Hợp tác xã Mỹ Xuyên"));
        var id = await DbAsync(db => db.Set<Producer>().Where(p => p.TaxCode == taxCode).Select(p => p.Id).SingleAsync());
        var other = await ProducerAsync();

        var own = await other.GetDocumentAsync("/producer/profile");
        Assert.Equal("", own.QuerySelector("input[name=Name]")!.GetAttribute("value") ?? "");
        Assert.DoesNotContain("Hợp tác xã Mỹ Xuyên", own.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/office/producers/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/office/producers/{id}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync("/office/producers")).StatusCode);
    }

    [Fact]
    public async Task The_office_files_for_a_paper_producer_and_a_stale_edit_loses_nothing()
    {
        var office = factory.CreatePortalClient();
        await office.SignInAsync(await factory.CreateUserAsync(Roles.Office));
        var taxCode = NewTaxCode();

        var created = await office.PostFormAsync("/office/producers/new", Profile(taxCode, "Tổ hợp tác Nước mắm Vĩnh Châu"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var editUrl = created.Headers.Location!.OriginalString + "/edit";

        // Two officers open the form; the first saves a new phone number, the second then saves from the stale form.
        var first = await office.GetDocumentAsync(editUrl);
        var staleVersion = first.QuerySelector("input[name=Version]")!.GetAttribute("value")!;
        var ok = await office.PostFormAsync(editUrl, new Dictionary<string, string> { ["Phone"] = "0987654321" });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var stale = await office.PostFormAsync(editUrl, new Dictionary<string, string> { ["Phone"] = "0911111111", ["Version"] = staleVersion });

        Assert.Contains("Hồ sơ chủ thể vừa được người khác cập nhật. Hãy tải lại trang để xem thông tin mới nhất rồi sửa lại; những gì bạn nhập vẫn còn trên biểu mẫu.",
            (await Forms.ParseAsync(stale)).FormErrors());
        Assert.Equal("0911111111", (await Forms.ParseAsync(stale)).QuerySelector("input[name=Phone]")!.GetAttribute("value"));
        var producer = await DbAsync(db => db.Set<Producer>().SingleAsync(p => p.TaxCode == taxCode));
        Assert.Null(producer.OwnerUserId);
        Assert.Equal("0987654321", producer.Phone);
        var update = await DbAsync(db => db.AuditEvents.SingleAsync(a => a.Action == "producer.updated" && a.EntityId == producer.Id.ToString()));
        Assert.Equal("{\"Phone\":[\"0912345678\",\"0987654321\"]}", update.Details);

        var details = await office.GetDocumentAsync(created.Headers.Location!.OriginalString);
        Assert.Contains("producer.updated", details.QuerySelector("[data-testid=history]")!.TextContent, StringComparison.Ordinal);
    }
}
