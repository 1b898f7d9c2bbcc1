using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain;
using OcopPortal.Web.Domain.Councils;
using OcopPortal.Web.Infrastructure.Audit;
using OcopPortal.Web.Infrastructure.Auth;

namespace OcopPortal.Web.Features.Councils;

public sealed record CouncilRow(int Id, string Name, string DecisionNumber, DateOnly DecisionDate, int Seats, int Rounds);

public sealed record CouncilPage(Council Council, IReadOnlyList<EvaluationRound> Rounds, IReadOnlyDictionary<string, string> Emails, SeatInput Seat);

/// <summary>The Office sets up councils by their establishing decision and seats their members.</summary>
[Authorize(Policy = Policies.Office)]
[Route("councils")]
public sealed class CouncilsController(OcopDbContext db, UserManager<AppUser> users, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        View(await db.Councils.AsNoTracking().OrderByDescending(c => c.DecisionDate).ThenByDescending(c => c.Id)
            .Select(c => new CouncilRow(c.Id, c.Name, c.DecisionNumber, c.DecisionDate, c.Seats.Count, db.EvaluationRounds.Count(r => r.CouncilId == c.Id)))
            .ToListAsync(ct));

    [HttpGet("new")]
    public IActionResult Create() => View(new CouncilInput { Name = "Hội đồng đánh giá, phân hạng sản phẩm OCOP cấp tỉnh" });

    [HttpPost("new")]
    public async Task<IActionResult> Create(CouncilInput input, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return View(input);
        }

        var council = new Council { Name = input.Name!.Trim(), DecisionNumber = input.DecisionNumber!.Trim(), DecisionDate = input.DecisionDate!.Value, CreatedAt = clock.GetUtcNow() };
        await db.InTransactionAsync(async () =>
        {
            db.Add(council);
            await db.SaveChangesAsync(ct);
            audit.Record("council.created", nameof(Council), Id(council.Id), new { council.Name, council.DecisionNumber });
            await db.SaveChangesAsync(ct);
        }, ct);
        TempData["Flash"] = l["Đã lập Hội đồng theo quyết định {0}. Hãy thêm Chủ tịch và các thành viên.", council.DecisionNumber].Value;
        return Redirect($"/councils/{council.Id}");
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Show(int id, CancellationToken ct)
    {
        var page = await PageAsync(id, new SeatInput { Role = SeatRole.Member }, ct);
        return page is null ? NotFound() : View(page);
    }

    [HttpPost("{id:int}/seats")]
    public async Task<IActionResult> AddSeat(int id, SeatInput input, CancellationToken ct)
    {
        var council = await db.Councils.Include(c => c.Seats).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (council is null)
        {
            return NotFound();
        }

        AppUser? user = null;
        if (ModelState.IsValid && !string.IsNullOrWhiteSpace(input.Email))
        {
            user = await users.FindByEmailAsync(input.Email.Trim());
            var wanted = input.Role == SeatRole.Chair ? Roles.CouncilChair : Roles.CouncilMember;
            if (user is null)
            {
                ModelState.AddModelError(nameof(input.Email), l["Không có tài khoản nào với email này; hãy nhờ quản trị viên tạo tài khoản trước."]);
            }
            else if (!await users.IsInRoleAsync(user, wanted) && !(input.Role != SeatRole.Chair && await users.IsInRoleAsync(user, Roles.CouncilChair)))
            {
                ModelState.AddModelError(nameof(input.Email), l["Tài khoản này chưa có vai trò «{0}».", Roles.DisplayName(wanted)]);
            }
            else if (council.Seats.Any(s => s.UserId == user.Id))
            {
                ModelState.AddModelError(nameof(input.Email), l["Người này đã có trong Hội đồng."]);
            }
        }

        if (ModelState.IsValid && input.Role == SeatRole.Chair && council.Seats.Any(s => s.Role == SeatRole.Chair))
        {
            ModelState.AddModelError(nameof(input.Role), l["Hội đồng đã có Chủ tịch."]);
        }

        if (!ModelState.IsValid)
        {
            return View("Show", await PageAsync(id, input, ct));
        }

        var seat = new CouncilSeat
        {
            CouncilId = id,
            UserId = input.Role == SeatRole.InvitedExpert && user is null ? null : user?.Id,
            FullName = input.FullName!.Trim(),
            Agency = input.Agency!.Trim(),
            Role = input.Role!.Value,
            SortOrder = input.Role == SeatRole.Chair ? 0 : council.Seats.Count + 1,
        };
        council.Seats.Add(seat);
        audit.Record("council.seat-added", nameof(Council), Id(id), new { seat.FullName, seat.Agency, seat.Role });
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = l["Đã thêm {0} vào Hội đồng.", seat.FullName].Value;
        return Redirect($"/councils/{id}");
    }

    [HttpPost("{id:int}/seats/{seatId:int}/removal")]
    public async Task<IActionResult> RemoveSeat(int id, int seatId, CancellationToken ct)
    {
        var seat = await db.CouncilSeats.SingleOrDefaultAsync(s => s.Id == seatId && s.CouncilId == id, ct);
        if (seat is null)
        {
            return NotFound();
        }

        if (await db.ScoreSheets.AnyAsync(s => s.SeatId == seatId, ct) || await db.ConflictDeclarations.AnyAsync(c => c.SeatId == seatId, ct))
        {
            TempData["FlashError"] = l["Không thể bỏ {0}: thành viên đã có phiếu chấm hoặc khai báo xung đột lợi ích trong một đợt.", seat.FullName].Value;
            return Redirect($"/councils/{id}");
        }

        db.Remove(seat);
        audit.Record("council.seat-removed", nameof(Council), Id(id), new { seat.FullName, seat.Role });
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = l["Đã bỏ {0} khỏi Hội đồng.", seat.FullName].Value;
        return Redirect($"/councils/{id}");
    }

    private async Task<CouncilPage?> PageAsync(int id, SeatInput seat, CancellationToken ct)
    {
        var council = await db.Councils.AsNoTracking().Include(c => c.Seats).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (council is null)
        {
            return null;
        }

        var ids = council.Seats.Where(s => s.UserId != null).Select(s => s.UserId!).ToList();
        var emails = await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email ?? "", ct);
        var rounds = await db.EvaluationRounds.AsNoTracking().Where(r => r.CouncilId == id).OrderByDescending(r => r.Year).ThenByDescending(r => r.Number).ToListAsync(ct);
        return new CouncilPage(council, rounds, emails, seat);
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
