using System.Text.Json;
using System.Text.Json.Serialization;

namespace OcopPortal.Web.Domain.Calendar;

/// <summary>Reads and checks vn-holidays.json; a mistake in legal data fails loudly at start-up, not in a deadline.</summary>
internal static class HolidayData
{
    private const int LongestHolidayDays = 14;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        Converters = { new JsonStringEnumConverter<HolidayYearStatus>(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    public static HolidayCalendar Parse(string json, string sourceName)
    {
        HolidayFile file;
        try
        {
            file = JsonSerializer.Deserialize<HolidayFile>(json, Options)
                ?? throw new InvalidDataException($"{sourceName}: empty document.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{sourceName}: {e.Message}", e);
        }

        var holidays = new Dictionary<DateOnly, string>();
        var saturdays = new Dictionary<DateOnly, string>();
        var years = new Dictionary<int, HolidayYearStatus>();
        foreach (var year in file.Years)
        {
            var where = $"{sourceName}, year {year.Year}";
            if (!years.TryAdd(year.Year, year.Status))
            {
                throw new InvalidDataException($"{where}: the year is keyed twice.");
            }

            foreach (var entry in year.Holidays)
            {
                AddHoliday(holidays, entry, year.Year, where);
            }

            foreach (var day in year.WorkingSaturdays)
            {
                Check(day.Date.DayOfWeek == DayOfWeek.Saturday && day.Date.Year == year.Year, where,
                    $"make-up working day {day.Date:yyyy-MM-dd} must be a Saturday of {year.Year}.");
                Check(!holidays.ContainsKey(day.Date) && saturdays.TryAdd(day.Date, day.Name), where,
                    $"{day.Date:yyyy-MM-dd} is keyed twice.");
                CheckText(day.Name, day.Source, where);
            }
        }

        return new HolidayCalendar(holidays, saturdays, years);
    }

    private static void AddHoliday(Dictionary<DateOnly, string> holidays, HolidayEntry entry, int year, string where)
    {
        CheckText(entry.Name, entry.Source, where);
        var (from, to) = (entry.Date, entry.From, entry.To) switch
        {
            ({ } date, null, null) => (date, date),
            (null, { } start, { } end) => (start, end),
            _ => throw new InvalidDataException($"{where}: '{entry.Name}' needs either 'date' or both 'from' and 'to'."),
        };

        // A range may start in the previous December (a New Year break) but must end in its own year.
        Check(to.Year == year && from <= to && to.DayNumber - from.DayNumber < LongestHolidayDays, where,
            $"'{entry.Name}' {from:yyyy-MM-dd}..{to:yyyy-MM-dd} is not a plausible range ending in {year}.");
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            Check(holidays.TryAdd(day, entry.Name), where, $"{day:yyyy-MM-dd} is keyed twice.");
        }
    }

    private static void CheckText(string name, string source, string where) =>
        Check(!string.IsNullOrWhiteSpace(name) && !string.IsNullOrWhiteSpace(source), where,
            "every entry needs a 'name' and a 'source'.");

    private static void Check(bool condition, string where, string message)
    {
        if (!condition)
        {
            throw new InvalidDataException($"{where}: {message}");
        }
    }

    private sealed record HolidayFile(string Note, IReadOnlyList<HolidayYear> Years);

    private sealed record HolidayYear(
        int Year,
        HolidayYearStatus Status,
        IReadOnlyList<HolidayEntry> Holidays,
        IReadOnlyList<MakeUpDay> WorkingSaturdays);

    private sealed record HolidayEntry(
        string Name,
        string Source,
        DateOnly? Date = null,
        DateOnly? From = null,
        DateOnly? To = null);

    private sealed record MakeUpDay(DateOnly Date, string Name, string Source);
}
