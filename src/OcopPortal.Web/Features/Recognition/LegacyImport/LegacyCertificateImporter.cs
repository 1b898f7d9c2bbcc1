using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain.Producers;
using OcopPortal.Web.Domain.Recognition;
using OcopPortal.Web.Domain.Rules;
using OcopPortal.Web.Domain.Text;
using OcopPortal.Web.Features.AdminUnits;
using OcopPortal.Web.Features.Catalogue;
using OcopPortal.Web.Infrastructure.Audit;
using OcopPortal.Web.Infrastructure.Files;
using OcopPortal.Web.Infrastructure.Web;

namespace OcopPortal.Web.Features.Recognition.LegacyImport;

public enum LegacyRowOutcome
{
    /// <summary>Would be (or was) imported.</summary>
    New = 0,

    /// <summary>The certificate number is already in the database with the same facts: skipped.</summary>
    Existing = 1,

    /// <summary>Something is wrong: the whole file is refused until it is fixed.</summary>
    Problem = 2,
}

public sealed record LegacyRowResult(int Line, string CertificateNumber, string ProductName, string ProducerName, int? Stars, LegacyRowOutcome Outcome, IReadOnlyList<string> Problems, string? Note);

/// <summary>The dry run of one stored upload: every row with its outcome and problems, and what an import would add.</summary>
public sealed class LegacyImportReport
{
    public Guid FileId { get; init; }

    public string FileName { get; init; } = "";

    public DateTimeOffset UploadedAt { get; init; }

    public List<LegacyRowResult> Rows { get; } = [];

    public int NewProducers { get; set; }

    public int NewProducts { get; set; }

    public int NewDecisions { get; set; }

    public int New => Rows.Count(r => r.Outcome == LegacyRowOutcome.New);

    public int Existing => Rows.Count(r => r.Outcome == LegacyRowOutcome.Existing);

    public int WithProblems => Rows.Count(r => r.Outcome == LegacyRowOutcome.Problem);

    public bool CanImport => WithProblems == 0 && New > 0;
}

/// <summary>The outcome of an upload: the stored file's id, or why the file was refused (nothing stored).</summary>
public sealed record LegacyUploadResult(Guid? FileId, string? Problem);

/// <summary>The outcome of an import: how many certificates were added, or why nothing was.</summary>
public sealed record LegacyImportOutcome(bool Imported, int Certificates, string? Problem, LegacyImportReport? Report);

/// <summary>
/// Imports certificates issued before the portal from the documented template (docs/user-guide.md). The upload is
/// checked and kept in the file store; the dry run reads it back and reports every row, writing nothing; the import
/// re-reads the same stored file and, only when no row has a problem, writes everything in one transaction: producers
/// (matched by tax code, else by name and commune), products, one recorded legacy decision per (number, date,
/// authority) with its lines, and the certificates (legacy, no sequence, fresh token, active or expired by date).
/// The certificate number is the key: rows already imported with the same facts are skipped, so re-running a file adds nothing.
/// </summary>
public sealed class LegacyCertificateImporter(
    OcopDbContext db,
    AdminUnitCatalog catalog,
    AuditLog audit,
    TimeProvider clock,
    IOptions<PortalOptions> portal,
    IOptions<FileStoreOptions> files,
    CatalogueIndex catalogue)
{
    public const string UploadedAction = "certificates.legacy-import-uploaded";
    public const string ImportedAction = "certificates.legacy-imported";
    public const int MaxFileBytes = 5 * 1024 * 1024;

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().Date);

    /// <summary>Checks the file (kind by content, readable table, template header) and stores it with an audit record.</summary>
    public async Task<LegacyUploadResult> UploadAsync(IFormFile file, ClaimsPrincipal user, CancellationToken ct)
    {
        var name = FileNames.Sanitise(file.FileName);
        if (name is null)
        {
            return new(null, "Tên tệp không hợp lệ.");
        }

        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (extension is not (".xlsx" or ".csv"))
        {
            return new(null, $"Chỉ nhận tệp Excel (.xlsx) hoặc CSV (.csv) theo mẫu; tệp «{name}» không phải hai loại này.");
        }

        var max = Math.Min(MaxFileBytes, files.Value.MaxFileBytes);
        if (file.Length > max)
        {
            return new(null, $"Tệp quá lớn: tối đa {FileSizes.Format(max)} mỗi lần nhập.");
        }

        byte[] data;
        using (var buffer = new MemoryStream())
        {
            await using var input = file.OpenReadStream();
            await input.CopyToAsync(buffer, ct);
            if (buffer.Length > max)
            {
                return new(null, $"Tệp quá lớn: tối đa {FileSizes.Format(max)} mỗi lần nhập.");
            }

            data = buffer.ToArray();
        }

        if (data.Length == 0)
        {
            return new(null, $"Tệp «{name}» không có nội dung.");
        }

        FileKind? detected;
        using (var content = new MemoryStream(data, writable: false))
        {
            detected = FileInspector.Detect(data, content);
        }

        FileKind kind;
        if (extension == ".xlsx")
        {
            if (detected != FileKind.Xlsx)
            {
                return new(null, FileInspector.IsLegacyOffice(data)
                    ? $"Tệp «{name}» là bảng tính Excel 97-2003 (.xls); hãy mở bằng Excel và lưu lại thành .xlsx."
                    : $"Tệp «{name}» không phải bảng tính Excel (.xlsx): nội dung của nó {(detected is { } d ? "là " + FileKinds.Describe(d) : "không đọc được như một bảng tính")}. Hãy mở tệp bằng Excel và lưu lại dưới dạng .xlsx hoặc CSV UTF-8.");
            }

            kind = FileKind.Xlsx;
        }
        else
        {
            if (detected is not null || FileInspector.IsLegacyOffice(data))
            {
                return new(null, $"Tệp «{name}» không phải tệp CSV (văn bản): nội dung là {(detected is { } d ? FileKinds.Describe(d) : "bảng tính Excel cũ")}.");
            }

            kind = FileKind.Csv;
        }

        var (_, problem) = LegacySheetReader.Read(data, kind);
        if (problem is not null)
        {
            return new(null, problem);
        }

        // The file store's own SaveAsync accepts evidence kinds only; an import upload is checked above and kept the same way (immutable, in the database).
        var stored = new StoredFile
        {
            Id = Guid.NewGuid(),
            OriginalName = name,
            Kind = kind,
            ContentType = FileKinds.ContentType(kind),
            Length = data.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(data)),
            UploadedAt = clock.GetUtcNow(),
            UploadedByUserId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
        };
        db.StoredFiles.Add(stored);
        db.StoredFileContents.Add(new StoredFileContent { FileId = stored.Id, Data = data });
        audit.Record(UploadedAction, nameof(StoredFile), stored.Id.ToString(), new { File = name, Bytes = data.Length }, user);
        await db.SaveChangesAsync(ct);
        return new(stored.Id, null);
    }

    /// <summary>The dry run of a stored upload (nothing written), or null when the id is not an import upload.</summary>
    public async Task<LegacyImportReport?> DryRunAsync(Guid fileId, CancellationToken ct)
    {
        var loaded = await LoadAsync(fileId, ct);
        if (loaded is null)
        {
            return null;
        }

        var (report, _) = await AnalyseAsync(loaded.Value.File, loaded.Value.Sheet, ct);
        return report;
    }

    /// <summary>Re-validates the stored upload and imports it all, or nothing when any row has a problem.</summary>
    public async Task<LegacyImportOutcome?> ImportAsync(Guid fileId, ClaimsPrincipal user, CancellationToken ct)
    {
        var loaded = await LoadAsync(fileId, ct);
        if (loaded is null)
        {
            return null;
        }

        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        LegacyImportOutcome outcome = new(false, 0, null, null);
        try
        {
            await db.InTransactionAsync(async () =>
            {
                var (report, plan) = await AnalyseAsync(loaded.Value.File, loaded.Value.Sheet, ct);
                if (!report.CanImport)
                {
                    outcome = new(false, 0, report.WithProblems > 0
                        ? $"Không nhập gì: {report.WithProblems} dòng có lỗi. Hãy sửa tệp và tải lên lại."
                        : "Không có giấy chứng nhận mới để nhập: mọi dòng đã có trong hệ thống.", report);
                    return;
                }

                await WriteAsync(plan, userId, ct);
                audit.Record(ImportedAction, nameof(StoredFile), fileId.ToString(), new
                {
                    File = loaded.Value.File.OriginalName,
                    Rows = report.Rows.Count,
                    Certificates = report.New,
                    Skipped = report.Existing,
                    Producers = report.NewProducers,
                    Products = report.NewProducts,
                    Decisions = report.NewDecisions,
                }, user);
                await db.SaveChangesAsync(ct);
                outcome = new(true, report.New, null, report);
            }, ct);
        }
        catch (DbUpdateException ex) when (UniqueViolations.Is(ex))
        {
            db.ChangeTracker.Clear();
            return new(false, 0, "Không nhập gì: một số giấy chứng nhận hoặc chủ thể vừa được người khác nhập cùng lúc. Hãy xem lại kết quả kiểm tra.", null);
        }

        if (outcome.Imported)
        {
            await catalogue.RebuildAsync(ct); // imported certificates appear in the public catalogue at once
        }

        return outcome;
    }

    private async Task<(StoredFile File, LegacySheet Sheet)?> LoadAsync(Guid fileId, CancellationToken ct)
    {
        var id = fileId.ToString();
        var isUpload = await db.AuditEvents.AsNoTracking().AnyAsync(e => e.Action == UploadedAction && e.EntityId == id, ct);
        var file = isUpload ? await db.StoredFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Id == fileId, ct) : null;
        if (file is null)
        {
            return null;
        }

        var data = await db.StoredFileContents.AsNoTracking().Where(c => c.FileId == fileId).Select(c => c.Data).SingleAsync(ct);
        var (sheet, _) = LegacySheetReader.Read(data, file.Kind);
        return sheet is null ? null : (file, sheet);
    }

    private async Task<(LegacyImportReport Report, Plan Plan)> AnalyseAsync(StoredFile file, LegacySheet sheet, CancellationToken ct)
    {
        var today = Today;
        var province = portal.Value.ProvinceCode;
        var report = new LegacyImportReport { FileId = file.Id, FileName = file.OriginalName, UploadedAt = file.UploadedAt };
        var plan = new Plan();
        var records = sheet.Rows.Select(r => LegacyRowParser.Parse(r, today)).ToList();

        var ruleSets = await db.RuleSets.AsNoTracking().Where(r => r.Status == RuleSetStatus.Published).OrderByDescending(r => r.EffectiveFrom).ToListAsync(ct);
        var classified = await db.ProductCategories.Select(c => c.RuleSetId).Distinct().ToListAsync(ct);
        var classificationSet = ruleSets.FirstOrDefault(r => classified.Contains(r.Id))
            ?? throw new InvalidOperationException("No published classification.");
        var categories = await db.ProductCategories.AsNoTracking().Where(c => c.RuleSetId == classificationSet.Id).OrderBy(c => c.SortOrder).ToListAsync(ct);
        var legacy = await db.LegacyCategories.AsNoTracking().ToListAsync(ct);
        var communes = await db.Communes.AsNoTracking().Where(c => c.ProvinceCode == province && c.ValidFrom <= today && (c.ValidTo == null || today <= c.ValidTo))
            .ToDictionaryAsync(c => c.Code, c => c.FullName, ct);
        var numbers = records.Select(r => r.CertificateNumber).Where(n => n.Length > 0).Distinct().ToList();
        var existing = await db.Certificates.AsNoTracking().Where(c => numbers.Contains(c.Number))
            .Select(c => new { c.Number, c.ProductName, c.ProducerName, c.Stars, c.IssuedOn, c.DecisionNumber })
            .ToDictionaryAsync(c => c.Number, ct);
        var oldCache = new Dictionary<string, IReadOnlyList<ResolvedCommune>>(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);

        foreach (var r in records)
        {
            var commune = await CommuneAsync(r, communes, oldCache, today, ct);
            var (category, set, note) = Classify(r, categories, legacy);
            if (r.CertificateNumber.Length > 0 && !seen.TryAdd(r.CertificateNumber, r.Line))
            {
                r.Problems.Add($"Số giấy chứng nhận “{r.CertificateNumber}” trùng với dòng {seen[r.CertificateNumber]} trong tệp.");
            }

            if (existing.TryGetValue(r.CertificateNumber, out var had))
            {
                var same = VietnameseText.Fold(had.ProductName) == VietnameseText.Fold(r.ProductName) && had.Stars == r.Stars
                    && had.IssuedOn == r.IssuedOn && string.Equals(had.DecisionNumber.Trim(), r.DecisionNumber, StringComparison.OrdinalIgnoreCase);
                if (!same)
                {
                    r.Problems.Add($"Số giấy chứng nhận “{r.CertificateNumber}” đã có trong hệ thống với thông tin khác: «{had.ProductName}», "
                        + $"{had.ProducerName}, {had.Stars} sao, cấp ngày {LegacyRowParser.Show(had.IssuedOn)}, quyết định {had.DecisionNumber}.");
                }
                else if (r.Problems.Count == 0)
                {
                    report.Rows.Add(new(r.Line, r.CertificateNumber, r.ProductName, r.ProducerName, r.Stars, LegacyRowOutcome.Existing, [], "Đã có, bỏ qua."));
                    continue;
                }
            }

            if (r.Problems.Count > 0)
            {
                report.Rows.Add(new(r.Line, r.CertificateNumber, r.ProductName, r.ProducerName, r.Stars, LegacyRowOutcome.Problem, r.Problems.ToList(), null));
                continue;
            }

            var issuedRules = ruleSets.FirstOrDefault(x => x.InForceOn(r.IssuedOn!.Value));
            var validUntil = r.ValidUntil ?? CertificateLifecycle.ValidUntil(r.IssuedOn!.Value, issuedRules?.CertificateValidityMonths ?? 36);
            var notes = new List<string>();
            if (note is not null)
            {
                notes.Add(note);
            }

            if (commune.Note is not null)
            {
                notes.Add(commune.Note);
            }

            notes.Add(today > validUntil ? $"Hết hiệu lực từ {LegacyRowParser.Show(validUntil.AddDays(1))}." : $"Còn hiệu lực đến {LegacyRowParser.Show(validUntil)}.");
            plan.Rows.Add(new PlanRow(r, commune.Code!, category!, set, note, issuedRules?.Id, validUntil, classificationSet.Id));
            report.Rows.Add(new(r.Line, r.CertificateNumber, r.ProductName, r.ProducerName, r.Stars, LegacyRowOutcome.New, [], string.Join(" ", notes)));
        }

        await PlanPeopleAsync(plan, report, ct);
        return (report, plan);
    }

    /// <summary>Works out which producers and products already exist, and how many decisions the new rows make.</summary>
    private async Task PlanPeopleAsync(Plan plan, LegacyImportReport report, CancellationToken ct)
    {
        var taxCodes = plan.Rows.Select(p => p.Record.TaxCode).Where(t => t.Length > 0).Distinct().ToList();
        var communeCodes = plan.Rows.Select(p => p.CommuneCode).Distinct().ToList();
        var known = await db.Set<Producer>().AsNoTracking()
            .Where(p => taxCodes.Contains(p.TaxCode) || communeCodes.Contains(p.CommuneCode))
            .Select(p => new { p.Id, p.Name, p.TaxCode, p.CommuneCode }).ToListAsync(ct);
        var byTax = known.Where(p => p.TaxCode.Length > 0).GroupBy(p => p.TaxCode).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);
        var byName = known.GroupBy(p => NameKey(p.Name, p.CommuneCode)).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);

        foreach (var row in plan.Rows)
        {
            var r = row.Record;
            var nameKey = NameKey(r.ProducerName, row.CommuneCode);
            PlannedProducer? producer = null;
            if (r.TaxCode.Length > 0 && plan.ProducersByKey.TryGetValue("t:" + r.TaxCode, out var p1))
            {
                producer = p1;
            }
            else if (plan.ProducersByKey.TryGetValue(nameKey, out var p2))
            {
                producer = p2;
            }
            else
            {
                var existingId = r.TaxCode.Length > 0 && byTax.TryGetValue(r.TaxCode, out var t) ? t
                    : byName.TryGetValue(nameKey, out var n) ? n : (int?)null;
                producer = new PlannedProducer(existingId, row);
                plan.Producers.Add(producer);
            }

            plan.ProducersByKey.TryAdd(nameKey, producer);
            if (r.TaxCode.Length > 0)
            {
                plan.ProducersByKey.TryAdd("t:" + r.TaxCode, producer);
            }

            row.Producer = producer;
        }

        var existingProducerIds = plan.Producers.Where(p => p.ExistingId is not null).Select(p => p.ExistingId!.Value).ToList();
        var products = (await db.Set<Product>().AsNoTracking().Where(p => existingProducerIds.Contains(p.ProducerId))
                .Select(p => new { p.Id, p.ProducerId, p.Name }).ToListAsync(ct))
            .GroupBy(p => (p.ProducerId, VietnameseText.Fold(p.Name))).ToDictionary(g => g.Key, g => g.First().Id);
        foreach (var row in plan.Rows)
        {
            var key = (row.Producer!, VietnameseText.Fold(row.Record.ProductName));
            if (!plan.Products.TryGetValue(key, out var product))
            {
                var existingId = row.Producer!.ExistingId is { } pid && products.TryGetValue((pid, key.Item2), out var id) ? id : (int?)null;
                product = new PlannedProduct(existingId, row);
                plan.Products[key] = product;
            }

            row.Product = product;
        }

        report.NewProducers = plan.Producers.Count(p => p.ExistingId is null);
        report.NewProducts = plan.Products.Values.Count(p => p.ExistingId is null);
        report.NewDecisions = plan.Rows.Select(DecisionKey).Distinct().Count();
    }

    private async Task WriteAsync(Plan plan, string userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = Today;
        var communeCodes = plan.Rows.Select(r => r.CommuneCode).Distinct().ToList();
        var communeProvinces = await db.Communes.AsNoTracking().Where(c => communeCodes.Contains(c.Code))
            .ToDictionaryAsync(c => c.Code, c => c.ProvinceCode, ct);
        foreach (var p in plan.Producers.Where(p => p.ExistingId is null))
        {
            var r = p.First.Record;
            p.Entity = new Producer
            {
                Type = r.ProducerType!.Value,
                Name = r.ProducerName,
                // The tax-code index is unique and has no filter: a producer without one gets a marked placeholder the Office replaces later.
                TaxCode = r.TaxCode.Length > 0 ? r.TaxCode : "KHONG-MST-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(5)),
                ProvinceCode = communeProvinces[p.First.CommuneCode],
                CommuneCode = p.First.CommuneCode,
                StreetAddress = r.Address,
                CreatedAt = now,
                CreatedByUserId = userId,
                UpdatedAt = now,
                Version = Guid.NewGuid(),
            };
            db.Add(p.Entity);
        }

        await db.SaveChangesAsync(ct);
        foreach (var p in plan.Products.Values.Where(p => p.ExistingId is null))
        {
            var row = p.First;
            p.Entity = new Product
            {
                ProducerId = row.Producer!.Id,
                Name = row.Record.ProductName,
                RuleSetId = row.ClassificationRuleSetId,
                CategoryCode = row.CategoryCode,
                CriteriaSetNumber = row.CriteriaSet,
                Description = row.ClassificationNote is null
                    ? "Nhập từ dữ liệu giấy chứng nhận trước khi có cổng."
                    : $"Nhập từ dữ liệu giấy chứng nhận trước khi có cổng. {row.ClassificationNote}",
                CreatedAt = now,
                UpdatedAt = now,
                Version = Guid.NewGuid(),
            };
            db.Add(p.Entity);
        }

        await db.SaveChangesAsync(ct);
        var decisions = new Dictionary<string, RecognitionDecision>(StringComparer.Ordinal);
        var lines = new Dictionary<PlanRow, DecisionLine>();
        foreach (var row in plan.Rows)
        {
            var r = row.Record;
            if (!decisions.TryGetValue(DecisionKey(row), out var decision))
            {
                decision = new RecognitionDecision
                {
                    Kind = DecisionKind.Recorded,
                    Status = DecisionStatus.Issued,
                    Number = r.DecisionNumber,
                    DecisionDate = r.DecisionDate!.Value,
                    Title = "Quyết định công nhận sản phẩm OCOP (nhập từ dữ liệu trước khi có cổng)",
                    Authority = r.Authority,
                    AuthorityLevel = r.AuthorityLevel!.Value,
                    CreatedAt = now,
                    CreatedByUserId = userId,
                    IssuedAt = now,
                    IssuedByUserId = userId,
                    Legacy = true,
                    Version = Guid.NewGuid(),
                };
                decisions[DecisionKey(row)] = decision;
                db.Add(decision);
            }

            var line = new DecisionLine
            {
                SortOrder = decision.Lines.Count + 1,
                ProductId = row.Product!.Id,
                ProducerId = row.Producer!.Id,
                ProductName = r.ProductName,
                ProducerName = r.ProducerName,
                ProducerAddress = r.Address,
                CommuneCode = row.CommuneCode,
                RuleSetId = row.IssuedRuleSetId,
                CriteriaSetNumber = row.CriteriaSet,
                CategoryCode = row.CategoryCode,
                Score = r.Score,
                Stars = r.Stars!.Value,
            };
            decision.Lines.Add(line); // lines go in with their decision: an issued decision takes no lines afterwards
            lines[row] = line;
        }

        await db.SaveChangesAsync(ct);
        foreach (var row in plan.Rows)
        {
            var r = row.Record;
            var line = lines[row];
            var expired = today > row.ValidUntil;
            db.Certificates.Add(new Certificate
            {
                Number = r.CertificateNumber,
                Token = CertificateIssuer.NewToken(),
                DecisionId = line.DecisionId,
                DecisionLineId = line.Id,
                ProductId = line.ProductId,
                ProducerId = line.ProducerId,
                ProductName = r.ProductName,
                ProducerName = r.ProducerName,
                ProducerAddress = r.Address,
                CommuneCode = row.CommuneCode,
                RuleSetId = row.IssuedRuleSetId,
                CriteriaSetNumber = row.CriteriaSet,
                CategoryCode = row.CategoryCode,
                Stars = r.Stars!.Value,
                Score = r.Score,
                DecisionNumber = r.DecisionNumber,
                DecisionDate = r.DecisionDate!.Value,
                IssuingAuthority = r.Authority,
                AuthorityLevel = r.AuthorityLevel!.Value,
                IssuedOn = r.IssuedOn!.Value,
                ValidUntil = row.ValidUntil,
                State = expired ? CertificateState.Expired : CertificateState.Active,
                StateChangedAt = expired ? now : null,
                Legacy = true,
                CreatedAt = now,
                Version = Guid.NewGuid(),
            });
        }

        await db.SaveChangesAsync(ct);
    }

    private async Task<(string? Code, string? Note)> CommuneAsync(
        LegacyRecord r, Dictionary<string, string> communes, Dictionary<string, IReadOnlyList<ResolvedCommune>> cache, DateOnly today, CancellationToken ct)
    {
        var province = portal.Value.ProvinceName;
        if (r.CommuneCode.Length == 5)
        {
            if (communes.ContainsKey(r.CommuneCode))
            {
                return (r.CommuneCode, null);
            }

            r.Problems.Add($"Không có xã mã “{r.CommuneCode}” trong danh mục xã hiện nay của {province}.");
            return (null, null);
        }

        if (r.CommuneCode.Length > 0 || r.OldCommune.Length == 0)
        {
            return (null, null); // already reported by the parser
        }

        var key = VietnameseText.Fold(r.OldDistrict) + "|" + VietnameseText.Fold(r.OldCommune);
        if (!cache.TryGetValue(key, out var resolved))
        {
            resolved = (await catalog.ResolveOldAsync(new OldAddress(null, r.OldDistrict, r.OldCommune), today, ct))
                .Where(c => communes.ContainsKey(c.Code)).ToList();
            cache[key] = resolved;
        }

        var codes = resolved.Select(c => c.Code).Distinct().ToList();
        var place = r.OldDistrict.Length > 0 ? $"“{r.OldCommune}” ({r.OldDistrict})" : $"“{r.OldCommune}”";
        if (codes.Count == 1)
        {
            return (codes[0], $"Xã cũ {place} nay là {resolved[0].FullName} ({codes[0]}).");
        }

        r.Problems.Add(codes.Count == 0
            ? $"Không tìm thấy xã cũ {place} trong bảng chuyển đổi đơn vị hành chính của {province}: hãy kiểm tra tên hoặc ghi Mã xã hiện nay."
            : $"Xã cũ {place} ứng với nhiều xã hiện nay ({string.Join(", ", resolved.Select(c => $"{c.FullName} {c.Code}").Distinct())}): hãy ghi Huyện cũ hoặc Mã xã hiện nay.");
        return (null, null);
    }

    /// <summary>The current classification a row's category maps to (leaf with its criteria set where known), or a problem on the record.</summary>
    private static (string? Code, int Set, string? Note) Classify(LegacyRecord r, List<ProductCategory> categories, List<LegacyCategory> legacy)
    {
        var bySet = r.CriteriaSet is { } n ? categories.FirstOrDefault(c => c.CriteriaSetNumber == n) : null;
        if (r.Classification.Length == 0)
        {
            return bySet is null ? (null, 0, null) : (bySet.Code, bySet.CriteriaSetNumber!.Value, null);
        }

        var folded = VietnameseText.Fold(r.Classification);
        var category = categories.FirstOrDefault(c => string.Equals(c.Code, r.Classification, StringComparison.OrdinalIgnoreCase))
            ?? categories.FirstOrDefault(c => VietnameseText.Fold(c.Name) == folded);
        string? note = null;
        string? code = category?.Code;
        if (category is null)
        {
            var old = legacy.FirstOrDefault(l => VietnameseText.Fold(l.Name) == folded);
            if (old is null)
            {
                r.Problems.Add($"Phân loại “{r.Classification}” không có trong phân loại hiện hành (QĐ 26/2026) hay danh mục ngành theo quy định cũ.");
                return (null, 0, null);
            }

            code = old.MapsToGroup ?? old.MapsToSector;
            note = $"Phân loại cũ «{old.Name}» được chuyển sang {code} (phân loại hiện hành).";
        }

        if (category?.CriteriaSetNumber is { } leafSet)
        {
            if (r.CriteriaSet is { } given && given != leafSet)
            {
                r.Problems.Add($"Bộ tiêu chí {given} không khớp với phân loại {category.Code} (bộ {leafSet}).");
            }

            return (category.Code, leafSet, note);
        }

        // A sector or group (current, or mapped from an old name): a criteria set given in the file makes it precise.
        if (bySet is not null)
        {
            if (!bySet.Code.StartsWith(code + ".", StringComparison.Ordinal))
            {
                r.Problems.Add($"Bộ tiêu chí {bySet.CriteriaSetNumber} ({bySet.Code}) không thuộc phân loại {code}.");
                return (null, 0, null);
            }

            return (bySet.Code, bySet.CriteriaSetNumber!.Value, note);
        }

        return (code, 0, note);
    }

    private static string NameKey(string name, string commune) => "n:" + VietnameseText.Fold(name) + "|" + commune;

    private static string DecisionKey(PlanRow row) =>
        string.Join("|", row.Record.DecisionNumber.ToUpperInvariant(), row.Record.DecisionDate!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            VietnameseText.Fold(row.Record.Authority));

    private sealed class Plan
    {
        public List<PlanRow> Rows { get; } = [];

        public List<PlannedProducer> Producers { get; } = [];

        public Dictionary<string, PlannedProducer> ProducersByKey { get; } = new(StringComparer.Ordinal);

        public Dictionary<(PlannedProducer, string), PlannedProduct> Products { get; } = [];
    }

    private sealed class PlanRow(LegacyRecord record, string communeCode, string categoryCode, int criteriaSet, string? classificationNote,
        int? issuedRuleSetId, DateOnly validUntil, int classificationRuleSetId)
    {
        public LegacyRecord Record { get; } = record;

        public string CommuneCode { get; } = communeCode;

        public string CategoryCode { get; } = categoryCode;

        public int CriteriaSet { get; } = criteriaSet;

        public string? ClassificationNote { get; } = classificationNote;

        public int? IssuedRuleSetId { get; } = issuedRuleSetId;

        public DateOnly ValidUntil { get; } = validUntil;

        public int ClassificationRuleSetId { get; } = classificationRuleSetId;

        public PlannedProducer? Producer { get; set; }

        public PlannedProduct? Product { get; set; }
    }

    private sealed class PlannedProducer(int? existingId, PlanRow first)
    {
        public int? ExistingId { get; } = existingId;

        public PlanRow First { get; } = first;

        public Producer? Entity { get; set; }

        public int Id => ExistingId ?? Entity!.Id;
    }

    private sealed class PlannedProduct(int? existingId, PlanRow first)
    {
        public int? ExistingId { get; } = existingId;

        public PlanRow First { get; } = first;

        public Product? Entity { get; set; }

        public int Id => ExistingId ?? Entity!.Id;
    }
}
