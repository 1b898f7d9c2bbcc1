using OcopPortal.Web.Domain.Councils;
using OcopPortal.Web.Infrastructure.Localization;

namespace OcopPortal.Web.Features.Councils;

/// <summary>Vietnamese names for council things (localizer keys).</summary>
public static class CouncilLabels
{
    public static string Role(SeatRole r) => r switch
    {
        SeatRole.Chair => "Chủ tịch Hội đồng",
        SeatRole.Member => "Thành viên",
        SeatRole.Secretary => "Thành viên kiêm Thư ký",
        SeatRole.InvitedExpert => "Chuyên gia mời (không chấm điểm)",
        _ => r.ToString(),
    };

    public static string Mode(RoundMode m) => m switch
    {
        RoundMode.Meeting => "Họp Hội đồng",
        RoundMode.WrittenOpinion => "Lấy ý kiến bằng văn bản",
        _ => m.ToString(),
    };

    public static string Status(Domain.Councils.RoundStatus s) => s switch
    {
        Domain.Councils.RoundStatus.Preparing => "Chuẩn bị (tổ tư vấn)",
        Domain.Councils.RoundStatus.Scoring => "Đang chấm điểm",
        Domain.Councils.RoundStatus.Closed => "Đã khóa chấm điểm",
        Domain.Councils.RoundStatus.Finalised => "Đã chốt kết quả",
        _ => s.ToString(),
    };

    public static string Ground(ConflictGround g) => g switch
    {
        ConflictGround.Professional => "Quan hệ công việc, tư vấn",
        ConflictGround.FamilyOrPersonal => "Quan hệ gia đình, cá nhân",
        ConflictGround.Other => "Lý do khác",
        _ => g.ToString(),
    };

    public static string State(EntryState s) => s switch
    {
        EntryState.AwaitingSheets => "Chờ phiếu chấm",
        EntryState.NoQuorum => "Không đủ số thành viên: chưa có kết quả",
        EntryState.SpreadFlagged => "Chênh lệch quá 10 điểm: Chủ tịch xử lý",
        EntryState.Ready => "Có kết quả",
        _ => s.ToString(),
    };

    public static string RoundStatus(Domain.Councils.RoundStatus s) => Status(s);

    public static string RoundBadge(Domain.Councils.RoundStatus s) => s switch
    {
        Domain.Councils.RoundStatus.Preparing => "text-bg-secondary",
        Domain.Councils.RoundStatus.Scoring => "text-bg-primary",
        Domain.Councils.RoundStatus.Closed => "text-bg-info",
        _ => "text-bg-success",
    };

    public static string Sheet(SheetStatus? s) => s switch
    {
        SheetStatus.Draft => "Bản nháp",
        SheetStatus.Submitted => "Đã nộp",
        _ => "Chưa chấm",
    };

    /// <summary>
    /// <see cref="RoundRules.Proposal"/> as a resource key and its argument, for screens (the minutes and the dossier's
    /// history keep the Vietnamese sentence of the official record).
    /// </summary>
    public static UserMessage Proposal(Domain.Rating.CouncilScore score) => score.Rating switch
    {
        { Eliminated: true } => new UserMessage("Không công nhận (bị loại)"),
        { Outcome: Domain.Rating.RatingOutcome.PotentialFiveStar } => new UserMessage("Đề nghị Bộ Nông nghiệp và Môi trường đánh giá, công nhận 5 sao"),
        { Outcome: Domain.Rating.RatingOutcome.Recognised, Stars: var s } => new UserMessage("Đề nghị UBND tỉnh công nhận {0} sao", s),
        _ => new UserMessage("Không công nhận (dưới 50 điểm hoặc chưa đạt mức tối thiểu 3 sao)"),
    };
}
