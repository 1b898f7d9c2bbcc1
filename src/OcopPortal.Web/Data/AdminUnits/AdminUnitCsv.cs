using OcopPortal.Web.Domain.AdminUnits;
using OcopPortal.Web.Domain.Text;

namespace OcopPortal.Web.Data.AdminUnits;

public enum AdminUnitFileKind
{
    Communes,
    Mappings,
}

/// <summary>The columns of the catalogue's CSV files (the shared reference data's layout) and the entities built from a row.</summary>
public static class AdminUnitCsv
{
    public static readonly IReadOnlyList<string> ProvinceColumns = ["code", "name", "type", "full_name", "commune_count"];

    public static readonly IReadOnlyList<string> CommuneColumns = ["code", "name", "type", "province_code", "full_name"];

    /// <summary><c>cross_check</c> (how the row was verified) may follow; it is not stored.</summary>
    public static readonly IReadOnlyList<string> MappingColumns =
    [
        "old_province", "old_district", "old_commune", "new_commune_code", "new_commune_name",
        "old_province_code", "old_district_code", "old_commune_code", "new_province_code", "change_kind",
    ];

    public static string Folder(string contentRoot) => Path.Combine(contentRoot, "Data", "AdminUnits");

    /// <summary>What a file holds, judged by its header: mapping files name <c>new_commune_code</c>, commune files <c>province_code</c>.</summary>
    public static AdminUnitFileKind? Kind(CsvTable table) =>
        table.Has("new_commune_code") ? AdminUnitFileKind.Mappings
        : table.Has("province_code") ? AdminUnitFileKind.Communes
        : null;

    public static IReadOnlyList<string> Columns(AdminUnitFileKind kind) => kind == AdminUnitFileKind.Communes ? CommuneColumns : MappingColumns;

    public static IReadOnlyList<string> MissingColumns(CsvTable table, IEnumerable<string> required) => required.Where(c => !table.Has(c)).ToList();

    public static Province ToProvince(CsvTable t, CsvRow r) => new()
    {
        Code = t.Get(r, "code"),
        Name = t.Get(r, "name"),
        Type = t.Get(r, "type"),
        FullName = t.Get(r, "full_name"),
    };

    public static Commune ToCommune(CsvTable t, CsvRow r)
    {
        var (name, type) = (t.Get(r, "name"), t.Get(r, "type"));
        var fullName = t.Get(r, "full_name");
        return new Commune
        {
            Code = t.Get(r, "code"),
            Name = name,
            Type = type,
            FullName = fullName.Length > 0 || !AdminUnitTypes.CommuneTypes.Contains(type) ? fullName : AdminUnitTypes.FullName(type, name),
            ProvinceCode = t.Get(r, "province_code"),
            ValidFrom = AdminUnitTypes.ReformDate,
            SearchName = VietnameseText.Fold(name),
        };
    }

    public static CommuneMapping ToMapping(CsvTable t, CsvRow r) => new()
    {
        OldProvinceCode = t.Get(r, "old_province_code"),
        OldProvinceName = t.Get(r, "old_province"),
        OldDistrictCode = t.Get(r, "old_district_code"),
        OldDistrictName = t.Get(r, "old_district"),
        OldCommuneCode = t.Get(r, "old_commune_code"),
        OldCommuneName = t.Get(r, "old_commune"),
        NewCommuneCode = t.Get(r, "new_commune_code"),
        ChangeKind = t.Get(r, "change_kind"),
        OldSearchName = VietnameseText.Fold(t.Get(r, "old_commune")),
    };

    /// <summary>The identity of a mapping row: one old unit (district, commune) and one new commune.</summary>
    public static string Key(CommuneMapping m) => $"{m.OldDistrictCode}|{m.OldCommuneCode}|{m.NewCommuneCode}";
}
