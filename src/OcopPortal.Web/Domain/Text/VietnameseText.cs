using System.Globalization;
using System.Text;

namespace OcopPortal.Web.Domain.Text;

/// <summary>Vietnamese text as people type it, reduced to a key that accent-insensitive search compares.</summary>
public static class VietnameseText
{
    /// <summary>
    /// Lower-case, tone and vowel marks removed, "đ" → "d", runs of whitespace collapsed to one space and trimmed:
    /// "  Nước  mắm Phú Quốc" → "nuoc mam phu quoc". Composed (NFC) and decomposed (NFD) input give the same key.
    /// Typographic apostrophes become ASCII ("Ea H’leo" → "ea h'leo").
    /// </summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsWhiteSpace(ch))
            {
                pendingSpace = folded.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                folded.Append(' ');
                pendingSpace = false;
            }

            folded.Append(ch switch
            {
                'đ' or 'Đ' => 'd',
                '’' or 'ʼ' or '‘' => '\'',
                _ => char.ToLowerInvariant(ch),
            });
        }

        return folded.ToString();
    }
}
