using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain.Traceability;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Actions;

namespace OcopPortal.Tests.Web.Traceability;

/// <summary>Validation of the draft, batch and label forms (clear Vietnamese messages, nothing stored), and the label sheet PDF read back.</summary>
public sealed class TraceFormsTests(TraceabilityFixture factory) : IClassFixture<TraceabilityFixture>
{
    [Fact]
    public async Task An_empty_or_too_long_draft_lists_what_is_wrong_and_stores_nothing()
    {
        var lan = await factory.ProducerAsync();

        var empty = await lan.Client.PostFormAsync($"{lan.BasePath}/draft", new Dictionary<string, string> { ["SiteCommuneCode"] = "" });
        var tooLong = TraceabilityFixture.Draft(new string('a', 8001));
        tooLong["Steps[0].Title"] = new string('b', 201);
        tooLong["Latitude"] = "chín độ";
        tooLong["Certifications[0].Issuer"] = "Sở Y tế"; // a started row needs its name
        var invalid = await lan.Client.PostFormAsync($"{lan.BasePath}/draft", tooLong);

        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        var errors = (await Forms.ParseAsync(empty)).FormErrors();
        Assert.Contains("Vui lòng khai báo ít nhất một nguồn nguyên liệu.", errors);
        Assert.Contains("Vui lòng nhập địa chỉ cơ sở sản xuất.", errors);
        Assert.Contains("Vui lòng chọn xã, phường của cơ sở sản xuất.", errors);
        Assert.Contains("Vui lòng khai báo ít nhất một bước của quy trình sản xuất.", errors);
        Assert.Contains("Vui lòng kể câu chuyện sản phẩm (tiêu chí 5.1).", errors);
        var more = (await Forms.ParseAsync(invalid)).FormErrors();
        Assert.Contains("Câu chuyện sản phẩm không quá 8.000 ký tự.", more);
        Assert.Contains("Tên bước sản xuất không quá 200 ký tự.", more);
        Assert.Contains("Vĩ độ phải là số thập phân từ -90 đến 90 (ví dụ 9,7712).", more);
        Assert.Contains("Vui lòng nhập tên chứng nhận.", more);
        Assert.False(await factory.WithScopeAsync(sp => sp.GetRequiredService<OcopDbContext>().TraceRecords.AnyAsync(t => t.ProductId == lan.ProductId)));
    }

    [Fact]
    public async Task Rows_are_added_and_removed_by_the_server_without_saving()
    {
        var lan = await factory.ProducerAsync();
        var fields = TraceabilityFixture.Draft("Câu chuyện.");
        fields["Command"] = "add-step";

        var added = await Forms.ParseAsync(await lan.Client.PostFormAsync($"{lan.BasePath}/draft", fields));
        fields["Steps[1].Title"] = "Nướng bánh";
        fields["Command"] = "remove-step:0";
        var removed = await Forms.ParseAsync(await lan.Client.PostFormAsync($"{lan.BasePath}/draft", fields));

        Assert.Equal(2, added.QuerySelectorAll("[data-testid=step-row]").Length);
        Assert.Empty(added.FormErrors());
        Assert.Single(removed.QuerySelectorAll("[data-testid=step-row]"));
        Assert.Equal("Nướng bánh", removed.QuerySelector("#step-title-0")!.GetAttribute("value"));
        Assert.False(await factory.WithScopeAsync(sp => sp.GetRequiredService<OcopDbContext>().TraceRecords.AnyAsync(t => t.ProductId == lan.ProductId)));
    }

    [Fact]
    public async Task Bad_batches_get_clear_messages_and_a_duplicate_code_is_refused()
    {
        var lan = await factory.ProducerAsync();
        await factory.PublishAsync(lan, TraceabilityFixture.Draft("Câu chuyện."));
        Assert.Equal(HttpStatusCode.Redirect, (await TraceabilityFixture.CreateBatchAsync(lan, "LO-01", TraceabilityFixture.Day(-2))).StatusCode);

        async Task<IReadOnlyList<string>> ErrorsAsync(HttpResponseMessage r)
        {
            Assert.True(r.StatusCode == HttpStatusCode.BadRequest, $"{r.StatusCode} {r.Headers.Location} {await r.Content.ReadAsStringAsync()}");
            return (await Forms.ParseAsync(r)).FormErrors();
        }

        var expiry = await ErrorsAsync(await TraceabilityFixture.CreateBatchAsync(lan, "LO-02", TraceabilityFixture.Day(-2), TraceabilityFixture.Day(-3)));
        var empty = await ErrorsAsync(await TraceabilityFixture.CreateBatchAsync(lan, "", ""));
        var future = await ErrorsAsync(await TraceabilityFixture.CreateBatchAsync(lan, "lô 3/2026", TraceabilityFixture.Day(5)));
        var duplicate = await ErrorsAsync(await TraceabilityFixture.CreateBatchAsync(lan, "lo-01", TraceabilityFixture.Day(-1)));

        Assert.Contains("Hạn sử dụng phải sau ngày sản xuất.", expiry);
        Assert.Contains("Vui lòng nhập mã lô.", empty);
        Assert.Contains("Vui lòng nhập ngày sản xuất.", empty);
        Assert.Contains("Ngày sản xuất không được sau hôm nay.", future);
        Assert.Contains("Mã lô gồm chữ cái không dấu, chữ số và dấu gạch ngang (-), tối đa 30 ký tự, ví dụ L2026-11-01.", future);
        Assert.Contains("Mã lô LO-01 đã có cho sản phẩm này; mỗi lô cần một mã riêng.", duplicate);
        Assert.Equal(1, await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OcopDbContext>();
            var id = await db.TraceRecords.Where(t => t.ProductId == lan.ProductId).Select(t => t.Id).SingleAsync();
            return await db.TraceBatches.CountAsync(b => b.TraceRecordId == id);
        }));
    }

    [Theory]
    [InlineData("size=huge&count=10", "Cỡ nhãn phải là nhỏ, vừa hoặc lớn.")]
    [InlineData("size=small&count=0", "Số nhãn phải từ 1 đến 500.")]
    [InlineData("size=small&count=501", "Số nhãn phải từ 1 đến 500.")]
    [InlineData("size=small", "Vui lòng nhập số nhãn cần in.")]
    [InlineData("size=large&count=2&batch=KHONG-CO", "Không có lô KHONG-CO của sản phẩm này.")]
    public async Task A_bad_label_request_says_what_is_wrong(string query, string message)
    {
        var lan = await factory.ProducerAsync();
        await factory.PublishAsync(lan, TraceabilityFixture.Draft("Câu chuyện."));

        var response = await lan.Client.GetAsync($"{lan.BasePath}/labels.pdf?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, (await Forms.ParseAsync(response)).FormErrors());
    }

    [Theory]
    [InlineData("small", 30, 24)]
    [InlineData("medium", 30, 12)]
    [InlineData("large", 13, 6)]
    public async Task The_label_sheet_has_the_designed_grid_and_every_label_links_to_the_batch_page(string size, int count, int perPage)
    {
        var lan = await factory.ProducerAsync("Bánh pía đậu xanh lá dứa Sóc Trăng");
        var code = await factory.PublishAsync(lan, TraceabilityFixture.Draft("Câu chuyện."));
        await TraceabilityFixture.CreateBatchAsync(lan, "LO-TEM", "2026-11-01", "2027-01-15");
        var url = $"http://localhost/trace/{code}/LO-TEM";

        var response = await lan.Client.GetAsync($"{lan.BasePath}/labels.pdf?size={size}&count={count}&batch=lo-tem");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var pages = pdf.GetPages().ToList();
        Assert.Equal((count + perPage - 1) / perPage, pages.Count);
        for (var i = 0; i < pages.Count; i++)
        {
            var links = pages[i].GetAnnotations().Where(a => a.Action is UriAction).Select(a => ((UriAction)a.Action!).Uri).ToList();
            Assert.Equal(Math.Min(perPage, count - i * perPage), links.Count);
            Assert.All(links, l => Assert.Equal(url, l));
            var text = pages[i].Text.Normalize(NormalizationForm.FormC);
            var compact = string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
            Assert.Equal(links.Count, Occurrences(compact, url));
            Assert.Equal(links.Count, Occurrences(compact, "Lô:LO-TEM"));
            Assert.Equal(links.Count, Occurrences(compact, "NSX:01/11/2026·HSD:15/01/2027"));
            Assert.Equal(links.Count, Occurrences(compact, "Bánhpíađậuxanhládứa"));
        }
    }

    [Fact]
    public async Task A_label_sheet_without_a_batch_links_to_the_current_page()
    {
        var lan = await factory.ProducerAsync();
        var code = await factory.PublishAsync(lan, TraceabilityFixture.Draft("Câu chuyện."));

        var response = await lan.Client.GetAsync($"{lan.BasePath}/labels.pdf?size=medium&count=1");

        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var link = Assert.Single(pdf.GetPage(1).GetAnnotations(), a => a.Action is UriAction);
        Assert.Equal($"http://localhost{TraceRecord.PublicPath(code)}", ((UriAction)link.Action!).Uri);
    }

    private static int Occurrences(string text, string value)
    {
        int count = 0, at = 0;
        while ((at = text.IndexOf(value, at, StringComparison.Ordinal)) >= 0)
        {
            count++;
            at += value.Length;
        }

        return count;
    }
}
