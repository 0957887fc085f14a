using System.Security.Claims;

namespace CivicPairing.Web.Auditing;

/// <summary>
/// Reads and downloads of sensitive personal data go to the same append-only audit log as changes (PIPL: who saw which
/// household, and who took a list away), written at once in their own save.
/// </summary>
public static class AccessLog
{
    public static async Task RecordAsync(Data.AppDbContext db, ClaimsPrincipal user, DateTimeOffset at, AuditAction action, string entityType, string entityId,
        string? note, CancellationToken ct)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            At = at, UserId = user.FindFirstValue(ClaimTypes.NameIdentifier), UserName = user.Identity?.Name ?? "system", EntityType = entityType,
            EntityId = entityId, Action = action, Note = note is { Length: > 1000 } ? note[..1000] : note,
        });
        await db.SaveChangesAsync(ct);
    }
}
