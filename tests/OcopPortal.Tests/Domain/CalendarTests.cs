using System.Globalization;
using OcopPortal.Web.Domain.Calendar;

namespace OcopPortal.Tests.Domain;

public sealed class CalendarTests
{
    // Loaded from the test output folder: proves the web project's Content copy reaches the binaries.
    private static readonly HolidayCalendar Holidays =
        HolidayCalendar.Load(Path.Combine(AppContext.BaseDirectory, HolidayCalendar.DefaultRelativePath));

    private static readonly WorkingDays Days = new(Holidays);

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2024-03-08", 1, "2024-03-11")] // Friday: the weekend is skipped
    [InlineData("2024-03-09", 1, "2024-03-11")] // received on Saturday: counted from Monday
    [InlineData("2024-03-08", 5, "2024-03-15")]
    [InlineData("2026-02-12", 1, "2026-02-13")] // last working day before Tết 2026 (14–22/2)
    [InlineData("2026-02-13", 1, "2026-02-23")] // across Tết 2026
    [InlineData("2026-02-17", 1, "2026-02-23")] // filed online during Tết: counted from the first day back
    [InlineData("2026-04-29", 1, "2026-05-04")] // across 30/4–1/5 and the weekend
    [InlineData("2024-04-26", 1, "2024-05-02")] // 2024: Monday 29/4 swapped off, 30/4 and 1/5
    [InlineData("2024-05-03", 1, "2024-05-04")] // ...and Saturday 4/5/2024 is a make-up working day
    [InlineData("2025-04-25", 1, "2025-04-26")] // make-up Saturday 26/4/2025
    [InlineData("2025-12-31", 1, "2026-01-05")] // 1/1/2026 and the swapped Friday 2/1
    [InlineData("2026-01-09", 1, "2026-01-10")] // make-up Saturday 10/1/2026
    public void Working_days_skip_weekends_and_holidays_and_start_the_day_after_receipt(string start, int n, string due)
    {
        Assert.Equal(D(due), Days.AddWorkingDays(D(start), n));
        Assert.Equal(n, Days.CountWorkingDays(D(start).AddDays(1), D(due)));
    }

    [Theory]
    [InlineData("2026-02-13", "2026-03-13")] // Friday before Tết Bính Ngọ
    [InlineData("2026-02-06", "2026-03-06")] // a week earlier: 5 days before Tết, 10 after
    [InlineData("2025-01-24", "2025-02-21")] // Friday before Tết Ất Tỵ (25/1–2/2)
    [InlineData("2024-02-02", "2024-03-01")] // Tết Giáp Thìn starts on a Thursday (8–14/2)
    public void Commune_check_is_due_15_working_days_after_a_Friday_before_Tet(string received, string due) =>
        Assert.Equal(D(due), OcopDeadlines.CommuneCheckDeadline(Days, D(received)));

    [Theory]
    [InlineData("2026-02-13", "2026-02-13", 1)] // a working day counts itself
    [InlineData("2026-02-14", "2026-02-22", 0)] // the whole Tết break
    [InlineData("2026-02-13", "2026-02-23", 2)] // the Friday before and the Monday after Tết
    [InlineData("2026-04-24", "2026-05-04", 4)] // 27/4 compensates Giỗ Tổ (Sunday 26/4); 30/4, 1/5 off
    public void Counting_working_days_includes_both_ends(string from, string to, int expected) =>
        Assert.Equal(expected, Days.CountWorkingDays(D(from), D(to)));

    [Theory]
    [InlineData("2024-02-10")] // mùng 1 Tết Giáp Thìn
    [InlineData("2025-01-29")] // mùng 1 Tết Ất Tỵ
    [InlineData("2026-02-17")] // mùng 1 Tết Bính Ngọ
    [InlineData("2027-02-06")] // mùng 1 Tết Đinh Mùi
    [InlineData("2024-04-18")] // Giỗ Tổ Hùng Vương, 10/3 âm lịch
    [InlineData("2025-04-07")]
    [InlineData("2026-04-26")]
    [InlineData("2026-04-27")] // compensatory day for Sunday 26/4/2026
    [InlineData("2027-04-16")]
    public void Lunar_holidays_are_keyed_on_the_right_solar_dates(string date) => Assert.True(Holidays.IsHoliday(D(date)));

    [Fact]
    public void Every_covered_year_keys_the_fixed_statutory_days()
    {
        Assert.Equal([2024, 2025, 2026, 2027], Holidays.CoveredYears);
        Assert.All(Holidays.CoveredYears, year => Assert.All(
            new[] { new DateOnly(year, 1, 1), new DateOnly(year, 4, 30), new DateOnly(year, 5, 1), new DateOnly(year, 9, 2) },
            day => Assert.True(Holidays.IsHoliday(day), $"{day:yyyy-MM-dd} is not keyed")));
        Assert.True(Holidays.IsProvisional(2027));
        Assert.False(Holidays.IsProvisional(2026));
    }

    [Theory]
    [InlineData("2023-12-28", 1, 2023)] // the day after receipt is in 2023
    [InlineData("2027-12-29", 3, 2028)] // counting runs past 31/12/2027
    public void A_year_missing_from_the_holiday_data_raises_instead_of_counting_it_holiday_free(string start, int n, int year)
    {
        var error = Assert.Throws<HolidayDataMissingException>(() => Days.AddWorkingDays(D(start), n));
        Assert.Equal(year, error.Year);
        Assert.False(Holidays.Covers(year));
        Assert.Throws<HolidayDataMissingException>(() => Days.CountWorkingDays(new DateOnly(year, 6, 1), new DateOnly(year, 6, 2)));
    }

    [Theory]
    [InlineData(181, WindowState.NotYetOpen)]
    [InlineData(180, WindowState.Open)]
    [InlineData(120, WindowState.Open)] // last day to file
    [InlineData(119, WindowState.Closed)]
    [InlineData(0, WindowState.Closed)] // last valid day
    [InlineData(-1, WindowState.Expired)]
    public void Re_recognition_window_opens_180_and_closes_120_days_before_expiry(int daysBeforeExpiry, WindowState state)
    {
        var validUntil = D("2029-03-15");
        var window = OcopDeadlines.ReRecognitionWindow(validUntil);

        Assert.Equal(state, window.StateOn(validUntil.AddDays(-daysBeforeExpiry)));
        Assert.Equal((D("2028-09-16"), D("2028-11-15")), (window.Opens, window.Closes));
    }

    [Theory]
    [InlineData("2026-03-15", 36, "2029-03-15")]
    [InlineData("2024-02-29", 36, "2027-02-28")] // no 29/02 in 2027: the month's last day
    [InlineData("2028-02-29", 36, "2031-02-28")]
    [InlineData("2026-01-31", 36, "2029-01-31")]
    [InlineData("2026-01-31", 1, "2026-02-28")] // a shorter RuleSet period clamps the same way
    [InlineData("2027-12-31", 36, "2030-12-31")]
    public void Certificate_is_valid_through_the_same_day_months_later(string issued, int months, string validUntil) =>
        Assert.Equal(D(validUntil), OcopDeadlines.CertificateValidUntil(D(issued), months));

    [Theory]
    [InlineData("2026-01-01", 2026, 1, "2026-06-30")]
    [InlineData("2026-06-30", 2026, 1, "2026-06-30")]
    [InlineData("2026-07-01", 2026, 2, "2026-12-30")]
    [InlineData("2026-12-30", 2026, 2, "2026-12-30")]
    [InlineData("2026-12-31", 2027, 1, "2027-06-30")]
    public void Provincial_round_is_the_next_of_30_6_or_30_12(string date, int year, int round, string deadline) =>
        Assert.Equal(new ProvincialRound(year, round, D(deadline)), OcopDeadlines.ProvincialRoundDeadline(D(date)));

    [Theory]
    [InlineData("""{ "from": "2026-02-22", "to": "2026-02-14", "name": "Tết", "source": "x" }""", "[]", "plausible range")]
    [InlineData("""{ "date": "2025-02-17", "name": "Tết", "source": "x" }""", "[]", "plausible range")] // wrong year
    [InlineData("""{ "date": "2026-02-17", "name": "Tết", "source": "" }""", "[]", "a 'name' and a 'source'")]
    [InlineData("""{ "from": "2026-02-17", "name": "Tết", "source": "x" }""", "[]", "both 'from' and 'to'")]
    [InlineData("", """[{ "date": "2026-01-09", "name": "Làm bù", "source": "x" }]""", "must be a Saturday")]
    public void Implausible_holiday_data_is_refused_on_load(string holiday, string saturdays, string message)
    {
        var json = $$"""
            { "note": "test", "years": [ { "year": 2026, "status": "official",
              "holidays": [{{holiday}}], "workingSaturdays": {{saturdays}} } ] }
            """;
        var error = Assert.Throws<InvalidDataException>(() => HolidayCalendar.Parse(json));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
