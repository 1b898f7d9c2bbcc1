using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OcopPortal.Tests.Web;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain;
using OcopPortal.Web.Domain.Producers;
using OcopPortal.Web.Infrastructure.Auth;

namespace OcopPortal.BrowserTests;

/// <summary>
/// Scenarios S1–S3: Chị Lan files a dossier for her durian cakes on her phone, Anh Minh checks it for the commune
/// and forwards it, the OCOP office asks for a newer test report, Chị Lan supplies it and the office accepts.
/// Accounts, Chị Lan's profile and product are set up directly (their screens have their own stories).
/// </summary>
public sealed class DossierStory(BrowserPortal app) : IClassFixture<BrowserPortal>
{
    /// <summary>Xã Phú Lộc, Cần Thơ.</summary>
    private const string Commune = DossierScenario.Commune;

    private const string Product = "Bánh pía sầu riêng";
    private const string OldTestReport = "phieu-kiem-nghiem-2025.pdf";
    private const string NewTestReport = "phieu-kiem-nghiem-2026.pdf";

    /// <summary>S1's answers (criteria set 6): 72 points, held at 3★ by criterion 2.3 (no electronic traceability code).</summary>
    private const string LanAnswers =
        "1.1=3 1.2=1 1.3=3 1.4=3 1.5=2 1.6=2 1.7=1 2.1=3 2.2=3 2.3=1 2.4=1 3.1=3 3.2=1 3.3=3 3.4=2 3.5=2 " +
        "4.1=3 4.2=1 4.3=3 5.1=2 5.2=2 5.3=3 6.1=3 6.2=2 6.3=2 6.4=2 6.5=2 7=3 8=4 9=3 10=2 11=1";

    [Fact]
    public async Task A_dossier_goes_from_the_producer_through_the_commune_to_the_office_with_one_supplement()
    {
        var lan = await app.Portal.CreateUserAsync(Roles.Producer, "lan.banhpia@example.vn");
        var minh = await app.Portal.CreateUserAsync(Roles.Commune, "minh.phuloc@example.vn");
        var office = await app.Portal.CreateUserAsync(Roles.Office, "ha.vpdp@example.vn");
        await NameAsync(minh, "Trần Văn Minh");
        await NameAsync(office, "Lê Thu Hà");
        await LanHasAProfileAndAProductAsync(await NameAsync(lan, "Nguyễn Thị Lan"));
        await AdminAssignsTheCommuneAsync(minh);

        var lanPage = await app.NewPageAsync(phone: true);
        var number = await S1_Lan_files_a_dossierAsync(lanPage, lan);

        var minhPage = await app.NewPageAsync();
        await S2_Minh_checks_it_for_the_communeAsync(minhPage, minh, number);

        var officePage = await app.NewPageAsync();
        await S3_the_office_asks_for_a_newer_test_reportAsync(officePage, lanPage, office, number);
    }

    private async Task<string> S1_Lan_files_a_dossierAsync(IPage page, string email)
    {
        var confirms = AcceptConfirms(page);
        await StorySteps.SignInAsync(page, email);
        await StorySteps.OpenMenuAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Hồ sơ", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("empty")).ToContainTextAsync("Bạn chưa có hồ sơ nào.");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Lập hồ sơ mới" }).ClickAsync();

        await page.GetByLabel("Sản phẩm").SelectOptionAsync(new SelectOptionValue { Label = Product });
        await page.GetByLabel("Đánh giá, phân hạng lần đầu").CheckAsync();
        await page.GetByLabel("Hạng sao mục tiêu").SelectOptionAsync(new SelectOptionValue { Label = "3 sao" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Lập hồ sơ" }).ClickAsync();

        // The checklist for a 3★ food product: eight required papers, all still missing.
        await Assertions.Expect(page.GetByTestId("flash")).ToContainTextAsync("Đã lập hồ sơ.");
        await Assertions.Expect(page.GetByTestId("dossier-status")).ToHaveTextAsync("Bản nháp");
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Hộ kinh doanh Bánh pía Lan · Xã Phú Lộc");
        await Assertions.Expect(page.GetByTestId("criteria-set")).ToContainTextAsync("Bộ 6 – Chế biến từ gạo, ngũ cốc");
        var missing = page.GetByTestId("missing").GetByRole(AriaRole.Listitem);
        await Assertions.Expect(missing).ToHaveTextAsync([
            "Phiếu đăng ký sản phẩm (Mẫu số 01)",
            "Báo cáo tự đánh giá (Mẫu số 02)",
            "Giấy chứng nhận đăng ký kinh doanh / đăng ký doanh nghiệp, hợp tác xã",
            "Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm",
            "Hồ sơ tự công bố / công bố chất lượng sản phẩm",
            "Phiếu kết quả kiểm nghiệm sản phẩm",
            "Hồ sơ đăng ký nhãn hiệu (đơn đã nộp hoặc văn bằng)",
            "Ảnh nhãn, bao bì sản phẩm",
        ]);
        await Assertions.Expect(page.GetByTestId("slots").GetByTestId("slot-missing")).ToHaveCountAsync(8);
        await Assertions.Expect(page.Locator("[data-slot='trademark']")).ToContainTextAsync("Hạng 3 sao cần tối thiểu đơn đăng ký nhãn hiệu");
        await page.GetByTestId("missing").EvaluateAsync("e => e.scrollIntoView()");
        await Screenshots.TakeAsync(page, "07-ho-so-danh-muc");

        await UploadAsync(page, "business-registration", Pdf("giay-dkkd.pdf"));
        await UploadAsync(page, "food-safety", Pdf("giay-attp.pdf"));
        await UploadAsync(page, "test-report", Pdf(OldTestReport));

        // A 25 MB photo straight from the phone is refused, with the reason, next to the slot it was meant for.
        // (Given as a file on disk: Playwright would push a buffer that size through its protocol for a minute.)
        var label = Slot(page, "label");
        var photo = Tests.Infrastructure.TestFiles.Jpeg();
        var big = Path.Combine(app.Portal.Root, "nhan-banh-pia.jpg");
        await using (var file = File.Create(big))
        {
            await file.WriteAsync(photo);
            file.SetLength((25 * 1024 * 1024) + (300 * 1024));
        }

        await label.GetByLabel(new Regex("^Chọn tệp cho mục ")).SetInputFilesAsync(big);
        await label.GetByRole(AriaRole.Button, new() { Name = "Tải lên" }).ClickAsync();
        await Assertions.Expect(label.GetByTestId("upload-error")).ToHaveTextAsync("Tệp quá lớn: tối đa 20 MB mỗi tệp (tệp của bạn 25,3 MB).");
        await Assertions.Expect(label.GetByTestId("slot-missing")).ToBeVisibleAsync();
        await Screenshots.TakeAsync(page, "08-tep-qua-lon");

        // Resized, it goes in.
        await UploadAsync(page, "label", new FilePayload { Name = "nhan-banh-pia-nho.jpg", MimeType = "image/jpeg", Buffer = photo });
        await Assertions.Expect(label.GetByTestId("upload-error")).ToHaveCountAsync(0);

        // The self-assessment: the verdict follows every choice, before anything is saved.
        await page.GetByRole(AriaRole.Link, new() { Name = "Phần tự đánh giá (Mẫu 02)" }).ClickAsync();
        var (_, answers) = await StorySteps.ChoicesAsync(app.Portal, 6, LanAnswers);
        var (firstNode, firstOption) = answers[0];
        await page.Locator($"input[name='Choices[{firstNode}]'][value='{firstOption}']").CheckAsync();
        await Assertions.Expect(page.GetByTestId("total")).ToHaveTextAsync("3");
        foreach (var (nodeId, optionId) in answers.Skip(1))
        {
            await page.Locator($"input[name='Choices[{nodeId}]'][value='{optionId}']").CheckAsync();
        }

        await Assertions.Expect(page.GetByTestId("total")).ToHaveTextAsync("72");
        await Assertions.Expect(page.GetByTestId("unanswered")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("outcome")).ToContainTextAsync("Đạt 3★");
        await Assertions.Expect(page.GetByTestId("explanation")).ToContainTextAsync("tiêu chí 2.3, 5.1 chưa đạt mức tối thiểu của hạng 4★");
        await Screenshots.TakeAsync(page, "09-ho-so-tu-danh-gia");
        await page.GetByTestId("save-self-assessment").ClickAsync();
        await Assertions.Expect(page.GetByTestId("flash")).ToHaveTextAsync("Đã lưu phần tự đánh giá: 72 điểm.");
        await page.GetByRole(AriaRole.Link, new() { Name = "Về hồ sơ" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("self-assessed")).ToContainTextAsync("72 điểm · 3 sao");

        // Signed scans of the printed forms, and the two papers still missing.
        await UploadAsync(page, "mau-01", Pdf("mau-01-da-ky.pdf"));
        await UploadAsync(page, "mau-02", Pdf("mau-02-da-ky.pdf"));
        await UploadAsync(page, "quality-declaration", Pdf("tu-cong-bo.pdf"));
        await UploadAsync(page, "trademark", Pdf("don-nhan-hieu.pdf"));
        await Assertions.Expect(page.GetByTestId("missing")).ToHaveCountAsync(0);

        await page.GetByTestId("submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("dossier-status")).ToHaveTextAsync("Chờ xã kiểm tra");
        Assert.Contains("Nộp hồ sơ đến UBND xã?", confirms.Last(), StringComparison.Ordinal);
        var number = page.GetByTestId("dossier-number");
        await Assertions.Expect(number).ToHaveTextAsync(new Regex($@"^\d+/PĐK-92-{Commune}-\d{{4}}$"));
        var text = await number.TextContentAsync() ?? "";
        await Assertions.Expect(page.GetByTestId("flash")).ToHaveTextAsync($"Đã nộp hồ sơ đến UBND xã. Số phiếu: {text}.");
        await Assertions.Expect(page.GetByTestId("commune-due")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("form[data-upload]")).ToHaveCountAsync(0);
        return text;
    }

    private async Task S2_Minh_checks_it_for_the_communeAsync(IPage page, string email, string number)
    {
        AcceptConfirms(page);
        await StorySteps.SignInAsync(page, email);
        await Assertions.Expect(page.GetByTestId("unread-count")).ToHaveTextAsync("1");
        await page.GetByRole(AriaRole.Link, new() { Name = "Hồ sơ của xã" }).ClickAsync();

        // His list: the dossier, its status and the date by which the commune must have checked it.
        var due = (await DossierAsync(number)).CommuneDueOn!.Value.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        var row = page.GetByTestId("dossiers").Locator("tbody tr");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync(Product);
        await Assertions.Expect(row).ToContainTextAsync("Xã Phú Lộc");
        await Assertions.Expect(row).ToContainTextAsync("Chờ xã kiểm tra");
        await Assertions.Expect(row.GetByTestId("due")).ToHaveTextAsync(due);
        await row.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("commune-due")).ToContainTextAsync($"{due} (15 ngày làm việc kể từ khi nhận)");
        await Assertions.Expect(page.GetByTestId("forward")).ToHaveCountAsync(0); // not before the Mẫu 03 report
        await page.GetByTestId("assess").ClickAsync();
        await page.GetByLabel("Nguồn gốc sản phẩm và nguyên liệu").FillAsync("Sản xuất tại ấp Phú Lộc; đậu xanh, sầu riêng mua của nông dân trong xã (khoảng 80%).");
        await page.GetByLabel("Sử dụng lao động địa phương").FillAsync("6 lao động thường xuyên, đều là người địa phương.");
        await page.GetByLabel("Nguồn gốc ý tưởng sản phẩm").FillAsync("Công thức gia truyền của gia đình chị Lan từ năm 1960.");
        await page.GetByLabel("Tính đặc trưng, bản sắc, tri thức địa phương").FillAsync("Bánh pía là đặc sản của vùng Sóc Trăng cũ, gắn với cộng đồng người Hoa.");
        await page.GetByLabel("Kết luận, đề xuất").FillAsync("Hồ sơ đầy đủ; đề nghị tỉnh đánh giá, phân hạng sản phẩm.");
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await Screenshots.TakeAsync(page, "10-xa-mau-03");
        await page.GetByTestId("save-assessment").ClickAsync();

        await Assertions.Expect(page.GetByTestId("flash")).ToContainTextAsync("Đã lưu báo cáo đánh giá của xã (Mẫu 03).");
        await Assertions.Expect(page.GetByTestId("assessment")).ToContainTextAsync("Trần Văn Minh");
        await page.GetByTestId("forward").ClickAsync();
        await Assertions.Expect(page.GetByTestId("flash")).ToHaveTextAsync("Đã chuyển hồ sơ lên Văn phòng Điều phối OCOP tỉnh.");
        await Assertions.Expect(page.GetByTestId("dossier-status")).ToHaveTextAsync("Chờ tỉnh kiểm tra");
    }

    private static async Task S3_the_office_asks_for_a_newer_test_reportAsync(IPage page, IPage lanPage, string email, string number)
    {
        AcceptConfirms(page);
        await StorySteps.SignInAsync(page, email);
        await page.GetByRole(AriaRole.Link, new() { Name = "Tiếp nhận hồ sơ" }).ClickAsync();
        var row = page.GetByTestId("dossiers").Locator("tbody tr", new() { HasText = number });
        await Assertions.Expect(row).ToContainTextAsync("Chờ tỉnh kiểm tra");
        await row.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("assessment")).ToContainTextAsync("Công thức gia truyền");

        // The test report is older than allowed: only that slot is reopened, with a due date three weeks out.
        var dueOn = DateTime.Today.AddDays(21);
        await page.GetByText("Yêu cầu bổ sung", new() { Exact = true }).ClickAsync();
        await page.GetByLabel("Phiếu kết quả kiểm nghiệm sản phẩm").CheckAsync();
        await page.GetByLabel("Hạn bổ sung").FillAsync(dueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel("Nội dung yêu cầu").FillAsync("Phiếu kiểm nghiệm đã quá 12 tháng; đề nghị nộp phiếu kiểm nghiệm mới.");
        await Screenshots.TakeAsync(page, "11-yeu-cau-bo-sung");
        await page.GetByTestId("request-supplement").ClickAsync();
        await Assertions.Expect(page.GetByTestId("flash")).ToHaveTextAsync("Đã gửi yêu cầu bổ sung cho chủ thể.");
        await Assertions.Expect(page.GetByTestId("dossier-status")).ToHaveTextAsync("Yêu cầu bổ sung");
        var due = dueOn.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        await Assertions.Expect(page.GetByTestId("supplement-due")).ToContainTextAsync(due);

        // Chị Lan was told at each step: submitted, forwarded, and now the request.
        await lanPage.GotoAsync("/producer");
        await StorySteps.OpenMenuAsync(lanPage);
        await Assertions.Expect(lanPage.GetByTestId("unread-count")).ToHaveTextAsync("3");
        await lanPage.GetByTestId("notification-bell").ClickAsync();
        var request = lanPage.GetByTestId("notifications").GetByRole(AriaRole.Listitem).First;
        await Assertions.Expect(request).ToContainTextAsync($"Yêu cầu bổ sung hồ sơ {number}");
        await Assertions.Expect(request).ToContainTextAsync($"trước ngày {due}");
        await request.GetByRole(AriaRole.Button, new() { Name = "Mở" }).ClickAsync();

        var open = lanPage.GetByTestId("open-supplement");
        await Assertions.Expect(open).ToContainTextAsync($"Yêu cầu bổ sung, hạn {due}");
        await Assertions.Expect(open).ToContainTextAsync("Phiếu kiểm nghiệm đã quá 12 tháng");
        await Assertions.Expect(open).ToContainTextAsync("Tài liệu cần bổ sung: Phiếu kết quả kiểm nghiệm sản phẩm");
        // Only the requested slot takes files again.
        await Assertions.Expect(lanPage.Locator("form[data-upload]")).ToHaveCountAsync(1);
        await Assertions.Expect(Slot(lanPage, "test-report").Locator("form[data-upload]")).ToHaveCountAsync(1);
        await Screenshots.TakeAsync(lanPage, "12-chu-the-bo-sung");

        await UploadAsync(lanPage, "test-report", Pdf(NewTestReport), replacing: OldTestReport);
        var slot = Slot(lanPage, "test-report");
        await Assertions.Expect(slot.Locator("[data-file]")).ToHaveCountAsync(1);
        await Assertions.Expect(slot.Locator("[data-file]")).ToContainTextAsync($"{NewTestReport}");
        await Assertions.Expect(slot.Locator("[data-file]")).ToContainTextAsync("phiên bản 2");
        await slot.GetByText("Phiên bản cũ (1)").ClickAsync();
        await Assertions.Expect(slot.GetByTestId("old-versions")).ToContainTextAsync($"{OldTestReport} · phiên bản 1");
        await lanPage.GetByTestId("resubmit").ClickAsync();
        await Assertions.Expect(lanPage.GetByTestId("flash")).ToHaveTextAsync("Đã nộp lại hồ sơ cho Văn phòng Điều phối.");
        await Assertions.Expect(lanPage.GetByTestId("dossier-status")).ToHaveTextAsync("Chờ tỉnh kiểm tra");

        // The office sees the new report and accepts the dossier as complete.
        await page.ReloadAsync();
        await Assertions.Expect(Slot(page, "test-report").Locator("[data-file]")).ToContainTextAsync(NewTestReport);
        await page.GetByTestId("accept").ClickAsync();
        await Assertions.Expect(page.GetByTestId("flash")).ToHaveTextAsync("Đã tiếp nhận hồ sơ đầy đủ; hồ sơ sẵn sàng đưa vào đợt đánh giá.");
        await Assertions.Expect(page.GetByTestId("dossier-status")).ToHaveTextAsync("Đã tiếp nhận đầy đủ");
        var history = page.GetByTestId("history").GetByRole(AriaRole.Listitem);
        await Assertions.Expect(history).ToHaveCountAsync(7);
        await Assertions.Expect(history.First).ToContainTextAsync("Lập hồ sơ · Nguyễn Thị Lan");
        await Assertions.Expect(history.Nth(3)).ToContainTextAsync("Xã chuyển hồ sơ lên tỉnh · Trần Văn Minh");
        await Assertions.Expect(history.Last).ToContainTextAsync("Tỉnh tiếp nhận hồ sơ đầy đủ · Lê Thu Hà");
        await Screenshots.TakeAsync(page, "13-da-tiep-nhan");

        await lanPage.ReloadAsync();
        await Assertions.Expect(lanPage.GetByTestId("dossier-status")).ToHaveTextAsync("Đã tiếp nhận đầy đủ");
    }

    private static ILocator Slot(IPage page, string key) => page.Locator($"[data-slot='{key}']");

    private static FilePayload Pdf(string name) => new() { Name = name, MimeType = "application/pdf", Buffer = Tests.Infrastructure.TestFiles.Pdf() };

    /// <summary>Uploads into a slot (as a new version of <paramref name="replacing"/> when given) and waits for the page to say so.</summary>
    private static async Task UploadAsync(IPage page, string slotKey, FilePayload file, string? replacing = null)
    {
        var slot = Slot(page, slotKey);
        await slot.GetByLabel(new Regex("^Chọn tệp cho mục ")).SetInputFilesAsync(file);
        if (replacing is not null)
        {
            await slot.GetByLabel("Thêm mới hay thay tệp").SelectOptionAsync(new SelectOptionValue { Label = $"Thay «{replacing}»" });
        }

        await slot.GetByRole(AriaRole.Button, new() { Name = "Tải lên" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("flash")).ToContainTextAsync($"Đã tải lên «{file.Name}»");
        await Assertions.Expect(slot.GetByTestId("slot-done")).ToBeVisibleAsync();
    }

    /// <summary>Answers every data-confirm question with OK (as the person would) and keeps the questions asked.</summary>
    private static List<string> AcceptConfirms(IPage page)
    {
        var asked = new List<string>();
        page.Dialog += (_, dialog) =>
        {
            asked.Add(dialog.Message);
            _ = dialog.AcceptAsync();
        };
        return asked;
    }

    /// <summary>The admin gives Anh Minh his commune on the accounts screen.</summary>
    private async Task AdminAssignsTheCommuneAsync(string officerEmail)
    {
        var page = await app.NewPageAsync();
        await StorySteps.SignInAsync(page, Tests.PortalFactory.AdminEmail);
        await page.GotoAsync($"/admin/users/{await UserIdAsync(officerEmail)}/communes");
        await page.GetByLabel("Xã Phú Lộc (31756)").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu địa bàn" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("flash")).ToHaveTextAsync($"Đã lưu địa bàn phụ trách của {officerEmail}: 1 xã, phường.");
        await page.Context.CloseAsync();
    }

    private Task<string> UserIdAsync(string email) => app.Portal.WithScopeAsync(async sp =>
        (await sp.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email))!.Id);

    /// <summary>Gives the account a person's name (shown in the history and on the Mẫu 03 report); returns its id.</summary>
    private Task<string> NameAsync(string email, string fullName) => app.Portal.WithScopeAsync(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        user.FullName = fullName;
        await users.UpdateAsync(user);
        return user.Id;
    });

    /// <summary>Chị Lan's producer profile in Xã Phú Lộc and her product under set 6 (I.3.b).</summary>
    private async Task LanHasAProfileAndAProductAsync(string userId)
    {
        var producer = new Producer
        {
            OwnerUserId = userId,
            Type = ProducerType.Household,
            Name = "Hộ kinh doanh Bánh pía Lan",
            TaxCode = "1800123456",
            RepresentativeName = "Nguyễn Thị Lan",
            RepresentativeGender = Gender.Female,
            ProvinceCode = "92",
            CommuneCode = Commune,
            StreetAddress = "Ấp Phú Lộc",
            Phone = "0912345678",
            Email = "lan.banhpia@example.vn",
            CreatedAt = DateTimeOffset.UtcNow,
            UpdatedAt = DateTimeOffset.UtcNow,
            Version = Guid.NewGuid(),
        };
        await app.Portal.WithDbAsync(async db =>
        {
            db.Add(producer);
            await db.SaveChangesAsync();
        });
        await new DossierScenario(app.Portal).ProductAsync(producer.Id, Product);
    }

    private Task<Web.Domain.Dossiers.Dossier> DossierAsync(string number) => app.Portal.WithScopeAsync(sp =>
        sp.GetRequiredService<OcopDbContext>().Dossiers.AsNoTracking().SingleAsync(d => d.Number == number));
}
