namespace OcopPortal.Web.Data.Rules;

// The reviewable JSON files under Data/Rules/<instrument>/ (see docs/rules.md for the format).

public sealed record OptionDocument(string Label, int Points, int? MinStar);

public sealed record CriterionDocument(
    string Code, string Name, int Max, string? Knockout, string? Stop, string? Condition, string? Note,
    List<OptionDocument>? Options, List<CriterionDocument>? Children);

public sealed record GroupDocument(string Code, string Name, int Max, string? Note, List<CriterionDocument> Criteria);

public sealed record PartDocument(string Code, string Name, int Max, List<GroupDocument> Groups);

public sealed record CriteriaSetDocument(string Decision, int Number, string Code, string Name, List<string>? DossierKnockouts, List<PartDocument> Parts);

public sealed record SubGroupDocument(string Code, string Name, int CriteriaSet);

public sealed record CategoryGroupDocument(string Code, string Name, List<SubGroupDocument>? SubGroups, int? CriteriaSet);

public sealed record SectorDocument(string Code, string Name, List<CategoryGroupDocument> Groups);

public sealed record CriteriaSetInfoDocument(int Number, string Code, string Name, string? SheetTitle, List<string> LeadMinistries, bool SamplesRequired);

public sealed record LegacyCategoryDocument(string Era, string Name, string MapsToSector, string? MapsToGroup, string? Note);

public sealed record ClassificationDocument(
    string Decision, List<SectorDocument> Sectors, List<CriteriaSetInfoDocument> CriteriaSets, List<LegacyCategoryDocument>? LegacyCategories);
