namespace OcopPortal.Bench.Run;

/// <summary>Whose cookie a scenario's requests carry.</summary>
public enum Actor
{
    /// <summary>No cookie: an anonymous visitor.</summary>
    Visitor,

    /// <summary>The portal's seeded administrator.</summary>
    Admin,

    /// <summary>A generated Office (Văn phòng Điều phối) account, the first by email (<see cref="BenchTargets"/>).</summary>
    Office,

    /// <summary>The chair of the generated closed round's council (<see cref="BenchTargets.ChairEmail"/>).</summary>
    CouncilChair,

    /// <summary>Each worker a different voting member of the scoring round (<see cref="BenchTargets.Scorers"/>); see <see cref="SheetSaveLoad"/>.</summary>
    CouncilMembers,

    /// <summary>The first of <see cref="BenchTargets.Scorers"/>: one voting member of the scoring round, on their own sheet.</summary>
    CouncilMember,
}

/// <summary>
/// One measured URL, requested as <paramref name="As"/>. <see cref="Scenarios.DossierPlaceholder"/> in the path is
/// replaced by a dossier id read from the database before the run.
/// </summary>
public sealed record Scenario(string Name, string Path, Actor As, string Measures);

/// <summary>The scenarios of a run, in order. Later issues append one line each (and describe it in docs/benchmarks.md).</summary>
public static class Scenarios
{
    /// <summary>The ceiling every ratio is divided by: the same rows as admin-users-page, through raw ADO.NET as JSON.</summary>
    public const string Baseline = "baseline-users";

    /// <summary>Stands for the dossier the office would open first from its AtProvince queue.</summary>
    public const string DossierPlaceholder = "{dossier}";

    /// <summary>Stands for the generated closed round (300 products × 9 members).</summary>
    public const string ClosedRoundPlaceholder = "{closedRound}";

    /// <summary>Stands for the scoring round and the first scorer's product in it (<see cref="Actor.CouncilMember"/>).</summary>
    public const string ScoringSheetPlaceholder = "{scoringSheet}";

    /// <summary>Stands for one certificate of the generated 200-certificate decision, and for that decision.</summary>
    public const string CertificatePlaceholder = "{certificate}";

    public const string CertificateDecisionPlaceholder = "{certificateDecision}";
    /// <summary>Stands for a product in force in the public catalogue.</summary>
    public const string ProductPlaceholder = "{product}";

    /// <summary>The catalogue search measured: a search term and two filters (stars and producer type).</summary>
    public const string CatalogueQuery = "q=banh+pia&stars=3&type=Cooperative";

    /// <summary>The one scenario that writes: members POST their draft sheets (<see cref="SheetSaveLoad"/>), not a GET loop.</summary>
    public const string SheetSave = "sheet-save";

    /// <summary>The dashboard recomputed on every request (<see cref="DashboardAfterChangeLoad"/>).</summary>
    public const string DashboardAfterChange = "reports-dashboard-after-change";

    /// <summary>The same saves as the page makes them when script runs: htmx POSTs answered by a fragment, no reload.</summary>
    public const string SheetSaveBackground = "sheet-save-background";

    public static readonly IReadOnlyList<Scenario> All =
    [
        new("home", "/", Actor.Visitor, "public home page: pipeline, localisation, layout, no database"),
        new("login-page", "/account/login", Actor.Visitor, "login form: antiforgery token and cookie"),
        new("admin-users-page", "/admin/users?page=50", Actor.Admin, "paged user list: count, page of 20 and their roles through EF, Razor table"),
        new("admin-audit-page", "/admin/audit?page=100", Actor.Admin, "audit log page 100: count and page of 20 through EF, Razor table"),
        new(Baseline, "/bench/baseline/users?page=50", Actor.Admin, "ceiling: admin-users-page's 20 rows via raw ADO.NET as JSON"),
        new("dossiers-office", "/dossiers", Actor.Office, "office intake queue, page 1: every submitted dossier with product, producer, commune; count, 20 newest, filter lists"),
        new("dossiers-office-at-province", "/dossiers?status=AtProvince", Actor.Office, "the queue filtered to dossiers waiting for the office's completeness check"),
        new("dossiers-office-overdue", "/dossiers?overdue=true", Actor.Office, "the queue filtered to overdue ones (commune past 15 working days, supplement past due)"),
        new("dossier-page", "/dossiers/" + DossierPlaceholder, Actor.Office, "one dossier as the office: slots and files, pinned criteria set, history, commune report, self-assessment scored"),
        new("results-board", "/rounds/" + ClosedRoundPlaceholder + "/results", Actor.CouncilChair, "closed round's results board as the chair: 300 products × 9 sheets re-scored, spread, quorum, reopen forms"),
        new("results-board-office", "/rounds/" + ClosedRoundPlaceholder + "/results", Actor.Office, "the same board as the Office (no chair forms)"),
        new("certificate-pdf", "/certificates/" + CertificatePlaceholder + "/certificate.pdf", Actor.Office, "one certificate PDF: landscape page, border, stars, vector QR, Vietnamese fonts subset and embedded"),
        new("certificates-batch-pdf", "/decisions/" + CertificateDecisionPlaceholder + "/certificates.pdf", Actor.Office, "the 200-certificate batch PDF of one decision: 200 pages, fonts embedded once"),
        new("reports-dashboard", "/reports", Actor.Office, "the reports dashboard for the province: in force by star/status/sector/type/commune, legacy districts, flows, rounds, steps, score parts"),
        new(DashboardAfterChange, "/reports", Actor.Office, "the same dashboard as the first request after a change gets it: the bench writes a new reports data stamp before each GET, so every section is computed again (one connection)"),
        new("reports-recognised-xlsx", "/reports/recognised.xlsx", Actor.Office, "the full list of products in force as Excel, streamed from the database into a temporary workbook"),
        new("sheet-page", ScoringSheetPlaceholder, Actor.CouncilMember, "one member's draft sheet page: seat + product, pinned criteria set, the sheet and its answers, the self-assessment as reference, ~30 criteria with their options"),
        new(SheetSave, "/rounds/{round}/entries/{entry}/sheet", Actor.CouncilMembers, "POST of a ~30-criterion draft sheet, one member per connection; every save changes every answer; POST → redirect → the sheet page reloaded (the page without script)"),
        new(SheetSaveBackground, "/rounds/{round}/entries/{entry}/sheet", Actor.CouncilMembers, "the same draft saves as the page makes them with script (htmx): POST answered by a fragment with the new Version, nothing reloaded"),
        new("catalogue-search", "/products?" + CatalogueQuery, Actor.Visitor, "public catalogue: search 'banh pia' + 3★ + cooperatives, page of 24 cards (output cache on, as visitors get it)"),
        new("catalogue-search-uncached", "/products?" + CatalogueQuery, Actor.Admin, "the same page signed in, so the output cache is bypassed: count + page over CatalogueEntries, Razor cards"),
        new("baseline-catalogue", "/bench/baseline/catalogue?" + CatalogueQuery, Actor.Admin, "ceiling for catalogue-search-uncached: the same count and 24 rows via raw ADO.NET as JSON"),
        new("product-page", "/products/" + ProductPlaceholder, Actor.Visitor, "public product page (output cache on)"),
        new("product-page-uncached", "/products/" + ProductPlaceholder, Actor.Admin, "the same page signed in (no output cache): entry+product+producer, photos, other products"),
        new("open-data-json", "/open-data/products.json?page=50&size=100", Actor.Visitor, "open data, page 50 of 100 products as JSON (output cache on)"),
        new("open-data-json-uncached", "/open-data/products.json?page=50&size=100", Actor.Admin, "the same page signed in (no output cache): stamp, count, 100 rows, JSON"),
    ];
}
