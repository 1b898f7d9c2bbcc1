using OcopPortal.Web.Domain.Text;

namespace OcopPortal.Web.Domain.AdminUnits;

/// <summary>Unit types as the official list writes them, and the full names built from them.</summary>
public static class AdminUnitTypes
{
    public const string Province = "tỉnh";
    public const string CentralCity = "thành phố trực thuộc trung ương";
    public const string Commune = "xã";
    public const string Ward = "phường";
    public const string SpecialZone = "đặc khu";

    /// <summary>The reference date of the post-reform list (QĐ 19/2025/QĐ-TTg): every seeded commune is valid from it.</summary>
    public static readonly DateOnly ReformDate = new(2025, 7, 1);

    public static readonly IReadOnlyList<string> CommuneTypes = [Commune, Ward, SpecialZone];

    public static readonly IReadOnlyList<string> ProvinceTypes = [Province, CentralCity];

    public static readonly IReadOnlyList<string> ChangeKinds =
        ["whole", "partial", "unchanged", "renamed", "retyped", "district_to_special_zone", "commune_to_special_zone"];

    /// <summary>"Xã Long Thành", "Thành phố Cần Thơ": the official form of a name.</summary>
    public static string FullName(string type, string name) => type switch
    {
        Province => "Tỉnh",
        CentralCity => "Thành phố",
        Commune => "Xã",
        Ward => "Phường",
        SpecialZone => "Đặc khu",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown administrative unit type."),
    } + " " + name;
}

/// <summary>
/// Search keys for unit names as users and legacy files write them: folded (<see cref="VietnameseText.Fold"/>),
/// with or without the type word ("Thị trấn Phú Lộc", "phu loc", "TP. Sóc Trăng").
/// </summary>
public static class AdminUnitNames
{
    private static readonly (string Word, string Type)[] CommuneWords =
        [("xa", AdminUnitTypes.Commune), ("phuong", AdminUnitTypes.Ward), ("dac khu", AdminUnitTypes.SpecialZone), ("x.", AdminUnitTypes.Commune), ("p.", AdminUnitTypes.Ward)];

    private static readonly string[] DistrictWords = ["quan", "huyen", "thi xa", "thanh pho", "tp.", "tp", "tx.", "tx", "q.", "h."];

    private static readonly string[] ProvinceWords = ["tinh", "thanh pho", "tp.", "tp"];

    /// <summary>The folded name of an old province without "Tỉnh"/"Thành phố": "Tỉnh Sóc Trăng" → "soc trang".</summary>
    public static string ProvinceKey(string? name) => StripWord(VietnameseText.Fold(name), ProvinceWords);

    /// <summary>The folded name of an old district without its type word: "Huyện Mỹ Tú" → "my tu", "TX Ngã Năm" → "nga nam".</summary>
    public static string DistrictKey(string? name) => StripWord(VietnameseText.Fold(name), DistrictWords);

    /// <summary>
    /// The values of <see cref="CommuneMapping.OldSearchName"/> (a folded full name, "thi tran phu loc") that a typed
    /// old commune name may mean: as typed, or with a type word in front when the user left it out. A type word the
    /// user typed is kept ("Thị trấn Hưng Lợi" is not "Phường Hưng Lợi"); abbreviations are spelt out ("TT. Hưng Lợi").
    /// A name that folds like a type word still works: "Xà Phìn" gives "xa xa phin".
    /// </summary>
    public static IReadOnlyList<string> OldCommuneKeys(string? typed)
    {
        var folded = VietnameseText.Fold(typed);
        if (folded.Length == 0)
        {
            return [];
        }

        foreach (var (abbreviation, word) in new[] { ("x.", "xa"), ("p.", "phuong"), ("tt.", "thi tran"), ("tt", "thi tran") })
        {
            if (folded.StartsWith(abbreviation + " ", StringComparison.Ordinal))
            {
                folded = word + folded[abbreviation.Length..];
                break;
            }
        }

        return [folded, .. new[] { "xa", "phuong", "thi tran", "dac khu" }.Select(word => $"{word} {folded}")];
    }

    /// <summary>Splits a leading type word off a folded query: "xa phu loc" → ("xã", "phu loc"); "phu loc" → (null, "phu loc").</summary>
    public static (string? Type, string Name) SplitCommuneType(string folded)
    {
        foreach (var (word, type) in CommuneWords)
        {
            if (folded.Length > word.Length + 1 && folded.StartsWith(word + " ", StringComparison.Ordinal))
            {
                return (type, folded[(word.Length + 1)..]);
            }
        }

        return (null, folded);
    }

    private static string StripWord(string folded, IEnumerable<string> words)
    {
        foreach (var word in words)
        {
            if (folded.Length > word.Length + 1 && folded.StartsWith(word + " ", StringComparison.Ordinal))
            {
                return folded[(word.Length + 1)..];
            }
        }

        return folded;
    }
}
