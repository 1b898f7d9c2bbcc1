using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain;
using OcopPortal.Web.Domain.Dossiers;
using OcopPortal.Web.Domain.Producers;
using OcopPortal.Web.Domain.Rating;
using OcopPortal.Web.Domain.Rules;
using OcopPortal.Web.Features.Dossiers;
using OcopPortal.Web.Features.Rules;
using OcopPortal.Web.Infrastructure.Auth;
using UglyToad.PdfPig;

namespace OcopPortal.Tests.Web;

/// <summary>The dossier's printable forms (Mẫu 01, 02, 03) as PDFs, read back with PdfPig, behind the dossier access rules.</summary>
public sealed class DossierFormsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Commune = "31756"; // Xã Phú Lộc, Cần Thơ
    private const string ProductName = "Bánh tét lá cẩm Phú Lộc";
    private const string Representative = "Nguyễn Thị Lan";
    private const string Description = "Bánh tét nếp cái hoa vàng nhuộm lá cẩm, nhân đậu xanh và thịt heo; đóng gói hút chân không 1 kg.";
    private const string BusinessResults = "Năm 2025 sản xuất 12.000 đòn bánh, doanh thu 1,2 tỷ đồng, bán tại 3 siêu thị trong thành phố.";
    private const string FuturePlan = "Mở rộng vùng nếp liên kết lên 20 ha và đăng ký mã số vùng trồng trong năm 2027.";
    private const string Changes = "Bao bì mới có tem truy xuất nguồn gốc điện tử; đạt chứng nhận VietGAP cho vùng nếp.";
    private const string OfficerName = "Trần Văn Bình";

    private static readonly string[] AssessmentTexts =
    [
        "Nếp và lá cẩm đều mua của nông dân ấp Phú Lộc, chiếm khoảng 90% nguyên liệu.",
        "Cơ sở sử dụng 14 lao động, tất cả là người địa phương, trong đó 10 lao động nữ.",
        "Ý tưởng từ nghề gói bánh truyền thống của gia đình, có từ năm 1985.",
        "Bánh gói theo cách của người Khmer ở địa phương, dùng lá cẩm tạo màu tím tự nhiên.",
        "Đề nghị chuyển hồ sơ lên Văn phòng Điều phối OCOP thành phố đánh giá, phân hạng.",
    ];

    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");
    private static int _sequence = Random.Shared.Next(1000, 9000);

    private sealed record Seeded(HttpClient Owner, int DossierId, string? Number, string ProducerName, SelfAssessmentResult Result, string ChosenLabel);

    /// <summary>A producer with a profile, a product of criteria set 6 and a dossier with some self-assessment answers.</summary>
    private async Task<Seeded> SeedAsync(
        DossierStatus status = DossierStatus.AtCommune, DossierKind kind = DossierKind.FirstEvaluation, bool assessed = true)
    {
        var email = await factory.CreateUserAsync(Roles.Producer);
        var seeded = await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OcopDbContext>();
            var user = await sp.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email);
            var ruleSetId = await db.RuleSets.Where(r => r.Code == "QD-26-2026" && r.Status == RuleSetStatus.Published).Select(r => r.Id).SingleAsync();
            var set = await db.CriteriaSets.AsNoTracking().AsSplitQuery().Include(s => s.RuleSet).Include(s => s.Nodes).ThenInclude(n => n.Options)
                .SingleAsync(s => s.RuleSetId == ruleSetId && s.Number == 6);
            var category = await db.ProductCategories.Where(c => c.RuleSetId == ruleSetId && c.CriteriaSetNumber == 6).Select(c => c.Code).FirstAsync();
            var now = DateTimeOffset.UtcNow;
            var producer = new Producer
            {
                OwnerUserId = user!.Id,
                Type = ProducerType.Cooperative,
                Name = "Hợp tác xã Nông nghiệp Phú Lộc " + email[9..13],
                TaxCode = Random.Shared.NextInt64(1_000_000_000, 9_999_999_999).ToString(CultureInfo.InvariantCulture),
                RepresentativeName = Representative,
                RepresentativeGender = Gender.Female,
                RepresentativeIsEthnicMinority = true,
                ProvinceCode = "92",
                CommuneCode = Commune,
                StreetAddress = "Ấp Phú Lộc",
                Phone = "0912345678",
                Email = email,
                CreatedAt = now,
                UpdatedAt = now,
                Version = Guid.NewGuid(),
            };
            db.Add(producer);
            await db.SaveChangesAsync();
            var product = new Product
            {
                ProducerId = producer.Id,
                Name = ProductName,
                RuleSetId = ruleSetId,
                CategoryCode = category,
                CriteriaSetNumber = 6,
                Description = Description,
                CreatedAt = now,
                UpdatedAt = now,
                Version = Guid.NewGuid(),
            };
            db.Add(product);
            await db.SaveChangesAsync();

            var submitted = status != DossierStatus.Draft;
            var dossier = new Dossier
            {
                ProducerId = producer.Id,
                ProductId = product.Id,
                CommuneCode = Commune,
                Kind = kind,
                TargetStars = 4,
                ChangesSinceRecognition = kind == DossierKind.Upgrade ? Changes : null,
                PreviousCertificateNumber = kind == DossierKind.FirstEvaluation ? null : "125/QĐ-UBND",
                PreviousCertificateValidUntil = kind == DossierKind.FirstEvaluation ? null : new DateOnly(2027, 3, 15),
                RuleSetId = ruleSetId,
                CriteriaSetId = set.Id,
                Status = status,
                Number = submitted ? $"{Interlocked.Increment(ref _sequence)}/PĐK-92-{Commune}-2026" : null,
                CreatedAt = now,
                SubmittedAt = submitted ? now : null,
                UpdatedAt = now,
                BusinessResults = BusinessResults,
                FuturePlan = FuturePlan,
                Version = Guid.NewGuid(),
            };
            DossierService.SyncSlots(dossier, SheetDefinition.From(set));

            // The best option of the first eight criteria; the rest left unanswered.
            var chosen = SheetDefinition.From(set).Criteria.Take(8)
                .Select(c => new DossierAnswer { CriterionCode = c.Code, OptionId = c.Options.MaxBy(o => o.Points)!.Key }).ToList();
            dossier.Answers.AddRange(chosen);
            db.Add(dossier);
            await db.SaveChangesAsync();
            if (assessed)
            {
                db.CommuneAssessments.Add(new CommuneAssessment
                {
                    DossierId = dossier.Id,
                    RawMaterialOrigin = AssessmentTexts[0],
                    LocalLabour = AssessmentTexts[1],
                    IdeaOrigin = AssessmentTexts[2],
                    LocalIdentity = AssessmentTexts[3],
                    Conclusion = AssessmentTexts[4],
                    OfficerName = OfficerName,
                    OfficerUserId = user.Id,
                    AssessedAt = new DateTimeOffset(2026, 6, 10, 12, 0, 0, TimeSpan.Zero), // 10/06 in any time zone from UTC-11 to UTC+11
                });
                await db.SaveChangesAsync();
            }

            var result = SelfAssessmentScoring.Evaluate(set, DossierAnswers.ToInput(set, chosen))!;
            var first = SheetDefinition.From(set).Criteria[0];
            var label = first.Options.Single(o => o.Key == chosen[0].OptionId).Label;
            return (dossier.Id, dossier.Number, producer.Name, result, label);
        });
        var client = factory.CreatePortalClient();
        await client.SignInAsync(email);
        return new Seeded(client, seeded.Id, seeded.Number, seeded.Name, seeded.result, seeded.label);
    }

    private static string Url(int id, string form) => $"/dossiers/{id}/forms/{form}.pdf";

    private static string Nfc(string s) => s.Normalize(NormalizationForm.FormC);

    /// <summary>Text without any whitespace: PdfPig may drop or add spaces between words and lines.</summary>
    private static string Flat(string s) => Regex.Replace(Nfc(s), @"\s+", "");

    /// <summary>
    /// Checks the response is a PDF and returns its text (all pages) in drawing order, so a wrapped table cell reads
    /// as one piece (word extraction would merge the lines of neighbouring cells).
    /// </summary>
    private static async Task<string> PdfTextAsync(HttpResponseMessage response, string save)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var dir = Environment.GetEnvironmentVariable("OCOP_PDF_SAMPLE_DIR"); // keep samples for a visual check
        if (!string.IsNullOrEmpty(dir))
        {
            await File.WriteAllBytesAsync(Path.Combine(dir, save), bytes);
        }

        using var doc = PdfDocument.Open(bytes);
        return string.Join(" ", doc.GetPages().Select(p => Nfc(p.Text)));
    }

    private static void AssertHas(string text, params string[] pieces)
    {
        var flat = Flat(text);
        foreach (var piece in pieces)
        {
            Assert.True(flat.Contains(Flat(piece), StringComparison.Ordinal), $"«{piece}» not in the PDF text:\n{text}");
        }
    }

    [Fact]
    public async Task Registration_form_names_the_producer_product_request_and_declaration()
    {
        var s = await SeedAsync();

        var response = await s.Owner.GetAsync(Url(s.DossierId, "registration"));
        var text = await PdfTextAsync(response, "mau-01.pdf");

        var fileName = response.Content.Headers.ContentDisposition!.FileName!.Trim('"');
        Assert.Equal($"mau-01-{s.Number!.Split('/')[0]}-pdk-92-{Commune}-2026.pdf", fileName);
        AssertHas(text,
            "Mẫu số 01", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "PHIẾU ĐĂNG KÝ",
            $"Số: {s.Number}", "Kính gửi: Ủy ban nhân dân xã Phú Lộc",
            $"Tên chủ thể: {s.ProducerName}", "Loại hình chủ thể: Hợp tác xã", $"Người đại diện theo pháp luật: {Representative}",
            "Địa chỉ: Ấp Phú Lộc, xã Phú Lộc, thành phố Cần Thơ", "Điện thoại: 0912345678",
            $"Tên sản phẩm: {ProductName}", "Nhóm sản phẩm: I.3.b – Chế biến từ gạo, ngũ cốc", "bộ số 6",
            "[x] Đánh giá, phân hạng lần đầu", "[ ] Nâng hạng", "Hạng sao đề nghị công nhận: 4 sao",
            "Báo cáo tự đánh giá sản phẩm (Mẫu số 02)", "Mẫu sản phẩm: 05 mẫu",
            "chịu trách nhiệm trước pháp luật về tính trung thực của hồ sơ",
            "ĐẠI DIỆN CHỦ THỂ", "(Ký, ghi rõ họ tên, đóng dấu nếu có)", "Cần Thơ, ngày " + DateTime.Now.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        Assert.DoesNotContain("Những thay đổi", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upgrade_registration_ticks_upgrade_and_states_the_changes()
    {
        var s = await SeedAsync(kind: DossierKind.Upgrade);

        var text = await PdfTextAsync(await s.Owner.GetAsync(Url(s.DossierId, "registration")), "mau-01-nang-hang.pdf");

        AssertHas(text, "[ ] Đánh giá, phân hạng lần đầu", "[x] Nâng hạng", "số 125/QĐ-UBND, hiệu lực đến ngày 15/03/2027",
            "Những thay đổi của sản phẩm so với lần được công nhận", Changes);
    }

    [Fact]
    public async Task Self_assessment_report_prints_every_criterion_and_the_engine_verdict()
    {
        var s = await SeedAsync();

        var text = await PdfTextAsync(await s.Owner.GetAsync(Url(s.DossierId, "self-assessment")), "mau-02.pdf");

        var total = s.Result.Score.Total.ToString("0.##", Vi);
        Assert.True(s.Result.Score.Total > 0);
        AssertHas(text,
            "Mẫu số 02", "BÁO CÁO TỰ ĐÁNH GIÁ", $"Sản phẩm: {ProductName}", s.ProducerName,
            $"Người đại diện theo pháp luật: {Representative}; giới tính: Nữ; người dân tộc thiểu số: có",
            Description, BusinessResults, FuturePlan,
            "PHẦN A. SẢN PHẨM VÀ SỨC MẠNH CỘNG ĐỒNG", "1.1", s.ChosenLabel, "(chưa chọn)",
            $"Tổng điểm tự đánh giá: {total}/100 điểm.",
            $"Phần A. Sản phẩm và sức mạnh cộng đồng {s.Result.Score.PartTotals["A"].ToString("0.##", Vi)} 40",
            DossierForms.NoStarGlyph(RuleLabels.Outcome(s.Result.Rating)),
            "ĐẠI DIỆN CHỦ THỂ", Representative);
        foreach (var line in s.Result.Explanation)
        {
            AssertHas(text, DossierForms.NoStarGlyph(line));
        }

        Assert.NotEmpty(s.Result.Explanation);
        Assert.DoesNotContain("★", text, StringComparison.Ordinal); // the embedded font has no star glyph
    }

    [Fact]
    public async Task Commune_assessment_report_prints_the_five_sections_and_the_officer()
    {
        var s = await SeedAsync();

        var response = await s.Owner.GetAsync(Url(s.DossierId, "commune-assessment"));
        var text = await PdfTextAsync(response, "mau-03.pdf");

        Assert.StartsWith("mau-03-", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'), StringComparison.Ordinal);
        AssertHas(text, "Mẫu số 03", "ỦY BAN NHÂN DÂN", "XÃ PHÚ LỘC", "Cần Thơ, ngày 10/06/2026", "BÁO CÁO",
            ProductName, s.ProducerName, "Kính gửi: Văn phòng Điều phối Chương trình OCOP thành phố Cần Thơ",
            $"Cán bộ lập báo cáo: {OfficerName}; ngày lập: 10/06/2026", "TM. ỦY BAN NHÂN DÂN", "NGƯỜI LẬP BÁO CÁO");
        AssertHas(text, AssessmentTexts);
    }

    [Fact]
    public async Task Commune_assessment_is_404_until_the_commune_has_written_it()
    {
        var s = await SeedAsync(status: DossierStatus.Draft, assessed: false);

        Assert.Equal(HttpStatusCode.NotFound, (await s.Owner.GetAsync(Url(s.DossierId, "commune-assessment"))).StatusCode);
        var response = await s.Owner.GetAsync(Url(s.DossierId, "registration"));
        var text = await PdfTextAsync(response, "mau-01-nhap.pdf");
        Assert.Equal($"mau-01-ho-so-{s.DossierId}.pdf", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        Assert.DoesNotContain("Số:", text, StringComparison.Ordinal); // a draft has no receiving number yet
        await PdfTextAsync(await s.Owner.GetAsync(Url(s.DossierId, "self-assessment")), "mau-02-nhap.pdf");
    }

    [Fact]
    public async Task Another_producer_gets_404_for_every_form()
    {
        var mine = await SeedAsync();
        var other = await SeedAsync();

        foreach (var form in new[] { "registration", "self-assessment", "commune-assessment" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await other.Owner.GetAsync(Url(mine.DossierId, form))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await other.Owner.GetAsync(Url(other.DossierId, form))).StatusCode);
        }
    }

    [Fact]
    public async Task Commune_officers_print_only_the_dossiers_of_their_communes()
    {
        var s = await SeedAsync();
        var stranger = factory.CreatePortalClient();
        await stranger.SignInAsync(await factory.CreateUserAsync(Roles.Commune));
        var officerEmail = await factory.CreateUserAsync(Roles.Commune);
        await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OcopDbContext>();
            var officer = await sp.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(officerEmail);
            db.StaffCommunes.Add(new StaffCommune { UserId = officer!.Id, CommuneCode = Commune });
            return await db.SaveChangesAsync();
        });
        var officer = factory.CreatePortalClient();
        await officer.SignInAsync(officerEmail);

        foreach (var form in new[] { "registration", "self-assessment", "commune-assessment" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(Url(s.DossierId, form))).StatusCode);
            var text = await PdfTextAsync(await officer.GetAsync(Url(s.DossierId, form)), $"officer-{form}.pdf");
            AssertHas(text, ProductName);
        }
    }

    [Fact]
    public async Task Signed_out_visitors_are_sent_to_sign_in()
    {
        var s = await SeedAsync();

        var response = await factory.CreatePortalClient().GetAsync(Url(s.DossierId, "registration"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
    }
}
