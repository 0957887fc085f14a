namespace CivicPairing.Web.Data.Imports;

/// <summary>
/// A parsed import waiting for the user's confirmation. Kept in the database, not in memory,
/// so that the preview and the confirm may be served by different portal instances.
/// </summary>
public class PendingImport
{
    public Guid Id { get; set; }
    public string UserId { get; set; } = "";
    public string Kind { get; set; } = "";
    public string FileName { get; set; } = "";
    /// <summary>The parsed rows as JSON; re-validated on confirm.</summary>
    public string Payload { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}
