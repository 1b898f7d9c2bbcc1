using Microsoft.AspNetCore.Authorization;

namespace OcopPortal.Web.Infrastructure.Auth;

/// <summary>
/// Every controller or action names one of these (or [AllowAnonymous]); a test enforces it.
/// The fallback policy requires a signed-in user for anything that slips through.
/// </summary>
public static class Policies
{
    public const string SignedIn = nameof(SignedIn);
    public const string Admin = nameof(Admin);
    public const string Office = nameof(Office);
    public const string Commune = nameof(Commune);
    public const string Council = nameof(Council);
    public const string CouncilChair = nameof(CouncilChair);
    public const string Producer = nameof(Producer);

    /// <summary>Office staff and admins: the mail log, audit log and anything run by the provincial office.</summary>
    public const string OfficeOrAdmin = nameof(OfficeOrAdmin);

    /// <summary>Who works with dossiers: producers (their own), commune officers (their communes), the Office and Admin.</summary>
    public const string Dossiers = nameof(Dossiers);

    /// <summary>The Office and council members (round pages; each action checks the seat and the round's state).</summary>
    public const string OfficeOrCouncil = nameof(OfficeOrCouncil);

    /// <summary>The certificate registry: the Office, and commune officers read-only for their communes.</summary>
    public const string CertificateRegistry = nameof(CertificateRegistry);

    /// <summary>Who may ask for a certificate's PDF (the Office, the owning producer; each action checks the certificate).</summary>
    public const string CertificateReaders = nameof(CertificateReaders);
    /// <summary>Reports: the Office and Admin (all), commune officers (their communes), council members (finalised rounds' summaries).</summary>
    public const string Reports = nameof(Reports);

    /// <summary>Traceability pages: the owning producer and the Office (each action checks the product).</summary>
    public const string TraceEditors = nameof(TraceEditors);

    public static void Configure(AuthorizationOptions o)
    {
        o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        o.AddPolicy(SignedIn, p => p.RequireAuthenticatedUser());
        o.AddPolicy(Admin, p => p.RequireRole(Roles.Admin));
        o.AddPolicy(Office, p => p.RequireRole(Roles.Office));
        o.AddPolicy(OfficeOrAdmin, p => p.RequireRole(Roles.Office, Roles.Admin));
        o.AddPolicy(Commune, p => p.RequireRole(Roles.Commune));
        o.AddPolicy(Council, p => p.RequireRole(Roles.CouncilMember, Roles.CouncilChair));
        o.AddPolicy(CouncilChair, p => p.RequireRole(Roles.CouncilChair));
        o.AddPolicy(Producer, p => p.RequireRole(Roles.Producer));
        o.AddPolicy(OfficeOrCouncil, p => p.RequireRole(Roles.Office, Roles.CouncilMember, Roles.CouncilChair));
        o.AddPolicy(CertificateRegistry, p => p.RequireRole(Roles.Office, Roles.Commune));
        o.AddPolicy(CertificateReaders, p => p.RequireRole(Roles.Office, Roles.Commune, Roles.Producer));
        o.AddPolicy(Reports, p => p.RequireRole(Roles.Office, Roles.Admin, Roles.Commune, Roles.CouncilMember, Roles.CouncilChair));
        o.AddPolicy(TraceEditors, p => p.RequireRole(Roles.Producer, Roles.Office));
        o.AddPolicy(Dossiers, p => p.RequireRole(Roles.Producer, Roles.Commune, Roles.Office, Roles.Admin));
    }
}
