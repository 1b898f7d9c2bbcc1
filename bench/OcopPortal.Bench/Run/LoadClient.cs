using System.Diagnostics;
using System.Net;

namespace OcopPortal.Bench.Run;

public sealed record LoadResult(string Scenario, double RequestsPerSecond, double P50, double P95, double P99, int Errors, int Requests)
{
    /// <summary>The portal process's CPU time (user + system) over the measured window divided by the requests counted in it.</summary>
    public double? PortalCpuMsPerRequest { get; init; }

    /// <summary>The result of the latencies (ms) measured over <paramref name="duration"/>.</summary>
    public static LoadResult Of(string scenario, IEnumerable<double> latencies, TimeSpan duration, int errors)
    {
        var all = latencies.Order().ToArray();
        return new LoadResult(scenario, all.Length / duration.TotalSeconds, Percentile(all, 50), Percentile(all, 95), Percentile(all, 99), errors, all.Length);
    }

    /// <summary>Nearest-rank percentile of sorted values; NaN when nothing completed.</summary>
    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
}

/// <summary>
/// A closed-loop load client: <c>connections</c> workers each send the next GET as soon as the previous response
/// has been read in full. Requests started during the warm-up are discarded; of the rest, those that finish inside
/// the measured window count. Any non-2xx status (a redirect to the login page included) or exception is an error.
/// </summary>
public static class LoadClient
{
    public static async Task<LoadResult> RunAsync(
        string name, Uri url, CookieContainer cookies, int connections, TimeSpan warmup, TimeSpan duration, CancellationToken ct)
    {
        using var handler = new SocketsHttpHandler
        {
            CookieContainer = cookies,
            UseCookies = true,
            AllowAutoRedirect = false,
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            AutomaticDecompression = DecompressionMethods.None,
        };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        var origin = Stopwatch.GetTimestamp();
        var measureFrom = origin + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        var measureTo = measureFrom + (long)(duration.TotalSeconds * Stopwatch.Frequency);

        var workers = Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            var latencies = new List<double>(4096);
            var errors = 0;
            while (Stopwatch.GetTimestamp() < measureTo && !ct.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                bool ok;
                try
                {
                    using var response = await http.GetAsync(url, HttpCompletionOption.ResponseContentRead, ct);
                    ok = response.IsSuccessStatusCode;
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
                {
                    ok = false;
                }

                var finished = Stopwatch.GetTimestamp();
                if (started < measureFrom || finished > measureTo)
                {
                    continue;
                }

                latencies.Add((finished - started) * 1000.0 / Stopwatch.Frequency);
                errors += ok ? 0 : 1;
            }

            return (latencies, errors);
        }, ct)).ToList();

        var results = await Task.WhenAll(workers);
        return LoadResult.Of(name, results.SelectMany(r => r.latencies), duration, results.Sum(r => r.errors));
    }
}
