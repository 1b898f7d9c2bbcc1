using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace OcopPortal.Tests.Infrastructure;

/// <summary>
/// The English interface is the .en resx keyed by the Vietnamese text: a key used in code or views without an entry
/// silently stays Vietnamese for an English reader. These tests read the sources and the resx from the repository.
/// </summary>
public sealed partial class EnglishResourceTests
{
    private static readonly string Web = Path.Combine(TestPaths.RepoRoot, "src", "OcopPortal.Web");

    /// <summary>
    /// Vietnamese literals in key-returning files that are not keys on their own, each with the reason.
    /// </summary>
    private static readonly Dictionary<string, string> NotKeys = new(StringComparer.Ordinal)
    {
        ["Phần "] = "CertificateLabels.Part: fallback prefix for a part code other than A, B, C (none exists)",
        ["Giấy đã được thay thế bởi giấy mới (nâng hạng, đánh giá lại) không tính ở đây: "] =
            "ReportQueries: first half of the certificates-by-status note, concatenated with a count (stays Vietnamese)",
        [". Dòng «đang đánh giá lại» đếm sản phẩm có hồ sơ đánh giá lại đang xử lý, đã nằm trong các dòng trên."] =
            "ReportQueries: second half of the same note",
    };

    private static readonly Lazy<Dictionary<string, string>> English = new(() =>
        XDocument.Load(Path.Combine(Web, "Resources", "SharedResource.en.resx")).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.OrdinalIgnoreCase));

    private static IEnumerable<string> Sources(params string[] patterns) => patterns
        .SelectMany(p => Directory.EnumerateFiles(Web, p, SearchOption.AllDirectories))
        .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                    && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static string Relative(string file) => Path.GetRelativePath(Web, file);

    /// <summary><c>L["…"]</c>, <c>l["…"]</c>, <c>Localizer["…"]</c> with a literal key (C# escapes undone).</summary>
    [GeneratedRegex("""\b(?:L|l|Localizer|localizer)\[\s*"((?:[^"\\\r\n]|\\.)*)"(?:\s*[,\]])""")]
    private static partial Regex LocalizerKey();

    /// <summary>A non-interpolated, non-verbatim string literal.</summary>
    [GeneratedRegex("""(?<![$@"\w])"((?:[^"\\\r\n]|\\.)*)"(?!")""")]
    private static partial Regex PlainLiteral();

    /// <summary>A message kept as its key: <c>new UserMessage("…", args)</c> or <c>const string XxxMessage = "…"</c>.</summary>
    [GeneratedRegex("""(?:\bUserMessage\(\s*|\bconst\s+string\s+\w*Message\s*=\s*)"((?:[^"\\\r\n]|\\.)*)"(?!")""")]
    private static partial Regex MessageKey();

    [GeneratedRegex("[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]", RegexOptions.IgnoreCase)]
    private static partial Regex VietnameseLetter();

    /// <summary>What may stay Vietnamese in a view: Razor comments, localizer keys, example values in placeholders
    /// (decision numbers like 123/QĐ-UBND are written the Vietnamese way in both languages), and the language switch's own name.</summary>
    [GeneratedRegex("""@\*.*?\*@|\bL\[\s*"(?:[^"\\\r\n]|\\.)*"|placeholder="[^"@]*"|>Tiếng Việt<""", RegexOptions.Singleline)]
    private static partial Regex AllowedInViews();

    [GeneratedRegex(@"\{(\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();

    private static string Unescape(string literal) => Regex.Unescape(literal);

    private static void AssertAllTranslated(IEnumerable<(string Key, string File)> uses, string what)
    {
        var missing = uses.Where(u => !English.Value.ContainsKey(u.Key) && !NotKeys.ContainsKey(u.Key))
            .GroupBy(u => u.Key).Select(g => $"{g.Key}    ← {string.Join(", ", g.Select(u => u.File).Distinct().Order(StringComparer.Ordinal))}")
            .Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} {what} without an entry in SharedResource.en.resx:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Every_literal_localizer_key_in_code_and_views_has_an_English_entry()
    {
        var uses = Sources("*.cs", "*.cshtml")
            .SelectMany(f => LocalizerKey().Matches(File.ReadAllText(f)).Select(m => (Key: Unescape(m.Groups[1].Value), File: Relative(f))))
            .ToList();

        Assert.True(uses.Count > 1500, $"the scan found only {uses.Count} localizer keys: has the pattern changed?");
        AssertAllTranslated(uses, "localizer keys");
    }

    /// <summary>
    /// Label classes (<c>*Labels.cs</c>) and the dashboard series built in <c>ReportQueries</c> return Vietnamese keys that
    /// views pass through <c>L[...]</c>; every Vietnamese literal in them must have an English entry.
    /// </summary>
    [Fact]
    public void Every_label_returned_as_a_key_has_an_English_entry()
    {
        var files = Sources("*Labels.cs").Append(Path.Combine(Web, "Features", "Reports", "ReportQueries.cs")).ToList();
        var uses = files
            .SelectMany(f => File.ReadLines(f).Where(line => !line.TrimStart().StartsWith("//", StringComparison.Ordinal))
                .SelectMany(line => PlainLiteral().Matches(line))
                .Select(m => (Key: Unescape(m.Groups[1].Value), File: Relative(f))))
            .Where(u => VietnameseLetter().IsMatch(u.Key))
            .ToList();

        Assert.Contains(uses, u => u.Key == "Đã được thay thế bằng giấy chứng nhận mới");
        AssertAllTranslated(uses, "label keys");
    }

    [Fact]
    public void Every_message_template_and_message_constant_has_an_English_entry()
    {
        var uses = Sources("*.cs")
            .SelectMany(f => MessageKey().Matches(File.ReadAllText(f)).Select(m => (Key: Unescape(m.Groups[1].Value), File: Relative(f))))
            .ToList();

        Assert.Contains(uses, u => u.Key.StartsWith("Chưa nộp được: còn {0} tiêu chí chưa chấm", StringComparison.Ordinal));
        Assert.Contains(uses, u => u.Key == "Phương án đã chọn không thuộc bộ tiêu chí này.");
        AssertAllTranslated(uses, "message templates or constants");
    }

    [Fact]
    public void Views_show_no_Vietnamese_text_outside_the_localizer()
    {
        var bare = Sources("*.cshtml")
            .SelectMany(f => AllowedInViews().Replace(File.ReadAllText(f), m => new string('\n', m.Value.Count(c => c == '\n')))
                .Split('\n').Select((line, i) => (Line: line.Trim(), At: $"{Relative(f)}:{i + 1}")))
            .Where(x => VietnameseLetter().IsMatch(x.Line))
            .Select(x => $"{x.At}: {x.Line}").ToList();

        Assert.True(bare.Count == 0, $"{bare.Count} view lines with Vietnamese text outside L[...]:\n" + string.Join("\n", bare));
    }

    [Fact]
    public void English_entries_are_filled_and_keep_the_placeholders_of_their_key()
    {
        var wrong = English.Value
            .Where(e => string.IsNullOrWhiteSpace(e.Value)
                        || !Placeholder().Matches(e.Key).Select(m => m.Groups[1].Value).ToHashSet()
                            .SetEquals(Placeholder().Matches(e.Value).Select(m => m.Groups[1].Value)))
            .Select(e => $"{e.Key} → {e.Value}").ToList();

        Assert.True(wrong.Count == 0, "English entries empty or with other placeholders than their key:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void No_two_keys_differ_only_in_case()
    {
        var names = XDocument.Load(Path.Combine(Web, "Resources", "SharedResource.en.resx")).Root!.Elements("data")
            .Select(d => (string)d.Attribute("name")!).ToList();

        var clashes = names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => string.Join(" | ", g)).ToList();
        Assert.True(clashes.Count == 0, "keys that differ only in case (lookups are case-insensitive):\n" + string.Join("\n", clashes));
    }
}
