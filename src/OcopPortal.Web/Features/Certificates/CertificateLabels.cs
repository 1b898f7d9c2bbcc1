using OcopPortal.Web.Domain.Recognition;

namespace OcopPortal.Web.Features.Certificates;

/// <summary>Vietnamese labels (localizer keys) of the certificate vocabulary.</summary>
public static class CertificateLabels
{
    public static string Status(CertificateStatus status) => status switch
    {
        CertificateStatus.Valid => "Còn hiệu lực",
        CertificateStatus.Expiring => "Còn hiệu lực, sắp hết hạn",
        CertificateStatus.Expired => "Hết hiệu lực",
        CertificateStatus.Extended => "Còn hiệu lực chuyển tiếp (đang đánh giá lại)",
        CertificateStatus.Superseded => "Đã được thay thế bằng giấy chứng nhận mới",
        CertificateStatus.Revoked => "Đã bị thu hồi",
        _ => status.ToString(),
    };

    /// <summary>Bootstrap colour of the status badge.</summary>
    public static string StatusColor(CertificateStatus status) => status switch
    {
        CertificateStatus.Valid => "success",
        CertificateStatus.Expiring => "warning",
        CertificateStatus.Extended => "info",
        CertificateStatus.Superseded => "secondary",
        _ => "danger",
    };

    /// <summary>The six grounds of QĐ 26/2026 Art. 8 (domain §6).</summary>
    public static string Ground(RevocationGround ground) => ground switch
    {
        RevocationGround.FalseInformation => "Khai báo, cung cấp thông tin, hồ sơ không trung thực hoặc giả mạo",
        RevocationGround.NoLongerMeetsCriteria => "Sản phẩm không còn đáp ứng tiêu chí theo kết luận kiểm tra",
        RevocationGround.LawViolation => "Vi phạm pháp luật về chất lượng, an toàn thực phẩm, môi trường, sở hữu trí tuệ, nhãn hàng hóa",
        RevocationGround.MarkMisuse => "Sử dụng nhãn hiệu OCOP sai mục đích, gây nhầm lẫn",
        RevocationGround.ProductionStopped => "Chủ thể ngừng sản xuất sản phẩm",
        RevocationGround.Other => "Trường hợp khác theo kết luận của cơ quan có thẩm quyền",
        _ => ground.ToString(),
    };

    public static string InspectionKindLabel(InspectionKind kind) => kind switch
    {
        InspectionKind.Periodic => "Kiểm tra định kỳ",
        InspectionKind.AdHoc => "Kiểm tra đột xuất",
        _ => kind.ToString(),
    };

    public static string Outcome(InspectionOutcome outcome) => outcome switch
    {
        InspectionOutcome.Compliant => "Đáp ứng yêu cầu",
        InspectionOutcome.FollowUpRequired => "Yêu cầu khắc phục",
        InspectionOutcome.RevocationRecommended => "Đề nghị thu hồi giấy chứng nhận",
        _ => outcome.ToString(),
    };

    /// <summary>The parts of the scoring sheet (Phần A, B, C).</summary>
    public static string Part(string code) => code switch
    {
        "A" => "Phần A: Sản phẩm và sức mạnh cộng đồng",
        "B" => "Phần B: Khả năng tiếp thị",
        "C" => "Phần C: Chất lượng sản phẩm",
        _ => "Phần " + code,
    };

    public static readonly CertificateStatus[] Filterable =
        [CertificateStatus.Valid, CertificateStatus.Expiring, CertificateStatus.Extended, CertificateStatus.Expired, CertificateStatus.Superseded, CertificateStatus.Revoked];
}
