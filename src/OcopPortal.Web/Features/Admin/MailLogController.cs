using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OcopPortal.Web.Data;
using OcopPortal.Web.Infrastructure.Auth;
using OcopPortal.Web.Infrastructure.Web;

namespace OcopPortal.Web.Features.Admin;

public sealed record MailLogRow(long Id, string To, string Subject, string Kind, DateTimeOffset CreatedAt, DateTimeOffset? SentAt, int Attempts, bool Failed, string? LastError);

/// <summary>The mail log: what the portal sent to whom and whether it went (bodies hold tokens, so they are not shown).</summary>
[Authorize(Policy = Policies.OfficeOrAdmin)]
[Route("admin/mail")]
public sealed class MailLogController(OcopDbContext db) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int? page, string? q, CancellationToken ct)
    {
        var query = db.OutboxEmails.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            query = query.Where(e => e.To.Contains(q.Trim()));
        }

        ViewData["q"] = q;
        var rows = await query.OrderByDescending(e => e.Id)
            .Select(e => new MailLogRow(e.Id, e.To, e.Subject, e.Kind, e.CreatedAt, e.SentAt, e.Attempts, e.Failed, e.LastError))
            .ToPagedAsync(page, ct: ct);
        return View(rows);
    }
}
