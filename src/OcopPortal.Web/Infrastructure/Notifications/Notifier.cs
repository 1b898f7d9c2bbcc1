using OcopPortal.Web.Data;
using OcopPortal.Web.Infrastructure.Email;

namespace OcopPortal.Web.Infrastructure.Notifications;

/// <summary>A person to tell: their account (for the in-app list) and address (for the email).</summary>
public sealed record Recipient(string UserId, string? Email);

/// <summary>
/// Tells people something happened: an in-app notification and an email through the outbox, both added to the
/// caller's unit of work, so they exist exactly when the change they describe is saved.
/// </summary>
public sealed class Notifier(OcopDbContext db, EmailOutbox outbox, TimeProvider clock, IHttpContextAccessor http)
{
    public void Notify(IEnumerable<Recipient> recipients, string kind, string title, string body, string url)
    {
        var now = clock.GetUtcNow();
        var request = http.HttpContext?.Request;
        var absolute = request is null ? url : $"{request.Scheme}://{request.Host}{request.PathBase}{url}";
        foreach (var r in recipients.DistinctBy(r => r.UserId))
        {
            db.Notifications.Add(new Notification { UserId = r.UserId, Title = title, Body = body, Url = url, CreatedAt = now });
            if (!string.IsNullOrWhiteSpace(r.Email))
            {
                outbox.Enqueue(r.Email, title, kind, [body], ("Mở trên Cổng OCOP", absolute));
            }
        }
    }
}
