using Microsoft.EntityFrameworkCore;
using OcopPortal.Web.Domain.Dossiers;

namespace OcopPortal.Web.Data.Dossiers;

/// <summary>
/// Keeps a dossier's step times (<see cref="Dossier.FirstSubmittedAt"/>, <see cref="Dossier.FirstForwardedAt"/>,
/// <see cref="Dossier.ProvinceAnsweredAt"/>) in the same save as the events they come from, whatever code adds the events
/// (the workflow, the demo seed, a test's fixture). Events are appended in time order by the workflow; a save that adds
/// several at once (a seed, a fixture) is applied in time order too. <see cref="BackfillSql"/> computes the same values
/// from the whole history, for rows written before the columns existed or by a bulk loader.
/// </summary>
public sealed class DossierStepTimes : SaveChangesGuard
{
    /// <summary>The answers that end the province's completeness check.</summary>
    public static readonly DossierEventKind[] ProvinceAnswers = [DossierEventKind.Accepted, DossierEventKind.SupplementRequested, DossierEventKind.Rejected];

    /// <summary>
    /// The step times from the events, for every dossier (standard SQL, the same on SQLite and SQL Server): the first
    /// submission, the first forwarding, and the first province answer at or after that forwarding.
    /// </summary>
    public const string BackfillSql = """
        UPDATE "Dossiers" SET
            "FirstSubmittedAt" = (SELECT MIN(e."At") FROM "DossierEvents" AS e WHERE e."DossierId" = "Dossiers"."Id" AND e."Kind" = 1),
            "FirstForwardedAt" = (SELECT MIN(e."At") FROM "DossierEvents" AS e WHERE e."DossierId" = "Dossiers"."Id" AND e."Kind" = 3);
        UPDATE "Dossiers" SET
            "ProvinceAnsweredAt" = (SELECT MIN(e."At") FROM "DossierEvents" AS e
                WHERE e."DossierId" = "Dossiers"."Id" AND e."Kind" IN (4, 6, 7) AND e."At" >= "Dossiers"."FirstForwardedAt");
        """;

    protected override void Check(DbContext context)
    {
        var added = context.ChangeTracker.Entries<DossierEvent>().Where(e => e.State == EntityState.Added).ToList();
        if (added.Count == 0)
        {
            return;
        }

        // The dossier of each event by its key as tracked now (a new dossier's key is still a temporary value).
        var dossiers = context.ChangeTracker.Entries<Dossier>()
            .GroupBy(e => (int)e.Property(d => d.Id).CurrentValue)
            .ToDictionary(g => g.Key, g => g.First().Entity);
        foreach (var group in added.GroupBy(e => (int)e.Property(x => x.DossierId).CurrentValue))
        {
            if (!dossiers.TryGetValue(group.Key, out var dossier))
            {
                dossier = context.Set<Dossier>().Find(group.Key)
                    ?? throw new InvalidOperationException($"Dossier {group.Key} of a new event was not found.");
            }

            Apply(dossier, group.Select(e => (e.Entity.Kind, e.Entity.At)));
        }
    }

    /// <summary>Moves the step times for <paramref name="events"/> added to <paramref name="dossier"/>'s history.</summary>
    public static void Apply(Dossier dossier, IEnumerable<(DossierEventKind Kind, DateTimeOffset At)> events)
    {
        foreach (var (kind, at) in events.OrderBy(e => e.At))
        {
            switch (kind)
            {
                case DossierEventKind.Submitted when dossier.FirstSubmittedAt is null || at < dossier.FirstSubmittedAt:
                    dossier.FirstSubmittedAt = at;
                    break;
                case DossierEventKind.Forwarded when dossier.FirstForwardedAt is null || at < dossier.FirstForwardedAt:
                    dossier.FirstForwardedAt = at;
                    break;
                case DossierEventKind.Accepted or DossierEventKind.SupplementRequested or DossierEventKind.Rejected
                    when dossier.FirstForwardedAt is { } forwarded && at >= forwarded && (dossier.ProvinceAnsweredAt is null || at < dossier.ProvinceAnsweredAt):
                    dossier.ProvinceAnsweredAt = at;
                    break;
            }
        }
    }
}
