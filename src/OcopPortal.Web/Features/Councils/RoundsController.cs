using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain.Councils;
using OcopPortal.Web.Domain.Dossiers;
using OcopPortal.Web.Domain.Producers;
using OcopPortal.Web.Features.Dossiers;
using OcopPortal.Web.Infrastructure.Audit;
using OcopPortal.Web.Infrastructure.Auth;

namespace OcopPortal.Web.Features.Councils;

public sealed record RoundRow(int Id, string Name, string Council, RoundStatus Status, RoundMode Mode, DateOnly ScoringDeadline, DateOnly LegalDeadline, int Entries);

/// <summary>Progress of one entry without any score: how many eligible members submitted.</summary>
public sealed record EntryProgress(EntryRow Entry, int Eligible, int Submitted, int Conflicts, string? AdvisoryNotes);

public sealed record RoundPage(
    EvaluationRound Round, Council Council, IReadOnlyList<CouncilSeat> Seats, IReadOnlyList<EntryProgress> Entries,
    IReadOnlyList<(int DossierId, string Label)> Assignable, IReadOnlySet<int> Present, DateOnly Today);

/// <summary>
/// The Office runs a round: creates it with its legal deadline, assigns accepted dossiers, records the advisory
/// team's notes and conflicts it knows of, opens scoring and records attendance. It sees progress, never scores,
/// until the chair closes scoring.
/// </summary>
[Authorize(Policy = Policies.Office)]
[Route("rounds")]
public sealed class RoundsController(
    OcopDbContext db, CouncilRounds rounds, DossierService dossiers, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> l) : Controller
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().Date);

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        View(await (from r in db.EvaluationRounds
                    join c in db.Councils on r.CouncilId equals c.Id
                    orderby r.Year descending, r.Number descending, r.Id descending
                    select new RoundRow(r.Id, r.Name, c.Name, r.Status, r.Mode, r.ScoringDeadline, r.LegalDeadline, r.Entries.Count)).ToListAsync(ct));

    [HttpGet("new")]
    public async Task<IActionResult> Create(int? councilId, CancellationToken ct)
    {
        var today = Today;
        ViewData["Councils"] = await CouncilsAsync(ct);
        return View(new RoundInput { CouncilId = councilId, Year = today.Year, Number = today.Month <= 6 ? 1 : 2, Mode = RoundMode.Meeting });
    }

    [HttpPost("new")]
    public async Task<IActionResult> Create(RoundInput input, CancellationToken ct)
    {
        if (ModelState.IsValid && !await db.Councils.AnyAsync(c => c.Id == input.CouncilId, ct))
        {
            ModelState.AddModelError(nameof(input.CouncilId), l["Hội đồng đã chọn không tồn tại."]);
        }

        if (ModelState.IsValid && await db.EvaluationRounds.AnyAsync(r => r.Year == input.Year && r.Number == input.Number, ct))
        {
            ModelState.AddModelError(nameof(input.Number), l["Đợt {0} năm {1} đã có.", input.Number!, input.Year!]);
        }

        if (!ModelState.IsValid)
        {
            ViewData["Councils"] = await CouncilsAsync(ct);
            return View(input);
        }

        var round = new EvaluationRound
        {
            CouncilId = input.CouncilId!.Value,
            Year = input.Year!.Value,
            Number = input.Number!.Value,
            Name = string.Create(CultureInfo.InvariantCulture, $"Đợt {input.Number} năm {input.Year}"),
            Mode = input.Mode!.Value,
            ScoringDeadline = input.ScoringDeadline!.Value,
            MeetingDate = input.Mode == RoundMode.Meeting ? input.MeetingDate : null,
            LegalDeadline = RoundDeadlines.Legal(input.Year.Value, input.Number.Value, input.ScoringDeadline.Value),
            Status = RoundStatus.Preparing,
            CreatedAt = clock.GetUtcNow(),
            Version = Guid.NewGuid(),
        };
        await db.InTransactionAsync(async () =>
        {
            db.Add(round);
            await db.SaveChangesAsync(ct);
            audit.Record("round.created", nameof(EvaluationRound), Id(round.Id), new { round.Name, round.Mode, round.LegalDeadline });
            await db.SaveChangesAsync(ct);
        }, ct);
        TempData["Flash"] = l["Đã lập {0}. Hãy đưa các hồ sơ đã tiếp nhận vào đợt.", round.Name].Value;
        return Redirect($"/rounds/{round.Id}");
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Show(int id, CancellationToken ct)
    {
        var page = await PageAsync(id, ct);
        return page is null ? NotFound() : View(page);
    }

    /// <summary>Assigns accepted dossiers to the round (only while it is being prepared).</summary>
    [HttpPost("{id:int}/entries")]
    public async Task<IActionResult> Assign(int id, List<int>? dossierIds, Guid version, CancellationToken ct)
    {
        var round = await db.EvaluationRounds.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (round is null)
        {
            return NotFound();
        }

        var ids = (dossierIds ?? []).Distinct().ToList();
        var picked = await db.Dossiers.Where(d => ids.Contains(d.Id) && d.Status == DossierStatus.Accepted).ToListAsync(ct);
        var error = round.Status != RoundStatus.Preparing ? l["Chỉ đưa hồ sơ vào đợt khi đợt đang chuẩn bị (chưa mở chấm điểm)."].Value
            : ids.Count == 0 ? l["Hãy chọn ít nhất một hồ sơ."].Value
            : picked.Count != ids.Count ? l["Có hồ sơ không còn ở trạng thái «Đã tiếp nhận đầy đủ»; hãy tải lại trang."].Value
            : version != round.Version ? l[DossiersController.ConflictMessage].Value
            : null;
        if (error is not null)
        {
            TempData["FlashError"] = error;
            return Redirect($"/rounds/{id}");
        }

        db.Entry(round).Property(r => r.Version).OriginalValue = version;
        round.Version = Guid.NewGuid();
        foreach (var d in picked)
        {
            db.RoundEntries.Add(new RoundEntry { RoundId = id, DossierId = d.Id });
            await dossiers.ApplyAsync(d, DossierWorkflow.AssignToRound, DossierActor.Office, User, round.Name, ct);
        }

        audit.Record("round.entries-assigned", nameof(EvaluationRound), Id(id), new { Dossiers = ids });
        return await SaveAsync(id, l["Đã đưa {0} hồ sơ vào {1}.", picked.Count, round.Name].Value, ct);
    }

    [HttpPost("{id:int}/entries/{entryId:int}/removal")]
    public async Task<IActionResult> Unassign(int id, int entryId, CancellationToken ct)
    {
        var round = await db.EvaluationRounds.SingleOrDefaultAsync(r => r.Id == id, ct);
        var entry = await db.RoundEntries.SingleOrDefaultAsync(e => e.Id == entryId && e.RoundId == id, ct);
        if (round is null || entry is null)
        {
            return NotFound();
        }

        if (round.Status != RoundStatus.Preparing)
        {
            TempData["FlashError"] = l["Chỉ rút hồ sơ khỏi đợt khi đợt chưa mở chấm điểm."].Value;
            return Redirect($"/rounds/{id}");
        }

        var dossier = await db.Dossiers.SingleAsync(d => d.Id == entry.DossierId, ct);
        db.Remove(entry);
        await dossiers.ApplyAsync(dossier, DossierWorkflow.ReturnFromRound, DossierActor.Office, User, round.Name, ct);
        round.Version = Guid.NewGuid();
        audit.Record("round.entry-removed", nameof(EvaluationRound), Id(id), new { entry.DossierId });
        return await SaveAsync(id, l["Đã rút hồ sơ {0} khỏi đợt.", dossier.Number ?? ""].Value, ct);
    }

    /// <summary>The advisory team's notes for a product (field visit, requests for supplementary tests), before and during scoring.</summary>
    [HttpPost("{id:int}/entries/{entryId:int}/advisory")]
    public async Task<IActionResult> Advisory(int id, int entryId, string? notes, CancellationToken ct)
    {
        var round = await db.EvaluationRounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        var entry = await db.RoundEntries.SingleOrDefaultAsync(e => e.Id == entryId && e.RoundId == id, ct);
        if (round is null || entry is null)
        {
            return NotFound();
        }

        if (round.Status > RoundStatus.Scoring || (notes?.Length ?? 0) > 8000)
        {
            TempData["FlashError"] = round.Status > RoundStatus.Scoring ? l["Đợt đã khóa chấm điểm: không sửa ý kiến tổ tư vấn nữa."].Value : l["Ý kiến tổ tư vấn không quá 8.000 ký tự."].Value;
            return Redirect($"/rounds/{id}");
        }

        entry.AdvisoryNotes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
        audit.Record("round.advisory-notes", nameof(EvaluationRound), Id(id), new { entry.DossierId });
        return await SaveAsync(id, l["Đã lưu ý kiến tổ tư vấn."].Value, ct);
    }

    /// <summary>A conflict of interest the Office knows of (the member may also declare it).</summary>
    [HttpPost("{id:int}/entries/{entryId:int}/conflicts")]
    public async Task<IActionResult> MarkConflict(int id, int entryId, int seatId, ConflictGround? ground, string? reason, CancellationToken ct)
    {
        var round = await db.EvaluationRounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        var entry = await db.RoundEntries.AsNoTracking().SingleOrDefaultAsync(e => e.Id == entryId && e.RoundId == id, ct);
        var seat = round is null ? null : await db.CouncilSeats.AsNoTracking().SingleOrDefaultAsync(s => s.Id == seatId && s.CouncilId == round.CouncilId, ct);
        if (round is null || entry is null || seat is null)
        {
            return NotFound();
        }

        var error = round.Status > RoundStatus.Scoring ? l["Đợt đã khóa chấm điểm: không ghi nhận xung đột lợi ích mới."].Value
            : ground is null || !Enum.IsDefined(ground.Value) ? l["Vui lòng chọn lý do xung đột lợi ích."].Value
            : ground == ConflictGround.Other && string.IsNullOrWhiteSpace(reason) ? l["Vui lòng ghi rõ lý do khác."].Value
            : (reason?.Length ?? 0) > 1000 ? l["Lý do không quá 1.000 ký tự."].Value
            : await db.ScoreSheets.AnyAsync(s => s.RoundEntryId == entryId && s.SeatId == seatId && s.Status == SheetStatus.Submitted, ct)
                ? l["{0} đã nộp phiếu cho sản phẩm này; Chủ tịch cần mở lại phiếu trước.", seat.FullName].Value
            : null;
        if (error is not null)
        {
            TempData["FlashError"] = error;
            return Redirect($"/rounds/{id}");
        }

        var existing = await db.ConflictDeclarations.SingleOrDefaultAsync(c => c.RoundEntryId == entryId && c.SeatId == seatId, ct);
        if (existing is null)
        {
            existing = new ConflictDeclaration { RoundEntryId = entryId, SeatId = seatId };
            db.Add(existing);
        }

        existing.Conflicted = true;
        existing.Ground = ground;
        existing.Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        existing.DeclaredAt = clock.GetUtcNow();
        existing.DeclaredByUserId = DossierAccess.UserId(User);
        audit.Record("round.conflict-marked", nameof(EvaluationRound), Id(id), new { entry.DossierId, Seat = seat.FullName, ground });
        return await SaveAsync(id, l["Đã ghi nhận xung đột lợi ích của {0}: thành viên này không tham gia đánh giá sản phẩm.", seat.FullName].Value, ct);
    }

    /// <summary>Opens scoring: the council needs a chair and at least three voting members with accounts, and the round at least one product.</summary>
    [HttpPost("{id:int}/scoring")]
    public async Task<IActionResult> OpenScoring(int id, Guid version, CancellationToken ct)
    {
        var round = await db.EvaluationRounds.Include(r => r.Entries).SingleOrDefaultAsync(r => r.Id == id, ct);
        if (round is null)
        {
            return NotFound();
        }

        var seats = await db.CouncilSeats.AsNoTracking().Where(s => s.CouncilId == round.CouncilId).ToListAsync(ct);
        var error = round.Status != RoundStatus.Preparing ? l["Đợt đã mở chấm điểm."].Value
            : round.Entries.Count == 0 ? l["Đợt chưa có hồ sơ nào."].Value
            : !seats.Any(s => s.Role == SeatRole.Chair && s.UserId != null) ? l["Hội đồng chưa có Chủ tịch có tài khoản trên cổng."].Value
            : seats.Count(s => s.Votes && s.UserId != null) < 3 ? l["Hội đồng cần ít nhất 3 thành viên chấm điểm có tài khoản."].Value
            : version != round.Version ? l[DossiersController.ConflictMessage].Value
            : null;
        if (error is not null)
        {
            TempData["FlashError"] = error;
            return Redirect($"/rounds/{id}");
        }

        db.Entry(round).Property(r => r.Version).OriginalValue = version;
        round.Status = RoundStatus.Scoring;
        round.ScoringOpenedAt = clock.GetUtcNow();
        round.Version = Guid.NewGuid();
        audit.Record("round.scoring-opened", nameof(EvaluationRound), Id(id));
        return await SaveAsync(id, l["Đã mở chấm điểm. Thành viên Hội đồng thấy các sản phẩm trong trang Hội đồng."].Value, ct);
    }

    /// <summary>Who attended the meeting (the quorum counts these).</summary>
    [HttpPost("{id:int}/attendance")]
    public async Task<IActionResult> Attendance(int id, List<int>? present, CancellationToken ct)
    {
        var round = await db.EvaluationRounds.Include(r => r.Attendance).SingleOrDefaultAsync(r => r.Id == id, ct);
        if (round is null)
        {
            return NotFound();
        }

        var seats = await db.CouncilSeats.AsNoTracking().Where(s => s.CouncilId == round.CouncilId).Select(s => s.Id).ToListAsync(ct);
        var wanted = (present ?? []).ToHashSet();
        if (round.Status == RoundStatus.Finalised || !wanted.IsSubsetOf(seats))
        {
            TempData["FlashError"] = l["Không ghi nhận được điểm danh: đợt đã chốt kết quả hoặc có người không thuộc Hội đồng."].Value;
            return Redirect($"/rounds/{id}");
        }

        round.Attendance.Clear();
        round.Attendance.AddRange(seats.Select(s => new RoundAttendance { RoundId = id, SeatId = s, Present = wanted.Contains(s) }));
        audit.Record("round.attendance", nameof(EvaluationRound), Id(id), new { Present = wanted.Count, Of = seats.Count });
        return await SaveAsync(id, l["Đã lưu điểm danh: {0}/{1} thành viên có mặt.", wanted.Count, seats.Count].Value, ct);
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
            TempData["FlashError"] = l[DossiersController.ConflictMessage].Value;
        }

        return Redirect($"/rounds/{id}");
    }

    private async Task<RoundPage?> PageAsync(int id, CancellationToken ct)
    {
        var round = await db.EvaluationRounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (round is null)
        {
            return null;
        }

        var council = await db.Councils.AsNoTracking().SingleAsync(c => c.Id == round.CouncilId, ct);
        var seats = await db.CouncilSeats.AsNoTracking().Where(s => s.CouncilId == round.CouncilId).OrderBy(s => s.SortOrder).ThenBy(s => s.Id).ToListAsync(ct);
        var entries = await rounds.EntriesAsync(id, ct);
        var ids = entries.Select(e => e.EntryId).ToList();
        var conflicts = await db.ConflictDeclarations.AsNoTracking().Where(c => ids.Contains(c.RoundEntryId) && c.Conflicted).Select(c => new { c.RoundEntryId, c.SeatId }).ToListAsync(ct);
        var submitted = await db.ScoreSheets.AsNoTracking().Where(s => ids.Contains(s.RoundEntryId) && s.Status == SheetStatus.Submitted).Select(s => new { s.RoundEntryId, s.SeatId }).ToListAsync(ct);
        var notes = await db.RoundEntries.AsNoTracking().Where(e => e.RoundId == id).ToDictionaryAsync(e => e.Id, e => e.AdvisoryNotes, ct);
        var voting = seats.Where(s => s.Votes).Select(s => s.Id).ToHashSet();
        var progress = entries.Select(e =>
        {
            var conflicted = conflicts.Where(c => c.RoundEntryId == e.EntryId).Select(c => c.SeatId).ToHashSet();
            return new EntryProgress(e, voting.Count(v => !conflicted.Contains(v)), submitted.Count(s => s.RoundEntryId == e.EntryId && !conflicted.Contains(s.SeatId)), conflicted.Count, notes.GetValueOrDefault(e.EntryId));
        }).ToList();
        var assignable = round.Status == RoundStatus.Preparing
            ? (await (from d in db.Dossiers
                      join p in db.Set<Product>() on d.ProductId equals p.Id
                      join pr in db.Set<Producer>() on d.ProducerId equals pr.Id
                      where d.Status == DossierStatus.Accepted
                      orderby d.UpdatedAt
                      select new { d.Id, d.Number, Product = p.Name, Producer = pr.Name }).Take(500).ToListAsync(ct))
                .Select(x => (x.Id, $"{x.Number} · {x.Product} · {x.Producer}")).ToList()
            : [];
        var present = (await db.RoundAttendance.AsNoTracking().Where(a => a.RoundId == id && a.Present).Select(a => a.SeatId).ToListAsync(ct)).ToHashSet();
        return new RoundPage(round, council, seats, progress, assignable, present, Today);
    }

    private async Task<IReadOnlyList<(int Id, string Name)>> CouncilsAsync(CancellationToken ct) =>
        (await db.Councils.AsNoTracking().OrderByDescending(c => c.DecisionDate).Select(c => new { c.Id, c.Name, c.DecisionNumber }).ToListAsync(ct))
            .Select(c => (c.Id, $"{c.Name} ({c.DecisionNumber})")).ToList();

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
