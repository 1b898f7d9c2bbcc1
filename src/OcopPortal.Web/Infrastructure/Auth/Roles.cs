namespace OcopPortal.Web.Infrastructure.Auth;

public static class Roles
{
    public const string Admin = "Admin";

    /// <summary>Provincial OCOP office staff (Văn phòng Điều phối).</summary>
    public const string Office = "Office";

    /// <summary>Commune officer doing the preliminary check (UBND cấp xã).</summary>
    public const string Commune = "Commune";

    /// <summary>Member of the evaluation council (Hội đồng đánh giá, phân hạng).</summary>
    public const string CouncilMember = "CouncilMember";

    public const string CouncilChair = "CouncilChair";

    /// <summary>A producer (chủ thể OCOP): HTX, THT, enterprise, farm or household business.</summary>
    public const string Producer = "Producer";

    public static readonly IReadOnlyList<string> All = [Admin, Office, Commune, CouncilMember, CouncilChair, Producer];

    /// <summary>Roles an admin may give to a staff account (producers register themselves).</summary>
    public static readonly IReadOnlyList<string> Staff = [Admin, Office, Commune, CouncilMember, CouncilChair];

    public static string DisplayName(string role) => role switch
    {
        Admin => "Quản trị hệ thống",
        Office => "Văn phòng Điều phối OCOP",
        Commune => "Cán bộ UBND cấp xã",
        CouncilMember => "Thành viên Hội đồng",
        CouncilChair => "Chủ tịch Hội đồng",
        Producer => "Chủ thể OCOP",
        _ => role,
    };
}
