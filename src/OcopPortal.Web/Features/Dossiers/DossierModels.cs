using OcopPortal.Web.Domain.Dossiers;
using OcopPortal.Web.Domain.Producers;
using OcopPortal.Web.Domain.Rules;
using OcopPortal.Web.Features.Rules;
using OcopPortal.Web.Infrastructure.Files;
using OcopPortal.Web.Infrastructure.Web;

namespace OcopPortal.Web.Features.Dossiers;

/// <summary>Filters of the dossier lists (query string, so a filtered list is a link to share).</summary>
public sealed class DossierFilter
{
    public DossierStatus? Status { get; set; }

    public string? Commune { get; set; }

    /// <summary>Criteria set number (the product group the council evaluates against).</summary>
    public int? Set { get; set; }

    public bool Overdue { get; set; }

    public string? Q { get; set; }

    public int? Page { get; set; }
}

public sealed record DossierRow(
    int Id, string? Number, string Product, string Producer, string CommuneCode, string CommuneName, DossierKind Kind,
    int TargetStars, DossierStatus Status, DateTimeOffset UpdatedAt, DateOnly? CommuneDueOn, DateOnly? SupplementDueOn, int CriteriaSetNumber, int Missing)
{
    /// <summary>The deadline that applies now, if any, and whether it has passed.</summary>
    public DateOnly? DueOn => Status switch
    {
        DossierStatus.AtCommune => CommuneDueOn,
        DossierStatus.SupplementRequested => SupplementDueOn,
        _ => null,
    };
}

public sealed record DossierListPage(
    Paged<DossierRow> Rows, DossierFilter Filter, IReadOnlyList<(string Code, string Name)> Communes,
    IReadOnlyList<(int Number, string Name)> Sets, DateOnly Today, bool IsProducer);

public sealed record NewDossierPage(DossierDetailsInput Input, IReadOnlyList<(int Id, string Name)> Products);

/// <summary>Everything the dossier page shows.</summary>
public sealed record DossierPage(
    Dossier Dossier,
    DossierActor Actor,
    Product Product,
    Producer Producer,
    string CommuneName,
    CriteriaSet CriteriaSet,
    IReadOnlyDictionary<Guid, StoredFile> Files,
    IReadOnlyList<DossierSlot> Missing,
    IReadOnlyList<DossierEvent> History,
    CommuneAssessment? Assessment,
    IReadOnlyList<SupplementRequest> Supplements,
    SelfAssessmentResult? SelfAssessment,
    DateOnly Today,
    bool CanSeeHistory)
{
    public bool ProducerMayEdit(DossierSlot? slot = null) => Actor == DossierActor.Producer && DossierWorkflow.ProducerMayEdit(Dossier.Status, slot);

    public bool May(Transition t) => DossierWorkflow.Allows(t, Dossier.Status, Actor);
}
