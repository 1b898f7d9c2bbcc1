using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain.Recognition;
using OcopPortal.Web.Domain.Rules;
using OcopPortal.Web.Infrastructure.Pdf;
using OcopPortal.Web.Infrastructure.Web;

namespace OcopPortal.Web.Features.Recognition;

/// <summary>What the decision document prints, loaded once.</summary>
public sealed record DecisionDocumentData(
    RecognitionDecision Decision, IReadOnlyList<DecisionLine> Lines, IReadOnlyDictionary<int, DecisionLine> Replaced, RecognitionDecision? Amends,
    IReadOnlyList<string> LegalBases, int ValidityMonths, string ProvinceUnit, string Place, string? CouncilBasis, string? RoundName);

/// <summary>
/// The decision as a Vietnamese administrative document (Nghị định 30/2020): authority and national motto, number,
/// place and date, "QUYẾT ĐỊNH" and its title, the legal bases (from the rule sets of its lines), the articles,
/// the signature, then the appendix listing the products. A draft is marked "DỰ THẢO" on every page.
/// </summary>
public sealed class DecisionPdf(OcopDbContext db, PdfRenderer renderer, RecognitionDecisions decisions, IOptions<PortalOptions> portal)
{
    private static readonly TextStyle Heading = new(Size: 14, Bold: true, Align: TextAlign.Center, SpaceAfter: 2);
    private static readonly TextStyle TitleStyle = new(Size: 13, Bold: true, Align: TextAlign.Center, LineHeight: 1.3f, SpaceAfter: 10);
    private static readonly TextStyle AuthorityLine = new(Size: 13, Bold: true, Align: TextAlign.Center, SpaceAfter: 8);
    private static readonly TextStyle Basis = new(Size: 13, Italic: true, Align: TextAlign.Justify, LineHeight: 1.35f, SpaceAfter: 3, FirstLineIndent: 28);
    private static readonly TextStyle Prose = new(Size: 13, Align: TextAlign.Justify, LineHeight: 1.35f, SpaceAfter: 5, FirstLineIndent: 28);
    private static readonly TextStyle Decides = new(Size: 13, Bold: true, Align: TextAlign.Center, SpaceAfter: 8);
    private static readonly TextStyle Recipients = new(Size: 11, Italic: true, LineHeight: 1.2f, SpaceAfter: 2);
    private static readonly TextStyle DraftMark = new(Size: 16, Bold: true, Align: TextAlign.Right, Color: "#C62828");
    private static readonly TextStyle Footer = new(Size: 8, Align: TextAlign.Right, Color: "#555555");
    private static readonly TextStyle AppendixNote = new(Size: 12, Italic: true, Align: TextAlign.Center, SpaceAfter: 10);
    private static readonly TableStyle Appendix = new(FontSize: 9.5f, Padding: 3, HeaderBackground: "#EEEEEE");

    public const string DraftLabel = "DỰ THẢO";

    public async Task<DecisionDocumentData?> LoadAsync(int id, CancellationToken ct)
    {
        var decision = await db.RecognitionDecisions.AsNoTracking().Include(d => d.Lines).SingleOrDefaultAsync(d => d.Id == id, ct);
        if (decision is null || decision.Kind == DecisionKind.Recorded)
        {
            return null;
        }

        var lines = decision.Lines.OrderBy(x => x.SortOrder).ThenBy(x => x.Id).ToList();
        var replacedIds = lines.Where(x => x.ReplacesLineId != null).Select(x => x.ReplacesLineId!.Value).ToList();
        var replaced = await db.DecisionLines.AsNoTracking().Where(x => replacedIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, ct);
        var amends = decision.AmendsDecisionId is { } a ? await db.RecognitionDecisions.AsNoTracking().SingleAsync(d => d.Id == a, ct) : null;
        var ruleSetIds = lines.Concat(replaced.Values).Where(x => x.RuleSetId != null).Select(x => x.RuleSetId!.Value).Distinct().ToList();
        var ruleSets = await db.RuleSets.AsNoTracking().Where(r => ruleSetIds.Contains(r.Id)).OrderBy(r => r.EffectiveFrom).ToListAsync(ct);
        if (ruleSets.Count == 0)
        {
            ruleSets = await db.RuleSets.AsNoTracking().Where(r => r.Status == RuleSetStatus.Published).OrderByDescending(r => r.EffectiveFrom).Take(1).ToListAsync(ct);
        }

        var bases = ruleSets.SelectMany(r => r.LegalBasis.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct().ToList();
        var months = ruleSets.Select(r => r.CertificateValidityMonths).DefaultIfEmpty(36).Max();
        string? councilBasis = null, roundName = null;
        var roundId = decision.RoundId ?? amends?.RoundId;
        if (roundId is { } rid)
        {
            var round = await (from r in db.EvaluationRounds
                               join c in db.Councils on r.CouncilId equals c.Id
                               where r.Id == rid
                               select new { r.Name, c.DecisionNumber, c.DecisionDate, Council = c.Name }).SingleAsync(ct);
            roundName = round.Name;
            councilBasis = $"Căn cứ kết quả đánh giá, phân hạng sản phẩm {round.Name.ToLower(Vi)} của {round.Council} (thành lập theo Quyết định số {round.DecisionNumber} ngày {Date(round.DecisionDate)});";
        }

        return new DecisionDocumentData(decision, lines, replaced, amends, bases, months, await decisions.ProvinceUnitAsync(ct), portal.Value.ProvinceName, councilBasis, roundName);
    }

    public byte[] Render(DecisionDocumentData data) => renderer.Render(b => Compose(b, data));

    public static string FileName(RecognitionDecision d) =>
        d.Status == DecisionStatus.Draft
            ? $"du-thao-quyet-dinh-{d.Id.ToString(CultureInfo.InvariantCulture)}.pdf"
            : $"quyet-dinh-{new string(d.Number.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-')}.pdf";

    internal static void Compose(PdfDocumentBuilder b, DecisionDocumentData m)
    {
        var d = m.Decision;
        var draft = d.Status == DecisionStatus.Draft;
        var amendment = d.Kind == DecisionKind.Amendment;
        var authority = string.IsNullOrWhiteSpace(d.Authority) ? "Ủy ban nhân dân" : d.Authority;
        var number = string.IsNullOrWhiteSpace(d.Number) ? "……/QĐ-UBND" : d.Number;
        b.Title($"Quyết định số {number} – {d.Title}")
            .Author(authority)
            .Subject(amendment ? "Sửa đổi, bổ sung quyết định công nhận sản phẩm OCOP" : "Công nhận kết quả đánh giá, phân hạng sản phẩm OCOP")
            .Margins(PdfMargins.Administrative)
            .Footer(p => p.Text($"Quyết định số {number}{(draft ? " (dự thảo)" : "")} · Trang {p.PageNumber}/{p.PageCount}", Footer));
        if (draft)
        {
            b.Header(p => p.Text(DraftLabel + " – chưa ban hành", DraftMark));
        }

        b.AdministrativeHeader("", authority, $"Số: {number}", PlaceDate(m.Place, d.DecisionDate))
            .Paragraph("QUYẾT ĐỊNH", Heading)
            .Paragraph(d.Title, TitleStyle)
            .Paragraph(Capacity(authority).ToUpper(Vi), AuthorityLine)
            .Paragraph("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;", Basis);
        foreach (var basis in m.LegalBases)
        {
            b.Paragraph($"Căn cứ {basis} ban hành Bộ tiêu chí và quy trình đánh giá, phân hạng sản phẩm Chương trình Mỗi xã một sản phẩm;", Basis);
        }

        if (amendment && m.Amends is { } amended)
        {
            b.Paragraph($"Căn cứ Quyết định số {amended.Number} ngày {Date(amended.DecisionDate)} của {amended.Authority} {Lower(amended.Title)};", Basis);
        }

        if (m.CouncilBasis is not null)
        {
            b.Paragraph(m.CouncilBasis, Basis);
        }

        b.Paragraph($"Theo đề nghị của Văn phòng Điều phối Chương trình OCOP {m.ProvinceUnit}.", Basis)
            .Spacer(4)
            .Paragraph("QUYẾT ĐỊNH:", Decides);

        var count = m.Lines.Count;
        if (amendment && m.Amends is { } a)
        {
            b.Paragraph($"Điều 1. Sửa đổi, bổ sung thông tin của {count} sản phẩm tại Phụ lục kèm theo Quyết định số {a.Number} ngày {Date(a.DecisionDate)} "
                    + $"của {a.Authority} (chi tiết tại Phụ lục kèm theo Quyết định này). Giấy chứng nhận đã cấp cho các sản phẩm này được thay thế bằng giấy chứng nhận cấp theo Quyết định này.", Prose)
                .Paragraph("Điều 2. Các nội dung khác của Quyết định được sửa đổi giữ nguyên hiệu lực. Thời hạn của giấy chứng nhận cấp lại theo thời hạn của giấy chứng nhận được thay thế. "
                    + "Quyết định này có hiệu lực kể từ ngày ký.", Prose);
        }
        else
        {
            var stars = m.Lines.GroupBy(x => x.Stars).OrderByDescending(g => g.Key).Select(g => $"{g.Count()} sản phẩm đạt {g.Key} sao").ToList();
            b.Paragraph($"Điều 1. Công nhận kết quả đánh giá, phân hạng sản phẩm OCOP {m.ProvinceUnit}{(m.RoundName is null ? "" : " " + m.RoundName.ToLower(Vi))} đối với {count} sản phẩm "
                    + $"({string.Join(", ", stars)}), có danh sách tại Phụ lục kèm theo Quyết định này.", Prose)
                .Paragraph($"Điều 2. Quyết định này có hiệu lực kể từ ngày ký. Kết quả công nhận và giấy chứng nhận kết quả phân hạng sản phẩm OCOP có giá trị trong thời hạn {m.ValidityMonths} tháng kể từ ngày ký Quyết định. "
                    + "Các chủ thể có sản phẩm được công nhận được sử dụng nhãn hiệu OCOP với hạng sao tương ứng theo quy định và có trách nhiệm duy trì, nâng cao chất lượng sản phẩm.", Prose);
        }

        b.Paragraph($"Điều 3. Chánh Văn phòng {Capacity(authority)}; Giám đốc Sở Nông nghiệp và Môi trường; Thủ trưởng các sở, ngành có liên quan; "
                + "Chủ tịch Ủy ban nhân dân các xã, phường có sản phẩm và các chủ thể có tên tại Phụ lục kèm theo chịu trách nhiệm thi hành Quyết định này./.", Prose)
            .Spacer(6)
            .Signatures(null,
                new SignatureParty(string.IsNullOrWhiteSpace(d.SignatoryTitle) ? "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH" : d.SignatoryTitle.Replace(" / ", "\n", StringComparison.Ordinal),
                    draft ? "(Dự thảo – chưa ký)" : null, string.IsNullOrWhiteSpace(d.SignatoryName) ? null : d.SignatoryName),
                new SignatureParty("Nơi nhận:", "- Như Điều 3;\n- Bộ Nông nghiệp và Môi trường (b/c);\n- Văn phòng Điều phối NTM trung ương (b/c);\n- Lưu: VT.", null),
                signingSpace: 64);

        b.PageBreak()
            .Paragraph("PHỤ LỤC", Heading)
            .Paragraph(amendment ? "NỘI DUNG SỬA ĐỔI, BỔ SUNG THÔNG TIN SẢN PHẨM OCOP" : "DANH SÁCH SẢN PHẨM ĐƯỢC CÔNG NHẬN ĐẠT CHUẨN OCOP", TitleStyle)
            .Paragraph($"(Kèm theo Quyết định số {number} ngày {Date(d.DecisionDate)} của {authority})", AppendixNote);
        var columns = new List<TableColumn>
        {
            new("STT", 0.5f, TextAlign.Center), new("Tên sản phẩm", 2.2f), new("Chủ thể", 2.2f), new("Địa chỉ", 2.6f),
            new("Bộ tiêu chí / nhóm", 1.3f, TextAlign.Center), new("Điểm", 0.8f, TextAlign.Center), new("Hạng sao", 0.9f, TextAlign.Center),
        };
        var rows = new List<IReadOnlyList<string>>();
        var i = 0;
        foreach (var line in m.Lines)
        {
            i++;
            if (amendment && line.ReplacesLineId is { } r && m.Replaced.TryGetValue(r, out var old))
            {
                rows.Add([$"{i}a", "Đã ghi: " + old.ProductName, old.ProducerName, old.ProducerAddress, Set(old), Score(old.Score), Stars(old.Stars)]);
                rows.Add([$"{i}b", "Sửa thành: " + line.ProductName, line.ProducerName, line.ProducerAddress, Set(line), Score(line.Score), Stars(line.Stars)]);
            }
            else
            {
                rows.Add([i.ToString(CultureInfo.InvariantCulture), line.ProductName, line.ProducerName, line.ProducerAddress, Set(line), Score(line.Score), Stars(line.Stars)]);
            }
        }

        b.Table(columns, rows, Appendix);
    }

    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>"Ủy ban nhân dân thành phố Cần Thơ" → as written after "Chánh Văn phòng".</summary>
    private static string Capacity(string authority) => authority;

    private static string Lower(string title) => title.Length > 0 && char.IsUpper(title[0]) ? char.ToLower(title[0], Vi) + title[1..] : title;

    private static string Set(DecisionLine x) => string.IsNullOrWhiteSpace(x.CategoryCode)
        ? $"Bộ {x.CriteriaSetNumber}"
        : $"Bộ {x.CriteriaSetNumber} / {x.CategoryCode}";

    private static string Score(decimal? score) => score is { } s ? s.ToString("0.00", Vi) : "";

    public static string Stars(int stars) => $"{stars} sao";

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>Nghị định 30/2020: days below 10 and the months 1 and 2 are written with a leading zero ("ngày 05 tháng 02", "ngày 15 tháng 7").</summary>
    public static string PlaceDate(string place, DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{place}, ngày {date.Day:00} tháng {(date.Month <= 2 ? date.Month.ToString("00", CultureInfo.InvariantCulture) : date.Month.ToString(CultureInfo.InvariantCulture))} năm {date.Year}");
}
