using OcopPortal.Web.Domain.Rules;

namespace OcopPortal.Web.Data.Seed;

/// <summary>The legal instruments the portal knows, with the parameters each sets (domain reference §0, §3.3, §4, §6).</summary>
public static class RuleSetCatalog
{
    public const string Qd26Code = "QD-26-2026";
    public const string Qd148Code = "QD-148-2023";
    public const string Qd148With1489Code = "QD-148-2023-1489-2025";

    /// <summary>QĐ 26/2026/QĐ-TTg: current; province recognises 3★/4★, the ministry 5★; commune preliminary check.</summary>
    public static RuleSet Qd26() => new()
    {
        Code = Qd26Code,
        Name = "Bộ tiêu chí và quy trình đánh giá, phân hạng sản phẩm OCOP (QĐ 26/2026)",
        LegalBasis = "Quyết định 26/2026/QĐ-TTg ngày 22/05/2026 của Thủ tướng Chính phủ",
        EffectiveFrom = new DateOnly(2026, 5, 22),
        CommuneCheckWorkingDays = 15,
        Notes = "Thay thế QĐ 148/QĐ-TTg và QĐ 1489/QĐ-TTg (hết hiệu lực 60 ngày sau ngày 22/05/2026). Đánh giá lại theo hình thức lấy ý kiến bằng văn bản.",
    };

    /// <summary>QĐ 148/QĐ-TTg (24/02/2023) before the 2025 amendment: district 3★, province 4★, ministry 5★.</summary>
    public static RuleSet Qd148() => new()
    {
        Code = Qd148Code,
        Name = "Bộ tiêu chí và quy trình đánh giá, phân hạng sản phẩm OCOP (QĐ 148/2023)",
        LegalBasis = "Quyết định 148/QĐ-TTg ngày 24/02/2023 của Thủ tướng Chính phủ",
        EffectiveFrom = new DateOnly(2023, 2, 24),
        EffectiveTo = new DateOnly(2025, 7, 5),
        ThreeStarBy = CertifyingLevel.District,
        Notes = "Hồ sơ cũ: giấy chứng nhận 3★ do UBND cấp huyện cấp (cấp huyện đã bị bãi bỏ từ 01/07/2025). Chưa có dữ liệu bộ tiêu chí (xem Data/Rules/qd-148-2023/MISSING.md).",
    };

    /// <summary>QĐ 148 as amended by QĐ 1489/QĐ-TTg (06/07/2025): no district level; commune check; province 3★/4★.</summary>
    public static RuleSet Qd148With1489() => new()
    {
        Code = Qd148With1489Code,
        Name = "QĐ 148/2023 sửa đổi bởi QĐ 1489/2025 (bỏ cấp huyện)",
        LegalBasis = "Quyết định 148/QĐ-TTg ngày 24/02/2023; Quyết định 1489/QĐ-TTg ngày 06/07/2025",
        EffectiveFrom = new DateOnly(2025, 7, 6),
        EffectiveTo = new DateOnly(2026, 5, 21),
        Notes = "Hết hiệu lực khoảng 21/07/2026 (60 ngày sau QĐ 26/2026); từ 22/05/2026 đánh giá mới theo QĐ 26/2026. Chưa có dữ liệu bộ tiêu chí.",
    };
}
