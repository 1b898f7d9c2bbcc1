using System.Globalization;

namespace OcopPortal.Web.Infrastructure.Files;

/// <summary>Upload limits (section <c>Files</c>). Checked at start-up by <see cref="FileSetup"/>.</summary>
public sealed class FileStoreOptions
{
    public const string Section = "Files";

    public const long MegaByte = 1024 * 1024;

    /// <summary>Largest single file; a file is held in memory once while it is checked and saved.</summary>
    public long MaxFileBytes { get; set; } = 20 * MegaByte;

    /// <summary>All files of one dossier together, every version counted (replaced files are kept).</summary>
    public long MaxDossierBytes { get; set; } = 200 * MegaByte;

    /// <summary>
    /// The request-body ceiling given to Kestrel and the form reader: room for a file twice the limit plus the
    /// form's other fields, so an oversize file reaches <see cref="FileStore"/> and gets its exact message
    /// ("tối đa 20 MB ... tệp của bạn 25,3 MB") instead of a refused request. Beyond it the request is refused
    /// up front with the Vietnamese 413 page.
    /// </summary>
    public long MaxRequestBytes => (2 * MaxFileBytes) + MegaByte;
}

/// <summary>Sizes as Vietnamese readers write them: "25,3 MB", "20 MB", "512 KB".</summary>
public static class FileSizes
{
    /// <summary>Rounds up to one decimal, so a file just over a limit never reads as equal to it.</summary>
    public static string Format(long bytes)
    {
        if (bytes < 1024)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{bytes} byte");
        }

        var (value, unit) = bytes < FileStoreOptions.MegaByte ? (bytes / 1024d, "KB") : (bytes / (double)FileStoreOptions.MegaByte, "MB");
        var tenths = (long)Math.Ceiling(Math.Round(value * 10, 6)); // the Round stops 20.0000001 (binary noise) becoming 20,1
        var whole = (tenths / 10).ToString(CultureInfo.InvariantCulture);
        var text = tenths % 10 == 0 ? whole : $"{whole},{tenths % 10}";
        return $"{text} {unit}";
    }
}
