using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain;
using OcopPortal.Web.Domain.Dossiers;
using OcopPortal.Web.Domain.Recognition;
using OcopPortal.Web.Features.Recognition.Lifecycle;
using OcopPortal.Web.Infrastructure.Auth;

namespace OcopPortal.Tests.Web.Recognition;

/// <summary>
/// The daily certificate job against a real database: reminders at the window's edges (leap day, month ends), once
/// however often or on however many nodes it runs, expiry, the transitional extension and its end, the Office digest.
/// The tests of this class share one database, so each works in its own years (a job run claims its date) and
/// asserts about its own certificates.
/// </summary>
public sealed class LifecycleJobTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private readonly CertificateScenario _scenario = new(factory);

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private Task<LifecycleRunResult> RunAsync(string day, string node = "test-node") =>
        factory.WithScopeAsync(sp => sp.GetRequiredService<CertificateLifecycleJob>().RunAsync(D(day), node));

    private Task<List<ReminderKind>> RemindersAsync(int certificateId) => factory.WithScopeAsync(sp =>
        sp.GetRequiredService<OcopDbContext>().CertificateReminders.Where(r => r.CertificateId == certificateId)
            .OrderBy(r => r.Kind).Select(r => r.Kind).ToListAsync());

    private Task<List<string>> NotificationsAsync(string userId) => factory.WithScopeAsync(sp =>
        sp.GetRequiredService<OcopDbContext>().Notifications.Where(n => n.UserId == userId).OrderBy(n => n.Id).Select(n => n.Title).ToListAsync());

    private Task<List<(string Subject, string Kind, string Text)>> EmailsAsync(string to) => factory.WithScopeAsync(async sp =>
        (await sp.GetRequiredService<OcopDbContext>().OutboxEmails.Where(e => e.To == to).OrderBy(e => e.Id)
            .Select(e => new { e.Subject, e.Kind, e.TextBody }).ToListAsync()).Select(e => (e.Subject, e.Kind, e.TextBody)).ToList());

    private Task<Certificate> CertificateAsync(int id) => factory.WithScopeAsync(sp =>
        sp.GetRequiredService<OcopDbContext>().Certificates.AsNoTracking().SingleAsync(c => c.Id == id));

    [Fact]
    public async Task A_leap_day_certificate_is_reminded_once_when_the_window_opens_once_before_it_closes_and_then_expires()
    {
        var c = await _scenario.IssueAsync(D("2024-02-29"));
        Assert.Equal(D("2027-02-28"), c.ValidUntil);

        await RunAsync("2026-08-31"); // the day before the window opens
        Assert.Empty(await RemindersAsync(c.Id));

        var first = await RunAsync("2026-09-01");
        var second = await RunAsync("2026-09-01", "another-node"); // the same day again: the claim is taken
        Assert.True(first.Claimed);
        Assert.False(second.Claimed);
        await RunAsync("2026-09-02");
        Assert.Equal([ReminderKind.WindowOpened], await RemindersAsync(c.Id));
        var notices = await NotificationsAsync(c.OwnerUserId);
        Assert.Single(notices);
        Assert.Contains("Đến thời hạn đề nghị đánh giá lại", notices[0]);
        var mail = Assert.Single(await EmailsAsync(c.OwnerEmail));
        Assert.Equal("certificate.window-opened", mail.Kind);
        Assert.Contains("từ ngày 01/09/2026 đến hết ngày 31/10/2026", mail.Text);

        await RunAsync("2026-10-16"); // the day before the closing reminder (31/10 − 14 days = 17/10)
        Assert.Equal([ReminderKind.WindowOpened], await RemindersAsync(c.Id));
        await RunAsync("2026-10-17");
        await RunAsync("2026-10-18");
        Assert.Equal([ReminderKind.WindowOpened, ReminderKind.WindowClosing], await RemindersAsync(c.Id));
        var closing = (await EmailsAsync(c.OwnerEmail))[1];
        Assert.Equal("certificate.window-closing", closing.Kind);
        Assert.Contains("Còn 14 ngày", closing.Text);
        Assert.Contains("hạn cuối là ngày 31/10/2026", closing.Text);

        await RunAsync("2027-02-28"); // the last valid day: still active
        Assert.Equal(CertificateState.Active, (await CertificateAsync(c.Id)).State);
        await RunAsync("2027-03-01");
        await RunAsync("2027-03-02");
        var expired = await CertificateAsync(c.Id);
        Assert.Equal(CertificateState.Expired, expired.State);
        Assert.NotNull(expired.StateChangedAt);
        Assert.Null(expired.ExtendedUntil);
        Assert.Equal(CertificateStatus.Expired, CertificateLifecycle.StatusOn(expired, D("2027-03-01")));
        Assert.Equal([ReminderKind.WindowOpened, ReminderKind.WindowClosing, ReminderKind.Expired], await RemindersAsync(c.Id));
        Assert.Equal(3, (await NotificationsAsync(c.OwnerUserId)).Count);
        var mails = await EmailsAsync(c.OwnerEmail);
        Assert.Equal(["certificate.window-opened", "certificate.window-closing", "certificate.expired"], mails.Select(m => m.Kind));
        Assert.Contains("hết hiệu lực từ ngày 01/03/2027", mails[2].Text);
    }

    [Theory]
    [InlineData("2031-01-31", "2034-01-31", "2033-08-04")]
    [InlineData("2031-08-31", "2034-08-31", "2034-03-04")] // counted back across a 28-day February
    [InlineData("2031-11-30", "2034-11-30", "2034-06-03")]
    public async Task Month_end_certificates_are_reminded_on_the_exact_day_the_window_opens(string issued, string validUntil, string opens)
    {
        var c = await _scenario.IssueAsync(D(issued));
        Assert.Equal(D(validUntil), c.ValidUntil);

        await RunAsync(D(opens).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Assert.Empty(await RemindersAsync(c.Id));
        await RunAsync(opens);
        Assert.Equal([ReminderKind.WindowOpened], await RemindersAsync(c.Id));
    }

    [Fact]
    public async Task A_certificate_first_seen_inside_the_closing_fortnight_gets_one_message_not_two()
    {
        // valid until 10/03/2044: the window closes 11/11/2043, the closing reminder is due from 28/10/2043
        var c = await _scenario.IssueAsync(D("2041-03-10"), withRuleSet: false); // a legacy row: the rule set in force applies
        await RunAsync("2043-11-01");
        Assert.Equal([ReminderKind.WindowOpened, ReminderKind.WindowClosing], await RemindersAsync(c.Id));
        var mail = Assert.Single(await EmailsAsync(c.OwnerEmail));
        Assert.Equal("certificate.window-closing", mail.Kind);
        Assert.Contains("Còn 10 ngày", mail.Text);
    }

    [Fact]
    public async Task Two_nodes_running_the_same_day_at_once_make_one_run_and_one_reminder_per_certificate()
    {
        var issued = new List<IssuedCertificate>();
        for (var i = 0; i < 3; i++)
        {
            issued.Add(await _scenario.IssueAsync(D("2051-03-10")));
        }

        // valid until 10/03/2054; the window opens 180 days before: 11/09/2053
        var opens = CertificateLifecycle.WindowOpens(D("2054-03-10"), 180);
        Assert.Equal(D("2053-09-11"), opens);
        var results = await Task.WhenAll(
            factory.WithScopeAsync(sp => sp.GetRequiredService<CertificateLifecycleJob>().RunAsync(opens, "node-a")),
            factory.WithScopeAsync(sp => sp.GetRequiredService<CertificateLifecycleJob>().RunAsync(opens, "node-b")));

        Assert.Single(results, r => r.Claimed);
        Assert.Single(results, r => !r.Claimed);
        var runs = await factory.WithScopeAsync(sp => sp.GetRequiredService<OcopDbContext>().JobRuns
            .Where(r => r.Job == CertificateLifecycleJob.JobName && r.RunDate == opens).ToListAsync());
        var run = Assert.Single(runs);
        Assert.NotNull(run.CompletedAt);
        Assert.Contains(run.ClaimedBy, new[] { "node-a", "node-b" });
        foreach (var c in issued)
        {
            Assert.Equal([ReminderKind.WindowOpened], await RemindersAsync(c.Id));
            Assert.Single(await NotificationsAsync(c.OwnerUserId));
            Assert.Single(await EmailsAsync(c.OwnerEmail));
        }
    }

    [Fact]
    public async Task A_pending_re_evaluation_keeps_the_certificate_valid_at_most_180_days_and_only_while_it_is_pending()
    {
        // all three valid until 15/05/2039
        var kept = await _scenario.IssueAsync(D("2036-05-15"));
        var draftOnly = await _scenario.IssueAsync(D("2036-05-15"));
        var rejectedLater = await _scenario.IssueAsync(D("2036-05-15"));
        await _scenario.ReEvaluationAsync(kept, DossierStatus.AtProvince);
        await _scenario.ReEvaluationAsync(draftOnly, DossierStatus.Draft); // never submitted: no extension
        var toReject = await _scenario.ReEvaluationAsync(rejectedLater, DossierStatus.InEvaluation);

        await RunAsync("2039-05-16");
        var extended = await CertificateAsync(kept.Id);
        Assert.Equal(CertificateState.Active, extended.State);
        Assert.Equal(D("2039-11-11"), extended.ExtendedUntil);
        Assert.Equal(CertificateStatus.Extended, CertificateLifecycle.StatusOn(extended, D("2039-05-16")));
        Assert.Equal(CertificateState.Expired, (await CertificateAsync(draftOnly.Id)).State);
        Assert.Equal(CertificateState.Active, (await CertificateAsync(rejectedLater.Id)).State);
        Assert.Empty(await RemindersAsync(kept.Id)); // no expiry notice while extended
        var mail = Assert.Single(await EmailsAsync(kept.OwnerEmail));
        Assert.Equal("certificate.extended", mail.Kind);
        Assert.Contains("không quá ngày 11/11/2039", mail.Text);

        await _scenario.SetDossierStatusAsync(toReject, DossierStatus.Rejected); // decided: the extension ends
        await RunAsync("2039-06-01");
        Assert.Equal(CertificateState.Expired, (await CertificateAsync(rejectedLater.Id)).State);

        await RunAsync("2039-11-11"); // the extension's last day
        Assert.Equal(CertificateState.Active, (await CertificateAsync(kept.Id)).State);
        Assert.Single(await EmailsAsync(kept.OwnerEmail)); // extended once, not again every day
        await RunAsync("2039-11-12"); // still no decision: it expires
        var ended = await CertificateAsync(kept.Id);
        Assert.Equal(CertificateState.Expired, ended.State);
        Assert.Equal([ReminderKind.Expired], await RemindersAsync(kept.Id));
        var last = (await EmailsAsync(kept.OwnerEmail))[^1];
        Assert.Equal("certificate.expired", last.Kind);
        Assert.Contains("hết hiệu lực từ ngày 12/11/2039", last.Text);
    }

    [Fact]
    public async Task The_Office_gets_one_digest_per_run_listing_every_certificate()
    {
        var officeEmail = await factory.CreateUserAsync(Roles.Office);
        var officeId = await factory.WithScopeAsync(async sp => (await sp.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(officeEmail))!.Id);
        // run on 01/07/2049: two windows open (valid until 28/12/2049), one certificate expires (valid until 30/06/2049)
        var opening1 = await _scenario.IssueAsync(D("2046-12-28"));
        var opening2 = await _scenario.IssueAsync(D("2046-12-28"), withRuleSet: false);
        var expiring = await _scenario.IssueAsync(D("2046-06-30"));

        var result = await RunAsync("2049-07-01");
        await RunAsync("2049-07-01", "again");

        Assert.True(result.Claimed);
        var digest = await factory.WithScopeAsync(sp => sp.GetRequiredService<OcopDbContext>().Notifications
            .Where(n => n.UserId == officeId).ToListAsync());
        var notice = Assert.Single(digest);
        Assert.Contains("01/07/2049", notice.Title);
        Assert.Equal(CertificateLifecycleJob.OfficePath, notice.Url);
        foreach (var c in new[] { opening1, opening2, expiring })
        {
            Assert.Contains(c.Number, notice.Body);
        }

        var mail = Assert.Single(await EmailsAsync(officeEmail));
        Assert.Equal("certificate.office-digest", mail.Kind);
        Assert.Contains("Mở thời hạn đề nghị đánh giá lại", mail.Text);
        Assert.Contains("Hết hiệu lực hôm nay", mail.Text);
        Assert.Contains(expiring.Number, mail.Text.Split("Hết hiệu lực hôm nay")[1]);
        Assert.Contains(opening2.Number, mail.Text.Split("Hết hiệu lực hôm nay")[0]);
    }

    [Fact]
    public async Task The_Office_reads_the_job_runs_and_producers_cannot()
    {
        await RunAsync("2060-01-02", "node-for-page");
        var office = factory.CreatePortalClient();
        await office.SignInAsync(await factory.CreateUserAsync(Roles.Office));
        var page = await office.GetDocumentAsync("/certificates/jobs");
        var table = page.QuerySelector("[data-testid=job-runs]")!.TextContent;
        Assert.Contains("02/01/2060", table);
        Assert.Contains("node-for-page", table);
        Assert.Contains("hết hiệu lực:", table);

        var producer = factory.CreatePortalClient();
        await producer.SignInAsync(await factory.CreateUserAsync(Roles.Producer));
        Assert.Equal(HttpStatusCode.Forbidden, (await producer.GetAsync("/certificates/jobs")).StatusCode);
    }
}
