using OcopPortal.Web.Domain.Recognition;

namespace OcopPortal.Web.Features.Recognition;

/// <summary>Vietnamese names for decisions, referrals and certificate states (localizer keys).</summary>
public static class DecisionLabels
{
    public const string MinistryName = "Bộ Nông nghiệp và Môi trường";

    public static string Kind(DecisionKind k) => k switch
    {
        DecisionKind.Recognition => "Quyết định công nhận",
        DecisionKind.Amendment => "Quyết định sửa đổi, bổ sung",
        DecisionKind.Recorded => "Quyết định của cấp trên (ghi nhận)",
        _ => k.ToString(),
    };

    public static string Status(DecisionStatus s) => s switch
    {
        DecisionStatus.Draft => "Dự thảo",
        DecisionStatus.Issued => "Đã ban hành",
        _ => s.ToString(),
    };

    public static string Result(ReferralResult r) => r switch
    {
        ReferralResult.Pending => "Chờ kết quả của Bộ",
        ReferralResult.FiveStars => "Bộ công nhận 5 sao",
        ReferralResult.BelowNinety => "Trung ương chấm dưới 90 điểm",
        _ => r.ToString(),
    };

    public static string State(CertificateState s) => s switch
    {
        CertificateState.Active => "Còn hiệu lực",
        CertificateState.Superseded => "Đã được thay thế",
        CertificateState.Revoked => "Đã thu hồi",
        CertificateState.Expired => "Hết hiệu lực",
        _ => s.ToString(),
    };

    public static string FollowUp(ReferralFollowUp f) => f switch
    {
        ReferralFollowUp.Recognise => "Tỉnh công nhận 3 sao hoặc 4 sao theo điểm của trung ương",
        ReferralFollowUp.ReEvaluate => "Tổ chức đánh giá lại",
        _ => f.ToString(),
    };
}
