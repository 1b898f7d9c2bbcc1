using System.Text.Json;
using OcopPortal.Web.Domain;
using OcopPortal.Web.Infrastructure.Audit;
using OcopPortal.Web.Infrastructure.Auth;

namespace OcopPortal.Bench.Generate;

/// <summary>
/// The activity log of the generated accounts: each account's creation and confirmation, then sign-ins to make up
/// the target. Rows are inserted in time order so ids grow with time, as in a real log (the page orders by id).
/// </summary>
public sealed class AuditGenerator : IGenerator
{
    public Task GenerateAsync(GenerationContext context, CancellationToken ct)
    {
        var f = context.Faker;
        var target = context.Scale.AuditEvents;
        var events = new List<AuditEvent>(target);
        foreach (var u in context.Users)
        {
            if (events.Count + 2 > target)
            {
                break;
            }

            if (u.Role == Roles.Producer)
            {
                // Registration is anonymous (the producer is not signed in yet), as AuditLog records it.
                events.Add(Event(f, u.CreatedAt, "account.registered", u.Id, null, new { u.Email, Role = Roles.Producer }));
                events.Add(Event(f, u.CreatedAt.AddMinutes(f.Random.Int(1, 600)), "account.email-confirmed", u.Id, null, null));
            }
            else
            {
                events.Add(Event(f, u.CreatedAt, "account.staff-created", u.Id, BenchAccounts.AdminEmail, new { u.Email, u.Role }));
                events.Add(Event(f, u.CreatedAt.AddMinutes(f.Random.Int(1, 2880)), "account.password-set", u.Id, null, null));
            }
        }

        // Staff sign in far more often than producers: two sign-ins in five are a staff member's.
        var staff = context.Users.Where(x => x.Role != Roles.Producer).ToList();
        while (events.Count < target && context.Users.Count > 0)
        {
            ct.ThrowIfCancellationRequested();
            var u = staff.Count > 0 && f.Random.Double() < 0.4 ? f.PickRandom(staff) : f.PickRandom(context.Users);
            events.Add(Event(f, VietnameseData.Between(f, u.CreatedAt, context.Now), "account.signed-in", u.Id, null, null));
        }

        using var insert = context.Inserter<AuditEvent>();
        insert.AddRange(events.OrderBy(e => e.At));
        GenerationContext.Report("audit events", insert.Count, target);
        return Task.CompletedTask;
    }

    private static AuditEvent Event(Bogus.Faker f, DateTimeOffset at, string action, string userId, string? actor, object? details) => new()
    {
        At = at,
        Action = action,
        EntityType = nameof(AppUser),
        EntityId = userId,
        UserName = actor,
        Details = details is null ? null : JsonSerializer.Serialize(details),
        CorrelationId = f.Random.Hexadecimal(12, prefix: ""),
    };
}
