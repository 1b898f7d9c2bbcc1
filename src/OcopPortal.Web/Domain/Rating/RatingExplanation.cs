using System.Globalization;

namespace OcopPortal.Web.Domain.Rating;

/// <summary>Plain Vietnamese sentences that say why a product got its star and not the next one.</summary>
public static class RatingExplanation
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    public static IReadOnlyList<string> Explain(StarRating rating, decimal total, IReadOnlyList<UnmetMinimum> unmet, StarBands bands)
    {
        var lines = new List<string>();
        if (rating.Eliminated)
        {
            lines.Add("Sản phẩm bị loại (vi phạm điều kiện loại hoặc dừng đánh giá) nên không được công nhận, bất kể số điểm.");
            return lines;
        }

        var next = rating.Stars >= 3 ? rating.Stars + 1 : 3;
        if (rating.Stars == 5 || next > 5)
        {
            return lines;
        }

        if (total < bands.MinFor(next))
        {
            lines.Add(string.Format(Vi, "Tổng điểm {0:N2} thấp hơn ngưỡng {1:N0} điểm của hạng {2}★.", total, bands.MinFor(next), next));
        }

        var missing = unmet.Where(u => u.Stars <= next).ToList();
        if (missing.Count > 0)
        {
            var codes = string.Join(", ", missing.Select(u => u.Code));
            lines.Add(rating.Stars >= 3
                ? $"Đạt {rating.Stars}★ mà chưa đạt {next}★ vì tiêu chí {codes} chưa đạt mức tối thiểu của hạng {next}★."
                : $"Chưa được công nhận vì tiêu chí {codes} chưa đạt mức tối thiểu của hạng 3★.");
            lines.AddRange(missing.Select(u =>
                string.Format(Vi, "Tiêu chí {0} ({1}): {2} điểm, cần tối thiểu {3} điểm cho hạng {4}★.", u.Code, u.Name, u.Actual, u.Required, u.Stars)));
        }

        return lines;
    }
}
