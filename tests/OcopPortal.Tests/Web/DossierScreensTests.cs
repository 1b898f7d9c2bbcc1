using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain.Dossiers;
using OcopPortal.Web.Infrastructure.Auth;

namespace OcopPortal.Tests.Web;

/// <summary>The role views around dossiers: deadlines and overdue flags, filters, the kind rules, notifications, staff communes.</summary>
public sealed class DossierScreensTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private readonly DossierScenario _s = new(factory);

    [Fact]
    public async Task An_overdue_commune_check_is_flagged_and_filterable_for_the_commune_and_the_office()
    {
        var (_, late) = await _s.SubmittedAsync();
        var (_, onTime) = await _s.SubmittedAsync();
        await factory.WithDbAsync(db => db.Dossiers.Where(d => d.Id == late).ExecuteUpdateAsync(u => u.SetProperty(d => d.CommuneDueOn, DateOnly.FromDateTime(DateTime.Today.AddDays(-2)))));
        var officer = await _s.CommuneOfficerAsync();

        var list = await officer.Client.GetDocumentAsync("/dossiers");
        Assert.NotNull(list.QuerySelector($"tr[data-dossier='{late}'] [data-testid=overdue]"));
        Assert.Null(list.QuerySelector($"tr[data-dossier='{onTime}'] [data-testid=overdue]"));
        Assert.NotNull(list.QuerySelector($"tr[data-dossier='{onTime}'] [data-testid=due]"));

        var office = await _s.SignedInAsync(Roles.Office);
        var overdue = await office.Client.GetDocumentAsync("/dossiers?overdue=true");
        Assert.NotNull(overdue.QuerySelector($"tr[data-dossier='{late}']"));
        Assert.Null(overdue.QuerySelector($"tr[data-dossier='{onTime}']"));
        var home = await officer.Client.GetDocumentAsync("/commune");
        Assert.Equal("1", home.QuerySelector("[data-testid=overdue-count]")!.TextContent.Trim());

        var page = await officer.Client.GetDocumentAsync($"/dossiers/{late}");
        Assert.Contains("Quá hạn", page.QuerySelector("[data-testid=commune-due]")!.TextContent);
    }

    [Fact]
    public async Task The_office_queue_filters_by_status_and_commune_and_pages()
    {
        var (_, here) = await _s.SubmittedAsync();
        var (_, there) = await _s.SubmittedAsync(DossierScenario.OtherCommune);
        var office = await _s.SignedInAsync(Roles.Office);

        var byCommune = await office.Client.GetDocumentAsync($"/dossiers?commune={DossierScenario.OtherCommune}");
        Assert.NotNull(byCommune.QuerySelector($"tr[data-dossier='{there}']"));
        Assert.Null(byCommune.QuerySelector($"tr[data-dossier='{here}']"));
        var accepted = await office.Client.GetDocumentAsync("/dossiers?status=Accepted");
        Assert.Null(accepted.QuerySelector($"tr[data-dossier='{here}']"));
        var bySet = await office.Client.GetDocumentAsync("/dossiers?set=6");
        Assert.NotNull(bySet.QuerySelector($"tr[data-dossier='{here}']"));
        Assert.NotNull(bySet.QuerySelector("[data-testid=dossiers]"));
        Assert.Equal(HttpStatusCode.OK, (await office.Client.GetAsync("/dossiers?page=999&status=Nonsense")).StatusCode);
    }

    [Theory]
    [InlineData("Upgrade", "", "", "Hồ sơ nâng hạng phải nêu những thay đổi so với lần công nhận trước.")]
    [InlineData("Upgrade", "12/GCN-2024", "", "Vui lòng nhập ngày hết hạn của giấy chứng nhận hiện có.")]
    [InlineData("ReEvaluation", "12/GCN-2024", "+400", "Chỉ được nộp hồ sơ đánh giá lại trong thời gian từ")]
    [InlineData("ReEvaluation", "", "+150", "Vui lòng nhập số giấy chứng nhận OCOP hiện có.")]
    public async Task Upgrade_and_re_evaluation_dossiers_state_what_the_law_asks(string kind, string certificate, string validIn, string message)
    {
        var (producer, producerId) = await _s.ProducerAsync();
        var product = await _s.ProductAsync(producerId);
        var before = await factory.WithScopeAsync(sp => sp.GetRequiredService<OcopDbContext>().Dossiers.CountAsync());
        var validUntil = validIn.Length == 0 ? "" : DateTime.Today.AddDays(int.Parse(validIn, CultureInfo.InvariantCulture)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var response = await producer.Client.PostFormAsync("/dossiers/new", new Dictionary<string, string>
        {
            ["ProductId"] = product.ToString(CultureInfo.InvariantCulture),
            ["Kind"] = kind,
            ["TargetStars"] = "4",
            ["PreviousCertificateNumber"] = certificate,
            ["PreviousCertificateValidUntil"] = validUntil,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains((await Forms.ParseAsync(response)).FormErrors(), e => e.StartsWith(message, StringComparison.Ordinal));
        Assert.Equal(before, await factory.WithScopeAsync(sp => sp.GetRequiredService<OcopDbContext>().Dossiers.CountAsync()));
    }

    [Fact]
    public async Task A_re_evaluation_inside_the_window_opens_with_its_own_papers()
    {
        var (producer, producerId) = await _s.ProducerAsync();
        var product = await _s.ProductAsync(producerId);
        var response = await producer.Client.PostFormAsync("/dossiers/new", new Dictionary<string, string>
        {
            ["ProductId"] = product.ToString(CultureInfo.InvariantCulture),
            ["Kind"] = "ReEvaluation",
            ["TargetStars"] = "3",
            ["PreviousCertificateNumber"] = "45/GCN-OCOP-2023",
            ["PreviousCertificateValidUntil"] = DateTime.Today.AddDays(150).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = int.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
        var slots = await _s.SlotsAsync(id);
        Assert.Contains(slots, s => s.Key == "updates" && s.Required);
        Assert.Equal("Phiếu kết quả kiểm nghiệm định kỳ", slots.Single(s => s.Key == "test-report").Title);

        // One open dossier per product at a time.
        var again = await producer.Client.PostFormAsync("/dossiers/new", new Dictionary<string, string> { ["ProductId"] = product.ToString(CultureInfo.InvariantCulture), ["Kind"] = "FirstEvaluation", ["TargetStars"] = "3" });
        Assert.Contains("Sản phẩm này đang có một hồ sơ chưa xử lý xong; hãy tiếp tục hồ sơ đó.", (await Forms.ParseAsync(again)).FormErrors());
    }

    [Fact]
    public async Task Another_producers_product_cannot_be_filed()
    {
        var (_, ownerId) = await _s.ProducerAsync();
        var product = await _s.ProductAsync(ownerId);
        var (intruder, _) = await _s.ProducerAsync();

        var response = await intruder.Client.PostCraftedAsync("/dossiers", "/dossiers/new", new Dictionary<string, string> { ["ProductId"] = product.ToString(CultureInfo.InvariantCulture), ["Kind"] = "FirstEvaluation", ["TargetStars"] = "3" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Vui lòng chọn một sản phẩm của bạn.", (await Forms.ParseAsync(response)).FormErrors());
    }

    [Fact]
    public async Task Notifications_are_the_users_own_and_opening_one_marks_it_read()
    {
        var (producer, id) = await _s.SubmittedAsync();
        var (other, _) = await _s.ProducerAsync();
        var notification = await factory.WithScopeAsync(sp => sp.GetRequiredService<OcopDbContext>().Notifications.FirstAsync(n => n.UserId == producer.UserId));

        var stolen = await other.Client.PostCraftedAsync("/notifications", $"/notifications/{notification.Id}/read", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.NotFound, stolen.StatusCode);

        var opened = await producer.Client.PostFormAsync("/notifications", new Dictionary<string, string>(), $"/notifications/{notification.Id}/read");
        Assert.Equal($"/dossiers/{id}", opened.Headers.Location!.OriginalString);
        Assert.NotNull(await factory.WithScopeAsync(sp => sp.GetRequiredService<OcopDbContext>().Notifications.Where(n => n.Id == notification.Id).Select(n => n.ReadAt).SingleAsync()));
        Assert.Null((await producer.Client.GetDocumentAsync("/notifications")).QuerySelector("[data-testid=unread-count]"));
    }

    [Fact]
    public async Task An_admin_assigns_a_commune_officer_to_communes_and_the_officer_then_sees_their_dossiers()
    {
        var (_, id) = await _s.SubmittedAsync();
        var officer = await _s.SignedInAsync(Roles.Commune);
        Assert.Null((await officer.Client.GetDocumentAsync("/dossiers")).QuerySelector($"tr[data-dossier='{id}']"));

        var admin = factory.CreatePortalClient();
        await admin.SignInAsync(PortalFactory.AdminEmail);
        var bad = await admin.PostCraftedAsync($"/admin/users/{officer.UserId}/communes", $"/admin/users/{officer.UserId}/communes", new Dictionary<string, string> { ["communes"] = "00004" });
        Assert.Contains("không thuộc tỉnh", (await admin.GetDocumentAsync(bad.Headers.Location!.OriginalString)).QuerySelector("[data-testid=flash-error]")!.TextContent);
        Assert.False(await factory.WithScopeAsync(sp => sp.GetRequiredService<OcopDbContext>().StaffCommunes.AnyAsync(s => s.UserId == officer.UserId)));

        var saved = await admin.PostFormAsync($"/admin/users/{officer.UserId}/communes", new Dictionary<string, string> { ["communes"] = DossierScenario.Commune });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        Assert.NotNull((await officer.Client.GetDocumentAsync("/dossiers")).QuerySelector($"tr[data-dossier='{id}']"));
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.Client.GetAsync($"/admin/users/{officer.UserId}/communes")).StatusCode);
    }
}
