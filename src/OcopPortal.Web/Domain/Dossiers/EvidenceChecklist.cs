using OcopPortal.Web.Domain.Rating;

namespace OcopPortal.Web.Domain.Dossiers;

/// <summary>One document the checklist asks for: a stable key, its title and hint, and whether submission needs it.</summary>
public sealed record SlotSpec(string Key, string Title, string? Hint, bool Required);

/// <summary>
/// The required-document checklist of a dossier (QĐ 26/2026 Art. 6 and Appendix III; the star-dependent papers of
/// the domain reference §5.3), generated from the dossier kind, the criteria set and the target star level. Pure:
/// the same inputs always give the same slots in the same order, so it is tested as a table.
/// </summary>
public static class EvidenceChecklist
{
    public const string RegistrationForm = "mau-01";
    public const string SelfAssessment = "mau-02";
    public const string CriterionPrefix = "criterion:";

    /// <summary>
    /// What a criteria set's products are, for the papers that depend on it: food and drink (sets 1–18) need a
    /// food-safety facility certificate; medicinal and cosmetic products (19–20) a production licence; products
    /// other than plants, animals and tourism (1–22) test reports and labels; tourism (26) none of these.
    /// </summary>
    public static ProductNature NatureOf(int criteriaSetNumber) => criteriaSetNumber switch
    {
        >= 1 and <= 18 => ProductNature.Food,
        19 or 20 => ProductNature.MedicinalOrCosmetic,
        21 or 22 => ProductNature.Craft,
        >= 23 and <= 25 => ProductNature.Living,
        _ => ProductNature.Tourism,
    };

    public static IReadOnlyList<SlotSpec> For(DossierKind kind, int targetStars, SheetDefinition sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentOutOfRangeException.ThrowIfLessThan(targetStars, 3);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(targetStars, 5);
        var nature = NatureOf(sheet.Number);
        var physical = nature is not ProductNature.Tourism;
        var slots = new List<SlotSpec>
        {
            new(RegistrationForm, "Phiếu đăng ký sản phẩm (Mẫu số 01)", "In từ cổng, ký, đóng dấu (nếu có) rồi tải bản quét lên.", true),
            new(SelfAssessment, "Báo cáo tự đánh giá (Mẫu số 02)", "Chấm tự đánh giá trên cổng, in báo cáo, ký rồi tải bản quét lên.", true),
            new("business-registration", "Giấy chứng nhận đăng ký kinh doanh / đăng ký doanh nghiệp, hợp tác xã", "Bản sao hoặc bản chụp rõ nét.", true),
        };

        if (nature is ProductNature.Food)
        {
            slots.Add(new("food-safety", "Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm", "Hoặc bản cam kết sản xuất thực phẩm an toàn đối với cơ sở thuộc diện không phải cấp giấy.", true));
        }
        else if (nature is ProductNature.MedicinalOrCosmetic)
        {
            slots.Add(new("production-licence", "Giấy phép / giấy chứng nhận đủ điều kiện sản xuất", "Giấy phép sản xuất dược liệu, thuốc cổ truyền hoặc mỹ phẩm theo quy định.", true));
        }

        if (physical)
        {
            slots.Add(new("quality-declaration", "Hồ sơ tự công bố / công bố chất lượng sản phẩm", null, true));
        }

        if (nature is ProductNature.Food or ProductNature.MedicinalOrCosmetic or ProductNature.Craft)
        {
            slots.Add(kind == DossierKind.ReEvaluation
                ? new("test-report", "Phiếu kết quả kiểm nghiệm định kỳ", "Kết quả kiểm nghiệm định kỳ theo chỉ tiêu đã công bố, còn hiệu lực.", true)
                : new("test-report", "Phiếu kết quả kiểm nghiệm sản phẩm", "Kiểm nghiệm các chỉ tiêu chất lượng, an toàn theo tiêu chuẩn công bố.", true));
        }

        slots.Add(targetStars >= 4
            ? new("trademark", "Giấy chứng nhận đăng ký nhãn hiệu", "Hạng 4 sao trở lên cần nhãn hiệu đã được cấp văn bằng.", true)
            : new("trademark", "Hồ sơ đăng ký nhãn hiệu (đơn đã nộp hoặc văn bằng)", "Hạng 3 sao cần tối thiểu đơn đăng ký nhãn hiệu đã được chấp nhận.", true));

        if (physical)
        {
            slots.Add(new("label", "Ảnh nhãn, bao bì sản phẩm", targetStars >= 4 ? "Nhãn cần có mã truy xuất nguồn gốc điện tử (tiêu chí 2.3) cho hạng 4 sao." : "Ảnh chụp rõ các mặt của nhãn và bao bì.", true));
        }

        slots.Add(new("story", "Câu chuyện sản phẩm (tờ rơi, ảnh, phim)", "Minh chứng cho tiêu chí về câu chuyện sản phẩm.", false));
        slots.Add(new("contracts", "Hợp đồng liên kết, hợp đồng phân phối, hóa đơn", targetStars >= 5 ? "Hạng 5 sao: liên kết chuỗi ổn định từ 12 tháng và hợp đồng xuất khẩu hoặc phân phối hiện đại." : null, targetStars >= 5));
        slots.Add(new("financial-statements", "Báo cáo tài chính 2 năm gần nhất", targetStars >= 4 ? "Hạng 4 sao trở lên: báo cáo tài chính thể hiện tăng trưởng." : null, targetStars >= 4));

        if (kind == DossierKind.Upgrade)
        {
            slots.Add(new("changes", "Minh chứng những thay đổi so với lần công nhận trước", "Nâng hạng: chứng minh từng thay đổi đã nêu trong hồ sơ.", true));
        }
        else if (kind == DossierKind.ReEvaluation)
        {
            slots.Add(new("updates", "Cập nhật từ lần công nhận trước", "Nguyên liệu, công nghệ, bao bì, nhãn, thị trường, sản lượng, doanh thu; giấy tờ có thời hạn đã gia hạn.", true));
        }

        // Per-criterion evidence, recommended for every criterion whose minimum the target star depends on.
        foreach (var criterion in sheet.Criteria.Where(c => c.RequiredFor(targetStars) is > 0))
        {
            slots.Add(new(CriterionPrefix + criterion.Code, $"Minh chứng tiêu chí {criterion.Code}: {criterion.Name}",
                $"Tiêu chí có mức tối thiểu cho hạng {targetStars} sao ({criterion.RequiredFor(targetStars)} điểm).", false));
        }

        return slots;
    }
}

public enum ProductNature
{
    Food,
    MedicinalOrCosmetic,
    Craft,
    Living,
    Tourism,
}
