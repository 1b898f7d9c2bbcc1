using System.Text;
using OcopPortal.Web.Data.AdminUnits;
using OcopPortal.Web.Domain.AdminUnits;
using OcopPortal.Web.Domain.Text;

namespace OcopPortal.Tests.Domain;

public sealed class VietnameseTextTests
{
    [Theory]
    [InlineData("Phú Lộc", "phu loc")]
    [InlineData("ĐỒNG THÁP", "dong thap")]
    [InlineData("Nước mắm Phú Quốc", "nuoc mam phu quoc")]
    [InlineData("  Thị trấn\t Hưng   Lợi ", "thi tran hung loi")]
    [InlineData("Ea H’leo", "ea h'leo")]
    [InlineData("Phường 5", "phuong 5")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Fold_lowers_strips_marks_maps_d_and_collapses_spaces(string? input, string expected) =>
        Assert.Equal(expected, VietnameseText.Fold(input));

    [Fact]
    public void Decomposed_input_folds_like_composed_input()
    {
        var nfd = "Đặc khu Phú Quốc, Hoà Bình".Normalize(NormalizationForm.FormD);
        Assert.NotEqual("Đặc khu Phú Quốc, Hoà Bình", nfd);
        Assert.Equal("dac khu phu quoc, hoa binh", VietnameseText.Fold(nfd));
        Assert.Equal(VietnameseText.Fold("Hòa Bình"), VietnameseText.Fold("Hoà Bình".Normalize(NormalizationForm.FormD)));
    }

    [Theory]
    [InlineData("Huyện Mỹ Tú", "my tu")]
    [InlineData("Thị xã Ngã Năm", "nga nam")]
    [InlineData("TP. Sóc Trăng", "soc trang")]
    [InlineData("Thành Phố Bắc Kạn", "bac kan")]
    [InlineData("Mỹ Tú", "my tu")]
    public void District_keys_drop_the_type_word(string name, string key) => Assert.Equal(key, AdminUnitNames.DistrictKey(name));

    [Fact]
    public void Old_commune_keys_cover_the_name_with_and_without_a_type_word()
    {
        Assert.Contains("thi tran phu loc", AdminUnitNames.OldCommuneKeys("Phú Lộc"));
        Assert.Contains("xa phu tan", AdminUnitNames.OldCommuneKeys("xã phú tân"));
        Assert.Contains("xa xa phin", AdminUnitNames.OldCommuneKeys("Xà Phìn")); // a name that folds like a type word
        Assert.Contains("thi tran hung loi", AdminUnitNames.OldCommuneKeys("TT. Hưng Lợi"));
        Assert.DoesNotContain("phuong hung loi", AdminUnitNames.OldCommuneKeys("Thị trấn Hưng Lợi"));
        Assert.Empty(AdminUnitNames.OldCommuneKeys(" "));
        Assert.Equal(("xã", "phu loc"), AdminUnitNames.SplitCommuneType("xa phu loc"));
        Assert.Equal((null, "phu loc"), AdminUnitNames.SplitCommuneType("phu loc"));
    }

    [Fact]
    public void Csv_reader_handles_a_bom_quotes_blank_lines_and_numbers_rows_like_a_spreadsheet()
    {
        var text = "\uFEFFcode,name,note\r\n00004,\"Ba Đình\",\"a, \"\"quoted\"\" note\"\r\n\r\n00008,Ngọc Hà,\"two\nlines\"\n00025, Giảng Võ ,\n";
        var table = CsvTable.Parse(text);

        Assert.Equal(["code", "name", "note"], table.Header);
        Assert.Equal([2, 4, 6], table.Rows.Select(r => r.Line));
        Assert.Equal("a, \"quoted\" note", table.Get(table.Rows[0], "note"));
        Assert.Equal("two\nlines", table.Get(table.Rows[1], "note"));
        Assert.Equal("Giảng Võ", table.Get(table.Rows[2], "name"));
        Assert.Equal("", table.Get(table.Rows[2], "missing"));
    }

    [Fact]
    public void Csv_reader_normalises_to_nfc()
    {
        var table = CsvTable.Parse("code,name\n31756," + "Phú Lộc".Normalize(NormalizationForm.FormD));
        Assert.Equal("Phú Lộc", table.Get(table.Rows[0], "name"));
    }

    [Fact]
    public void Full_names_follow_the_type()
    {
        Assert.Equal("Phường Long Thành", AdminUnitTypes.FullName(AdminUnitTypes.Ward, "Long Thành"));
        Assert.Equal("Thành phố Đồng Nai", AdminUnitTypes.FullName(AdminUnitTypes.CentralCity, "Đồng Nai"));
    }
}
