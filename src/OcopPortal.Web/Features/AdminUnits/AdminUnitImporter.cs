using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OcopPortal.Web.Data;
using OcopPortal.Web.Data.AdminUnits;
using OcopPortal.Web.Domain.AdminUnits;
using OcopPortal.Web.Infrastructure.Audit;

namespace OcopPortal.Web.Features.AdminUnits;

/// <summary>A refused row: its line in the file (header = 1) and why, in Vietnamese.</summary>
public sealed record ImportIssue(int Line, string Reason);

public sealed class ImportReport(AdminUnitFileKind kind, bool dryRun)
{
    public AdminUnitFileKind Kind { get; } = kind;

    public bool DryRun { get; } = dryRun;

    public int Added { get; set; }

    public int Updated { get; set; }

    public int Unchanged { get; set; }

    public List<ImportIssue> Rejected { get; } = [];
}

/// <summary>
/// Imports communes or old→new mapping rows from a CSV in the shared reference data's columns. Rows are matched
/// on their identity (commune code; old district + old commune + new commune), so the same file imported twice adds
/// nothing. Valid rows are saved, refused ones listed; a dry run saves nothing and reports the same counts.
/// </summary>
public sealed class AdminUnitImporter(OcopDbContext db, AuditLog audit, IStringLocalizer<SharedResource> l)
{
    /// <summary>A problem with the file as a whole (its header), or null when its rows can be read.</summary>
    public string? FileProblem(CsvTable table)
    {
        if (table.Header.Count == 0)
        {
            return l["Tệp rỗng."];
        }

        if (AdminUnitCsv.Kind(table) is not { } kind)
        {
            return l["Dòng tiêu đề không đúng. Tệp danh sách xã cần các cột {0}; tệp chuyển đổi xã cũ – mới cần các cột {1}.",
                string.Join(",", AdminUnitCsv.CommuneColumns), string.Join(",", AdminUnitCsv.MappingColumns)];
        }

        var missing = AdminUnitCsv.MissingColumns(table, AdminUnitCsv.Columns(kind));
        if (missing.Count > 0)
        {
            return l["Dòng tiêu đề thiếu cột: {0}.", string.Join(", ", missing)];
        }

        return table.Rows.Count == 0 ? l["Tệp không có dòng dữ liệu nào."].Value : null;
    }

    public async Task<ImportReport> ImportAsync(CsvTable table, string fileName, bool dryRun, CancellationToken ct)
    {
        var kind = AdminUnitCsv.Kind(table) ?? throw new InvalidOperationException("Check FileProblem first.");
        var report = new ImportReport(kind, dryRun);
        var provinces = (await db.Provinces.AsNoTracking().Select(p => p.Code).ToListAsync(ct)).ToHashSet();
        if (kind == AdminUnitFileKind.Communes)
        {
            await ImportCommunesAsync(table, provinces, report, ct);
        }
        else
        {
            await new MappingRows(db, l).ImportAsync(table, provinces, report, ct);
        }

        if (!dryRun && report.Added + report.Updated > 0)
        {
            audit.Record("admin-units.imported", kind == AdminUnitFileKind.Communes ? nameof(Commune) : nameof(CommuneMapping), null,
                new { File = fileName, report.Added, report.Updated, Rejected = report.Rejected.Count });
            await db.SaveChangesAsync(ct);
        }

        db.ChangeTracker.Clear();
        return report;
    }

    private async Task ImportCommunesAsync(CsvTable t, HashSet<string> provinces, ImportReport report, CancellationToken ct)
    {
        var existing = await db.Communes.ToDictionaryAsync(c => c.Code, ct);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in t.Rows)
        {
            var commune = AdminUnitCsv.ToCommune(t, row);
            if (CommuneProblem(t, row, commune, provinces, existing, seen) is { } problem)
            {
                report.Rejected.Add(new ImportIssue(row.Line, problem));
                continue;
            }

            seen[commune.Code] = row.Line;
            if (!existing.TryGetValue(commune.Code, out var current))
            {
                report.Added++;
                if (!report.DryRun)
                {
                    db.Communes.Add(commune);
                }
            }
            else if ((current.Name, current.Type, current.FullName) == (commune.Name, commune.Type, commune.FullName))
            {
                report.Unchanged++;
            }
            else
            {
                report.Updated++;
                if (!report.DryRun)
                {
                    (current.Name, current.Type, current.FullName, current.SearchName) = (commune.Name, commune.Type, commune.FullName, commune.SearchName);
                }
            }
        }
    }

    private string? CommuneProblem(CsvTable t, CsvRow row, Commune c, HashSet<string> provinces, Dictionary<string, Commune> existing, Dictionary<string, int> seen)
    {
        if (row.Fields.Count != t.Header.Count)
        {
            return l["Dòng có {0} cột, dòng tiêu đề có {1} cột.", row.Fields.Count, t.Header.Count];
        }

        if (!ImportChecks.IsCode(c.Code, 5))
        {
            return l["Mã xã “{0}” phải gồm đúng 5 chữ số.", c.Code];
        }

        if (seen.TryGetValue(c.Code, out var first))
        {
            return l["Mã xã {0} trùng với dòng {1}.", c.Code, first];
        }

        if (!provinces.Contains(c.ProvinceCode))
        {
            return l["Tỉnh mã “{0}” không có trong danh mục.", c.ProvinceCode];
        }

        if (existing.TryGetValue(c.Code, out var current) && current.ProvinceCode != c.ProvinceCode)
        {
            return l["Mã xã {0} đã thuộc tỉnh mã {1}.", c.Code, current.ProvinceCode];
        }

        if (c.Name.Length is 0 or > 100)
        {
            return l["Tên xã phải có và không quá 100 ký tự."];
        }

        if (!AdminUnitTypes.CommuneTypes.Contains(c.Type))
        {
            return l["Loại đơn vị “{0}” không hợp lệ (xã, phường hoặc đặc khu).", c.Type];
        }

        return c.FullName.Length > 150 ? l["Tên đầy đủ không quá 150 ký tự."].Value : null;
    }
}

internal static class ImportChecks
{
    public static bool IsCode(string value, int length) => value.Length == length && value.All(char.IsAsciiDigit);
}
