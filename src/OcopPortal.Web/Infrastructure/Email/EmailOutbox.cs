using System.Net;
using OcopPortal.Web.Data;

namespace OcopPortal.Web.Infrastructure.Email;

/// <summary>Queues an email in the caller's unit of work; nothing is sent until the caller saves.</summary>
public sealed class EmailOutbox(OcopDbContext db, TimeProvider clock)
{
    public OutboxEmail Enqueue(string to, string subject, string kind, params string[] paragraphs) =>
        Enqueue(to, subject, kind, paragraphs, link: null);

    /// <summary>Plain paragraphs plus an optional call-to-action link; both an HTML and a text body are produced.</summary>
    public OutboxEmail Enqueue(string to, string subject, string kind, IReadOnlyList<string> paragraphs, (string Text, string Url)? link)
    {
        var html = string.Concat(paragraphs.Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>"));
        var text = string.Join("\n\n", paragraphs);
        if (link is { } l)
        {
            html += $"<p><a href=\"{WebUtility.HtmlEncode(l.Url)}\">{WebUtility.HtmlEncode(l.Text)}</a></p>";
            text += $"\n\n{l.Text}: {l.Url}";
        }

        var now = clock.GetUtcNow();
        var email = new OutboxEmail
        {
            To = to,
            Subject = subject,
            Kind = kind,
            HtmlBody = html,
            TextBody = text,
            CreatedAt = now,
            NextAttemptAt = now,
        };
        db.OutboxEmails.Add(email);
        return email;
    }
}
