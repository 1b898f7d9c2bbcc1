using System.Globalization;
using System.Text.RegularExpressions;
using OcopPortal.Web.Domain.Producers;
using OcopPortal.Web.Domain.Recognition;
using OcopPortal.Web.Domain.Text;
using T = OcopPortal.Web.Features.Recognition.LegacyImport.LegacyTemplate;

namespace OcopPortal.Web.Features.Recognition.LegacyImport;

/// <summary>A row's own facts, parsed, with what is wrong with them on their own (before any database lookup).</summary>
public sealed class LegacyRecord
{
    public int Line { get; init; }

    public string ProducerName { get; set; } = "";

    public ProducerType? ProducerType { get; set; }

    public string TaxCode { get; set; } = "";

    public string Address { get; set; } = "";

    public string CommuneCode { get; set; } = "";

    public string OldCommune { get; set; } = "";

    public string OldDistrict { get; set; } = "";

    public string ProductName { get; set; } = "";

    public string Classification { get; set; } = "";

    public int? CriteriaSet { get; set; }

    public int? Stars { get; set; }

    public decimal? Score { get; set; }

    public string DecisionNumber { get; set; } = "";

    public DateOnly? DecisionDate { get; set; }

    public string Authority { get; set; } = "";

    public AuthorityLevel? AuthorityLevel { get; set; }

    public string CertificateNumber { get; set; } = "";

    public DateOnly? IssuedOn { get; set; }

    public DateOnly? ValidUntil { get; set; }

    public List<string> Problems { get; } = [];
}

/// <summary>Parses one row of the template (dates, stars, producer type, authority level...) into a <see cref="LegacyRecord"/>.</summary>
public static partial class LegacyRowParser
{
    private static readonly string[] DateFormats =
        ["d/M/yyyy", "dd/MM/yyyy", "d-M-yyyy", "dd-MM-yyyy", "d.M.yyyy", "dd.MM.yyyy", "yyyy-MM-dd", "yyyy-M-d", "yyyy/MM/dd"];

    public static LegacyRecord Parse(LegacySheetRow row, DateOnly today)
    {
        var r = new LegacyRecord
        {
            Line = row.Line,
            ProducerName = row[T.ProducerName],
            TaxCode = row[T.TaxCode].Replace(" ", "", StringComparison.Ordinal),
            Address = row[T.Address],
            CommuneCode = row[T.CommuneCode],
            OldCommune = row[T.OldCommune],
            OldDistrict = row[T.OldDistrict],
            ProductName = row[T.ProductName],
            Classification = row[T.Classification],
            DecisionNumber = row[T.DecisionNumber],
            Authority = row[T.Authority],
            CertificateNumber = row[T.CertificateNumber],
        };

        Required(r, r.ProducerName, "Tên chủ thể", 300);
        Required(r, r.Address, "Địa chỉ", 300);
        Required(r, r.ProductName, "Tên sản phẩm", 200);
        Required(r, r.DecisionNumber, "Số quyết định", 60);
        Required(r, r.Authority, "Cơ quan ban hành", 200);
        Required(r, r.CertificateNumber, "Số giấy chứng nhận", 60);

        var type = row[T.ProducerType];
        r.ProducerType = ProducerTypeOf(type);
        if (type.Length == 0)
        {
            r.Problems.Add("Thiếu loại hình chủ thể.");
        }
        else if (r.ProducerType is null)
        {
            r.Problems.Add($"Loại hình “{type}” không hợp lệ (HTX, THT, DN, Hộ, Trang trại hoặc Hội).");
        }

        if (r.TaxCode.Length > 0 && !TaxCodePattern().IsMatch(r.TaxCode))
        {
            r.Problems.Add($"Mã số thuế “{r.TaxCode}” không hợp lệ: cần 10 chữ số, 10-3 chữ số hoặc 12 chữ số (trong Excel hãy định dạng cột là Văn bản để giữ số 0 ở đầu).");
        }

        if (r.CommuneCode.Length > 0)
        {
            if (r.CommuneCode.Length < 5 && r.CommuneCode.All(char.IsAsciiDigit))
            {
                r.CommuneCode = r.CommuneCode.PadLeft(5, '0'); // a number cell dropped the leading zeros
            }

            if (r.CommuneCode.Length != 5 || !r.CommuneCode.All(char.IsAsciiDigit))
            {
                r.Problems.Add($"Mã xã “{r.CommuneCode}” phải gồm đúng 5 chữ số.");
            }
        }
        else if (r.OldCommune.Length == 0)
        {
            r.Problems.Add("Thiếu xã: ghi Mã xã hiện nay hoặc tên Xã cũ.");
        }

        var set = row[T.CriteriaSet];
        if (set.Length > 0)
        {
            r.CriteriaSet = int.TryParse(set, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 26 ? n : null;
            if (r.CriteriaSet is null)
            {
                r.Problems.Add($"Bộ tiêu chí “{set}” phải là số từ 1 đến 26.");
            }
        }
        else if (r.Classification.Length == 0)
        {
            r.Problems.Add("Thiếu phân loại: ghi Phân loại hoặc Bộ tiêu chí.");
        }

        var stars = row[T.Stars];
        if (stars.Length == 0)
        {
            r.Problems.Add("Thiếu hạng sao.");
        }
        else
        {
            var digits = StarDigits().Match(stars);
            var count = stars.Count(ch => ch is '★' or '*');
            int? value = digits.Success && int.TryParse(digits.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s
                : count > 0 && stars.All(ch => ch is '★' or '*' or ' ') ? count : null;
            if (value is null)
            {
                r.Problems.Add($"Hạng sao “{stars}” không đọc được: ghi 3, 4 hoặc 5.");
            }
            else if (value is < 3 or > 5)
            {
                r.Problems.Add($"Hạng sao {value} ngoài khoảng 3–5 (sản phẩm 1–2 sao không được cấp giấy chứng nhận).");
            }
            else
            {
                r.Stars = value;
            }
        }

        var score = row[T.Score];
        if (score.Length > 0)
        {
            var normal = score.Replace(',', '.');
            if (decimal.TryParse(normal, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v) && v is >= 0 and <= 100)
            {
                r.Score = Math.Round(v, 2);
            }
            else
            {
                r.Problems.Add($"Điểm “{score}” phải là số từ 0 đến 100.");
            }
        }

        r.DecisionDate = Date(r, row[T.DecisionDate], "Ngày quyết định", required: true);
        r.IssuedOn = Date(r, row[T.IssuedOn], "Ngày cấp", required: true);
        r.ValidUntil = Date(r, row[T.ValidUntil], "Ngày có hiệu lực đến", required: false);
        if (r.IssuedOn is { } issued)
        {
            if (issued > today)
            {
                r.Problems.Add($"Ngày cấp {Show(issued)} ở tương lai.");
            }

            if (r.DecisionDate is { } decided && decided > issued)
            {
                r.Problems.Add($"Ngày cấp {Show(issued)} trước ngày quyết định {Show(decided)}.");
            }

            if (r.ValidUntil is { } until && until <= issued)
            {
                r.Problems.Add($"Ngày có hiệu lực đến {Show(until)} không sau ngày cấp {Show(issued)}.");
            }
        }

        var level = row[T.AuthorityLevel];
        r.AuthorityLevel = level.Length > 0 ? LevelOf(level) : GuessLevel(r.Authority);
        if (r.AuthorityLevel is null && (level.Length > 0 || r.Authority.Length > 0))
        {
            r.Problems.Add(level.Length > 0
                ? $"Cấp ban hành “{level}” không hợp lệ (huyện, tỉnh hoặc bộ)."
                : $"Không suy ra được cấp ban hành từ “{r.Authority}”: ghi cột Cấp ban hành (huyện, tỉnh hoặc bộ).");
        }

        return r;
    }

    public static ProducerType? ProducerTypeOf(string text)
    {
        var f = VietnameseText.Fold(text).Replace(".", "", StringComparison.Ordinal);
        return f switch
        {
            "htx" or "hop tac xa" => Domain.Producers.ProducerType.Cooperative,
            "tht" or "to hop tac" => Domain.Producers.ProducerType.CooperativeGroup,
            "dn" or "doanh nghiep" or "cong ty" or "cty" or "dnnvv" => Domain.Producers.ProducerType.Enterprise,
            "trang trai" or "tt" => Domain.Producers.ProducerType.Farm,
            "ho" or "hkd" or "ho kinh doanh" or "ho san xuat" or "ho gia dinh" or "co so" or "co so san xuat" => Domain.Producers.ProducerType.Household,
            "hoi" or "hiep hoi" => Domain.Producers.ProducerType.Association,
            _ when f.StartsWith("hop tac xa", StringComparison.Ordinal) => Domain.Producers.ProducerType.Cooperative,
            _ when f.StartsWith("to hop tac", StringComparison.Ordinal) => Domain.Producers.ProducerType.CooperativeGroup,
            _ when f.StartsWith("doanh nghiep", StringComparison.Ordinal) || f.StartsWith("cong ty", StringComparison.Ordinal) => Domain.Producers.ProducerType.Enterprise,
            _ when f.StartsWith("ho ", StringComparison.Ordinal) => Domain.Producers.ProducerType.Household,
            _ => null,
        };
    }

    private static AuthorityLevel? LevelOf(string text) => VietnameseText.Fold(text).Replace("cap ", "", StringComparison.Ordinal) switch
    {
        "huyen" or "quan" or "thi xa" => Domain.Recognition.AuthorityLevel.District,
        "tinh" or "thanh pho truc thuoc trung uong" => Domain.Recognition.AuthorityLevel.Province,
        "bo" or "trung uong" or "tw" => Domain.Recognition.AuthorityLevel.Ministry,
        _ => null,
    };

    private static AuthorityLevel? GuessLevel(string authority)
    {
        var f = " " + VietnameseText.Fold(authority) + " ";
        return f.Contains(" huyen ", StringComparison.Ordinal) || f.Contains(" thi xa ", StringComparison.Ordinal) ? Domain.Recognition.AuthorityLevel.District
            : f.Contains(" bo ", StringComparison.Ordinal) ? Domain.Recognition.AuthorityLevel.Ministry
            : f.Contains(" tinh ", StringComparison.Ordinal) ? Domain.Recognition.AuthorityLevel.Province
            : null;
    }

    private static void Required(LegacyRecord r, string value, string label, int max)
    {
        if (value.Length == 0)
        {
            r.Problems.Add($"Thiếu {label.ToLowerInvariant()}.");
        }
        else if (value.Length > max)
        {
            r.Problems.Add($"{label} dài quá {max} ký tự.");
        }
    }

    private static DateOnly? Date(LegacyRecord r, string text, string label, bool required)
    {
        if (text.Length == 0)
        {
            if (required)
            {
                r.Problems.Add($"Thiếu {label.ToLowerInvariant()}.");
            }

            return null;
        }

        if (DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.Year >= 1990)
        {
            return d;
        }

        // A date cell Excel kept as its serial number (days since 1899-12-30).
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var serial) && serial is > 32874 and < 73051)
        {
            return DateOnly.FromDateTime(DateTime.FromOADate(serial));
        }

        r.Problems.Add($"{label} “{text}” không đúng dạng ngày/tháng/năm (ví dụ 31/12/2023).");
        return null;
    }

    public static string Show(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(\d{10}(-\d{3})?|\d{12})$")]
    private static partial Regex TaxCodePattern();

    [GeneratedRegex(@"^\s*(\d+)(?:[.,]0+)?\s*(?:sao|★)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex StarDigits();
}
