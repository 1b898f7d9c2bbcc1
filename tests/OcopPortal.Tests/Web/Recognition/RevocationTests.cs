using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OcopPortal.Tests.Infrastructure;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain.Recognition;
using OcopPortal.Web.Features.Recognition;
using OcopPortal.Web.Infrastructure.Auth;

namespace OcopPortal.Tests.Web.Recognition;

/// <summary>Revocation by the Office (once, irreversibly, everywhere at once) and post-recognition inspections.</summary>
public sealed class RevocationTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private readonly DossierScenario _scenario = new(factory);

    private async Task<(Actor Producer, Certificate Certificate)> CertificateAsync()
    {
        var (producer, producerId) = await _scenario.ProducerAsync();
        var c = await CertificateFixtures.OneAsync(factory, await _scenario.ProductAsync(producerId, "Mắm cá linh " + Guid.NewGuid().ToString("N")[..6]), CertificateFixtures.Today.AddMonths(-4));
        return (producer, c);
    }

    private static Dictionary<string, string> Valid(int? inspectionId = null) => new()
    {
        ["Ground"] = nameof(RevocationGround.LawViolation),
        ["Details"] = "Kết luận thanh tra: vi phạm quy định về an toàn thực phẩm.",
        ["DecisionNumber"] = "321/QĐ-UBND",
        ["DecisionDate"] = CertificateFixtures.Today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["Authority"] = CertificateFixtures.Authority,
        ["Confirmed"] = "true",
        ["InspectionId"] = inspectionId?.ToString(CultureInfo.InvariantCulture) ?? "",
    };

    private Task<int> RevocationsAsync(int certificateId) => factory.WithScopeAsync(sp =>
        sp.GetRequiredService<OcopDbContext>().Revocations.CountAsync(r => r.CertificateId == certificateId));

    [Fact]
    public async Task Revoking_shows_everywhere_at_once_notifies_the_producer_is_audited_and_cannot_be_repeated()
    {
        var (producer, c) = await CertificateAsync();
        var office = await _scenario.SignedInAsync(Roles.Office);
        var form = $"/certificates/{c.Id}/revocation";

        var response = await office.Client.PostCraftedAsync(form, form, Valid(), ("attachments", "quyet-dinh-thu-hoi.pdf", TestFiles.Pdf()));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Đã thu hồi giấy chứng nhận", await DossierScenario.FlashAsync(office.Client, response));

        var stored = await CertificateFixtures.ReadAsync(factory, c.Id);
        Assert.Equal(CertificateState.Revoked, stored.State);
        Assert.NotNull(stored.StateChangedAt);
        var revocation = await factory.WithScopeAsync(sp => sp.GetRequiredService<OcopDbContext>().Revocations.AsNoTracking().Include(r => r.Attachments).SingleAsync(r => r.CertificateId == c.Id));
        Assert.Equal(RevocationGround.LawViolation, revocation.Ground);
        Assert.Equal("321/QĐ-UBND", revocation.DecisionNumber);
        Assert.Single(revocation.Attachments);

        // The registry (filtered on revoked), the certificate page, the verification page and the producer's list.
        var registry = await office.Client.GetDocumentAsync($"/certificates?status=Revoked&q={Uri.EscapeDataString(c.Number)}");
        var row = registry.QuerySelector($"[data-certificate='{c.Id}']")!;
        Assert.Equal(nameof(CertificateStatus.Revoked), row.QuerySelector("[data-testid=status]")!.GetAttribute("data-status"));
        var valid = await office.Client.GetDocumentAsync($"/certificates?status=Valid&q={Uri.EscapeDataString(c.Number)}");
        Assert.Null(valid.QuerySelector($"[data-certificate='{c.Id}']"));
        var detail = await office.Client.GetDocumentAsync($"/certificates/{c.Id}");
        Assert.Contains("321/QĐ-UBND", detail.QuerySelector("[data-testid=revocation]")!.TextContent);
        Assert.Null(detail.QuerySelector("[data-testid=revoke]"));
        var verification = await factory.CreatePortalClient().GetDocumentAsync(CertificateIssuer.VerificationPath(c.Token));
        Assert.Equal(nameof(CertificateStatus.Revoked), verification.QuerySelector("[data-testid=verdict]")!.GetAttribute("data-status"));
        var mine = await producer.Client.GetDocumentAsync("/my/certificates");
        Assert.Equal(nameof(CertificateStatus.Revoked), mine.QuerySelector($"[data-certificate='{c.Id}'] [data-testid=status]")!.GetAttribute("data-status"));
        Assert.Null(mine.QuerySelector($"[data-certificate='{c.Id}'] [data-testid=re-recognition]"));

        await factory.WithDbAsync(async db =>
        {
            Assert.True(await db.Notifications.AnyAsync(n => n.UserId == producer.UserId && n.Title.Contains(c.Number)));
            Assert.True(await db.OutboxEmails.AnyAsync(e => e.To == producer.Email && e.Subject.Contains(c.Number)));
            Assert.True(await db.AuditEvents.AnyAsync(a => a.Action == "certificate.revoked" && a.EntityId == c.Id.ToString(CultureInfo.InvariantCulture) && a.UserId == office.UserId));
        });

        // Irreversible: the form is not offered again and a second post is refused with a clear message.
        var again = await office.Client.GetAsync(form);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var second = await office.Client.PostCraftedAsync($"/certificates/{c.Id}", form, Valid());
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Contains("đã bị thu hồi", await DossierScenario.FlashAsync(office.Client, second));
        Assert.Equal(1, await RevocationsAsync(c.Id));
    }

    [Theory]
    [InlineData("Ground", "", "Vui lòng chọn căn cứ thu hồi.")]
    [InlineData("Details", "  ", "Vui lòng nêu cụ thể lý do thu hồi.")]
    [InlineData("DecisionDate", "future", "Ngày quyết định thu hồi không được sau ngày hôm nay.")]
    [InlineData("Confirmed", "", "Hãy xác nhận bạn hiểu việc thu hồi không thể hoàn tác.")]
    public async Task Bad_input_is_refused_in_Vietnamese_and_nothing_is_stored(string field, string value, string message)
    {
        var (_, c) = await CertificateAsync();
        var office = await _scenario.SignedInAsync(Roles.Office);
        var fields = Valid();
        fields[field] = value == "future" ? CertificateFixtures.Today.AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : value;
        if (field == "Confirmed")
        {
            fields.Remove("Confirmed");
        }

        var response = await office.Client.PostFormAsync($"/certificates/{c.Id}/revocation", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, (await Forms.ParseAsync(response)).FormErrors());
        Assert.Equal(0, await RevocationsAsync(c.Id));
        Assert.Equal(CertificateState.Active, (await CertificateFixtures.ReadAsync(factory, c.Id)).State);
    }

    [Fact]
    public async Task A_non_PDF_attachment_is_refused_and_nothing_is_stored()
    {
        var (_, c) = await CertificateAsync();
        var office = await _scenario.SignedInAsync(Roles.Office);
        var form = $"/certificates/{c.Id}/revocation";
        var response = await office.Client.PostCraftedAsync(form, form, Valid(), ("attachments", "anh.png", TestFiles.Png()));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Tệp đính kèm phải là PDF (quyết định thu hồi, biên bản kiểm tra).", (await Forms.ParseAsync(response)).FormErrors());
        Assert.Equal(0, await RevocationsAsync(c.Id));
    }

    [Theory]
    [InlineData(Roles.CouncilMember)]
    [InlineData(Roles.CouncilChair)]
    [InlineData(Roles.Commune)]
    [InlineData(Roles.Producer)]
    public async Task Only_the_Office_may_revoke(string role)
    {
        var (_, c) = await CertificateAsync();
        var someone = role == Roles.Commune ? await _scenario.CommuneOfficerAsync() : await _scenario.SignedInAsync(role);
        Assert.Equal(HttpStatusCode.Forbidden, (await someone.Client.GetAsync($"/certificates/{c.Id}/revocation")).StatusCode);
        var post = await someone.Client.PostCraftedAsync("/account/password", $"/certificates/{c.Id}/revocation", Valid());
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(0, await RevocationsAsync(c.Id));
    }

    [Fact]
    public async Task A_commune_officer_reads_the_certificates_of_their_communes_only()
    {
        var (_, mine) = await CertificateAsync();
        var (_, otherProducerId) = await _scenario.ProducerAsync(DossierScenario.OtherCommune);
        var elsewhere = await CertificateFixtures.OneAsync(factory, await _scenario.ProductAsync(otherProducerId), CertificateFixtures.Today);
        var officer = await _scenario.CommuneOfficerAsync();

        var list = await officer.Client.GetDocumentAsync("/certificates");
        Assert.NotNull(list.QuerySelector($"[data-certificate='{mine.Id}']"));
        Assert.Null(list.QuerySelector($"[data-certificate='{elsewhere.Id}']"));
        var detail = await officer.Client.GetDocumentAsync($"/certificates/{mine.Id}");
        Assert.Null(detail.QuerySelector("[data-testid=revoke]"));
        Assert.Equal(HttpStatusCode.NotFound, (await officer.Client.GetAsync($"/certificates/{elsewhere.Id}")).StatusCode);
    }

    [Fact]
    public async Task An_inspection_recommending_revocation_leads_to_the_form_pre_filled_and_follow_ups_are_listed_by_due_date()
    {
        var (_, c) = await CertificateAsync();
        var office = await _scenario.SignedInAsync(Roles.Office);
        var page = $"/certificates/{c.Id}/inspections";

        var followUp = await office.Client.PostFormAsync(page, new Dictionary<string, string>
        {
            ["Kind"] = nameof(InspectionKind.Periodic),
            ["InspectedOn"] = CertificateFixtures.Today.AddDays(-40).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Inspectors"] = "Đoàn Sở Nông nghiệp và Môi trường",
            ["Findings"] = "Nhãn chưa ghi hạn sử dụng.",
            ["Outcome"] = nameof(InspectionOutcome.FollowUpRequired),
            ["FollowUpDueOn"] = CertificateFixtures.Today.AddDays(-5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, followUp.StatusCode);
        var open = await office.Client.GetDocumentAsync("/inspections");
        var row = open.QuerySelectorAll("[data-testid=follow-ups] tbody tr").Single(r => r.TextContent.Contains(c.Number));
        Assert.NotNull(row.QuerySelector("[data-testid=overdue]"));

        var noDate = await office.Client.PostFormAsync(page, new Dictionary<string, string>
        {
            ["Kind"] = nameof(InspectionKind.AdHoc),
            ["InspectedOn"] = CertificateFixtures.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Inspectors"] = "Đoàn liên ngành",
            ["Findings"] = "Thiếu hồ sơ.",
            ["Outcome"] = nameof(InspectionOutcome.FollowUpRequired),
            ["FollowUpDueOn"] = "",
        });
        Assert.Contains("Yêu cầu khắc phục phải có hạn khắc phục.", (await Forms.ParseAsync(noDate)).FormErrors());

        var recommend = await office.Client.PostFormAsync(page, new Dictionary<string, string>
        {
            ["Kind"] = nameof(InspectionKind.AdHoc),
            ["InspectedOn"] = CertificateFixtures.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Inspectors"] = "Đoàn liên ngành",
            ["Findings"] = "Sản phẩm không còn đạt tiêu chí chất lượng đã công bố.",
            ["Outcome"] = nameof(InspectionOutcome.RevocationRecommended),
            ["FollowUpDueOn"] = "",
        });
        Assert.Equal(HttpStatusCode.Redirect, recommend.StatusCode);
        var target = recommend.Headers.Location!.OriginalString;
        Assert.StartsWith($"/certificates/{c.Id}/revocation?inspection=", target, StringComparison.Ordinal);
        var form = await office.Client.GetDocumentAsync(target);
        Assert.True(((AngleSharp.Html.Dom.IHtmlInputElement)form.QuerySelector("#Ground-NoLongerMeetsCriteria")!).IsChecked);
        Assert.Contains("không còn đạt tiêu chí", form.QuerySelector("#Details")!.TextContent);
        var inspectionId = target.Split('=')[^1];
        Assert.Equal(inspectionId, form.QuerySelector("#InspectionId option[selected]")!.GetAttribute("value"));

        var revoke = await office.Client.PostFormAsync(target, Valid(int.Parse(inspectionId, CultureInfo.InvariantCulture)), $"/certificates/{c.Id}/revocation");
        Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);
        var revocation = await factory.WithScopeAsync(sp => sp.GetRequiredService<OcopDbContext>().Revocations.AsNoTracking().SingleAsync(r => r.CertificateId == c.Id));
        Assert.Equal(int.Parse(inspectionId, CultureInfo.InvariantCulture), revocation.InspectionId);
    }
}
