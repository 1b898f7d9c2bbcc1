using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain.Calendar;
using OcopPortal.Web.Domain.Councils;
using OcopPortal.Web.Domain.Dossiers;
using OcopPortal.Web.Domain.Producers;
using OcopPortal.Web.Domain.Recognition;
using OcopPortal.Web.Domain.Reports;

namespace OcopPortal.Web.Features.Reports;

/// <summary>
/// The dashboard's figures. Counts are computed by the database (GROUP BY / COUNT DISTINCT over the scoped
/// certificates, dossiers, events and rounds); only the grouped rows (a few dozen) come back and are labelled here.
/// Days per step come back one row per dossier (working days need the holiday calendar); the frozen council results'
/// parts and unmet minimums are counted from the per-entry facts <see cref="FrozenResults"/> stores (a finalised result
/// never changes), not from the JSON of every result or the sheets' answers.
/// </summary>
public sealed class ReportQueries(OcopDbContext db, FrozenResults frozen, WorkingDays workingDays, TimeProvider clock, FinalisedRoundFacts finalised, IServiceScopeFactory scopes, ILogger<ReportQueries> logger)
{
    /// <summary>Runs one dashboard section, logging its time at debug level (where a slow dashboard's time goes).</summary>
    private async Task<T> Timed<T>(string section, Func<Task<T>> run)
    {
        var started = clock.GetTimestamp();
        var result = await run();
        if (logger.IsEnabled(LogLevel.Debug))
        {
            logger.LogDebug("Dashboard section {Section}: {Milliseconds:F1} ms", section, clock.GetElapsedTime(started).TotalMilliseconds);
        }

        return result;
    }

    /// <summary>
    /// Reads a large row set (thousands of rows). On SQLite it is read synchronously: Microsoft.Data.Sqlite runs its
    /// async methods synchronously anyway (its documentation says to avoid them), and EF's asynchronous enumeration adds
    /// a cost per row that made half of the dashboard's time for 20,000 certificates. Other providers read asynchronously.
    /// </summary>
    private async Task<List<T>> RowsAsync<T>(IQueryable<T> query, CancellationToken ct) =>
        db.Database.IsSqlite() ? query.ToList() : await query.ToListAsync(ct);

    /// <summary>How many years the per-year flows go back from the period's end at most.</summary>
    public const int MaxYears = 8;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().Date);

    public static readonly DossierStatus[] InProgress =
        [DossierStatus.AtCommune, DossierStatus.AtProvince, DossierStatus.SupplementRequested, DossierStatus.Accepted, DossierStatus.InEvaluation, DossierStatus.Evaluated];

    // ---------------------------------------------------------------- scoped sources

    public IQueryable<Certificate> Certificates(IReadOnlyList<string>? communes) =>
        communes is null ? db.Certificates.AsNoTracking() : db.Certificates.AsNoTracking().Where(c => communes.Contains(c.CommuneCode));

    public IQueryable<Dossier> Dossiers(IReadOnlyList<string>? communes) =>
        communes is null
            ? db.Dossiers.AsNoTracking().Where(d => d.Status != DossierStatus.Draft)
            : db.Dossiers.AsNoTracking().Where(d => d.Status != DossierStatus.Draft && communes.Contains(d.CommuneCode));

    public IQueryable<Producer> Producers(IReadOnlyList<string>? communes) =>
        communes is null ? db.Set<Producer>().AsNoTracking() : db.Set<Producer>().AsNoTracking().Where(p => communes.Contains(p.CommuneCode));

    /// <summary>
    /// Certificates in force on <paramref name="day"/> (<see cref="CertificateLifecycle.IsInForce"/> as SQL): issued by
    /// then, not revoked or superseded by then, and within validity or a transitional extension.
    /// </summary>
    public IQueryable<Certificate> InForce(IQueryable<Certificate> certificates, DateOnly day) => certificates.Where(InForceOn(day));

    /// <summary>The in-force test as an expression, for conditional counts inside one grouped pass.</summary>
    public Expression<Func<Certificate, bool>> InForceOn(DateOnly day)
    {
        var dayEnd = DayEnd(day);
        var revocations = db.Revocations;
        return c => c.IssuedOn <= day
            && (c.ValidUntil >= day || (c.ExtendedUntil != null && c.ExtendedUntil >= day && c.State != CertificateState.Expired))
            && !(c.State == CertificateState.Revoked && !revocations.Any(r => r.CertificateId == c.Id && r.DecisionDate > day))
            && !(c.State == CertificateState.Superseded && (c.StateChangedAt == null || c.StateChangedAt < dayEnd));
    }

    /// <summary>The first instant after <paramref name="day"/> in the portal's time zone.</summary>
    public DateTimeOffset DayEnd(DateOnly day) => Start(day.AddDays(1));

    /// <summary>
    /// The first instant of <paramref name="day"/> in the portal's time zone, as UTC: stored instants are UTC, and the
    /// SQLite model stores a DateTimeOffset as its clock ticks with the offset, so a bound with another offset would be
    /// compared by its local clock (a +07:00 year boundary would fall seven hours late).
    /// </summary>
    public DateTimeOffset Start(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, clock.LocalTimeZone.GetUtcOffset(local)).ToUniversalTime();
    }

    public DateOnly LocalDate(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, clock.LocalTimeZone).Date);

    // ---------------------------------------------------------------- dashboard

    public async Task<Dashboard> DashboardAsync(ReportScope scope, ReportFilter filter, IReadOnlyList<ProgrammeTarget> targets, CancellationToken ct)
    {
        var today = Today;
        var (from, to) = filter.Period(today);
        var asOf = filter.AsOf(today);
        if (scope.Kind == ScopeKind.Council)
        {
            var councilScores = await ScoreSeriesAsync(scope, null, from, to, ct);
            var councilRounds = await RoundSeriesAsync(scope, null, from, to, ct);
            return new Dashboard(scope, filter, from, to, asOf, [], 0, 0, 0, 0, 0, [], councilRounds, councilScores, []);
        }

        var communes = scope.Narrow(filter.Commune);
        // The flows, rounds, steps and scores sections run beside the certificate stock sections, in a second scope
        // (its own context and connection) on another thread: each half is about half the work, so on two cores the
        // first view after a change takes about half as long. SQLite in WAL mode lets both read at once.
        var side = Task.Run(() => SideSectionsAsync(scopes, scope, communes, from, to, today, ct), ct);
        try
        {
            var certs = Certificates(communes);
            var stockRows = await Timed("stock-rows", () => StockRowsAsync(certs, asOf, ct));
            var inForceRows = stockRows.Where(r => CertificateLifecycle.IsInForce(r.Status)).ToList();
            var stock = new List<ReportSeries>
            {
                await Timed("by-star", () => ByStarAsync(stockRows, inForceRows, communes, ct)),
                await Timed("by-status", () => ByStatusAsync(stockRows, communes, ct)),
                await Timed("by-sector", () => BySectorAsync(inForceRows, ct)),
                ByProducerType(inForceRows),
                await Timed("by-commune", () => ByCommuneAsync(stockRows, inForceRows, ct)),
            };
            var progress = scope.IsProvince && string.IsNullOrWhiteSpace(filter.Commune) ? await Timed("targets", () => TargetsAsync(targets, today, ct)) : [];
            var other = await side;
            stock.Add(other.Legacy);
            List<ReportSeries> flows = [other.DossierFlows, other.RecognitionFlows, .. other.Rounds, other.Steps];
            var scores = other.Scores;
            return new Dashboard(scope, filter, from, to, asOf, other.CommuneOptions,
                Distinct(inForceRows, r => r.ProductId), Distinct(inForceRows, r => r.ProducerId), Distinct(stockRows, r => r.ProductId), Distinct(stockRows, r => r.ProducerId),
                stockRows.Count, stock, flows, scores, progress);
        }
        catch
        {
            // Never leave the other half running on its scope unobserved; this half's error is the one reported.
            await ((Task)side).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw;
        }
    }

    /// <summary>The dashboard's half computed beside the certificate stock: the filter's communes, flows, rounds, steps, scores.</summary>
    private sealed record SideSections(
        IReadOnlyList<CommuneOption> CommuneOptions, ReportSeries Legacy, ReportSeries DossierFlows, ReportSeries RecognitionFlows,
        List<ReportSeries> Rounds, ReportSeries Steps, List<ReportSeries> Scores);

    /// <summary>The <see cref="SideSections"/>, computed by a <see cref="ReportQueries"/> of a scope of their own.</summary>
    private static async Task<SideSections> SideSectionsAsync(
        IServiceScopeFactory scopes, ReportScope scope, IReadOnlyList<string>? communes, DateOnly from, DateOnly to, DateOnly today, CancellationToken ct)
    {
        await using var side = scopes.CreateAsyncScope();
        var q = side.ServiceProvider.GetRequiredService<ReportQueries>();
        var certs = q.Certificates(communes);
        return new SideSections(
            await q.Timed("commune-options", () => q.CommuneOptionsAsync(scope, ct)),
            await q.Timed("legacy-districts", () => q.LegacyDistrictsAsync(certs, from, to, ct)),
            await q.Timed("dossier-flows", () => q.DossierFlowsAsync(communes, from, to, ct)),
            await q.Timed("recognition-flows", () => q.RecognitionFlowsAsync(certs, communes, from, to, today, ct)),
            await q.Timed("rounds", () => q.RoundSeriesAsync(scope, communes, from, to, ct)),
            await q.Timed("steps", () => q.StepsAsync(communes, from, to, ct)),
            await q.Timed("scores", () => q.ScoreSeriesAsync(scope, communes, from, to, ct)));
    }

    public async Task<IReadOnlyList<CommuneOption>> CommuneOptionsAsync(ReportScope scope, CancellationToken ct)
    {
        if (scope.Kind == ScopeKind.Council)
        {
            return [];
        }

        var current = db.Communes.AsNoTracking().Where(c => c.ValidTo == null);
        // The province's: the current communes with a certificate or a submitted dossier, each probed through an index
        // (a UNION of every certificate's and dossier's code, then sorted, took 60 ms at national scale).
        var communes = scope.Communes is { } own
            ? current.Where(c => own.Contains(c.Code))
            : current.Where(c => db.Certificates.Any(x => x.CommuneCode == c.Code) || db.Dossiers.Any(d => d.CommuneCode == c.Code && d.Status != DossierStatus.Draft));
        return await communes.OrderBy(c => c.Name).Select(c => new CommuneOption(c.Code, c.FullName)).ToListAsync(ct);
    }

    /// <summary>
    /// What the stock sections need of one certificate issued by <c>asOf</c>: its status that day (<see cref="StatusOn"/>,
    /// computed by the database), product, producer and its type, stars, commune and category. The stock sections are
    /// counted from these rows (20,000 at national scale, read in one pass over the report index) rather than by one
    /// grouped query each, which scanned the same certificates six times.
    /// </summary>
    public sealed class StockRow
    {
        public int ProductId { get; init; }

        public int ProducerId { get; init; }

        public ProducerType? ProducerType { get; set; }

        public int Stars { get; init; }

        public string CommuneCode { get; init; } = "";

        public string CategoryCode { get; init; } = "";

        public CertificateStatus Status { get; init; }
    }

    private async Task<List<StockRow>> StockRowsAsync(IQueryable<Certificate> certs, DateOnly asOf, CancellationToken ct)
    {
        var rows = await RowsAsync(certs.Where(c => c.IssuedOn <= asOf).Select(StatusOn(asOf)), ct);
        // The producers' types from their (Type) index, not a join that reads every producer's row.
        var types = (await RowsAsync(db.Set<Producer>().AsNoTracking().Select(p => new { p.Id, p.Type }), ct)).ToDictionary(p => p.Id, p => p.Type);
        foreach (var row in rows)
        {
            row.ProducerType = types.TryGetValue(row.ProducerId, out var type) ? type : null;
        }

        return rows;
    }

    /// <summary>
    /// A certificate's status on <paramref name="day"/> as SQL, projected into a <see cref="StockRow"/> (without the
    /// producer's type): revoked by a decision dated by then, superseded by then, else by its dates
    /// (<see cref="CertificateLifecycle.StatusOn(CertificateState, DateOnly, DateOnly?, DateOnly, int)"/> as of a past day).
    /// In force (<see cref="InForceOn"/>) is exactly Valid, Expiring or Extended.
    /// </summary>
    private Expression<Func<Certificate, StockRow>> StatusOn(DateOnly day)
    {
        var dayEnd = DayEnd(day);
        var opens = day.AddDays(OcopDeadlines.ReRecognitionOpensDaysBefore);
        var revocations = db.Revocations;
        return c => new StockRow
        {
            ProductId = c.ProductId,
            ProducerId = c.ProducerId,
            Stars = c.Stars,
            CommuneCode = c.CommuneCode,
            CategoryCode = c.CategoryCode,
            Status = c.State == CertificateState.Revoked && !revocations.Any(r => r.CertificateId == c.Id && r.DecisionDate > day) ? CertificateStatus.Revoked
                : c.State == CertificateState.Superseded && (c.StateChangedAt == null || c.StateChangedAt < dayEnd) ? CertificateStatus.Superseded
                : c.ValidUntil < day
                    ? (c.ExtendedUntil != null && c.ExtendedUntil >= day && c.State != CertificateState.Expired ? CertificateStatus.Extended : CertificateStatus.Expired)
                    : c.ValidUntil <= opens ? CertificateStatus.Expiring : CertificateStatus.Valid,
        };
    }

    private static int Distinct<T>(IEnumerable<StockRow> rows, Func<StockRow, T> key) => rows.Select(key).Distinct().Count();

    private async Task<ReportSeries> ByStarAsync(List<StockRow> rows, List<StockRow> inForce, IReadOnlyList<string>? communes, CancellationToken ct)
    {
        var dossiers = Dossiers(communes);
        var potential = await db.MinistryReferrals.AsNoTracking()
            .Where(m => m.Result == ReferralResult.Pending && m.ProvinceScore >= 90 && dossiers.Any(d => d.Id == m.DossierId))
            .Select(m => m.ProductId).Distinct().CountAsync(ct);
        CountRow Stars(int s) => new($"{s} sao", Distinct(inForce.Where(r => r.Stars == s), r => r.ProductId), Distinct(rows.Where(r => r.Stars == s), r => r.ProductId));
        return new ReportSeries("by-star", "Sản phẩm theo hạng sao", ["Đang còn hiệu lực", "Đã từng được công nhận"],
        [
            Stars(3),
            Stars(4),
            new CountRow("Tiềm năng 5 sao", potential, null),
            Stars(5),
        ], Note: "Tiềm năng 5 sao: sản phẩm đạt từ 90 điểm ở cấp tỉnh, đang chờ kết quả đánh giá cấp trung ương.");
    }

    private async Task<ReportSeries> ByStatusAsync(List<StockRow> rows, IReadOnlyList<string>? communes, CancellationToken ct)
    {
        // Products with a re-evaluation dossier in progress (a few hundred, from the status index) whose certificate is
        // in force or has lapsed by then (expired, or past validity without a running extension), from the rows in hand.
        var products = (await Dossiers(communes).Where(d => d.Kind == DossierKind.ReEvaluation && InProgress.Contains(d.Status))
            .Select(d => d.ProductId).Distinct().ToListAsync(ct)).ToHashSet();
        var reEvaluating = Distinct(rows.Where(r => products.Contains(r.ProductId) && (CertificateLifecycle.IsInForce(r.Status) || r.Status == CertificateStatus.Expired)), r => r.ProductId);
        int Of(CertificateStatus s) => rows.Count(r => r.Status == s);
        return new ReportSeries("by-status", "Giấy chứng nhận theo tình trạng", ["Số giấy chứng nhận"],
        [
            new CountRow("Còn hiệu lực", Of(CertificateStatus.Valid)),
            new CountRow("Sắp hết hạn (trong thời hạn đề nghị đánh giá lại)", Of(CertificateStatus.Expiring)),
            new CountRow("Gia hạn chuyển tiếp", Of(CertificateStatus.Extended)),
            new CountRow("Hết hiệu lực", Of(CertificateStatus.Expired)),
            new CountRow("Đã thu hồi", Of(CertificateStatus.Revoked)),
            new CountRow("Đang đánh giá lại (sản phẩm)", reEvaluating),
        ], Chart: "doughnut", Note: "Giấy đã được thay thế bởi giấy mới (nâng hạng, đánh giá lại) không tính ở đây: "
            + Of(CertificateStatus.Superseded).ToString(CultureInfo.InvariantCulture) + ". Dòng «đang đánh giá lại» đếm sản phẩm có hồ sơ đánh giá lại đang xử lý, đã nằm trong các dòng trên.");
    }

    private async Task<ReportSeries> BySectorAsync(List<StockRow> inForce, CancellationToken ct)
    {
        var names = await SectorNamesAsync(ct);
        // Products counted once per category, then summed by sector (as the category codes group them).
        var rows = inForce.GroupBy(r => r.CategoryCode).Select(g => new { Code = g.Key, Products = Distinct(g, r => r.ProductId) })
            .GroupBy(c => Sector(c.Code))
            .Select(g => new CountRow(names.GetValueOrDefault(g.Key) is { } n ? $"{g.Key}. {n}" : g.Key == "" ? "Chưa phân loại" : g.Key, g.Sum(x => x.Products)) { Key = g.Key })
            .OrderBy(r => SectorOrder(r.Key)).ToList();
        return new ReportSeries("by-sector", "Sản phẩm còn hiệu lực theo ngành", ["Sản phẩm"], rows, Chart: "bar-horizontal");
    }

    private static ReportSeries ByProducerType(List<StockRow> inForce) =>
        new("by-producer-type", "Theo loại hình chủ thể", ["Sản phẩm", "Chủ thể"],
            Enum.GetValues<ProducerType>().Select(t => new CountRow(ReportLabels.ProducerType(t),
                Distinct(inForce.Where(r => r.ProducerType == t), r => r.ProductId), Distinct(inForce.Where(r => r.ProducerType == t), r => r.ProducerId))
            { Key = t.ToString() }).ToList(),
            Chart: "doughnut");

    private async Task<ReportSeries> ByCommuneAsync(List<StockRow> stockRows, List<StockRow> inForce, CancellationToken ct)
    {
        var now = inForce.GroupBy(r => r.CommuneCode).ToDictionary(g => g.Key, g => Distinct(g, r => r.ProductId));
        var ever = stockRows.GroupBy(r => r.CommuneCode).Select(g => new { Code = g.Key, Products = Distinct(g, r => r.ProductId), Now = now.GetValueOrDefault(g.Key) }).ToList();
        var map = await CurrentCommunesAsync(ever.Select(e => e.Code).ToList(), ct);
        var rows = ever.Select(e => (Unit: map.TryGetValue(e.Code, out var unit) ? unit : (e.Code, $"Mã {e.Code}"), Ever: e.Products, e.Now))
            .GroupBy(r => r.Unit)
            .Select(g => new CountRow(g.Key.Item2, g.Sum(x => x.Now), g.Sum(x => x.Ever)) { Key = g.Key.Item1 })
            .OrderByDescending(r => r.Values[0]).ThenBy(r => r.Label, StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), false)).ToList();
        var shown = TopWithOthers(rows, DashboardCommuneRows);
        return new ReportSeries("by-commune", "Theo xã, phường (đơn vị hành chính hiện nay)", ["Đang còn hiệu lực", "Đã từng được công nhận"], shown,
            Chart: shown.Count > 25 ? "none" : "bar-horizontal",
            Note: shown.Count < rows.Count ? "Bảng nêu các xã, phường có nhiều sản phẩm còn hiệu lực nhất; các xã, phường còn lại được cộng chung ở dòng cuối. Bảng đầy đủ: báo cáo tổng hợp (b) theo xã." : null);
    }

    /// <summary>Rows the dashboard lists by commune; the rest are summed into one row (a national-scale province has thousands).</summary>
    public const int DashboardCommuneRows = 40;

    /// <summary>The first <paramref name="keep"/> rows and, when there are more, one row summing the others column by column.</summary>
    public static List<CountRow> TopWithOthers(IReadOnlyList<CountRow> rows, int keep)
    {
        if (rows.Count <= keep)
        {
            return [.. rows];
        }

        var others = rows.Skip(keep).ToList();
        var columns = others.Max(r => r.Values.Count);
        var sums = Enumerable.Range(0, columns).Select(i => (decimal?)others.Sum(r => r.Values.ElementAtOrDefault(i) ?? 0)).ToList();
        return [.. rows.Take(keep), new CountRow("Các xã, phường khác", sums) { Key = "others" }];
    }

    /// <summary>
    /// Recognitions per year by the pre-2025 district: a certificate's commune code is mapped through CommuneMappings (an
    /// old code directly; a current one when all the old communes merged into it were in one district).
    /// </summary>
    private async Task<ReportSeries> LegacyDistrictsAsync(IQueryable<Certificate> certs, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var firstYear = Years(from, to)[0];
        var startDay = new DateOnly(firstYear, 1, 1);
        var grouped = await certs.Where(c => c.IssuedOn >= startDay && c.IssuedOn <= to)
            .GroupBy(c => new { c.CommuneCode, c.IssuedOn.Year }).Select(g => new { g.Key.CommuneCode, g.Key.Year, Count = g.Count() }).ToListAsync(ct);
        var codes = grouped.Select(g => g.CommuneCode).Distinct().ToList();
        // Few codes (a commune's dashboard): look them up; many (the province's, thousands nationally): read the narrow
        // mapping and the current codes once instead of sending thousands of parameters three times.
        var few = codes.Count <= ManyCodes;
        var mappings = await (few
                ? db.CommuneMappings.AsNoTracking().Where(m => codes.Contains(m.OldCommuneCode) || codes.Contains(m.NewCommuneCode))
                : db.CommuneMappings.AsNoTracking())
            .Select(m => new { m.OldCommuneCode, m.NewCommuneCode, m.OldDistrictName, m.OldProvinceName }).Distinct().ToListAsync(ct);
        var byOld = mappings.GroupBy(m => m.OldCommuneCode)
            .ToDictionary(g => g.Key, g => g.Select(m => $"{m.OldDistrictName} ({m.OldProvinceName})").Distinct().ToList());
        var byNew = mappings.GroupBy(m => m.NewCommuneCode)
            .ToDictionary(g => g.Key, g => g.Select(m => $"{m.OldDistrictName} ({m.OldProvinceName})").Distinct().ToList());
        var current = (await (few ? db.Communes.AsNoTracking().Where(c => codes.Contains(c.Code)) : db.Communes.AsNoTracking())
            .Where(c => c.ValidTo == null).Select(c => c.Code).ToListAsync(ct)).ToHashSet();

        string District(string code)
        {
            var candidates = current.Contains(code) ? byNew.GetValueOrDefault(code) : byOld.GetValueOrDefault(code) ?? byNew.GetValueOrDefault(code);
            return candidates is [var only] ? only : candidates is { Count: > 1 } ? "Xã mới gồm nhiều huyện cũ" : "Không xác định được huyện cũ";
        }

        var years = Enumerable.Range(firstYear, to.Year - firstYear + 1).ToList();
        var rows = grouped.GroupBy(g => District(g.CommuneCode))
            .Select(d => new CountRow(d.Key, years.Select(y => (decimal?)d.Where(x => x.Year == y).Sum(x => x.Count)).ToList()))
            .OrderBy(r => r.Label, StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), false)).ToList();
        return new ReportSeries("legacy-districts", "Chuỗi lịch sử theo huyện cũ (trước 01/07/2025): giấy chứng nhận cấp trong năm",
            years.Select(y => y.ToString(CultureInfo.InvariantCulture)).ToList(), rows, Chart: "none",
            Note: "Mã xã trên giấy chứng nhận được đối chiếu với bảng chuyển đổi đơn vị hành chính; xã mới hình thành từ nhiều huyện cũ được tách riêng.");
    }

    /// <summary>The years the per-year flows show: those of the period, at most <see cref="MaxYears"/> back from its end.</summary>
    public static List<int> Years(DateOnly from, DateOnly to)
    {
        var first = Math.Max(to.Year - MaxYears + 1, from.Year);
        return Enumerable.Range(first, to.Year - first + 1).ToList();
    }

    private async Task<ReportSeries> DossierFlowsAsync(IReadOnlyList<string>? communes, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var dossiers = Dossiers(communes);
        DossierEventKind[] kinds = [DossierEventKind.Submitted, DossierEventKind.SupplementRequested, DossierEventKind.Accepted, DossierEventKind.Rejected];
        var rows = new List<CountRow>();
        foreach (var year in Years(from, to))
        {
            var (start, end) = (Start(new DateOnly(year, 1, 1)), Start(new DateOnly(year + 1, 1, 1)));
            var events = db.DossierEvents.AsNoTracking().Where(e => kinds.Contains(e.Kind) && e.At >= start && e.At < end);
            // No transition leads back to Draft, so a dossier with one of these events is never a draft: only a commune
            // scope needs the per-event dossier check; the province's count is read from the (Kind, At, DossierId) index alone.
            var counts = await (communes is null ? events : events.Where(e => dossiers.Any(d => d.Id == e.DossierId)))
                .GroupBy(e => e.Kind).Select(g => new { Kind = g.Key, Count = g.Select(e => e.DossierId).Distinct().Count() }).ToListAsync(ct);
            int Of(DossierEventKind k) => counts.Where(c => c.Kind == k).Sum(c => c.Count);
            rows.Add(new CountRow(year.ToString(CultureInfo.InvariantCulture),
                Of(DossierEventKind.Submitted), Of(DossierEventKind.SupplementRequested), Of(DossierEventKind.Accepted), Of(DossierEventKind.Rejected)));
        }

        return new ReportSeries("dossier-flows", "Hồ sơ theo năm", ["Tiếp nhận", "Yêu cầu bổ sung", "Đủ điều kiện đánh giá", "Từ chối"], rows,
            Note: "Đếm số hồ sơ có bước đó trong năm (một hồ sơ được yêu cầu bổ sung hai lần tính một lần).");
    }

    private async Task<ReportSeries> RecognitionFlowsAsync(IQueryable<Certificate> certs, IReadOnlyList<string>? communes, DateOnly from, DateOnly to, DateOnly today, CancellationToken ct)
    {
        var years = Years(from, to);
        var (first, last) = (new DateOnly(years[0], 1, 1), new DateOnly(years[^1], 12, 31));
        var issued = await (from c in certs
                            where c.IssuedOn >= first && c.IssuedOn <= last
                            join d in db.Dossiers on c.DossierId equals d.Id into dj
                            from d in dj.DefaultIfEmpty()
                            group c by new { c.IssuedOn.Year, Kind = (DossierKind?)d.Kind } into g
                            select new { g.Key.Year, g.Key.Kind, Count = g.Count() }).ToListAsync(ct);
        var expired = await certs.Where(c => (c.State == CertificateState.Active || c.State == CertificateState.Expired)
                && c.ValidUntil >= first && c.ValidUntil <= last && c.ValidUntil < today && (c.ExtendedUntil == null || c.ExtendedUntil < today))
            .GroupBy(c => c.ValidUntil.Year).Select(g => new { Year = g.Key, Count = g.Count() }).ToListAsync(ct);
        var revoked = await (from r in db.Revocations
                             join c in certs on r.CertificateId equals c.Id
                             where r.DecisionDate >= first && r.DecisionDate <= last
                             group r by r.DecisionDate.Year into g
                             select new { Year = g.Key, Count = g.Count() }).ToListAsync(ct);
        _ = communes;
        var rows = years.Select(y => new CountRow(y.ToString(CultureInfo.InvariantCulture),
            issued.Where(i => i.Year == y && i.Kind == DossierKind.FirstEvaluation).Sum(i => i.Count),
            issued.Where(i => i.Year == y && i.Kind == DossierKind.Upgrade).Sum(i => i.Count),
            issued.Where(i => i.Year == y && i.Kind == DossierKind.ReEvaluation).Sum(i => i.Count),
            issued.Where(i => i.Year == y && i.Kind == null).Sum(i => i.Count),
            expired.Where(e => e.Year == y).Sum(e => e.Count),
            revoked.Where(r => r.Year == y).Sum(r => r.Count))).ToList();
        return new ReportSeries("recognition-flows", "Công nhận, hết hạn và thu hồi theo năm",
            ["Công nhận mới", "Nâng hạng", "Đánh giá lại", "Ghi nhận (ngoài cổng, trước đây)", "Hết hiệu lực", "Thu hồi"], rows,
            Note: "Loại công nhận theo loại hồ sơ; giấy ghi nhận từ quyết định ngoài cổng (5 sao của Bộ, dữ liệu cũ) không có hồ sơ.");
    }

    /// <summary>Per finalised round (of the period's years): results by star, recognitions, time to result and members' punctuality.</summary>
    private async Task<List<ReportSeries>> RoundSeriesAsync(ReportScope scope, IReadOnlyList<string>? communes, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var rounds = db.EvaluationRounds.AsNoTracking().Where(r => r.Status == RoundStatus.Finalised && r.Year >= from.Year && r.Year <= to.Year);
        if (scope.Kind == ScopeKind.Council)
        {
            var councils = scope.CouncilIds;
            rounds = rounds.Where(r => councils.Contains(r.CouncilId));
        }

        var list = await rounds.OrderBy(r => r.Year).ThenBy(r => r.Number).ThenBy(r => r.Id)
            .Select(r => new { r.Id, r.Name, r.Year, r.Number, r.CouncilId, r.ScoringDeadline, r.LegalDeadline, r.FinalisedAt }).ToListAsync(ct);
        var ids = list.Select(r => r.Id).ToList();
        var dossiers = Dossiers(communes);
        // A dossier reaches a round only once accepted, never as a draft: only a commune scope needs the dossier check.
        var entries = db.RoundEntries.AsNoTracking().Where(e => ids.Contains(e.RoundId));
        if (communes is not null)
        {
            entries = entries.Where(e => dossiers.Any(d => d.Id == e.DossierId));
        }

        var facts = await RoundFactsAsync(list.Select(r => (r.Id, r.FinalisedAt, r.ScoringDeadline)).ToList(), communes, ct);
        // Live: referrals and decisions are made after the round is finalised.
        var potential = await db.MinistryReferrals.AsNoTracking().Where(m => m.ProvinceScore >= 90 && entries.Any(e => e.Id == m.RoundEntryId))
            .Join(db.RoundEntries, m => m.RoundEntryId, e => e.Id, (m, e) => e.RoundId).GroupBy(r => r).Select(g => new { RoundId = g.Key, Count = g.Count() }).ToListAsync(ct);
        var recognised = await (from l in db.DecisionLines
                                join dec in db.RecognitionDecisions on l.DecisionId equals dec.Id
                                where dec.Status == DecisionStatus.Issued && dec.RoundId != null && ids.Contains(dec.RoundId!.Value)
                                      && (l.DossierId == null || dossiers.Any(d => d.Id == l.DossierId))
                                group l by dec.RoundId into g
                                select new { RoundId = g.Key!.Value, Count = g.Count() }).ToListAsync(ct);
        var voting = await db.CouncilSeats.AsNoTracking().Where(s => s.Role != SeatRole.InvitedExpert && list.Select(r => r.CouncilId).Contains(s.CouncilId))
            .GroupBy(s => s.CouncilId).Select(g => new { CouncilId = g.Key, Count = g.Count() }).ToListAsync(ct);
        var resultRows = new List<CountRow>();
        var timeRows = new List<CountRow>();
        foreach (var r in list)
        {
            var fact = facts[r.Id];
            var total = fact.Results.Sum(x => x.Count);
            decimal? Stars(Func<int?, bool> match) => fact.Results.Where(x => match(x.Stars)).Sum(x => x.Count);
            resultRows.Add(new CountRow(r.Name, total, Stars(s => s is null or < 3), Stars(s => s == 3), Stars(s => s == 4),
                potential.Where(p => p.RoundId == r.Id).Sum(p => p.Count), recognised.Where(x => x.RoundId == r.Id).Sum(x => x.Count))
            { Key = r.Id.ToString(CultureInfo.InvariantCulture) });

            var finalisedOn = r.FinalisedAt is { } f ? LocalDate(f) : (DateOnly?)null;
            var sheets = fact.Seats;
            var (conflicts, entryCount) = (fact.Conflicts, fact.Entries);
            var seats = voting.Where(v => v.CouncilId == r.CouncilId).Sum(v => v.Count);
            var expected = Math.Max(0, (entryCount * seats) - conflicts);
            var onTime = sheets.Sum(s => s.Sheets - s.Late);
            timeRows.Add(new CountRow(r.Name,
                fact.AverageWait,
                finalisedOn is { } fo ? (fo <= r.LegalDeadline ? 1 : 0) : null,
                expected == 0 ? null : Math.Round(100m * onTime / expected, 1),
                seats == 0 ? null : sheets.Count(s => s.Late == 0))
            { Key = r.Id.ToString(CultureInfo.InvariantCulture) });
        }

        return
        [
            new ReportSeries("rounds", "Kết quả theo đợt đánh giá (đợt đã chốt)", ["Sản phẩm", "Dưới 3 sao / bị loại", "3 sao", "4 sao", "Từ 90 điểm (đề nghị 5 sao)", "Đã công nhận"], resultRows,
                Note: "Số liệu tổng hợp, không nêu điểm của từng thành viên."),
            new ReportSeries("council-throughput", "Thời gian xử lý của Hội đồng theo đợt",
                ["Ngày trung bình từ đủ điều kiện đến kết quả", "Chốt trước hạn luật định (1 = đúng hạn)", "Phiếu gửi đúng hạn chấm (%)", "Thành viên gửi mọi phiếu đúng hạn"], timeRows,
                Chart: "none", Note: "Đúng hạn: phiếu gửi trước hết ngày hạn chấm điểm của đợt. Không nêu tên, không nêu điểm của thành viên."),
        ];
    }

    /// <summary>
    /// What a finalised round's rows are made of that cannot change any more: its results by star and the days from
    /// acceptance to result (within the scope), and, for the whole round, its entries, declared conflicts and each
    /// seat's submitted sheets (a finalised round takes no new entry, declaration or sheet, and no sheet is reopened).
    /// </summary>
    private sealed record RoundFacts(IReadOnlyList<(int? Stars, int Count)> Results, decimal? AverageWait, IReadOnlyList<SeatSheets> Seats, int Entries, int Conflicts);

    /// <summary>
    /// The <see cref="RoundFacts"/> of <paramref name="rounds"/>: kept in <see cref="FinalisedRoundFacts"/> under the
    /// round, its finalisation time and the scope, computed (several rounds per query) only for those not kept yet.
    /// </summary>
    private async Task<Dictionary<int, RoundFacts>> RoundFactsAsync(
        IReadOnlyList<(int Id, DateTimeOffset? FinalisedAt, DateOnly ScoringDeadline)> rounds, IReadOnlyList<string>? communes, CancellationToken ct)
    {
        var found = new Dictionary<int, RoundFacts>();
        var missing = new List<(int Id, DateTimeOffset? FinalisedAt, DateOnly ScoringDeadline)>();
        foreach (var r in rounds)
        {
            if (finalised.TryGet(FinalisedRoundFacts.Key("rounds", r.Id, r.FinalisedAt, communes), out RoundFacts? kept) && kept is not null)
            {
                found[r.Id] = kept;
            }
            else
            {
                missing.Add(r);
            }
        }

        if (missing.Count == 0)
        {
            return found;
        }

        var ids = missing.Select(r => r.Id).ToList();
        var dossiers = Dossiers(communes);
        // A dossier reaches a round only once accepted, never as a draft: only a commune scope needs the dossier check.
        var entries = db.RoundEntries.AsNoTracking().Where(e => ids.Contains(e.RoundId));
        if (communes is not null)
        {
            entries = entries.Where(e => dossiers.Any(d => d.Id == e.DossierId));
        }

        var results = await entries.GroupBy(e => new { e.RoundId, e.ResultStars })
            .Select(g => new { g.Key.RoundId, g.Key.ResultStars, Count = g.Count() }).ToListAsync(ct);
        // A join grouped by entry, not a correlated MAX per entry: for the latter SQLite picks the (Kind, At) index
        // and walks every "accepted" event of the province once per entry (12–14 s for 300 entries at national scale).
        var accepted = await (from e in entries
                              join ev in db.DossierEvents on e.DossierId equals ev.DossierId
                              where ev.Kind == DossierEventKind.Accepted
                              group ev.At by new { e.Id, e.RoundId } into g
                              select new { g.Key.RoundId, At = g.Max() }).ToListAsync(ct);
        // Whole rounds (not narrowed to the scope's communes): entries, conflicts declared, and per seat the submitted
        // sheets and those sent after the round's scoring deadline (one grouped query per round, sent as one UNION ALL).
        var entryCounts = await db.RoundEntries.Where(e => ids.Contains(e.RoundId)).GroupBy(e => e.RoundId)
            .Select(g => new { RoundId = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.RoundId, x => x.Count, ct);
        var conflictCounts = await (from c in db.ConflictDeclarations
                                    join e in db.RoundEntries on c.RoundEntryId equals e.Id
                                    where c.Conflicted && ids.Contains(e.RoundId)
                                    group c by e.RoundId into g
                                    select new { RoundId = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.RoundId, x => x.Count, ct);
        IQueryable<SeatSheets>? perSeat = null;
        foreach (var r in missing)
        {
            var (roundId, deadlineEnd) = (r.Id, DayEnd(r.ScoringDeadline));
            var q = from e in db.RoundEntries
                    where e.RoundId == roundId
                    join sh in db.ScoreSheets on e.Id equals sh.RoundEntryId
                    where sh.Status == SheetStatus.Submitted
                    group sh by sh.SeatId into g
                    select new SeatSheets { RoundId = roundId, SeatId = g.Key, Sheets = g.Count(), Late = g.Count(x => x.SubmittedAt == null || x.SubmittedAt >= deadlineEnd) };
            perSeat = perSeat is null ? q : perSeat.Concat(q);
        }

        var seatSheets = perSeat is null ? [] : await perSeat.ToListAsync(ct);
        foreach (var r in missing)
        {
            var waits = accepted.Where(a => a.RoundId == r.Id && r.FinalisedAt is not null)
                .Select(a => (decimal)(r.FinalisedAt!.Value - a.At).TotalDays).ToList();
            var facts = new RoundFacts(
                results.Where(x => x.RoundId == r.Id).Select(x => (x.ResultStars, x.Count)).ToList(),
                waits.Count == 0 ? null : Math.Round(waits.Average(), 1),
                seatSheets.Where(x => x.RoundId == r.Id).ToList(),
                entryCounts.GetValueOrDefault(r.Id),
                conflictCounts.GetValueOrDefault(r.Id));
            finalised.Set(FinalisedRoundFacts.Key("rounds", r.Id, r.FinalisedAt, communes), facts);
            found[r.Id] = facts;
        }

        return found;
    }

    /// <summary>A finalised round's score facts within a scope: products with a frozen result, part bins, unmet minimums.</summary>
    private sealed record RoundScoreFacts(int Products, IReadOnlyList<PartBins> Parts, IReadOnlyList<(string Code, string Name, int Count)> Unmet);

    /// <summary>One round's part results in bins of tenths of a percent (member-initialised for EF's projection).</summary>
    private sealed class PartBins
    {
        public int RoundId { get; init; }

        public string Part { get; init; } = "";

        public int Below40 { get; init; }

        public int Below60 { get; init; }

        public int Below80 { get; init; }

        public int Above80 { get; init; }

        public long Sum { get; init; }

        public int Count { get; init; }
    }

    /// <summary>A seat's submitted sheets in one round (member-initialised: EF can send a UNION ALL of these, not of constructor calls).</summary>
    private sealed class SeatSheets
    {
        public int RoundId { get; init; }

        public int SeatId { get; init; }

        public int Sheets { get; init; }

        public int Late { get; init; }
    }

    /// <summary>Average days per step of the dossiers submitted in the period, against the legal limits.</summary>
    private async Task<ReportSeries> StepsAsync(IReadOnlyList<string>? communes, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var (start, end) = (Start(from), DayEnd(to));
        var dossiers = Dossiers(communes).Where(d => d.SubmittedAt >= start && d.SubmittedAt < end);
        // One row per dossier of the period with its step times, kept from its events as they were saved
        // (Data/Dossiers/DossierStepTimes), read from the steps index alone.
        var steps = await RowsAsync(dossiers.Select(d => new { Submitted = d.FirstSubmittedAt, Forwarded = d.FirstForwardedAt, Answered = d.ProvinceAnsweredAt }), ct);
        var commune = new List<int>();
        var province = new List<double>();
        var spans = new Dictionary<(DateOnly, DateOnly), int>();
        foreach (var step in steps)
        {
            if (step is { Submitted: { } s, Forwarded: { } f } && f >= s)
            {
                var (a, b) = (LocalDate(s), LocalDate(f));
                // Many dossiers share a (received, forwarded) pair of days: count each pair's working days once.
                if (!spans.TryGetValue((a, b), out var days))
                {
                    spans[(a, b)] = days = b > a ? workingDays.CountWorkingDays(a.AddDays(1), b) : 0;
                }

                commune.Add(days);
            }

            if (step is { Forwarded: { } f2, Answered: { } p })
            {
                province.Add((p - f2).TotalDays);
            }
        }

        var supplements = await RowsAsync(db.SupplementRequests.AsNoTracking()
            .Where(r => r.AnsweredAt != null && dossiers.Any(d => d.Id == r.DossierId))
            .Select(r => new { r.RequestedAt, r.AnsweredAt, r.DueOn }), ct);
        var reEvaluations = await (from c in db.Certificates.AsNoTracking()
                                   join d in dossiers on c.DossierId equals d.Id
                                   join e in db.DossierEvents on d.Id equals e.DossierId
                                   where d.Kind == DossierKind.ReEvaluation && e.Kind == DossierEventKind.Accepted
                                   group e.At by new { c.Id, c.IssuedOn } into g
                                   select new { g.Key.IssuedOn, Accepted = g.Max() }).ToListAsync(ct);
        var reDays = reEvaluations.Select(r => r.IssuedOn.DayNumber - LocalDate(r.Accepted).DayNumber).ToList();

        static decimal? Avg<T>(IReadOnlyCollection<T> xs, Func<T, double> f) => xs.Count == 0 ? null : Math.Round((decimal)xs.Average(f), 1);
        static decimal? Share<T>(IReadOnlyCollection<T> xs, Func<T, bool> ok) => xs.Count == 0 ? null : Math.Round(100m * xs.Count(ok) / xs.Count, 1);
        return new ReportSeries("steps", "Thời gian trung bình mỗi bước so với thời hạn luật định",
            ["Số hồ sơ", "Trung bình (ngày)", "Thời hạn", "Trong thời hạn (%)"],
            [
                new CountRow("Xã kiểm tra hồ sơ (ngày làm việc)", commune.Count, Avg(commune, x => x), OcopDeadlines.CommuneCheckWorkingDays,
                    Share(commune, x => x <= OcopDeadlines.CommuneCheckWorkingDays)),
                new CountRow("Tỉnh kiểm tra tính đầy đủ (ngày)", province.Count, Avg(province, x => x), null, null),
                new CountRow("Chủ thể bổ sung hồ sơ (ngày, hạn theo yêu cầu)", supplements.Count,
                    Avg(supplements, s => (s.AnsweredAt!.Value - s.RequestedAt).TotalDays), null, Share(supplements, s => LocalDate(s.AnsweredAt!.Value) <= s.DueOn)),
                new CountRow("Đánh giá lại: từ đủ hồ sơ đến công nhận (ngày)", reDays.Count, Avg(reDays, x => x), 45, Share(reDays, x => x <= 45)),
            ], Chart: "none", Note: "Hồ sơ nộp trong kỳ. Thời hạn: xã 15 ngày làm việc (QĐ 26/2026 Điều 7); đánh giá lại tối đa 45 ngày sau khi đủ hồ sơ.");
    }

    /// <summary>Part A/B/C distributions and the most often unmet star minimums, from the finalised rounds' frozen results.</summary>
    private async Task<List<ReportSeries>> ScoreSeriesAsync(ReportScope scope, IReadOnlyList<string>? communes, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var rounds = db.EvaluationRounds.Where(r => r.Status == RoundStatus.Finalised && r.Year >= from.Year && r.Year <= to.Year);
        if (scope.Kind == ScopeKind.Council)
        {
            var councils = scope.CouncilIds;
            rounds = rounds.Where(r => councils.Contains(r.CouncilId));
        }

        var dossiers = Dossiers(communes);
        var entries = db.RoundEntries.Where(e => rounds.Any(r => r.Id == e.RoundId) && e.ResultDetail != null);
        if (communes is not null)
        {
            entries = entries.Where(e => dossiers.Any(d => d.Id == e.DossierId)); // entries' dossiers are never drafts
        }

        // Facts are stored at finalisation; results frozen before (or by other paths) get theirs on first need.
        var stored = await frozen.StoreMissingAsync(entries, ct);
        if (stored > 0)
        {
            logger.LogInformation("Stored the score facts of {Count} finalised results", stored);
        }

        // Per finalised round, kept once computed (the facts are frozen with the result): products, part bins, unmet minimums.
        var roundList = await rounds.Select(r => new { r.Id, r.FinalisedAt }).ToListAsync(ct);
        var perRound = new List<RoundScoreFacts>();
        var missing = new List<(int Id, DateTimeOffset? FinalisedAt)>();
        foreach (var r in roundList)
        {
            if (finalised.TryGet(FinalisedRoundFacts.Key("scores", r.Id, r.FinalisedAt, communes), out RoundScoreFacts? kept) && kept is not null)
            {
                perRound.Add(kept);
            }
            else
            {
                missing.Add((r.Id, r.FinalisedAt));
            }
        }

        if (missing.Count > 0)
        {
            var ids = missing.Select(m => m.Id).ToList();
            var missingEntries = entries.Where(e => ids.Contains(e.RoundId));
            var counts = await missingEntries.GroupBy(e => e.RoundId).Select(g => new { RoundId = g.Key, Count = g.Count() }).ToListAsync(ct);
            var partRowsByRound = await (from p in db.EntryPartResults
                                         join e in missingEntries on p.RoundEntryId equals e.Id
                                         group p.PercentTenths by new { e.RoundId, p.Part } into g
                                         select new PartBins
                                         {
                                             RoundId = g.Key.RoundId,
                                             Part = g.Key.Part,
                                             Below40 = g.Count(x => x < 400),
                                             Below60 = g.Count(x => x >= 400 && x < 600),
                                             Below80 = g.Count(x => x >= 600 && x < 800),
                                             Above80 = g.Count(x => x >= 800),
                                             Sum = g.Sum(x => (long)x),
                                             Count = g.Count(),
                                         }).ToListAsync(ct);
            var unmetByRound = await (from u in db.EntryUnmetMinimums
                                      join e in missingEntries on u.RoundEntryId equals e.Id
                                      group u.CriterionName by new { e.RoundId, u.CriterionCode } into g
                                      select new { g.Key.RoundId, Code = g.Key.CriterionCode, Name = g.Min(), Count = g.Count() }).ToListAsync(ct);
            foreach (var m in missing)
            {
                var facts = new RoundScoreFacts(
                    counts.Where(c => c.RoundId == m.Id).Sum(c => c.Count),
                    partRowsByRound.Where(p => p.RoundId == m.Id).ToList(),
                    unmetByRound.Where(u => u.RoundId == m.Id).Select(u => (u.Code, u.Name, u.Count)).ToList());
                finalised.Set(FinalisedRoundFacts.Key("scores", m.Id, m.FinalisedAt, communes), facts);
                perRound.Add(facts);
            }
        }

        var products = perRound.Sum(f => f.Products);
        var parts = perRound.SelectMany(f => f.Parts).GroupBy(p => p.Part).Select(g => new
        {
            Part = g.Key,
            Below40 = g.Sum(x => x.Below40),
            Below60 = g.Sum(x => x.Below60),
            Below80 = g.Sum(x => x.Below80),
            Above80 = g.Sum(x => x.Above80),
            Sum = g.Sum(x => x.Sum),
            Count = g.Sum(x => x.Count),
        }).ToList();
        string[] bins = ["Dưới 40 %", "40–60 %", "60–80 %", "Từ 80 %"];
        var partRows = parts.OrderBy(p => p.Part, StringComparer.Ordinal).Select(p => new CountRow($"Phần {p.Part}",
            [p.Below40, p.Below60, p.Below80, p.Above80, Math.Round((decimal)p.Sum / 10m / p.Count, 1)])).ToList();
        var unmet = perRound.SelectMany(f => f.Unmet).GroupBy(u => u.Code, StringComparer.Ordinal)
            .Select(g => new { Code = g.Key, Name = g.Select(u => u.Name).Min(StringComparer.Ordinal), Count = g.Sum(u => u.Count) })
            .OrderByDescending(x => x.Count).ThenBy(x => x.Code, StringComparer.Ordinal).Take(10)
            .Select(x => new CountRow($"{x.Code}. {x.Name}", x.Count)).ToList();
        return
        [
            new ReportSeries("part-distribution", "Phân bố điểm theo phần (tỷ lệ điểm đạt trên điểm tối đa của phần)",
                [.. bins, "Trung bình (%)"], partRows, Chart: "bar-stacked",
                Note: $"Từ kết quả đã chốt của {products} sản phẩm (điểm trung bình của Hội đồng). Không có điểm của từng thành viên."),
            new ReportSeries("unmet-minimums", "Tiêu chí tối thiểu thường chưa đạt (để lên hạng kế tiếp)", ["Số sản phẩm"], unmet, Chart: "bar-horizontal",
                Note: "Với mỗi sản phẩm: các tiêu chí có mức tối thiểu chưa đạt ở hạng sao kế tiếp, theo điểm tổng hợp của Hội đồng."),
        ];
    }

    // ---------------------------------------------------------------- targets

    public async Task<List<TargetProgress>> TargetsAsync(IReadOnlyList<ProgrammeTarget> targets, DateOnly today, CancellationToken ct)
    {
        var result = new List<TargetProgress>();
        foreach (var t in targets)
        {
            var day = new DateOnly(t.Year, 12, 31) is var end && end < today ? end : today;
            var all = InForce(Certificates(null), day);
            var scoped = all;
            if (!string.IsNullOrEmpty(t.SectorCode))
            {
                var prefix = t.SectorCode + ".";
                var sector = t.SectorCode;
                scoped = scoped.Where(c => c.CategoryCode == sector || c.CategoryCode.StartsWith(prefix));
            }

            if (t.Stars is { } stars)
            {
                scoped = scoped.Where(c => c.Stars == stars);
            }

            if (t.ProducerType is { } type)
            {
                var producers = db.Set<Producer>().Where(p => p.Type == type).Select(p => p.Id);
                scoped = scoped.Where(c => producers.Contains(c.ProducerId));
            }

            async Task<int> CountAsync(IQueryable<Certificate> q) => t.Subject == TargetSubject.Producers
                ? await q.Select(c => c.ProducerId).Distinct().CountAsync(ct)
                : await q.Select(c => c.ProductId).Distinct().CountAsync(ct);
            var count = await CountAsync(scoped);
            decimal actual = count;
            if (t.Kind == TargetKind.Ratio)
            {
                var whole = await CountAsync(all);
                actual = whole == 0 ? 0 : Math.Round(100m * count / whole, 1);
            }

            var gap = t.Value - actual;
            result.Add(new TargetProgress(t, day, actual, gap > 0 ? gap : 0, actual >= t.Value, ReportLabels.TargetScope(t)));
        }

        return result;
    }

    // ---------------------------------------------------------------- labels

    public static string Sector(string categoryCode)
    {
        var dot = categoryCode.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? categoryCode : categoryCode[..dot];
    }

    private static int SectorOrder(string? code) => code switch
    {
        "I" => 1,
        "II" => 2,
        "III" => 3,
        "IV" => 4,
        "V" => 5,
        "VI" => 6,
        _ => 99,
    };

    /// <summary>Sector code → name from the newest published classification that has it.</summary>
    public async Task<Dictionary<string, string>> SectorNamesAsync(CancellationToken ct) =>
        (await db.ProductCategories.AsNoTracking().Where(c => c.Level == Domain.Rules.CategoryLevel.Sector)
            .OrderByDescending(c => c.RuleSetId).Select(c => new { c.Code, c.Name }).ToListAsync(ct))
        .GroupBy(c => c.Code).ToDictionary(g => g.Key, g => g.First().Name);

    /// <summary>Above this many commune codes a lookup reads the whole (narrow) table rather than sending each code.</summary>
    private const int ManyCodes = 200;

    /// <summary>Commune code (current or pre-2025) → the current unit it belongs to now (code, full name).</summary>
    public async Task<Dictionary<string, (string, string)>> CurrentCommunesAsync(IReadOnlyCollection<string> codes, CancellationToken ct)
    {
        var current = await (codes.Count <= ManyCodes ? db.Communes.AsNoTracking().Where(c => codes.Contains(c.Code)) : db.Communes.AsNoTracking())
            .Where(c => c.ValidTo == null).Select(c => new { c.Code, c.FullName }).ToListAsync(ct);
        var wanted = codes as IReadOnlySet<string> ?? codes.ToHashSet();
        var map = current.Where(c => wanted.Contains(c.Code)).ToDictionary(c => c.Code, c => (c.Code, c.FullName));
        var missing = codes.Where(c => !map.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            var mapped = await (from m in db.CommuneMappings.AsNoTracking()
                                join c in db.Communes on m.NewCommuneCode equals c.Code
                                where missing.Contains(m.OldCommuneCode) && c.ValidTo == null
                                select new { m.OldCommuneCode, c.Code, c.FullName }).ToListAsync(ct);
            foreach (var g in mapped.GroupBy(m => m.OldCommuneCode))
            {
                var first = g.OrderBy(x => x.Code, StringComparer.Ordinal).First();
                map[g.Key] = (first.Code, first.FullName);
            }
        }

        return map;
    }
}
