using OcopPortal.Web.Domain.Dossiers;

namespace OcopPortal.Web.Features.Dossiers;

/// <summary>Vietnamese names of dossier kinds, statuses and events (localizer keys).</summary>
public static class DossierLabels
{
    public static string Kind(DossierKind k) => k switch
    {
        DossierKind.FirstEvaluation => "Đánh giá, phân hạng lần đầu",
        DossierKind.Upgrade => "Nâng hạng",
        DossierKind.ReEvaluation => "Đánh giá, phân hạng lại (tái công nhận)",
        _ => k.ToString(),
    };

    public static string Status(DossierStatus s) => s switch
    {
        DossierStatus.Draft => "Bản nháp",
        DossierStatus.AtCommune => "Chờ xã kiểm tra",
        DossierStatus.AtProvince => "Chờ tỉnh kiểm tra",
        DossierStatus.SupplementRequested => "Yêu cầu bổ sung",
        DossierStatus.Accepted => "Đã tiếp nhận đầy đủ",
        DossierStatus.Rejected => "Không tiếp nhận",
        DossierStatus.Withdrawn => "Đã rút",
        DossierStatus.InEvaluation => "Đang đánh giá",
        DossierStatus.Evaluated => "Đã có kết quả đánh giá",
        _ => s.ToString(),
    };

    public static string StatusBadge(DossierStatus s) => s switch
    {
        DossierStatus.Draft => "text-bg-secondary",
        DossierStatus.AtCommune or DossierStatus.AtProvince => "text-bg-primary",
        DossierStatus.SupplementRequested => "text-bg-warning",
        DossierStatus.Accepted or DossierStatus.Evaluated => "text-bg-success",
        DossierStatus.InEvaluation => "text-bg-info",
        _ => "text-bg-dark",
    };

    public static string Event(DossierEventKind e) => e switch
    {
        DossierEventKind.Created => "Lập hồ sơ",
        DossierEventKind.Submitted => "Nộp hồ sơ đến UBND xã",
        DossierEventKind.CommuneAssessed => "Xã lập báo cáo đánh giá (Mẫu 03)",
        DossierEventKind.Forwarded => "Xã chuyển hồ sơ lên tỉnh",
        DossierEventKind.SupplementRequested => "Tỉnh yêu cầu bổ sung",
        DossierEventKind.Resubmitted => "Chủ thể nộp lại sau bổ sung",
        DossierEventKind.Accepted => "Tỉnh tiếp nhận hồ sơ đầy đủ",
        DossierEventKind.Rejected => "Tỉnh không tiếp nhận",
        DossierEventKind.Withdrawn => "Chủ thể rút hồ sơ",
        DossierEventKind.AssignedToRound => "Đưa vào đợt đánh giá",
        DossierEventKind.ReturnedFromRound => "Rút khỏi đợt đánh giá",
        DossierEventKind.Evaluated => "Hội đồng có kết quả đánh giá",
        _ => e.ToString(),
    };
}
