using Microsoft.EntityFrameworkCore;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain.AdminUnits;
using OcopPortal.Web.Domain.Text;

namespace OcopPortal.Web.Features.AdminUnits;

/// <summary>An address as written before the 2025 reform: names ("Huyện Mỹ Tú", "Xã Phú Tân") or official codes.</summary>
public sealed record OldAddress(string? Province, string? District, string? Commune);

/// <summary>A current commune an old unit became (part of, for <c>partial</c>), with the old unit it came from.</summary>
public sealed record ResolvedCommune(string Code, string FullName, string ProvinceCode, string ChangeKind, string OldCommune, string OldDistrict, string OldProvince);

/// <summary>
/// Questions about the administrative-unit catalogue that several features ask: which communes exist at a date,
/// which match what a user typed (current or old name, accents optional), and which current communes an old
/// address now lies in (legacy import, users who still write the pre-2025 address).
/// </summary>
public sealed class AdminUnitCatalog(OcopDbContext db)
{
    /// <summary>The communes of a province valid on <paramref name="date"/> (ValidFrom ≤ date ≤ ValidTo, ValidTo open when null).</summary>
    public IQueryable<Commune> CommunesAt(string provinceCode, DateOnly date) =>
        db.Communes.AsNoTracking()
            .Where(c => c.ProvinceCode == provinceCode && c.ValidFrom <= date && (c.ValidTo == null || date <= c.ValidTo));

    /// <summary>
    /// Communes of the province valid at <paramref name="date"/> whose name contains the folded query ("phu loc",
    /// "xa phu loc" for a xã only), or into which an old commune of that name was merged. Empty query: all.
    /// </summary>
    public IQueryable<Commune> Matching(string provinceCode, string? query, DateOnly date)
    {
        var communes = CommunesAt(provinceCode, date);
        var key = VietnameseText.Fold(query);
        if (key.Length == 0)
        {
            return communes;
        }

        var (type, rest) = AdminUnitNames.SplitCommuneType(key);
        return communes.Where(c => c.SearchName.Contains(key)
            || (type != null && c.Type == type && c.SearchName.Contains(rest))
            || db.CommuneMappings.Any(m => m.NewCommuneCode == c.Code && m.OldSearchName.Contains(key)));
    }

    /// <summary>The old units merged into each of <paramref name="communeCodes"/>; with a query, only those whose name matches it.</summary>
    public async Task<ILookup<string, OldUnit>> OldUnitsAsync(IReadOnlyCollection<string> communeCodes, string? query, CancellationToken ct)
    {
        var key = VietnameseText.Fold(query);
        var rows = await db.CommuneMappings.AsNoTracking()
            .Where(m => communeCodes.Contains(m.NewCommuneCode) && m.OldCommuneName != "" && (key == "" || m.OldSearchName.Contains(key)))
            .OrderBy(m => m.OldProvinceCode).ThenBy(m => m.OldDistrictCode).ThenBy(m => m.OldCommuneCode)
            .Select(m => new { m.NewCommuneCode, Unit = new OldUnit(m.OldCommuneName, m.OldDistrictName, m.OldProvinceName, m.ChangeKind) })
            .ToListAsync(ct);
        return rows.ToLookup(r => r.NewCommuneCode, r => r.Unit);
    }

    /// <summary>
    /// The current communes (valid at <paramref name="date"/>) an old address lies in, through the old→new mapping.
    /// Each part may be a name, with or without its type word and accents, or the official code. Without a commune,
    /// only a district that became a whole unit (an island district → đặc khu) resolves. Several results mean the old
    /// commune was split (<c>partial</c>) or the address is ambiguous (the same name in two districts); none, that the
    /// mapping of that province is not loaded or the address is unknown.
    /// </summary>
    public async Task<IReadOnlyList<ResolvedCommune>> ResolveOldAsync(OldAddress old, DateOnly date, CancellationToken ct)
    {
        var commune = old.Commune?.Trim() ?? "";
        var candidates = db.CommuneMappings.AsNoTracking();
        if (IsCode(commune, 5))
        {
            candidates = candidates.Where(m => m.OldCommuneCode == commune);
        }
        else if (commune.Length > 0)
        {
            var keys = AdminUnitNames.OldCommuneKeys(commune);
            candidates = candidates.Where(m => keys.Contains(m.OldSearchName));
        }
        else if (!string.IsNullOrWhiteSpace(old.District))
        {
            candidates = candidates.Where(m => m.OldCommuneCode == "" && m.OldCommuneName == "");
        }
        else
        {
            return [];
        }

        var rows = (await candidates.ToListAsync(ct))
            .Where(m => Matches(old.Province, 2, m.OldProvinceCode, m.OldProvinceName, AdminUnitNames.ProvinceKey))
            .Where(m => Matches(old.District, 3, m.OldDistrictCode, m.OldDistrictName, AdminUnitNames.DistrictKey))
            .ToList();
        var codes = rows.Select(m => m.NewCommuneCode).Distinct().ToList();
        var current = await db.Communes.AsNoTracking()
            .Where(c => codes.Contains(c.Code) && c.ValidFrom <= date && (c.ValidTo == null || date <= c.ValidTo))
            .ToDictionaryAsync(c => c.Code, ct);
        return rows.Where(m => current.ContainsKey(m.NewCommuneCode))
            .Select(m => (Mapping: m, Commune: current[m.NewCommuneCode]))
            .Select(x => new ResolvedCommune(x.Commune.Code, x.Commune.FullName, x.Commune.ProvinceCode, x.Mapping.ChangeKind,
                x.Mapping.OldCommuneName, x.Mapping.OldDistrictName, x.Mapping.OldProvinceName))
            .OrderBy(r => r.Code, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>True when the part was not given, or equals the code, or the folded name without its type word.</summary>
    private static bool Matches(string? given, int codeLength, string code, string name, Func<string?, string> key)
    {
        var value = given?.Trim() ?? "";
        return value.Length == 0 || (IsCode(value, codeLength) ? value == code : key(value) == key(name));
    }

    private static bool IsCode(string value, int length) => value.Length == length && value.All(char.IsAsciiDigit);
}

/// <summary>A pre-reform commune as the mapping names it.</summary>
public sealed record OldUnit(string Commune, string District, string Province, string ChangeKind)
{
    public bool Partial => ChangeKind == "partial";
}
