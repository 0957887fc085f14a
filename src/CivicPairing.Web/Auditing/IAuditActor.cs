using System.Security.Claims;

namespace CivicPairing.Web.Auditing;

/// <summary>Who is making the current change; the HTTP user in requests, "system" in commands and seeding.</summary>
public interface IAuditActor
{
    string? UserId { get; }
    string UserName { get; }
}

public sealed class HttpAuditActor(IHttpContextAccessor accessor) : IAuditActor
{
    public string? UserId => accessor.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);
    public string UserName => accessor.HttpContext?.User.Identity?.Name ?? "system";
}
