using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain;
using OcopPortal.Web.Domain.Councils;
using OcopPortal.Web.Domain.Dossiers;
using OcopPortal.Web.Domain.Producers;
using OcopPortal.Web.Domain.Rating;
using OcopPortal.Web.Domain.Rules;
using OcopPortal.Web.Features.Councils;
using OcopPortal.Web.Infrastructure.Auth;
using UglyToad.PdfPig;

namespace OcopPortal.Tests.Web;

/// <summary>
/// The round's official records over HTTP: minutes and scoring sheets read back with PdfPig, the workbook with
/// MiniExcel. The council, round, dossiers and submitted sheets are built directly in the database; the expected
/// figures are computed from the stored answers by the rating engine and checked against hand-computed values.
/// </summary>
public sealed class CouncilRecordsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Commune = "31756"; // Xã Phú Lộc, Cần Thơ
    private const string Product1 = "Bánh pía sầu riêng Vĩnh Châu";
    private const string Product2 = "Bánh tét lá cẩm Phú Lộc";
    private const string Producer1 = "Hợp tác xã Nông nghiệp Vĩnh Châu";
    private const string Producer2 = "Hộ kinh doanh Bánh tét Út Hiền";
    private const string Justification = "Các thành viên đánh giá khác nhau về khả năng tiếp thị; Hội đồng thảo luận và thống nhất giữ nguyên kết quả.";
    private const string Comment = "Nguyên liệu sầu riêng mua tại địa phương, có hợp đồng liên kết.";
    private const string Expert = "Đặng Quốc Việt";

    /// <summary>Criteria of set 6 without any star-minimum mark: lowering them changes the total, never the star cap.</summary>
    private static readonly string[] Free = ["1.2", "1.3", "1.4", "1.7", "2.4", "3.1", "3.2", "3.3", "4.2", "4.3", "5.2", "6.2", "6.3", "10", "11"];

    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");
    private static int _sequence = Random.Shared.Next(1000, 9000);

    private sealed record Person(HttpClient Client, string UserId, int SeatId, string Name);

    private sealed record Fixture(
        int RoundId, int Entry1, int Entry2, string Number1, string Number2,
        Person Chair, Person[] Members, Person Secretary, HttpClient Office, int CriteriaCount, string ChosenLabel);

    /// <summary>
    /// A council of five voting seats (chair, three members, secretary) and an absent invited expert; a round with two
    /// products of criteria set 6. Product 1: five sheets of 87, 84, 79, 77, 84 (mean 82,20, spread 10 → 4 sao).
    /// Product 2: the chair is conflicted (and has a stray submitted sheet of 100 that must count nowhere); four
    /// sheets of 65, 71, 68, 81 with 4.1 at its 3-star option (mean 71,25, spread 16 → flagged, justified; capped at 3 sao).
    /// </summary>
    private async Task<Fixture> SeedAsync(RoundStatus status = RoundStatus.Closed, RoundMode mode = RoundMode.Meeting)
    {
        var chairId = await UserAsync(Roles.CouncilChair);
        var memberIds = new[] { await UserAsync(Roles.CouncilMember), await UserAsync(Roles.CouncilMember), await UserAsync(Roles.CouncilMember) };
        var secretaryId = await UserAsync(Roles.CouncilMember);
        var seeded = await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OcopDbContext>();
            var ruleSetId = await db.RuleSets.Where(r => r.Code == "QD-26-2026" && r.Status == RuleSetStatus.Published).Select(r => r.Id).SingleAsync();
            var set = await db.CriteriaSets.AsNoTracking().AsSplitQuery().Include(s => s.Nodes).ThenInclude(n => n.Options)
                .SingleAsync(s => s.RuleSetId == ruleSetId && s.Number == 6);
            var sheet = SheetDefinition.From(set);
            var category = await db.ProductCategories.Where(c => c.RuleSetId == ruleSetId && c.CriteriaSetNumber == 6).Select(c => c.Code).FirstAsync();
            var now = DateTimeOffset.UtcNow;

            async Task<(int DossierId, string Number)> DossierAsync(string producerName, string productName)
            {
                var producer = new Producer
                {
                    Type = ProducerType.Cooperative,
                    Name = producerName,
                    TaxCode = Random.Shared.NextInt64(1_000_000_000, 9_999_999_999).ToString(CultureInfo.InvariantCulture),
                    RepresentativeName = "Nguyễn Thị Lan",
                    RepresentativeGender = Gender.Female,
                    ProvinceCode = "92",
                    CommuneCode = Commune,
                    StreetAddress = "Ấp Phú Lộc",
                    Phone = "0912345678",
                    Email = "lien-he@example.vn",
                    CreatedAt = now,
                    UpdatedAt = now,
                    Version = Guid.NewGuid(),
                };
                db.Add(producer);
                await db.SaveChangesAsync();
                var product = new Product
                {
                    ProducerId = producer.Id,
                    Name = productName,
                    RuleSetId = ruleSetId,
                    CategoryCode = category,
                    CriteriaSetNumber = 6,
                    Description = "Sản phẩm truyền thống của địa phương.",
                    CreatedAt = now,
                    UpdatedAt = now,
                    Version = Guid.NewGuid(),
                };
                db.Add(product);
                await db.SaveChangesAsync();
                var dossier = new Dossier
                {
                    ProducerId = producer.Id,
                    ProductId = product.Id,
                    CommuneCode = Commune,
                    Kind = DossierKind.FirstEvaluation,
                    TargetStars = 4,
                    RuleSetId = ruleSetId,
                    CriteriaSetId = set.Id,
                    Status = DossierStatus.InEvaluation,
                    Number = $"{Interlocked.Increment(ref _sequence)}/PĐK-92-{Commune}-2026",
                    CreatedAt = now,
                    SubmittedAt = now,
                    UpdatedAt = now,
                    Version = Guid.NewGuid(),
                };
                db.Add(dossier);
                await db.SaveChangesAsync();
                return (dossier.Id, dossier.Number);
            }

            var (dossier1, number1) = await DossierAsync(Producer1, Product1);
            var (dossier2, number2) = await DossierAsync(Producer2, Product2);

            var council = new Council
            {
                Name = "Hội đồng đánh giá, phân hạng sản phẩm OCOP thành phố Cần Thơ năm 2026",
                DecisionNumber = "1234/QĐ-UBND",
                DecisionDate = new DateOnly(2026, 5, 20),
                CreatedAt = now,
                Seats =
                [
                    new CouncilSeat { UserId = chairId, FullName = "Nguyễn Văn Chính", Agency = "Sở Nông nghiệp và Môi trường", Role = SeatRole.Chair, SortOrder = 1 },
                    new CouncilSeat { UserId = memberIds[0], FullName = "Trần Thị Hạnh", Agency = "Sở Công Thương", Role = SeatRole.Member, SortOrder = 2 },
                    new CouncilSeat { UserId = memberIds[1], FullName = "Lê Hoàng Phúc", Agency = "Sở Y tế", Role = SeatRole.Member, SortOrder = 3 },
                    new CouncilSeat { UserId = memberIds[2], FullName = "Phạm Thị Ngọc Ánh", Agency = "Sở Khoa học và Công nghệ", Role = SeatRole.Member, SortOrder = 4 },
                    new CouncilSeat { UserId = secretaryId, FullName = "Võ Minh Tuấn", Agency = "Văn phòng Điều phối Chương trình OCOP", Role = SeatRole.Secretary, SortOrder = 5 },
                    new CouncilSeat { FullName = Expert, Agency = "Trường Đại học Cần Thơ", Role = SeatRole.InvitedExpert, SortOrder = 6 },
                ],
            };
            db.Add(council);
            await db.SaveChangesAsync();
            var seats = council.Seats.OrderBy(s => s.SortOrder).ToList();
            var round = new EvaluationRound
            {
                CouncilId = council.Id,
                Name = "Đợt 1 năm 2026",
                Year = 2026,
                Number = 1,
                Mode = mode,
                Status = status,
                ScoringDeadline = new DateOnly(2026, 6, 12),
                MeetingDate = mode == RoundMode.Meeting ? new DateOnly(2026, 6, 15) : null,
                LegalDeadline = new DateOnly(2026, 6, 30),
                CreatedAt = now,
                ScoringOpenedAt = now,
                ClosedAt = status >= RoundStatus.Closed ? new DateTimeOffset(2026, 6, 15, 9, 0, 0, TimeSpan.Zero) : null,
                FinalisedAt = status == RoundStatus.Finalised ? new DateTimeOffset(2026, 6, 16, 9, 0, 0, TimeSpan.Zero) : null,
                Version = Guid.NewGuid(),
                Entries =
                [
                    new RoundEntry { DossierId = dossier1 },
                    new RoundEntry { DossierId = dossier2, SpreadJustification = Justification },
                ],
                Attendance = [.. seats.Select(s => new RoundAttendance { SeatId = s.Id, Present = s.Role != SeatRole.InvitedExpert })],
            };
            db.Add(round);
            await db.SaveChangesAsync();
            var (entry1, entry2) = (round.Entries[0].Id, round.Entries[1].Id);
            db.ConflictDeclarations.Add(new ConflictDeclaration
            {
                RoundEntryId = entry2,
                SeatId = seats[0].Id,
                Conflicted = true,
                Ground = ConflictGround.FamilyOrPersonal,
                Reason = "Chủ thể là người thân trong gia đình.",
                DeclaredAt = now,
                DeclaredByUserId = chairId,
            });

            void Sheet(int entry, CouncilSeat seat, int lowered, bool capped, string? comment = null)
            {
                var answers = sheet.Criteria.Select(c =>
                {
                    var option = Free.Take(lowered).Contains(c.Code) ? c.Options.MinBy(o => o.Points)!
                        : capped && c.Code == "4.1" ? c.Options.Single(o => o.Points == 2)
                        : c.Options.MaxBy(o => o.Points)!;
                    return new ScoreSheetAnswer { CriterionCode = c.Code, OptionId = option.Key, Comment = c.Code == "1.1" ? comment : null };
                }).ToList();
                db.ScoreSheets.Add(new ScoreSheet
                {
                    RoundEntryId = entry,
                    SeatId = seat.Id,
                    Status = SheetStatus.Submitted,
                    UpdatedAt = now,
                    SubmittedAt = new DateTimeOffset(2026, 6, 10, 12, 0, 0, TimeSpan.Zero),
                    Version = Guid.NewGuid(),
                    Answers = answers,
                    OverallComment = seat.Role == SeatRole.Chair ? "Sản phẩm có bao bì đẹp, cần bổ sung kế hoạch xuất khẩu." : null,
                });
            }

            Sheet(entry1, seats[0], 8, false);           // 87
            Sheet(entry1, seats[1], 9, false, Comment);  // 84
            Sheet(entry1, seats[2], 10, false);          // 79
            Sheet(entry1, seats[3], 11, false);          // 77
            Sheet(entry1, seats[4], 9, false);           // 84
            Sheet(entry2, seats[0], 0, false);           // 100, conflicted: counts nowhere
            Sheet(entry2, seats[1], 15, true);           // 65
            Sheet(entry2, seats[2], 12, true);           // 71
            Sheet(entry2, seats[3], 13, true);           // 68
            Sheet(entry2, seats[4], 9, true);            // 81
            await db.SaveChangesAsync();

            var label = sheet["1.1"].Options.MaxBy(o => o.Points)!.Label;
            return (round.Id, entry1, entry2, number1, number2, seats.Select(s => s.Id).ToArray(), sheet.Criteria.Count, label);
        });

        var ids = seeded.Item6;
        var chair = await PersonAsync(chairId, ids[0], "Nguyễn Văn Chính");
        Person[] members =
        [
            await PersonAsync(memberIds[0], ids[1], "Trần Thị Hạnh"),
            await PersonAsync(memberIds[1], ids[2], "Lê Hoàng Phúc"),
            await PersonAsync(memberIds[2], ids[3], "Phạm Thị Ngọc Ánh"),
        ];
        var secretary = await PersonAsync(secretaryId, ids[4], "Võ Minh Tuấn");
        var office = factory.CreatePortalClient();
        await office.SignInAsync(await factory.CreateUserAsync(Roles.Office));
        return new Fixture(seeded.Item1, seeded.entry1, seeded.entry2, seeded.number1, seeded.number2, chair, members, secretary, office, seeded.Item7, seeded.label);
    }

    private async Task<string> UserAsync(string role)
    {
        var email = await factory.CreateUserAsync(role);
        return await factory.WithScopeAsync(async sp => (await sp.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email))!.Id);
    }

    private async Task<Person> PersonAsync(string userId, int seatId, string name)
    {
        var email = await factory.WithScopeAsync(async sp => (await sp.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(userId))!.Email!);
        var client = factory.CreatePortalClient();
        await client.SignInAsync(email);
        return new Person(client, userId, seatId, name);
    }

    private Task SetStatusAsync(int roundId, RoundStatus status) => factory.WithDbAsync(async db =>
    {
        var round = await db.EvaluationRounds.SingleAsync(r => r.Id == roundId);
        round.Status = status;
        round.ClosedAt ??= status >= RoundStatus.Closed ? DateTimeOffset.UtcNow : null;
        await db.SaveChangesAsync();
    });

    /// <summary>The council's result for an entry, computed here from the stored answers of the eligible members' sheets.</summary>
    private Task<CouncilScore> ExpectedAsync(int entryId) => factory.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<OcopDbContext>();
        var dossierId = await db.RoundEntries.Where(e => e.Id == entryId).Select(e => e.DossierId).SingleAsync();
        var setId = await db.Dossiers.Where(d => d.Id == dossierId).Select(d => d.CriteriaSetId).SingleAsync();
        var set = await db.CriteriaSets.AsNoTracking().AsSplitQuery().Include(s => s.RuleSet).Include(s => s.Nodes).ThenInclude(n => n.Options).SingleAsync(s => s.Id == setId);
        var definition = SheetDefinition.From(set);
        var conflicted = await db.ConflictDeclarations.Where(c => c.RoundEntryId == entryId && c.Conflicted).Select(c => c.SeatId).ToListAsync();
        var sheets = await db.ScoreSheets.AsNoTracking().Include(s => s.Answers)
            .Where(s => s.RoundEntryId == entryId && s.Status == SheetStatus.Submitted && !conflicted.Contains(s.SeatId)).ToListAsync();
        var scores = sheets.Select(s =>
        {
            var answers = new SheetAnswers();
            foreach (var a in s.Answers)
            {
                answers.Choose(a.CriterionCode, a.OptionId!.Value);
            }

            return SheetScoring.Score(definition, answers);
        }).ToList();
        var rules = set.RuleSet!;
        return CouncilAggregation.Aggregate(definition, scores, StarBands.Of(rules), rules.Consolidation, rules.MaxMemberSpread, EvaluationLevel.Province);
    });

    private static string Minutes(int roundId) => $"/rounds/{roundId}/minutes.pdf";

    private static string Export(int roundId) => $"/rounds/{roundId}/export.xlsx";

    private static string SheetUrl(int roundId, int entryId, int seatId) => $"/rounds/{roundId}/entries/{entryId}/sheets/{seatId}.pdf";

    private static string Nfc(string s) => s.Normalize(NormalizationForm.FormC);

    /// <summary>Text without any whitespace: PdfPig may drop or add spaces between words and lines.</summary>
    private static string Flat(string s) => Regex.Replace(Nfc(s), @"\s+", "");

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

    private static void AssertHasNot(string text, params string[] pieces)
    {
        var flat = Flat(text);
        foreach (var piece in pieces)
        {
            Assert.False(flat.Contains(Flat(piece), StringComparison.Ordinal), $"«{piece}» should not be in the PDF text:\n{text}");
        }
    }

    private static async Task<(List<IDictionary<string, object?>> Detail, List<IDictionary<string, object?>> Summary)> WorkbookAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(CouncilRecords.XlsxContentType, response.Content.Headers.ContentType!.MediaType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal([CouncilRecords.DetailSheetName, CouncilRecords.SummarySheetName], MiniExcel.GetSheetNames(stream));
        stream.Position = 0;
        var detail = MiniExcel.Query(stream, useHeaderRow: true, sheetName: CouncilRecords.DetailSheetName).Cast<IDictionary<string, object?>>().ToList();
        stream.Position = 0;
        var summary = MiniExcel.Query(stream, useHeaderRow: true, sheetName: CouncilRecords.SummarySheetName).Cast<IDictionary<string, object?>>().ToList();
        return (detail, summary);
    }

    private static decimal Number(object? cell) => Convert.ToDecimal(cell, CultureInfo.InvariantCulture);

    // ---------------------------------------------------------------- minutes

    [Fact]
    public async Task Office_minutes_list_the_decision_attendance_results_proposals_and_justification()
    {
        var f = await SeedAsync();
        var (one, two) = (await ExpectedAsync(f.Entry1), await ExpectedAsync(f.Entry2));

        var response = await f.Office.GetAsync(Minutes(f.RoundId));
        var text = await PdfTextAsync(response, "bien-ban.pdf");

        // hand-computed: (87 + 84 + 79 + 77 + 84) / 5 = 82.2; (65 + 71 + 68 + 81) / 4 = 71.25 with 4.1 capping the star at 3
        Assert.Equal((82.20m, 77m, 87m, 10m, 4), (one.Mean, one.Min, one.Max, one.Spread, one.Rating.Stars));
        Assert.Equal((71.25m, 65m, 81m, 16m, 3, true), (two.Mean, two.Min, two.Max, two.Spread, two.Rating.Stars, two.SpreadExceeded));
        Assert.Equal($"bien-ban-dot-1-2026-r{f.RoundId}.pdf", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        AssertHas(text,
            "UBND THÀNH PHỐ CẦN THƠ", "HỘI ĐỒNG ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM OCOP", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "BIÊN BẢN", "Họp Hội đồng đánh giá, phân hạng sản phẩm OCOP cấp tỉnh", "Cần Thơ, ngày 15 tháng 06 năm 2026",
            "Căn cứ Quyết định số 1234/QĐ-UBND ngày 20/05/2026 của Ủy ban nhân dân thành phố Cần Thơ",
            "Thời gian: ngày 15/06/2026",
            "Nguyễn Văn Chính", "Sở Nông nghiệp và Môi trường", "Trần Thị Hạnh", "Lê Hoàng Phúc", "Phạm Thị Ngọc Ánh", "Võ Minh Tuấn",
            "Thành viên kiêm Thư ký", "Có mặt", $"Vắng mặt: {Expert} (chuyên gia mời)",
            "Số thành viên có quyền biểu quyết: 5; có mặt: 5; Chủ tịch Hội đồng có mặt. Cuộc họp đủ điều kiện tiến hành",
            $"{Product2}: Nguyễn Văn Chính (Sở Nông nghiệp và Môi trường) không chấm điểm sản phẩm này",
            Product1, Producer1, Product2, Producer2,
            "82,20", "71,25", "16 (*)", "4 sao", "3 sao",
            CouncilRecords.Mean(one.Mean), CouncilRecords.Mean(two.Mean),
            RoundRules.Proposal(one), RoundRules.Proposal(two), "Đề nghị UBND tỉnh công nhận 4 sao", "Đề nghị UBND tỉnh công nhận 3 sao",
            Justification, "Đạt 4 sao: 1 sản phẩm", "Đạt 3 sao: 1 sản phẩm", "Không công nhận: 0 sản phẩm",
            "Tiềm năng 5 sao (đề nghị Bộ Nông nghiệp và Môi trường đánh giá, công nhận): 0 sản phẩm",
            "Chủ tịch Hội đồng chưa chốt kết quả", "CHỦ TỊCH HỘI ĐỒNG", "THƯ KÝ");
        Assert.Contains(Flat($"{Product1}{Producer1}65{CouncilRecords.Mean(one.Mean)}778710"), Flat(text), StringComparison.Ordinal);
        Assert.Contains(Flat($"{Product2}{Producer2}64{CouncilRecords.Mean(two.Mean)}658116(*)"), Flat(text), StringComparison.Ordinal);
        Assert.DoesNotContain("★", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_conflicted_chairs_copy_leaves_out_that_product_the_secretarys_does_not()
    {
        var f = await SeedAsync(RoundStatus.Finalised);

        var chairs = await PdfTextAsync(await f.Chair.Client.GetAsync(Minutes(f.RoundId)), "bien-ban-chu-tich.pdf");
        var secretarys = await PdfTextAsync(await f.Secretary.Client.GetAsync(Minutes(f.RoundId)), "bien-ban-thu-ky.pdf");

        AssertHas(chairs, Product1, "82,20", "Bản này cấp cho Nguyễn Văn Chính; không gồm 1 sản phẩm", "Đạt 3 sao: 0 sản phẩm",
            "Kết quả đã được Chủ tịch Hội đồng chốt ngày 16/06/2026");
        AssertHasNot(chairs, Product2, Producer2, "71,25", Justification);
        AssertHas(secretarys, Product1, Product2, "71,25", Justification);
        AssertHasNot(secretarys, "Bản này cấp cho");
    }

    [Fact]
    public async Task Written_opinion_minutes_say_so_and_list_who_sent_opinions()
    {
        var f = await SeedAsync(mode: RoundMode.WrittenOpinion);

        var text = await PdfTextAsync(await f.Office.GetAsync(Minutes(f.RoundId)), "bien-ban-van-ban.pdf");

        AssertHas(text, "Tổng hợp ý kiến bằng văn bản", "lấy ý kiến bằng văn bản", "Hạn gửi ý kiến: ngày 12/06/2026",
            "Các thành viên đã gửi ý kiến: Nguyễn Văn Chính, Trần Thị Hạnh, Lê Hoàng Phúc, Phạm Thị Ngọc Ánh, Võ Minh Tuấn.",
            "Đã gửi ý kiến", "Không chấm điểm", "số thành viên gửi ý kiến: 5", "82,20", "71,25");
        AssertHasNot(text, "Vắng mặt:", "Thời gian: ngày");
    }

    // ---------------------------------------------------------------- scoring sheet

    [Fact]
    public async Task A_sheet_prints_every_option_the_choice_the_points_and_the_members_name()
    {
        var f = await SeedAsync(RoundStatus.Scoring);
        var member = f.Members[0];

        var response = await member.Client.GetAsync(SheetUrl(f.RoundId, f.Entry1, member.SeatId));
        var text = await PdfTextAsync(response, "phieu-cham.pdf");

        var total = await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OcopDbContext>();
            var sheet = await db.ScoreSheets.AsNoTracking().Include(s => s.Answers).SingleAsync(s => s.RoundEntryId == f.Entry1 && s.SeatId == member.SeatId);
            var set = await db.CriteriaSets.AsNoTracking().AsSplitQuery().Include(s => s.Nodes).ThenInclude(n => n.Options)
                .SingleAsync(s => s.Id == db.Dossiers.Where(d => d.Id == db.RoundEntries.Where(e => e.Id == f.Entry1).Select(e => e.DossierId).Single()).Select(d => d.CriteriaSetId).Single());
            return SheetScoring.Score(SheetDefinition.From(set), CouncilRounds.ToAnswers(sheet)).Total;
        });
        Assert.Equal(84m, total);
        AssertHas(text, "PHIẾU ĐÁNH GIÁ, CHẤM ĐIỂM SẢN PHẨM OCOP", "Bộ tiêu chí số 6", $"Tên sản phẩm: {Product1}", $"Chủ thể: {Producer1}",
            $"Số hồ sơ: {f.Number1}", "Thành viên chấm điểm: Trần Thị Hạnh – Thành viên; cơ quan, đơn vị: Sở Công Thương",
            "PHẦN A. SẢN PHẨM VÀ SỨC MẠNH CỘNG ĐỒNG", $"{f.ChosenLabel} (3 điểm)[x]", "[ ]", Comment,
            "Tổng điểm: 84/100 điểm.", "Hạng sao theo phiếu này: 4 sao", "Trường hợp loại, dừng đánh giá:", "Không phát hiện",
            "THÀNH VIÊN", "Trần Thị Hạnh", "Cần Thơ, ngày 10 tháng 06 năm 2026");
        Assert.Equal(f.CriteriaCount + 1, Regex.Count(Flat(text), Regex.Escape("[x]"))); // one per criterion, one in the legend
    }

    [Fact]
    public async Task Sheets_open_to_the_office_and_chair_only_after_closing_and_never_to_the_conflicted()
    {
        var f = await SeedAsync(RoundStatus.Scoring);
        var (m1, m2) = (f.Members[0], f.Members[1]);
        var sheet1 = SheetUrl(f.RoundId, f.Entry1, m1.SeatId);

        Assert.Equal(HttpStatusCode.OK, (await m1.Client.GetAsync(sheet1)).StatusCode);
        foreach (var client in new[] { f.Office, f.Chair.Client, f.Secretary.Client, m2.Client })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(sheet1)).StatusCode);
        }

        await SetStatusAsync(f.RoundId, RoundStatus.Closed);

        foreach (var client in new[] { m1.Client, f.Office, f.Chair.Client, f.Secretary.Client })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(sheet1)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await m2.Client.GetAsync(sheet1)).StatusCode); // another plain member
        var product2 = SheetUrl(f.RoundId, f.Entry2, m1.SeatId);
        Assert.Equal(HttpStatusCode.NotFound, (await f.Chair.Client.GetAsync(product2)).StatusCode); // the chair is conflicted on product 2
        Assert.Equal(HttpStatusCode.NotFound, (await f.Chair.Client.GetAsync(SheetUrl(f.RoundId, f.Entry2, f.Chair.SeatId))).StatusCode);
        var text = await PdfTextAsync(await f.Secretary.Client.GetAsync(product2), "phieu-cham-sp2.pdf");
        AssertHas(text, Product2, "Tổng điểm: 65/100 điểm.", "Hạng sao theo phiếu này: 3 sao");

        // unknown seat, entry of another round, a draft: 404
        Assert.Equal(HttpStatusCode.NotFound, (await f.Office.GetAsync(SheetUrl(f.RoundId, f.Entry1, 999_999))).StatusCode);
        var other = await SeedAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await f.Office.GetAsync(SheetUrl(f.RoundId, other.Entry1, other.Members[0].SeatId))).StatusCode);
        await factory.WithDbAsync(async db =>
        {
            var draft = await db.ScoreSheets.SingleAsync(s => s.RoundEntryId == f.Entry1 && s.SeatId == m2.SeatId);
            draft.Status = SheetStatus.Draft;
            await db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.NotFound, (await m2.Client.GetAsync(SheetUrl(f.RoundId, f.Entry1, m2.SeatId))).StatusCode);
    }

    // ---------------------------------------------------------------- workbook

    [Fact]
    public async Task The_workbook_has_a_row_per_product_member_and_criterion_and_a_summary_per_product()
    {
        var f = await SeedAsync();
        var (one, two) = (await ExpectedAsync(f.Entry1), await ExpectedAsync(f.Entry2));

        var response = await f.Office.GetAsync(Export(f.RoundId));
        var (detail, summary) = await WorkbookAsync(response);

        Assert.Equal($"ket-qua-dot-1-2026-r{f.RoundId}.xlsx", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        Assert.Equal((5 + 4) * f.CriteriaCount, detail.Count); // product 2: four members, the conflicted chair's sheet left out
        Assert.Equal(5 * f.CriteriaCount, detail.Count(r => (string?)r["Sản phẩm"] == Product1));
        Assert.DoesNotContain(detail, r => (string?)r["Sản phẩm"] == Product2 && (string?)r["Thành viên"] == "Nguyễn Văn Chính");
        Assert.Equal(f.CriteriaCount, detail.Count(r => (string?)r["Sản phẩm"] == Product1 && (string?)r["Thành viên"] == "Nguyễn Văn Chính"));
        var first = detail.Single(r => (string?)r["Sản phẩm"] == Product1 && (string?)r["Thành viên"] == "Trần Thị Hạnh" && (string?)r["Mã tiêu chí"] == "1.1");
        Assert.Equal(
            ["Đợt 1 năm 2026", f.Number1, Producer1, "Sở Công Thương", "Nguồn nguyên liệu", f.ChosenLabel, Comment, "Có"],
            new[] { "Đợt đánh giá", "Số hồ sơ", "Chủ thể", "Cơ quan, đơn vị", "Tiêu chí", "Phương án chọn", "Nhận xét", "Tính vào kết quả" }.Select(k => (string?)first[k]));
        Assert.StartsWith("Bộ số 6 – ", (string?)first["Bộ tiêu chí"], StringComparison.Ordinal);
        Assert.Equal(3m, Number(first["Điểm"]));
        Assert.Equal(84m, detail.Where(r => (string?)r["Sản phẩm"] == Product1 && (string?)r["Thành viên"] == "Trần Thị Hạnh").Sum(r => Number(r["Điểm"])));

        Assert.Equal([Product1, Product2], summary.Select(r => (string?)r["Sản phẩm"]));
        var (s1, s2) = (summary[0], summary[1]);
        Assert.Equal((5m, one.Mean, one.Min, one.Max, one.Spread), (Number(s1["Số phiếu hợp lệ"]), Number(s1["Điểm trung bình"]), Number(s1["Thấp nhất"]), Number(s1["Cao nhất"]), Number(s1["Chênh lệch"])));
        Assert.Equal((4m, 71.25m, 16m), (Number(s2["Số phiếu hợp lệ"]), Number(s2["Điểm trung bình"]), Number(s2["Chênh lệch"])));
        Assert.Equal(("4 sao", RoundRules.Proposal(one)), ((string?)s1["Hạng sao"], (string?)s1["Đề xuất"]));
        Assert.Equal(("3 sao", RoundRules.Proposal(two)), ((string?)s2["Hạng sao"], (string?)s2["Đề xuất"]));
        Assert.Contains(Justification, (string?)s2["Lưu ý"], StringComparison.Ordinal);
        Assert.Contains("chưa đạt mức tối thiểu của tiêu chí 4.1", (string?)s2["Lưu ý"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_conflicted_chairs_workbook_has_no_row_of_that_product()
    {
        var f = await SeedAsync();

        var (detail, summary) = await WorkbookAsync(await f.Chair.Client.GetAsync(Export(f.RoundId)));

        Assert.Equal(5 * f.CriteriaCount, detail.Count);
        Assert.All(detail, r => Assert.Equal(Product1, (string?)r["Sản phẩm"]));
        Assert.Equal([Product1], summary.Select(r => (string?)r["Sản phẩm"]));

        // conflicted on every product: an empty workbook (headers only) and minutes without results
        await factory.WithDbAsync(async db =>
        {
            db.ConflictDeclarations.Add(new ConflictDeclaration
            {
                RoundEntryId = f.Entry1,
                SeatId = f.Chair.SeatId,
                Conflicted = true,
                Ground = ConflictGround.Professional,
                DeclaredAt = DateTimeOffset.UtcNow,
                DeclaredByUserId = f.Chair.UserId,
            });
            await db.SaveChangesAsync();
        });
        var (none, noSummary) = await WorkbookAsync(await f.Chair.Client.GetAsync(Export(f.RoundId)));
        Assert.Empty(none);
        Assert.Empty(noSummary);
        var minutes = await PdfTextAsync(await f.Chair.Client.GetAsync(Minutes(f.RoundId)), "bien-ban-xung-dot-tat-ca.pdf");
        AssertHas(minutes, "Không có sản phẩm.", "không gồm 2 sản phẩm", "Tổng số sản phẩm được đánh giá: 0");
        AssertHasNot(minutes, Product1, Product2);
    }

    // ---------------------------------------------------------------- who gets what

    [Fact]
    public async Task Before_closing_minutes_and_workbook_are_404_for_everyone()
    {
        var f = await SeedAsync(RoundStatus.Scoring);

        foreach (var client in new[] { f.Office, f.Chair.Client, f.Secretary.Client, f.Members[0].Client })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Minutes(f.RoundId))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Export(f.RoundId))).StatusCode);
        }

        await SetStatusAsync(f.RoundId, RoundStatus.Preparing);
        Assert.Equal(HttpStatusCode.NotFound, (await f.Office.GetAsync(Minutes(f.RoundId))).StatusCode);
    }

    [Fact]
    public async Task Plain_members_other_councils_and_producers_are_refused()
    {
        var f = await SeedAsync();
        var outsiderId = await UserAsync(Roles.CouncilChair);
        await factory.WithDbAsync(async db =>
        {
            db.Councils.Add(new Council
            {
                Name = "Hội đồng khác",
                DecisionNumber = "99/QĐ-UBND",
                DecisionDate = new DateOnly(2026, 1, 5),
                CreatedAt = DateTimeOffset.UtcNow,
                Seats = [new CouncilSeat { UserId = outsiderId, FullName = "Người ngoài Hội đồng", Agency = "Sở Tài chính", Role = SeatRole.Chair, SortOrder = 1 }],
            });
            await db.SaveChangesAsync();
        });
        var outsider = await PersonAsync(outsiderId, 0, "Người ngoài Hội đồng");
        var producer = factory.CreatePortalClient();
        await producer.SignInAsync(await factory.CreateUserAsync(Roles.Producer));
        string[] urls = [Minutes(f.RoundId), Export(f.RoundId), SheetUrl(f.RoundId, f.Entry1, f.Members[0].SeatId)];

        foreach (var url in urls)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.Client.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await producer.GetAsync(url)).StatusCode);
            var anonymous = await factory.CreatePortalClient().GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
            Assert.StartsWith("/account/login", anonymous.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await f.Members[1].Client.GetAsync(Minutes(f.RoundId))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await f.Members[1].Client.GetAsync(Export(f.RoundId))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await f.Office.GetAsync(Minutes(999_999))).StatusCode);
    }
}
