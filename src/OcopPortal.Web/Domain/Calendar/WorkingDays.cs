namespace OcopPortal.Web.Domain.Calendar;

/// <summary>
/// Working days (ngày làm việc) of public agencies: Monday to Friday, minus the keyed holidays, plus the keyed
/// make-up Saturdays. Every date asked about must lie in a year the <see cref="HolidayCalendar"/> covers.
/// </summary>
public sealed class WorkingDays
{
    public WorkingDays(HolidayCalendar holidays)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        Holidays = holidays;
    }

    public HolidayCalendar Holidays { get; }

    public bool IsWorkingDay(DateOnly date) =>
        !Holidays.IsHoliday(date)
        && (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) || Holidays.IsMakeUpWorkingDay(date));

    /// <summary>
    /// The last day of a limit of <paramref name="workingDays"/> working days counted from <paramref name="start"/>:
    /// the start day itself never counts (Bộ luật Dân sự 2015, Art. 147: counting begins on the following day), so
    /// a dossier received on Friday with a one-day limit is due on Monday, and one received on a Saturday is
    /// counted from Monday as well. The result is always a working day.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workingDays, 1);
        var date = start;
        for (var left = workingDays; left > 0;)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                left--;
            }
        }

        return date;
    }

    /// <summary>Working days in [<paramref name="from"/>, <paramref name="toInclusive"/>], both ends included.</summary>
    public int CountWorkingDays(DateOnly from, DateOnly toInclusive)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(from, toInclusive);
        var count = 0;
        for (var date = from; date <= toInclusive; date = date.AddDays(1))
        {
            if (IsWorkingDay(date))
            {
                count++;
            }
        }

        return count;
    }
}
