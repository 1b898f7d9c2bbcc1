using System.Text.Json;
using OcopPortal.Web.Domain.Rules;

namespace OcopPortal.Web.Data.Rules;

/// <summary>Reads one instrument's folder (classification.json + set-NN.json) into unsaved entities, validated.</summary>
public static class RuleDataFiles
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Disallow };

    public static string Folder(string contentRoot, string instrument) => Path.Combine(contentRoot, "Data", "Rules", instrument);

    public static ClassificationDocument ReadClassification(string folder) =>
        Read<ClassificationDocument>(Path.Combine(folder, "classification.json"));

    public static IReadOnlyList<CriteriaSetDocument> ReadCriteriaSets(string folder) =>
        Directory.GetFiles(folder, "set-*.json").Order(StringComparer.Ordinal).Select(Read<CriteriaSetDocument>).ToList();

    /// <summary>Builds the criteria sets of <paramref name="ruleSet"/> from the files and throws, listing every problem, if any sum check fails.</summary>
    public static List<CriteriaSet> LoadCriteriaSets(string folder, RuleSet ruleSet)
    {
        var info = ReadClassification(folder).CriteriaSets.ToDictionary(i => i.Number);
        var sets = ReadCriteriaSets(folder).Select(d => RuleDocumentMapper.ToEntity(d, info.GetValueOrDefault(d.Number), ruleSet.Id)).ToList();
        var errors = sets.SelectMany(s => CriteriaSetChecks.Validate(s, ruleSet)).ToList();
        if (sets.Select(s => s.Number).Distinct().Count() != sets.Count)
        {
            errors.Add("Có hai tệp cùng số bộ tiêu chí.");
        }

        return errors.Count == 0 ? sets : throw new InvalidDataException($"Dữ liệu bộ tiêu chí trong {folder} không hợp lệ:\n" + string.Join("\n", errors));
    }

    private static T Read<T>(string path)
    {
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<T>(stream, Json) ?? throw new InvalidDataException($"{path} is empty.");
    }
}
