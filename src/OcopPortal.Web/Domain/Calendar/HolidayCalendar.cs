using System.Collections.Frozen;

namespace OcopPortal.Web.Domain.Calendar;

/// <summary>
/// Public holidays (ngày nghỉ lễ, Tết) and make-up working Saturdays (ngày làm bù) of public agencies, keyed per year
/// in <see cref="DefaultRelativePath"/>. A year missing from the data is not covered: asking about any of its days
/// throws <see cref="HolidayDataMissingException"/>, so a deadline is never computed as if that year had no holidays.
/// </summary>
public sealed class HolidayCalendar
{
    public const string DefaultRelativePath = "Data/Rules/holidays/vn-holidays.json";

    private readonly FrozenDictionary<DateOnly, string> _holidays;
    private readonly FrozenDictionary<DateOnly, string> _workingSaturdays;
    private readonly FrozenDictionary<int, HolidayYearStatus> _years;

    internal HolidayCalendar(
        IDictionary<DateOnly, string> holidays,
        IDictionary<DateOnly, string> workingSaturdays,
        IDictionary<int, HolidayYearStatus> years)
    {
        _holidays = holidays.ToFrozenDictionary();
        _workingSaturdays = workingSaturdays.ToFrozenDictionary();
        _years = years.ToFrozenDictionary();
    }

    public IEnumerable<int> CoveredYears => _years.Keys.Order();

    public bool Covers(int year) => _years.ContainsKey(year);

    /// <summary>True when the year is keyed from the statute only, before the Government announced its days off.</summary>
    public bool IsProvisional(int year) =>
        _years.TryGetValue(year, out var status) && status == HolidayYearStatus.Provisional;

    public bool IsHoliday(DateOnly date) => HolidayName(date) is not null;

    /// <summary>The Vietnamese name of the holiday on that date, or null on an ordinary day.</summary>
    public string? HolidayName(DateOnly date)
    {
        EnsureCovered(date);
        return _holidays.GetValueOrDefault(date);
    }

    public bool IsMakeUpWorkingDay(DateOnly date)
    {
        EnsureCovered(date);
        return _workingSaturdays.ContainsKey(date);
    }

    public static HolidayCalendar Load(string path) => HolidayData.Parse(File.ReadAllText(path), path);

    public static HolidayCalendar Parse(string json, string sourceName = "holiday data") =>
        HolidayData.Parse(json, sourceName);

    private void EnsureCovered(DateOnly date)
    {
        if (!Covers(date.Year))
        {
            throw new HolidayDataMissingException(date.Year);
        }
    }
}

public enum HolidayYearStatus
{
    /// <summary>The days off as the Government announced them.</summary>
    Official,

    /// <summary>Statutory days only, with the Tết and National Day choices guessed; replace when announced.</summary>
    Provisional,
}

/// <summary>A date fell in a year the holiday data does not cover; key the year before computing deadlines in it.</summary>
public sealed class HolidayDataMissingException : InvalidOperationException
{
    public HolidayDataMissingException(int year)
        : base($"The holiday data does not cover {year}: add the year to {HolidayCalendar.DefaultRelativePath} " +
               "(see docs/rules.md) before computing working days in it.")
    {
        Year = year;
    }

    public int Year { get; }
}
