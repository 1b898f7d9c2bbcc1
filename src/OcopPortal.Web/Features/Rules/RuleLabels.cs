using System.Globalization;
using Microsoft.Extensions.Localization;
using OcopPortal.Web.Domain.Rating;
using OcopPortal.Web.Domain.Rules;

namespace OcopPortal.Web.Features.Rules;

/// <summary>Vietnamese labels for rule data shown on screens.</summary>
public static class RuleLabels
{
    public static string Status(RuleSetStatus s) => s == RuleSetStatus.Published ? "Đã ban hành" : "Bản nháp";

    public static string Level(CertifyingLevel l) => l switch
    {
        CertifyingLevel.District => "UBND cấp huyện",
        CertifyingLevel.Province => "UBND cấp tỉnh",
        CertifyingLevel.Ministry => "Bộ Nông nghiệp và Môi trường",
        _ => "Không công nhận",
    };

    public static string Consolidation(ConsolidationMethod m) => m == ConsolidationMethod.Median
        ? "Trung vị phương án của các thành viên"
        : "Trung bình điểm, làm tròn xuống phương án gần nhất";

    public static string Stars(int? n) => n is { } s and > 0 ? new string('★', s) : "";

    /// <summary>The rating's outcome in Vietnamese, or translated through <paramref name="l"/> when given.</summary>
    public static string Outcome(StarRating r, IStringLocalizer? l = null)
    {
        string T(string key, params object[] args) => l is null ? string.Format(CultureInfo.InvariantCulture, key, args) : l[key, args].Value;
        return r.Outcome switch
        {
            RatingOutcome.PotentialFiveStar => T("Tiềm năng 5★ – đề nghị Bộ Nông nghiệp và Môi trường đánh giá"),
            RatingOutcome.Recognised => T("Đạt {0}★ – công nhận bởi {1}", r.Stars, T(Level(r.CertifiedBy))),
            _ when r.Eliminated => T("Bị loại – không công nhận"),
            _ when r.Stars is 1 or 2 => T("Hạng {0}★ – không được công nhận", r.Stars),
            _ => T("Chưa đạt mức tối thiểu 3★ – không được công nhận"),
        };
    }
}
