namespace OcopPortal.Web.Infrastructure.Audit;

/// <summary>One business action, append-only: rows are never updated or deleted (enforced in <see cref="AuditAppendOnlyInterceptor"/>).</summary>
public class AuditEvent
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    public string? UserId { get; set; }

    public string? UserName { get; set; }

    /// <summary>Dotted verb, e.g. <c>account.registered</c>, <c>dossier.submitted</c>.</summary>
    public string Action { get; set; } = "";

    public string EntityType { get; set; } = "";

    public string? EntityId { get; set; }

    /// <summary>Free-form JSON with what changed.</summary>
    public string? Details { get; set; }

    public string? CorrelationId { get; set; }
}
