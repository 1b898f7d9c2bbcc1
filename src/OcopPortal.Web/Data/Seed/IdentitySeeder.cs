using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OcopPortal.Web.Domain;
using OcopPortal.Web.Infrastructure.Auth;

namespace OcopPortal.Web.Data.Seed;

/// <summary>Creates the roles and, once, the first administrator from configuration.</summary>
public sealed class IdentitySeeder(
    RoleManager<IdentityRole> roles, UserManager<AppUser> users, IOptions<SeedOptions> options, TimeProvider clock, ILogger<IdentitySeeder> log)
{
    public async Task SeedAsync(CancellationToken ct)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        var o = options.Value;
        if (string.IsNullOrWhiteSpace(o.AdminEmail))
        {
            log.LogWarning("Seed:AdminEmail is not set: no first administrator is created.");
            return;
        }

        if ((await users.GetUsersInRoleAsync(Roles.Admin)).Count > 0)
        {
            return;
        }

        var password = o.AdminPassword;
        var generated = string.IsNullOrWhiteSpace(password);
        if (generated)
        {
            password = PasswordGenerator.Generate();
        }

        var admin = await EnsureUserAsync(users, o.AdminEmail, "Quản trị hệ thống", password!, Roles.Admin, clock);
        if (generated)
        {
            log.LogWarning("First administrator {Email} created with generated password {Password} - change it after signing in.", admin.Email, password);
        }
        else
        {
            log.LogInformation("First administrator {Email} created from configuration.", admin.Email);
        }

        ct.ThrowIfCancellationRequested();
    }

    /// <summary>Creates a confirmed user in a role (used by the seeders; people register or are invited instead).</summary>
    public static async Task<AppUser> EnsureUserAsync(
        UserManager<AppUser> users, string email, string fullName, string password, string role, TimeProvider clock)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, FullName = fullName, CreatedAt = clock.GetUtcNow() };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException($"Cannot create {email}: {string.Join("; ", created.Errors.Select(e => e.Description))}");
            }
        }

        if (!await users.IsInRoleAsync(user, role))
        {
            await users.AddToRoleAsync(user, role);
        }

        return user;
    }
}
