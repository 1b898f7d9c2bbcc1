using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using OcopPortal.Web.Data;

namespace OcopPortal.Web.Infrastructure.Email;

/// <summary>
/// Sends queued mail. Each message is claimed with a conditional UPDATE (a lease), so several app
/// nodes can run this service against one database and a message is still sent once.
/// </summary>
public sealed class OutboxSender(IServiceScopeFactory scopes, IOptions<EmailOptions> options, TimeProvider clock, ILogger<OutboxSender> log)
    : BackgroundService
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private readonly string _node = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SenderEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.PollInterval, clock);
        do
        {
            try
            {
                await SendPendingAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(ex, "Outbox sender pass failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass: claim due messages, send them, record the outcome. Returns how many were sent.</summary>
    public async Task<int> SendPendingAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OcopDbContext>();
        var transport = scope.ServiceProvider.GetRequiredService<IMailTransport>();
        var now = clock.GetUtcNow();
        var o = options.Value;

        var candidates = await db.OutboxEmails.AsNoTracking()
            .Where(e => e.SentAt == null && !e.Failed && e.NextAttemptAt <= now && (e.ClaimedUntil == null || e.ClaimedUntil < now))
            .OrderBy(e => e.Id).Select(e => e.Id).Take(20).ToListAsync(ct);

        var sent = 0;
        foreach (var id in candidates)
        {
            var claimed = await db.OutboxEmails
                .Where(e => e.Id == id && e.SentAt == null && (e.ClaimedUntil == null || e.ClaimedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.ClaimedBy, _node).SetProperty(e => e.ClaimedUntil, now + Lease), ct);
            if (claimed == 0)
            {
                continue; // another node took it
            }

            var email = await db.OutboxEmails.SingleAsync(e => e.Id == id, ct);
            try
            {
                await transport.SendAsync(ToMime(email, o), ct);
                email.SentAt = clock.GetUtcNow();
                email.LastError = null;
                sent++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                email.Attempts++;
                email.LastError = ex.Message.Length > 2000 ? ex.Message[..2000] : ex.Message;
                email.NextAttemptAt = clock.GetUtcNow() + TimeSpan.FromMinutes(Math.Pow(2, email.Attempts));
                email.Failed = email.Attempts >= o.MaxAttempts;
                log.LogWarning(ex, "Sending outbox email {Id} failed (attempt {Attempt})", id, email.Attempts);
            }

            email.ClaimedBy = null;
            email.ClaimedUntil = null;
            await db.SaveChangesAsync(ct);
        }

        return sent;
    }

    private static MimeMessage ToMime(OutboxEmail email, EmailOptions o)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(o.FromName, o.FromAddress));
        message.To.Add(MailboxAddress.Parse(email.To));
        message.Subject = email.Subject;
        message.Headers.Add("X-Ocop-Outbox-Id", email.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        message.Body = new BodyBuilder { HtmlBody = email.HtmlBody, TextBody = email.TextBody }.ToMessageBody();
        return message;
    }
}
