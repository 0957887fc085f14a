namespace CivicPairing.Web.Features.Notifications;

/// <summary>The <c>Notifications</c> section of the configuration (docs/operations.md, "Notifications").</summary>
public sealed class NotificationOptions
{
    public SmtpOptions Smtp { get; set; } = new();
    /// <summary>The hour of the city's day (0–23) from which the daily digest goes out, once a day.</summary>
    public int DigestHour { get; set; } = 8;
    /// <summary>An item waiting longer than this many days is brought to the office's attention, once.</summary>
    public int EscalateAfterDays { get; set; } = 7;
    /// <summary>How often an instance looks for work; 0 switches the background worker off (tests run cycles themselves).</summary>
    public int PollSeconds { get; set; } = 30;
    /// <summary>How long a cycle's lease is held; another instance takes over a lease that has run out.</summary>
    public int LeaseSeconds { get; set; } = 120;
    /// <summary>Attempts at one delivery before it is given up (each failure recorded; waits 1, 2, 4, … minutes).</summary>
    public int MaxAttempts { get; set; } = 6;
    /// <summary>The portal's public address (https://…), put in front of links in e-mails and robot messages.</summary>
    public string? PortalUrl { get; set; }
    /// <summary>Allow http:// robot addresses on the loopback interface (Development and tests only).</summary>
    public bool AllowLoopbackWebhooks { get; set; }
}

public sealed class SmtpOptions
{
    /// <summary>No host: no e-mail deliveries are made at all (in-app and robots still work).</summary>
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    /// <summary>None, Auto, StartTls or SslOnConnect (MailKit's SecureSocketOptions).</summary>
    public string Security { get; set; } = "Auto";
    public string From { get; set; } = "civicpairing@localhost";
    public string FromName { get; set; } = "";
    public string? UserName { get; set; }
    public string? Password { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
