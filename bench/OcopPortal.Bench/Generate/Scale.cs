namespace OcopPortal.Bench.Generate;

/// <summary>
/// Every target count of the benchmark issue, including those whose model does not exist yet (products, dossiers,
/// score rows): the generator prints those as pending, and the issue that builds the model adds its generator.
/// Province ≈ one province after the 2025 merger; national ≈ the 34 provinces together (3,321 communes).
/// </summary>
public sealed record Scale(
    string Name,
    int Producers,
    int OfficeStaff,
    int CommuneOfficers,
    int CouncilMembers,
    int CouncilChairs,
    int AuditEvents,
    int OutboxEmails,
    int Products,
    int Dossiers,
    int ScoreRows)
{
    public static readonly Scale Province = new("province",
        Producers: 1_000, OfficeStaff: 8, CommuneOfficers: 100, CouncilMembers: 12, CouncilChairs: 1,
        AuditEvents: 20_000, OutboxEmails: 2_000, Products: 2_000, Dossiers: 6_000, ScoreRows: 300_000);

    public static readonly Scale National = new("national",
        Producers: 10_000, OfficeStaff: 272, CommuneOfficers: 3_321, CouncilMembers: 408, CouncilChairs: 34,
        AuditEvents: 200_000, OutboxEmails: 20_000, Products: 20_000, Dossiers: 60_000, ScoreRows: 3_000_000);

    public static Scale Parse(string name) => name switch
    {
        "province" => Province,
        "national" => National,
        _ => throw new ArgumentException($"--scale must be province or national, not '{name}'."),
    };
}
