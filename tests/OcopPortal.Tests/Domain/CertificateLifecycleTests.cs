using System.Globalization;
using OcopPortal.Web.Domain.Calendar;
using OcopPortal.Web.Domain.Recognition;

namespace OcopPortal.Tests.Domain;

/// <summary>
/// The certificate's date rules (QĐ 26/2026 Art. 4.3, 7.6, 12.3) as a table: valid-until at leap days and month ends,
/// the 180–120-day re-recognition window, the status on each boundary day, the transitional extension, and the final
/// states that win over dates.
/// </summary>
public sealed class CertificateLifecycleTests
{
    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2024-02-29", 36, "2027-02-28")] // leap day: 2027 has no 29/02, the month's last day
    [InlineData("2024-02-29", 48, "2028-02-29")] // ...but 2028 does
    [InlineData("2024-02-29", 12, "2025-02-28")]
    [InlineData("2025-02-28", 36, "2028-02-28")] // the same-numbered day exists: never moved to 29/02
    [InlineData("2024-01-31", 36, "2027-01-31")]
    [InlineData("2024-08-31", 36, "2027-08-31")]
    [InlineData("2024-11-30", 36, "2027-11-30")]
    [InlineData("2023-12-31", 36, "2026-12-31")] // year end
    [InlineData("2024-01-31", 1, "2024-02-29")] // a shorter validity a province might configure: 31/01 → last day of February
    [InlineData("2023-01-31", 1, "2023-02-28")]
    [InlineData("2024-08-31", 3, "2024-11-30")] // 31/08 + 3 months: November has 30 days
    [InlineData("2024-03-31", 1, "2024-04-30")]
    public void Valid_until_is_the_same_numbered_day_or_the_last_day_of_the_month(string issued, int months, string expected)
    {
        Assert.Equal(D(expected), CertificateLifecycle.ValidUntil(D(issued), months));
        Assert.Equal(D(expected), OcopDeadlines.CertificateValidUntil(D(issued), months)); // the calendar rule agrees
    }

    [Theory]
    [InlineData("2027-02-28", "2026-09-01", "2026-10-31", "2026-10-17")]
    [InlineData("2028-02-29", "2027-09-02", "2027-11-01", "2027-10-18")] // the window straddles no leap day, the expiry is one
    [InlineData("2027-01-31", "2026-08-04", "2026-10-03", "2026-09-19")]
    [InlineData("2027-08-31", "2027-03-04", "2027-05-03", "2027-04-19")] // counted back across February 2027 (28 days)
    [InlineData("2027-11-30", "2027-06-03", "2027-08-02", "2027-07-19")]
    public void Window_opens_180_and_closes_120_days_before_the_last_valid_day(string validUntil, string opens, string closes, string closingReminder)
    {
        var v = D(validUntil);
        Assert.Equal(D(opens), CertificateLifecycle.WindowOpens(v, 180));
        Assert.Equal(D(closes), CertificateLifecycle.WindowCloses(v, 120));
        Assert.Equal(D(closingReminder), CertificateLifecycle.WindowClosingReminderOn(v, 120, 14));

        // The dossier screens use the calendar's window: both must name the same days.
        var window = OcopDeadlines.ReRecognitionWindow(v);
        Assert.Equal((D(opens), D(closes)), (window.Opens, window.Closes));
        Assert.Equal(WindowState.NotYetOpen, window.StateOn(D(opens).AddDays(-1)));
        Assert.Equal(WindowState.Open, window.StateOn(D(opens)));
        Assert.Equal(WindowState.Open, window.StateOn(D(closes)));
        Assert.Equal(WindowState.Closed, window.StateOn(D(closes).AddDays(1)));
    }

    [Theory]
    // valid until 28/02/2027 (issued 29/02/2024); the window opens 01/09/2026
    [InlineData("2024-02-29", CertificateStatus.Valid)] // the issue day
    [InlineData("2026-08-31", CertificateStatus.Valid)] // the day before the window opens
    [InlineData("2026-09-01", CertificateStatus.Expiring)] // the window opens
    [InlineData("2026-10-31", CertificateStatus.Expiring)] // the window's last day
    [InlineData("2026-11-01", CertificateStatus.Expiring)] // the window has closed, the certificate still runs out
    [InlineData("2027-02-28", CertificateStatus.Expiring)] // the last valid day
    [InlineData("2027-03-01", CertificateStatus.Expired)] // the day after
    public void Status_on_each_boundary_day(string day, CertificateStatus expected) =>
        Assert.Equal(expected, CertificateLifecycle.StatusOn(CertificateState.Active, D("2027-02-28"), null, D(day)));

    [Theory]
    [InlineData("2027-02-28", CertificateStatus.Expiring)]
    [InlineData("2027-03-01", CertificateStatus.Extended)] // a re-evaluation is pending: kept valid past expiry
    [InlineData("2027-08-27", CertificateStatus.Extended)] // expiry + 180 days, the last day of the extension
    [InlineData("2027-08-28", CertificateStatus.Expired)] // never longer
    public void A_transitional_extension_keeps_the_certificate_valid_at_most_180_days_after_expiry(string day, CertificateStatus expected)
    {
        var validUntil = D("2027-02-28");
        var extended = CertificateLifecycle.LatestExtension(validUntil);
        Assert.Equal(D("2027-08-27"), extended);
        Assert.Equal(expected, CertificateLifecycle.StatusOn(CertificateState.Active, validUntil, extended, D(day)));
        Assert.True(CertificateLifecycle.IsInForce(CertificateLifecycle.StatusOn(CertificateState.Active, validUntil, extended, D("2027-05-01"))));
    }

    [Theory]
    [InlineData(CertificateState.Revoked, CertificateStatus.Revoked)]
    [InlineData(CertificateState.Superseded, CertificateStatus.Superseded)]
    [InlineData(CertificateState.Expired, CertificateStatus.Expired)]
    public void Final_states_win_over_every_date(CertificateState state, CertificateStatus expected)
    {
        var validUntil = D("2027-02-28");
        var extended = CertificateLifecycle.LatestExtension(validUntil);
        foreach (var day in new[] { "2024-02-29", "2026-09-01", "2027-02-28", "2027-03-01", "2027-08-27", "2030-01-01" })
        {
            Assert.Equal(expected, CertificateLifecycle.StatusOn(state, validUntil, extended, D(day)));
            Assert.False(CertificateLifecycle.IsInForce(CertificateLifecycle.StatusOn(state, validUntil, extended, D(day))));
        }
    }

    [Fact]
    public void A_rule_set_with_other_window_days_moves_the_expiring_status_with_it()
    {
        var validUntil = D("2027-01-31");
        Assert.Equal(CertificateStatus.Valid, CertificateLifecycle.StatusOn(CertificateState.Active, validUntil, null, D("2026-11-01"), opensDaysBefore: 90));
        Assert.Equal(CertificateStatus.Expiring, CertificateLifecycle.StatusOn(CertificateState.Active, validUntil, null, D("2026-11-02"), opensDaysBefore: 90));
    }
}
