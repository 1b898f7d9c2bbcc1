using System.Globalization;
using System.Text;
using MiniExcelLibs;
using OcopPortal.Web.Data.AdminUnits;
using OcopPortal.Web.Domain.Text;
using OcopPortal.Web.Infrastructure.Files;

namespace OcopPortal.Web.Features.Recognition.LegacyImport;

/// <summary>A column of the legacy certificate template (docs/import/legacy-certificates-template.*).</summary>
public sealed record LegacyColumn(string Key, string Header, bool Required, string Meaning);

/// <summary>The template's columns, in order. Headers are matched without accents or case ("Ma xa" finds "Mã xã").</summary>
public static class LegacyTemplate
{
    public const string ProducerName = "producer_name";
    public const string ProducerType = "producer_type";
    public const string TaxCode = "tax_code";
    public const string Address = "address";
    public const string CommuneCode = "commune_code";
    public const string OldCommune = "old_commune";
    public const string OldDistrict = "old_district";
    public const string ProductName = "product_name";
    public const string Classification = "classification";
    public const string CriteriaSet = "criteria_set";
    public const string Stars = "stars";
    public const string Score = "score";
    public const string DecisionNumber = "decision_number";
    public const string DecisionDate = "decision_date";
    public const string Authority = "authority";
    public const string AuthorityLevel = "authority_level";
    public const string CertificateNumber = "certificate_number";
    public const string IssuedOn = "issued_on";
    public const string ValidUntil = "valid_until";

    public static readonly IReadOnlyList<LegacyColumn> Columns =
    [
        new(ProducerName, "Tên chủ thể", true, "Tên hợp tác xã, doanh nghiệp, hộ sản xuất... như trên giấy chứng nhận."),
        new(ProducerType, "Loại hình", true, "HTX, THT, DN, Hộ, Trang trại hoặc Hội (viết đầy đủ cũng được: Hợp tác xã, Tổ hợp tác, Doanh nghiệp, Hộ kinh doanh...)."),
        new(TaxCode, "Mã số thuế", false, "10 chữ số, 10 chữ số-3 chữ số (chi nhánh) hoặc 12 chữ số (số định danh của hộ). Dùng để nhận ra chủ thể đã có."),
        new(Address, "Địa chỉ", true, "Địa chỉ chủ thể như ghi trên quyết định (có thể theo đơn vị hành chính cũ)."),
        new(CommuneCode, "Mã xã", false, "Mã xã/phường hiện nay (5 chữ số). Bỏ trống thì phải ghi Xã cũ (và nên ghi Huyện cũ)."),
        new(OldCommune, "Xã cũ", false, "Tên xã/phường/thị trấn trước sắp xếp 2025, ví dụ “Xã Hồ Đắc Kiện”; được đổi sang xã hiện nay theo bảng chuyển đổi."),
        new(OldDistrict, "Huyện cũ", false, "Tên huyện/quận/thị xã cũ, ví dụ “Huyện Châu Thành”, để phân biệt các xã cũ trùng tên."),
        new(ProductName, "Tên sản phẩm", true, "Tên sản phẩm như trên giấy chứng nhận."),
        new(Classification, "Phân loại", false, "Mã hoặc tên phân nhóm hiện hành (ví dụ “I.3.c” hoặc “Chế biến từ rau, củ, quả, hạt”), hoặc tên ngành theo quy định cũ (ví dụ “Thực phẩm”, “Đồ uống”). Bỏ trống thì phải ghi Bộ tiêu chí."),
        new(CriteriaSet, "Bộ tiêu chí", false, "Số bộ tiêu chí (1–26) nếu biết."),
        new(Stars, "Hạng sao", true, "3, 4 hoặc 5."),
        new(Score, "Điểm", false, "Tổng điểm của Hội đồng (0–100), nếu biết."),
        new(DecisionNumber, "Số quyết định", true, "Số quyết định công nhận, ví dụ “1234/QĐ-UBND”."),
        new(DecisionDate, "Ngày quyết định", true, "Ngày ký quyết định, dạng ngày/tháng/năm (31/12/2023)."),
        new(Authority, "Cơ quan ban hành", true, "Ví dụ “UBND huyện Châu Thành”, “UBND tỉnh Sóc Trăng”."),
        new(AuthorityLevel, "Cấp ban hành", false, "huyện, tỉnh hoặc bộ. Bỏ trống thì suy ra từ tên cơ quan (có chữ “huyện”/“thị xã” là cấp huyện, “tỉnh” là cấp tỉnh, “Bộ” là cấp bộ)."),
        new(CertificateNumber, "Số giấy chứng nhận", true, "Số in trên giấy chứng nhận; không trùng nhau. Là khóa để nhập lại cùng tệp không thêm gì."),
        new(IssuedOn, "Ngày cấp", true, "Ngày cấp giấy chứng nhận, dạng ngày/tháng/năm."),
        new(ValidUntil, "Có hiệu lực đến", false, "Bỏ trống: ngày cấp cộng 36 tháng."),
    ];

    private static readonly Dictionary<string, string> ByFoldedHeader =
        Columns.ToDictionary(c => VietnameseText.Fold(c.Header), c => c.Key, StringComparer.Ordinal);

    /// <summary>The column key a header names ("Mã xã", "ma xa", "MÃ XÃ" or the key itself), or null.</summary>
    public static string? KeyOf(string header)
    {
        var folded = VietnameseText.Fold(header.Replace('_', ' '));
        return ByFoldedHeader.TryGetValue(folded, out var key) ? key
            : Columns.FirstOrDefault(c => VietnameseText.Fold(c.Key.Replace('_', ' ')) == folded)?.Key;
    }
}

/// <summary>One data row: its row number in the file (the header is row 1, as a spreadsheet shows it) and its cells as text.</summary>
public sealed record LegacySheetRow(int Line, IReadOnlyDictionary<string, string> Cells)
{
    public string this[string key] => Cells.TryGetValue(key, out var v) ? v : "";
}

/// <summary>The uploaded table: columns found (template keys) and the rows.</summary>
public sealed record LegacySheet(IReadOnlyList<string> Keys, IReadOnlyList<LegacySheetRow> Rows);

/// <summary>
/// Reads the uploaded file: XLSX (first sheet, through MiniExcel) or CSV (UTF-8 with or without BOM, comma or
/// semicolon). Cells become trimmed NFC text; Excel dates become <c>yyyy-MM-dd</c>. Returns the table or why not.
/// </summary>
public static class LegacySheetReader
{
    public const int MaxRows = 5000;

    public static (LegacySheet? Sheet, string? Problem) Read(byte[] data, FileKind kind)
    {
        List<(int Line, List<string> Cells)> raw;
        try
        {
            raw = kind == FileKind.Xlsx ? ReadXlsx(data) : ReadCsv(data);
        }
        catch (DecoderFallbackException)
        {
            return (null, "Tệp CSV không phải văn bản UTF-8. Trong Excel, hãy chọn Lưu thành “CSV UTF-8 (Comma delimited)”.");
        }
        catch (Exception ex) when (ex is not OutOfMemoryException and not OperationCanceledException)
        {
            return (null, "Không đọc được bảng tính trong tệp. Hãy mở tệp bằng Excel, kiểm tra và lưu lại dưới dạng .xlsx hoặc CSV UTF-8.");
        }

        if (raw.Count == 0)
        {
            return (null, "Tệp rỗng: không có dòng tiêu đề.");
        }

        var header = raw[0].Cells;
        var keys = header.Select(h => LegacyTemplate.KeyOf(h)).ToList();
        var unknown = header.Where((h, i) => h.Length > 0 && keys[i] is null).ToList();
        var missing = LegacyTemplate.Columns.Where(c => c.Required && !keys.Contains(c.Key)).Select(c => c.Header).ToList();
        if (missing.Count > 0)
        {
            return (null, $"Dòng tiêu đề (dòng 1) thiếu cột: {string.Join(", ", missing)}."
                + (unknown.Count > 0 ? $" Các cột không nhận ra: {string.Join(", ", unknown)}." : "")
                + " Hãy dùng đúng tên cột của tệp mẫu.");
        }

        if (!keys.Contains(LegacyTemplate.CommuneCode) && !keys.Contains(LegacyTemplate.OldCommune))
        {
            return (null, "Dòng tiêu đề cần cột “Mã xã” hoặc cột “Xã cũ”.");
        }

        if (!keys.Contains(LegacyTemplate.Classification) && !keys.Contains(LegacyTemplate.CriteriaSet))
        {
            return (null, "Dòng tiêu đề cần cột “Phân loại” hoặc cột “Bộ tiêu chí”.");
        }

        var duplicate = keys.Where(k => k is not null).GroupBy(k => k).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            return (null, $"Cột “{LegacyTemplate.Columns.Single(c => c.Key == duplicate.Key).Header}” xuất hiện hai lần trong dòng tiêu đề.");
        }

        var rows = new List<LegacySheetRow>();
        foreach (var (line, cells) in raw.Skip(1))
        {
            if (cells.All(c => c.Length == 0))
            {
                continue;
            }

            var dict = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < keys.Count && i < cells.Count; i++)
            {
                if (keys[i] is { } key)
                {
                    dict[key] = cells[i];
                }
            }

            rows.Add(new LegacySheetRow(line, dict));
        }

        if (rows.Count == 0)
        {
            return (null, "Tệp không có dòng dữ liệu nào dưới dòng tiêu đề.");
        }

        return rows.Count > MaxRows
            ? (null, $"Tệp có {rows.Count} dòng; mỗi lần nhập tối đa {MaxRows} dòng, hãy chia thành nhiều tệp.")
            : (new LegacySheet(keys.Where(k => k is not null).Select(k => k!).ToList(), rows), null);
    }

    private static List<(int, List<string>)> ReadCsv(byte[] data)
    {
        var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(data);
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            throw new InvalidDataException("binary content");
        }

        text = text.TrimStart('\uFEFF');
        var firstLine = text.Split('\n', 2)[0];
        var delimiter = firstLine.Count(ch => ch == ';') > firstLine.Count(ch => ch == ',') ? ';' : ',';
        var table = CsvTable.Parse(text, delimiter);
        var result = new List<(int, List<string>)>();
        if (table.Header.Count > 0)
        {
            result.Add((1, table.Header.ToList()));
        }

        result.AddRange(table.Rows.Select(r => (r.Line, r.Fields.ToList())));
        return result;
    }

    private static List<(int, List<string>)> ReadXlsx(byte[] data)
    {
        using var stream = new MemoryStream(data, writable: false);
        var result = new List<(int, List<string>)>();
        var line = 0;
        foreach (IDictionary<string, object?> row in MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.XLSX))
        {
            line++;
            // Keys are column letters (A, B, ... AA): place each cell by its column, whatever MiniExcel left out.
            var cells = new List<string>();
            foreach (var (column, value) in row)
            {
                var index = ColumnIndex(column);
                while (cells.Count <= index)
                {
                    cells.Add("");
                }

                cells[index] = Text(value);
            }

            result.Add((line, cells));
            if (line > MaxRows + 1)
            {
                break;
            }
        }

        return result;
    }

    private static int ColumnIndex(string letters)
    {
        var index = 0;
        foreach (var ch in letters.ToUpperInvariant())
        {
            index = (index * 26) + (ch - 'A' + 1);
        }

        return index - 1;
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double n => n.ToString("0.############", CultureInfo.InvariantCulture),
        decimal n => n.ToString("0.############", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture).Trim().Normalize(NormalizationForm.FormC),
        _ => (value.ToString() ?? "").Trim().Normalize(NormalizationForm.FormC),
    };
}
