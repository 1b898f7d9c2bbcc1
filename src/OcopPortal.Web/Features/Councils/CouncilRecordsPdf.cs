using System.Globalization;
using OcopPortal.Web.Domain.Councils;
using OcopPortal.Web.Domain.Rating;
using OcopPortal.Web.Domain.Rules;
using OcopPortal.Web.Infrastructure.Pdf;

namespace OcopPortal.Web.Features.Councils;

/// <summary>Layout of the minutes and of the scoring sheet (data loaded by the other half of the class).</summary>
public sealed partial class CouncilRecords
{
    private const string Blank = "…………………………";
    private const string CouncilTitle = "Hội đồng đánh giá, phân hạng sản phẩm OCOP";

    private static readonly TextStyle Heading = new(Size: 14, Bold: true, Align: TextAlign.Center, SpaceAfter: 0);
    private static readonly TextStyle SubHeading = new(Size: 13, Bold: true, Align: TextAlign.Center, SpaceAfter: 2);
    private static readonly TextStyle RoundLine = new(Size: 12, Italic: true, Align: TextAlign.Center, SpaceAfter: 10);
    private static readonly TextStyle Section = new(Size: 12, Bold: true, SpaceAfter: 3);
    private static readonly TextStyle Line = new(Size: 12, LineHeight: 1.35f, SpaceAfter: 2);
    private static readonly TextStyle Basis = new(Size: 12, Italic: true, Align: TextAlign.Justify, LineHeight: 1.35f, SpaceAfter: 2, FirstLineIndent: 28);
    private static readonly TextStyle Prose = new(Size: 12, Align: TextAlign.Justify, LineHeight: 1.35f, SpaceAfter: 4, FirstLineIndent: 28);
    private static readonly TextStyle Note = new(Size: 10.5f, Italic: true, SpaceAfter: 4);
    private static readonly TextStyle FooterStyle = new(Size: 8, Align: TextAlign.Right, Color: "#555555");
    private static readonly TableStyle People = new(FontSize: 10, Padding: 3, HeaderBackground: "#EEEEEE");
    private static readonly TableStyle Results = new(FontSize: 8.5f, Padding: 2.5f, HeaderBackground: "#EEEEEE");
    private static readonly TableStyle SheetTable = new(FontSize: 9, Padding: 2.5f, HeaderBackground: "#EEEEEE");

    // ---------------------------------------------------------------- minutes

    internal static void Minutes(PdfDocumentBuilder b, MinutesData m)
    {
        var (round, council) = (m.Round, m.Council);
        var written = round.Mode == RoundMode.WrittenOpinion;
        var signedOn = written ? m.ClosedOn : round.MeetingDate ?? m.ClosedOn;
        b.Title($"Biên bản {CouncilTitle} – {round.Name}")
            .Author(council.Name)
            .Subject("Đánh giá, phân hạng sản phẩm OCOP cấp tỉnh")
            .Margins(PdfMargins.Administrative)
            .Footer(p => p.Text($"Biên bản – {round.Name} · Trang {p.PageNumber}/{p.PageCount}", FooterStyle))
            .AdministrativeHeader($"UBND {m.ProvinceUnit}", CouncilTitle, "Số: ……/BB-HĐ", PlaceDate(m.Place, signedOn))
            .Paragraph("BIÊN BẢN", Heading)
            .Paragraph(written
                ? "Tổng hợp ý kiến bằng văn bản của Hội đồng đánh giá, phân hạng sản phẩm OCOP cấp tỉnh"
                : "Họp Hội đồng đánh giá, phân hạng sản phẩm OCOP cấp tỉnh", SubHeading)
            .Paragraph(RoundTitle(round), RoundLine)
            .Paragraph($"Căn cứ Quyết định số {Or(council.DecisionNumber)} ngày {Date(council.DecisionDate)} của Ủy ban nhân dân {m.ProvinceUnit} "
                + $"về việc thành lập {Or(council.Name)};", Basis)
            .Paragraph("Căn cứ Quy chế hoạt động của Hội đồng và danh sách sản phẩm Văn phòng Điều phối Chương trình OCOP trình Hội đồng trong đợt đánh giá này,", Basis)
            .Spacer(4);

        b.Paragraph("I. THỜI GIAN, ĐỊA ĐIỂM, HÌNH THỨC", Section);
        if (written)
        {
            b.Paragraph("- Hình thức: lấy ý kiến bằng văn bản, không tổ chức họp; các thành viên chấm điểm và gửi phiếu trên Cổng OCOP.", Line)
                .Paragraph($"- Hạn gửi ý kiến: ngày {Date(round.ScoringDeadline)}; ngày tổng hợp: {Date(m.ClosedOn)}.", Line);
        }
        else
        {
            b.Paragraph($"- Thời gian: ngày {Date(round.MeetingDate)}.", Line)
                .Paragraph($"- Địa điểm: {Blank}", Line)
                .Paragraph($"- Hình thức: họp Hội đồng; các thành viên chấm điểm trên Cổng OCOP (hạn chấm ngày {Date(round.ScoringDeadline)}).", Line);
        }

        b.Paragraph($"- Thời hạn hoàn thành đánh giá của đợt: ngày {Date(round.LegalDeadline)}.", Line).Spacer(4);

        Attendance(b, m);
        Conflicts(b, m);
        ResultsTable(b, m);
        Summary(b, m);

        b.Spacer(4).Paragraph("VI. KẾT LUẬN", Section)
            .Paragraph("Hội đồng thống nhất kết quả đánh giá, phân hạng nêu trên. Văn phòng Điều phối Chương trình OCOP tổng hợp, "
                + $"trình Ủy ban nhân dân {m.ProvinceUnit} quyết định công nhận sản phẩm đạt 3 sao, 4 sao và gửi hồ sơ sản phẩm tiềm năng 5 sao "
                + "đến Bộ Nông nghiệp và Môi trường theo quy định.", Prose)
            .Paragraph(m.FinalisedOn is { } finalised
                ? $"Kết quả đã được Chủ tịch Hội đồng chốt ngày {Date(finalised)}."
                : "Kết quả được tổng hợp khi kết thúc chấm điểm; Chủ tịch Hội đồng chưa chốt kết quả.", Note);
        if (m.Viewer is { } viewer && m.Hidden > 0)
        {
            b.Paragraph($"Bản này cấp cho {viewer.FullName}; không gồm {m.Hidden} sản phẩm mà thành viên này có xung đột lợi ích.", Note);
        }

        var chair = m.Seats.FirstOrDefault(s => s.Role == SeatRole.Chair);
        var secretary = m.Seats.FirstOrDefault(s => s.Role == SeatRole.Secretary);
        b.Spacer(8).Signatures(null,
            new SignatureParty("Chủ tịch Hội đồng", "(Ký, ghi rõ họ tên)", chair?.FullName),
            new SignatureParty("Thư ký", "(Ký, ghi rõ họ tên)", secretary?.FullName));
    }

    private static void Attendance(PdfDocumentBuilder b, MinutesData m)
    {
        var written = m.Round.Mode == RoundMode.WrittenOpinion;
        // In a written-opinion round, taking part is sending the sheets (of the products this copy shows).
        var sent = m.Results.SelectMany(r => r.Seats).Where(s => !s.Conflicted && s.Sheet is { Status: SheetStatus.Submitted }).Select(s => s.Seat.Id).ToHashSet();
        bool TookPart(CouncilSeat s) => written ? sent.Contains(s.Id) : m.Present.Contains(s.Id);

        b.Paragraph(written ? "II. THÀNH VIÊN HỘI ĐỒNG GỬI Ý KIẾN" : "II. THÀNH PHẦN THAM DỰ", Section)
            .Paragraph($"Hội đồng gồm {m.Seats.Count} người theo Quyết định số {Or(m.Council.DecisionNumber)}:", Line);
        var rows = m.Seats.Select((s, i) => (IReadOnlyList<string>)
        [
            (i + 1).ToString(CultureInfo.InvariantCulture), s.FullName, s.Agency, RoleTitle(s.Role),
            written
                ? s.Votes ? (sent.Contains(s.Id) ? "Đã gửi ý kiến" : "Không gửi ý kiến") : "Không chấm điểm"
                : m.Present.Contains(s.Id) ? "Có mặt" : "Vắng mặt",
        ]);
        b.Table(
            [new TableColumn("STT", 0.6f, TextAlign.Center), new TableColumn("Họ và tên", 2.2f), new TableColumn("Cơ quan, đơn vị", 2.8f),
             new TableColumn("Chức danh", 1.8f), new TableColumn(written ? "Ý kiến" : "Tham dự", 1.4f, TextAlign.Center)],
            rows, People);

        var voting = m.Seats.Where(s => s.Votes).ToList();
        var taking = voting.Where(TookPart).ToList();
        var chair = voting.FirstOrDefault(s => s.Role == SeatRole.Chair);
        if (written)
        {
            b.Paragraph(taking.Count == 0
                ? "Chưa thành viên nào gửi ý kiến."
                : "Các thành viên đã gửi ý kiến: " + string.Join(", ", taking.Select(s => s.FullName)) + ".", Line);
            var ok = RoundRules.HasQuorum(voting.Count, taking.Count, true);
            b.Paragraph($"Số thành viên có quyền biểu quyết: {voting.Count}; số thành viên gửi ý kiến: {taking.Count}. "
                + (ok
                    ? "Số ý kiến đạt tối thiểu 3/4 số thành viên theo Quy chế, đủ điều kiện tổng hợp kết quả."
                    : "Số ý kiến chưa đạt 3/4 số thành viên theo Quy chế."), Line);
        }
        else
        {
            var absent = m.Seats.Where(s => !m.Present.Contains(s.Id)).ToList();
            if (absent.Count > 0)
            {
                b.Paragraph("Vắng mặt: " + string.Join(", ", absent.Select(s => $"{s.FullName} ({RoleTitle(s.Role).ToLower(Vi)})")) + ".", Line);
            }

            var chairPresent = chair is null || m.Present.Contains(chair.Id);
            var ok = RoundRules.HasQuorum(voting.Count, taking.Count, chairPresent);
            b.Paragraph($"Số thành viên có quyền biểu quyết: {voting.Count}; có mặt: {taking.Count}; Chủ tịch Hội đồng {(chairPresent ? "có mặt" : "vắng mặt")}. "
                + (ok
                    ? "Cuộc họp đủ điều kiện tiến hành theo Quy chế (có mặt từ 3/4 số thành viên trở lên, trong đó có Chủ tịch Hội đồng)."
                    : "Cuộc họp chưa đủ điều kiện theo Quy chế (cần có mặt từ 3/4 số thành viên trở lên, trong đó có Chủ tịch Hội đồng)."), Line);
        }

        b.Paragraph("Số thành viên cần thiết được xét riêng cho từng sản phẩm, không tính thành viên có xung đột lợi ích với sản phẩm đó.", Note)
            .Spacer(4);
    }

    private static void Conflicts(PdfDocumentBuilder b, MinutesData m)
    {
        b.Paragraph("III. XUNG ĐỘT LỢI ÍCH", Section);
        var lines = m.Results.SelectMany(r => r.Seats.Where(s => s.Conflicted).Select(s => $"- {r.Entry.Product}: {s.Seat.FullName} ({s.Seat.Agency}) không chấm điểm sản phẩm này."))
            .ToList();
        if (lines.Count == 0)
        {
            b.Paragraph("Không có thành viên nào khai báo xung đột lợi ích với các sản phẩm trong biên bản này.", Line);
        }

        foreach (var line in lines)
        {
            b.Paragraph(line, Line);
        }

        b.Spacer(4);
    }

    private static void ResultsTable(PdfDocumentBuilder b, MinutesData m)
    {
        b.Paragraph("IV. KẾT QUẢ ĐÁNH GIÁ, PHÂN HẠNG", Section)
            .Paragraph("Điểm của mỗi sản phẩm là trung bình cộng tổng điểm các phiếu hợp lệ, làm tròn đến hai chữ số thập phân; hạng sao "
                + "xác định theo điểm trung bình và mức tối thiểu của các tiêu chí. Phiếu của thành viên có xung đột lợi ích"
                + (m.Round.Mode == RoundMode.Meeting ? " hoặc vắng mặt" : "") + " không được tính.", Prose);
        var rows = m.Results.Select((r, i) =>
        {
            var s = r.Outcome.Score;
            return (IReadOnlyList<string>)
            [
                (i + 1).ToString(CultureInfo.InvariantCulture), r.Entry.Product, r.Entry.Producer,
                r.Entry.CriteriaSetNumber.ToString(CultureInfo.InvariantCulture),
                r.Outcome.Participating.ToString(CultureInfo.InvariantCulture),
                s is null ? "–" : Mean(s.Mean), s is null ? "–" : Num(s.Min), s is null ? "–" : Num(s.Max),
                s is null ? "–" : Num(s.Spread) + (s.SpreadExceeded ? " (*)" : ""),
                s is null ? "–" : StarsText(s.Rating), Proposal(r.Outcome),
            ];
        }).ToList();
        if (rows.Count == 0)
        {
            b.Paragraph("Không có sản phẩm.", Line);
            return;
        }

        b.Table(
            [new TableColumn("STT", 0.6f, TextAlign.Center), new TableColumn("Sản phẩm", 1.8f), new TableColumn("Chủ thể", 1.8f),
             new TableColumn("Bộ TC", 0.55f, TextAlign.Center), new TableColumn("Số phiếu hợp lệ", 0.75f, TextAlign.Center),
             new TableColumn("Điểm TB", 0.8f, TextAlign.Center), new TableColumn("Thấp nhất", 0.75f, TextAlign.Center),
             new TableColumn("Cao nhất", 0.75f, TextAlign.Center), new TableColumn("Chênh lệch", 0.95f, TextAlign.Center),
             new TableColumn("Hạng sao", 0.85f, TextAlign.Center), new TableColumn("Đề xuất", 2.0f)],
            rows, Results);

        var flagged = m.Results.Where(r => r.Outcome.Score is { SpreadExceeded: true }).ToList();
        if (flagged.Count > 0)
        {
            b.Paragraph("(*) Chênh lệch giữa phiếu cao nhất và thấp nhất vượt mức cho phép; ý kiến giải trình của Chủ tịch Hội đồng:", Line);
            foreach (var r in flagged)
            {
                var limit = m.Sets[r.Entry.CriteriaSetId].Rules.MaxMemberSpread;
                var why = m.Justifications.GetValueOrDefault(r.Entry.EntryId);
                b.Paragraph($"- {r.Entry.Product} (chênh lệch {Num(r.Outcome.Score!.Spread)} điểm, mức cho phép {Num(limit)} điểm): "
                    + (string.IsNullOrWhiteSpace(why) ? "chưa có giải trình; kết quả chưa được chốt." : why.Trim()), Line);
            }
        }

        var capped = m.Results.Where(r => r.Outcome.Score is { Rating.CappedByMinimums: true } || r.Outcome.Score is { Rating.Eliminated: true }).ToList();
        if (capped.Count > 0)
        {
            b.Paragraph("Lưu ý về hạng sao:", Line);
        }

        foreach (var r in capped)
        {
            var sets = m.Sets[r.Entry.CriteriaSetId];
            var notes = Flags(r.Outcome, sets.Rules.MaxMemberSpread, null).Where(f => !f.StartsWith("Chênh lệch", StringComparison.Ordinal));
            b.Paragraph($"- {r.Entry.Product}: {string.Join("; ", notes)}.", Line);
        }

        b.Spacer(4);
    }

    private static void Summary(PdfDocumentBuilder b, MinutesData m)
    {
        var scores = m.Results.Select(r => r.Outcome.Score).ToList();
        int Count(Func<StarRating, bool> match) => scores.Count(s => s is not null && match(s.Rating));
        var pending = scores.Count(s => s is null);
        var flagged = m.Results.Count(r => r.Outcome.State == EntryState.SpreadFlagged);
        b.Paragraph("V. TỔNG HỢP", Section)
            .Paragraph($"Tổng số sản phẩm được đánh giá: {m.Results.Count}, trong đó:", Line)
            .Paragraph($"- Tiềm năng 5 sao (đề nghị Bộ Nông nghiệp và Môi trường đánh giá, công nhận): {Count(r => r.Outcome == RatingOutcome.PotentialFiveStar)} sản phẩm;", Line)
            .Paragraph($"- Đạt 4 sao: {Count(r => r.Outcome == RatingOutcome.Recognised && r.Stars == 4)} sản phẩm;", Line)
            .Paragraph($"- Đạt 3 sao: {Count(r => r.Outcome == RatingOutcome.Recognised && r.Stars == 3)} sản phẩm;", Line)
            .Paragraph($"- Không công nhận: {Count(r => r.Outcome == RatingOutcome.NotRecognised)} sản phẩm" + (pending > 0 ? ";" : "."), Line);
        if (pending > 0)
        {
            b.Paragraph($"- Chưa có kết quả (không đủ số thành viên tham gia chấm điểm): {pending} sản phẩm.", Line);
        }

        if (flagged > 0)
        {
            b.Paragraph($"Có {flagged} sản phẩm chênh lệch điểm vượt mức chưa được giải trình hoặc chấm lại.", Note);
        }
    }

    // ---------------------------------------------------------------- scoring sheet

    internal static void ScoringSheet(PdfDocumentBuilder b, SheetData d)
    {
        var (round, entry, seat, set, score) = (d.Round, d.Entry, d.Seat, d.Set, d.Score);
        var sheet = set.Sheet;
        b.Title($"Phiếu đánh giá, chấm điểm sản phẩm OCOP – {entry.Product} – {seat.FullName}")
            .Author(seat.FullName)
            .Subject(string.IsNullOrWhiteSpace(set.Rules.LegalBasis) ? set.Rules.Code : set.Rules.LegalBasis)
            .Margins(PdfMargins.Administrative)
            .Footer(p => p.Text($"Phiếu chấm điểm · {entry.Product} · {seat.FullName} · Trang {p.PageNumber}/{p.PageCount}", FooterStyle))
            .AdministrativeHeader($"UBND {d.ProvinceUnit}", CouncilTitle, "", "")
            .Paragraph("PHIẾU ĐÁNH GIÁ, CHẤM ĐIỂM SẢN PHẨM OCOP", Heading)
            .Paragraph($"Bộ tiêu chí số {entry.CriteriaSetNumber} – {sheet.Name}", SubHeading)
            .Paragraph(RoundTitle(round), RoundLine);

        b.Paragraph("I. THÔNG TIN CHUNG", Section)
            .Paragraph($"- Tên sản phẩm: {entry.Product}", Line)
            .Paragraph($"- Chủ thể: {entry.Producer}", Line)
            .Paragraph($"- Số hồ sơ: {Or(entry.Number)}", Line)
            .Paragraph($"- Bộ tiêu chí: bộ số {entry.CriteriaSetNumber} – {sheet.Name}", Line)
            .Paragraph($"- Thành viên chấm điểm: {seat.FullName} – {RoleTitle(seat.Role)}; cơ quan, đơn vị: {Or(seat.Agency)}", Line)
            .Spacer(4);

        b.Paragraph("II. CHẤM ĐIỂM THEO TIÊU CHÍ", Section)
            .Paragraph("Đánh dấu [x] ở phương án được chọn; (mức n sao): phương án tối thiểu để đạt hạng n sao.", Note);
        var answers = d.Sheet.Answers.GroupBy(a => a.CriterionCode).ToDictionary(g => g.Key, g => g.First());
        var parts = set.Set.Nodes.Where(n => n.Kind == CriterionNodeKind.Part).OrderBy(n => n.SortOrder).ToList();
        var groups = set.Set.Nodes.Where(n => n.Kind == CriterionNodeKind.Group).ToLookup(n => n.ParentId);
        var rows = new List<IReadOnlyList<string>>();
        foreach (var part in parts)
        {
            var inPart = sheet.Criteria.Where(c => c.Part == part.Code).ToList();
            rows.Add([part.Code, $"PHẦN {part.Code}. {part.Name.ToUpper(Vi)}", "", $"{Num(score.PartTotals[part.Code])}/{part.Max}", ""]);
            foreach (var group in groups[part.Id].OrderBy(g => g.SortOrder))
            {
                var inGroup = inPart.Where(c => c.Group == group.Code).ToList();
                if (inGroup is not [{ } only] || only.Code != group.Code) // a group that is one criterion prints once
                {
                    rows.Add([group.Code, group.Name.ToUpper(Vi), "", $"{inGroup.Sum(c => score.Points[c.Code])}/{group.Max}", ""]);
                }

                foreach (var c in inGroup)
                {
                    answers.TryGetValue(c.Code, out var answer);
                    rows.Add([c.Code, c.Name, "", $"{score.Points[c.Code]}/{c.Max}", CriterionNote(c, answer)]);
                    rows.AddRange(c.Options.Select(o => (IReadOnlyList<string>)
                    [
                        "", $"{o.Label} ({o.Points} điểm{(o.MinStar is { } star ? $"; mức {star} sao" : "")})",
                        answer?.OptionId == o.Key ? "[x]" : "[ ]", "", "",
                    ]));
                }
            }
        }

        b.Table(
            [new TableColumn("Mã", 0.6f, TextAlign.Center), new TableColumn("Tiêu chí, phương án", 5.2f), new TableColumn("Chọn", 0.6f, TextAlign.Center),
             new TableColumn("Điểm", 0.8f, TextAlign.Center), new TableColumn("Nhận xét", 2.2f)],
            rows, SheetTable);

        var maxTotal = sheet.PartMax.Values.Sum();
        b.Spacer(4).Paragraph("III. TỔNG HỢP ĐIỂM", Section);
        b.Table(
            [new TableColumn("Phần", 5), new TableColumn("Điểm", 1.5f, TextAlign.Center), new TableColumn("Điểm tối đa", 1.5f, TextAlign.Center)],
            parts.Select(p => (IReadOnlyList<string>)[$"Phần {p.Code}. {p.Name}", Num(score.PartTotals[p.Code]), p.Max.ToString(CultureInfo.InvariantCulture)])
                .Append(["Tổng cộng", Num(score.Total), maxTotal.ToString(CultureInfo.InvariantCulture)]),
            People);
        b.Paragraph($"Tổng điểm: {Num(score.Total)}/{maxTotal} điểm.", Section)
            .Paragraph($"Hạng sao theo phiếu này: {StarsText(d.Rating)}.", Line);
        if (d.Rating.CappedByMinimums)
        {
            b.Paragraph($"Điểm đạt mức {d.Rating.BandStars} sao nhưng chưa đạt mức tối thiểu của tiêu chí: "
                + string.Join(", ", score.Unmet.Where(u => u.Stars > d.Rating.Stars).Select(u => $"{u.Code} ({u.Actual}/{u.Required} điểm)")) + ".", Line);
        }

        var knockouts = sheet.Criteria.Where(c => answers.TryGetValue(c.Code, out var a) && a.Eliminates).ToList();
        b.Paragraph("Trường hợp loại, dừng đánh giá:", Line);
        if (knockouts.Count == 0)
        {
            b.Paragraph("- Không phát hiện.", Line);
        }

        foreach (var c in knockouts)
        {
            b.Paragraph($"- Tiêu chí {c.Code}: {c.Knockout ?? c.Stop ?? "thành viên xác định thuộc trường hợp loại"}", Line);
        }

        if (score.Unanswered.Count > 0)
        {
            b.Paragraph($"Tiêu chí chưa chọn phương án: {string.Join(", ", score.Unanswered)}.", Line);
        }

        if (!string.IsNullOrWhiteSpace(d.Sheet.OverallComment))
        {
            b.Paragraph("Ý kiến khác:", Line).Paragraph(d.Sheet.OverallComment.Trim(), Prose);
        }

        b.Paragraph($"Phiếu gửi trên Cổng OCOP ngày {Date(d.SubmittedOn)}.", Note)
            .Spacer(8)
            .Signatures(PlaceDate(d.Place, d.SubmittedOn), new SignatureParty(RoleTitle(seat.Role), "(Ký, ghi rõ họ tên)", seat.FullName));
    }

    private static string CriterionNote(CriterionDef c, ScoreSheetAnswer? answer)
    {
        var notes = new List<string>();
        if (answer is null || (answer.OptionId is null && !answer.NotApplicable))
        {
            notes.Add("Chưa chọn");
        }
        else if (answer.OptionId is { } id && c.Options.All(o => o.Key != id))
        {
            notes.Add("Phương án không thuộc bộ tiêu chí");
        }

        if (answer?.NotApplicable == true)
        {
            notes.Add("Không áp dụng");
        }

        if (answer?.Eliminates == true)
        {
            notes.Add(c.Stop is not null && c.Knockout is null ? "Dừng đánh giá" : "Thuộc trường hợp loại");
        }

        if (!string.IsNullOrWhiteSpace(answer?.Comment))
        {
            notes.Add(answer.Comment.Trim());
        }

        return string.Join(". ", notes);
    }

    // ---------------------------------------------------------------- shared pieces

    /// <summary>The round's name, with its number and year when the name does not say them (e.g. "Đợt bổ sung" → "Đợt bổ sung (đợt 3 năm 2026)").</summary>
    private static string RoundTitle(EvaluationRound round) =>
        round.Name.Contains(round.Year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            ? round.Name
            : $"{round.Name} (đợt {round.Number} năm {round.Year})";

    private static string PlaceDate(string place, DateOnly? date) =>
        date is { } d ? $"{place}, ngày {d.Day:00} tháng {d.Month:00} năm {d.Year}" : $"{place}, ngày …… tháng …… năm ……";

    private static string Date(DateOnly? date) => date?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? Blank;

    private static string Or(string? value) => string.IsNullOrWhiteSpace(value) ? Blank : value.Trim();
}
