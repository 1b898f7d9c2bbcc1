using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain.Councils;
using OcopPortal.Web.Domain.Dossiers;
using OcopPortal.Web.Domain.Producers;
using OcopPortal.Web.Domain.Recognition;
using OcopPortal.Web.Domain.Rules;
using OcopPortal.Web.Infrastructure.Pdf;

namespace OcopPortal.Web.Features.Reports;

/// <summary>
/// A standard report ready to show or export: columns, how many rows, and its rows read from the database page by
/// page (the page) or all at once as a stream (PDF, Excel).
/// </summary>
public sealed record ReportDefinition(
    string Title, string Subtitle, string FileStem, IReadOnlyList<ReportColumn> Columns,
    Func<CancellationToken, Task<int>> CountAsync, Func<int, int, IEnumerable<object?[]>> Rows)
{
    public TabularReport All(string sheet = ReportDocuments.SheetName) => new(Title, Subtitle, FileStem, Columns, Rows(0, int.MaxValue), sheet);
}

/// <summary>The (a) list of recognised products: in force on a date, or every product ever recognised (its latest certificate).</summary>
public enum RecognisedMode
{
    Valid = 0,
    Ever = 1,
}

/// <summary>
/// The five standard reports (ocop-domain §8.3): (a) recognised products, (b) summary star × sector × commune, (c) expiring
/// certificates, (d) per-round results with per-criterion detail, (e) the producer registry. Every query starts from the
/// scope's communes; council members only ever get (d) for finalised rounds of their councils.
/// </summary>
public sealed class StandardReports(OcopDbContext db, ReportQueries queries)
{
    private static readonly ReportColumn No = new("STT", 0.45f, TextAlign.Center);

    // ---------------------------------------------------------------- (a) recognised products

    public async Task<ReportDefinition> RecognisedAsync(ReportScope scope, RecognisedMode mode, DateOnly on, string? commune, CancellationToken ct)
    {
        var certs = queries.Certificates(scope.Narrow(commune));
        IQueryable<Certificate> chosen;
        if (mode == RecognisedMode.Valid)
        {
            chosen = queries.InForce(certs, on);
        }
        else
        {
            var all = db.Certificates;
            chosen = certs.Where(c => c.IssuedOn <= on && !all.Any(o => o.ProductId == c.ProductId && o.IssuedOn <= on
                && (o.IssuedOn > c.IssuedOn || (o.IssuedOn == c.IssuedOn && o.Id > c.Id))));
        }

        var query = from c in chosen
                    join p in db.Set<Producer>() on c.ProducerId equals p.Id
                    orderby c.ProductName, c.Id
                    select new
                    {
                        c.ProductName,
                        c.ProducerName,
                        p.Type,
                        c.ProducerAddress,
                        c.CategoryCode,
                        c.Stars,
                        c.DecisionNumber,
                        c.DecisionDate,
                        c.Number,
                        c.IssuedOn,
                        c.ValidUntil,
                        c.ExtendedUntil,
                        c.State,
                    };
        var categories = await CategoryNamesAsync(ct);
        var title = mode == RecognisedMode.Valid ? "Danh sách sản phẩm OCOP còn hiệu lực" : "Danh sách sản phẩm OCOP đã được công nhận";
        var subtitle = (mode == RecognisedMode.Valid ? $"Còn hiệu lực ngày {ReportLabels.Date(on)}" : $"Đã từng được công nhận đến ngày {ReportLabels.Date(on)} (giấy chứng nhận mới nhất của mỗi sản phẩm)")
            + await ScopeTextAsync(scope, commune, ct);
        return new ReportDefinition(title, subtitle, mode == RecognisedMode.Valid ? "san-pham-ocop-con-hieu-luc" : "san-pham-ocop-da-cong-nhan",
            [
                No, new("Tên sản phẩm", 2.2f), new("Chủ thể", 2.2f), new("Loại hình", 1.1f), new("Địa chỉ", 2.4f), new("Nhóm sản phẩm", 1.6f),
                new("Hạng sao", 0.7f, TextAlign.Center), new("Số quyết định", 1.1f), new("Ngày quyết định", 0.9f, TextAlign.Center),
                new("Số giấy chứng nhận", 1.2f), new("Ngày cấp", 0.9f, TextAlign.Center), new("Hiệu lực đến", 0.9f, TextAlign.Center), new("Tình trạng", 1f),
            ],
            chosen.CountAsync,
            (skip, take) => query.Skip(skip).Take(take).AsEnumerable().Select((r, i) => new object?[]
            {
                skip + i + 1, r.ProductName, r.ProducerName, ReportLabels.ProducerType(r.Type), r.ProducerAddress, Group(categories, r.CategoryCode),
                r.Stars, r.DecisionNumber, r.DecisionDate, r.Number, r.IssuedOn, r.ExtendedUntil is { } ext && ext > r.ValidUntil ? ext : r.ValidUntil,
                ReportLabels.Status(CertificateLifecycle.StatusOn(r.State, r.ValidUntil, r.ExtendedUntil, on)),
            }));
    }

    // ---------------------------------------------------------------- (b) summary

    public async Task<ReportDefinition> SummaryAsync(ReportScope scope, ReportFilter filter, CancellationToken ct)
    {
        var (from, to) = filter.Period(queries.Today);
        var grouped = await queries.Certificates(scope.Narrow(filter.Commune)).Where(c => c.IssuedOn >= from && c.IssuedOn <= to)
            .GroupBy(c => new { c.CommuneCode, c.CategoryCode, c.Stars })
            .Select(g => new { g.Key.CommuneCode, g.Key.CategoryCode, g.Key.Stars, Count = g.Count() }).ToListAsync(ct);
        var communes = await queries.CurrentCommunesAsync(grouped.Select(g => g.CommuneCode).Distinct().ToList(), ct);
        var sectors = await queries.SectorNamesAsync(ct);
        var compare = StringComparer.Create(ReportLabels.Vi, false);
        var rows = grouped
            .GroupBy(g => (Commune: communes.TryGetValue(g.CommuneCode, out var unit) ? unit.Item2 : $"Mã {g.CommuneCode}", Sector: ReportQueries.Sector(g.CategoryCode)))
            .OrderBy(g => g.Key.Commune, compare).ThenBy(g => g.Key.Sector, StringComparer.Ordinal)
            .Select(g => new object?[]
            {
                g.Key.Commune, sectors.GetValueOrDefault(g.Key.Sector) is { } n ? $"{g.Key.Sector}. {n}" : g.Key.Sector,
                g.Where(x => x.Stars == 3).Sum(x => x.Count), g.Where(x => x.Stars == 4).Sum(x => x.Count), g.Where(x => x.Stars == 5).Sum(x => x.Count), g.Sum(x => x.Count),
            }).ToList();
        rows.Add(["Tổng cộng", "", grouped.Where(x => x.Stars == 3).Sum(x => x.Count), grouped.Where(x => x.Stars == 4).Sum(x => x.Count),
            grouped.Where(x => x.Stars == 5).Sum(x => x.Count), grouped.Sum(x => x.Count)]);
        return new ReportDefinition("Tổng hợp kết quả công nhận sản phẩm OCOP theo hạng sao, ngành và xã",
            $"Giấy chứng nhận cấp từ {ReportLabels.Date(from)} đến {ReportLabels.Date(to)}" + await ScopeTextAsync(scope, filter.Commune, ct), "tong-hop-ocop",
            [new("Xã, phường", 2.5f), new("Ngành", 2.5f), new("3 sao", 0.8f, TextAlign.Right), new("4 sao", 0.8f, TextAlign.Right), new("5 sao", 0.8f, TextAlign.Right), new("Tổng", 0.8f, TextAlign.Right)],
            _ => Task.FromResult(rows.Count), (skip, take) => rows.Skip(skip).Take(take));
    }

    // ---------------------------------------------------------------- (c) expiring

    public async Task<ReportDefinition> ExpiringAsync(ReportScope scope, int days, string? commune, CancellationToken ct)
    {
        var today = queries.Today;
        var until = today.AddDays(days);
        var dossiers = queries.Dossiers(null);
        var chosen = queries.InForce(queries.Certificates(scope.Narrow(commune)), today).Where(c => c.ValidUntil >= today && c.ValidUntil <= until);
        var query = from c in chosen
                    orderby c.ValidUntil, c.ProductName, c.Id
                    select new
                    {
                        c.ProductName,
                        c.ProducerName,
                        c.ProducerAddress,
                        c.Stars,
                        c.Number,
                        c.ValidUntil,
                        Filed = dossiers.Any(d => d.ProductId == c.ProductId && d.Kind == DossierKind.ReEvaluation && ReportQueries.InProgress.Contains(d.Status)),
                    };
        return new ReportDefinition("Danh sách giấy chứng nhận OCOP sắp hết hạn",
            $"Hết hạn trong {days} ngày tới (từ {ReportLabels.Date(today)} đến {ReportLabels.Date(until)})" + await ScopeTextAsync(scope, commune, ct), "gcn-sap-het-han",
            [No, new("Tên sản phẩm", 2.2f), new("Chủ thể", 2.2f), new("Địa chỉ", 2.4f), new("Hạng sao", 0.7f, TextAlign.Center), new("Số giấy chứng nhận", 1.2f),
             new("Hiệu lực đến", 0.9f, TextAlign.Center), new("Còn (ngày)", 0.7f, TextAlign.Right), new("Hồ sơ đánh giá lại", 1f)],
            chosen.CountAsync,
            (skip, take) => query.Skip(skip).Take(take).AsEnumerable().Select((r, i) => new object?[]
            {
                skip + i + 1, r.ProductName, r.ProducerName, r.ProducerAddress, r.Stars, r.Number, r.ValidUntil, r.ValidUntil.DayNumber - today.DayNumber,
                r.Filed ? "Đã nộp" : "Chưa nộp",
            }));
    }

    // ---------------------------------------------------------------- (d) rounds

    public sealed record RoundRow(int Id, string Name, int Year, int Number, DateOnly LegalDeadline, DateTimeOffset? FinalisedAt, int Entries);

    /// <summary>Finalised rounds the scope may see (council members: of their councils).</summary>
    public IQueryable<EvaluationRound> Rounds(ReportScope scope)
    {
        var rounds = db.EvaluationRounds.AsNoTracking().Where(r => r.Status == RoundStatus.Finalised);
        if (scope.Kind == ScopeKind.Council)
        {
            var councils = scope.CouncilIds;
            rounds = rounds.Where(r => councils.Contains(r.CouncilId));
        }

        return rounds;
    }

    public async Task<List<RoundRow>> RoundListAsync(ReportScope scope, CancellationToken ct)
    {
        var dossiers = queries.Dossiers(scope.Communes);
        return await Rounds(scope).OrderByDescending(r => r.Year).ThenByDescending(r => r.Number).ThenByDescending(r => r.Id)
            .Select(r => new RoundRow(r.Id, r.Name, r.Year, r.Number, r.LegalDeadline, r.FinalisedAt,
                db.RoundEntries.Count(e => e.RoundId == r.Id && dossiers.Any(d => d.Id == e.DossierId))))
            .ToListAsync(ct);
    }

    /// <summary>
    /// The round's results (summary and per-criterion detail) or null when the round is not finalised or not the
    /// scope's. Commune officers get their communes' products; council members lose the products they were conflicted on.
    /// No member's name or score is in it: only the council's frozen result.
    /// </summary>
    public async Task<(ReportDefinition Summary, ReportDefinition Detail)?> RoundAsync(ReportScope scope, int roundId, string? userId, CancellationToken ct)
    {
        var round = await Rounds(scope).SingleOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null)
        {
            return null;
        }

        var dossiers = queries.Dossiers(scope.Communes);
        var entries = db.RoundEntries.AsNoTracking().Where(e => e.RoundId == roundId && dossiers.Any(d => d.Id == e.DossierId));
        if (scope.Kind == ScopeKind.Council)
        {
            var seats = db.CouncilSeats.Where(s => s.UserId == userId && s.CouncilId == round.CouncilId).Select(s => s.Id);
            entries = entries.Where(e => !db.ConflictDeclarations.Any(c => c.RoundEntryId == e.Id && c.Conflicted && seats.Contains(c.SeatId)));
        }

        var rows = await (from e in entries
                          join d in db.Dossiers on e.DossierId equals d.Id
                          join p in db.Set<Product>() on d.ProductId equals p.Id
                          join pr in db.Set<Producer>() on d.ProducerId equals pr.Id
                          join cs in db.CriteriaSets on d.CriteriaSetId equals cs.Id
                          orderby p.Name, e.Id
                          select new { e.Id, d.Number, Product = p.Name, Producer = pr.Name, SetNumber = cs.Number, SetName = cs.Name, cs.RuleSetId, d.CriteriaSetId, e.ResultMean, e.ResultStars, e.ResultDetail })
            .ToListAsync(ct);
        var sheets = new Dictionary<int, Domain.Rating.SheetDefinition>();
        foreach (var setId in rows.Select(r => r.CriteriaSetId).Distinct())
        {
            var set = await db.CriteriaSets.AsNoTracking().AsSplitQuery().Include(s => s.Nodes).ThenInclude(n => n.Options).SingleAsync(s => s.Id == setId, ct);
            sheets[setId] = Domain.Rating.SheetDefinition.From(set);
        }

        var parts = sheets.Values.SelectMany(s => s.PartMax.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        var read = rows.Select(r => (Row: r, Detail: Parse(r.ResultDetail))).ToList();
        var scopeText = await ScopeTextAsync(scope, null, ct);
        var subtitle = $"{round.Name} – chốt kết quả ngày {ReportLabels.Date(round.FinalisedAt is { } f ? queries.LocalDate(f) : null)}{scopeText}";
        var summaryRows = read.Select((x, i) => new object?[]
            {
                i + 1, x.Row.Number ?? "", x.Row.Product, x.Row.Producer, $"Bộ số {x.Row.SetNumber}", x.Row.ResultMean,
            }.Concat(parts.Select(p => (object?)(x.Detail.Parts.TryGetValue(p, out var v) ? v : null)))
            .Concat([x.Row.ResultStars is { } s and >= 3 ? ReportLabels.Stars(s) : "Chưa đạt 3 sao", x.Detail.Proposal]).ToArray()).ToList();
        var detailRows = read.SelectMany(x => sheets[x.Row.CriteriaSetId].Criteria.Select(c => new object?[]
            {
                x.Row.Number ?? "", x.Row.Product, c.Code, c.Name, x.Detail.Points.TryGetValue(c.Code, out var pts) ? pts : null, c.Max,
                c.RequiredFor(Math.Clamp((x.Row.ResultStars ?? 0) + 1, 3, 5)) is { } req ? req : null,
            })).ToList();
        var summary = new ReportDefinition("Kết quả đánh giá, phân hạng sản phẩm OCOP theo đợt", subtitle, $"ket-qua-dot-{round.Number}-{round.Year}-r{round.Id}",
            [No, new("Số hồ sơ", 1.4f), new("Sản phẩm", 2.2f), new("Chủ thể", 2.2f), new("Bộ tiêu chí", 0.8f), new("Điểm trung bình", 0.8f, TextAlign.Right),
             .. parts.Select(p => new ReportColumn($"Phần {p}", 0.7f, TextAlign.Right)), new("Hạng sao", 0.9f), new("Đề xuất", 2f)],
            _ => Task.FromResult(summaryRows.Count), (skip, take) => summaryRows.Skip(skip).Take(take));
        var detail = new ReportDefinition("Chi tiết điểm tổng hợp theo tiêu chí", subtitle, summary.FileStem,
            [new("Số hồ sơ", 1.4f), new("Sản phẩm", 2.2f), new("Mã tiêu chí", 0.7f), new("Tiêu chí", 3f), new("Điểm Hội đồng", 0.8f, TextAlign.Right),
             new("Điểm tối đa", 0.8f, TextAlign.Right), new("Mức tối thiểu hạng kế tiếp", 1f, TextAlign.Right)],
            _ => Task.FromResult(detailRows.Count), (skip, take) => detailRows.Skip(skip).Take(take));
        return (summary, detail);
    }

    private sealed record ParsedDetail(Dictionary<string, decimal> Parts, Dictionary<string, int> Points, string Proposal);

    private static ParsedDetail Parse(string? json)
    {
        var parsed = new ParsedDetail([], [], "");
        if (string.IsNullOrEmpty(json))
        {
            return parsed;
        }

        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        if (root.TryGetProperty("PartMeans", out var parts) && parts.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in parts.EnumerateObject().Where(p => p.Value.TryGetDecimal(out _)))
            {
                parsed.Parts[p.Name] = p.Value.GetDecimal();
            }
        }

        if (root.TryGetProperty("ConsolidatedPoints", out var points) && points.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in points.EnumerateObject().Where(p => p.Value.TryGetInt32(out _)))
            {
                parsed.Points[p.Name] = p.Value.GetInt32();
            }
        }

        return root.TryGetProperty("Proposal", out var proposal) && proposal.ValueKind == JsonValueKind.String
            ? parsed with { Proposal = proposal.GetString() ?? "" }
            : parsed;
    }

    // ---------------------------------------------------------------- (e) producers

    public async Task<ReportDefinition> ProducersAsync(ReportScope scope, string? commune, CancellationToken ct)
    {
        var today = queries.Today;
        var producers = queries.Producers(scope.Narrow(commune));
        var inForce = queries.InForce(db.Certificates, today);
        var query = from p in producers
                    orderby p.Name, p.Id
                    select new
                    {
                        p.Name,
                        p.Type,
                        p.TaxCode,
                        p.RepresentativeName,
                        p.StreetAddress,
                        Commune = db.Communes.Where(c => c.Code == p.CommuneCode).Select(c => c.FullName).FirstOrDefault(),
                        p.Phone,
                        p.Email,
                        Products = db.Set<Product>().Count(x => x.ProducerId == p.Id),
                        InForce = inForce.Where(c => c.ProducerId == p.Id).Select(c => c.ProductId).Distinct().Count(),
                    };
        return new ReportDefinition("Sổ đăng ký chủ thể OCOP", $"Đến ngày {ReportLabels.Date(today)}" + await ScopeTextAsync(scope, commune, ct), "so-chu-the-ocop",
            [No, new("Tên chủ thể", 2.4f), new("Loại hình", 1.1f), new("Mã số thuế / định danh", 1.2f), new("Người đại diện", 1.5f), new("Địa chỉ", 2.6f),
             new("Điện thoại", 1f), new("Email", 1.6f), new("Số sản phẩm", 0.7f, TextAlign.Right), new("Sản phẩm OCOP còn hiệu lực", 0.9f, TextAlign.Right)],
            producers.CountAsync,
            (skip, take) => query.Skip(skip).Take(take).AsEnumerable().Select((r, i) => new object?[]
            {
                skip + i + 1, r.Name, ReportLabels.ProducerType(r.Type), r.TaxCode, r.RepresentativeName,
                string.Join(", ", new[] { r.StreetAddress, r.Commune }.Where(s => !string.IsNullOrWhiteSpace(s))), r.Phone, r.Email, r.Products, r.InForce,
            }));
    }

    // ---------------------------------------------------------------- shared

    private async Task<string> ScopeTextAsync(ReportScope scope, string? commune, CancellationToken ct)
    {
        var communes = scope.Narrow(commune);
        if (communes is null)
        {
            return "";
        }

        var names = await db.Communes.AsNoTracking().Where(c => communes.Contains(c.Code)).OrderBy(c => c.Name).Select(c => c.FullName).ToListAsync(ct);
        return names.Count == 0 ? " – chưa được giao xã nào" : " – " + string.Join(", ", names);
    }

    /// <summary>Category code → "I.3 Thực phẩm chế biến" at group level (sector when there is no group).</summary>
    private async Task<Dictionary<string, string>> CategoryNamesAsync(CancellationToken ct) =>
        (await db.ProductCategories.AsNoTracking().Where(c => c.Level != CategoryLevel.SubGroup).OrderByDescending(c => c.RuleSetId)
            .Select(c => new { c.Code, c.Name }).ToListAsync(ct))
        .GroupBy(c => c.Code).ToDictionary(g => g.Key, g => g.First().Name);

    private static string Group(Dictionary<string, string> names, string code)
    {
        var segments = code.Split('.');
        var group = segments.Length >= 2 ? $"{segments[0]}.{segments[1]}" : code;
        return names.TryGetValue(group, out var name) ? $"{group} {name}" : names.TryGetValue(segments[0], out var sector) ? $"{segments[0]} {sector}" : code;
    }

    public static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
