namespace CivicPairing.Web.Auditing;

/// <summary>One append-only audit row: who changed what, when, and the values before and after.</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public string? UserId { get; set; }
    public string UserName { get; set; } = "";
    public string EntityType { get; set; } = "";
    public string EntityId { get; set; } = "";
    public AuditAction Action { get; set; }
    /// <summary>JSON object of the changed properties' old values (null for a create).</summary>
    public string? Before { get; set; }
    /// <summary>JSON object of the changed properties' new values (null for a delete).</summary>
    public string? After { get; set; }
    /// <summary>Free text for state changes that carry a reason (e.g. a deactivation).</summary>
    public string? Note { get; set; }
}

public enum AuditAction
{
    Create = 1,
    Update = 2,
    Delete = 3,
    /// <summary>A page showing sensitive personal data was read (an aid household).</summary>
    View = 4,
    /// <summary>A file of sensitive personal data was downloaded (the aid household list).</summary>
    Export = 5,
}
