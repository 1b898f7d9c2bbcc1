using OcopPortal.Bench.Generate;
using OcopPortal.Bench.Run;

namespace OcopPortal.Bench;

/// <summary>
/// <c>generate --scale province|national --db PATH [--force]</c> fills a SQLite database;
/// <c>run --db PATH [--duration 10] [--connections 16] [--warmup 3] [--only a,b]</c> starts the portal and measures it.
/// </summary>
public static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        using var cts = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true; // let the runner stop the portal it started
            cts.Cancel();
        };

        try
        {
            var options = BenchOptions.Parse(args);
            return options.Verb switch
            {
                "generate" => await GenerateCommand.RunAsync(options, cts.Token),
                "run" => await RunCommand.RunAsync(options, cts.Token),
                _ => Usage(),
            };
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            Usage();
            return 2;
        }
    }

    private static int Usage()
    {
        Console.Error.WriteLine("""
            Usage:
              dotnet run -c Release --project bench/OcopPortal.Bench -- generate --scale province|national --db <path.db> [--force]
              dotnet run -c Release --project bench/OcopPortal.Bench -- run --db <path.db> [--duration 10] [--connections 16] [--warmup 3] [--only home,baseline-users]
            """);
        return 2;
    }
}

/// <summary>The account every generated user and the portal's seeded admin share, so a run can sign in as anyone.</summary>
public static class BenchAccounts
{
    public const string AdminEmail = "admin@bench.ocop.vn";

    /// <summary>A throw-away benchmark database's password, not a secret.</summary>
    public const string Password = "Bench-Mat-khau-2026";
}

public sealed class BenchOptions
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public string Verb { get; private init; } = "";

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions { Verb = args.Length > 0 ? args[0] : "" };
        for (var i = 1; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Unexpected argument '{args[i]}'.");
            }

            // "--force" alone is a flag; "--name value" a value.
            var hasValue = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
            options._values[args[i][2..]] = hasValue ? args[++i] : "true";
        }

        return options;
    }

    public string? Get(string name) => _values.GetValueOrDefault(name);

    public string Require(string name) => Get(name) ?? throw new ArgumentException($"--{name} is required.");

    public int GetInt(string name, int fallback) => Get(name) is { } v
        ? int.TryParse(v, out var n) && n > 0 ? n : throw new ArgumentException($"--{name} must be a positive whole number, not '{v}'.")
        : fallback;

    public bool Has(string name) => _values.ContainsKey(name);
}
