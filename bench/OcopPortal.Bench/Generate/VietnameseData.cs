using System.Globalization;
using System.Text;
using Bogus;

namespace OcopPortal.Bench.Generate;

/// <summary>Names of OCOP producers and places that Bogus' <c>vi</c> locale lacks; people's names come from Bogus.</summary>
public static class VietnameseData
{
    private static readonly string[] ProducerKinds =
        ["Hợp tác xã", "HTX", "Công ty TNHH", "Công ty cổ phần", "Hộ kinh doanh", "Tổ hợp tác", "Cơ sở sản xuất"];

    private static readonly string[] Products =
    [
        "Chè", "Mật ong", "Nước mắm", "Gạo", "Cà phê", "Bánh pía", "Miến dong", "Mắm tôm", "Bưởi", "Nhãn lồng", "Vải thiều",
        "Hạt điều", "Hồ tiêu", "Rượu", "Nấm linh chi", "Tỏi", "Măng khô", "Dầu lạc", "Chả cá", "Khô cá", "Cam", "Sâm", "Trà hoa vàng",
    ];

    private static readonly string[] Places =
    [
        "Tân Cương", "Phú Lộc", "Mộc Châu", "Cao Phong", "Bảo Lộc", "Phú Quốc", "Lục Ngạn", "Vĩnh Châu", "Cái Mơn", "Tam Nông",
        "Lý Sơn", "Cát Hải", "Bắc Hà", "Hòa Vang", "Đồng Văn", "Cù Lao Dung", "Krông Pắc", "Ba Vì", "Thanh Chương", "Hương Khê",
    ];

    private static readonly string[] MailDomains = ["gmail.com", "yahoo.com.vn", "outlook.com", "vnpt.vn", "viettel.vn"];

    /// <summary>A person's name, family name first as Vietnamese write it (e.g. "Nguyễn Thị Lan").</summary>
    public static string PersonName(Faker f)
    {
        // Bogus' vi data spells some names with the Icelandic eth (Ð, U+00D0) instead of Vietnamese Đ (U+0110).
        var given = f.Name.FirstName().Replace('\u00D0', 'Đ').Replace('\u00F0', 'đ');
        // Its given names are often already "middle + given"; add a middle name only to single-word ones.
        var middle = given.Contains(' ', StringComparison.Ordinal) ? "" : f.PickRandom("Văn ", "Thị ", "Đức ", "Ngọc ", "Minh ", "Thanh ", "");
        return $"{f.Name.LastName()} {middle}{given}";
    }

    /// <summary>E.g. "HTX Chè Tân Cương".</summary>
    public static string Business(Faker f) => $"{f.PickRandom(ProducerKinds)} {f.PickRandom(Products)} {f.PickRandom(Places)}";

    /// <summary>A unique mailbox for the n-th person: <c>nguyen.thi.lan.00042@gmail.com</c>.</summary>
    public static string Email(Faker f, string name, int n, string? domain = null) =>
        $"{Slug(name)}.{n:D5}@{domain ?? f.PickRandom(MailDomains)}";

    /// <summary>Lower-case ASCII words joined by dots: diacritics removed, đ → d.</summary>
    public static string Slug(string text)
    {
        var decomposed = text.Replace('đ', 'd').Replace('Đ', 'D').Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && sb.Length > 0 && sb[^1] != '.')
            {
                sb.Append('.');
            }
        }

        return sb.ToString().Trim('.');
    }

    /// <summary>A uniformly random moment between <paramref name="from"/> and <paramref name="to"/>.</summary>
    public static DateTimeOffset Between(Faker f, DateTimeOffset from, DateTimeOffset to)
    {
        var span = Math.Max(1, (to - from).Ticks);
        return from.AddTicks((long)(f.Random.Double() * span));
    }
}
