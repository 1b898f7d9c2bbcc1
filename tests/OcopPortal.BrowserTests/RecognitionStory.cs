using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OcopPortal.Tests.Web.Recognition;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain;
using OcopPortal.Web.Domain.Councils;
using OcopPortal.Web.Domain.Producers;
using OcopPortal.Web.Infrastructure.Auth;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Actions;

namespace OcopPortal.BrowserTests;

/// <summary>
/// Scenarios S5 and S7 (revocation): the office drafts the People's Committee decision for a finalised round (Chị
/// Lan's durian cakes at 4 stars, another producer's rice paper at 3 stars, a third product not recognised), fills
/// number, date and signatory, issues it after the confirmation page and prints all certificates in one PDF, one page
/// each with a QR link; a visitor follows the QR link and reads "còn hiệu lực" with the product and the authority;
/// Chị Lan finds her certificate with the council's per-part averages and comments; the office then revokes it (the
/// production stopped) and the visitor's page says revoked. The finalised round is set up directly, as the chair's
/// finalisation leaves it (scoring has its own story).
/// </summary>
public sealed class RecognitionStory(BrowserPortal app) : IClassFixture<BrowserPortal>
{
    private const string LanEmail = "lan.banhpia@example.vn";
    private const string LanProduct = "Bánh pía sầu riêng Phú Lộc";
    private const string LanProducer = "Hộ kinh doanh Bánh pía Lan";
    private const string OtherProduct = "Bánh tráng sữa Thuận Hưng";
    private const string RejectedProduct = "Mứt mãng cầu Phú Lộc";
    private const string Authority = "Ủy ban nhân dân thành phố Cần Thơ";
    private const string DecisionNumber = "2150/QĐ-UBND";
    private const string RevocationNumber = "456/QĐ-UBND";

    [Fact]
    public async Task The_office_issues_the_decision_prints_the_certificates_and_later_revokes_one()
    {
        var office = await app.Portal.CreateUserAsync(Roles.Office, "ha.vpdp@example.vn");
        var round = await FinalisedRoundAsync();
        var today = DateOnly.FromDateTime(DateTime.Today);
        var decisionDate = today.AddDays(-2);

        var officePage = await app.NewPageAsync();
        await StorySteps.SignInAsync(officePage, office);
        await The_office_drafts_and_issues_the_decisionAsync(officePage, round.Name, decisionDate);
        var verifyUrl = await The_office_prints_all_certificates_in_one_pdfAsync(officePage);

        // The certificate page links the same public address as the QR code on the print.
        await Nav(officePage, "Giấy chứng nhận").ClickAsync();
        var row = officePage.GetByTestId("certificates").Locator("tbody tr", new() { HasText = LanProduct });
        await Assertions.Expect(row.GetByTestId("status")).ToHaveTextAsync("Còn hiệu lực");
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(officePage.GetByTestId("verification-link")).ToHaveAttributeAsync("href", verifyUrl);
        var certificateNumber = Regex.Match(await officePage.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync(), @"\S+$").Value;

        // A visitor, not signed in, follows the QR code.
        var visitor = await app.NewPageAsync(phone: true);
        await visitor.GotoAsync(verifyUrl);
        await Assertions.Expect(visitor.GetByTestId("signed-in-as")).ToHaveCountAsync(0);
        var verdict = visitor.GetByTestId("verdict");
        await Assertions.Expect(verdict).ToHaveAttributeAsync("data-status", "Valid");
        await Assertions.Expect(verdict).ToContainTextAsync("Còn hiệu lực");
        await Assertions.Expect(verdict).ToContainTextAsync($"Giấy chứng nhận có giá trị đến ngày {Date(decisionDate.AddMonths(36))}");
        var facts = visitor.GetByTestId("facts");
        await Assertions.Expect(facts).ToContainTextAsync(certificateNumber);
        await Assertions.Expect(facts).ToContainTextAsync(LanProduct);
        await Assertions.Expect(facts).ToContainTextAsync(LanProducer);
        await Assertions.Expect(facts).ToContainTextAsync(Authority);
        await Assertions.Expect(facts).ToContainTextAsync($"Số {DecisionNumber} ngày {Date(decisionDate)}");
        await Screenshots.TakeAsync(visitor, "19-tra-cuu-con-hieu-luc");

        await Chi_Lan_reads_her_certificate_and_the_council_resultAsync(certificateNumber);
        await The_office_revokes_the_certificateAsync(officePage, certificateNumber, today);

        // The visitor's page says so at once.
        await visitor.ReloadAsync();
        await Assertions.Expect(verdict).ToHaveAttributeAsync("data-status", "Revoked");
        await Assertions.Expect(verdict).ToContainTextAsync("Đã bị thu hồi");
        await Assertions.Expect(verdict.GetByTestId("revocation")).ToContainTextAsync(
            $"Thu hồi theo Quyết định số {RevocationNumber} ngày {Date(today)} của {Authority}.");
        await Assertions.Expect(verdict.GetByTestId("revocation")).ToContainTextAsync("Căn cứ: Chủ thể ngừng sản xuất sản phẩm.");
        await Assertions.Expect(facts).ToContainTextAsync(LanProduct);
        await Screenshots.TakeAsync(visitor, "21-tra-cuu-da-thu-hoi");
    }

    private static async Task The_office_drafts_and_issues_the_decisionAsync(IPage page, string round, DateOnly decisionDate)
    {
        await Nav(page, "Quyết định công nhận").ClickAsync();
        await page.GetByTestId("open-rounds").GetByRole(AriaRole.Link, new() { Name = $"Lập quyết định cho {round}" }).ClickAsync();

        // The council's frozen results: two products recognised by the province, one not.
        var candidates = page.GetByTestId("candidates").Locator("tbody tr");
        await Assertions.Expect(candidates).ToHaveCountAsync(3);
        await Assertions.Expect(candidates.Filter(new() { HasText = LanProduct }).GetByTestId("proposal")).ToHaveTextAsync("Công nhận (tỉnh)");
        await Assertions.Expect(candidates.Filter(new() { HasText = OtherProduct }).GetByTestId("proposal")).ToHaveTextAsync("Công nhận (tỉnh)");
        await Assertions.Expect(candidates.Filter(new() { HasText = RejectedProduct }).GetByTestId("proposal")).ToHaveTextAsync("Không công nhận");
        await page.GetByTestId("create-draft").ClickAsync();

        await Assertions.Expect(page.GetByTestId("flash")).ToHaveTextAsync("Đã lập dự thảo quyết định với 2 sản phẩm. Hãy kiểm tra, hoàn thiện số, ngày, người ký rồi ban hành.");
        await Assertions.Expect(page.GetByTestId("decision-status")).ToHaveTextAsync("Dự thảo");
        var lines = page.GetByTestId("lines").Locator("tbody tr");
        await Assertions.Expect(lines).ToHaveCountAsync(2);
        await Assertions.Expect(lines.Filter(new() { HasText = LanProduct }).GetByTestId("stars")).ToHaveTextAsync("4 sao");
        await Assertions.Expect(lines.Filter(new() { HasText = OtherProduct }).GetByTestId("stars")).ToHaveTextAsync("3 sao");
        await Assertions.Expect(page.GetByTestId("not-recognised")).ToContainTextAsync(RejectedProduct);

        // Number, date and signatory as the Chairman's office gave them.
        await page.GetByTestId("edit-decision").ClickAsync();
        await page.GetByLabel("Số quyết định").FillAsync(DecisionNumber);
        await page.GetByLabel("Ngày quyết định").FillAsync(Iso(decisionDate));
        await page.GetByLabel("Chức vụ người ký").FillAsync("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH");
        await page.GetByLabel("Họ tên người ký").FillAsync("Trần Văn Ký");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu dự thảo" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("flash")).ToHaveTextAsync("Đã lưu dự thảo quyết định.");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync($"số {DecisionNumber}");
        await Assertions.Expect(page.GetByTestId("decision-date")).ToHaveTextAsync(Date(decisionDate));
        await Assertions.Expect(page.GetByTestId("certificates-pdf")).ToHaveCountAsync(0);

        // Issuing is confirmed on its own page, which says what cannot be undone.
        await page.GetByTestId("issue-link").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Ban hành quyết định số {DecisionNumber}");
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Sau khi ban hành, quyết định và các giấy chứng nhận không sửa hoặc xoá được nữa");
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync($"người ký KT. CHỦ TỊCH / PHÓ CHỦ TỊCH Trần Văn Ký. Sẽ cấp 2 giấy chứng nhận");
        await Assertions.Expect(page.GetByTestId("issue-lines").Locator("li")).ToHaveCountAsync(2);
        await page.GetByTestId("confirm-issue").ClickAsync();

        await Assertions.Expect(page.GetByTestId("flash")).ToHaveTextAsync("Đã ban hành quyết định và cấp 2 giấy chứng nhận.");
        await Assertions.Expect(page.GetByTestId("decision-status")).ToHaveTextAsync("Đã ban hành");
        await Assertions.Expect(page.GetByTestId("edit-decision")).ToHaveCountAsync(0);
        var year = decisionDate.Year.ToString(CultureInfo.InvariantCulture);
        await Assertions.Expect(lines.GetByTestId("certificate")).ToHaveTextAsync([
            new Regex($@"^\s*\d+/{year}/GCN-OCOP\s*đến {Regex.Escape(Date(decisionDate.AddMonths(36)))} · "),
            new Regex($@"^\s*\d+/{year}/GCN-OCOP\s*đến "),
        ]);
        await Screenshots.TakeAsync(page, "18-quyet-dinh-cong-nhan");
    }

    /// <summary>Downloads the decision's certificates: a PDF with one page per certificate, each naming its product; returns the QR link of Chị Lan's.</summary>
    private async Task<string> The_office_prints_all_certificates_in_one_pdfAsync(IPage page)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("certificates-pdf").ClickAsync());
        Assert.EndsWith(".pdf", download.SuggestedFilename, StringComparison.Ordinal);
        var bytes = await File.ReadAllBytesAsync(await download.PathAsync());
        Assert.Equal("%PDF-"u8.ToArray(), bytes[..5]);

        using var pdf = PdfDocument.Open(bytes);
        Assert.Equal(2, pdf.NumberOfPages);
        var pages = pdf.GetPages().ToList();
        var lan = Assert.Single(pages, p => Flat(p.Text).Contains(Flat(LanProduct), StringComparison.Ordinal));
        var other = Assert.Single(pages, p => Flat(p.Text).Contains(Flat(OtherProduct), StringComparison.Ordinal));
        Assert.NotEqual(lan.Number, other.Number);
        Assert.DoesNotContain(pages, p => Flat(p.Text).Contains(Flat(RejectedProduct), StringComparison.Ordinal));
        Assert.Contains(Flat(DecisionNumber), Flat(lan.Text), StringComparison.Ordinal);

        var links = pages.Select(p => ((UriAction)p.GetAnnotations().Single(a => a.Action is UriAction).Action!).Uri).ToList();
        Assert.Equal(2, links.Distinct().Count());
        var url = ((UriAction)lan.GetAnnotations().Single(a => a.Action is UriAction).Action!).Uri;
        Assert.Matches($"^{Regex.Escape(app.BaseUrl)}/verify/[A-Za-z0-9_-]+$", url);
        return url;
    }

    private async Task Chi_Lan_reads_her_certificate_and_the_council_resultAsync(string number)
    {
        var page = await app.NewPageAsync();
        await StorySteps.SignInAsync(page, LanEmail);
        await Nav(page, "Giấy chứng nhận").ClickAsync();
        var items = page.GetByTestId("my-certificates").Locator("[data-certificate]");
        await Assertions.Expect(items).ToHaveCountAsync(1);
        await Assertions.Expect(items).ToContainTextAsync(LanProduct);
        await Assertions.Expect(items).ToContainTextAsync($"Số {number}");
        await Assertions.Expect(items.GetByTestId("status")).ToHaveTextAsync("Còn hiệu lực");
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).Not.ToContainTextAsync(OtherProduct);

        await items.GetByRole(AriaRole.Link, new() { Name = LanProduct }).ClickAsync();
        var feedback = page.GetByTestId("feedback");
        await Assertions.Expect(feedback).ToContainTextAsync("Điểm trung bình: 82,2");
        await Assertions.Expect(feedback.GetByTestId("part-means").Locator("tr")).ToHaveTextAsync([
            new Regex(@"Phần A: Sản phẩm và sức mạnh cộng đồng\s*28,5$"),
            new Regex(@"Phần B: Khả năng tiếp thị\s*19,25$"),
            new Regex(@"Phần C: Chất lượng sản phẩm\s*34,45$"),
        ]);
        await Assertions.Expect(feedback.GetByTestId("comments").Locator("li")).ToHaveTextAsync([
            "Bao bì đẹp; nên bổ sung mã truy xuất nguồn gốc.",
            "Câu chuyện sản phẩm hấp dẫn.",
        ]);
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).Not.ToContainTextAsync("Trần Văn Quang");
        await Screenshots.TakeAsync(page, "20-chu-the-giay-chung-nhan");
        await page.Context.CloseAsync();
    }

    private static async Task The_office_revokes_the_certificateAsync(IPage page, string number, DateOnly today)
    {
        await page.GetByTestId("revoke").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Thu hồi giấy chứng nhận số {number}");
        await Assertions.Expect(page.GetByLabel("Cơ quan ban hành")).ToHaveValueAsync(Authority);
        await page.GetByLabel("Chủ thể ngừng sản xuất sản phẩm").CheckAsync();
        await page.GetByLabel("Nội dung, lý do cụ thể").FillAsync("Đoàn kiểm tra ngày 10/11 xác nhận hộ kinh doanh đã ngừng sản xuất bánh pía từ tháng 8.");
        await page.GetByLabel("Số quyết định thu hồi").FillAsync(RevocationNumber);
        await page.GetByLabel("Ngày quyết định").FillAsync(Iso(today));

        // Without the confirmation nothing happens.
        await page.GetByRole(AriaRole.Button, new() { Name = "Thu hồi giấy chứng nhận" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("form-errors")).ToContainTextAsync("Hãy xác nhận bạn hiểu việc thu hồi không thể hoàn tác.");
        await Assertions.Expect(page.GetByLabel("Số quyết định thu hồi")).ToHaveValueAsync(RevocationNumber);

        await page.GetByLabel($"Tôi xác nhận thu hồi giấy chứng nhận số {number}").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Thu hồi giấy chứng nhận" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("flash").First).ToHaveTextAsync(
            $"Đã thu hồi giấy chứng nhận số {number}. Trang tra cứu công khai hiển thị trạng thái đã thu hồi; chủ thể đã được thông báo.");
        await Assertions.Expect(page.GetByTestId("status").First).ToHaveTextAsync("Đã bị thu hồi");
        await Assertions.Expect(page.GetByTestId("revocation")).ToContainTextAsync($"theo Quyết định số {RevocationNumber} ngày {Date(today)} của {Authority}");
        await Assertions.Expect(page.GetByTestId("revoke")).ToHaveCountAsync(0);

        // Gone from the valid certificates at once.
        await page.GotoAsync("/certificates?status=Valid");
        await Assertions.Expect(page.GetByTestId("certificates")).ToContainTextAsync(OtherProduct);
        await Assertions.Expect(page.GetByTestId("certificates")).Not.ToContainTextAsync(LanProduct);
    }

    /// <summary>
    /// Round "Đợt n năm 2026", finalised: Chị Lan's durian cakes (her own account; 82.2 points, 4 stars, part means and
    /// two members' comments frozen as the chair's finalisation leaves them), another producer's rice paper (3 stars)
    /// and a product below 50 points.
    /// </summary>
    private async Task<FinalisedRound> FinalisedRoundAsync()
    {
        await app.Portal.CreateUserAsync(Roles.Producer, LanEmail);
        var producerId = await app.Portal.WithScopeAsync(async sp =>
        {
            var user = (await sp.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(LanEmail))!;
            var db = sp.GetRequiredService<OcopDbContext>();
            var producer = new Producer
            {
                OwnerUserId = user.Id,
                Type = ProducerType.Household,
                Name = LanProducer,
                TaxCode = "1800123412",
                RepresentativeName = "Nguyễn Thị Lan",
                RepresentativeGender = Gender.Female,
                ProvinceCode = "92",
                CommuneCode = RecognitionScenario.Commune,
                StreetAddress = "Ấp Phú Lộc",
                Phone = "0912345678",
                Email = LanEmail,
                CreatedAt = DateTimeOffset.UtcNow,
                UpdatedAt = DateTimeOffset.UtcNow,
                Version = Guid.NewGuid(),
            };
            db.Add(producer);
            await db.SaveChangesAsync();
            return producer.Id;
        });

        var round = await new RecognitionScenario(app.Portal).FinalisedRoundAsync(
            new Result(LanProduct, 82.2m, 4, ProducerId: producerId),
            new Result(OtherProduct, 68.75m, 3),
            new Result(RejectedProduct, 46.5m, 2));
        await app.Portal.WithDbAsync(async db =>
        {
            var entryId = round[LanProduct].EntryId;
            var entry = await db.RoundEntries.SingleAsync(e => e.Id == entryId);
            entry.ResultDetail = """{"Mean":82.2,"PartMeans":{"A":28.5,"B":19.25,"C":34.45},"Stars":4}""";
            var councilId = await db.EvaluationRounds.Where(r => r.Id == round.RoundId).Select(r => r.CouncilId).SingleAsync();
            var chair = new CouncilSeat { CouncilId = councilId, FullName = "Trần Văn Quang", Agency = "UBND thành phố Cần Thơ", Role = SeatRole.Chair, SortOrder = 1 };
            var member = new CouncilSeat { CouncilId = councilId, FullName = "Lê Thị Mai", Agency = "Sở Công Thương", Role = SeatRole.Member, SortOrder = 2 };
            db.AddRange(chair, member);
            await db.SaveChangesAsync();
            foreach (var (seat, total, comment) in new[] { (chair, 83m, "Câu chuyện sản phẩm hấp dẫn."), (member, 81.4m, "Bao bì đẹp; nên bổ sung mã truy xuất nguồn gốc.") })
            {
                db.ScoreSheets.Add(new ScoreSheet
                {
                    RoundEntryId = entryId,
                    SeatId = seat.Id,
                    Status = SheetStatus.Submitted,
                    Total = total,
                    Stars = 4,
                    OverallComment = comment,
                    UpdatedAt = DateTimeOffset.UtcNow,
                    SubmittedAt = DateTimeOffset.UtcNow,
                    Version = Guid.NewGuid(),
                });
            }

            await db.SaveChangesAsync();
        });
        return round;
    }

    /// <summary>A link of the main menu.</summary>
    private static ILocator Nav(IPage page, string name) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "Điều hướng chính" }).GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    /// <summary>Text without whitespace, composed: PdfPig may drop or add spaces between words and lines.</summary>
    private static string Flat(string s) => Regex.Replace(s.Normalize(NormalizationForm.FormC), @"\s+", "");

    private static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
