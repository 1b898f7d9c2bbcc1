using OcopPortal.Web.Data.Rules;
using OcopPortal.Web.Data.Seed;
using OcopPortal.Web.Domain.Rating;
using OcopPortal.Web.Domain.Rules;

namespace OcopPortal.Tests.Domain;

/// <summary>The keyed QĐ 26/2026 files, loaded once (validated by the same code the seeder uses).</summary>
public static class RuleFiles
{
    public static readonly string Qd26Folder = Path.Combine(TestPaths.RepoRoot, "src", "OcopPortal.Web", "Data", "Rules", "qd-26-2026");

    private static readonly Lazy<IReadOnlyList<CriteriaSet>> Sets = new(() => RuleDataFiles.LoadCriteriaSets(Qd26Folder, RuleSetCatalog.Qd26()));

    public static IReadOnlyList<CriteriaSet> Qd26Sets => Sets.Value;

    public static SheetDefinition Sheet(int number) => SheetDefinition.From(Qd26Sets.Single(s => s.Number == number));

    /// <summary>The option of <paramref name="code"/> worth <paramref name="points"/> (the first, where two share a value).</summary>
    public static int Option(this SheetDefinition sheet, string code, int points) =>
        sheet[code].Options.First(o => o.Points == points).Key;

    /// <summary>Answers a whole sheet from "code=points" pairs; every criterion must be given.</summary>
    public static SheetAnswers Answers(this SheetDefinition sheet, string pairs)
    {
        var answers = new SheetAnswers();
        foreach (var pair in pairs.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var (code, points) = (pair.Split('=')[0], int.Parse(pair.Split('=')[1], System.Globalization.CultureInfo.InvariantCulture));
            answers.Choose(code, sheet.Option(code, points));
        }

        return answers;
    }
}
