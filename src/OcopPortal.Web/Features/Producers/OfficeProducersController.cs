using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain.AdminUnits;
using OcopPortal.Web.Domain.Producers;
using OcopPortal.Web.Infrastructure.Auth;
using OcopPortal.Web.Infrastructure.Web;

namespace OcopPortal.Web.Features.Producers;

public sealed record ProducerRow(int Id, string Name, ProducerType Type, string TaxCode, string Commune, string Phone, bool HasAccount);

/// <summary>A producer's product in the Office's registry, with its traceability page's published version (null: none yet).</summary>
public sealed record OfficeProductRow(int Id, string Name, string CategoryCode, int? TraceVersion);

public sealed record ProducerHistoryRow(DateTimeOffset At, string? UserName, string Action, string? Details);

/// <summary>The Office's producer registry: search, create for a producer filing on paper, correct a profile, see its history.</summary>
[Authorize(Policy = Policies.Office)]
[Route("office/producers")]
public sealed class OfficeProducersController(OcopDbContext db, ProducerProfiles profiles, IOptions<PortalOptions> portal, IStringLocalizer<SharedResource> l)
    : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int? page, string? q, CancellationToken ct)
    {
        var producers = db.Set<Producer>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            producers = producers.Where(p => p.Name.Contains(term) || p.TaxCode.Contains(term));
        }

        ViewData["q"] = q;
        var rows = await (from p in producers
                          join c in db.Set<Commune>() on p.CommuneCode equals c.Code
                          orderby p.Name
                          select new ProducerRow(p.Id, p.Name, p.Type, p.TaxCode, c.FullName, p.Phone, p.OwnerUserId != null))
            .ToPagedAsync(page, ct: ct);
        return View(rows);
    }

    [HttpGet("new")]
    public IActionResult Create() => View("Form", new ProducerInput { ProvinceCode = portal.Value.ProvinceCode });

    [HttpPost("new")]
    public async Task<IActionResult> Create(ProducerInput input, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return View("Form", input);
        }

        var (outcome, producer) = await profiles.CreateAsync(input, ownerUserId: null, User.FindFirstValue(ClaimTypes.NameIdentifier)!, ct);
        if (outcome == SaveOutcome.DuplicateTaxCode)
        {
            ModelState.AddModelError(nameof(input.TaxCode), l["Mã số thuế này đã có trong sổ chủ thể."]);
            return View("Form", input);
        }

        TempData["Flash"] = l["Đã tạo chủ thể {0}.", producer!.Name].Value;
        return Redirect($"/office/producers/{producer.Id}");
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken ct)
    {
        var producer = await db.Set<Producer>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (producer is null)
        {
            return NotFound();
        }

        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        ViewData["History"] = await db.AuditEvents.AsNoTracking().Where(a => a.EntityType == nameof(Producer) && a.EntityId == key)
            .OrderByDescending(a => a.Id).Take(50).Select(a => new ProducerHistoryRow(a.At, a.UserName, a.Action, a.Details)).ToListAsync(ct);
        ViewData["Products"] = await db.Set<Product>().AsNoTracking().Where(p => p.ProducerId == id).OrderBy(p => p.Name)
            .Select(p => new OfficeProductRow(p.Id, p.Name, p.CategoryCode, db.TraceRecords.Where(t => t.ProductId == p.Id).Select(t => (int?)t.CurrentVersion).FirstOrDefault()))
            .ToListAsync(ct);
        ViewData["Commune"] = await db.Set<Commune>().Where(c => c.Code == producer.CommuneCode).Select(c => c.FullName).SingleOrDefaultAsync(ct);
        return View(producer);
    }

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var producer = await db.Set<Producer>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        return producer is null ? NotFound() : View("Form", ProducerInput.From(producer));
    }

    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, ProducerInput input, CancellationToken ct)
    {
        var producer = await db.Set<Producer>().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (producer is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return View("Form", input);
        }

        switch (await profiles.UpdateAsync(producer, input, ct))
        {
            case SaveOutcome.DuplicateTaxCode:
                ModelState.AddModelError(nameof(input.TaxCode), l["Mã số thuế này đã có trong sổ chủ thể."]);
                return View("Form", input);
            case SaveOutcome.Conflict:
                ModelState.AddModelError("", l[ProducerProfiles.ConflictMessage]);
                return View("Form", input);
            default:
                TempData["Flash"] = l["Đã lưu hồ sơ chủ thể."].Value;
                return Redirect($"/office/producers/{id}");
        }
    }
}
