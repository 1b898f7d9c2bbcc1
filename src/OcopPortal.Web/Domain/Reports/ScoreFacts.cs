namespace OcopPortal.Web.Domain.Reports;

/// <summary>
/// One part (A, B, C…) of a finalised council result, as the reports count it: the part's mean as a share of the
/// part's maximum, in tenths of a percent (62.5 % is 625), so the database can bin and sum it exactly. Derived once from
/// the frozen result (<c>RoundEntry.ResultDetail</c>) and the pinned criteria set, neither of which ever changes.
/// </summary>
public class EntryPartResult
{
    public int RoundEntryId { get; set; }

    public string Part { get; set; } = "";

    public int PercentTenths { get; set; }
}

/// <summary>A star minimum the council's consolidated result does not meet for the product's next star (up to 5★).</summary>
public class EntryUnmetMinimum
{
    public int RoundEntryId { get; set; }

    public string CriterionCode { get; set; } = "";

    public string CriterionName { get; set; } = "";
}
