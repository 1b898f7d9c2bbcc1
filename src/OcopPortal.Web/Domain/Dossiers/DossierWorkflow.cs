namespace OcopPortal.Web.Domain.Dossiers;

/// <summary>Who acts on a dossier. The permission service maps a signed-in user to one of these for a given dossier.</summary>
public enum DossierActor
{
    None = 0,
    Producer = 1,
    Commune = 2,
    Office = 3,
}

/// <summary>One transition: its event, who may take it, from which statuses and to which status.</summary>
public sealed record Transition(DossierEventKind Event, DossierActor Actor, IReadOnlyList<DossierStatus> From, DossierStatus To);

/// <summary>
/// The dossier state machine (QĐ 26/2026 Art. 7): producer → commune check → province completeness check ↔
/// supplements → accepted or rejected; withdrawal before evaluation. Pure, so every path is tested as a table;
/// controllers ask it before acting and the database row's version guards the race.
/// </summary>
public static class DossierWorkflow
{
    public static readonly Transition Submit = new(DossierEventKind.Submitted, DossierActor.Producer, [DossierStatus.Draft], DossierStatus.AtCommune);

    /// <summary>Recording (or correcting) the commune's assessment keeps the dossier at the commune.</summary>
    public static readonly Transition Assess = new(DossierEventKind.CommuneAssessed, DossierActor.Commune, [DossierStatus.AtCommune], DossierStatus.AtCommune);

    public static readonly Transition Forward = new(DossierEventKind.Forwarded, DossierActor.Commune, [DossierStatus.AtCommune], DossierStatus.AtProvince);

    public static readonly Transition RequestSupplement = new(DossierEventKind.SupplementRequested, DossierActor.Office, [DossierStatus.AtProvince], DossierStatus.SupplementRequested);

    public static readonly Transition Resubmit = new(DossierEventKind.Resubmitted, DossierActor.Producer, [DossierStatus.SupplementRequested], DossierStatus.AtProvince);

    public static readonly Transition Accept = new(DossierEventKind.Accepted, DossierActor.Office, [DossierStatus.AtProvince], DossierStatus.Accepted);

    /// <summary>The office may also reject a dossier whose supplement never came.</summary>
    public static readonly Transition Reject = new(DossierEventKind.Rejected, DossierActor.Office, [DossierStatus.AtProvince, DossierStatus.SupplementRequested], DossierStatus.Rejected);

    /// <summary>Before evaluation: an accepted dossier not yet in a round may still be withdrawn.</summary>
    public static readonly Transition Withdraw = new(
        DossierEventKind.Withdrawn, DossierActor.Producer,
        [DossierStatus.Draft, DossierStatus.AtCommune, DossierStatus.AtProvince, DossierStatus.SupplementRequested, DossierStatus.Accepted],
        DossierStatus.Withdrawn);

    /// <summary>The office puts an accepted dossier into an evaluation round (and may take it back while the round is prepared).</summary>
    public static readonly Transition AssignToRound = new(DossierEventKind.AssignedToRound, DossierActor.Office, [DossierStatus.Accepted], DossierStatus.InEvaluation);

    public static readonly Transition ReturnFromRound = new(DossierEventKind.ReturnedFromRound, DossierActor.Office, [DossierStatus.InEvaluation], DossierStatus.Accepted);

    /// <summary>The chair finalised the round's result for it.</summary>
    public static readonly Transition Evaluate = new(DossierEventKind.Evaluated, DossierActor.Office, [DossierStatus.InEvaluation], DossierStatus.Evaluated);

    public static readonly IReadOnlyList<Transition> All = [Submit, Assess, Forward, RequestSupplement, Resubmit, Accept, Reject, Withdraw, AssignToRound, ReturnFromRound, Evaluate];

    public static bool Allows(Transition t, DossierStatus status, DossierActor actor) => t.Actor == actor && t.From.Contains(status);

    /// <summary>The transitions <paramref name="actor"/> may take now (the dossier page shows these as actions).</summary>
    public static IEnumerable<Transition> Available(DossierStatus status, DossierActor actor) => All.Where(t => Allows(t, status, actor));

    /// <summary>True while the producer may change documents: a draft, or the slots a supplement request opened.</summary>
    public static bool ProducerMayEdit(DossierStatus status, DossierSlot? slot = null) =>
        status == DossierStatus.Draft || (status == DossierStatus.SupplementRequested && (slot is null || slot.OpenForSupplement));

    public static bool IsFinal(DossierStatus status) => status is DossierStatus.Rejected or DossierStatus.Withdrawn;
}
