using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using OcopPortal.Web.Data;

namespace OcopPortal.Web.Infrastructure.Audit;

/// <summary>
/// The one helper that writes audit events. It only adds the row to the context: the caller's
/// SaveChanges commits it in the same transaction as the business change it describes.
/// </summary>
public sealed class AuditLog(OcopDbContext db, IHttpContextAccessor http, TimeProvider clock)
{
    // Vietnamese stays readable in the stored JSON ("Nguyễn", not "Nguy\u1EC5n"); pages HTML-encode it on display.
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public AuditEvent Record(string action, string entityType, string? entityId, object? details = null, ClaimsPrincipal? actor = null)
    {
        var context = http.HttpContext;
        actor ??= context?.User;
        var evt = new AuditEvent
        {
            At = clock.GetUtcNow(),
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Details = details is null ? null : JsonSerializer.Serialize(details, Json),
            UserId = actor?.FindFirstValue(ClaimTypes.NameIdentifier),
            UserName = actor?.Identity?.IsAuthenticated == true ? actor.Identity.Name : null,
            CorrelationId = context?.TraceIdentifier,
        };
        db.AuditEvents.Add(evt);
        return evt;
    }
}
