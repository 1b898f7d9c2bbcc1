namespace OcopPortal.Web.Infrastructure.Email;

public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary><c>Pickup</c> writes .eml files into <see cref="PickupDirectory"/> (development, tests); <c>Smtp</c> sends.</summary>
    public string Mode { get; set; } = "Pickup";

    public string PickupDirectory { get; set; } = "App_Data/mail-pickup";

    public string FromAddress { get; set; } = "no-reply@ocop.local";

    public string FromName { get; set; } = "Cổng thông tin OCOP";

    public string SmtpHost { get; set; } = "";

    public int SmtpPort { get; set; } = 587;

    public bool SmtpUseStartTls { get; set; } = true;

    public string? SmtpUser { get; set; }

    public string? SmtpPassword { get; set; }

    /// <summary>How often the sender looks for pending mail.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    public int MaxAttempts { get; set; } = 5;

    /// <summary>Set false to run no background sender (tests call <see cref="OutboxSender.SendPendingAsync"/>).</summary>
    public bool SenderEnabled { get; set; } = true;
}
