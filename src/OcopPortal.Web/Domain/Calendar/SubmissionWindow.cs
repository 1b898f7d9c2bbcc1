namespace OcopPortal.Web.Domain.Calendar;

public enum WindowState
{
    NotYetOpen,
    Open,

    /// <summary>The window has passed but the certificate is still valid.</summary>
    Closed,

    /// <summary>After the last valid day.</summary>
    Expired,
}

/// <summary>A filing window [<paramref name="Opens"/>, <paramref name="Closes"/>], both days included, before a certificate valid through <paramref name="ValidUntil"/>.</summary>
public readonly record struct SubmissionWindow(DateOnly Opens, DateOnly Closes, DateOnly ValidUntil)
{
    public WindowState StateOn(DateOnly date) =>
        date < Opens ? WindowState.NotYetOpen
        : date <= Closes ? WindowState.Open
        : date <= ValidUntil ? WindowState.Closed
        : WindowState.Expired;
}
