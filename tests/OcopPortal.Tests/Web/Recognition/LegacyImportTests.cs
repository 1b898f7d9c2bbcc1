using System.Globalization;
using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain.Recognition;
using OcopPortal.Web.Features.Recognition.LegacyImport;
using OcopPortal.Web.Infrastructure.Auth;

namespace OcopPortal.Tests.Web.Recognition;

/// <summary>
/// The legacy certificate import through the real HTTP pipeline: upload, dry run (nothing written), all-or-nothing
/// import, idempotent re-run, both file formats, refused files and roles. Files are generated with a per-test prefix
/// on every certificate number, so the tests of the class do not see each other's rows.
/// </summary>
public sealed class LegacyImportTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Page = "/imports/certificates";

    private static readonly string[] Communes = ["31756", "31120", "31231", "31258", "31569"];

    private static readonly string[] Types = ["HTX", "Hộ", "DN", "THT", "Trang trại", "Hợp tác xã"];

    private static readonly string[] Classes = ["I.3.c", "Thực phẩm", "Đồ uống", "", "Chế biến từ gạo, ngũ cốc"];

    /// <summary>Row i of a clean generated file (spreadsheet row i + 2). Every 10 rows share a decision.</summary>
    private static Dictionary<string, object> Row(string prefix, int i, bool excelDates = false)
    {
        // ten rows per decision: one decision date and authority each; issued 0–9 days after it
        var decisionDate = new DateOnly(2019 + ((i / 10) % 7), 1, 1);
        var issued = decisionDate.AddDays(i % 10);
        var row = LegacyTemplate.Columns.ToDictionary(c => c.Header, _ => (object)"");
        row["Tên chủ thể"] = $"Cơ sở sản xuất {prefix} số {i / 2}"; // two products per producer
        row["Loại hình"] = Types[i % Types.Length];
        row["Mã số thuế"] = (i / 2) % 3 == 0 ? (4_000_000_000L + (prefix.GetHashCode(StringComparison.Ordinal) & 0xFFFFF) * 1000L + i / 2).ToString(CultureInfo.InvariantCulture) : "";
        row["Địa chỉ"] = $"Ấp {i}, xã cũ, huyện cũ";
        if (i % 10 is 6 or 7)
        {
            row["Xã cũ"] = "Xã Hồ Đắc Kiện";
            row["Huyện cũ"] = "Huyện Châu Thành";
        }
        else
        {
            row["Mã xã"] = Communes[(i / 2) % Communes.Length];
        }

        row["Tên sản phẩm"] = $"Sản phẩm {prefix}-{i}";
        row["Phân loại"] = Classes[i % Classes.Length];
        row["Bộ tiêu chí"] = Classes[i % Classes.Length].Length == 0 ? "7" : "";
        row["Hạng sao"] = (3 + (i % 3)).ToString(CultureInfo.InvariantCulture);
        row["Điểm"] = i % 2 == 0 ? (60 + (i % 35)).ToString(CultureInfo.InvariantCulture) + ",5" : "";
        row["Số quyết định"] = $"{100 + (i / 10)}/QĐ-UBND-{prefix}";
        row["Cơ quan ban hành"] = i % 20 < 10 ? "UBND huyện Châu Thành" : "UBND tỉnh Sóc Trăng";
        row["Số giấy chứng nhận"] = $"{prefix}-{i:0000}/GCN";
        row["Ngày quyết định"] = excelDates ? decisionDate.ToDateTime(TimeOnly.MinValue) : decisionDate.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        row["Ngày cấp"] = excelDates ? issued.ToDateTime(TimeOnly.MinValue) : issued.ToString("d/M/yyyy", CultureInfo.InvariantCulture);
        return row;
    }

    private static List<Dictionary<string, object>> Rows(string prefix, int count, bool excelDates = false) =>
        Enumerable.Range(0, count).Select(i => Row(prefix, i, excelDates)).ToList();

    private static byte[] Csv(List<Dictionary<string, object>> rows, char delimiter = ';', bool bom = true)
    {
        static string Cell(object v, char d)
        {
            var s = Convert.ToString(v, CultureInfo.InvariantCulture) ?? "";
            return s.Contains(d) || s.Contains('"') || s.Contains(',') ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
        }

        var text = new StringBuilder();
        text.AppendLine(string.Join(delimiter, rows[0].Keys.Select(k => Cell(k, delimiter))));
        foreach (var row in rows)
        {
            text.AppendLine(string.Join(delimiter, row.Values.Select(v => Cell(v, delimiter))));
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        return bom ? [.. Encoding.UTF8.GetPreamble(), .. bytes] : bytes;
    }

    private static byte[] Xlsx(List<Dictionary<string, object>> rows)
    {
        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, rows);
        return stream.ToArray();
    }

    private async Task<HttpClient> OfficeAsync()
    {
        var client = factory.CreatePortalClient();
        await client.SignInAsync(await factory.CreateUserAsync(Roles.Office));
        return client;
    }

    /// <summary>Uploads the file and returns the report page's path (the upload redirects there).</summary>
    private static async Task<string> UploadAsync(HttpClient client, string name, byte[] content)
    {
        var response = await client.PostFileAsync(Page, Page, "File", name, content, new Dictionary<string, string>());
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"upload of {name} was not accepted: {await response.Content.ReadAsStringAsync()}");
        return response.Headers.Location!.OriginalString;
    }

    private static int Count(IHtmlDocument page, string testId) =>
        int.Parse(page.QuerySelector($"[data-testid={testId}]")!.TextContent.Trim(), CultureInfo.InvariantCulture);

    private Task<int> CertificatesAsync(string prefix) => factory.WithScopeAsync(sp =>
        sp.GetRequiredService<OcopDbContext>().Certificates.CountAsync(c => c.Number.StartsWith(prefix + "-")));

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    public async Task A_clean_file_of_200_rows_imports_200_and_importing_it_again_adds_nothing(string format)
    {
        var prefix = "C" + format.ToUpperInvariant() + Guid.NewGuid().ToString("N")[..6];
        var rows = Rows(prefix, 200, excelDates: format == "xlsx");
        var content = format == "csv" ? Csv(rows) : Xlsx(rows);
        var office = await OfficeAsync();

        var report = await UploadAsync(office, $"gcn-cu.{format}", content);
        var dry = await office.GetDocumentAsync(report);
        Assert.Equal(200, Count(dry, "rows"));
        Assert.Equal(200, Count(dry, "new"));
        Assert.Equal(0, Count(dry, "problems"));
        Assert.Equal(0, await CertificatesAsync(prefix)); // the dry run wrote nothing

        var imported = await office.PostFormAsync(report, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        Assert.Equal(200, await CertificatesAsync(prefix));
        var after = await office.GetDocumentAsync(imported.Headers.Location!.OriginalString);
        Assert.Contains("Đã nhập 200 giấy chứng nhận", after.QuerySelector("[data-testid=flash]")!.TextContent);

        await factory.WithDbAsync(async db =>
        {
            var certificates = await db.Certificates.AsNoTracking().Where(c => c.Number.StartsWith(prefix + "-")).ToListAsync();
            Assert.All(certificates, c => Assert.True(c.Legacy && c.Sequence is null && c.SequenceYear is null && c.DecisionId is not null && c.DecisionLineId is not null));
            Assert.Equal(200, certificates.Select(c => c.Token).Distinct().Count());
            var today = DateOnly.FromDateTime(DateTime.Now);
            Assert.All(certificates, c => Assert.Equal(today > c.ValidUntil ? CertificateState.Expired : CertificateState.Active, c.State));
            Assert.Contains(certificates, c => c.State == CertificateState.Expired);
            Assert.Contains(certificates, c => c.State == CertificateState.Active);
            var first = certificates.Single(c => c.Number == $"{prefix}-0000/GCN");
            Assert.Equal(new DateOnly(2019, 1, 1), first.IssuedOn);
            Assert.Equal(new DateOnly(2022, 1, 1), first.ValidUntil); // issue + 36 months
            Assert.Equal(AuthorityLevel.District, first.AuthorityLevel); // "UBND huyện ..."
            Assert.Equal("I.3.c", first.CategoryCode);
            Assert.Equal(7, first.CriteriaSetNumber);
            Assert.Equal("31570", certificates.Single(c => c.Number == $"{prefix}-0007/GCN").CommuneCode); // Xã Hồ Đắc Kiện (Châu Thành, Sóc Trăng)
            Assert.Equal("I", certificates.Single(c => c.Number == $"{prefix}-0001/GCN").CategoryCode); // legacy "Thực phẩm" → sector I
            Assert.Equal(60.5m, first.Score);

            var decisionIds = certificates.Select(c => c.DecisionId!.Value).Distinct().ToList();
            var decisions = await db.RecognitionDecisions.AsNoTracking().Include(d => d.Lines).Where(d => decisionIds.Contains(d.Id)).ToListAsync();
            Assert.Equal(20, decisions.Count); // one per (number, date, authority)
            Assert.All(decisions, d => Assert.True(d.Kind == DecisionKind.Recorded && d.Status == DecisionStatus.Issued && d.Legacy && d.Lines.Count == 10));
            var producers = certificates.Select(c => c.ProducerId).Distinct().Count();
            Assert.Equal(100, producers); // two products each
            Assert.Equal(200, certificates.Select(c => c.ProductId).Distinct().Count());
            var audit = await db.AuditEvents.AsNoTracking().Where(e => e.Action == LegacyCertificateImporter.ImportedAction).OrderBy(e => e.Id).LastAsync();
            Assert.Contains("\"Certificates\":200", audit.Details);
            Assert.Contains($"gcn-cu.{format}", audit.Details);
            Assert.NotNull(audit.UserId);
        });

        // an imported producer without a tax code opens in the Office's producer registry
        var legacyRow = await factory.WithScopeAsync(sp => sp.GetRequiredService<OcopDbContext>().Certificates.AsNoTracking()
            .Where(c => c.Number == $"{prefix}-0003/GCN").Select(c => new { c.ProducerId, c.ProducerName }).SingleAsync());
        var registry = await office.GetDocumentAsync($"/office/producers/{legacyRow.ProducerId}");
        Assert.Contains(legacyRow.ProducerName, registry.Body!.TextContent);

        // the same file again: every row is "đã có, bỏ qua" and importing adds nothing
        var again = await UploadAsync(office, $"gcn-cu-lan-2.{format}", content);
        var second = await office.GetDocumentAsync(again);
        Assert.Equal(0, Count(second, "new"));
        Assert.Equal(200, Count(second, "existing"));
        Assert.Equal(0, Count(second, "problems"));
        Assert.Null(second.QuerySelector("[data-testid=import]"));
        Assert.Equal(200, second.QuerySelectorAll("tr[data-outcome=Existing]").Length);
        Assert.Contains("Đã có, bỏ qua", second.QuerySelector("tr[data-line='2']")!.TextContent);
        var crafted = await office.PostCraftedAsync(again, again, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Conflict, crafted.StatusCode);
        Assert.Contains("Không có giấy chứng nhận mới để nhập", await crafted.Content.ReadAsStringAsync());
        Assert.Equal(200, await CertificatesAsync(prefix));
    }

    [Fact]
    public async Task A_file_with_3_bad_rows_out_of_200_imports_nothing_and_reports_exactly_those_3()
    {
        var prefix = "B" + Guid.NewGuid().ToString("N")[..6];
        var rows = Rows(prefix, 200, excelDates: true);
        rows[9]["Hạng sao"] = "6"; // spreadsheet row 11
        rows[49]["Ngày cấp"] = "31/02/2020"; // row 51
        rows[149]["Mã xã"] = "99999"; // row 151
        var office = await OfficeAsync();

        var report = await UploadAsync(office, "co-loi.xlsx", Xlsx(rows));
        var page = await office.GetDocumentAsync(report);
        Assert.Equal(3, Count(page, "problems"));
        Assert.Equal(197, Count(page, "new"));
        var bad = page.QuerySelectorAll("tr[data-outcome=Problem]").ToDictionary(tr => tr.GetAttribute("data-line")!, tr => tr.TextContent);
        Assert.Equal(["11", "51", "151"], bad.Keys);
        Assert.Contains("Hạng sao 6 ngoài khoảng 3–5", bad["11"]);
        Assert.Contains("Ngày cấp “31/02/2020” không đúng dạng ngày/tháng/năm", bad["51"]);
        Assert.Contains("Không có xã mã “99999”", bad["151"]);
        Assert.NotNull(page.QuerySelector("[data-testid=cannot-import]"));
        Assert.Null(page.QuerySelector("[data-testid=import]"));
        var onlyProblems = await office.GetDocumentAsync(report + "?problems=true");
        Assert.Equal(3, onlyProblems.QuerySelectorAll("tbody tr").Length);

        var crafted = await office.PostCraftedAsync(report, report, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Conflict, crafted.StatusCode);
        Assert.Contains("Không nhập gì: 3 dòng có lỗi", await crafted.Content.ReadAsStringAsync());
        Assert.Equal(0, await CertificatesAsync(prefix));
        await factory.WithDbAsync(async db =>
        {
            Assert.False(await db.RecognitionDecisions.AnyAsync(d => d.Number.EndsWith(prefix)));
            Assert.False(await db.Set<OcopPortal.Web.Domain.Producers.Producer>().AnyAsync(p => p.Name.Contains(prefix)));
        });
    }

    [Fact]
    public async Task Each_kind_of_problem_is_reported_in_Vietnamese_on_its_row()
    {
        var existing = await new CertificateScenario(factory).IssueAsync(new DateOnly(2023, 3, 1), stars: 4);
        var prefix = "P" + Guid.NewGuid().ToString("N")[..6];
        var rows = Rows(prefix, 9);
        rows[1]["Số giấy chứng nhận"] = rows[0]["Số giấy chứng nhận"]; // row 3: duplicate of row 2
        rows[2]["Tên sản phẩm"] = ""; // row 4
        rows[3]["Có hiệu lực đến"] = "01/01/2018"; // row 5: before the issue date
        rows[4]["Số giấy chứng nhận"] = existing.Number; // row 6: already in the database with other facts
        rows[5]["Mã xã"] = "";
        rows[5]["Xã cũ"] = "Xã Phú Tân"; // row 7: two old communes of that name in Châu Thành (Hậu Giang, Sóc Trăng)
        rows[5]["Huyện cũ"] = "Huyện Châu Thành";
        rows[6]["Mã xã"] = "";
        rows[6]["Xã cũ"] = "Xã Không Có Thật"; // row 8
        rows[7]["Hạng sao"] = "2"; // row 9
        rows[8]["Phân loại"] = "Hàng điện tử"; // row 10
        var office = await OfficeAsync();

        var report = await UploadAsync(office, "nhieu-loi.csv", Csv(rows, delimiter: ',', bom: false));
        var page = await office.GetDocumentAsync(report);
        string Problems(string line) => page.QuerySelector($"tr[data-line='{line}']")!.TextContent;
        Assert.Equal("New", page.QuerySelector("tr[data-line='2']")!.GetAttribute("data-outcome"));
        Assert.Contains($"trùng với dòng 2 trong tệp", Problems("3"));
        Assert.Contains("Thiếu tên sản phẩm.", Problems("4"));
        Assert.Contains("Ngày có hiệu lực đến 01/01/2018 không sau ngày cấp", Problems("5"));
        Assert.Contains("đã có trong hệ thống với thông tin khác", Problems("6"));
        Assert.Contains("ứng với nhiều xã hiện nay", Problems("7"));
        Assert.Contains("Không tìm thấy xã cũ “Xã Không Có Thật”", Problems("8"));
        Assert.Contains("Hạng sao 2 ngoài khoảng 3–5", Problems("9"));
        Assert.Contains("Phân loại “Hàng điện tử” không có", Problems("10"));
        Assert.Equal(8, Count(page, "problems"));
    }

    [Theory]
    [InlineData("bang-tinh.xlsx", "<html><body><table><tr><td>Tên chủ thể</td></tr></table></body></html>", "không phải bảng tính Excel (.xlsx)")]
    [InlineData("bang-tinh.xls", "anything", "Chỉ nhận tệp Excel (.xlsx) hoặc CSV (.csv)")]
    [InlineData("tieu-de-sai.csv", "a;b;c\n1;2;3\n", "Dòng tiêu đề (dòng 1) thiếu cột")]
    public async Task A_file_that_is_not_the_template_spreadsheet_is_refused_and_nothing_is_stored(string name, string content, string message)
    {
        var office = await OfficeAsync();
        var before = await factory.WithScopeAsync(sp => sp.GetRequiredService<OcopDbContext>().StoredFiles.CountAsync());
        var response = await office.PostFileAsync(Page, Page, "File", name, Encoding.UTF8.GetBytes(content), new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.Contains(page.FormErrors(), e => e.Contains(message, StringComparison.Ordinal));
        Assert.Equal(before, await factory.WithScopeAsync(sp => sp.GetRequiredService<OcopDbContext>().StoredFiles.CountAsync()));
    }

    [Fact]
    public async Task A_stored_file_that_is_not_an_import_upload_is_not_found()
    {
        var office = await OfficeAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync($"{Page}/{Guid.NewGuid()}")).StatusCode);
    }

    [Theory]
    [InlineData(Roles.Producer)]
    [InlineData(Roles.Commune)]
    [InlineData(Roles.CouncilMember)]
    public async Task Other_roles_get_403(string role)
    {
        var office = await OfficeAsync();
        var report = await UploadAsync(office, "gcn.csv", Csv(Rows("R" + Guid.NewGuid().ToString("N")[..6], 2)));
        var client = factory.CreatePortalClient();
        await client.SignInAsync(await factory.CreateUserAsync(role));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(Page)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(report)).StatusCode);
        var post = await client.PostCraftedAsync("/account/password", report, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
    }

    [Fact]
    public void The_documented_template_files_read_as_clean_tables()
    {
        var docs = Path.Combine(TestPaths.RepoRoot, "docs", "import");
        foreach (var (file, kind) in new[] { ("legacy-certificates-template.csv", OcopPortal.Web.Infrastructure.Files.FileKind.Csv), ("legacy-certificates-template.xlsx", OcopPortal.Web.Infrastructure.Files.FileKind.Xlsx) })
        {
            var (sheet, problem) = LegacySheetReader.Read(File.ReadAllBytes(Path.Combine(docs, file)), kind);
            Assert.Null(problem);
            Assert.Equal(LegacyTemplate.Columns.Select(c => c.Key), sheet!.Keys);
            Assert.True(sheet.Rows.Count >= 3);
            Assert.All(sheet.Rows, r => Assert.Empty(LegacyRowParser.Parse(r, new DateOnly(2026, 11, 23)).Problems));
        }
    }
}
