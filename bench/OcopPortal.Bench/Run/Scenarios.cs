namespace OcopPortal.Bench.Run;

/// <summary>One measured URL. <paramref name="AsAdmin"/>: sent with the admin's cookie; otherwise as an anonymous visitor.</summary>
public sealed record Scenario(string Name, string Path, bool AsAdmin, string Measures);

/// <summary>The scenarios of a run, in order. Later issues append one line each (and describe it in docs/benchmarks.md).</summary>
public static class Scenarios
{
    /// <summary>The ceiling every ratio is divided by: the same rows as admin-users-page, through raw ADO.NET as JSON.</summary>
    public const string Baseline = "baseline-users";

    public static readonly IReadOnlyList<Scenario> All =
    [
        new("home", "/", AsAdmin: false, "public home page: pipeline, localisation, layout, no database"),
        new("login-page", "/account/login", AsAdmin: false, "login form: antiforgery token and cookie"),
        new("admin-users-page", "/admin/users?page=50", AsAdmin: true, "paged user list: count, page of 20 and their roles through EF, Razor table"),
        new("admin-audit-page", "/admin/audit?page=100", AsAdmin: true, "audit log page 100: count and page of 20 through EF, Razor table"),
        new(Baseline, "/bench/baseline/users?page=50", AsAdmin: true, "ceiling: admin-users-page's 20 rows via raw ADO.NET as JSON"),
    ];
}
