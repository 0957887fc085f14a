using System.Security.Claims;
using CivicPairing.Domain.Pairings;
using CivicPairing.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CivicPairing.Web.Identity;

/// <summary>
/// The one answer to "may this user see this unit's or community's record". The office sees
/// everything; a liaison their own unit and the communities it is paired with; a secretary their
/// own community and the units paired with it. Callers turn a "no" into 404, never into the data.
/// </summary>
public sealed class PartyAccess(AppDbContext db)
{
    public async Task<bool> CanViewUnitAsync(ClaimsPrincipal user, int unitId, CancellationToken ct = default)
    {
        if (user.IsOfficeOrAdmin() || user.GetUnitId() == unitId)
        {
            return true;
        }
        return user.GetCommunityId() is { } communityId
            && await db.Pairings.AnyAsync(p => p.UnitId == unitId && p.CommunityId == communityId && p.Status == PairingStatus.Active, ct);
    }

    public async Task<bool> CanViewCommunityAsync(ClaimsPrincipal user, int communityId, CancellationToken ct = default)
    {
        if (user.IsOfficeOrAdmin() || user.GetCommunityId() == communityId)
        {
            return true;
        }
        return user.GetUnitId() is { } unitId
            && await db.Pairings.AnyAsync(p => p.UnitId == unitId && p.CommunityId == communityId && p.Status == PairingStatus.Active, ct);
    }
}
