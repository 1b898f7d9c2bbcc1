using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain.Dossiers;
using OcopPortal.Web.Domain.Producers;
using OcopPortal.Web.Domain.Recognition;
using OcopPortal.Web.Domain.Rules;
using OcopPortal.Web.Features.Catalogue;
using OcopPortal.Web.Infrastructure.Auth;
using OcopPortal.Web.Infrastructure.Email;
using OcopPortal.Web.Infrastructure.Notifications;
using OcopPortal.Web.Infrastructure.Web;

namespace OcopPortal.Web.Features.Recognition.Lifecycle;

/// <summary>What one call of <see cref="CertificateLifecycleJob.RunAsync"/> did.</summary>
public sealed record LifecycleRunResult(bool Claimed, int WindowOpened, int WindowClosing, int Expired, int Extended, string Summary)
{
    public static LifecycleRunResult NotClaimed(string by) => new(false, 0, 0, 0, 0, $"Đã có nút khác nhận lượt chạy ({by}).");
}

/// <summary>
/// The daily certificate job. A run claims its day by inserting <see cref="JobRun"/> (job, date): the primary key lets
/// one node win, the others skip. It then, in one transaction, (a) tells producers whose re-recognition window opened,
/// (b) reminds them <see cref="CertificateLifecycleOptions.ClosingReminderDaysBefore"/> days before it closes,
/// (c) marks certificates past valid-until as expired, or (d) keeps one valid up to 180 days while a re-evaluation
/// dossier filed for it is still undecided (QĐ 26/2026 Art. 12.3), and sends the Office one digest of all of it.
/// Each reminder is a <see cref="CertificateReminder"/> row (key: certificate + kind) written with its outbox email,
/// so it goes out once per certificate however often and wherever the job runs.
/// </summary>
public sealed class CertificateLifecycleJob(
    OcopDbContext db,
    EmailOutbox outbox,
    TimeProvider clock,
    IOptions<CertificateLifecycleOptions> options,
    IOptions<PortalOptions> portal,
    ILogger<CertificateLifecycleJob> log,
    CatalogueIndex catalogue)
{
    public const string JobName = "certificate-lifecycle";

    /// <summary>Where the Office reads the runs; the digest links here.</summary>
    public const string OfficePath = "/certificates/jobs";

    private static readonly DossierStatus[] NotPending = [DossierStatus.Draft, DossierStatus.Rejected, DossierStatus.Withdrawn];

    /// <summary>Runs the job for <paramref name="today"/> (local date) as <paramref name="node"/>, unless another run already claimed that day.</summary>
    public async Task<LifecycleRunResult> RunAsync(DateOnly today, string node, CancellationToken ct = default)
    {
        var run = new JobRun { Job = JobName, RunDate = today, ClaimedBy = Truncate(node, 200), ClaimedAt = clock.GetUtcNow() };
        db.JobRuns.Add(run);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (UniqueViolations.Is(ex))
        {
            db.ChangeTracker.Clear();
            var by = await db.JobRuns.AsNoTracking().Where(r => r.Job == JobName && r.RunDate == today).Select(r => r.ClaimedBy).SingleOrDefaultAsync(ct);
            log.LogInformation("Certificate job for {Day} already claimed by {Node}; skipped", today, by);
            return LifecycleRunResult.NotClaimed(by ?? "?");
        }

        LifecycleRunResult result;
        try
        {
            result = await ProcessAsync(today, ct);
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException)
        {
            log.LogError(ex, "Certificate job for {Day} failed; nothing of it was saved", today);
            db.ChangeTracker.Clear();
            result = new LifecycleRunResult(true, 0, 0, 0, 0, Truncate("Lỗi, không lưu thay đổi nào: " + ex.Message, 2000));
        }

        await db.JobRuns.Where(r => r.Job == JobName && r.RunDate == today)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.CompletedAt, clock.GetUtcNow()).SetProperty(r => r.Summary, result.Summary), ct);
        return result;
    }

    private async Task<LifecycleRunResult> ProcessAsync(DateOnly today, CancellationToken ct)
    {
        var o = options.Value;
        var ruleSets = await db.RuleSets.AsNoTracking().Where(r => r.Status == RuleSetStatus.Published).ToListAsync(ct);
        var inForce = ruleSets.Where(r => r.InForceOn(today)).OrderByDescending(r => r.EffectiveFrom).FirstOrDefault()
            ?? ruleSets.OrderByDescending(r => r.EffectiveFrom).FirstOrDefault();
        var horizon = today.AddDays(Math.Max(ruleSets.Select(r => r.ReRecognitionOpensDaysBefore).DefaultIfEmpty(0).Max(), inForce?.ReRecognitionOpensDaysBefore ?? 180));

        var result = new Collected();
        await db.InTransactionAsync(async () =>
        {
            // Only certificates still in force can need anything; the (State, ValidUntil) index finds them.
            var certificates = await db.Certificates.Where(c => c.State == CertificateState.Active && c.ValidUntil <= horizon)
                .OrderBy(c => c.ValidUntil).ThenBy(c => c.Id).ToListAsync(ct);
            if (certificates.Count == 0)
            {
                return;
            }

            var ids = certificates.Select(c => c.Id).ToList();
            var numbers = certificates.Select(c => c.Number).ToList();
            var sent = (await db.CertificateReminders.AsNoTracking().Where(r => ids.Contains(r.CertificateId))
                .Select(r => new { r.CertificateId, r.Kind }).ToListAsync(ct)).Select(r => (r.CertificateId, r.Kind)).ToHashSet();
            var pending = (await db.Dossiers.AsNoTracking()
                    .Where(d => d.Kind == DossierKind.ReEvaluation && d.PreviousCertificateNumber != null && numbers.Contains(d.PreviousCertificateNumber)
                        && !NotPending.Contains(d.Status) && !db.Certificates.Any(c => c.DossierId == d.Id))
                    .Select(d => new { Number = d.PreviousCertificateNumber!, d.Id, DossierNumber = d.Number })
                    .ToListAsync(ct))
                .GroupBy(d => d.Number).ToDictionary(g => g.Key, g => g.First().DossierNumber ?? $"#{g.First().Id}");
            var producerIds = certificates.Select(c => c.ProducerId).Distinct().ToList();
            var producers = await (from p in db.Set<Producer>().AsNoTracking()
                                   where producerIds.Contains(p.Id)
                                   join u in db.Users on p.OwnerUserId equals u.Id into owners
                                   from u in owners.DefaultIfEmpty()
                                   select new { p.Id, UserId = (string?)u.Id, OwnerEmail = u.Email, p.Email })
                .ToDictionaryAsync(p => p.Id, p => new ProducerContact(p.UserId, string.IsNullOrWhiteSpace(p.OwnerEmail) ? p.Email : p.OwnerEmail), ct);

            var now = clock.GetUtcNow();
            foreach (var c in certificates)
            {
                var rules = (c.RuleSetId is { } id ? ruleSets.FirstOrDefault(r => r.Id == id) : null) ?? inForce;
                var opensBefore = rules?.ReRecognitionOpensDaysBefore ?? 180;
                var closesBefore = rules?.ReRecognitionClosesDaysBefore ?? 120;
                var contact = producers.GetValueOrDefault(c.ProducerId) ?? new ProducerContact(null, null);
                pending.TryGetValue(c.Number, out var dossierNumber);

                if (today > c.ValidUntil)
                {
                    if (dossierNumber is not null && (c.ExtendedUntil is null || today <= c.ExtendedUntil))
                    {
                        if (c.ExtendedUntil is null)
                        {
                            c.ExtendedUntil = CertificateLifecycle.LatestExtension(c.ValidUntil);
                            Touch(c, now);
                            TellProducer(contact, c, "certificate.extended",
                                $"Giấy chứng nhận OCOP số {c.Number} được giữ hiệu lực trong khi chờ đánh giá lại",
                                $"Giấy chứng nhận số {c.Number} của sản phẩm «{c.ProductName}» đã hết thời hạn ngày {D(c.ValidUntil)}. "
                                + $"Vì hồ sơ đánh giá lại {dossierNumber} đang được xem xét, theo khoản 3 Điều 12 Quyết định 26/2026/QĐ-TTg giấy chứng nhận "
                                + $"tiếp tục có hiệu lực đến khi có quyết định, nhưng không quá ngày {D(c.ExtendedUntil.Value)}. Trong thời gian này chủ thể vẫn phải duy trì các tiêu chí đã được công nhận.");
                            result.Extended.Add(c);
                        }

                        continue;
                    }

                    c.State = CertificateState.Expired;
                    Touch(c, now);
                    if (sent.Add((c.Id, ReminderKind.Expired)))
                    {
                        Remember(c, ReminderKind.Expired, now);
                        var end = c.ExtendedUntil is { } ext && ext > c.ValidUntil ? ext : c.ValidUntil;
                        TellProducer(contact, c, "certificate.expired",
                            $"Giấy chứng nhận OCOP số {c.Number} đã hết hiệu lực",
                            $"Giấy chứng nhận số {c.Number} ({c.Stars} sao) của sản phẩm «{c.ProductName}» hết hiệu lực từ ngày {D(end.AddDays(1))}. "
                            + "Sản phẩm không còn được sử dụng nhãn OCOP cho đến khi được đánh giá, công nhận lại.");
                    }

                    result.Expired.Add(c);
                    continue;
                }

                var opens = CertificateLifecycle.WindowOpens(c.ValidUntil, opensBefore);
                var closes = CertificateLifecycle.WindowCloses(c.ValidUntil, closesBefore);
                if (today < opens || today > closes || dossierNumber is not null)
                {
                    continue; // outside the window, or the re-evaluation is already filed
                }

                var window = $"Hồ sơ đề nghị đánh giá, phân hạng lại nộp từ ngày {D(opens)} đến hết ngày {D(closes)} "
                    + $"(không sớm hơn {opensBefore} ngày và không muộn hơn {closesBefore} ngày trước khi giấy chứng nhận hết hiệu lực).";
                if (today >= CertificateLifecycle.WindowClosingReminderOn(c.ValidUntil, closesBefore, o.ClosingReminderDaysBefore)
                    && !sent.Contains((c.Id, ReminderKind.WindowClosing)))
                {
                    // One message covers both: a certificate first seen this late gets no separate "window opened" notice.
                    sent.Add((c.Id, ReminderKind.WindowClosing));
                    Remember(c, ReminderKind.WindowClosing, now);
                    if (sent.Add((c.Id, ReminderKind.WindowOpened)))
                    {
                        Remember(c, ReminderKind.WindowOpened, now);
                    }

                    TellProducer(contact, c, "certificate.window-closing",
                        $"Sắp hết hạn nộp hồ sơ đánh giá lại sản phẩm «{c.ProductName}»",
                        $"Giấy chứng nhận số {c.Number} ({c.Stars} sao) của sản phẩm «{c.ProductName}» hết hiệu lực ngày {D(c.ValidUntil)}. "
                        + $"Còn {closes.DayNumber - today.DayNumber} ngày để nộp hồ sơ đánh giá lại: hạn cuối là ngày {D(closes)}. {window}");
                    result.Closing.Add(c);
                }
                else if (sent.Add((c.Id, ReminderKind.WindowOpened)))
                {
                    Remember(c, ReminderKind.WindowOpened, now);
                    TellProducer(contact, c, "certificate.window-opened",
                        $"Đến thời hạn đề nghị đánh giá lại sản phẩm OCOP «{c.ProductName}»",
                        $"Giấy chứng nhận số {c.Number} ({c.Stars} sao) của sản phẩm «{c.ProductName}» hết hiệu lực ngày {D(c.ValidUntil)}. {window}");
                    result.Opened.Add(c);
                }
            }

            if (result.Total > 0)
            {
                await TellOfficeAsync(today, result, ct);
            }

            await db.SaveChangesAsync(ct);
        }, ct);

        var summary = $"Mở thời hạn đánh giá lại: {result.Opened.Count}; sắp hết thời hạn: {result.Closing.Count}; "
            + $"hết hiệu lực: {result.Expired.Count}; giữ hiệu lực chờ đánh giá lại: {result.Extended.Count}.";
        log.LogInformation("Certificate job for {Day}: {Summary}", today, summary);
        // Expired and extended certificates change what the public catalogue says about their products.
        await catalogue.RefreshProductsAsync(result.Expired.Concat(result.Extended).Select(c => c.ProductId).Distinct().ToList(), ct);
        return new LifecycleRunResult(true, result.Opened.Count, result.Closing.Count, result.Expired.Count, result.Extended.Count, summary);
    }

    private async Task TellOfficeAsync(DateOnly today, Collected result, CancellationToken ct)
    {
        var office = await (from u in db.Users
                            join ur in db.UserRoles on u.Id equals ur.UserId
                            join r in db.Roles on ur.RoleId equals r.Id
                            where r.Name == Roles.Office
                            select new { u.Id, u.Email }).Distinct().ToListAsync(ct);
        var title = $"Giấy chứng nhận OCOP cần theo dõi ngày {D(today)}: {result.Total} giấy";
        var sections = new List<string>();
        void Section(string heading, List<Certificate> list)
        {
            if (list.Count > 0)
            {
                sections.Add($"{heading} ({list.Count}):\n" + string.Join("\n", list.Select(c =>
                    $"- {c.Number}: «{c.ProductName}», {c.ProducerName}, {c.Stars} sao, hết hạn {D(c.ValidUntil)}"
                    + (c.ExtendedUntil is { } e && list == result.Extended ? $", giữ hiệu lực đến {D(e)}" : ""))));
            }
        }

        Section("Mở thời hạn đề nghị đánh giá lại", result.Opened);
        Section($"Còn khoảng {options.Value.ClosingReminderDaysBefore} ngày là hết thời hạn nộp hồ sơ đánh giá lại", result.Closing);
        Section("Hết hiệu lực hôm nay", result.Expired);
        Section("Giữ hiệu lực chờ quyết định đánh giá lại (khoản 3 Điều 12 QĐ 26/2026)", result.Extended);
        var body = string.Join("\n\n", sections);
        var shortBody = body.Length <= 2000 ? body : body[..1900] + $"\n… (xem đủ danh sách trong thư điện tử và tại {OfficePath})";
        var now = clock.GetUtcNow();
        foreach (var u in office)
        {
            db.Notifications.Add(new Notification { UserId = u.Id, Title = title, Body = shortBody, Url = OfficePath, CreatedAt = now });
            if (!string.IsNullOrWhiteSpace(u.Email))
            {
                outbox.Enqueue(u.Email, title, "certificate.office-digest", sections, Link(OfficePath));
            }
        }
    }

    private void TellProducer(ProducerContact contact, Certificate c, string kind, string title, string body)
    {
        var url = CertificateIssuer.VerificationPath(c.Token);
        if (contact.UserId is not null)
        {
            db.Notifications.Add(new Notification { UserId = contact.UserId, Title = Truncate(title, 300), Body = Truncate(body, 2000), Url = url, CreatedAt = clock.GetUtcNow() });
        }

        if (!string.IsNullOrWhiteSpace(contact.Email))
        {
            outbox.Enqueue(contact.Email, Truncate(title, 300), kind, [body], Link(url));
        }
    }

    private (string Text, string Url)? Link(string path) =>
        string.IsNullOrWhiteSpace(portal.Value.PublicBaseUrl) ? null : ("Mở trên Cổng OCOP", portal.Value.PublicBaseUrl.TrimEnd('/') + path);

    private void Remember(Certificate c, ReminderKind kind, DateTimeOffset now) =>
        db.CertificateReminders.Add(new CertificateReminder { CertificateId = c.Id, Kind = kind, ValidUntil = c.ValidUntil, SentAt = now });

    private static void Touch(Certificate c, DateTimeOffset now)
    {
        c.StateChangedAt = now;
        c.Version = Guid.NewGuid();
    }

    private static string D(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];

    private sealed record ProducerContact(string? UserId, string? Email);

    private sealed class Collected
    {
        public List<Certificate> Opened { get; } = [];

        public List<Certificate> Closing { get; } = [];

        public List<Certificate> Expired { get; } = [];

        public List<Certificate> Extended { get; } = [];

        public int Total => Opened.Count + Closing.Count + Expired.Count + Extended.Count;
    }
}
