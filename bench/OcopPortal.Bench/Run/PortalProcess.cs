using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace OcopPortal.Bench.Run;

/// <summary>
/// The portal under test, as a child process from its Release build on 127.0.0.1:&lt;free port&gt;, in the
/// Production environment with production logging. Its console goes to a file (an undrained pipe would stall it).
/// </summary>
public sealed class PortalProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private PortalProcess(Process process, StreamWriter log, Uri baseAddress, string logPath)
    {
        _process = process;
        _log = log;
        BaseAddress = baseAddress;
        LogPath = logPath;
    }

    public Uri BaseAddress { get; }

    public string LogPath { get; }

    /// <summary>The portal process's CPU time so far (user + system, every thread).</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public static async Task<PortalProcess> StartAsync(string webProjectDir, string portalDll, string database, string resultsDir, CancellationToken ct)
    {
        var port = FreePort();
        var logPath = Path.Combine(resultsDir, $"portal-{DateTime.UtcNow:yyyyMMdd-HHmmss}.console.log");
        var start = new ProcessStartInfo("dotnet")
        {
            // The project folder is the content root, as with "dotnet run": wwwroot and appsettings.json are there.
            WorkingDirectory = webProjectDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        foreach (var arg in new[]
        {
            portalDll, "--urls", $"http://127.0.0.1:{port}",
            "--Database:Provider", "Sqlite",
            "--ConnectionStrings:Sqlite", $"Data Source={database}",
            "--Seed:AdminEmail", BenchAccounts.AdminEmail,
            "--Seed:AdminPassword", BenchAccounts.Password,
            "--Seed:Demo", "false",
            "--Bench:Enabled", "true",
            "--Email:SenderEnabled", "false",
            "--Email:PickupDirectory", Path.Combine(resultsDir, "mail"),
            // Plain HTTP on loopback: a Secure cookie would never be sent back by HttpClient.
            "--Auth:CookieSecure", "SameAsRequest",
            "--Serilog:WriteTo:0:Args:configure:1:Args:path", Path.Combine(resultsDir, "logs", "portal-.log"),
        })
        {
            start.ArgumentList.Add(arg);
        }

        var log = new StreamWriter(logPath) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet.");
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var portal = new PortalProcess(process, log, new Uri($"http://127.0.0.1:{port}"), logPath);
        try
        {
            await portal.WaitUntilHealthyAsync(TimeSpan.FromSeconds(120), ct);
        }
        catch
        {
            await portal.DisposeAsync();
            throw;
        }

        return portal;
    }

    private async Task WaitUntilHealthyAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The portal exited with code {_process.ExitCode}; see {LogPath}.");
            }

            try
            {
                if ((await http.GetAsync("/health", ct)).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(250, ct);
        }

        throw new TimeoutException($"The portal was not healthy after {timeout.TotalSeconds:F0}s; see {LogPath}.");
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.WriteLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync(); // also drains the redirected output before the log is closed

        _process.Dispose();
        lock (_log)
        {
            _log.Dispose();
        }
    }
}
