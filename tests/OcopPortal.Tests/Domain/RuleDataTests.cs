using OcopPortal.Web.Data.Rules;
using OcopPortal.Web.Data.Seed;
using OcopPortal.Web.Domain.Rules;

namespace OcopPortal.Tests.Domain;

public sealed class RuleDataTests
{
    [Fact]
    public void All_26_criteria_sets_of_QD_26_2026_are_keyed_and_pass_the_sum_checks()
    {
        var sets = RuleFiles.Qd26Sets; // LoadCriteriaSets throws with every failed check

        Assert.Equal(Enumerable.Range(1, 26), sets.Select(s => s.Number).Order());
        Assert.All(sets, s => Assert.Empty(CriteriaSetChecks.Validate(s, RuleSetCatalog.Qd26())));
        Assert.All(sets, s => Assert.Equal(100, s.Nodes.Where(n => n.Kind == CriterionNodeKind.Part).Sum(n => n.Max)));
    }

    // Per set: classification code, scored criteria, options, and star-minimum marks for 3★/4★/5★ as keyed.
    // A change to any data file that alters these fails here and must be reviewed against the decision.
    [Theory]
    [InlineData(1, "I.1.a", 32, 105, 7, 12, 3)]
    [InlineData(2, "I.1.b", 31, 101, 7, 13, 6)]
    [InlineData(3, "I.2.a", 32, 104, 7, 14, 6)]
    [InlineData(4, "I.2.b", 32, 104, 7, 14, 6)]
    [InlineData(5, "I.3.a", 31, 102, 8, 13, 5)]
    [InlineData(6, "I.3.b", 32, 106, 8, 13, 5)]
    [InlineData(7, "I.3.c", 32, 104, 8, 14, 6)]
    [InlineData(8, "I.3.d", 32, 105, 8, 14, 6)]
    [InlineData(9, "I.4.a", 31, 103, 8, 14, 6)]
    [InlineData(10, "I.4.b", 32, 106, 8, 13, 6)]
    [InlineData(11, "I.5.a", 32, 106, 8, 12, 3)]
    [InlineData(12, "I.5.b", 32, 106, 8, 14, 3)]
    [InlineData(13, "I.6", 34, 109, 8, 10, 3)]
    [InlineData(14, "II.1.a", 29, 98, 8, 10, 3)]
    [InlineData(15, "II.1.b", 29, 98, 8, 13, 3)]
    [InlineData(16, "II.2.a", 29, 93, 7, 9, 4)]
    [InlineData(17, "II.2.b", 29, 97, 8, 12, 3)]
    [InlineData(18, "III.1", 31, 100, 7, 10, 3)]
    [InlineData(19, "III.2", 30, 100, 7, 10, 3)]
    [InlineData(20, "III.3", 30, 99, 7, 10, 3)]
    [InlineData(21, "IV.1", 28, 92, 7, 9, 4)]
    [InlineData(22, "IV.2", 28, 92, 6, 8, 4)]
    [InlineData(23, "V.1", 26, 86, 5, 11, 4)]
    [InlineData(24, "V.2", 26, 87, 4, 7, 5)]
    [InlineData(25, "V.3", 25, 84, 4, 9, 3)]
    [InlineData(26, "VI.1", 32, 92, 1, 2, 0)]
    public void Each_set_has_the_keyed_criteria_options_and_star_marks(int number, string code, int criteria, int options, int three, int four, int five)
    {
        var sheet = RuleFiles.Sheet(number);
        var all = sheet.Criteria.SelectMany(c => c.Options).ToList();

        Assert.Equal(code, RuleFiles.Qd26Sets.Single(s => s.Number == number).Code);
        Assert.Equal(criteria, sheet.Criteria.Count);
        Assert.Equal(options, all.Count);
        Assert.Equal((three, four, five), (all.Count(o => o.MinStar == 3), all.Count(o => o.MinStar == 4), all.Count(o => o.MinStar == 5)));
        Assert.Equal(new Dictionary<string, int> { ["A"] = 40, ["B"] = 25, ["C"] = 35 }, sheet.PartMax);
        Assert.All(sheet.Criteria, c => Assert.Equal(c.Max, c.Options.Max(o => o.Points)));
    }

    [Fact]
    public void Set_7_matches_the_domain_reference_table()
    {
        var sheet = RuleFiles.Sheet(7);

        Assert.Equal(32, sheet.Criteria.Count);
        Assert.Equal([3, 2, 3, 3, 3, 3, 1], sheet.Criteria.Where(c => c.Group == "1").Select(c => c.Max));
        Assert.Equal([1, 2, 3], sheet["3.1"].Options.Select(o => o.Points)); // the transcript prints 1 for the middle option (typo)
        Assert.Equal(3, sheet["2.3"].RequiredFor(4));
        Assert.Equal(1, sheet["2.3"].RequiredFor(3));
        Assert.Equal(5, sheet["5.1"].RequiredFor(4));
        Assert.Null(sheet["5.1"].RequiredFor(3));
        Assert.Equal(5, sheet["4.1"].RequiredFor(5));
        Assert.NotNull(sheet["6.1"].Stop);
        Assert.NotNull(sheet["1.1"].Knockout);
        Assert.NotNull(sheet["5.2"].Condition);
    }

    [Fact]
    public void A_broken_sum_is_reported_in_Vietnamese()
    {
        var set = RuleDataFiles.LoadCriteriaSets(RuleFiles.Qd26Folder, RuleSetCatalog.Qd26()).Single(s => s.Number == 7);
        set.Nodes.Single(n => n.Code == "2.3").Options.Last().Points = 4;

        var errors = CriteriaSetChecks.Validate(set, RuleSetCatalog.Qd26());

        Assert.Contains("Bộ 7, tiêu chí 2.3: phương án cao nhất 4 điểm khác điểm tối đa 3.", errors);
    }

    [Fact]
    public void Classification_has_6_sectors_17_groups_and_26_leaves()
    {
        var doc = RuleDataFiles.ReadClassification(RuleFiles.Qd26Folder);
        var categories = RuleDocumentMapper.Categories(doc, 1).ToList();

        Assert.Equal(6, categories.Count(c => c.Level == CategoryLevel.Sector));
        Assert.Equal(17, categories.Count(c => c.Level == CategoryLevel.Group));
        Assert.Equal(Enumerable.Range(1, 26), categories.Where(c => c.CriteriaSetNumber is not null).Select(c => c.CriteriaSetNumber!.Value).Order());
        Assert.Equal(7, categories.Single(c => c.Code == "I.3.c").CriteriaSetNumber);
        Assert.False(doc.CriteriaSets.Single(s => s.Number == 26).SamplesRequired);
        Assert.NotEmpty(doc.LegacyCategories!);
    }
}
