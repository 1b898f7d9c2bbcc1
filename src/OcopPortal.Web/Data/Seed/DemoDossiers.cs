using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OcopPortal.Web.Domain;
using OcopPortal.Web.Domain.Calendar;
using OcopPortal.Web.Domain.Dossiers;
using OcopPortal.Web.Domain.Producers;
using OcopPortal.Web.Domain.Rating;
using OcopPortal.Web.Domain.Rules;
using OcopPortal.Web.Features.Dossiers;
using OcopPortal.Web.Features.Producers;
using OcopPortal.Web.Features.Rules;
using OcopPortal.Web.Infrastructure.Files;
using OcopPortal.Web.Infrastructure.Notifications;
using OcopPortal.Web.Infrastructure.Pdf;
using OcopPortal.Web.Infrastructure.Web;
using SkiaSharp;

namespace OcopPortal.Web.Data.Seed;

/// <summary>
/// The demo province's dossiers: one per demo product, together covering every <see cref="DossierStatus"/>, each
/// with the history that led there (<see cref="Scripts"/>). Slots come from the real checklist
/// (<see cref="DossierService.SyncSlots"/>) of the criteria set in force, required documents are real small PDFs
/// and PNGs, self-assessments are scored by the rating engine, and every scripted step is checked against
/// <see cref="DossierWorkflow"/>. Dates are relative to today, so the overdue dossier is always overdue. The demo
/// commune officer covers every demo commune, so one account shows the commune's whole job. Idempotent: a product
/// that has any dossier is left alone, so a dossier the newcomer moved on is never reset.
/// </summary>
public sealed class DemoDossiers(
    OcopDbContext db, UserManager<AppUser> users, CurrentRules rules, WorkingDays workingDays, PdfRenderer pdf,
    IWebHostEnvironment env, IOptions<PortalOptions> portal, TimeProvider clock, ILogger<DemoDossiers> log)
{
    public const string OfficeEmail = "vanphong@demo.ocop.vn";
    public const string CommuneOfficerEmail = "xa.phuloc@demo.ocop.vn";

    /// <summary>One scripted step: what happened, how many days ago, and what was said.</summary>
    /// <param name="Slots">Slot keys a supplement request names.</param>
    /// <param name="DueInDays">A supplement request's time limit, in calendar days.</param>
    public sealed record Step(DossierEventKind Kind, int DaysAgo, string? Message = null, string[]? Slots = null, int DueInDays = 0);

    /// <summary>The commune's Mẫu 03 for a dossier that got past the commune.</summary>
    public sealed record Assessment(string RawMaterialOrigin, string LocalLabour, string IdeaOrigin, string LocalIdentity, string Conclusion);

    /// <summary>A demo product's dossier. The first step is always <see cref="DossierEventKind.Created"/>.</summary>
    /// <param name="DraftFiles">For a draft: the slots the producer has filled so far.</param>
    /// <param name="Round">
    /// For an accepted dossier the demo council takes on (<see cref="DemoCouncil"/>): 1, evaluated in the finalised
    /// round; 2, in the round being scored. The script ends at acceptance; the council's seeder moves it on.
    /// </param>
    public sealed record Script(
        string TaxCode, DossierKind Kind, int TargetStars, string BusinessResults, string FuturePlan, Assessment? Assessment, Step[] Steps,
        string[]? DraftFiles = null, string? ChangesSinceRecognition = null, string? PreviousCertificateNumber = null, int Round = 0)
    {
        public DossierStatus Status => Round switch
        {
            DemoCouncil.FinalisedRound => DossierStatus.Evaluated,
            DemoCouncil.ScoringRound => DossierStatus.InEvaluation,
            _ => StatusOfSteps,
        };

        /// <summary>Where the scripted steps leave the dossier.</summary>
        public DossierStatus StatusOfSteps => Steps[^1].Kind switch
        {
            DossierEventKind.Created => DossierStatus.Draft,
            DossierEventKind.Submitted or DossierEventKind.CommuneAssessed => DossierStatus.AtCommune,
            DossierEventKind.Forwarded or DossierEventKind.Resubmitted => DossierStatus.AtProvince,
            DossierEventKind.SupplementRequested => DossierStatus.SupplementRequested,
            DossierEventKind.Accepted => DossierStatus.Accepted,
            DossierEventKind.Rejected => DossierStatus.Rejected,
            _ => DossierStatus.Withdrawn,
        };
    }

    public static readonly IReadOnlyList<Script> Scripts =
    [
        // Chị Lan's own product: a draft with half the papers in, for the newcomer to finish, self-assess and submit.
        new("1800000001", DossierKind.FirstEvaluation, 3,
            "Nguyên liệu đậu xanh, sầu riêng Ri6 và trứng vịt muối mua của các hộ trong xã; làm thủ công 300–400 hộp mỗi tháng, dịp Trung thu gấp ba; "
            + "bán tại cửa hàng gia đình, các tiệm quà đặc sản ở Sóc Trăng và qua Zalo, Facebook; doanh thu năm 2025 khoảng 620 triệu đồng.",
            "Đăng ký nhãn hiệu «Bánh pía Lan», thiết kế lại hộp giấy có mã QR truy xuất nguồn gốc, đưa sản phẩm vào các cửa hàng đặc sản tại Cần Thơ.",
            null, [new(DossierEventKind.Created, 12)],
            DraftFiles: ["business-registration", "food-safety", "quality-declaration", "label"]),

        new("1800000002", DossierKind.FirstEvaluation, 3,
            "Liên kết 45 hộ với 120 ha lúa ST25 theo quy trình VietGAP; sản lượng gạo năm 2025 khoảng 480 tấn, doanh thu 9,6 tỷ đồng; "
            + "tiêu thụ qua đại lý tại Cần Thơ, Thành phố Hồ Chí Minh và sàn thương mại điện tử.",
            "Nâng diện tích liên kết lên 200 ha, đầu tư máy đóng gói hút chân không, xây dựng nhãn hiệu tập thể cho gạo của hợp tác xã.",
            null, [new(DossierEventKind.Created, 16), new(DossierEventKind.Submitted, 4)]),

        // Submitted a month ago and not yet checked: past the commune's 15 working days.
        new("1800000003", DossierKind.FirstEvaluation, 4,
            "Ủ chượp trong 40 thùng gỗ, sản lượng khoảng 36.000 lít mỗi năm; bán lẻ tại cơ sở và qua các cửa hàng đặc sản ở Sóc Trăng, Cần Thơ; "
            + "doanh thu năm 2025 khoảng 1,8 tỷ đồng.",
            "Xây nhà ủ chượp đạt chuẩn, đăng ký mã số mã vạch, mở rộng kênh bán qua siêu thị và sàn thương mại điện tử.",
            null, [new(DossierEventKind.Created, 41), new(DossierEventKind.Submitted, 30)]),

        new("1800000004", DossierKind.FirstEvaluation, 4,
            "Công suất 8 tấn trà thành phẩm mỗi năm; sản phẩm có mặt tại 40 điểm bán và 3 sàn thương mại điện tử; doanh thu năm 2025 đạt 5,2 tỷ đồng.",
            "Đầu tư dây chuyền sấy lạnh thứ hai, phát triển dòng trà mãng cầu hòa tan, tìm đối tác xuất khẩu sang Hàn Quốc.",
            new("Trái mãng cầu xiêm thu mua từ 25 hộ trồng trên địa bàn xã Cù Lao Dung, có hợp đồng liên kết; chiếm trên 90 % nguyên liệu.",
                "Công ty sử dụng 22 lao động, trong đó 19 người là lao động địa phương.",
                "Tận dụng mãng cầu xiêm rớt giá của bà con, phát triển thành trà túi lọc sấy lạnh.",
                "Gắn với vùng mãng cầu xiêm trên cù lao ven biển, đất phù sa nhiễm mặn nhẹ cho trái thơm, vị chua thanh.",
                "Sản phẩm có nguồn gốc rõ ràng, sử dụng nguyên liệu và lao động địa phương. Đề nghị Văn phòng Điều phối OCOP thành phố tiếp nhận, đánh giá."),
            [new(DossierEventKind.Created, 58), new(DossierEventKind.Submitted, 44), new(DossierEventKind.CommuneAssessed, 35), new(DossierEventKind.Forwarded, 34)]),

        // The whole road: upgrade, supplement, resubmission, accepted (and old file versions kept in the slots).
        new("1800000005", DossierKind.Upgrade, 4,
            "Vùng trồng 12 ha bưởi năm roi trên đất cù lao, liên kết 18 hộ; sản lượng năm 2025 khoảng 260 tấn, doanh thu 4,1 tỷ đồng; "
            + "bán qua siêu thị, chợ đầu mối và sàn thương mại điện tử.",
            "Mở rộng vùng trồng VietGAP lên 20 ha, đăng ký chỉ dẫn địa lý, xây kho sơ chế và bảo quản lạnh, hướng tới xuất khẩu sang châu Âu.",
            new("Bưởi trồng tại vườn của trang trại và 18 hộ liên kết trên địa bàn xã Phong Điền; có sổ ghi chép vùng trồng.",
                "Sử dụng 14 lao động thường xuyên là người địa phương và khoảng 30 lao động thời vụ khi thu hoạch.",
                "Phát triển từ giống bưởi năm roi truyền thống của vùng cù lao, cải tiến khâu đóng gói và truy xuất nguồn gốc.",
                "Gắn với vùng cây ăn trái đặc sản Phong Điền và mô hình du lịch miệt vườn.",
                "Hồ sơ đầy đủ, thông tin trung thực. Đề nghị Văn phòng Điều phối OCOP thành phố xem xét, đánh giá nâng hạng lên 4 sao."),
            [
                new(DossierEventKind.Created, 152), new(DossierEventKind.Submitted, 141), new(DossierEventKind.CommuneAssessed, 132),
                new(DossierEventKind.Forwarded, 131),
                new(DossierEventKind.SupplementRequested, 122,
                    "Bản chụp giấy chứng nhận đăng ký kinh doanh bị mờ, không đọc được mã số; phiếu kết quả kiểm nghiệm đã quá 12 tháng, đề nghị nộp phiếu mới.",
                    ["business-registration", "test-report"], 15),
                new(DossierEventKind.Resubmitted, 113, "Đã nộp bản chụp rõ giấy chứng nhận và phiếu kiểm nghiệm mới."),
                new(DossierEventKind.Accepted, 107),
            ],
            ChangesSinceRecognition: "Đạt chứng nhận VietGAP cho 12 ha vườn (2025); in mã QR truy xuất nguồn gốc trên từng trái; thêm 2 điểm bán tại siêu thị "
                + "ở Cần Thơ và hợp đồng bao tiêu với một công ty xuất nhập khẩu trái cây.",
            PreviousCertificateNumber: "1520/QĐ-UBND"),

        new("1800000006", DossierKind.FirstEvaluation, 3,
            "Sản xuất khoảng 1,5 tấn lạp xưởng mỗi tháng, cao điểm dịp Tết; bán sỉ cho các cửa hàng đặc sản và bán lẻ qua mạng xã hội; "
            + "doanh thu năm 2025 khoảng 2,4 tỷ đồng.",
            "Cải tạo khu chế biến theo nguyên tắc một chiều, đầu tư tủ sấy thay phơi nắng khi trời mưa, đăng ký nhãn hiệu.",
            new("Thịt heo mua từ các trại chăn nuôi trong phường Vĩnh Châu và lân cận, có giấy kiểm dịch; rượu, đường mua tại địa phương.",
                "Cơ sở hộ gia đình với 6 lao động địa phương, trong đó 4 người là đồng bào Khmer.",
                "Công thức lạp xưởng tươi của gia đình, phát triển từ nghề làm lạp xưởng truyền thống của Vĩnh Châu.",
                "Lạp xưởng Vĩnh Châu là đặc sản được biết đến của vùng; phơi nắng tự nhiên theo cách làm truyền thống.",
                "Hồ sơ cơ bản đầy đủ; đề nghị tỉnh kiểm tra kỹ phiếu kiểm nghiệm và nhãn sản phẩm trước khi đánh giá."),
            [
                new(DossierEventKind.Created, 49), new(DossierEventKind.Submitted, 40), new(DossierEventKind.CommuneAssessed, 31),
                new(DossierEventKind.Forwarded, 30),
                new(DossierEventKind.SupplementRequested, 5,
                    "Phiếu kết quả kiểm nghiệm chưa có chỉ tiêu nitrit, nitrat theo bản tự công bố; ảnh nhãn thiếu ngày sản xuất, hạn sử dụng và hướng dẫn bảo quản.",
                    ["test-report", "label"], 14),
            ]),

        new("1800000007", DossierKind.FirstEvaluation, 3,
            "12 hộ dân trên cồn tham gia đón khách; năm 2025 đón khoảng 18.000 lượt khách, doanh thu khoảng 3 tỷ đồng từ vé tham quan, ăn uống và trái cây vườn.",
            "Hoàn thiện bến xuồng và nhà vệ sinh đạt chuẩn, đào tạo hướng dẫn viên tại điểm, liên kết tour với các doanh nghiệp lữ hành ở Cần Thơ.",
            null,
            [
                new(DossierEventKind.Created, 75), new(DossierEventKind.Submitted, 66),
                new(DossierEventKind.Withdrawn, 60, "Rút hồ sơ để hoàn thiện phương án bảo đảm an toàn cho khách đi xuồng và nhà vệ sinh đạt chuẩn; sẽ nộp lại ở đợt sau."),
            ]),

        new("1800000008", DossierKind.FirstEvaluation, 3,
            "Nuôi 300 thùng ong trong rừng tràm, tự khai thác khoảng 6 tấn mật mỗi năm; tổng sản lượng bán ra khoảng 20 tấn; doanh thu năm 2025 khoảng 3,5 tỷ đồng.",
            "Mở rộng đàn ong lên 600 thùng, giảm dần tỷ lệ mật thu mua, đầu tư máy hạ thủy phần.",
            new("Hợp tác xã có 300 thùng ong nuôi trong rừng tràm tại xã; phần lớn mật ong thành phẩm được thu mua thêm từ các tỉnh khác.",
                "Hợp tác xã có 11 thành viên và 8 lao động thời vụ là người địa phương.",
                "Nghề nuôi ong lấy mật trong rừng tràm của các thành viên hợp tác xã.",
                "Mật ong hoa tràm gắn với vùng rừng tràm Kế Sách.",
                "Xác nhận các thông tin trong hồ sơ; lưu ý tỷ lệ nguyên liệu thu mua ngoài địa phương cao. Chuyển tỉnh xem xét."),
            [
                new(DossierEventKind.Created, 98), new(DossierEventKind.Submitted, 90), new(DossierEventKind.CommuneAssessed, 82),
                new(DossierEventKind.Forwarded, 81),
                new(DossierEventKind.Rejected, 74,
                    "Mật ong chủ yếu thu mua từ các tỉnh khác (khoảng 70 % sản lượng), không chứng minh được vùng nguyên liệu tại địa phương; bản tự công bố "
                    + "chất lượng ghi tên và chỉ tiêu của một sản phẩm khác. Chủ thể có thể lập hồ sơ mới khi đã hoàn thiện vùng nguyên liệu."),
            ]),

        // Accepted long ago and evaluated by the council in its finalised round (DemoCouncil). Acceptance is dated well before
        // any possible date of that round (the previous half-year's round), whatever today is.
        new("1800000009", DossierKind.FirstEvaluation, 3,
            "Sản xuất khoảng 4 tấn khô cá lóc mỗi năm từ cá nuôi của gia đình và 6 hộ liên kết; bán tại chợ Thới Lai, các cửa hàng đặc sản ở Cần Thơ "
            + "và qua mạng xã hội; doanh thu năm 2025 khoảng 1,6 tỷ đồng.",
            "Đầu tư nhà phơi có mái che bằng tấm lợp lấy sáng, máy hút chân không thứ hai, đăng ký nhãn hiệu «Út Hiền».",
            new("Cá lóc nuôi trong ao đất của gia đình và 6 hộ liên kết trên địa bàn xã Thới Lai; muối, đường mua tại địa phương.",
                "Cơ sở có 7 lao động, đều là người địa phương, phần lớn là phụ nữ.",
                "Phát triển từ nghề làm khô cá đồng truyền thống của gia đình.",
                "Khô cá lóc một nắng là đặc sản quen thuộc của vùng đồng bằng; phơi trên giàn tre theo cách làm truyền thống.",
                "Hồ sơ đầy đủ, nguyên liệu và lao động tại địa phương. Đề nghị Văn phòng Điều phối OCOP thành phố tiếp nhận, đánh giá."),
            [
                new(DossierEventKind.Created, 330), new(DossierEventKind.Submitted, 318), new(DossierEventKind.CommuneAssessed, 309),
                new(DossierEventKind.Forwarded, 308), new(DossierEventKind.Accepted, 296),
            ],
            Round: DemoCouncil.FinalisedRound),

        new("1800000010", DossierKind.FirstEvaluation, 4,
            "Hợp tác xã có 32 thành viên, sản xuất khoảng 90 tấn bánh tráng rế mỗi năm; bán cho các nhà hàng, siêu thị ở Cần Thơ, Thành phố Hồ Chí Minh "
            + "và xuất khẩu ủy thác sang Úc; doanh thu năm 2025 khoảng 6,3 tỷ đồng.",
            "Xây xưởng tráng bánh khép kín đạt chuẩn HACCP, đăng ký mã vạch và nhãn hiệu tập thể, mở rộng xuất khẩu trực tiếp.",
            new("Gạo mua từ các cánh đồng lớn của phường Thuận Hưng và lân cận; có hợp đồng với 2 hợp tác xã lúa gạo.",
                "32 thành viên và khoảng 40 lao động địa phương làm theo mùa vụ.",
                "Phát triển từ làng nghề bánh tráng truyền thống Thuận Hưng.",
                "Bánh tráng Thuận Hưng gắn với làng nghề hơn 100 năm bên sông Ô Môn.",
                "Hồ sơ đầy đủ, sản phẩm có thị trường ổn định. Đề nghị thành phố đánh giá, phân hạng 4 sao."),
            [
                new(DossierEventKind.Created, 325), new(DossierEventKind.Submitted, 316), new(DossierEventKind.CommuneAssessed, 306),
                new(DossierEventKind.Forwarded, 305), new(DossierEventKind.Accepted, 294),
            ],
            Round: DemoCouncil.FinalisedRound),

        // Accepted a month ago and now being scored (DemoCouncil's round in progress).
        new("1800000011", DossierKind.FirstEvaluation, 4,
            "Công suất 60 tấn chuối sấy mỗi năm; nguyên liệu từ 80 ha chuối xiêm liên kết; có mặt tại 2 chuỗi siêu thị và 4 sàn thương mại điện tử; "
            + "doanh thu năm 2025 khoảng 7,8 tỷ đồng.",
            "Đầu tư dây chuyền sấy thăng hoa, phát triển sản phẩm chuối sấy giòn, xuất khẩu sang Nhật Bản.",
            new("Chuối xiêm thu mua theo hợp đồng từ 80 ha của các hộ trong xã Hỏa Lựu và lân cận.",
                "Công ty có 35 lao động, trong đó 31 người là lao động địa phương.",
                "Tận dụng chuối xiêm chín cây bị ép giá mùa thu hoạch rộ, sấy dẻo không đường.",
                "Gắn với vùng chuyên canh chuối xiêm trên đất phèn Hậu Giang cũ.",
                "Hồ sơ đầy đủ; đề nghị thành phố đánh giá, phân hạng."),
            [
                new(DossierEventKind.Created, 60), new(DossierEventKind.Submitted, 52), new(DossierEventKind.CommuneAssessed, 44),
                new(DossierEventKind.Forwarded, 43), new(DossierEventKind.Accepted, 30),
            ],
            Round: DemoCouncil.ScoringRound),

        new("1800000012", DossierKind.FirstEvaluation, 3,
            "Tổ có 15 thành viên, sên khoảng 6 tấn mứt khóm mỗi năm, cao điểm dịp Tết; bán tại các điểm du lịch và cửa hàng đặc sản; doanh thu năm 2025 "
            + "khoảng 900 triệu đồng.",
            "Thay bao bì hũ nhựa bằng hũ thủy tinh có nhãn song ngữ, đăng ký tự công bố cho dòng mứt khóm ít đường.",
            new("Khóm Queen của các thành viên tổ trồng trên đất phèn tại phường Vị Thanh.",
                "15 thành viên, đều là người địa phương; 9 người là đồng bào Khmer.",
                "Công thức mứt khóm sên tay của chị em trong tổ, truyền từ các gia đình Khmer trong vùng.",
                "Khóm Vị Thanh là đặc sản của vùng đất phèn Hậu Giang.",
                "Xác nhận thông tin trong hồ sơ; đề nghị thành phố đánh giá."),
            [
                new(DossierEventKind.Created, 58), new(DossierEventKind.Submitted, 50), new(DossierEventKind.CommuneAssessed, 42),
                new(DossierEventKind.Forwarded, 41), new(DossierEventKind.Accepted, 29),
            ],
            Round: DemoCouncil.ScoringRound),
    ];

    private static readonly Dictionary<DossierEventKind, Transition> Transitions = DossierWorkflow.All.ToDictionary(t => t.Event);

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().Date);

    /// <summary>Assigns the demo commune officer, then adds the dossiers (and their notifications) of products that have none.</summary>
    public async Task SeedAsync(CancellationToken ct)
    {
        var cast = new Cast(
            await users.FindByEmailAsync(CommuneOfficerEmail) ?? throw new InvalidOperationException($"{CommuneOfficerEmail} is missing."),
            await users.FindByEmailAsync(OfficeEmail) ?? throw new InvalidOperationException($"{OfficeEmail} is missing."),
            await rules.IdAsync(ct),
            await db.Provinces.Where(p => p.Code == portal.Value.ProvinceCode).Select(p => p.FullName).SingleAsync(ct));
        var added = 0;
        await db.InTransactionAsync(async () =>
        {
            await AssignCommunesAsync(cast.Officer, ct);
            // Oldest submission first, so receiving numbers grow with time within a commune.
            foreach (var script in Scripts.OrderByDescending(s => s.Steps[0].DaysAgo))
            {
                added += await SeedAsync(script, cast, ct) ? 1 : 0;
            }
        }, ct);

        if (added > 0)
        {
            log.LogInformation("Demo dossiers created: {Count}", added);
        }
    }

    /// <summary>The people who act on the demo dossiers, and what every dossier pins.</summary>
    private sealed record Cast(AppUser Officer, AppUser Office, int RuleSetId, string ProvinceName);

    /// <summary>Only when the officer has no commune yet: an admin's later changes on the staff communes page are kept.</summary>
    private async Task AssignCommunesAsync(AppUser officer, CancellationToken ct)
    {
        if (await db.StaffCommunes.AnyAsync(s => s.UserId == officer.Id, ct))
        {
            return;
        }

        foreach (var code in DemoProducers.All.Select(p => p.CommuneCode).Distinct())
        {
            db.StaffCommunes.Add(new StaffCommune { UserId = officer.Id, CommuneCode = code });
        }

        await db.SaveChangesAsync(ct);
    }

    private async Task<bool> SeedAsync(Script script, Cast cast, CancellationToken ct)
    {
        var name = DemoProducers.Products.Single(p => p.TaxCode == script.TaxCode).Name;
        var producer = await db.Set<Producer>().AsNoTracking().SingleAsync(p => p.TaxCode == script.TaxCode, ct);
        var product = await db.Set<Product>().AsNoTracking().SingleAsync(p => p.ProducerId == producer.Id && p.Name == name, ct);
        if (await db.Dossiers.AnyAsync(d => d.ProductId == product.Id, ct))
        {
            return false;
        }

        var set = await db.LoadSheetAsync(cast.RuleSetId, product.CriteriaSetNumber, ct)
            ?? throw new InvalidOperationException($"Criteria set {product.CriteriaSetNumber} is missing from the rule set in force.");
        var sheet = SheetDefinition.From(set);
        var owner = producer.OwnerUserId is null ? null : await users.FindByIdAsync(producer.OwnerUserId);
        var actors = new Dictionary<DossierActor, (string? Id, string Name)>
        {
            [DossierActor.Producer] = (owner?.Id, owner?.FullName ?? $"{producer.RepresentativeName} ({producer.Name})"),
            [DossierActor.Commune] = (cast.Officer.Id, cast.Officer.FullName),
            [DossierActor.Office] = (cast.Office.Id, cast.Office.FullName),
        };
        var commune = await db.Communes.Where(c => c.Code == producer.CommuneCode).Select(c => c.FullName).SingleAsync(ct);
        // "Ấp Nhơn Lộc 1, xã Phong Điền, thành phố Cần Thơ", as an address reads in running text.
        var paper = new Paper(producer, product, $"{producer.StreetAddress}, {LowerFirst(commune)}, {LowerFirst(cast.ProvinceName)}");

        var (created, _) = At(script.Steps[0].DaysAgo, DossierActor.Producer, 0);
        var d = new Dossier
        {
            ProducerId = producer.Id,
            ProductId = product.Id,
            CommuneCode = producer.CommuneCode,
            Kind = script.Kind,
            TargetStars = script.TargetStars,
            ChangesSinceRecognition = script.ChangesSinceRecognition,
            PreviousCertificateNumber = script.PreviousCertificateNumber,
            PreviousCertificateValidUntil = script.PreviousCertificateNumber is null ? null : Today.AddMonths(9),
            BusinessResults = script.BusinessResults,
            FuturePlan = script.FuturePlan,
            RuleSetId = set.RuleSetId,
            CriteriaSetId = set.Id,
            Status = DossierStatus.Draft,
            CreatedAt = created,
            UpdatedAt = created,
            Version = Guid.NewGuid(),
        };
        DossierService.SyncSlots(d, sheet);
        d.Events.Add(Event(DossierEventKind.Created, DossierStatus.Draft, DossierStatus.Draft, created, actors[DossierActor.Producer], null));
        db.Add(d);
        await db.SaveChangesAsync(ct); // the id: assessments and supplement requests refer to it

        // The papers uploaded while preparing: every required one before submission; the draft has some.
        var submitted = script.Steps.Length > 1 ? At(script.Steps[1].DaysAgo, DossierActor.Producer, 1).At : At(3, DossierActor.Producer, 1).At;
        var papers = script.DraftFiles is { } some
            ? d.Slots.Where(s => some.Contains(s.Key)).ToList()
            : d.Slots.Where(s => s.Required || (s.Key == "story" && product.Story is not null)).ToList();
        papers = [.. papers.OrderBy(s => s.SortOrder)];
        for (var i = 0; i < papers.Count; i++)
        {
            var at = created + ((submitted - created) * (i + 1) / (papers.Count + 1));
            AddFile(papers[i], null, paper, at, actors[DossierActor.Producer].Id);
        }

        d.UpdatedAt = submitted;
        if (script.Status != DossierStatus.Draft)
        {
            var answers = SampleSelfAssessment.Answers(sheet, script.TargetStars, product.Id);
            var result = SelfAssessmentScoring.Evaluate(set, DossierAnswers.ToInput(set, answers))
                ?? throw new InvalidOperationException("The sample answers do not fit their own sheet.");
            answers.ForEach(a => a.DossierId = d.Id);
            db.AddRange(answers);
            d.SelfAssessedTotal = result.Score.Total;
            d.SelfAssessedStars = result.Rating.Stars;
        }

        var previous = created;
        for (var i = 1; i < script.Steps.Length; i++)
        {
            previous = await ApplyAsync(d, script, script.Steps[i], i, previous, set, actors, paper, cast, ct);
        }

        d.Version = Guid.NewGuid();
        await db.SaveChangesAsync(ct);
        Notify(d, product, script, cast, owner);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>One scripted step, as the transition controllers would take it; returns when it happened.</summary>
    private async Task<DateTimeOffset> ApplyAsync(
        Dossier d, Script script, Step step, int index, DateTimeOffset previous, CriteriaSet set,
        Dictionary<DossierActor, (string? Id, string Name)> actors, Paper paper, Cast cast, CancellationToken ct)
    {
        var t = Transitions[step.Kind];
        if (!DossierWorkflow.Allows(t, d.Status, t.Actor))
        {
            throw new InvalidOperationException($"Demo dossier {script.TaxCode}: {step.Kind} is not allowed from {d.Status}.");
        }

        var (at, day) = At(step.DaysAgo, t.Actor, index);
        if (at <= previous)
        {
            at = previous.AddHours(2);
            day = DateOnly.FromDateTime(at.ToLocalTime().Date);
        }

        var message = step.Message;
        var open = d.Slots.Where(s => s.OpenForSupplement).OrderBy(s => s.SortOrder).ToList();
        switch (step.Kind)
        {
            case DossierEventKind.Submitted:
                d.SubmittedAt = at;
                d.CommuneDueOn = OcopDeadlines.CommuneCheckDeadline(workingDays, day, set.RuleSet!.CommuneCheckWorkingDays ?? OcopDeadlines.CommuneCheckWorkingDays);
                d.Number = await NumberAsync(d.CommuneCode, day.Year, ct);
                break;
            case DossierEventKind.CommuneAssessed:
                var a = script.Assessment ?? throw new InvalidOperationException($"Demo dossier {script.TaxCode} has no commune assessment text.");
                db.CommuneAssessments.Add(new CommuneAssessment
                {
                    DossierId = d.Id,
                    RawMaterialOrigin = a.RawMaterialOrigin,
                    LocalLabour = a.LocalLabour,
                    IdeaOrigin = a.IdeaOrigin,
                    LocalIdentity = a.LocalIdentity,
                    Conclusion = a.Conclusion,
                    OfficerName = cast.Officer.FullName,
                    OfficerUserId = cast.Officer.Id,
                    AssessedAt = at,
                });
                break;
            case DossierEventKind.Forwarded:
                d.ForwardedAt = at;
                break;
            case DossierEventKind.SupplementRequested:
                var named = d.Slots.Where(s => step.Slots!.Contains(s.Key)).OrderBy(s => s.SortOrder).ToList();
                named.ForEach(s => s.OpenForSupplement = true);
                var due = day.AddDays(step.DueInDays);
                d.SupplementDueOn = due;
                db.SupplementRequests.Add(new SupplementRequest
                {
                    DossierId = d.Id,
                    Message = step.Message!,
                    DueOn = due,
                    SlotTitles = string.Join("\n", named.Select(s => s.Title)),
                    RequestedAt = at,
                    RequestedByUserId = cast.Office.Id,
                });
                message = string.Create(CultureInfo.InvariantCulture, $"{step.Message} (Cần bổ sung: {string.Join("; ", named.Select(s => s.Title))}; hạn {due:dd/MM/yyyy}.)");
                break;
            case DossierEventKind.Resubmitted:
                await db.SaveChangesAsync(ct); // ids of the files being replaced
                var replacedAt = at.AddHours(-3);
                foreach (var slot in open)
                {
                    var old = slot.Files.Where(f => f.IsCurrent).OrderByDescending(f => f.VersionNumber).FirstOrDefault();
                    AddFile(slot, old, paper, replacedAt, actors[DossierActor.Producer].Id);
                }

                var requests = await db.SupplementRequests.Where(r => r.DossierId == d.Id && r.AnsweredAt == null).ToListAsync(ct);
                requests.ForEach(r => r.AnsweredAt = at);
                open.ForEach(s => s.OpenForSupplement = false);
                d.SupplementDueOn = null;
                break;
            case DossierEventKind.Rejected or DossierEventKind.Withdrawn:
                open.ForEach(s => s.OpenForSupplement = false);
                break;
        }

        d.Events.Add(Event(step.Kind, d.Status, t.To, at, actors[t.Actor], message));
        d.Status = t.To;
        d.UpdatedAt = at;
        return at;
    }

    /// <summary>The next receiving number of the commune's year, as <see cref="DossierService.SubmitAsync"/> gives it.</summary>
    private async Task<string> NumberAsync(string commune, int year, CancellationToken ct)
    {
        var suffix = "-" + year.ToString(CultureInfo.InvariantCulture);
        var sequence = await db.Dossiers.CountAsync(x => x.CommuneCode == commune && x.Number != null && x.Number.EndsWith(suffix), ct) + 1;
        return string.Create(CultureInfo.InvariantCulture, $"{sequence}/PĐK-{portal.Value.ProvinceCode}-{commune}-{year}");
    }

    /// <summary>What the people concerned were told last: the bell shows a count for each demo role that has work waiting.</summary>
    private void Notify(Dossier d, Product product, Script script, Cast cast, AppUser? owner)
    {
        var url = $"/dossiers/{d.Id}";
        var label = $"{d.Number} («{product.Name}»)";
        var now = clock.GetUtcNow();
        switch (script.Status)
        {
            case DossierStatus.Draft when owner is not null:
                var missing = DossierService.MissingSlots(d).Count;
                var round = OcopDeadlines.ProvincialRoundDeadline(Today);
                Add(owner.Id, $"Đã lập hồ sơ «{product.Name}»", "Danh mục tài liệu trong hồ sơ cho biết những gì cần tải lên trước khi nộp.", d.CreatedAt, read: true);
                Add(owner.Id, "Nhắc hoàn thiện hồ sơ OCOP",
                    string.Create(CultureInfo.InvariantCulture,
                        $"Hồ sơ «{product.Name}» còn thiếu {missing} tài liệu bắt buộc và phần tự đánh giá (Mẫu 02). Hãy hoàn thiện và nộp đến UBND xã để kịp đợt đánh giá cấp tỉnh (hạn {round.EvaluateBy:dd/MM/yyyy})."),
                    now.AddDays(-2), read: false);
                break;
            case DossierStatus.AtCommune:
                Add(cast.Officer.Id, $"Hồ sơ mới {d.Number} chờ xã kiểm tra",
                    string.Create(CultureInfo.InvariantCulture, $"Hồ sơ {label} đã nộp đến UBND xã; hạn kiểm tra: {d.CommuneDueOn:dd/MM/yyyy}."), d.SubmittedAt!.Value, read: false);
                break;
            case DossierStatus.AtProvince:
                Add(cast.Office.Id, $"Hồ sơ {d.Number} đã chuyển lên tỉnh",
                    $"UBND xã đã kiểm tra và chuyển hồ sơ {label} lên Văn phòng Điều phối OCOP tỉnh.", d.ForwardedAt!.Value, read: false);
                break;
        }

        void Add(string userId, string title, string body, DateTimeOffset at, bool read) =>
            db.Notifications.Add(new Notification { UserId = userId, Title = title, Body = body, Url = url, CreatedAt = at, ReadAt = read ? at.AddHours(1) : null });
    }

    private static string LowerFirst(string s) => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..];

    private static DossierEvent Event(DossierEventKind kind, DossierStatus from, DossierStatus to, DateTimeOffset at, (string? Id, string Name) actor, string? message) =>
        new() { Kind = kind, From = from, To = to, At = at, ActorUserId = actor.Id, ActorName = actor.Name, Message = message };

    /// <summary>
    /// A moment <paramref name="daysAgo"/> days ago in office hours (staff act on working days only), varied by the
    /// step so a history does not read as if everything happened at the same minute.
    /// </summary>
    private (DateTimeOffset At, DateOnly Day) At(int daysAgo, DossierActor actor, int step)
    {
        var day = Today.AddDays(-daysAgo);
        while (actor is DossierActor.Commune or DossierActor.Office && !workingDays.IsWorkingDay(day))
        {
            day = day.AddDays(-1);
        }

        var local = day.ToDateTime(new TimeOnly(8 + ((daysAgo + step) % 8), (daysAgo * 13 + step * 7) % 60));
        return (new DateTimeOffset(local, clock.LocalTimeZone.GetUtcOffset(local)), day);
    }

    /// <summary>What a generated paper says about its producer and product.</summary>
    private sealed record Paper(Producer Producer, Product Product, string Address);

    /// <summary>A real small file for the slot (a PNG photo for labels, a one-page PDF otherwise), as version n + 1 of <paramref name="replaces"/>.</summary>
    private void AddFile(DossierSlot slot, DossierFile? replaces, Paper paper, DateTimeOffset at, string? userId)
    {
        var photo = slot.Key == "label";
        var version = replaces is null ? 1 : replaces.VersionNumber + 1;
        var data = photo ? LabelPhoto(paper.Product.Name, paper.Producer.Name, version) : EvidencePdf(slot.Title, paper, at, version);
        var kind = photo ? FileKind.Png : FileKind.Pdf;
        var stem = FileNameFor(slot.Key, slot.Title) + (version > 1 ? $" (bản {version})" : "");
        var stored = new StoredFile
        {
            Id = Guid.NewGuid(),
            OriginalName = FileNames.Sanitise(stem + (photo ? ".png" : ".pdf"))!,
            Kind = kind,
            ContentType = FileKinds.ContentType(kind),
            Length = data.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(data)),
            UploadedAt = at,
            UploadedByUserId = userId ?? "",
        };
        db.StoredFiles.Add(stored);
        db.StoredFileContents.Add(new StoredFileContent { FileId = stored.Id, Data = data });
        if (replaces is not null)
        {
            replaces.SupersededAt = at;
        }

        slot.Files.Add(new DossierFile
        {
            FileId = stored.Id,
            VersionNumber = version,
            Replaces = replaces?.Id,
            AddedAt = at,
            AddedByUserId = userId ?? "",
        });
    }

    /// <summary>What a producer would call the file of a slot (without extension); the bench generator names its files the same way.</summary>
    public static string FileNameFor(string key, string title) => key switch
    {
        EvidenceChecklist.RegistrationForm => "Mẫu 01 - Phiếu đăng ký sản phẩm (đã ký)",
        EvidenceChecklist.SelfAssessment => "Mẫu 02 - Báo cáo tự đánh giá (đã ký)",
        "business-registration" => "Giấy chứng nhận đăng ký kinh doanh",
        "food-safety" => "Giấy chứng nhận cơ sở đủ điều kiện ATTP",
        "quality-declaration" => "Bản tự công bố sản phẩm",
        "test-report" => "Phiếu kết quả kiểm nghiệm",
        "trademark" => "Nhãn hiệu - giấy chứng nhận, đơn đăng ký",
        "label" => "Ảnh nhãn sản phẩm",
        "story" => "Câu chuyện sản phẩm",
        "contracts" => "Hợp đồng liên kết, phân phối",
        "financial-statements" => "Báo cáo tài chính 2024-2025",
        "changes" => "Minh chứng thay đổi so với lần công nhận trước",
        _ => title,
    };

    /// <summary>A one-page A4 PDF that reads like the paper it stands for, marked as demo material (one font, so ~60 KB).</summary>
    private byte[] EvidencePdf(string title, Paper paper, DateTimeOffset at, int version)
    {
        var local = at.ToLocalTime();
        return pdf.Render(b => b
            .Title(title).Author(paper.Producer.Name).Subject(paper.Product.Name)
            .Margins(PdfMargins.Administrative)
            .Paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", new TextStyle(Size: 12, Align: TextAlign.Center, SpaceAfter: 0))
            .Paragraph("Độc lập - Tự do - Hạnh phúc", new TextStyle(Size: 12, Align: TextAlign.Center))
            .Spacer(18)
            .Paragraph(title.ToUpperInvariant(), new TextStyle(Size: 14, Align: TextAlign.Center, SpaceAfter: 18))
            .Paragraph($"Chủ thể: {paper.Producer.Name}")
            .Paragraph($"Mã số thuế: {paper.Producer.TaxCode}")
            .Paragraph($"Địa chỉ: {paper.Address}")
            .Paragraph($"Người đại diện: {paper.Producer.RepresentativeName}")
            .Paragraph($"Sản phẩm: {paper.Product.Name}")
            .Paragraph(paper.Product.Description)
            .Spacer(12)
            .Paragraph(string.Create(CultureInfo.InvariantCulture, $"Cần Thơ, ngày {local:dd} tháng {local:MM} năm {local:yyyy}"), new TextStyle(Align: TextAlign.Right))
            .Spacer(24)
            .Paragraph(version > 1 ? $"Bản nộp bổ sung (phiên bản {version})." : "Bản chụp nộp kèm hồ sơ.", new TextStyle(Size: 10, Color: "#555555"))
            .Paragraph("Tài liệu minh họa trong dữ liệu trình diễn của Cổng OCOP; không có giá trị pháp lý.", new TextStyle(Size: 10, Color: "#555555")));
    }

    /// <summary>A small photo of the product's label: the name, the maker and the OCOP programme, in the portal's font.</summary>
    private byte[] LabelPhoto(string product, string producer, int version)
    {
        using var surface = SKSurface.Create(new SKImageInfo(640, 400));
        var canvas = surface.Canvas;
        canvas.Clear(version > 1 ? new SKColor(0xFF, 0xF8, 0xE1) : new SKColor(0xF3, 0xF7, 0xEC));
        using var border = new SKPaint { Color = new SKColor(0x2E, 0x7D, 0x32), Style = SKPaintStyle.Stroke, StrokeWidth = 10, IsAntialias = true };
        canvas.DrawRoundRect(new SKRoundRect(new SKRect(24, 24, 616, 376), 28), border);
        using var ink = new SKPaint { Color = new SKColor(0x1B, 0x3A, 0x1D), IsAntialias = true };
        var fonts = PdfSetup.FontsUnder(env.WebRootPath);
        using var bold = SKTypeface.FromFile(fonts.BoldPath);
        using var regular = SKTypeface.FromFile(fonts.RegularPath);
        using var title = Fit(bold, product, 44, 560);
        using var small = new SKFont(regular, 22);
        canvas.DrawText(product, 320, 170, SKTextAlign.Center, title, ink);
        using var maker = Fit(regular, producer, 22, 560);
        canvas.DrawText(producer, 320, 230, SKTextAlign.Center, maker, ink);
        canvas.DrawText(version > 1 ? "NSX, HSD, hướng dẫn bảo quản: in trên bao bì" : "Đặc sản Cần Thơ", 320, 310, SKTextAlign.Center, small, ink);
        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();

        static SKFont Fit(SKTypeface face, string text, float size, float width)
        {
            var font = new SKFont(face, size);
            var measured = font.MeasureText(text);
            if (measured > width)
            {
                font.Size = size * width / measured;
            }

            return font;
        }
    }
}

/// <summary>
/// Believable self-assessment answers (Mẫu 02) for generated dossiers: for each scored criterion, an option that
/// meets the target star's minimum, near 60 % (3★) or 80 % (4★ and up) of the criterion's points, varied by
/// <c>seed</c>. The demo and the benchmark generator score them with the real engine.
/// </summary>
public static class SampleSelfAssessment
{
    public static List<DossierAnswer> Answers(SheetDefinition sheet, int targetStars, int seed)
    {
        var aim = targetStars >= 4 ? 0.8 : 0.6;
        var answers = new List<DossierAnswer>(sheet.Criteria.Count);
        for (var i = 0; i < sheet.Criteria.Count; i++)
        {
            var c = sheet.Criteria[i];
            if (c.Options.Count == 0)
            {
                continue;
            }

            var required = c.RequiredFor(targetStars) ?? 0;
            var wobble = ((((seed * 31) + (i * 17)) % 5 + 5) % 5 - 2) * 0.1;
            var wanted = (aim + wobble) * c.Max;
            var qualifying = c.Options.Where(o => o.Points >= required).ToList();
            var pool = qualifying.Count > 0 ? qualifying : [c.Options.MaxBy(o => o.Points)!];
            var option = pool.OrderBy(o => Math.Abs(o.Points - wanted)).ThenBy(o => o.Points).First();
            answers.Add(new DossierAnswer { CriterionCode = c.Code, OptionId = option.Key });
        }

        return answers;
    }
}
