using Microsoft.AspNetCore.Identity;
using OcopPortal.Web.Domain;
using OcopPortal.Web.Infrastructure.Auth;

namespace OcopPortal.Bench.Generate;

/// <summary>
/// Roles, staff accounts and producer accounts, written straight into the Identity tables with the normalised
/// names, stamps and shared password hash UserManager would have set. The administrator is not made here: the
/// portal's own seeder creates it from Seed:AdminEmail/AdminPassword when the runner starts it.
/// </summary>
public sealed class IdentityGenerator : IGenerator
{
    private static readonly UpperInvariantLookupNormalizer Normalizer = new();

    public Task GenerateAsync(GenerationContext context, CancellationToken ct)
    {
        var f = context.Faker;
        var roleIds = new Dictionary<string, string>();
        using (var roles = context.Inserter<IdentityRole>())
        {
            foreach (var name in Roles.All)
            {
                var role = new IdentityRole(name) { NormalizedName = Normalizer.NormalizeName(name), ConcurrencyStamp = Guid.NewGuid().ToString() };
                roles.Add(role);
                roleIds[name] = role.Id;
            }
        }

        var s = context.Scale;
        using var users = context.Inserter<AppUser>();
        using var memberships = context.Inserter<IdentityUserRole<string>>();
        var staff = new (string Role, int Count, string Title)[]
        {
            (Roles.Office, s.OfficeStaff, "Văn phòng Điều phối"),
            (Roles.Commune, s.CommuneOfficers, "UBND xã"),
            (Roles.CouncilMember, s.CouncilMembers, "Hội đồng"),
            (Roles.CouncilChair, s.CouncilChairs, "Chủ tịch Hội đồng"),
        };
        var n = 0;
        foreach (var (role, count, title) in staff)
        {
            for (var i = 0; i < count; i++)
            {
                ct.ThrowIfCancellationRequested();
                var person = VietnameseData.PersonName(f);
                Add(context, users, memberships, roleIds[role], role, VietnameseData.Email(f, person, ++n, "ocop.gov.vn"), $"{person} ({title})", confirmed: true);
            }
        }

        GenerationContext.Report("staff accounts", n);
        for (var i = 0; i < s.Producers; i++)
        {
            ct.ThrowIfCancellationRequested();
            var person = VietnameseData.PersonName(f);
            // A few producers registered but never confirmed their email, as in real life.
            Add(context, users, memberships, roleIds[Roles.Producer], Roles.Producer, VietnameseData.Email(f, person, ++n),
                $"{person} ({VietnameseData.Business(f)})", confirmed: f.Random.Double() < 0.95);
        }

        GenerationContext.Report("producer accounts", s.Producers);
        GenerationContext.Report("role memberships", memberships.Count);
        return Task.CompletedTask;
    }

    /// <summary>One account with its role membership, as <see cref="GenerateAsync"/> writes them (also used to top up council accounts).</summary>
    internal static void Add(
        GenerationContext context, BulkInserter<AppUser> users, BulkInserter<IdentityUserRole<string>> memberships,
        string roleId, string role, string email, string fullName, bool confirmed)
    {
        var f = context.Faker;
        var created = VietnameseData.Between(f, context.Now.AddYears(-3), context.Now.AddDays(-1));
        var user = new AppUser
        {
            UserName = email,
            NormalizedUserName = Normalizer.NormalizeName(email),
            Email = email,
            NormalizedEmail = Normalizer.NormalizeEmail(email),
            EmailConfirmed = confirmed,
            PasswordHash = context.PasswordHash,
            SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant(),
            ConcurrencyStamp = Guid.NewGuid().ToString(),
            PhoneNumber = f.Phone.PhoneNumber("09########"),
            LockoutEnabled = true,
            // One in two hundred is locked out right now after wrong passwords, so the page shows that badge too.
            LockoutEnd = f.Random.Double() < 0.005 ? context.Now.AddYears(1) : null,
            FullName = fullName,
            CreatedAt = created,
        };
        users.Add(user);
        memberships.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleId });
        context.Users.Add(new GeneratedUser(user.Id, email, fullName, role, created));
    }
}
