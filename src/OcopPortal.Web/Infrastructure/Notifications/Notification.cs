namespace OcopPortal.Web.Infrastructure.Notifications;

/// <summary>An in-app notice for one user (the bell in the menu counts the unread ones).</summary>
public class Notification
{
    public long Id { get; set; }

    public string UserId { get; set; } = "";

    public string Title { get; set; } = "";

    public string? Body { get; set; }

    /// <summary>A local path to open (e.g. <c>/dossiers/12</c>).</summary>
    public string? Url { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ReadAt { get; set; }
}
