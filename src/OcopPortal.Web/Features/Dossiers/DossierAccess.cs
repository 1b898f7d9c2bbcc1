using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OcopPortal.Web.Data;
using OcopPortal.Web.Domain.Dossiers;
using OcopPortal.Web.Domain.Producers;
using OcopPortal.Web.Infrastructure.Auth;

namespace OcopPortal.Web.Features.Dossiers;

/// <summary>A dossier the user may see, loaded with its slots and files, and the part the user plays on it.</summary>
public sealed record DossierAccessGrant(Dossier Dossier, DossierActor Actor);

/// <summary>
/// The one answer to "may this user see or act on this dossier" (ADR-008). Every dossier route, file downloads
/// included, loads through <see cref="FindAsync"/>: a dossier outside the user's scope is simply not found (404),
/// so guessed ids reveal nothing. Producers see their own; commune officers the submitted dossiers of their
/// communes; the Office (and Admin, read-only) every submitted dossier; council members nothing here.
/// </summary>
public sealed class DossierAccess(OcopDbContext db)
{
    public static string UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    /// <summary>The dossiers <paramref name="user"/> may see, as a query to filter and page further.</summary>
    public IQueryable<Dossier> Visible(ClaimsPrincipal user)
    {
        var userId = UserId(user);
        var all = db.Dossiers.AsQueryable();
        if (user.IsInRole(Roles.Office) || user.IsInRole(Roles.Admin))
        {
            return all.Where(d => d.Status != DossierStatus.Draft);
        }

        if (user.IsInRole(Roles.Commune))
        {
            var communes = db.StaffCommunes.Where(s => s.UserId == userId).Select(s => s.CommuneCode);
            return all.Where(d => d.Status != DossierStatus.Draft && communes.Contains(d.CommuneCode));
        }

        if (user.IsInRole(Roles.Producer))
        {
            var producers = db.Set<Producer>().Where(p => p.OwnerUserId == userId).Select(p => p.Id);
            return all.Where(d => producers.Contains(d.ProducerId));
        }

        return all.Where(_ => false);
    }

    /// <summary>The dossier with its slots and files (tracked, for changes), or null when the user may not see it.</summary>
    public async Task<DossierAccessGrant?> FindAsync(ClaimsPrincipal user, int id, CancellationToken ct)
    {
        var dossier = await Visible(user).AsSplitQuery().Include(d => d.Slots).ThenInclude(s => s.Files).SingleOrDefaultAsync(d => d.Id == id, ct);
        return dossier is null ? null : new DossierAccessGrant(dossier, await ActorAsync(user, dossier, ct));
    }

    /// <summary>The part the user plays: the owner producer, an officer of its commune, or the Office. Admin only reads.</summary>
    private async Task<DossierActor> ActorAsync(ClaimsPrincipal user, Dossier dossier, CancellationToken ct)
    {
        if (user.IsInRole(Roles.Office))
        {
            return DossierActor.Office;
        }

        var userId = UserId(user);
        if (user.IsInRole(Roles.Commune) && await db.StaffCommunes.AnyAsync(s => s.UserId == userId && s.CommuneCode == dossier.CommuneCode, ct))
        {
            return DossierActor.Commune;
        }

        return user.IsInRole(Roles.Producer) && await db.Set<Producer>().AnyAsync(p => p.Id == dossier.ProducerId && p.OwnerUserId == userId, ct)
            ? DossierActor.Producer
            : DossierActor.None;
    }
}
