using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OcopPortal.Tests.Web;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain;
using OcopPortal.Web.Domain.Dossiers;
using OcopPortal.Web.Domain.Producers;
using OcopPortal.Web.Infrastructure.Auth;
using UglyToad.PdfPig;

namespace OcopPortal.BrowserTests;

/// <summary>
/// Scenario S4: the office sets up the provincial council (a chair, two members, a secretary) and round 1, assigns
/// Chị Lan's durian cakes and another producer's rice paper, opens scoring; Anh Hùng declares that Chị Lan is his
/// cousin and never sees her product again; everybody else scores both products on their own sheets; the office
/// records the meeting's attendance; the chair closes scoring, finalises and prints the minutes, which carry the
/// council's means as the results board shows them. Accounts and the two accepted dossiers are set up directly
/// (their screens have their own stories).
/// </summary>
public sealed class CouncilStory(BrowserPortal app) : IClassFixture<BrowserPortal>
{
    private const string LanProduct = "Bánh pía sầu riêng";
    private const string LanProducer = "Hộ kinh doanh Bánh pía Lan";
    private const string OtherProduct = "Bánh tráng sữa Thuận Hưng";
    private const string OtherProducer = "Cơ sở Bánh tráng Thuận Hưng";
    private const string Decision = "1234/QĐ-UBND";

    /// <summary>Chị Lan's own self-assessment (criteria set 6, 72 points); each member's sheet differs from it in a few criteria.</summary>
    private const string LanAnswers =
        "1.1=3 1.2=1 1.3=3 1.4=3 1.5=2 1.6=2 1.7=1 2.1=3 2.2=3 2.3=1 2.4=1 3.1=3 3.2=1 3.3=3 3.4=2 3.5=2 " +
        "4.1=3 4.2=1 4.3=3 5.1=2 5.2=2 5.3=3 6.1=3 6.2=2 6.3=2 6.4=2 6.5=2 7=3 8=4 9=3 10=2 11=1";

    private static readonly Seat Chair = new("Trần Văn Quang", "UBND thành phố Cần Thơ", "Chủ tịch Hội đồng", "quang.ubnd@example.vn");
    private static readonly Seat Mai = new("Lê Thị Mai", "Sở Công Thương", "Thành viên", "mai.sct@example.vn");
    private static readonly Seat Hung = new("Nguyễn Văn Hùng", "Sở Khoa học và Công nghệ", "Thành viên", "hung.skhcn@example.vn");
    private static readonly Seat Thu = new("Phạm Thị Thu", "Sở Nông nghiệp và Môi trường", "Thành viên kiêm Thư ký", "thu.snnmt@example.vn");

    [Fact]
    public async Task The_council_scores_two_products_with_one_member_conflicted_and_prints_the_minutes()
    {
        var office = await app.Portal.CreateUserAsync(Roles.Office, "ha.vpdp@example.vn");
        await app.Portal.CreateUserAsync(Roles.CouncilChair, Chair.Email);
        foreach (var member in new[] { Mai, Hung, Thu })
        {
            await app.Portal.CreateUserAsync(Roles.CouncilMember, member.Email);
        }

        await AcceptedDossierAsync("lan.banhpia@example.vn", LanProducer, LanProduct, DossierScenario.Commune, "12");
        await AcceptedDossierAsync("hung.banhtrang@example.vn", OtherProducer, OtherProduct, DossierScenario.OtherCommune, "15");

        var officePage = await app.NewPageAsync();
        var roundId = await The_office_sets_up_the_council_and_round_1Async(officePage, office);

        // Anh Hùng first: Chị Lan is his cousin. He then scores the rice paper only.
        var hungPage = await app.NewPageAsync();
        await Hung_declares_a_conflict_for_Lans_productAsync(hungPage, roundId);
        await ScoreAsync(hungPage, roundId, OtherProduct, Vary("2.3=3 1.2=2"), 75);

        // The others score both products independently.
        var chairPage = await app.NewPageAsync();
        await OpenMyRoundAsync(chairPage, Chair, roundId);
        await ScoreAsync(chairPage, roundId, LanProduct, Vary(""), 72, screenshot: "16-phieu-cham");
        await ScoreAsync(chairPage, roundId, OtherProduct, Vary("2.3=3"), 74);
        foreach (var (member, lan, lanTotal, other, otherTotal) in new[] { (Mai, "1.2=0 4.2=0", 70, "2.3=2", 73), (Thu, "1.5=3 5.1=3 6.2=3", 75, "2.3=2 4.1=5", 75) })
        {
            var page = await app.NewPageAsync();
            await OpenMyRoundAsync(page, member, roundId);
            await ScoreAsync(page, roundId, LanProduct, Vary(lan), lanTotal);
            await ScoreAsync(page, roundId, OtherProduct, Vary(other), otherTotal);
            await Assertions.Expect(page.GetByTestId("progress")).ToHaveTextAsync("Đã nộp 2/2 phiếu");
            await page.Context.CloseAsync();
        }

        // The meeting: everybody is there.
        await officePage.ReloadAsync();
        var entries = officePage.GetByTestId("entries");
        await Assertions.Expect(entries.Locator("li", new() { HasText = LanProduct }).GetByTestId("progress")).ToHaveTextAsync("Đã nộp 3/3 phiếu · 1 thành viên xung đột lợi ích");
        await Assertions.Expect(entries.Locator("li", new() { HasText = OtherProduct }).GetByTestId("progress")).ToHaveTextAsync("Đã nộp 4/4 phiếu");
        foreach (var seat in new[] { Chair, Mai, Hung, Thu })
        {
            await officePage.GetByLabel($"{seat.Name} · {seat.Role}").CheckAsync();
        }

        await officePage.GetByTestId("save-attendance").ClickAsync();
        await Assertions.Expect(officePage.GetByTestId("flash")).ToHaveTextAsync("Đã lưu điểm danh: 4/4 thành viên có mặt.");

        var (lanMean, otherMean) = await The_chair_closes_and_finalisesAsync(chairPage, roundId);
        await Hung_never_sees_Lans_productAsync(hungPage, roundId, otherMean);
        await The_minutes_carry_the_resultsAsync(chairPage, lanMean, otherMean);

        // The office sees the same board and may print the minutes too.
        await officePage.ReloadAsync();
        await officePage.GetByTestId("results-link").ClickAsync();
        await Assertions.Expect(officePage.GetByTestId("round-status")).ToHaveTextAsync("Đã chốt kết quả");
        await Assertions.Expect(officePage.GetByTestId("mean")).ToHaveTextAsync([lanMean, otherMean]);
        await Assertions.Expect(officePage.GetByTestId("minutes")).ToBeVisibleAsync();
    }

    private static async Task<int> The_office_sets_up_the_council_and_round_1Async(IPage page, string email)
    {
        AcceptConfirms(page);
        await StorySteps.SignInAsync(page, email);
        await page.GetByRole(AriaRole.Link, new() { Name = "Đợt đánh giá", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Hội đồng", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("empty")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Lập Hội đồng" }).ClickAsync();

        // The council as the People's Committee's decision establishes it.
        var today = DateOnly.FromDateTime(DateTime.Today);
        await Assertions.Expect(page.GetByLabel("Tên Hội đồng")).ToHaveValueAsync("Hội đồng đánh giá, phân hạng sản phẩm OCOP cấp tỉnh");
        await page.GetByLabel("Số quyết định thành lập").FillAsync(Decision);
        await page.GetByLabel("Ngày quyết định").FillAsync(Iso(today.AddDays(-20)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Lập Hội đồng" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("flash")).ToHaveTextAsync($"Đã lập Hội đồng theo quyết định {Decision}. Hãy thêm Chủ tịch và các thành viên.");
        await Assertions.Expect(page.GetByTestId("no-seats")).ToBeVisibleAsync();

        foreach (var seat in new[] { Chair, Mai, Hung, Thu })
        {
            await page.GetByLabel("Họ và tên").FillAsync(seat.Name);
            await page.GetByLabel("Cơ quan, đơn vị").FillAsync(seat.Agency);
            await page.GetByLabel("Vai trò").SelectOptionAsync(new SelectOptionValue { Label = seat.Role });
            await page.GetByLabel("Email tài khoản").FillAsync(seat.Email);
            await page.GetByRole(AriaRole.Button, new() { Name = "Thêm", Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("flash")).ToHaveTextAsync($"Đã thêm {seat.Name} vào Hội đồng.");
        }

        var seats = page.GetByTestId("seats").Locator("tbody tr");
        await Assertions.Expect(seats).ToHaveCountAsync(4);
        await Assertions.Expect(seats.First.GetByRole(AriaRole.Cell)).ToHaveTextAsync([Chair.Name, Chair.Agency, Chair.Role, Chair.Email, "Bỏ"]);
        await Assertions.Expect(seats.Last.GetByRole(AriaRole.Cell)).ToHaveTextAsync([Thu.Name, Thu.Agency, Thu.Role, Thu.Email, "Bỏ"]);
        await Screenshots.TakeAsync(page, "14-hoi-dong-thanh-vien");

        // Round 1 of the coming half-year: scoring within two weeks, the meeting the day after.
        var year = today.Month <= 6 ? today.Year : today.Year + 1;
        var deadline = today.AddDays(14) <= new DateOnly(year, 6, 30) ? today.AddDays(14) : new DateOnly(year, 6, 30);
        await page.GetByRole(AriaRole.Link, new() { Name = "Lập đợt đánh giá" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Hội đồng", new() { Exact = true })).ToHaveValueAsync(new Regex(@"^\d+$"));
        await page.GetByLabel("Năm").FillAsync(year.ToString(CultureInfo.InvariantCulture));
        await page.GetByLabel("Đợt số").FillAsync("1");
        await page.GetByLabel("Hình thức").SelectOptionAsync(new SelectOptionValue { Label = "Họp Hội đồng" });
        await page.GetByLabel("Hạn chấm điểm").FillAsync(Iso(deadline));
        await page.GetByLabel("Ngày họp Hội đồng").FillAsync(Iso(deadline.AddDays(1)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Lập đợt" }).ClickAsync();
        var round = $"Đợt 1 năm {year}";
        await Assertions.Expect(page.GetByTestId("flash")).ToHaveTextAsync($"Đã lập {round}. Hãy đưa các hồ sơ đã tiếp nhận vào đợt.");
        await Assertions.Expect(page.GetByTestId("round-status")).ToHaveTextAsync("Chuẩn bị (tổ tư vấn)");
        await Assertions.Expect(page.GetByTestId("legal-deadline")).ToHaveTextAsync($"30/06/{year}");
        var roundId = int.Parse(new Uri(page.Url).Segments.Last(), CultureInfo.InvariantCulture);

        await page.GetByLabel(new Regex($"· {LanProduct} · {LanProducer}$")).CheckAsync();
        await page.GetByLabel(new Regex($"· {OtherProduct} · {OtherProducer}$")).CheckAsync();
        await page.GetByTestId("assign").ClickAsync();
        await Assertions.Expect(page.GetByTestId("flash")).ToHaveTextAsync($"Đã đưa 2 hồ sơ vào {round}.");
        await Assertions.Expect(page.GetByTestId("entries").Locator("li[data-entry]")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByTestId("nothing-to-assign")).ToBeVisibleAsync();

        await page.GetByTestId("open-scoring").ClickAsync();
        await Assertions.Expect(page.GetByTestId("flash")).ToHaveTextAsync("Đã mở chấm điểm. Thành viên Hội đồng thấy các sản phẩm trong trang Hội đồng.");
        await Assertions.Expect(page.GetByTestId("round-status")).ToHaveTextAsync("Đang chấm điểm");
        await Assertions.Expect(page.GetByTestId("entries").GetByTestId("progress")).ToHaveTextAsync(["Đã nộp 0/4 phiếu", "Đã nộp 0/4 phiếu"]);
        return roundId;
    }

    private static async Task Hung_declares_a_conflict_for_Lans_productAsync(IPage page, int roundId)
    {
        await OpenMyRoundAsync(page, Hung, roundId);
        var lan = page.GetByTestId("entries").Locator("tbody tr", new() { HasText = LanProduct });
        await Assertions.Expect(lan.GetByTestId("declaration")).ToHaveTextAsync("Chưa khai báo");
        await lan.GetByRole(AriaRole.Link, new() { Name = "Khai báo" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync($"Sản phẩm «{LanProduct}» của {LanProducer}");
        await page.GetByLabel("Có xung đột lợi ích (tôi không chấm sản phẩm này)").CheckAsync();
        await page.GetByLabel("Quan hệ gia đình, cá nhân").CheckAsync();
        await page.GetByLabel("Lý do cụ thể").FillAsync("Chị Nguyễn Thị Lan là chị họ của tôi.");
        await Screenshots.TakeAsync(page, "15-khai-bao-xung-dot");
        await page.GetByTestId("declare").ClickAsync();

        await Assertions.Expect(page.GetByTestId("flash")).ToHaveTextAsync(
            $"Đã ghi nhận xung đột lợi ích với «{LanProduct}». Sản phẩm không còn trong danh sách chấm của bạn và bạn không tham gia kết quả của sản phẩm này.");
        await Assertions.Expect(page.GetByTestId("entries").Locator("tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("entries")).Not.ToContainTextAsync(LanProduct);
        await Assertions.Expect(page.GetByTestId("progress")).ToHaveTextAsync("Đã nộp 0/1 phiếu");
    }

    /// <summary>Signs in and opens the round from the council workspace.</summary>
    private static async Task OpenMyRoundAsync(IPage page, Seat seat, int roundId)
    {
        AcceptConfirms(page);
        await StorySteps.SignInAsync(page, seat.Email);
        await CouncilNav(page).ClickAsync();
        var row = page.GetByTestId("rounds").Locator($"tr[data-round='{roundId}']");
        await Assertions.Expect(row).ToContainTextAsync(seat.Role);
        await row.GetByRole(AriaRole.Link, new() { Name = "Sản phẩm của tôi" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/rounds/{roundId}/my$"));
    }

    /// <summary>From the member's list: declares no conflict, ticks one option per criterion on the sheet, checks the live total and submits.</summary>
    private async Task ScoreAsync(IPage page, int roundId, string product, string answers, int total, string? screenshot = null)
    {
        var row = page.GetByTestId("entries").Locator("tbody tr", new() { HasText = product });
        await row.GetByRole(AriaRole.Link, new() { Name = "Khai báo" }).ClickAsync();
        await page.GetByLabel("Không có xung đột lợi ích").CheckAsync();
        await page.GetByTestId("declare").ClickAsync();
        await Assertions.Expect(page.GetByTestId("flash")).ToHaveTextAsync($"Đã ghi nhận: bạn không có xung đột lợi ích với «{product}».");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Phiếu chấm điểm: {product}");
        await Assertions.Expect(page.GetByTestId("sheet-status")).ToHaveTextAsync("Chưa chấm");
        await Assertions.Expect(page.GetByTestId("reference-total")).ToHaveTextAsync("72");

        var (_, choices) = await StorySteps.ChoicesAsync(app.Portal, 6, answers);
        await Assertions.Expect(page.Locator("fieldset[data-criterion]")).ToHaveCountAsync(choices.Count);
        foreach (var (nodeId, optionId) in choices)
        {
            await page.Locator($"input[name='Choices[{nodeId}]'][value='{optionId}']").CheckAsync();
        }

        await Assertions.Expect(page.GetByTestId("total")).ToHaveTextAsync(total.ToString(CultureInfo.InvariantCulture));
        await Assertions.Expect(page.GetByTestId("unanswered")).ToHaveCountAsync(0);
        if (screenshot is not null)
        {
            await page.GetByLabel("Nhận xét chung").FillAsync("Sản phẩm đặc trưng của địa phương; cần bổ sung mã truy xuất nguồn gốc điện tử.");
            await Screenshots.TakeAsync(page, screenshot);
        }

        // The draft saves in the background: the page stays, the status turns to draft and the form takes the new
        // Version (the submission below would be refused as a stale window otherwise).
        await page.GetByTestId("save-sheet").ClickAsync();
        await Assertions.Expect(page.Locator("#sheet-saved")).ToContainTextAsync("Đã lưu bản nháp lúc");
        await Assertions.Expect(page.GetByTestId("sheet-status")).ToHaveTextAsync("Bản nháp");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/rounds/{roundId}/entries/\\d+/sheet$"));

        await page.GetByTestId("submit-sheet").ClickAsync();
        await Assertions.Expect(page.GetByTestId("flash")).ToHaveTextAsync($"Đã nộp phiếu chấm «{product}»: {total} điểm. Phiếu đã khóa; chỉ Chủ tịch Hội đồng mở lại được.");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/rounds/{roundId}/my$"));
        var done = page.GetByTestId("entries").Locator("tbody tr", new() { HasText = product });
        await Assertions.Expect(done.GetByTestId("sheet-status")).ToHaveTextAsync("Đã nộp");
        await Assertions.Expect(done.GetByTestId("my-total")).ToContainTextAsync(total.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>The chair sees the progress (no scores), closes scoring, reads the board and finalises; returns the two means as shown.</summary>
    private static async Task<(string Lan, string Other)> The_chair_closes_and_finalisesAsync(IPage page, int roundId)
    {
        await page.GotoAsync($"/rounds/{roundId}/my");
        await page.GetByTestId("progress-link").ClickAsync();
        var progress = page.GetByTestId("progress").Locator("tbody tr");
        await Assertions.Expect(progress).ToHaveTextAsync([
            new Regex($@"^{Chair.Name}[^/]*2/2\s*$"), new Regex($@"^{Mai.Name}[^/]*2/2\s*$"), new Regex($@"^{Hung.Name}[^/]*1/1\s*$"), new Regex($@"^{Thu.Name}[^/]*2/2\s*$"),
        ]);
        await page.GetByTestId("close-scoring").ClickAsync();
        await Assertions.Expect(page.GetByTestId("flash")).ToHaveTextAsync("Đã khóa chấm điểm. Bảng kết quả đã mở cho Hội đồng.");
        await Assertions.Expect(page.GetByTestId("round-status")).ToHaveTextAsync("Đã khóa chấm điểm");

        // Sorted by disagreement: Chị Lan's (70, 72, 75: a spread of 5) before the rice paper (73–75).
        var cards = page.GetByTestId("results").Locator("tbody tr[data-entry]");
        await Assertions.Expect(cards).ToHaveCountAsync(2);
        var lan = cards.Nth(0);
        var other = cards.Nth(1);
        await Assertions.Expect(lan).ToContainTextAsync(LanProduct);
        await Assertions.Expect(lan.GetByTestId("state")).ToHaveTextAsync("Có kết quả");
        await Assertions.Expect(lan.GetByTestId("mean")).ToHaveTextAsync("72,33");
        await Assertions.Expect(lan.Locator("td")).ToHaveTextAsync([new Regex(LanProduct), new Regex("Có kết quả"), new Regex("72,33"), new Regex("sao"), new Regex("^70$"), new Regex("^75$"), new Regex("^5$"), new Regex("^3/3$")]);
        await Assertions.Expect(other).ToContainTextAsync(OtherProduct);
        await Assertions.Expect(other.GetByTestId("mean")).ToHaveTextAsync("74,25");
        await Assertions.Expect(other.Locator("td").Last).ToHaveTextAsync("4/4");
        var stars = await lan.GetByTestId("stars").TextContentAsync();
        Assert.Matches("^[345] sao$", stars);
        await Screenshots.TakeAsync(page, "17-bang-ket-qua");

        // The product's own page: each member's sheet, the conflicted member without one.
        await lan.GetByTestId("open").ClickAsync();
        await Assertions.Expect(page.GetByTestId("members").Locator("tbody tr", new() { HasText = Hung.Name })).ToContainTextAsync("Xung đột lợi ích: không chấm");
        await Assertions.Expect(page.GetByTestId("mean")).ToHaveTextAsync("72,33");
        await page.GotoAsync($"/rounds/{roundId}/results");

        await page.GetByTestId("finalise").ClickAsync();
        await Assertions.Expect(page.GetByTestId("flash")).ToHaveTextAsync(new Regex("^Đã chốt kết quả Đợt 1 năm \\d{4}\\.$"));
        await Assertions.Expect(page.GetByTestId("round-status")).ToHaveTextAsync("Đã chốt kết quả");
        await Assertions.Expect(page.GetByTestId("finalise")).ToHaveCountAsync(0);
        return ("72,33", "74,25");
    }

    /// <summary>Anh Hùng's lists and the results board never name Chị Lan's product, and he cannot print the minutes.</summary>
    private static async Task Hung_never_sees_Lans_productAsync(IPage page, int roundId, string otherMean)
    {
        await CouncilNav(page).ClickAsync();
        await Assertions.Expect(page.GetByTestId("rounds").Locator($"tr[data-round='{roundId}']")).ToContainTextAsync("Đã chốt kết quả");
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).Not.ToContainTextAsync(LanProduct);

        await page.GotoAsync($"/rounds/{roundId}/my");
        await Assertions.Expect(page.GetByTestId("entries").Locator("tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).Not.ToContainTextAsync(LanProduct);
        await page.GetByTestId("results-link").ClickAsync();

        await Assertions.Expect(page.GetByTestId("results").Locator("tbody tr[data-entry]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("mean")).ToHaveTextAsync(otherMean);
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).Not.ToContainTextAsync(LanProduct);
        await Assertions.Expect(page.GetByTestId("minutes")).ToHaveCountAsync(0);
        var minutes = await page.APIRequest.GetAsync($"/rounds/{roundId}/minutes.pdf");
        Assert.Equal(404, minutes.Status);
    }

    /// <summary>The chair downloads the minutes from the board; the PDF names both products with the means shown on the board.</summary>
    private static async Task The_minutes_carry_the_resultsAsync(IPage page, string lanMean, string otherMean)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("minutes").ClickAsync());
        Assert.Matches(@"^bien-ban.*\.pdf$", download.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync(await download.PathAsync());
        using var pdf = PdfDocument.Open(bytes);
        var text = Flat(string.Concat(pdf.GetPages().Select(p => p.Text)));
        Assert.Contains(Flat(LanProduct), text, StringComparison.Ordinal);
        Assert.Contains(Flat(OtherProduct), text, StringComparison.Ordinal);
        Assert.Contains(Flat(Decision), text, StringComparison.Ordinal);
        Assert.Contains(Flat(Chair.Name), text, StringComparison.Ordinal);
        Assert.Contains(lanMean, text, StringComparison.Ordinal);
        Assert.Contains(otherMean, text, StringComparison.Ordinal);
    }

    /// <summary>Text without whitespace, composed: PdfPig may drop or add spaces between words and lines.</summary>
    private static string Flat(string s) => Regex.Replace(s.Normalize(NormalizationForm.FormC), @"\s+", "");

    /// <summary>Chị Lan's answers with some criteria scored differently ("code=points" pairs).</summary>
    private static string Vary(string changes)
    {
        var answers = LanAnswers.Split(' ').Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);
        foreach (var change in changes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')))
        {
            answers[change[0]] = change[1];
        }

        return string.Join(' ', answers.Select(a => $"{a.Key}={a.Value}"));
    }

    /// <summary>The council workspace in the main menu.</summary>
    private static ILocator CouncilNav(IPage page) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "Điều hướng chính" }).GetByRole(AriaRole.Link, new() { Name = "Hội đồng", Exact = true });

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void AcceptConfirms(IPage page) => page.Dialog += (_, dialog) => _ = dialog.AcceptAsync();

    /// <summary>A producer with a product under set 6 and its dossier accepted by the office, self-assessed like Chị Lan's (72 points).</summary>
    private async Task AcceptedDossierAsync(string email, string producerName, string product, string commune, string sequence)
    {
        await app.Portal.CreateUserAsync(Roles.Producer, email);
        var userId = await app.Portal.WithScopeAsync(async sp => (await sp.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email))!.Id);
        var producer = new Producer
        {
            OwnerUserId = userId,
            Type = ProducerType.Household,
            Name = producerName,
            TaxCode = "18001234" + sequence,
            RepresentativeName = producerName,
            RepresentativeGender = Gender.Female,
            ProvinceCode = "92",
            CommuneCode = commune,
            StreetAddress = "Ấp 1",
            Phone = "0912345678",
            Email = email,
            CreatedAt = DateTimeOffset.UtcNow,
            UpdatedAt = DateTimeOffset.UtcNow,
            Version = Guid.NewGuid(),
        };
        await app.Portal.WithDbAsync(async db =>
        {
            db.Add(producer);
            await db.SaveChangesAsync();
        });
        var productId = await new DossierScenario(app.Portal).ProductAsync(producer.Id, product);
        var (ruleSetId, choices) = await StorySteps.ChoicesAsync(app.Portal, 6, LanAnswers);
        var codes = LanAnswers.Split(' ').Select(p => p.Split('=')[0]).ToList();
        await app.Portal.WithDbAsync(async db =>
        {
            var setId = await db.CriteriaSets.Where(s => s.RuleSetId == ruleSetId && s.Number == 6).Select(s => s.Id).SingleAsync();
            var now = DateTimeOffset.UtcNow;
            db.Dossiers.Add(new Dossier
            {
                ProducerId = producer.Id,
                ProductId = productId,
                CommuneCode = commune,
                Kind = DossierKind.FirstEvaluation,
                TargetStars = 3,
                RuleSetId = ruleSetId,
                CriteriaSetId = setId,
                Status = DossierStatus.Accepted,
                Number = $"{sequence}/PĐK-92-{commune}-{now.Year}",
                CreatedAt = now.AddDays(-30),
                SubmittedAt = now.AddDays(-28),
                ForwardedAt = now.AddDays(-20),
                UpdatedAt = now,
                SelfAssessedTotal = 72,
                SelfAssessedStars = 3,
                Version = Guid.NewGuid(),
                Answers = choices.Select((c, i) => new DossierAnswer { CriterionCode = codes[i], OptionId = c.OptionId }).ToList(),
            });
            await db.SaveChangesAsync();
        });
    }

    private sealed record Seat(string Name, string Agency, string Role, string Email);
}
