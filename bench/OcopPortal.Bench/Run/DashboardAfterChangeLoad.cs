using System.Diagnostics;
using System.Net;
using Microsoft.Data.Sqlite;

namespace OcopPortal.Bench.Run;

/// <summary>
/// The reports dashboard as the first person to open it after a change gets it: before every request the loop writes a
/// new reports data stamp into the database (what any counted change does in its own transaction), so the portal's
/// kept dashboard no longer matches and the request computes every section again. One connection; only the GET is timed.
/// </summary>
public static class DashboardAfterChangeLoad
{
    public static async Task<LoadResult> RunAsync(string name, Uri url, CookieContainer cookies, string database, TimeSpan warmup, TimeSpan duration, CancellationToken ct)
    {
        using var http = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(60) };
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, DefaultTimeout = 30 }.ToString());
        await connection.OpenAsync(ct);
        var origin = Stopwatch.GetTimestamp();
        var measureFrom = origin + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        var measureTo = measureFrom + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var latencies = new List<double>();
        var errors = 0;
        while (Stopwatch.GetTimestamp() < measureTo && !ct.IsCancellationRequested)
        {
            await using (var bump = connection.CreateCommand())
            {
                bump.CommandText = "UPDATE DataStamps SET Value = $value WHERE Name = 'reports'";
                bump.Parameters.AddWithValue("$value", Guid.NewGuid().ToString().ToUpperInvariant());
                if (await bump.ExecuteNonQueryAsync(ct) != 1)
                {
                    throw new InvalidOperationException("No 'reports' row in DataStamps: start the portal once so its migrations run.");
                }
            }

            var started = Stopwatch.GetTimestamp();
            using var response = await http.GetAsync(url, ct);
            await response.Content.ReadAsByteArrayAsync(ct);
            var finished = Stopwatch.GetTimestamp();
            if (started >= measureFrom && finished <= measureTo)
            {
                latencies.Add((finished - started) * 1000.0 / Stopwatch.Frequency);
                errors += response.IsSuccessStatusCode ? 0 : 1;
            }
        }

        return LoadResult.Of(name, latencies, duration, errors);
    }
}
