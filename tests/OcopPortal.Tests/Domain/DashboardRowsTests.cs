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
