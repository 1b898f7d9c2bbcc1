using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using OcopPortal.Web.Data;
using OcopPortal.Web.Data.Seed;
using OcopPortal.Web.Domain;

namespace OcopPortal.Tests;

/// <summary>
/// The real portal over a real SQLite file of its own (one per test class via IClassFixture), with mail
/// going to a pickup folder in the same temporary directory. The background mail sender is off; tests
/// that need delivery call <c>OutboxSender.SendPendingAsync</c> themselves.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@test.ocop.vn";
    public const string Password = "Mat-khau-2026";

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "ocop-tests", Guid.NewGuid().ToString("N"));

    public string DatabasePath => Path.Combine(Root, "ocop.db");

    public string PickupDirectory => Path.Combine(Root, "mail");

    /// <summary>Start from a copy of the migrated, rule-seeded template (see <see cref="TemplateDatabase"/>) rather than no file at all.</summary>
    protected virtual bool StartFromTemplate => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(Root);
        // WithWebHostBuilder runs this again for a derived host on the same file: copy only once.
        if (StartFromTemplate && !File.Exists(DatabasePath))
        {
            TemplateDatabase.CopyTo(DatabasePath);
        }
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Sqlite", $"Data Source={DatabasePath}");
        builder.UseSetting("Seed:AdminEmail", AdminEmail);
        builder.UseSetting("Seed:AdminPassword", Password);
        builder.UseSetting("Email:Mode", "Pickup");
        builder.UseSetting("Email:PickupDirectory", PickupDirectory);
        builder.UseSetting("Email:SenderEnabled", "false");
        builder.UseSetting("CertificateLifecycle:Enabled", "false"); // tests call CertificateLifecycleJob.RunAsync themselves
        builder.UseSetting("Serilog:WriteTo:0:Args:configure:1:Args:path", Path.Combine(Root, "logs", "ocop-.log"));
    }

    /// <summary>A client that keeps cookies and does not follow redirects, so tests see each 302.</summary>
    public HttpClient CreatePortalClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider);
    }

    public Task WithDbAsync(Func<OcopDbContext, Task> work) => WithScopeAsync(async sp =>
    {
        await work(sp.GetRequiredService<OcopDbContext>());
        return true;
    });

    /// <summary>Creates a confirmed account in <paramref name="role"/> and returns its email (password: <see cref="Password"/>).</summary>
    public Task<string> CreateUserAsync(string role, string? email = null) => WithScopeAsync(async sp =>
    {
        email ??= $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@test.ocop.vn";
        await IdentitySeeder.EnsureUserAsync(sp.GetRequiredService<UserManager<AppUser>>(), email, $"Người dùng {role}", Password, role, TimeProvider.System);
        return email;
    });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
                // a file still open on a slow CI disk is not worth failing a test run over
            }
        }
    }
}

/// <summary>A portal that starts with no database file, as on a fresh install.</summary>
public sealed class FreshPortalFactory : PortalFactory
{
    protected override bool StartFromTemplate => false;
}
