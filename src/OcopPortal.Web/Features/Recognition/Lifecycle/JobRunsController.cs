using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OcopPortal.Web.Data;
using OcopPortal.Web.Infrastructure.Auth;
using OcopPortal.Web.Infrastructure.Web;

namespace OcopPortal.Web.Features.Recognition.Lifecycle;

public sealed record JobRunRow(DateOnly RunDate, string ClaimedBy, DateTimeOffset ClaimedAt, DateTimeOffset? CompletedAt, string? Summary);

public sealed record JobRunsPage(Paged<JobRunRow> Runs, CertificateLifecycleOptions Options);

/// <summary>The Office sees when the daily certificate job ran, on which node, and what it did.</summary>
[Authorize(Policy = Policies.OfficeOrAdmin)]
[Route("certificates/jobs")]
public sealed class JobRunsController(OcopDbContext db, IOptions<CertificateLifecycleOptions> options) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int? page, CancellationToken ct)
    {
        var runs = await db.JobRuns.AsNoTracking().Where(r => r.Job == CertificateLifecycleJob.JobName)
            .ToPagedAsync(q => q.OrderByDescending(r => r.RunDate)
                .Select(r => new JobRunRow(r.RunDate, r.ClaimedBy, r.ClaimedAt, r.CompletedAt, r.Summary)), page, ct: ct);
        return View(new JobRunsPage(runs, options.Value));
    }
}
