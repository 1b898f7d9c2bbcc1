using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OcopPortal.Web.Data;
using OcopPortal.Web.Data.AdminUnits;
using OcopPortal.Web.Domain.AdminUnits;

namespace OcopPortal.Web.Features.AdminUnits;

/// <summary>The mapping half of <see cref="AdminUnitImporter"/>: old (province, district, commune) → current commune rows.</summary>
internal sealed class MappingRows(OcopDbContext db, IStringLocalizer<SharedResource> l)
{
    public async Task ImportAsync(CsvTable t, HashSet<string> provinces, ImportReport report, CancellationToken ct)
    {
        var communes = await db.Communes.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.ProvinceCode, ct);
        var fileProvinces = t.Rows.Select(r => t.Get(r, "new_province_code")).Where(provinces.Contains).Distinct().ToList();
        var existing = (await db.CommuneMappings
                .Where(m => db.Communes.Any(c => c.Code == m.NewCommuneCode && fileProvinces.Contains(c.ProvinceCode)))
                .ToListAsync(ct))
            .ToDictionary(AdminUnitCsv.Key, StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in t.Rows)
        {
            var mapping = AdminUnitCsv.ToMapping(t, row);
            var key = AdminUnitCsv.Key(mapping);
            if ((Problem(t, row, mapping, provinces, communes) ?? Duplicate(seen, key)) is { } problem)
            {
                report.Rejected.Add(new ImportIssue(row.Line, problem));
                continue;
            }

            seen[key] = row.Line;
            if (!existing.TryGetValue(key, out var current))
            {
                report.Added++;
                if (!report.DryRun)
                {
                    db.CommuneMappings.Add(mapping);
                }
            }
            else if (Same(current, mapping))
            {
                report.Unchanged++;
            }
            else
            {
                report.Updated++;
                if (!report.DryRun)
                {
                    (current.OldProvinceCode, current.OldProvinceName, current.OldDistrictName) = (mapping.OldProvinceCode, mapping.OldProvinceName, mapping.OldDistrictName);
                    (current.OldCommuneName, current.OldSearchName, current.ChangeKind) = (mapping.OldCommuneName, mapping.OldSearchName, mapping.ChangeKind);
                }
            }
        }
    }

    private static bool Same(CommuneMapping a, CommuneMapping b) =>
        (a.OldProvinceCode, a.OldProvinceName, a.OldDistrictName, a.OldCommuneName, a.ChangeKind)
        == (b.OldProvinceCode, b.OldProvinceName, b.OldDistrictName, b.OldCommuneName, b.ChangeKind);

    private string? Duplicate(Dictionary<string, int> seen, string key) =>
        seen.TryGetValue(key, out var first) ? l["Trùng với dòng {0} (cùng xã cũ và xã mới).", first].Value : null;

    private string? Problem(CsvTable t, CsvRow row, CommuneMapping m, HashSet<string> provinces, Dictionary<string, string> communes)
    {
        var newProvince = t.Get(row, "new_province_code");
        if (row.Fields.Count != t.Header.Count)
        {
            return l["Dòng có {0} cột, dòng tiêu đề có {1} cột.", row.Fields.Count, t.Header.Count];
        }

        if (!ImportChecks.IsCode(m.OldProvinceCode, 2) || !ImportChecks.IsCode(m.OldDistrictCode, 3))
        {
            return l["Mã tỉnh cũ phải gồm 2 chữ số và mã huyện cũ 3 chữ số (“{0}”, “{1}”).", m.OldProvinceCode, m.OldDistrictCode];
        }

        if (m.OldCommuneCode.Length > 0 && !ImportChecks.IsCode(m.OldCommuneCode, 5))
        {
            return l["Mã xã cũ “{0}” phải gồm đúng 5 chữ số.", m.OldCommuneCode];
        }

        if (m.OldProvinceName.Length is 0 or > 100 || m.OldDistrictName.Length is 0 or > 100 || m.OldCommuneName.Length > 150)
        {
            return l["Thiếu tên tỉnh, huyện cũ, hoặc tên quá dài."];
        }

        if (!provinces.Contains(newProvince))
        {
            return l["Tỉnh mã “{0}” không có trong danh mục.", newProvince];
        }

        if (!ImportChecks.IsCode(m.NewCommuneCode, 5))
        {
            return l["Mã xã mới “{0}” phải gồm đúng 5 chữ số.", m.NewCommuneCode];
        }

        if (!communes.TryGetValue(m.NewCommuneCode, out var communeProvince))
        {
            return l["Xã mới mã {0} chưa có trong danh mục: hãy nhập danh sách xã trước.", m.NewCommuneCode];
        }

        if (communeProvince != newProvince)
        {
            return l["Xã mới mã {0} thuộc tỉnh mã {1}, không phải {2}.", m.NewCommuneCode, communeProvince, newProvince];
        }

        return AdminUnitTypes.ChangeKinds.Contains(m.ChangeKind) ? null : l["Loại thay đổi “{0}” không hợp lệ.", m.ChangeKind].Value;
    }
}
