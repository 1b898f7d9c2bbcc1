using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OcopPortal.Web.Data.AdminUnits;
using OcopPortal.Web.Domain.AdminUnits;

namespace OcopPortal.Web.Data.Seed;

/// <summary>
/// Loads the administrative-unit catalogue from Data/AdminUnits (34 provinces, 3,321 communes, the demo province's
/// old→new mapping) when it is empty, in one transaction. Once there, the catalogue is changed only by an admin's import.
/// Inconsistent files stop start-up with every problem listed.
/// </summary>
public sealed class AdminUnitsSeeder(OcopDbContext db, IHostEnvironment env, ILogger<AdminUnitsSeeder> log)
{
    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Provinces.AnyAsync(ct))
        {
            return;
        }

        var watch = Stopwatch.StartNew();
        var folder = AdminUnitCsv.Folder(env.ContentRootPath);
        var provinceFile = CsvTable.Read(Path.Combine(folder, "provinces.csv"));
        var provinces = provinceFile.Rows.Select(r => AdminUnitCsv.ToProvince(provinceFile, r)).ToList();
        var communeFile = CsvTable.Read(Path.Combine(folder, "communes.csv"));
        var communes = communeFile.Rows.Select(r => AdminUnitCsv.ToCommune(communeFile, r)).ToList();
        var mappingFile = CsvTable.Read(Path.Combine(folder, "commune-mapping-92.csv"));
        var mappings = mappingFile.Rows.Select(r => AdminUnitCsv.ToMapping(mappingFile, r)).ToList();
        ApplyLaterChanges(CsvTable.Read(Path.Combine(folder, "changes-after-2025-07-01.csv")), provinces, communes);
        Check(provinceFile, provinces, communes, mappings);

        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await db.InTransactionAsync(async () =>
            {
                db.Provinces.AddRange(provinces);
                db.Communes.AddRange(communes);
                db.CommuneMappings.AddRange(mappings);
                await db.SaveChangesAsync(ct);
            }, ct);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
            db.ChangeTracker.Clear();
        }

        log.LogInformation("Seeded the administrative units: {Provinces} provinces, {Communes} communes, {Mappings} old-to-new rows in {Elapsed} ms",
            provinces.Count, communes.Count, mappings.Count, watch.ElapsedMilliseconds);
    }

    /// <summary>
    /// Changes in force after the 01/07/2025 list (Đồng Nai and ten of its xã, 30/04/2026). Only a change of type is
    /// modelled, simply: the unit takes its new type and full name; its code, name and ValidFrom stay, and the old type
    /// is not kept (no history of types). Any other field in the file is refused so it cannot be skipped unnoticed.
    /// </summary>
    private static void ApplyLaterChanges(CsvTable changes, List<Province> provinces, List<Commune> communes)
    {
        foreach (var row in changes.Rows)
        {
            var (level, code, field) = (changes.Get(row, "level"), changes.Get(row, "code"), changes.Get(row, "field"));
            var (before, after) = (changes.Get(row, "value_2025_07_01"), changes.Get(row, "new_value"));
            if (field != "type")
            {
                throw new InvalidDataException($"changes-after-2025-07-01.csv line {row.Line}: field '{field}' is not supported.");
            }

            switch (level)
            {
                case "province" when provinces.SingleOrDefault(p => p.Code == code) is { } p && p.Type == before:
                    (p.Type, p.FullName) = (after, AdminUnitTypes.FullName(after, p.Name));
                    break;
                case "commune" when communes.SingleOrDefault(c => c.Code == code) is { } c && c.Type == before:
                    (c.Type, c.FullName) = (after, AdminUnitTypes.FullName(after, c.Name));
                    break;
                default:
                    throw new InvalidDataException($"changes-after-2025-07-01.csv line {row.Line}: no {level} {code} of type '{before}'.");
            }
        }
    }

    private static void Check(CsvTable provinceFile, List<Province> provinces, List<Commune> communes, List<CommuneMapping> mappings)
    {
        var errors = new List<string>();
        var perProvince = communes.GroupBy(c => c.ProvinceCode).ToDictionary(g => g.Key, g => g.Count());
        foreach (var row in provinceFile.Rows)
        {
            var code = provinceFile.Get(row, "code");
            var expected = int.Parse(provinceFile.Get(row, "commune_count"), CultureInfo.InvariantCulture);
            if (perProvince.GetValueOrDefault(code) != expected)
            {
                errors.Add($"province {code}: {perProvince.GetValueOrDefault(code)} communes, provinces.csv says {expected}");
            }
        }

        var known = provinces.Select(p => p.Code).ToHashSet();
        errors.AddRange(communes.Where(c => !known.Contains(c.ProvinceCode)).Select(c => $"commune {c.Code}: unknown province {c.ProvinceCode}"));
        errors.AddRange(communes.GroupBy(c => c.Code).Where(g => g.Count() > 1).Select(g => $"commune {g.Key} is listed twice"));
        var codes = communes.Select(c => c.Code).ToHashSet();
        errors.AddRange(mappings.Where(m => !codes.Contains(m.NewCommuneCode)).Select(m => $"mapping to unknown commune {m.NewCommuneCode}"));
        errors.AddRange(mappings.GroupBy(AdminUnitCsv.Key).Where(g => g.Count() > 1).Select(g => $"mapping {g.Key} is listed twice"));
        if (errors.Count > 0)
        {
            throw new InvalidDataException("Data/AdminUnits is inconsistent:\n" + string.Join("\n", errors));
        }
    }
}
