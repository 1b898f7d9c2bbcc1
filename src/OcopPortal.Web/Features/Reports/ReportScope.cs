using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain.Councils;
using OcopPortal.Web.Features.Dossiers;
using OcopPortal.Web.Infrastructure.Auth;

namespace OcopPortal.Web.Features.Reports;

public enum ScopeKind
{
    /// <summary>The Office and Admin: the whole province.</summary>
    Province = 1,

    /// <summary>A commune officer: the communes assigned to the account (StaffCommunes).</summary>
    Communes = 2,

    /// <summary>A council member or chair: anonymised summaries of the finalised rounds of the councils they sit on.</summary>
    Council = 3,
}

/// <summary>
/// What one user may see in reports, resolved once per request. Every report query starts from <see cref="Communes"/>
/// (null = no commune restriction) or, for council members, from <see cref="CouncilIds"/>: rows outside the scope are
/// never read, so they can never be shown or exported.
/// </summary>
public sealed record ReportScope(ScopeKind Kind, IReadOnlyList<string>? Communes, IReadOnlyList<int> CouncilIds)
{
    public bool IsProvince => Kind == ScopeKind.Province;

    /// <summary>May see product, producer and certificate rows (not council members).</summary>
    public bool SeesRegisters => Kind is ScopeKind.Province or ScopeKind.Communes;

    /// <summary>The communes to restrict to: the scope's own, narrowed by a commune filter inside it.</summary>
    public IReadOnlyList<string>? Narrow(string? commune)
    {
        if (string.IsNullOrWhiteSpace(commune))
        {
            return Communes;
        }

        commune = commune.Trim();
        return Communes is null ? [commune] : Communes.Contains(commune) ? [commune] : Communes;
    }
}

public sealed class ReportScopes(OcopDbContext db)
{
    public async Task<ReportScope> ForAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (user.IsInRole(Roles.Office) || user.IsInRole(Roles.Admin))
        {
            return new ReportScope(ScopeKind.Province, null, []);
        }

        var userId = DossierAccess.UserId(user);
        if (user.IsInRole(Roles.Commune))
        {
            var communes = await db.StaffCommunes.AsNoTracking().Where(s => s.UserId == userId).Select(s => s.CommuneCode).OrderBy(c => c).ToListAsync(ct);
            return new ReportScope(ScopeKind.Communes, communes, []);
        }

        var councils = await db.CouncilSeats.AsNoTracking().Where(s => s.UserId == userId && s.Role != SeatRole.InvitedExpert)
            .Select(s => s.CouncilId).Distinct().ToListAsync(ct);
        return new ReportScope(ScopeKind.Council, [], councils);
    }
}

/// <summary>The dashboard's and the reports' filters: a period (a year, or from–to) and a commune.</summary>
public sealed class ReportFilter
{
    public int? Year { get; set; }

    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }

    public string? Commune { get; set; }

    /// <summary>The period the filter means, defaulting to the current year up to today.</summary>
    public (DateOnly From, DateOnly To) Period(DateOnly today)
    {
        if (Year is { } y and >= 2000 and <= 2100)
        {
            return (new DateOnly(y, 1, 1), new DateOnly(y, 12, 31));
        }

        var from = From ?? new DateOnly((To ?? today).Year, 1, 1);
        var to = To ?? (from.Year == today.Year ? today : new DateOnly(from.Year, 12, 31));
        return from <= to ? (from, to) : (to, from);
    }

    /// <summary>The day the stock ("in force") is counted on: the end of the period, or today if that is later.</summary>
    public DateOnly AsOf(DateOnly today)
    {
        var to = Period(today).To;
        return to < today ? to : today;
    }

    public string Query() => string.Join("&", new[]
    {
        Year is { } y ? $"year={y.ToString(CultureInfo.InvariantCulture)}" : null,
        Year is null && From is { } f ? $"from={f:yyyy-MM-dd}" : null,
        Year is null && To is { } t ? $"to={t:yyyy-MM-dd}" : null,
        string.IsNullOrWhiteSpace(Commune) ? null : $"commune={Uri.EscapeDataString(Commune.Trim())}",
    }.Where(p => p is not null));
}
