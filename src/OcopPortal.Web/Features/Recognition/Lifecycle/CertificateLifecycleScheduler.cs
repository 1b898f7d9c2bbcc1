using Microsoft.Extensions.Options;

namespace OcopPortal.Web.Features.Recognition.Lifecycle;

/// <summary>
/// Starts <see cref="CertificateLifecycleJob"/> once a day at <see cref="CertificateLifecycleOptions.RunAt"/> (local
/// time); a node that starts after that time runs the day's job at once. Every node may run this service: the job
/// claims its day in the database, so only one run happens per day.
/// </summary>
public sealed class CertificateLifecycleScheduler(
    IServiceScopeFactory scopes,
    IOptions<CertificateLifecycleOptions> options,
    TimeProvider clock,
    ILogger<CertificateLifecycleScheduler> log) : BackgroundService
{
    private static readonly TimeSpan MaxSleep = TimeSpan.FromHours(1); // re-check hourly: survives clock changes

    private readonly string _node = $"{Environment.MachineName}:{Environment.ProcessId}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        DateOnly? done = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            var local = clock.GetLocalNow().DateTime;
            var today = DateOnly.FromDateTime(local);
            var due = today.ToDateTime(options.Value.RunAt);
            if (done != today && local >= due)
            {
                try
                {
                    using var scope = scopes.CreateScope();
                    await scope.ServiceProvider.GetRequiredService<CertificateLifecycleJob>().RunAsync(today, _node, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    log.LogError(ex, "Certificate job for {Day} failed", today);
                }

                done = today;
                continue;
            }

            var next = done == today ? due.AddDays(1) : due;
            var wait = next - local;
            await Task.Delay(wait < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : wait > MaxSleep ? MaxSleep : wait, clock, stoppingToken);
        }
    }
}
