using System.Buffers;
using System.Globalization;
using System.Text;

namespace OcopPortal.Web.Infrastructure.Files;

/// <summary>
/// The one rule for upload names. The name is only ever a label (the key is a Guid and the bytes live in the
/// database), but it is shown to other users and sent back as the download name, so it must be plain text.
/// </summary>
public static class FileNames
{
    public const int MaxLength = 150;

    // Longer "extensions" are part of the name ("Biên bản họp ngày 12.3 của hợp tác xã"), not a type.
    private const int MaxExtensionLength = 10;

    // Characters Windows forbids in names (the separators are handled before): a user must be able to save the download.
    private static readonly SearchValues<char> Reserved = SearchValues.Create("<>:\"|?*");

    /// <summary>
    /// The sanitised name, or null when nothing usable is left (the caller rejects the upload; a name is never
    /// invented). Any folder part is dropped, whichever separator it uses: <c>../../x.pdf</c> and
    /// <c>C:\temp\x.pdf</c> both become <c>x.pdf</c> (old browsers send the full client path, so refusing would
    /// punish users for their browser). Then: NFC; control, format (bidi overrides, zero-width) and unassigned
    /// characters removed; reserved characters and any whitespace run become one space; leading dots, leading and
    /// trailing spaces and trailing dots removed; at most <see cref="MaxLength"/> characters, keeping the extension.
    /// Vietnamese letters are kept as they are.
    /// </summary>
    public static string? Sanitise(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        var nfc = name.Normalize(NormalizationForm.FormC);
        var lastSegment = nfc[(nfc.LastIndexOfAny(['/', '\\']) + 1)..];
        var text = new StringBuilder(lastSegment.Length);
        var pendingSpace = false;
        foreach (var rune in lastSegment.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune) || (rune.IsBmp && Reserved.Contains((char)rune.Value)))
            {
                pendingSpace = text.Length > 0;
                continue;
            }

            if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format
                or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned)
            {
                continue;
            }

            if (pendingSpace)
            {
                text.Append(' ');
                pendingSpace = false;
            }

            text.Append(rune.ToString());
        }

        var clean = text.ToString().TrimStart('.', ' ').TrimEnd('.', ' ');
        var extension = Path.GetExtension(clean);
        if (extension.Length > MaxExtensionLength)
        {
            extension = "";
        }

        // "Báo cáo: quý 1?.pdf" must not keep the space its last reserved character left before the extension.
        var stem = Shorten(clean[..^extension.Length].TrimEnd('.', ' '), MaxLength - extension.Length);
        // Removing a character may have joined a base letter and a mark: normalise again.
        return stem.Length == 0 ? null : (stem + extension).Normalize(NormalizationForm.FormC);
    }

    /// <summary>Cut by whole text elements, so a letter never loses its tone mark and no surrogate pair is split.</summary>
    private static string Shorten(string stem, int max)
    {
        if (stem.Length <= max)
        {
            return stem;
        }

        var kept = new StringBuilder();
        var elements = StringInfo.GetTextElementEnumerator(stem);
        while (elements.MoveNext() && kept.Length + elements.GetTextElement().Length <= max)
        {
            kept.Append(elements.GetTextElement());
        }

        return kept.ToString().TrimEnd('.', ' ');
    }
}
