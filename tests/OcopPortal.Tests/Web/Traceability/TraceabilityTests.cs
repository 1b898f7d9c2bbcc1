using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OcopPortal.Tests.Web.Catalogue;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain.Traceability;
using OcopPortal.Web.Infrastructure.Auth;

namespace OcopPortal.Tests.Web.Traceability;

public sealed class TraceabilityTests(TraceabilityFixture factory) : IClassFixture<TraceabilityFixture>
{
    [Fact]
    public async Task A_batch_keeps_showing_the_version_it_was_created_under_after_a_new_one_is_published()
    {
        var lan = await factory.ProducerAsync();
        var code = await factory.PublishAsync(lan, TraceabilityFixture.Draft("Công thức của bà ngoại từ năm 1960.", "Hấp đậu xanh"));
        Assert.Equal(HttpStatusCode.Redirect, (await TraceabilityFixture.CreateBatchAsync(lan, "l2026-01", TraceabilityFixture.Day(-3), TraceabilityFixture.Day(60), "400")).StatusCode);
        await factory.PublishAsync(lan, TraceabilityFixture.Draft("Nay làm thêm bánh nhân sầu riêng.", "Sên nhân sầu riêng"));
        // A third draft, saved but not published, must never appear publicly.
        Assert.Equal(HttpStatusCode.Redirect, (await lan.Client.PostFormAsync($"{lan.BasePath}/draft", TraceabilityFixture.Draft("BẢN NHÁP CHƯA CÔNG BỐ", "Bước nháp"))).StatusCode);
        var visitor = factory.CreatePortalClient();

        var batch = await visitor.GetDocumentAsync($"/trace/{code}/L2026-01");
        var current = await visitor.GetDocumentAsync($"/trace/{code}");
        var product = await visitor.GetDocumentAsync($"/products/{lan.ProductId}?fresh={Guid.NewGuid():N}");

        Assert.Equal("Công thức của bà ngoại từ năm 1960.", batch.QuerySelector("[data-testid=trace-story]")!.TextContent);
        Assert.Contains("Hấp đậu xanh", batch.QuerySelector("[data-testid=trace-steps]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("1", batch.QuerySelector("article")!.GetAttribute("data-version"));
        Assert.Contains("L2026-01", batch.QuerySelector("[data-testid=trace-batch]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/trace/{code}", batch.QuerySelector("[data-testid=newer-version] a")!.GetAttribute("href"));
        Assert.Equal("Nay làm thêm bánh nhân sầu riêng.", current.QuerySelector("[data-testid=trace-story]")!.TextContent);
        Assert.Equal("2", current.QuerySelector("article")!.GetAttribute("data-version"));
        Assert.Null(current.QuerySelector("[data-testid=newer-version]"));
        Assert.Equal($"/products/{lan.ProductId}", current.QuerySelector("[data-testid=product-link]")!.GetAttribute("href"));
        Assert.StartsWith("/verify/", current.QuerySelector("[data-testid=verify-link]")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.DoesNotContain("BẢN NHÁP CHƯA CÔNG BỐ", batch.Source.Text + current.Source.Text, StringComparison.Ordinal);
        Assert.Equal($"/trace/{code}", product.QuerySelector("[data-testid=trace-link]")!.GetAttribute("href"));
        Assert.Matches("^[0-9A-HJKMNP-TV-Z]{10}$", code);
    }

    [Fact]
    public async Task Published_versions_batches_and_codes_cannot_be_changed_by_any_code_path()
    {
        var lan = await factory.ProducerAsync();
        await factory.PublishAsync(lan, TraceabilityFixture.Draft("Câu chuyện gốc."));
        await TraceabilityFixture.CreateBatchAsync(lan, "LO-GUARD", TraceabilityFixture.Day(-1));

        await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OcopDbContext>();
            var record = await db.TraceRecords.SingleAsync(t => t.ProductId == lan.ProductId);
            var version = await db.TraceVersions.SingleAsync(v => v.TraceRecordId == record.Id);
            version.ContentJson = TraceContent.Empty.ToJson();
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            db.ChangeTracker.Clear();

            db.Remove(await db.TraceBatches.SingleAsync(b => b.TraceRecordId == record.Id));
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            db.ChangeTracker.Clear();

            (await db.TraceRecords.SingleAsync(t => t.Id == record.Id)).Code = "0000000000";
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            db.ChangeTracker.Clear();

            Assert.Equal("Câu chuyện gốc.", TraceContent.FromJson((await db.TraceVersions.AsNoTracking().SingleAsync(v => v.TraceRecordId == record.Id)).ContentJson).Story);
            Assert.Equal(record.Code, await db.TraceRecords.Where(t => t.Id == record.Id).Select(t => t.Code).SingleAsync());
            return true;
        });
    }

    [Fact]
    public async Task Another_producer_gets_404_on_every_route_and_staff_other_than_the_office_are_refused()
    {
        var lan = await factory.ProducerAsync();
        await factory.PublishAsync(lan, TraceabilityFixture.Draft("Câu chuyện của Lan."));
        await TraceabilityFixture.CreateBatchAsync(lan, "LO-RIENG", TraceabilityFixture.Day(-1));
        var other = await factory.ProducerAsync("Mắm tôm chà");
        var versionsBefore = await CountAsync<TraceVersion>();
        var batchesBefore = await CountAsync<TraceBatch>();

        foreach (var path in new[] { "", "/draft", "/preview", "/labels.pdf?size=small&count=1" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync(lan.BasePath + path)).StatusCode);
        }

        foreach (var (path, fields) in new (string, Dictionary<string, string>)[]
        {
            ("/draft", TraceabilityFixture.Draft("Bị sửa trộm")),
            ("/publish", new() { ["version"] = Guid.NewGuid().ToString() }),
            ("/batches", new() { ["Batch.Code"] = "TROM", ["Batch.ProducedOn"] = TraceabilityFixture.Day(-1) }),
        })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await other.Client.PostCraftedAsync(other.BasePath, lan.BasePath + path, fields)).StatusCode);
        }

        foreach (var role in new[] { Roles.Commune, Roles.CouncilMember, Roles.CouncilChair, Roles.Admin })
        {
            var staff = factory.CreatePortalClient();
            await staff.SignInAsync(await factory.CreateUserAsync(role));
            Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync(lan.BasePath)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync($"/office/products/{lan.ProductId}/trace/draft")).StatusCode);
        }

        var office = factory.CreatePortalClient();
        await office.SignInAsync(await factory.CreateUserAsync(Roles.Office));
        var anonymous = factory.CreatePortalClient();

        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync($"/office/products/{lan.ProductId}/trace/draft")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync(lan.BasePath)).StatusCode); // the producer's address is the producer's
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync(lan.BasePath)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync($"/office/products/{lan.ProductId}/trace/labels.pdf?size=small&count=1")).StatusCode);
        Assert.Equal(versionsBefore, await CountAsync<TraceVersion>());
        Assert.Equal(batchesBefore, await CountAsync<TraceBatch>());
        Assert.Contains("Câu chuyện của Lan.", await anonymous.GetStringAsync($"/trace/{await factory.CodeAsync(lan.ProductId)}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_producers_certificate_links_to_the_page_once_it_is_published()
    {
        var lan = await factory.ProducerAsync();
        var before = await lan.Client.GetDocumentAsync($"/my/certificates/{lan.CertificateId}");
        var code = await factory.PublishAsync(lan, TraceabilityFixture.Draft("Câu chuyện."));

        var after = await lan.Client.GetDocumentAsync($"/my/certificates/{lan.CertificateId}");

        Assert.Null(before.QuerySelector("[data-testid=trace-link]"));
        Assert.Equal(lan.BasePath, before.QuerySelector("[data-testid=trace-edit]")!.GetAttribute("href"));
        Assert.Equal($"/trace/{code}", after.QuerySelector("[data-testid=trace-link]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_office_edits_and_publishes_any_products_page()
    {
        var lan = await factory.ProducerAsync();
        var office = factory.CreatePortalClient();
        await office.SignInAsync(await factory.CreateUserAsync(Roles.Office));
        var basePath = $"/office/products/{lan.ProductId}/trace";

        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"{basePath}/draft", TraceabilityFixture.Draft("Văn phòng nhập hộ từ hồ sơ giấy."))).StatusCode);
        var published = await office.PostFormAsync($"{basePath}/preview", new Dictionary<string, string>(), $"{basePath}/publish");
        var details = await office.GetDocumentAsync($"/office/producers/{lan.ProducerId}");

        Assert.Equal(basePath, published.Headers.Location!.OriginalString);
        Assert.Contains("Văn phòng nhập hộ từ hồ sơ giấy.", await factory.CreatePortalClient().GetStringAsync($"/trace/{await factory.CodeAsync(lan.ProductId)}"), StringComparison.Ordinal);
        Assert.Equal(basePath, details.QuerySelector("[data-testid=trace-edit]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Anonymous_visitors_see_only_published_content_and_unknown_codes_are_404()
    {
        var lan = await factory.ProducerAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await lan.Client.PostFormAsync($"{lan.BasePath}/draft", TraceabilityFixture.Draft("Chỉ là bản nháp."))).StatusCode);
        var code = await factory.CodeAsync(lan.ProductId);
        var visitor = factory.CreatePortalClient();

        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/trace/{code}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/trace/ZZZZZZZZZZ")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/trace/1")).StatusCode);
        Assert.Null((await visitor.GetDocumentAsync($"/products/{lan.ProductId}?fresh={Guid.NewGuid():N}")).QuerySelector("[data-testid=trace-link]"));

        await factory.PublishAsync(lan, TraceabilityFixture.Draft("Đã công bố."));
        var page = await visitor.GetStringAsync($"/trace/{code}");

        Assert.Contains("Đã công bố.", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/trace/{code}/KHONG-CO")).StatusCode);
        Assert.DoesNotContain("0912999888", page, StringComparison.Ordinal); // contact not made public
        Assert.DoesNotContain("lan.rieng.tu@gmail.com", page, StringComparison.Ordinal);

        // The page was output-cached for visitors; publishing evicts it, so the same address shows the new version at once.
        await factory.PublishAsync(lan, TraceabilityFixture.Draft("Phiên bản thứ hai."));
        Assert.Contains("Phiên bản thứ hai.", await visitor.GetStringAsync($"/trace/{code}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_producer_who_made_contact_public_shows_it_on_the_page()
    {
        var lan = await factory.ProducerAsync(contactPublic: true);
        var code = await factory.PublishAsync(lan, TraceabilityFixture.Draft("Liên hệ công khai."));

        var page = await factory.CreatePortalClient().GetDocumentAsync($"/trace/{code}");

        Assert.Contains("0912999888", page.QuerySelector("[data-testid=producer-phone]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unsafe_story_is_encoded_as_text()
    {
        var lan = await factory.ProducerAsync();
        var draft = TraceabilityFixture.Draft(CatalogueFixture.UnsafeStory);
        draft["Origins[0].Source"] = "<b onmouseover=\"alert(5)\">Mỹ Tú</b>";
        var code = await factory.PublishAsync(lan, draft);

        var html = await factory.CreatePortalClient().GetStringAsync($"/trace/{code}");
        var page = await factory.CreatePortalClient().GetDocumentAsync($"/trace/{code}?again=1");

        Assert.DoesNotContain("<script>window.__storyRan", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"javascript:", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b onmouseover", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Equal(CatalogueFixture.UnsafeStory, page.QuerySelector("[data-testid=trace-story]")!.TextContent);
        Assert.Equal(0, page.QuerySelector("[data-testid=trace-story]")!.ChildElementCount);
        Assert.Empty(page.QuerySelectorAll("main script"));
    }

    [Theory]
    [InlineData("/trace/{code}")]
    [InlineData("/trace/{code}/LO-DEM")]
    public async Task The_public_page_runs_at_most_four_queries(string route)
    {
        var lan = await factory.ProducerAsync();
        var code = await factory.PublishAsync(lan, TraceabilityFixture.Draft("Đếm truy vấn."));
        await TraceabilityFixture.CreateBatchAsync(lan, "LO-DEM", TraceabilityFixture.Day(-1));
        var client = factory.CreatePortalClient();

        factory.Commands.Reset();
        var response = await client.GetAsync(route.Replace("{code}", code, StringComparison.Ordinal) + "?n=" + Guid.NewGuid().ToString("N"));
        var count = factory.Commands.Count;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.InRange(count, 1, 4);
    }

    private Task<int> CountAsync<T>() where T : class => factory.WithScopeAsync(sp => sp.GetRequiredService<OcopDbContext>().Set<T>().CountAsync());
}
