using System.Globalization;
using System.Net;
using System.Text;

namespace OcopPortal.Bench.Run;

/// <summary>Starts the Release portal on a generated database, signs in as admin, drives every scenario, prints one table.</summary>
public static class RunCommand
{
    public static async Task<int> RunAsync(BenchOptions options, CancellationToken ct)
    {
#if DEBUG
        await Console.Error.WriteLineAsync("Run the benchmark from a Release build: dotnet run -c Release --project bench/OcopPortal.Bench -- run ...");
        return 2;
#else
        var database = Path.GetFullPath(options.Require("db"));
        if (!File.Exists(database))
        {
            throw new ArgumentException($"{database} does not exist; create it with the generate command first.");
        }

        var duration = TimeSpan.FromSeconds(options.GetInt("duration", 10));
        var warmup = TimeSpan.FromSeconds(options.GetInt("warmup", 3));
        var connections = options.GetInt("connections", 16);
        var only = options.Get("only")?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (only?.FirstOrDefault(name => Scenarios.All.All(s => s.Name != name)) is { } unknown)
        {
            throw new ArgumentException($"Unknown scenario '{unknown}'. Scenarios: {string.Join(", ", Scenarios.All.Select(s => s.Name))}.");
        }

        var scenarios = Scenarios.All.Where(s => only is null || only.Contains(s.Name) || s.Name == Scenarios.Baseline).ToList();

        var root = RepositoryRoot();
        var webDir = Path.Combine(root, "src", "OcopPortal.Web");
        // Built in Release by "dotnet run -c Release" through the bench project's reference to the web project.
        var dll = Path.Combine(webDir, "bin", "Release", "net10.0", "OcopPortal.Web.dll");
        if (!File.Exists(dll))
        {
            throw new ArgumentException($"{dll} is missing: start the runner with dotnet run -c Release, which builds it.");
        }

        var results = Path.Combine(root, "bench", "results");
        Directory.CreateDirectory(results);
        Console.WriteLine($"Portal: {dll} on {database}; {connections} connections, {warmup.TotalSeconds:F0}s warm-up + {duration.TotalSeconds:F0}s per scenario");

        var targets = await BenchTargets.ReadAsync(database, ct);
        if (scenarios.Any(s => s.Path.Contains(Scenarios.DossierPlaceholder, StringComparison.Ordinal)) && targets.DossierId is null)
        {
            throw new ArgumentException($"{database} has no dossier waiting at the province: generate it again with this version of the tool.");
        }

        if (scenarios.Any(s => s.Path.Contains(Scenarios.ProductPlaceholder, StringComparison.Ordinal)) && targets.CatalogueProductId is null)
        {
            throw new ArgumentException($"{database} has no catalogue: generate it again with this version of the tool.");
        }

        if (scenarios.Any(s => s.As is Actor.CouncilChair or Actor.CouncilMembers or Actor.CouncilMember) && (targets.ClosedRoundId is null || targets.Scorers.Count == 0))
        {
            throw new ArgumentException($"{database} has no generated council rounds: generate it again with this version of the tool.");
        }

        if (scenarios.Any(s => s.Name is Scenarios.SheetSave or Scenarios.SheetSaveBackground) && targets.Scorers.Count < connections)
        {
            throw new ArgumentException($"sheet-save needs one member per connection: {targets.Scorers.Count} scorers, {connections} connections.");
        }

        if (scenarios.Any(s => s.Path.Contains(Scenarios.CertificatePlaceholder, StringComparison.Ordinal) || s.Path.Contains(Scenarios.CertificateDecisionPlaceholder, StringComparison.Ordinal))
            && targets.CertificateId is null)
        {
            throw new ArgumentException($"{database} has no generated certificates: generate it again with this version of the tool.");
        }

        string PathOf(Scenario s) => s.Path
            .Replace(Scenarios.CertificateDecisionPlaceholder, targets.CertificateDecisionId?.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace(Scenarios.CertificatePlaceholder, targets.CertificateId?.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace(Scenarios.DossierPlaceholder, targets.DossierId?.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace(Scenarios.ClosedRoundPlaceholder, targets.ClosedRoundId?.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace(Scenarios.ScoringSheetPlaceholder, string.Create(CultureInfo.InvariantCulture, $"/rounds/{targets.ScoringRoundId}/entries/{(targets.Scorers.Count == 0 ? 0 : targets.Scorers[0].EntryId)}/sheet"), StringComparison.Ordinal)
            .Replace(Scenarios.ProductPlaceholder, targets.CatalogueProductId?.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

        var measured = new List<LoadResult>();
        await using (var portal = await PortalProcess.StartAsync(webDir, dll, database, results, ct))
        {
            Console.WriteLine($"Portal healthy at {portal.BaseAddress} (console log: {portal.LogPath})");
            var sessions = new Dictionary<Actor, CookieContainer>
            {
                [Actor.Admin] = await AdminSession.SignInAsync(portal.BaseAddress, BenchAccounts.AdminEmail, BenchAccounts.Password, ct),
            };
            if (scenarios.Any(s => s.As == Actor.Office))
            {
                sessions[Actor.Office] = await AdminSession.SignInAsync(portal.BaseAddress, targets.OfficeEmail, BenchAccounts.Password, ct);
                Console.WriteLine($"Office scenarios as {targets.OfficeEmail}; dossier page: {PathOf(Scenarios.All.Single(s => s.Name == "dossier-page"))}");
            }

            if (scenarios.Any(s => s.As == Actor.CouncilChair))
            {
                sessions[Actor.CouncilChair] = await AdminSession.SignInAsync(portal.BaseAddress, targets.ChairEmail!, BenchAccounts.Password, ct);
                Console.WriteLine($"Chair scenarios as {targets.ChairEmail}; results board: {PathOf(Scenarios.All.Single(s => s.Name == "results-board"))}");
            }

            if (scenarios.Any(s => s.As == Actor.CouncilMember))
            {
                sessions[Actor.CouncilMember] = await AdminSession.SignInAsync(portal.BaseAddress, targets.Scorers[0].Email, BenchAccounts.Password, ct);
            }

            var members = new List<(CookieContainer, int)>();
            if (scenarios.Any(s => s.Name is Scenarios.SheetSave or Scenarios.SheetSaveBackground))
            {
                foreach (var (email, entryId) in targets.Scorers.Take(connections))
                {
                    members.Add((await AdminSession.SignInAsync(portal.BaseAddress, email, BenchAccounts.Password, ct), entryId));
                }

                Console.WriteLine($"sheet-save: {members.Count} members of round {targets.ScoringRoundId}, one draft sheet each");
            }

            CookieContainer CookiesOf(Scenario s) => sessions.GetValueOrDefault(s.As) ?? new CookieContainer();
            async Task<LoadResult> MeasureAsync(Scenario s, TimeSpan warm, TimeSpan measure)
            {
                // The portal's CPU over the measured window: read when the warm-up ends and when the load returns.
                var cpuAtStart = Task.Delay(warm, ct).ContinueWith(_ => portal.CpuTime, ct, TaskContinuationOptions.None, TaskScheduler.Default);
                var result = await (s.Name is Scenarios.SheetSave or Scenarios.SheetSaveBackground
                    ? SheetSaveLoad.RunAsync(s.Name, portal.BaseAddress, targets.ScoringRoundId!.Value, members, warm, measure, s.Name == Scenarios.SheetSaveBackground, ct)
                    : s.Name == Scenarios.DashboardAfterChange
                    ? DashboardAfterChangeLoad.RunAsync(s.Name, new Uri(portal.BaseAddress, PathOf(s)), CookiesOf(s), database, warm, measure, ct)
                    : LoadClient.RunAsync(s.Name, new Uri(portal.BaseAddress, PathOf(s)), CookiesOf(s), connections, warm, measure, ct));
                var cpu = portal.CpuTime - await cpuAtStart;
                return result.Requests == 0 ? result : result with { PortalCpuMsPerRequest = cpu.TotalMilliseconds / result.Requests };
            }

            await AdminSession.CheckBaselineMatchesPageAsync(portal.BaseAddress, sessions[Actor.Admin], "/admin/users?page=50", "/bench/baseline/users?page=50", ct);
            if (scenarios.Any(s => s.Name == "baseline-catalogue"))
            {
                await AdminSession.CheckCatalogueBaselineAsync(portal.BaseAddress, sessions[Actor.Admin],
                    "/products?" + Scenarios.CatalogueQuery, "/bench/baseline/catalogue?" + Scenarios.CatalogueQuery, ct);
            }

            // One discarded pass over every scenario first: tiered JIT compiles the shared pipeline on the same two cores
            // the load saturates, and without this pass whichever scenario ran first measured 2x slower than on a rerun.
            Console.WriteLine($"Warming up every scenario ({warmup.TotalSeconds:F0}s each, discarded) ...");
            foreach (var s in scenarios)
            {
                await MeasureAsync(s, TimeSpan.Zero, warmup);
            }

            foreach (var s in scenarios)
            {
                Console.WriteLine($"  {s.Name} ...");
                measured.Add(await MeasureAsync(s, warmup, duration));
            }
        }

        var table = Table(measured);
        Console.WriteLine();
        Console.WriteLine(table);
        var file = Path.Combine(results, $"run-{DateTime.UtcNow:yyyyMMdd-HHmmss}.md");
        await File.WriteAllTextAsync(file, $"{Path.GetFileName(database)}, {connections} connections, {duration.TotalSeconds:F0}s\n\n{table}", ct);
        Console.WriteLine($"Saved to {file}");
        return measured.Any(r => r.Requests == 0) ? 1 : 0;
#endif
    }

    public static string Table(IReadOnlyList<LoadResult> results)
    {
        var baseline = results.FirstOrDefault(r => r.Scenario == Scenarios.Baseline)?.RequestsPerSecond;
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine("| scenario | req/s | p50 ms | p95 ms | p99 ms | errors | ratio to baseline | portal CPU ms/req |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            var ratio = baseline is > 0 ? (r.RequestsPerSecond / baseline.Value).ToString("F2", inv) : "—";
            var cpu = r.PortalCpuMsPerRequest?.ToString("F2", inv) ?? "—";
            sb.AppendLine(inv, $"| {r.Scenario} | {r.RequestsPerSecond:F0} | {r.P50:F1} | {r.P95:F1} | {r.P99:F1} | {r.Errors} | {ratio} | {cpu} |");
        }

        return sb.ToString().TrimEnd();
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OcopPortal.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("OcopPortal.sln not found above the bench's folder: run it from the repository.");
    }
}
