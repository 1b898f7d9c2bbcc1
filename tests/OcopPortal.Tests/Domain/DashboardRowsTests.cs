using OcopPortal.Web.Features.Reports;

namespace OcopPortal.Tests.Domain;

public sealed class DashboardRowsTests
{
    [Fact]
    public void Communes_beyond_the_first_rows_are_summed_into_one_row_and_no_product_is_lost()
    {
        var rows = Enumerable.Range(1, 45).Select(i => new CountRow($"Xã {i}", 100 - i, 200 - i) { Key = i.ToString(System.Globalization.CultureInfo.InvariantCulture) }).ToList();

        var shown = ReportQueries.TopWithOthers(rows, 40);

        Assert.Equal(41, shown.Count);
        Assert.Equal(rows.Take(40), shown.Take(40));
        var others = shown[^1];
        Assert.Equal("Các xã, phường khác", others.Label);
        Assert.Equal("others", others.Key);
        Assert.Equal([(decimal?)(59 + 58 + 57 + 56 + 55), 159 + 158 + 157 + 156 + 155], others.Values);
        Assert.Equal(rows.Sum(r => r.Values[0]), shown.Sum(r => r.Values[0]));
        Assert.Equal(rows.Sum(r => r.Values[1]), shown.Sum(r => r.Values[1]));
    }

    [Fact]
    public void A_province_with_few_communes_sees_every_one()
    {
        var rows = Enumerable.Range(1, 40).Select(i => new CountRow($"Xã {i}", i)).ToList();
        Assert.Equal(rows, ReportQueries.TopWithOthers(rows, 40));
    }
}

public sealed class ReportPeriodBoundsTests
{
    private sealed class HanoiClock : TimeProvider
    {
        public override TimeZoneInfo LocalTimeZone { get; } = TimeZoneInfo.CreateCustomTimeZone("ICT", TimeSpan.FromHours(7), "Indochina Time", "Indochina Time");
    }

    [Fact]
    public void A_local_day_starts_at_its_UTC_instant_so_it_compares_with_stored_UTC_times()
    {
        var queries = new ReportQueries(null!, null!, null!, new HanoiClock(), null!, null!, Microsoft.Extensions.Logging.Abstractions.NullLogger<ReportQueries>.Instance);

        var start = queries.Start(new DateOnly(2026, 1, 1));

        Assert.Equal(TimeSpan.Zero, start.Offset);
        Assert.Equal(new DateTimeOffset(2025, 12, 31, 17, 0, 0, TimeSpan.Zero), start);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 17, 0, 0, TimeSpan.Zero), queries.DayEnd(new DateOnly(2026, 1, 1)));
        Assert.Equal(new DateOnly(2026, 1, 1), queries.LocalDate(new DateTimeOffset(2025, 12, 31, 18, 0, 0, TimeSpan.Zero)));
    }
}
