using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain.Rating;
using OcopPortal.Web.Domain.Recognition;
using OcopPortal.Web.Features.Catalogue;
using OcopPortal.Web.Infrastructure.Audit;
using OcopPortal.Web.Infrastructure.Auth;
using OcopPortal.Web.Infrastructure.Web;

namespace OcopPortal.Web.Features.Recognition;

public sealed record ReferralPage(
    MinistryReferral Referral, ReferralRow Row, string? DossierNumber, int? RoundId, int? RecordedDecisionId, int? ProvinceDecisionId,
    IReadOnlyList<(int Id, string Label)> Drafts, ReferralDispatchInput Dispatch, ReferralResultInput Result);

/// <summary>
/// Potential 5★ products (province score ≥ 90) sent to the Ministry of Agriculture and Environment: the Office records
/// the dispatch, then the central result — 5★ (the ministry's decision and certificate are recorded in the portal)
/// or a central score below 90 (the province recognises 3★/4★ from it on one of its draft decisions, or re-evaluates).
/// </summary>
[Authorize(Policy = Policies.Office)]
[Route("referrals")]
public sealed class ReferralsController(
    OcopDbContext db, RecognitionDecisions decisions, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> l, CatalogueIndex catalogue) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int? page, CancellationToken ct) =>
        View(await decisions.ReferralRows().ToPagedAsync(page, ct: ct));

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Show(int id, CancellationToken ct)
    {
        var page = await PageAsync(id, null, null, ct);
        return page is null ? NotFound() : View(page);
    }

    [HttpPost("{id:int}/dispatch")]
    public async Task<IActionResult> Dispatch(int id, ReferralDispatchInput input, CancellationToken ct)
    {
        var referral = await db.MinistryReferrals.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (referral is null)
        {
            return NotFound();
        }

        if (referral.Result != ReferralResult.Pending)
        {
            TempData["FlashError"] = l["Đã ghi nhận kết quả của trung ương; không sửa thông tin gửi hồ sơ nữa."].Value;
            return Redirect($"/referrals/{id}");
        }

        if (ModelState.IsValid && input.Version != referral.Version)
        {
            ModelState.AddModelError("", l[RecognitionDecisions.ConflictMessage]);
        }

        if (!ModelState.IsValid)
        {
            return View("Show", await PageAsync(id, input, null, ct));
        }

        db.Entry(referral).Property(r => r.Version).OriginalValue = input.Version;
        referral.SentReference = input.SentReference!.Trim();
        referral.SentOn = input.SentOn;
        referral.Version = Guid.NewGuid();
        audit.Record("referral.sent", nameof(MinistryReferral), RecognitionDecisions.Id(id), new { referral.SentReference, referral.SentOn });
        return await SaveAsync(id, l["Đã ghi nhận công văn {0} gửi hồ sơ lên Bộ.", referral.SentReference].Value, ct);
    }

    [HttpPost("{id:int}/result")]
    public async Task<IActionResult> Result(int id, ReferralResultInput input, CancellationToken ct)
    {
        var referral = await db.MinistryReferrals.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (referral is null)
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            var error = referral.Result != ReferralResult.Pending ? l["Kết quả của trung ương đã được ghi nhận."].Value
                : referral.SentOn is null ? l["Hãy ghi nhận công văn gửi hồ sơ lên Bộ trước khi ghi kết quả."].Value
                : input.Version != referral.Version ? l[RecognitionDecisions.ConflictMessage].Value
                : input.Result == ReferralResult.FiveStars && await db.Certificates.AnyAsync(c => c.Number == input.CertificateNumber!.Trim(), ct)
                    ? l["Số giấy chứng nhận {0} đã có trên cổng.", input.CertificateNumber!.Trim()].Value
                : null;
            if (error is not null)
            {
                ModelState.AddModelError("", error);
            }
        }

        if (!ModelState.IsValid)
        {
            return View("Show", await PageAsync(id, null, input, ct));
        }

        var now = clock.GetUtcNow();
        db.Entry(referral).Property(r => r.Version).OriginalValue = input.Version;
        referral.Result = input.Result!.Value;
        referral.CentralScore = input.CentralScore;
        referral.ResolvedAt = now;
        referral.Version = Guid.NewGuid();
        if (referral.Result == ReferralResult.FiveStars)
        {
            referral.MinistryDecisionNumber = input.MinistryDecisionNumber!.Trim();
            referral.MinistryDecisionDate = input.MinistryDecisionDate;
            referral.FollowUp = null;
            try
            {
                await db.InTransactionAsync(async () =>
                {
                    await RecordFiveStarsAsync(referral, input, now, ct);
                    audit.Record("referral.five-stars", nameof(MinistryReferral), RecognitionDecisions.Id(id),
                        new { referral.MinistryDecisionNumber, referral.MinistryDecisionDate, input.CertificateNumber, referral.CentralScore });
                    await db.SaveChangesAsync(ct);
                }, ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                TempData["FlashError"] = l[RecognitionDecisions.ConflictMessage].Value;
                return Redirect($"/referrals/{id}");
            }
            catch (DbUpdateException)
            {
                TempData["FlashError"] = l["Số giấy chứng nhận {0} đã có trên cổng.", input.CertificateNumber!.Trim()].Value;
                return Redirect($"/referrals/{id}");
            }

            await catalogue.RefreshAsync(referral.ProductId, ct); // the 5★ certificate is public at once

            TempData["Flash"] = l["Đã ghi nhận sản phẩm được Bộ công nhận 5 sao và giấy chứng nhận số {0}.", input.CertificateNumber!.Trim()].Value;
            return Redirect($"/referrals/{id}");
        }

        var followUp = l[DecisionLabels.FollowUp(input.FollowUp!.Value)].Value
            + (string.IsNullOrWhiteSpace(input.FollowUpNote) ? "" : ": " + input.FollowUpNote.Trim());
        referral.FollowUp = followUp.Length > 2000 ? followUp[..2000] : followUp;
        audit.Record("referral.below-ninety", nameof(MinistryReferral), RecognitionDecisions.Id(id), new { referral.CentralScore, Choice = input.FollowUp, referral.FollowUp });
        var flash = input.FollowUp == ReferralFollowUp.Recognise
            ? l["Đã ghi nhận điểm của trung ương {0}. Hãy đưa sản phẩm vào một dự thảo quyết định công nhận của tỉnh.", referral.CentralScore!.Value.ToString("0.00")].Value
            : l["Đã ghi nhận điểm của trung ương {0}; sản phẩm sẽ được đánh giá lại.", referral.CentralScore!.Value.ToString("0.00")].Value;
        return await SaveAsync(id, flash, ct);
    }

    /// <summary>After a central score below 90: a line on a draft recognition decision of the province, star by the rule set's bands.</summary>
    [HttpPost("{id:int}/recognition")]
    public async Task<IActionResult> Recognise(int id, int decisionId, CancellationToken ct)
    {
        var referral = await db.MinistryReferrals.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (referral is null)
        {
            return NotFound();
        }

        var decision = await db.RecognitionDecisions.Include(d => d.Lines).SingleOrDefaultAsync(d => d.Id == decisionId, ct);
        var facts = (await decisions.FactsAsync(db.RoundEntries.Where(e => e.Id == referral.RoundEntryId), ct)).Single();
        var ruleSet = await db.RuleSets.AsNoTracking().SingleAsync(r => r.Id == facts.RuleSetId, ct);
        var stars = referral.CentralScore is { } s ? StarBands.Of(ruleSet).Band(s) : 0;
        var error = referral.Result != ReferralResult.BelowNinety ? l["Chỉ công nhận tại tỉnh khi trung ương chấm dưới 90 điểm."].Value
            : stars is not (3 or 4) ? l["Điểm của trung ương dưới {0}: sản phẩm không được công nhận.", ruleSet.ThreeStarMin.ToString("0")].Value
            : decision is null || decision.Status != DecisionStatus.Draft || decision.Kind != DecisionKind.Recognition
                ? l["Hãy chọn một dự thảo quyết định công nhận của tỉnh."].Value
            : await decisions.AddLineAsync(decision, facts, stars, referral.CentralScore, ct);
        if (error is not null)
        {
            TempData["FlashError"] = error;
            return Redirect($"/referrals/{id}");
        }

        audit.Record("decision.line-added", nameof(RecognitionDecision), RecognitionDecisions.Id(decisionId), new { Referral = id, Stars = stars, referral.CentralScore });
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = l["Đã đưa «{0}» ({1} sao theo điểm của trung ương) vào dự thảo quyết định.", facts.Product, stars].Value;
        return Redirect($"/decisions/{decisionId}");
    }

    /// <summary>The ministry's 5★ decision and certificate, recorded as an issued decision of the ministry with one line.</summary>
    private async Task RecordFiveStarsAsync(MinistryReferral referral, ReferralResultInput input, DateTimeOffset now, CancellationToken ct)
    {
        var facts = (await decisions.FactsAsync(db.RoundEntries.Where(e => e.Id == referral.RoundEntryId), ct)).Single();
        var decision = new RecognitionDecision
        {
            Kind = DecisionKind.Recorded,
            Status = DecisionStatus.Issued,
            Number = referral.MinistryDecisionNumber!,
            DecisionDate = referral.MinistryDecisionDate!.Value,
            Title = "Về việc công nhận sản phẩm OCOP 5 sao",
            Authority = DecisionLabels.MinistryName,
            AuthorityLevel = AuthorityLevel.Ministry,
            CreatedAt = now,
            CreatedByUserId = Dossiers.DossierAccess.UserId(User),
            IssuedAt = now,
            IssuedByUserId = Dossiers.DossierAccess.UserId(User),
            Notes = $"Ghi nhận kết quả trung ương của sản phẩm tiềm năng 5 sao (công văn gửi {referral.SentReference} ngày {referral.SentOn:dd/MM/yyyy}).",
            Version = Guid.NewGuid(),
        };
        var line = RecognitionDecisions.Line(facts, 1);
        line.Stars = 5;
        line.Score = referral.CentralScore ?? referral.ProvinceScore;
        decision.Lines.Add(line);
        db.RecognitionDecisions.Add(decision);
        await db.SaveChangesAsync(ct);

        var months = (await decisions.ValidityMonthsAsync([line.RuleSetId], ct)).GetValueOrDefault(facts.RuleSetId, 36);
        var issuedOn = input.CertificateIssuedOn!.Value;
        var certificate = RecognitionDecisions.NewCertificate(line, decision, input.CertificateNumber!.Trim(), null, null, issuedOn,
            CertificateLifecycle.ValidUntil(issuedOn, months), now);
        db.Certificates.Add(certificate);
        await db.SaveChangesAsync(ct);
        var replaced = await decisions.ReplacedCertificatesAsync([line], ct);
        RecognitionDecisions.Supersede([line], [certificate], replaced, now);
        await decisions.NotifyAsync(decision, [line], [certificate], ct);
    }

    private async Task<ReferralPage?> PageAsync(int id, ReferralDispatchInput? dispatch, ReferralResultInput? result, CancellationToken ct)
    {
        var referral = await db.MinistryReferrals.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (referral is null)
        {
            return null;
        }

        var row = await decisions.ReferralRows(id: id).SingleAsync(ct);
        var dossierNumber = await db.Dossiers.Where(d => d.Id == referral.DossierId).Select(d => d.Number).SingleAsync(ct);
        var roundId = await db.RoundEntries.Where(e => e.Id == referral.RoundEntryId).Select(e => (int?)e.RoundId).SingleAsync(ct);
        var onDecisions = await (from x in db.DecisionLines
                                 join d in db.RecognitionDecisions on x.DecisionId equals d.Id
                                 where x.RoundEntryId == referral.RoundEntryId && d.Kind != DecisionKind.Amendment
                                 select new { d.Id, d.Kind }).ToListAsync(ct);
        var drafts = (await db.RecognitionDecisions.AsNoTracking()
                .Where(d => d.Status == DecisionStatus.Draft && d.Kind == DecisionKind.Recognition)
                .OrderByDescending(d => d.Id).Take(50).Select(d => new { d.Id, d.Number, d.Title }).ToListAsync(ct))
            .Select(d => (d.Id, $"{d.Number} – {d.Title}")).ToList();
        return new ReferralPage(referral, row, dossierNumber, roundId,
            onDecisions.FirstOrDefault(d => d.Kind == DecisionKind.Recorded)?.Id, onDecisions.FirstOrDefault(d => d.Kind == DecisionKind.Recognition)?.Id,
            drafts,
            dispatch ?? new ReferralDispatchInput { SentReference = referral.SentReference, SentOn = referral.SentOn ?? DateOnly.FromDateTime(clock.GetLocalNow().Date), Version = referral.Version },
            result ?? new ReferralResultInput { Version = referral.Version });
    }

    private async Task<IActionResult> SaveAsync(int id, string success, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            TempData["Flash"] = success;
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["FlashError"] = l[RecognitionDecisions.ConflictMessage].Value;
        }

        return Redirect($"/referrals/{id}");
    }
}
