using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain;
using OcopPortal.Web.Domain.Councils;
using OcopPortal.Web.Domain.Dossiers;
using OcopPortal.Web.Domain.Producers;
using OcopPortal.Web.Domain.Rating;
using OcopPortal.Web.Domain.Recognition;
using OcopPortal.Web.Domain.Reports;
using OcopPortal.Web.Domain.Rules;
using OcopPortal.Web.Features.Reports;
using OcopPortal.Web.Infrastructure.Auth;
using UglyToad.PdfPig;

namespace OcopPortal.Tests.Web;

/// <summary>
/// Reports over HTTP against a province built to match a published figure (Sóc Trăng, ocop-domain §8.2): 189 products
/// in force from 102 producers, 1 five-star / 19 four-star / 169 three-star; plus 6 products whose certificates expired
/// and 2 revoked (so 197 products were ever recognised). 177 products are in Phú Lộc (31756), 12 in another commune
/// (31120). A council has one finalised round (two products, frozen results) and one closed round.
/// </summary>
public sealed class ReportsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Commune = "31756";
    private const string OtherCommune = "31120";
    private const string OtherProduct = "Khô cá lóc Ô Môn số 1";
    private const string FinalisedRound = "Đợt 1 năm 2026 (đã chốt)";
    private const string ClosedRound = "Đợt 2 năm 2026 (chưa chốt)";
    private const string MemberName = "Trần Văn Thẩm Định";

    private static readonly ConcurrentDictionary<string, Lazy<Task<Seeded>>> Seeds = new();

    private sealed record Seeded(string MemberEmail, int FinalisedRoundId, int ClosedRoundId, string FinalisedProduct, int UnmetCount);

    private Task<Seeded> SeedAsync() => Seeds.GetOrAdd(factory.Root, _ => new Lazy<Task<Seeded>>(SeedOnceAsync)).Value;

    private async Task<Seeded> SeedOnceAsync()
    {
        var memberEmail = await factory.CreateUserAsync(Roles.CouncilMember);
        return await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OcopDbContext>();
            var member = await db.Users.SingleAsync(u => u.Email == memberEmail);
            var ruleSet = await db.RuleSets.Where(r => r.Code == "QD-26-2026").Select(r => r.Id).SingleAsync();
            var leaves = await db.ProductCategories.Where(c => c.RuleSetId == ruleSet && c.CriteriaSetNumber != null).OrderBy(c => c.SortOrder).ToListAsync();
            var food = leaves.First(c => c.Code.StartsWith("I.", StringComparison.Ordinal));
            var drink = leaves.First(c => c.Code.StartsWith("II.", StringComparison.Ordinal));
            var today = DateOnly.FromDateTime(DateTime.Now);
            var now = DateTimeOffset.UtcNow;
            ProducerType[] types = [ProducerType.Cooperative, ProducerType.Enterprise, ProducerType.Household, ProducerType.CooperativeGroup];

            var producers = Enumerable.Range(0, 102).Select(i => new Producer
            {
                Type = types[i % types.Length],
                Name = i < 90 ? $"Hợp tác xã Nông nghiệp Phú Lộc {i + 1}" : $"Hộ kinh doanh Ô Môn {i + 1}",
                TaxCode = (1_800_000_000L + i).ToString(CultureInfo.InvariantCulture),
                RepresentativeName = "Nguyễn Thị Lan",
                RepresentativeGender = Gender.Female,
                ProvinceCode = "92",
                CommuneCode = i < 90 ? Commune : OtherCommune,
                StreetAddress = $"Ấp {i + 1}",
                Phone = "0912345678",
                Email = $"chu-the-{i}@test.ocop.vn",
                CreatedAt = now,
                UpdatedAt = now,
                Version = Guid.NewGuid(),
            }).ToList();
            db.AddRange(producers);
            await db.SaveChangesAsync();

            // 87 producers with two products and 15 with one: 189 products; the 12 of commune 31120 have one each.
            var owners = producers.Take(87).SelectMany(p => new[] { p, p }).Concat(producers.Skip(87)).ToList();
            var other = 0;
            var products = owners.Select((p, n) => new Product
            {
                ProducerId = p.Id,
                Name = p.CommuneCode == OtherCommune ? $"Khô cá lóc Ô Môn số {++other}" : $"Bánh pía sầu riêng Phú Lộc số {n + 1}",
                RuleSetId = ruleSet,
                CategoryCode = n % 3 == 0 ? drink.Code : food.Code,
                CriteriaSetNumber = n % 3 == 0 ? drink.CriteriaSetNumber!.Value : food.CriteriaSetNumber!.Value,
                Description = "Sản phẩm đặc sản địa phương",
                CreatedAt = now,
                UpdatedAt = now,
                Version = Guid.NewGuid(),
            }).ToList();
            // 8 more products of the first producers: 6 certificates expired, 2 revoked.
            var lapsed = Enumerable.Range(0, 8).Select(i => new Product
            {
                ProducerId = producers[i].Id,
                Name = i < 6 ? $"Mật ong hoa tràm hết hạn {i + 1}" : $"Nước mắm bị thu hồi {i - 5}",
                RuleSetId = ruleSet,
                CategoryCode = food.Code,
                CriteriaSetNumber = food.CriteriaSetNumber!.Value,
                Description = "Sản phẩm đã từng được công nhận",
                CreatedAt = now,
                UpdatedAt = now,
                Version = Guid.NewGuid(),
            }).ToList();
            db.AddRange(products);
            db.AddRange(lapsed);
            await db.SaveChangesAsync();

            var decision = new RecognitionDecision
            {
                Kind = DecisionKind.Recognition,
                Status = DecisionStatus.Issued,
                Number = "1234/QĐ-UBND",
                DecisionDate = today.AddDays(-100),
                Title = "Về việc công nhận sản phẩm OCOP",
                Authority = "Ủy ban nhân dân thành phố Cần Thơ",
                AuthorityLevel = AuthorityLevel.Province,
                SignatoryName = "Nguyễn Văn A",
                SignatoryTitle = "KT. CHỦ TỊCH",
                CreatedAt = now,
                CreatedByUserId = member.Id,
                IssuedAt = now,
                Version = Guid.NewGuid(),
            };
            db.Add(decision);
            await db.SaveChangesAsync();

            var sequence = 0;
            Certificate Certificate(Product product, int stars, DateOnly issued, CertificateState state) => new()
            {
                Number = $"{++sequence:0000}/2026/GCN-OCOP",
                Token = Guid.NewGuid().ToString("N"),
                DecisionId = decision.Id,
                ProductId = product.Id,
                ProducerId = product.ProducerId,
                ProductName = product.Name,
                ProducerName = producers.Single(p => p.Id == product.ProducerId).Name,
                ProducerAddress = $"Ấp 1, {producers.Single(p => p.Id == product.ProducerId).CommuneCode}, Cần Thơ",
                CommuneCode = producers.Single(p => p.Id == product.ProducerId).CommuneCode,
                RuleSetId = ruleSet,
                CriteriaSetNumber = product.CriteriaSetNumber,
                CategoryCode = product.CategoryCode,
                Stars = stars,
                DecisionNumber = decision.Number,
                DecisionDate = decision.DecisionDate,
                IssuingAuthority = decision.Authority,
                AuthorityLevel = stars == 5 ? AuthorityLevel.Ministry : AuthorityLevel.Province,
                IssuedOn = issued,
                ValidUntil = issued.AddMonths(36),
                State = state,
                CreatedAt = now,
                Version = Guid.NewGuid(),
            };
            db.AddRange(products.Select((p, n) => Certificate(p, n == 0 ? 5 : n <= 19 ? 4 : 3, today.AddDays(-100), CertificateState.Active)));
            db.AddRange(lapsed.Take(6).Select(p => Certificate(p, 3, today.AddYears(-4), CertificateState.Expired)));
            var revoked = lapsed.Skip(6).Select(p => Certificate(p, 4, today.AddDays(-100), CertificateState.Revoked)).ToList();
            db.AddRange(revoked);
            await db.SaveChangesAsync();
            db.AddRange(revoked.Select(c => new Revocation
            {
                CertificateId = c.Id,
                Ground = RevocationGround.MarkMisuse,
                Details = "Sử dụng nhãn hiệu OCOP sai mục đích",
                DecisionNumber = "99/QĐ-UBND",
                DecisionDate = today.AddDays(-10),
                Authority = decision.Authority,
                CreatedAt = now,
                CreatedByUserId = member.Id,
            }));

            // A council with one finalised and one closed round; the finalised one has frozen results.
            var council = new Council { Name = "Hội đồng đánh giá, phân hạng sản phẩm OCOP cấp tỉnh", DecisionNumber = "55/QĐ-UBND", DecisionDate = today.AddDays(-300), CreatedAt = now };
            council.Seats.Add(new CouncilSeat { UserId = member.Id, FullName = MemberName, Agency = "Sở Công Thương", Role = SeatRole.Member, SortOrder = 1 });
            db.Add(council);
            await db.SaveChangesAsync();
            var set = await db.CriteriaSets.AsNoTracking().AsSplitQuery().Include(s => s.Nodes).ThenInclude(n => n.Options)
                .SingleAsync(s => s.RuleSetId == ruleSet && s.Number == food.CriteriaSetNumber);
            var sheet = SheetDefinition.From(set);
            var blocker = sheet.Criteria.First(c => c.RequiredFor(4) is > 0);
            var points = sheet.Criteria.ToDictionary(c => c.Code, c => c.Code == blocker.Code ? 0 : c.Max);
            var unmetCount = StarMinimums.Check(sheet, points).Unmet.Count(u => u.Stars <= 4);

            EvaluationRound Round(string name, int number, RoundStatus status) => new()
            {
                CouncilId = council.Id,
                Name = name,
                Year = today.Year,
                Number = number,
                Mode = RoundMode.Meeting,
                ScoringDeadline = today.AddDays(-20),
                LegalDeadline = today.AddDays(30),
                Status = status,
                CreatedAt = now,
                FinalisedAt = status == RoundStatus.Finalised ? now : null,
                Version = Guid.NewGuid(),
            };
            var finalised = Round(FinalisedRound, 1, RoundStatus.Finalised);
            var closed = Round(ClosedRound, 2, RoundStatus.Closed);
            db.AddRange(finalised, closed);
            await db.SaveChangesAsync();
            var evaluated = products.Where(p => p.CategoryCode == food.Code).Skip(20).Take(3).ToList();
            var n = 0;
            foreach (var product in evaluated)
            {
                var dossier = new Dossier
                {
                    ProducerId = product.ProducerId,
                    ProductId = product.Id,
                    CommuneCode = Commune,
                    Kind = DossierKind.FirstEvaluation,
                    TargetStars = 4,
                    RuleSetId = ruleSet,
                    CriteriaSetId = set.Id,
                    Status = DossierStatus.Evaluated,
                    Number = $"{++n}/PĐK-92-{Commune}-2026",
                    CreatedAt = now.AddDays(-60),
                    SubmittedAt = now.AddDays(-60),
                    UpdatedAt = now,
                    Version = Guid.NewGuid(),
                };
                dossier.Events.Add(new DossierEvent { Kind = DossierEventKind.Submitted, From = DossierStatus.Draft, To = DossierStatus.AtCommune, At = now.AddDays(-60), ActorName = "Chủ thể" });
                dossier.Events.Add(new DossierEvent { Kind = DossierEventKind.Forwarded, From = DossierStatus.AtCommune, To = DossierStatus.AtProvince, At = now.AddDays(-50), ActorName = "Xã" });
                dossier.Events.Add(new DossierEvent { Kind = DossierEventKind.Accepted, From = DossierStatus.AtProvince, To = DossierStatus.Accepted, At = now.AddDays(-40), ActorName = "Văn phòng" });
                db.Add(dossier);
                await db.SaveChangesAsync();
                var inClosed = n == 3;
                db.Add(new RoundEntry
                {
                    RoundId = inClosed ? closed.Id : finalised.Id,
                    DossierId = dossier.Id,
                    ResultMean = inClosed ? null : 62.5m,
                    ResultStars = inClosed ? null : 3,
                    ResultDetail = inClosed ? null : JsonSerializer.Serialize(new
                    {
                        Mean = 62.5m,
                        PartMeans = sheet.PartMax.ToDictionary(p => p.Key, p => p.Value / 2m),
                        ConsolidatedPoints = points,
                        Stars = 3,
                        Proposal = "Đề nghị công nhận 3 sao",
                    }),
                });
            }

            await db.SaveChangesAsync();
            return new Seeded(memberEmail, finalised.Id, closed.Id, evaluated[0].Name, unmetCount);
        });
    }

    private async Task<HttpClient> AsAsync(string role, string? email = null)
    {
        var client = factory.CreatePortalClient();
        await client.SignInAsync(email ?? await factory.CreateUserAsync(role));
        return client;
    }

    private async Task<HttpClient> CommuneOfficerAsync()
    {
        var email = await factory.CreateUserAsync(Roles.Commune);
        await factory.WithDbAsync(async db =>
        {
            var id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            db.StaffCommunes.Add(new StaffCommune { UserId = id, CommuneCode = Commune });
            await db.SaveChangesAsync();
        });
        return await AsAsync(Roles.Commune, email);
    }

    private static Dictionary<string, decimal?[]> Series(IHtmlDocument page, string id)
    {
        var table = page.QuerySelector($"[data-testid=series-{id}] table");
        Assert.NotNull(table);
        return table.QuerySelectorAll("tbody tr").ToDictionary(
            r => r.QuerySelector("th")!.TextContent.Trim(),
            r => r.QuerySelectorAll("td").Select(td => td.GetAttribute("data-value") is { Length: > 0 } v ? decimal.Parse(v, CultureInfo.InvariantCulture) : (decimal?)null).ToArray());
    }

    private static int Number(IHtmlDocument page, string testId) =>
        int.Parse(page.QuerySelector($"[data-testid={testId}]")!.TextContent.Trim().Replace(".", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);

    private static async Task<List<IDictionary<string, object?>>> WorkbookAsync(HttpResponseMessage response, string? sheet = null)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ReportDocuments.XlsxContentType, response.Content.Headers.ContentType!.MediaType);
        var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        return MiniExcel.Query(stream, useHeaderRow: true, sheetName: sheet).Cast<IDictionary<string, object?>>().ToList();
    }

    private static async Task<string> PdfTextAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        using var doc = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        return Regex.Replace(string.Join(" ", doc.GetPages().Select(p => p.Text)).Normalize(NormalizationForm.FormC), @"\s+", "");
    }

    private static string Flat(string s) => Regex.Replace(s.Normalize(NormalizationForm.FormC), @"\s+", "");

    // ---------------------------------------------------------------- numbers are right

    [Theory]
    [InlineData(Roles.Office)]
    [InlineData(Roles.Admin)]
    public async Task The_dashboard_shows_the_published_figures_exactly(string role)
    {
        await SeedAsync();
        var client = await AsAsync(role);
        var page = await client.GetDocumentAsync("/reports");

        Assert.Equal(189, Number(page, "in-force-products"));
        Assert.Equal(102, Number(page, "in-force-producers"));
        var stars = Series(page, "by-star");
        Assert.Equal(169m, stars["3 sao"][0]);
        Assert.Equal(19m, stars["4 sao"][0]);
        Assert.Equal(1m, stars["5 sao"][0]);
        Assert.Equal(0m, stars["Tiềm năng 5 sao"][0]);
        Assert.Equal(189m, Series(page, "by-sector").Values.Sum(v => v[0]));
        Assert.Equal(189m, Series(page, "by-producer-type").Values.Sum(v => v[0]));
        Assert.Equal(102m, Series(page, "by-producer-type").Values.Sum(v => v[1]));
        Assert.NotNull(page.QuerySelector("canvas[data-chart][data-table=t-by-star]"));
    }

    [Fact]
    public async Task Ever_recognised_and_currently_valid_differ_by_the_expired_and_revoked()
    {
        await SeedAsync();
        var page = await (await AsAsync(Roles.Office)).GetDocumentAsync("/reports");

        Assert.Equal(189, Number(page, "in-force-products"));
        Assert.Equal(197, Number(page, "ever-products"));
        Assert.Equal(102, Number(page, "ever-producers"));
        var stars = Series(page, "by-star");
        Assert.Equal(175m, stars["3 sao"][1]); // 169 + 6 expired
        Assert.Equal(21m, stars["4 sao"][1]); // 19 + 2 revoked
        var status = Series(page, "by-status");
        Assert.Equal(6m, status["Hết hiệu lực"][0]);
        Assert.Equal(2m, status["Đã thu hồi"][0]);
        Assert.Equal(189m, status["Còn hiệu lực"][0]! + status["Sắp hết hạn (trong thời hạn đề nghị đánh giá lại)"][0]!);
    }

    [Fact]
    public async Task The_recognised_products_workbook_has_the_figures_and_Vietnamese_text()
    {
        await SeedAsync();
        var client = await AsAsync(Roles.Office);

        var valid = await WorkbookAsync(await client.GetAsync("/reports/recognised.xlsx"));
        Assert.Equal(189, valid.Count);
        Assert.Equal(169, valid.Count(r => Convert.ToInt32(r["Hạng sao"], CultureInfo.InvariantCulture) == 3));
        Assert.Equal(19, valid.Count(r => Convert.ToInt32(r["Hạng sao"], CultureInfo.InvariantCulture) == 4));
        Assert.Equal(1, valid.Count(r => Convert.ToInt32(r["Hạng sao"], CultureInfo.InvariantCulture) == 5));
        Assert.Equal(102, valid.Select(r => r["Chủ thể"]).Distinct().Count());
        Assert.Contains(valid, r => (string?)r["Tên sản phẩm"] == "Bánh pía sầu riêng Phú Lộc số 1" && (string?)r["Loại hình"] == "Hợp tác xã");
        Assert.DoesNotContain(valid, r => ((string?)r["Tên sản phẩm"])!.StartsWith("Mật ong hoa tràm hết hạn", StringComparison.Ordinal));

        var ever = await WorkbookAsync(await client.GetAsync("/reports/recognised.xlsx?mode=Ever"));
        Assert.Equal(197, ever.Count);
        Assert.Contains(ever, r => (string?)r["Tên sản phẩm"] == "Nước mắm bị thu hồi 1" && (string?)r["Tình trạng"] == "Đã thu hồi");
        Assert.Contains(ever, r => (string?)r["Tên sản phẩm"] == "Mật ong hoa tràm hết hạn 1" && (string?)r["Tình trạng"] == "Hết hiệu lực");
    }

    [Fact]
    public async Task Standard_reports_read_back_as_pdf()
    {
        var seeded = await SeedAsync();
        var client = await AsAsync(Roles.Office);

        var recognised = await PdfTextAsync(await client.GetAsync("/reports/recognised.pdf"));
        Assert.Contains(Flat("DANH SÁCH SẢN PHẨM OCOP CÒN HIỆU LỰC"), recognised, StringComparison.Ordinal);
        Assert.Contains(Flat("Bánh pía sầu riêng Phú Lộc số 1"), recognised, StringComparison.Ordinal);
        Assert.Contains(Flat("VĂN PHÒNG ĐIỀU PHỐI CHƯƠNG TRÌNH OCOP"), recognised, StringComparison.Ordinal);
        Assert.DoesNotContain(Flat("Mật ong hoa tràm hết hạn"), recognised, StringComparison.Ordinal);

        var summary = await PdfTextAsync(await client.GetAsync($"/reports/summary.pdf?year={DateTime.Now.Year}"));
        Assert.Contains(Flat("Tổng cộng"), summary, StringComparison.Ordinal);

        var round = await PdfTextAsync(await client.GetAsync($"/reports/rounds/{seeded.FinalisedRoundId}.pdf"));
        Assert.Contains(Flat(seeded.FinalisedProduct), round, StringComparison.Ordinal);
        Assert.DoesNotContain(Flat(MemberName), round, StringComparison.Ordinal);

        var producers = await PdfTextAsync(await client.GetAsync("/reports/producers.pdf"));
        Assert.Contains(Flat("SỔ ĐĂNG KÝ CHỦ THỂ OCOP"), producers, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_summary_adds_up_by_star_and_the_expiring_list_is_empty_for_new_certificates()
    {
        await SeedAsync();
        var client = await AsAsync(Roles.Office);
        // Certificates in force and revoked were issued 100 days ago, the expired ones four years ago.
        var year = DateTime.Today.AddDays(-100).Year;
        var summary = await WorkbookAsync(await client.GetAsync($"/reports/summary.xlsx?year={year}"));
        var total = summary.Single(r => (string?)r["Xã, phường"] == "Tổng cộng");
        Assert.Equal(169, Convert.ToInt32(total["3 sao"], CultureInfo.InvariantCulture));
        Assert.Equal(19 + 2, Convert.ToInt32(total["4 sao"], CultureInfo.InvariantCulture)); // the 2 revoked were recognised in the period too
        Assert.Equal(1, Convert.ToInt32(total["5 sao"], CultureInfo.InvariantCulture));

        var expiring = await client.GetDocumentAsync("/reports/expiring?days=30");
        Assert.NotNull(expiring.QuerySelector("[data-testid=report-empty]"));
        var later = await WorkbookAsync(await client.GetAsync("/reports/expiring.xlsx?days=1095"));
        Assert.Equal(189, later.Count);
    }

    [Fact]
    public async Task Round_results_show_the_frozen_result_parts_and_unmet_minimums_without_members()
    {
        var seeded = await SeedAsync();
        var client = await AsAsync(Roles.Office);

        var page = await client.GetDocumentAsync($"/reports/rounds/{seeded.FinalisedRoundId}");
        var table = page.QuerySelector("[data-testid=report-table]")!.TextContent;
        Assert.Contains(seeded.FinalisedProduct, table, StringComparison.Ordinal);
        Assert.DoesNotContain(MemberName, page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/reports/rounds/{seeded.ClosedRoundId}")).StatusCode);

        var dashboard = await client.GetDocumentAsync("/reports");
        var parts = Series(dashboard, "part-distribution");
        Assert.All(parts.Values, v => Assert.Equal(2m, v[1])); // both products at 50 % of every part: the 40–60 % bin
        var unmet = Series(dashboard, "unmet-minimums");
        Assert.Equal(seeded.UnmetCount, unmet.Count);
        Assert.All(unmet.Values, v => Assert.Equal(2m, v[0]));
        var rounds = Series(dashboard, "rounds");
        Assert.Equal(2m, rounds[FinalisedRound][0]);
        Assert.False(rounds.ContainsKey(ClosedRound));

        var workbook = await WorkbookAsync(await client.GetAsync($"/reports/rounds/{seeded.FinalisedRoundId}.xlsx"), "Chi tiết tiêu chí");
        Assert.Contains(workbook, r => (string?)r["Sản phẩm"] == seeded.FinalisedProduct);
    }

    // ---------------------------------------------------------------- permissions

    [Fact]
    public async Task A_commune_officer_sees_only_their_communes()
    {
        await SeedAsync();
        var client = await CommuneOfficerAsync();

        var page = await client.GetDocumentAsync("/reports");
        Assert.Equal(177, Number(page, "in-force-products"));
        Assert.Equal(90, Number(page, "in-force-producers"));

        var list = await WorkbookAsync(await client.GetAsync("/reports/recognised.xlsx"));
        Assert.Equal(177, list.Count);
        Assert.DoesNotContain(list, r => (string?)r["Tên sản phẩm"] == OtherProduct);
        var html = await client.GetDocumentAsync("/reports/recognised?commune=" + OtherCommune);
        Assert.DoesNotContain(OtherProduct, html.Body!.TextContent, StringComparison.Ordinal);

        var producers = await WorkbookAsync(await client.GetAsync("/reports/producers.xlsx"));
        Assert.Equal(90, producers.Count);
        Assert.DoesNotContain(producers, r => ((string?)r["Tên chủ thể"])!.StartsWith("Hộ kinh doanh Ô Môn", StringComparison.Ordinal));
        var pdf = await PdfTextAsync(await client.GetAsync("/reports/expiring.pdf?days=1095"));
        Assert.DoesNotContain(Flat(OtherProduct), pdf, StringComparison.Ordinal);
        var summary = await WorkbookAsync(await client.GetAsync($"/reports/summary.xlsx?year={DateTime.Today.AddDays(-100).Year}"));
        Assert.Equal(177 + 2, Convert.ToInt32(summary.Single(r => (string?)r["Xã, phường"] == "Tổng cộng")["Tổng"], CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_council_member_gets_only_finalised_round_summaries()
    {
        var seeded = await SeedAsync();
        var client = await AsAsync(Roles.CouncilMember, seeded.MemberEmail);

        var page = await client.GetDocumentAsync("/reports");
        Assert.Null(page.QuerySelector("[data-testid=in-force-products]"));
        Assert.Null(page.QuerySelector("[data-testid=series-by-star]"));
        Assert.True(Series(page, "rounds").ContainsKey(FinalisedRound));

        var rounds = await client.GetDocumentAsync("/reports/rounds");
        Assert.NotNull(rounds.QuerySelector($"tr[data-round='{seeded.FinalisedRoundId}']"));
        Assert.Null(rounds.QuerySelector($"tr[data-round='{seeded.ClosedRoundId}']"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/reports/rounds/{seeded.FinalisedRoundId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/reports/rounds/{seeded.ClosedRoundId}.xlsx")).StatusCode);
        foreach (var url in new[] { "/reports/recognised", "/reports/recognised.xlsx", "/reports/summary.pdf", "/reports/expiring", "/reports/producers.xlsx" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(url)).StatusCode);
        }

        // another council's member sees no round at all
        var stranger = await AsAsync(Roles.CouncilMember);
        Assert.NotNull((await stranger.GetDocumentAsync("/reports/rounds")).QuerySelector("[data-testid=report-empty]"));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/reports/rounds/{seeded.FinalisedRoundId}.pdf")).StatusCode);
    }

    [Theory]
    [InlineData("/reports")]
    [InlineData("/reports/recognised.xlsx")]
    [InlineData("/reports/summary")]
    [InlineData("/reports/expiring.pdf")]
    [InlineData("/reports/producers")]
    [InlineData("/reports/rounds")]
    [InlineData("/reports/targets")]
    public async Task Producers_are_refused_and_visitors_sent_to_sign_in(string url)
    {
        var producer = await AsAsync(Roles.Producer);
        Assert.Equal(HttpStatusCode.Forbidden, (await producer.GetAsync(url)).StatusCode);

        var anonymous = await factory.CreatePortalClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/login", anonymous.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_office_manages_targets()
    {
        foreach (var role in new[] { Roles.Admin, Roles.Commune, Roles.CouncilMember })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await (await AsAsync(role)).GetAsync("/reports/targets/new")).StatusCode);
        }
    }

    // ---------------------------------------------------------------- targets

    [Fact]
    public async Task Targets_are_validated_shown_against_actuals_and_deleted_after_confirmation()
    {
        await SeedAsync();
        var client = await AsAsync(Roles.Office);
        var year = DateTime.Now.Year.ToString(CultureInfo.InvariantCulture);
        async Task<int> CountAsync() => await factory.WithScopeAsync(sp => sp.GetRequiredService<OcopDbContext>().ProgrammeTargets.CountAsync());
        var before = await CountAsync();

        var invalid = await client.PostFormAsync("/reports/targets/new", new Dictionary<string, string>
        {
            ["Year"] = year,
            ["Kind"] = "Ratio",
            ["Subject"] = "Producers",
            ["Value"] = "130",
            ["Description"] = "",
        });
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        var errors = (await Forms.ParseAsync(invalid)).FormErrors();
        Assert.Contains("Chỉ tiêu tỷ lệ là phần trăm lớn hơn 0 và không quá 100.", errors);
        Assert.Contains("Chỉ tiêu tỷ lệ cần giới hạn theo ngành, hạng sao hoặc loại hình chủ thể (tỷ lệ của phần đó trên tổng số).", errors);
        Assert.Contains("Vui lòng nhập nội dung chỉ tiêu (ví dụ: theo kế hoạch số ...).", errors);
        Assert.Equal(before, await CountAsync());

        var created = await client.PostFormAsync("/reports/targets/new", new Dictionary<string, string>
        {
            ["Year"] = year,
            ["Kind"] = "Count",
            ["Subject"] = "Products",
            ["Value"] = "200",
            ["Description"] = "Ít nhất 200 sản phẩm OCOP (Kế hoạch 12/KH-UBND)",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var ratio = await client.PostFormAsync("/reports/targets/new", new Dictionary<string, string>
        {
            ["Year"] = year,
            ["Kind"] = "Ratio",
            ["Subject"] = "Producers",
            ["Value"] = "30",
            ["ProducerType"] = "Cooperative",
            ["Description"] = "Ít nhất 30 % chủ thể là HTX",
        });
        Assert.Equal(HttpStatusCode.Redirect, ratio.StatusCode);

        var dashboard = await client.GetDocumentAsync("/reports");
        var rows = dashboard.QuerySelectorAll("[data-testid=target-row]").ToList();
        var count = rows.Single(r => r.TextContent.Contains("Kế hoạch 12/KH-UBND", StringComparison.Ordinal));
        Assert.Equal("189", count.QuerySelector("[data-testid=target-actual]")!.TextContent.Trim());
        Assert.Equal("11", count.QuerySelector("[data-testid=target-gap]")!.TextContent.Trim());
        var share = rows.Single(r => r.TextContent.Contains("30 % chủ thể là HTX", StringComparison.Ordinal));
        // producers 0, 4, 8, … are cooperatives: 26 of 102 = 25,5 %, 4,5 points short
        Assert.Equal("25,5 %", share.QuerySelector("[data-testid=target-actual]")!.TextContent.Trim());
        Assert.Equal("4,5 %", share.QuerySelector("[data-testid=target-gap]")!.TextContent.Trim());

        var id = await factory.WithScopeAsync(sp => sp.GetRequiredService<OcopDbContext>().ProgrammeTargets.Where(t => t.Value == 200).Select(t => t.Id).SingleAsync());
        var confirm = await client.GetDocumentAsync($"/reports/targets/{id}/delete");
        Assert.NotNull(confirm.QuerySelector("[data-testid=confirm-delete]"));
        Assert.Equal(before + 2, await CountAsync()); // asking is not deleting
        var deleted = await client.PostFormAsync($"/reports/targets/{id}/delete", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(before + 1, await CountAsync());
        Assert.False(await factory.WithScopeAsync(sp => sp.GetRequiredService<OcopDbContext>().ProgrammeTargets.AnyAsync(t => t.Id == id)));
    }
}
