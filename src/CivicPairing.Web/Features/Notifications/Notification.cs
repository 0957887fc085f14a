using System.ComponentModel.DataAnnotations;

namespace CivicPairing.Web.Features.Notifications;

/// <summary>What a notification tells its reader: something to act on, or something to know.</summary>
public enum NotificationKind
{
    [Display(Name = "Pairing proposal to decide")]
    PairingToDecide = 1,
    [Display(Name = "Agreement to sign")]
    AgreementToSign = 2,
    [Display(Name = "Agreement to file")]
    AgreementToFile = 3,
    [Display(Name = "Agreement filed")]
    AgreementFiled = 4,
    [Display(Name = "Activity to confirm")]
    ActivityToConfirm = 5,
    [Display(Name = "Activity disputed")]
    ActivityDisputed = 6,
    [Display(Name = "Task to confirm")]
    TaskToConfirm = 7,
    [Display(Name = "Task returned")]
    TaskReturned = 8,
    [Display(Name = "Need to review")]
    NeedToReview = 9,
    [Display(Name = "Need to take")]
    NeedToTake = 10,
    [Display(Name = "Need returned")]
    NeedReturned = 11,
    [Display(Name = "Ranking published")]
    ReportPublished = 12,
    [Display(Name = "Rectification due")]
    RectificationDue = 13,
    [Display(Name = "Waiting too long")]
    Escalation = 14,
}

/// <summary>
/// One person's notice of one event (the bell's list). Written by <see cref="NotificationRules"/> in the same
/// transaction as the change it tells of; <see cref="PlannedAt"/> is set once the dispatcher has made its e-mail and
/// webhook deliveries (the notification row is the outbox's entry). All notifications of one event share an <see cref="EventId"/>,
/// so a group robot hears of the event once however many people are told.
/// </summary>
public class Notification
{
    public const int SubjectMaxLength = 200;

    public long Id { get; set; }
    public string RecipientId { get; set; } = "";
    public NotificationKind Kind { get; set; }
    /// <summary>The record it is about: its type name (Activity, Pairing, …) and key.</summary>
    public string RecordType { get; set; } = "";
    public int RecordId { get; set; }
    /// <summary>Where the record's page is, e.g. /Activities/Details/12.</summary>
    public string Link { get; set; } = "";
    /// <summary>The record's own words (a title, a pair of names), shown after the kind's text.</summary>
    public string Subject { get; set; } = "";
    /// <summary>The unit and the community's street the record belongs to, for the office's group robots.</summary>
    public int? UnitId { get; set; }
    public string? Street { get; set; }
    public Guid EventId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
    public DateTimeOffset? PlannedAt { get; set; }
}

public enum DeliveryChannel
{
    [Display(Name = "E-mail")]
    Email = 1,
    [Display(Name = "Group robot")]
    Webhook = 2,
}

/// <summary>
/// One message to send (an e-mail to a person, or a text to a group robot), kept until it is delivered or has failed
/// <see cref="NotificationOptions.MaxAttempts"/> times; each failure is recorded and the next attempt put off.
/// </summary>
public class NotificationDelivery
{
    public long Id { get; set; }
    /// <summary>The notification it tells of; null for a daily digest or a test message.</summary>
    public long? NotificationId { get; set; }
    public bool IsDigest { get; set; }
    public DeliveryChannel Channel { get; set; }
    /// <summary>The e-mail address, or the webhook target's key as text.</summary>
    public string Target { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
    public string? LastError { get; set; }
}

public enum WebhookKind
{
    [Display(Name = "WeChat Work group robot")]
    WeChatWork = 1,
    [Display(Name = "DingTalk group robot")]
    DingTalk = 2,
}

/// <summary>A group robot the office set up for a street (its communities' events) or a unit (its events).</summary>
public class WebhookTarget
{
    public const int UrlMaxLength = 500;

    public int Id { get; set; }
    public string Name { get; set; } = "";
    public WebhookKind Kind { get; set; }
    public string Url { get; set; } = "";
    /// <summary>DingTalk's signing secret (加签), when the robot has one.</summary>
    public string? Secret { get; set; }
    /// <summary>A robot's custom keyword (自定义关键词); put in front of every message.</summary>
    public string? Keyword { get; set; }
    public string? Street { get; set; }
    public int? UnitId { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A person's choices: e-mail for each notification, and the daily digest of what is unread.</summary>
public class NotificationPreference
{
    public string UserId { get; set; } = "";
    public bool Email { get; set; } = true;
    public bool DailyDigest { get; set; }
}

/// <summary>
/// A named piece of scheduled work: which instance holds it until when, and the last city day a daily job ran. Taken
/// with a conditional UPDATE, so across several portal instances one runs the work.
/// </summary>
public class JobLease
{
    public const string Notifications = "notifications";

    public string Name { get; set; } = "";
    public string? Holder { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateOnly? LastDigestOn { get; set; }
}
