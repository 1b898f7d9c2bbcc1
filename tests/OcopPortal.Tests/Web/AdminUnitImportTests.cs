using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OcopPortal.Web.Data;

namespace OcopPortal.Tests.Web;

public sealed class AdminUnitImportTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string MappingHeader = "old_province,old_district,old_commune,new_commune_code,new_commune_name,old_province_code,old_district_code,old_commune_code,new_province_code,change_kind,cross_check";

    private Task<int> MappingCountAsync() => factory.WithScopeAsync(sp => sp.GetRequiredService<OcopDbContext>().CommuneMappings.CountAsync());

    private async Task<IHtmlDocument> ImportAsync(string fileName, byte[] content, bool dryRun)
    {
        var admin = factory.CreatePortalClient();
        await admin.SignInAsync(PortalFactory.AdminEmail);
        var response = await admin.PostFileAsync("/admin/units/import", "/admin/units/import", "File", fileName, content,
            new Dictionary<string, string> { ["DryRun"] = dryRun ? "true" : "false" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Forms.ParseAsync(response);
    }

    private static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n");

    private static (string Added, string Updated, string Unchanged, string Rejected) Counts(IHtmlDocument page) =>
        (Text(page, "added"), Text(page, "updated"), Text(page, "unchanged"), Text(page, "rejected"));

    private static string Text(IHtmlDocument page, string testId) => page.QuerySelector($"[data-testid={testId}]")!.TextContent;

    [Fact]
    public async Task A_dry_run_reports_bad_rows_with_their_line_numbers_and_saves_nothing()
    {
        var before = await MappingCountAsync();
        var file = Csv(
            MappingHeader,
            "Bạc Liêu,Thành phố Bạc Liêu,Phường 2,31825,Phường Bạc Liêu,95,954,31813,96,whole,agree",
            "Bạc Liêu,Thành phố Bạc Liêu,Phường 3,31825,Phường Bạc Liêu,95,954,3181,96,whole,agree",
            "Bạc Liêu,Thành phố Bạc Liêu,Phường 5,31834,Phường Vĩnh Trạch,95,954,31819,99,whole,agree",
            "Bạc Liêu,Thành phố Bạc Liêu,Phường 2,31825,Phường Bạc Liêu,95,954,31813,96,whole,agree",
            "Bạc Liêu,Thành phố Bạc Liêu,Phường 7,31834,Phường Vĩnh Trạch,95,954,31822,96,moved,agree",
            "Bạc Liêu,Thành phố Bạc Liêu,Phường 1,31120,Phường Cái Khế,95,954,31810,96,whole,agree",
            "Bạc Liêu,Thành phố Bạc Liêu,Phường 8,31834");

        var page = await ImportAsync("bac-lieu.csv", file, dryRun: true);

        Assert.Equal(("1", "0", "0", "6"), Counts(page));
        Assert.Contains("chạy thử", Text(page, "import-report"), StringComparison.Ordinal);
        var reasons = page.QuerySelectorAll("[data-testid=rejected-rows] tbody tr")
            .ToDictionary(r => r.GetAttribute("data-line")!, r => r.Children[1].TextContent);
        Assert.Equal(["3", "4", "5", "6", "7", "8"], reasons.Keys);
        Assert.Equal("Mã xã cũ “3181” phải gồm đúng 5 chữ số.", reasons["3"]);
        Assert.Equal("Tỉnh mã “99” không có trong danh mục.", reasons["4"]);
        Assert.Equal("Trùng với dòng 2 (cùng xã cũ và xã mới).", reasons["5"]);
        Assert.Equal("Loại thay đổi “moved” không hợp lệ.", reasons["6"]);
        Assert.Equal("Xã mới mã 31120 thuộc tỉnh mã 92, không phải 96.", reasons["7"]);
        Assert.Equal("Dòng có 4 cột, dòng tiêu đề có 11 cột.", reasons["8"]);
        Assert.Equal(before, await MappingCountAsync());
    }

    [Fact]
    public async Task Importing_the_same_file_twice_adds_nothing_the_second_time()
    {
        var before = await MappingCountAsync();
        var file = Csv(
            MappingHeader,
            "An Giang,Thành phố Long Xuyên,Phường Mỹ Bình,30307,Phường Long Xuyên,89,883,30280,91,whole,agree",
            "An Giang,Thành phố Long Xuyên,Phường Mỹ Long,30307,Phường Long Xuyên,89,883,30283,91,whole,agree",
            "An Giang,Thành phố Long Xuyên,Phường Mỹ Xuyên,30307,Phường Long Xuyên,89,883,30286,91,whole,agree");

        Assert.Equal(("3", "0", "0", "0"), Counts(await ImportAsync("an-giang.csv", file, dryRun: false)));
        Assert.Equal(before + 3, await MappingCountAsync());
        Assert.Equal(("0", "0", "3", "0"), Counts(await ImportAsync("an-giang.csv", file, dryRun: false)));
        Assert.Equal(before + 3, await MappingCountAsync());

        var communes = Csv("code,name,type,province_code,full_name", "30307,Long Xuyên,phường,91,Phường Long Xuyên", "31756,Phú Lộc,xã,92,Xã Phú Lộc");
        Assert.Equal(("0", "0", "2", "0"), Counts(await ImportAsync("communes.csv", communes, dryRun: false)));

        // The old name now finds its new commune in An Giang.
        var admin = factory.CreatePortalClient();
        await admin.SignInAsync(PortalFactory.AdminEmail);
        Assert.Contains("Phường Mỹ Bình", (await admin.GetDocumentAsync("/admin/units/91?q=my%20binh")).QuerySelector("tr[data-commune='30307']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_commune_file_with_bad_codes_is_reported_row_by_row()
    {
        var file = Csv("code,name,type,province_code,full_name", "3075,Long Xuyên,phường,91,Phường Long Xuyên", "30307,Long Xuyên,thị trấn,91,", "30307,Long Xuyên,phường,92,Phường Long Xuyên");

        var page = await ImportAsync("communes.csv", file, dryRun: true);

        Assert.Equal(
            ["Mã xã “3075” phải gồm đúng 5 chữ số.", "Loại đơn vị “thị trấn” không hợp lệ (xã, phường hoặc đặc khu).", "Mã xã 30307 đã thuộc tỉnh mã 91."],
            page.QuerySelectorAll("[data-testid=rejected-rows] tbody tr td:nth-child(2)").Select(td => td.TextContent));
    }

    [Fact]
    public async Task A_file_with_a_wrong_header_or_over_5_MB_or_not_UTF8_or_not_CSV_is_refused_with_a_message()
    {
        var before = await MappingCountAsync();

        var wrongHeader = await ImportAsync("units.csv", Csv("ma,ten,loai", "30307,Long Xuyên,phường"), dryRun: false);
        Assert.StartsWith("Dòng tiêu đề không đúng.", Assert.Single(wrongHeader.FormErrors()), StringComparison.Ordinal);
        Assert.Null(wrongHeader.QuerySelector("[data-testid=import-report]"));

        var missing = await ImportAsync("units.csv", Csv("old_province,new_commune_code", "An Giang,30307"), dryRun: false);
        Assert.StartsWith("Dòng tiêu đề thiếu cột: old_district, old_commune", Assert.Single(missing.FormErrors()), StringComparison.Ordinal);

        var big = new byte[(5 * 1024 * 1024) + 1];
        Array.Fill(big, (byte)'a');
        var oversized = await ImportAsync("big.csv", big, dryRun: false);
        Assert.Equal(["Tệp quá lớn: tối đa 5 MB. Hãy chia tệp theo tỉnh."], oversized.FormErrors());

        // Above the server's 20 MB cap the form is not even read: the error page, not a crash.
        var admin = factory.CreatePortalClient();
        await admin.SignInAsync(PortalFactory.AdminEmail);
        var huge = await admin.PostFileAsync("/admin/units/import", "/admin/units/import", "File", "huge.csv", new byte[21 * 1024 * 1024], new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);

        var latin1 = await ImportAsync("units.csv", [.. Encoding.UTF8.GetBytes("code,name\n"), 0xC0, 0x0A], dryRun: false);
        Assert.Equal(["Tệp không phải văn bản UTF-8. Hãy lưu lại dưới dạng “CSV UTF-8”."], latin1.FormErrors());

        var excel = await ImportAsync("units.xlsx", Csv(MappingHeader), dryRun: false);
        Assert.Equal(["Chỉ nhận tệp .csv (UTF-8, dấu phẩy)."], excel.FormErrors());
        Assert.Equal(before, await MappingCountAsync());
    }
}
