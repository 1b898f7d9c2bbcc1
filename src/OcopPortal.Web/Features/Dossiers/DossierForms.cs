using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain.AdminUnits;
using OcopPortal.Web.Domain.Dossiers;
using OcopPortal.Web.Domain.Producers;
using OcopPortal.Web.Domain.Rating;
using OcopPortal.Web.Domain.Rules;
using OcopPortal.Web.Domain.Text;
using OcopPortal.Web.Features.Producers;
using OcopPortal.Web.Features.Rules;
using OcopPortal.Web.Infrastructure.Pdf;
using OcopPortal.Web.Infrastructure.Web;

namespace OcopPortal.Web.Features.Dossiers;

/// <summary>Everything the printed forms of one dossier show, loaded once per request.</summary>
/// <param name="CommuneUnit">The dossier's commune as written in a sentence ("xã Phú Lộc"): addressee of Mẫu 01/02, author of Mẫu 03.</param>
/// <param name="ProvinceUnit">The portal's province as written in a sentence ("thành phố Cần Thơ").</param>
/// <param name="Place">Place name of the date lines (the portal's province name).</param>
/// <param name="FormDate">Date of Mẫu 01/02: the day of submission, or today for a draft.</param>
public sealed record DossierFormData(
    Dossier Dossier,
    Product Product,
    Producer Producer,
    string CategoryName,
    CriteriaSet CriteriaSet,
    string CommuneUnit,
    string ProducerAddress,
    string ProvinceUnit,
    string Place,
    IReadOnlyList<DossierAnswer> Answers,
    SelfAssessmentResult? Result,
    CommuneAssessment? Assessment,
    DateOnly FormDate,
    DateOnly? AssessedOn);

/// <summary>
/// The dossier's paper set, for printing and signing: Mẫu 01 (registration), Mẫu 02 (self-assessment report) and
/// Mẫu 03 (the commune's assessment report), following the structure of QĐ 26/2026/QĐ-TTg Appendix III. The caller
/// obtains the dossier through <see cref="DossierAccess"/>; this class only loads what the forms print and lays it out.
/// </summary>
public sealed partial class DossierForms(
    OcopDbContext db, DossierService dossiers, PdfRenderer renderer, IOptions<PortalOptions> portal, TimeProvider clock)
{
    /// <summary>Physical samples sent with a dossier whose criteria set asks for them.</summary>
    public const int SampleCount = 5;

    private const string Blank = "…………………………";

    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    private static readonly TextStyle FormLabel = new(Size: 11, Bold: true, Align: TextAlign.Right, SpaceAfter: 6);
    private static readonly TextStyle Heading = new(Size: 14, Bold: true, Align: TextAlign.Center, SpaceAfter: 0);
    private static readonly TextStyle SubHeading = new(Size: 13, Bold: true, Align: TextAlign.Center, SpaceAfter: 10);
    private static readonly TextStyle Addressee = new(Size: 13, Align: TextAlign.Center, SpaceAfter: 10);
    private static readonly TextStyle Section = new(Size: 12, Bold: true, SpaceAfter: 3);
    private static readonly TextStyle Line = new(Size: 12, LineHeight: 1.35f, SpaceAfter: 2);
    private static readonly TextStyle Indented = Line with { FirstLineIndent = 18 };
    private static readonly TextStyle Prose = new(Size: 12, Align: TextAlign.Justify, LineHeight: 1.35f, SpaceAfter: 4, FirstLineIndent: 28);
    private static readonly TextStyle Note = new(Size: 10.5f, Italic: true, SpaceAfter: 4);
    private static readonly TextStyle FooterStyle = new(Size: 8, Align: TextAlign.Right, Color: "#555555");
    private static readonly TableStyle Sheet = new(FontSize: 9.5f, Padding: 3, HeaderBackground: "#EEEEEE");

    public async Task<byte[]> RegistrationAsync(Dossier dossier, CancellationToken ct)
    {
        var data = await LoadAsync(dossier, ct);
        return renderer.Render(b => Registration(b, data));
    }

    public async Task<byte[]> SelfAssessmentAsync(Dossier dossier, CancellationToken ct)
    {
        var data = await LoadAsync(dossier, ct);
        return renderer.Render(b => SelfAssessment(b, data));
    }

    /// <summary>Mẫu 03, or null while the commune has not assessed the dossier.</summary>
    public async Task<byte[]?> CommuneAssessmentAsync(Dossier dossier, CancellationToken ct)
    {
        if (!await db.CommuneAssessments.AnyAsync(a => a.DossierId == dossier.Id, ct))
        {
            return null;
        }

        var data = await LoadAsync(dossier, ct);
        return renderer.Render(b => CommuneAssessment(b, data));
    }

    /// <summary>An ASCII download name: <c>mau-01-1-pdk-92-31756-2026.pdf</c>, or <c>mau-01-ho-so-42.pdf</c> before numbering.</summary>
    public static string FileName(string form, Dossier dossier)
    {
        var key = string.IsNullOrWhiteSpace(dossier.Number)
            ? "ho-so-" + dossier.Id.ToString(CultureInfo.InvariantCulture)
            : NotFileNameSafe().Replace(VietnameseText.Fold(dossier.Number), "-").Trim('-');
        return $"mau-{form}-{key}.pdf";
    }

    public async Task<DossierFormData> LoadAsync(Dossier d, CancellationToken ct)
    {
        var product = await db.Set<Product>().AsNoTracking().SingleAsync(p => p.Id == d.ProductId, ct);
        var producer = await db.Set<Producer>().AsNoTracking().SingleAsync(p => p.Id == d.ProducerId, ct);
        var set = await dossiers.PinnedSetAsync(d, ct);
        var category = await db.ProductCategories.Where(c => c.RuleSetId == product.RuleSetId && c.Code == product.CategoryCode)
            .Select(c => c.Name).FirstOrDefaultAsync(ct) ?? "";
        string[] communeCodes = [d.CommuneCode, producer.CommuneCode];
        var communes = await db.Communes.AsNoTracking().Where(c => communeCodes.Contains(c.Code)).ToDictionaryAsync(c => c.Code, ct);
        string[] provinceCodes = [producer.ProvinceCode, portal.Value.ProvinceCode];
        var provinces = await db.Provinces.AsNoTracking().Where(p => provinceCodes.Contains(p.Code)).ToDictionaryAsync(p => p.Code, ct);
        var answers = await db.Set<DossierAnswer>().AsNoTracking().Where(a => a.DossierId == d.Id).ToListAsync(ct);
        var assessment = await db.CommuneAssessments.AsNoTracking().SingleOrDefaultAsync(a => a.DossierId == d.Id, ct);

        var address = string.Join(", ", new[]
        {
            producer.StreetAddress.Trim(),
            communes.TryGetValue(producer.CommuneCode, out var pc) ? Unit(pc) : producer.CommuneCode,
            provinces.TryGetValue(producer.ProvinceCode, out var pp) ? Unit(pp) : producer.ProvinceCode,
        }.Where(s => !string.IsNullOrWhiteSpace(s)));
        return new DossierFormData(
            d, product, producer, category, set,
            communes.TryGetValue(d.CommuneCode, out var dc) ? Unit(dc) : "xã " + d.CommuneCode,
            address,
            provinces.TryGetValue(portal.Value.ProvinceCode, out var home) ? Unit(home) : portal.Value.ProvinceName,
            portal.Value.ProvinceName,
            answers,
            answers.Count == 0 ? null : SelfAssessmentScoring.Evaluate(set, DossierAnswers.ToInput(set, answers)),
            assessment,
            LocalDate(d.SubmittedAt ?? clock.GetUtcNow()),
            assessment is null ? null : LocalDate(assessment.AssessedAt));
    }

    private DateOnly LocalDate(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, clock.LocalTimeZone).Date);

    /// <summary>"xã Phú Lộc", "phường Sóc Trăng", "đặc khu Côn Đảo".</summary>
    private static string Unit(Commune c) => $"{c.Type} {c.Name}";

    /// <summary>"thành phố Cần Thơ" (the type of a centrally governed city is shortened), "tỉnh An Giang".</summary>
    private static string Unit(Province p) =>
        $"{(p.Type.StartsWith("thành phố", StringComparison.OrdinalIgnoreCase) ? "thành phố" : p.Type)} {p.Name}";

    // ---------------------------------------------------------------- Mẫu 01

    internal static void Registration(PdfDocumentBuilder b, DossierFormData f)
    {
        var (d, producer, product, set) = (f.Dossier, f.Producer, f.Product, f.CriteriaSet);
        Start(b, f, "01", $"Phiếu đăng ký sản phẩm OCOP: {product.Name}");
        b.AdministrativeHeader("", "", NumberLine(d), "")
            .Paragraph("PHIẾU ĐĂNG KÝ", Heading)
            .Paragraph("Sản phẩm tham gia đánh giá, phân hạng sản phẩm OCOP", SubHeading)
            .Paragraph($"Kính gửi: Ủy ban nhân dân {f.CommuneUnit}", Addressee);

        b.Paragraph("1. Thông tin về chủ thể", Section);
        ProducerLines(b, f, withPhone: true);

        b.Spacer(4).Paragraph("2. Sản phẩm đăng ký", Section)
            .Paragraph($"- Tên sản phẩm: {product.Name}", Line)
            .Paragraph($"- Nhóm sản phẩm: {Category(f)}", Line)
            .Paragraph($"- Bộ tiêu chí đánh giá: bộ số {set.Number} – {set.Name}", Line);

        b.Spacer(4).Paragraph("3. Nội dung đề nghị", Section)
            .Paragraph("Đề nghị (đánh dấu [x] vào ô phù hợp):", Line);
        foreach (var kind in Enum.GetValues<DossierKind>())
        {
            b.Paragraph($"{Box(d.Kind == kind)} {DossierLabels.Kind(kind)}", Indented);
        }

        b.Paragraph($"- Hạng sao đề nghị công nhận: {d.TargetStars} sao", Line);
        if (d.Kind is DossierKind.Upgrade or DossierKind.ReEvaluation)
        {
            b.Paragraph($"- Giấy chứng nhận sản phẩm OCOP hiện có: số {Or(d.PreviousCertificateNumber)}, hiệu lực đến ngày {Date(d.PreviousCertificateValidUntil)}", Line);
        }

        if (d.Kind == DossierKind.Upgrade)
        {
            b.Paragraph("- Những thay đổi của sản phẩm so với lần được công nhận:", Line)
                .Paragraph(Or(d.ChangesSinceRecognition), Prose);
        }

        b.Spacer(4).Paragraph("4. Hồ sơ gửi kèm", Section)
            .Paragraph("a) Báo cáo tự đánh giá sản phẩm (Mẫu số 02);", Line)
            .Paragraph("b) Giấy tờ, tài liệu theo danh mục hồ sơ ([x]: đã tải lên Cổng OCOP):", Line);
        var slots = d.Slots.OrderBy(s => s.SortOrder).ToList();
        foreach (var slot in slots.Where(s => s.Key is not (EvidenceChecklist.RegistrationForm or EvidenceChecklist.SelfAssessment)
                                              && !s.Key.StartsWith(EvidenceChecklist.CriterionPrefix, StringComparison.Ordinal)))
        {
            b.Paragraph($"{Box(HasFile(slot))} {slot.Title}{(slot.Required ? "" : " (nếu có)")}", Indented);
        }

        var criterionSlots = slots.Where(s => s.Key.StartsWith(EvidenceChecklist.CriterionPrefix, StringComparison.Ordinal)).ToList();
        if (criterionSlots.Count > 0)
        {
            b.Paragraph($"{Box(criterionSlots.Any(HasFile))} Minh chứng theo tiêu chí: {criterionSlots.Count(HasFile)}/{criterionSlots.Count} mục đã có tài liệu", Indented);
        }

        b.Paragraph(set.SamplesRequired
            ? $"c) Mẫu sản phẩm: {SampleCount:00} mẫu."
            : $"c) Mẫu sản phẩm: không phải nộp (bộ tiêu chí số {set.Number} không yêu cầu mẫu).", Line);

        b.Spacer(4).Paragraph("5. Cam kết", Section)
            .Paragraph("Chúng tôi cam kết những thông tin kê khai trong phiếu này và các tài liệu gửi kèm là đúng sự thật, "
                + "thực hiện đúng quy định về đánh giá, phân hạng sản phẩm OCOP và chịu trách nhiệm trước pháp luật về tính trung thực của hồ sơ.", Prose)
            .Spacer(8)
            .Signatures(PlaceDate(f.Place, f.FormDate),
                new SignatureParty("Đại diện chủ thể", "(Ký, ghi rõ họ tên, đóng dấu nếu có)", producer.RepresentativeName));
    }

    // ---------------------------------------------------------------- Mẫu 02

    internal static void SelfAssessment(PdfDocumentBuilder b, DossierFormData f)
    {
        var (d, producer, product, set) = (f.Dossier, f.Producer, f.Product, f.CriteriaSet);
        Start(b, f, "02", $"Báo cáo tự đánh giá sản phẩm OCOP: {product.Name}");
        b.AdministrativeHeader("", producer.Name, NumberLine(d), "")
            .Paragraph("BÁO CÁO TỰ ĐÁNH GIÁ", Heading)
            .Paragraph($"Sản phẩm: {product.Name}", SubHeading)
            .Paragraph($"Kính gửi: Ủy ban nhân dân {f.CommuneUnit}", Addressee);

        b.Paragraph("I. THÔNG TIN CHUNG", Section);
        b.Paragraph($"- Tên chủ thể: {producer.Name}", Line)
            .Paragraph($"- Loại hình chủ thể: {ProducerLabels.Type(producer.Type)}", Line)
            .Paragraph($"- Người đại diện theo pháp luật: {Or(producer.RepresentativeName)}; giới tính: {ProducerLabels.Gender(producer.RepresentativeGender)}; "
                + $"người dân tộc thiểu số: {(producer.RepresentativeIsEthnicMinority ? "có" : "không")}", Line)
            .Paragraph($"- Địa chỉ: {Or(f.ProducerAddress)}", Line)
            .Paragraph($"- Điện thoại: {Or(producer.Phone)}; email: {Or(producer.Email)}", Line)
            .Paragraph($"- Mã số thuế: {Or(producer.TaxCode)}", Line)
            .Paragraph($"- Sản phẩm: {product.Name}; nhóm sản phẩm: {Category(f)}", Line)
            .Paragraph("- Mô tả sản phẩm:", Line)
            .Paragraph(Or(product.Description), Prose);

        b.Spacer(4).Paragraph("II. KẾT QUẢ SẢN XUẤT, KINH DOANH", Section)
            .Paragraph(Or(d.BusinessResults), Prose);

        b.Spacer(4).Paragraph("III. TỰ ĐÁNH GIÁ, CHẤM ĐIỂM SẢN PHẨM", Section)
            .Paragraph($"Chấm điểm theo bộ tiêu chí số {set.Number} – {set.Name} ({set.RuleSet?.LegalBasis ?? set.RuleSet?.Code}).", Line);
        SelfScoring(b, f);

        b.Spacer(4).Paragraph("IV. KẾ HOẠCH SẢN XUẤT, KINH DOANH TRONG THỜI GIAN TỚI", Section)
            .Paragraph(Or(d.FuturePlan), Prose)
            .Spacer(8)
            .Signatures(PlaceDate(f.Place, f.FormDate),
                new SignatureParty("Đại diện chủ thể", "(Ký, ghi rõ họ tên, đóng dấu nếu có)", producer.RepresentativeName));
    }

    private static void SelfScoring(PdfDocumentBuilder b, DossierFormData f)
    {
        var set = f.CriteriaSet;
        var sheet = SheetDefinition.From(set);
        var score = f.Result?.Score;
        var answers = f.Answers.GroupBy(a => a.CriterionCode).ToDictionary(g => g.Key, g => g.First());
        var parts = set.Nodes.Where(n => n.Kind == CriterionNodeKind.Part).OrderBy(n => n.SortOrder).ToList();
        var groups = set.Nodes.Where(n => n.Kind == CriterionNodeKind.Group).ToLookup(n => n.ParentId);

        string Points(IEnumerable<CriterionDef> criteria, int max) =>
            score is null ? $"…/{max}" : $"{criteria.Sum(c => score.Points[c.Code]).ToString(Vi)}/{max}";

        var rows = new List<IReadOnlyList<string>>();
        foreach (var part in parts)
        {
            var inPart = sheet.Criteria.Where(c => c.Part == part.Code).ToList();
            rows.Add([part.Code, $"PHẦN {part.Code}. {part.Name.ToUpper(Vi)}", "", Points(inPart, part.Max)]);
            foreach (var group in groups[part.Id].OrderBy(g => g.SortOrder))
            {
                var inGroup = inPart.Where(c => c.Group == group.Code).ToList();
                if (inGroup is not [{ } only] || only.Code != group.Code) // a group that is one criterion ("7. Tính độc đáo") prints once
                {
                    rows.Add([group.Code, group.Name.ToUpper(Vi), "", Points(inGroup, group.Max)]);
                }

                foreach (var c in inGroup)
                {
                    rows.Add([c.Code, c.Name, Chosen(c, answers), score is null ? $"…/{c.Max}" : $"{score.Points[c.Code]}/{c.Max}"]);
                }
            }
        }

        b.Table(
            [new TableColumn("Mã", 0.7f, TextAlign.Center), new TableColumn("Tiêu chí", 3), new TableColumn("Phương án tự đánh giá", 4.2f),
             new TableColumn("Điểm", 1.1f, TextAlign.Center)],
            rows, Sheet);

        if (f.Result is not { } result)
        {
            b.Paragraph(f.Answers.Count == 0
                ? "Chủ thể chưa chấm điểm tự đánh giá trên Cổng OCOP; có thể ghi điểm vào bảng trên."
                : SelfAssessmentScoring.ForeignOptionMessage + " Không tính được tổng điểm.", Note);
            return;
        }

        var maxTotal = sheet.PartMax.Values.Sum();
        var summary = parts.Select(p => (IReadOnlyList<string>)[$"Phần {p.Code}. {p.Name}", Num(result.Score.PartTotals[p.Code]), p.Max.ToString(Vi)])
            .Append(["Tổng cộng", Num(result.Score.Total), maxTotal.ToString(Vi)]);
        b.Table([new TableColumn("Phần", 5), new TableColumn("Điểm tự đánh giá", 2, TextAlign.Center), new TableColumn("Điểm tối đa", 2, TextAlign.Center)],
            summary, Sheet);
        b.Paragraph($"Tổng điểm tự đánh giá: {Num(result.Score.Total)}/{maxTotal} điểm.", Section)
            .Paragraph($"Kết quả tự xếp hạng: {NoStarGlyph(RuleLabels.Outcome(result.Rating))}.", Line);
        if (result.Score.Unanswered.Count > 0)
        {
            b.Paragraph($"Còn {result.Score.Unanswered.Count} tiêu chí chưa chọn phương án: {string.Join(", ", result.Score.Unanswered)}.", Line);
        }

        foreach (var line in result.Explanation)
        {
            b.Paragraph("- " + NoStarGlyph(line), Line);
        }

        b.Paragraph("Kết quả tự đánh giá để chủ thể tham khảo; Hội đồng đánh giá, phân hạng sản phẩm OCOP chấm điểm độc lập.", Note);
    }

    private static string Chosen(CriterionDef c, Dictionary<string, DossierAnswer> answers)
    {
        if (!answers.TryGetValue(c.Code, out var a))
        {
            return "(chưa chọn)";
        }

        if (a.OptionId is { } id)
        {
            return c.Options.FirstOrDefault(o => o.Key == id)?.Label ?? "(phương án không thuộc bộ tiêu chí)";
        }

        return a.NotApplicable ? "Không áp dụng" : "(chưa chọn)";
    }

    // ---------------------------------------------------------------- Mẫu 03

    internal static void CommuneAssessment(PdfDocumentBuilder b, DossierFormData f)
    {
        var a = f.Assessment ?? throw new InvalidOperationException("The dossier has no commune assessment.");
        var (d, producer, product) = (f.Dossier, f.Producer, f.Product);
        Start(b, f, "03", $"Báo cáo đánh giá sản phẩm của UBND cấp xã: {product.Name}");
        b.AdministrativeHeader("Ủy ban nhân dân", f.CommuneUnit, "Số: ……/BC-UBND", PlaceDate(f.Place, f.AssessedOn ?? f.FormDate))
            .Paragraph("BÁO CÁO", Heading)
            .Paragraph("Đánh giá sản phẩm đăng ký tham gia đánh giá, phân hạng sản phẩm OCOP", SubHeading)
            .Paragraph($"Kính gửi: Văn phòng Điều phối Chương trình OCOP {f.ProvinceUnit}", Addressee)
            .Paragraph($"Ủy ban nhân dân {f.CommuneUnit} đã kiểm tra hồ sơ đăng ký{(d.Number is null ? "" : " số " + d.Number)} "
                + $"và đánh giá sản phẩm «{product.Name}» của {producer.Name} như sau:", Prose);

        b.Paragraph("1. Sản phẩm và chủ thể", Section)
            .Paragraph($"- Tên sản phẩm: {product.Name}", Line)
            .Paragraph($"- Nhóm sản phẩm: {Category(f)}", Line);
        ProducerLines(b, f, withPhone: false);
        b.Paragraph($"- Nội dung đề nghị: {DossierLabels.Kind(d.Kind)}; hạng sao đề nghị: {d.TargetStars} sao", Line);

        (string Title, string Text)[] sections =
        [
            ("2. Nguồn gốc sản phẩm và nguyên liệu", a.RawMaterialOrigin),
            ("3. Sử dụng lao động địa phương", a.LocalLabour),
            ("4. Nguồn gốc ý tưởng sản phẩm", a.IdeaOrigin),
            ("5. Tính đặc trưng, bản sắc, tri thức địa phương", a.LocalIdentity),
            ("6. Kết luận, đề xuất", a.Conclusion),
        ];
        foreach (var (title, text) in sections)
        {
            b.Spacer(4).Paragraph(title, Section).Paragraph(Or(text), Prose);
        }

        b.Paragraph($"Cán bộ lập báo cáo: {Or(a.OfficerName)}; ngày lập: {Date(f.AssessedOn)}.", Line)
            .Spacer(8)
            .Signatures(null,
                new SignatureParty("TM. Ủy ban nhân dân\nChủ tịch", "(Ký, ghi rõ họ tên, đóng dấu)"),
                new SignatureParty("Người lập báo cáo", "(Ký, ghi rõ họ tên)", a.OfficerName));
    }

    // ---------------------------------------------------------------- shared pieces

    private static void Start(PdfDocumentBuilder b, DossierFormData f, string form, string title)
    {
        var reference = f.Dossier.Number is { Length: > 0 } n ? $"hồ sơ {n}" : $"hồ sơ #{f.Dossier.Id.ToString(CultureInfo.InvariantCulture)}";
        b.Title($"Mẫu số {form} – {title}")
            .Author(f.Producer.Name)
            .Subject(f.CriteriaSet.RuleSet?.LegalBasis ?? "")
            .Margins(PdfMargins.Administrative)
            .Footer(p => p.Text($"Mẫu số {form} · {reference} · Trang {p.PageNumber}/{p.PageCount}", FooterStyle))
            .Paragraph($"Mẫu số {form}", FormLabel);
    }

    private static void ProducerLines(PdfDocumentBuilder b, DossierFormData f, bool withPhone)
    {
        var p = f.Producer;
        b.Paragraph($"- Tên chủ thể: {p.Name}", Line)
            .Paragraph($"- Loại hình chủ thể: {ProducerLabels.Type(p.Type)}", Line)
            .Paragraph($"- Người đại diện theo pháp luật: {Or(p.RepresentativeName)}", Line)
            .Paragraph($"- Địa chỉ: {Or(f.ProducerAddress)}", Line);
        if (withPhone)
        {
            b.Paragraph($"- Điện thoại: {Or(p.Phone)}; email: {Or(p.Email)}", Line);
        }

        b.Paragraph($"- Mã số thuế: {Or(p.TaxCode)}", Line);
    }

    private static string Category(DossierFormData f) =>
        string.IsNullOrWhiteSpace(f.CategoryName) ? f.Product.CategoryCode : $"{f.Product.CategoryCode} – {f.CategoryName}";

    private static string NumberLine(Dossier d) => string.IsNullOrWhiteSpace(d.Number) ? "" : $"Số: {d.Number}";

    private static string PlaceDate(string place, DateOnly date) => $"{place}, ngày {Date(date)}";

    private static string Date(DateOnly? date) => date?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? Blank;

    private static string Or(string? value) => string.IsNullOrWhiteSpace(value) ? Blank : value.Trim();

    /// <summary>A tick box in characters the embedded font has (Be Vietnam Pro has no ☑/☐).</summary>
    private static string Box(bool ticked) => ticked ? "[x]" : "[ ]";

    private static bool HasFile(DossierSlot slot) => slot.Files.Any(x => x.IsCurrent);

    private static string Num(decimal value) => value.ToString("0.##", Vi);

    /// <summary>The rating texts write stars as "4★"; the embedded font has no ★, so print "4 sao".</summary>
    internal static string NoStarGlyph(string text) =>
        new StringBuilder(StarAfterDigit().Replace(text, "$1 sao")).Replace("★", " sao").ToString();

    [GeneratedRegex(@"(\d)\s*★")]
    private static partial Regex StarAfterDigit();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotFileNameSafe();
}
