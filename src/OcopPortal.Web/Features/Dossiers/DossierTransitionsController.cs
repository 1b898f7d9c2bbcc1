using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain.Dossiers;
using OcopPortal.Web.Infrastructure.Auth;

namespace OcopPortal.Web.Features.Dossiers;

/// <summary>
/// Each workflow step is a resource posted to (ADR-008): <c>submission</c>, <c>commune-assessment</c>,
/// <c>forwarding</c>, <c>supplement-requests</c>, <c>resubmission</c>, <c>acceptance</c>, <c>rejection</c>,
/// <c>withdrawal</c>. Every form carries the dossier version it was loaded from; a stale one changes nothing and
/// says so.
/// </summary>
[Authorize(Policy = Policies.Dossiers)]
[Route("dossiers/{id:int}")]
public sealed class DossierTransitionsController(
    OcopDbContext db, DossierAccess access, DossierService dossiers, TimeProvider clock, IStringLocalizer<SharedResource> l)
    : Controller
{
    [Authorize(Policy = Policies.Producer)]
    [HttpPost("submission")]
    public Task<IActionResult> Submit(int id, TransitionInput input, CancellationToken ct) =>
        ActAsync(id, input.Version, DossierWorkflow.Submit, async grant =>
        {
            var d = grant.Dossier;
            var missing = DossierService.MissingSlots(d);
            if (missing.Count > 0)
            {
                return l["Chưa nộp được: còn thiếu {0} tài liệu bắt buộc: {1}.", missing.Count, string.Join("; ", missing.Select(s => s.Title))].Value;
            }

            if (d.SelfAssessedTotal is null)
            {
                return l["Chưa nộp được: hãy chấm phần tự đánh giá (Mẫu 02) trước khi nộp."].Value;
            }

            if (await dossiers.RulesChangedSinceDraftAsync(d, ct))
            {
                return l["Bộ tiêu chí đã được cập nhật kể từ khi lập hồ sơ. Hãy lập hồ sơ mới theo bộ tiêu chí hiện hành."].Value;
            }

            await dossiers.SubmitAsync(d, User, ct);
            return null;
        }, l["Đã nộp hồ sơ đến UBND xã. Số phiếu: {0}.", "{number}"].Value, ct);

    [Authorize(Policy = Policies.Commune)]
    [HttpGet("commune-assessment")]
    public async Task<IActionResult> CommuneAssessment(int id, CancellationToken ct)
    {
        var grant = await access.FindAsync(User, id, ct);
        if (grant is null)
        {
            return NotFound();
        }

        var existing = await db.CommuneAssessments.AsNoTracking().SingleOrDefaultAsync(a => a.DossierId == id, ct);
        return View(new CommuneAssessmentPage(grant.Dossier, new CommuneAssessmentInput
        {
            RawMaterialOrigin = existing?.RawMaterialOrigin,
            LocalLabour = existing?.LocalLabour,
            IdeaOrigin = existing?.IdeaOrigin,
            LocalIdentity = existing?.LocalIdentity,
            Conclusion = existing?.Conclusion,
            Version = grant.Dossier.Version,
        }, grant.Actor == DossierActor.Commune && DossierWorkflow.Allows(DossierWorkflow.Assess, grant.Dossier.Status, grant.Actor)));
    }

    [Authorize(Policy = Policies.Commune)]
    [HttpPost("commune-assessment")]
    public async Task<IActionResult> CommuneAssessment(int id, CommuneAssessmentInput input, CancellationToken ct)
    {
        var grant = await access.FindAsync(User, id, ct);
        if (grant is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return View(new CommuneAssessmentPage(grant.Dossier, input, true));
        }

        return await ActAsync(grant, input.Version, DossierWorkflow.Assess, async g =>
        {
            var a = await db.CommuneAssessments.SingleOrDefaultAsync(x => x.DossierId == id, ct);
            if (a is null)
            {
                a = new CommuneAssessment { DossierId = id };
                db.Add(a);
            }

            a.RawMaterialOrigin = input.RawMaterialOrigin!.Trim();
            a.LocalLabour = input.LocalLabour!.Trim();
            a.IdeaOrigin = input.IdeaOrigin!.Trim();
            a.LocalIdentity = input.LocalIdentity!.Trim();
            a.Conclusion = input.Conclusion!.Trim();
            a.OfficerUserId = DossierAccess.UserId(User);
            a.OfficerName = await db.Users.Where(u => u.Id == a.OfficerUserId).Select(u => u.FullName).SingleAsync(ct);
            a.AssessedAt = clock.GetUtcNow();
            await dossiers.ApplyAsync(g.Dossier, DossierWorkflow.Assess, g.Actor, User, null, ct);
            return null;
        }, l["Đã lưu báo cáo đánh giá của xã (Mẫu 03). Có thể in báo cáo và chuyển hồ sơ lên tỉnh."].Value, ct);
    }

    [Authorize(Policy = Policies.Commune)]
    [HttpPost("forwarding")]
    public Task<IActionResult> Forward(int id, TransitionInput input, CancellationToken ct) =>
        ActAsync(id, input.Version, DossierWorkflow.Forward, async grant =>
        {
            if (!await db.CommuneAssessments.AnyAsync(a => a.DossierId == id, ct))
            {
                return l["Chưa chuyển được: hãy lập báo cáo đánh giá của xã (Mẫu 03) trước."].Value;
            }

            grant.Dossier.ForwardedAt = clock.GetUtcNow();
            await dossiers.ApplyAsync(grant.Dossier, DossierWorkflow.Forward, grant.Actor, User, input.Reason, ct);
            return null;
        }, l["Đã chuyển hồ sơ lên Văn phòng Điều phối OCOP tỉnh."].Value, ct);

    [Authorize(Policy = Policies.Office)]
    [HttpPost("supplement-requests")]
    public async Task<IActionResult> RequestSupplement(int id, SupplementRequestInput input, CancellationToken ct)
    {
        var grant = await access.FindAsync(User, id, ct);
        if (grant is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            TempData["SupplementErrors"] = string.Join("\n", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).Distinct());
            return Redirect($"/dossiers/{id}#supplement");
        }

        return await ActAsync(grant, input.Version, DossierWorkflow.RequestSupplement, async g =>
        {
            var slots = g.Dossier.Slots.Where(s => input.SlotIds.Contains(s.Id)).ToList();
            if (slots.Count != input.SlotIds.Distinct().Count())
            {
                return l["Tài liệu được chọn không thuộc hồ sơ này."].Value;
            }

            foreach (var s in g.Dossier.Slots)
            {
                s.OpenForSupplement = slots.Contains(s);
            }

            g.Dossier.SupplementDueOn = input.DueOn;
            db.SupplementRequests.Add(new SupplementRequest
            {
                DossierId = id,
                Message = input.Message!.Trim(),
                DueOn = input.DueOn!.Value,
                SlotTitles = string.Join("\n", slots.OrderBy(s => s.SortOrder).Select(s => s.Title)),
                RequestedAt = clock.GetUtcNow(),
                RequestedByUserId = DossierAccess.UserId(User),
            });
            var message = $"{input.Message!.Trim()} (Cần bổ sung: {string.Join("; ", slots.OrderBy(s => s.SortOrder).Select(s => s.Title))}; hạn {input.DueOn:dd/MM/yyyy}.)";
            await dossiers.ApplyAsync(g.Dossier, DossierWorkflow.RequestSupplement, g.Actor, User, message, ct);
            return null;
        }, l["Đã gửi yêu cầu bổ sung cho chủ thể."].Value, ct);
    }

    [Authorize(Policy = Policies.Producer)]
    [HttpPost("resubmission")]
    public Task<IActionResult> Resubmit(int id, TransitionInput input, CancellationToken ct) =>
        ActAsync(id, input.Version, DossierWorkflow.Resubmit, async grant =>
        {
            var d = grant.Dossier;
            var missing = DossierService.MissingSlots(d);
            if (missing.Count > 0)
            {
                return l["Chưa nộp lại được: còn thiếu {0} tài liệu bắt buộc: {1}.", missing.Count, string.Join("; ", missing.Select(s => s.Title))].Value;
            }

            await CloseSupplementRequestsAsync(d, ct);
            await dossiers.ApplyAsync(d, DossierWorkflow.Resubmit, grant.Actor, User, input.Reason, ct);
            return null;
        }, l["Đã nộp lại hồ sơ cho Văn phòng Điều phối."].Value, ct);

    [Authorize(Policy = Policies.Office)]
    [HttpPost("acceptance")]
    public Task<IActionResult> Accept(int id, TransitionInput input, CancellationToken ct) =>
        ActAsync(id, input.Version, DossierWorkflow.Accept, async grant =>
        {
            var missing = DossierService.MissingSlots(grant.Dossier);
            if (missing.Count > 0)
            {
                return l["Hồ sơ còn thiếu tài liệu bắt buộc: {0}. Hãy yêu cầu bổ sung.", string.Join("; ", missing.Select(s => s.Title))].Value;
            }

            await dossiers.ApplyAsync(grant.Dossier, DossierWorkflow.Accept, grant.Actor, User, input.Reason, ct);
            return null;
        }, l["Đã tiếp nhận hồ sơ đầy đủ; hồ sơ sẵn sàng đưa vào đợt đánh giá."].Value, ct);

    [Authorize(Policy = Policies.Office)]
    [HttpPost("rejection")]
    public Task<IActionResult> Reject(int id, TransitionInput input, CancellationToken ct) =>
        ActAsync(id, input.Version, DossierWorkflow.Reject, async grant =>
        {
            if (string.IsNullOrWhiteSpace(input.Reason))
            {
                return l["Vui lòng nêu lý do không tiếp nhận hồ sơ."].Value;
            }

            await CloseSupplementRequestsAsync(grant.Dossier, ct);
            await dossiers.ApplyAsync(grant.Dossier, DossierWorkflow.Reject, grant.Actor, User, input.Reason.Trim(), ct);
            return null;
        }, l["Đã ghi nhận không tiếp nhận hồ sơ và thông báo cho chủ thể."].Value, ct);

    [Authorize(Policy = Policies.Producer)]
    [HttpPost("withdrawal")]
    public Task<IActionResult> Withdraw(int id, TransitionInput input, CancellationToken ct) =>
        ActAsync(id, input.Version, DossierWorkflow.Withdraw, async grant =>
        {
            await CloseSupplementRequestsAsync(grant.Dossier, ct);
            await dossiers.ApplyAsync(grant.Dossier, DossierWorkflow.Withdraw, grant.Actor, User, string.IsNullOrWhiteSpace(input.Reason) ? null : input.Reason.Trim(), ct);
            return null;
        }, l["Đã rút hồ sơ."].Value, ct);

    /// <summary>Ends any open supplement request (answered, or moot once the dossier is rejected or withdrawn) and closes its slots.</summary>
    private async Task CloseSupplementRequestsAsync(Dossier d, CancellationToken ct)
    {
        var open = await db.SupplementRequests.Where(r => r.DossierId == d.Id && r.AnsweredAt == null).ToListAsync(ct);
        open.ForEach(r => r.AnsweredAt = clock.GetUtcNow());
        d.Slots.ForEach(s => s.OpenForSupplement = false);
        d.SupplementDueOn = null;
    }

    private async Task<IActionResult> ActAsync(int id, Guid version, Transition t, Func<DossierAccessGrant, Task<string?>> act, string success, CancellationToken ct)
    {
        var grant = await access.FindAsync(User, id, ct);
        return grant is null ? NotFound() : await ActAsync(grant, version, t, act, success, ct);
    }

    /// <summary>
    /// The common shape of a step: the dossier is visible, the user plays the part the step needs, the form's
    /// version is current and the workflow allows it; then <paramref name="act"/> (a message when it refuses) and
    /// one save, whose version check catches a concurrent change made in between.
    /// </summary>
    private async Task<IActionResult> ActAsync(DossierAccessGrant grant, Guid version, Transition t, Func<DossierAccessGrant, Task<string?>> act, string success, CancellationToken ct)
    {
        var d = grant.Dossier;
        var back = $"/dossiers/{d.Id}";
        if (grant.Actor != t.Actor)
        {
            return Forbid();
        }

        if (!ModelState.IsValid)
        {
            TempData["FlashError"] = string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).Distinct());
            return Redirect(back);
        }

        if (version != d.Version)
        {
            TempData["FlashError"] = l[DossiersController.ConflictMessage].Value;
            return Redirect(back);
        }

        if (!DossierWorkflow.Allows(t, d.Status, grant.Actor))
        {
            TempData["FlashError"] = l["Không thể thực hiện thao tác này khi hồ sơ đang ở trạng thái «{0}».", l[DossierLabels.Status(d.Status)].Value].Value;
            return Redirect(back);
        }

        db.Entry(d).Property(x => x.Version).OriginalValue = version;
        var refusal = await act(grant);
        if (refusal is not null)
        {
            db.ChangeTracker.Clear();
            TempData["FlashError"] = refusal;
            return Redirect(back);
        }

        try
        {
            await db.SaveChangesAsync(ct);
            TempData["Flash"] = success.Replace("{number}", d.Number, StringComparison.Ordinal);
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["FlashError"] = l[DossiersController.ConflictMessage].Value;
        }

        return Redirect(back);
    }
}

public sealed record CommuneAssessmentPage(Dossier Dossier, CommuneAssessmentInput Input, bool Editable);
