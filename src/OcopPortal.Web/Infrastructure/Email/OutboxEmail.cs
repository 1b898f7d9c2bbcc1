namespace OcopPortal.Web.Infrastructure.Email;

/// <summary>
/// An email waiting to be sent, or sent. Written in the same transaction as the business change that
/// caused it; <see cref="OutboxSender"/> delivers it. Doubles as the mail log officials can read.
/// </summary>
public class OutboxEmail
{
    public long Id { get; set; }

    public string To { get; set; } = "";

    public string Subject { get; set; } = "";

    public string HtmlBody { get; set; } = "";

    public string TextBody { get; set; } = "";

    /// <summary>A short tag for the mail log, e.g. <c>account.confirm</c>.</summary>
    public string Kind { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>The node that claimed this message and until when; another node may take it after the lease.</summary>
    public string? ClaimedBy { get; set; }

    public DateTimeOffset? ClaimedUntil { get; set; }

    public bool Failed { get; set; }
}
