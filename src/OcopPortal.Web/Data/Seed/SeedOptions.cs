namespace OcopPortal.Web.Data.Seed;

public sealed class SeedOptions
{
    public const string Section = "Seed";

    /// <summary>The first administrator; created once when no admin exists. Set by configuration or Seed__AdminEmail.</summary>
    public string? AdminEmail { get; set; }

    /// <summary>Never committed: user-secrets or Seed__AdminPassword. When missing, a random one is generated and logged once.</summary>
    public string? AdminPassword { get; set; }

    /// <summary>Seed the demo province (also <c>--demo</c> on the command line).</summary>
    public bool Demo { get; set; }

    /// <summary>Password for demo accounts; when missing, one is generated and logged.</summary>
    public string? DemoPassword { get; set; }
}
