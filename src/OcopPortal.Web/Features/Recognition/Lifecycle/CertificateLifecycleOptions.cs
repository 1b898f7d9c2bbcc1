namespace OcopPortal.Web.Features.Recognition.Lifecycle;

/// <summary>The daily certificate job (section <c>CertificateLifecycle</c>).</summary>
public sealed class CertificateLifecycleOptions
{
    public const string Section = "CertificateLifecycle";

    /// <summary>Runs the job on this node. Every node may run it: the day is claimed in the database, so one run happens.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Local time of day the run is due (a node starting later that day runs it at once).</summary>
    public TimeOnly RunAt { get; set; } = new(1, 0);

    /// <summary>The "window closes soon" reminder goes out this many days before the window's last day.</summary>
    public int ClosingReminderDaysBefore { get; set; } = 14;
}
