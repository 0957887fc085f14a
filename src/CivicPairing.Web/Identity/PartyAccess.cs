using System.Security.Claims;
using CivicPairing.Domain.Agreements;
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
    /// <summary>The pairings this user may see: all for the office, their unit's or community's for the two sides, none otherwise.</summary>
    public IQueryable<Pairing> VisiblePairings(ClaimsPrincipal user)
    {
        if (user.IsOfficeOrAdmin())
        {
            return db.Pairings;
        }
        if (user.IsInRole(Roles.UnitLiaison) && user.GetUnitId() is { } unitId)
        {
            return db.Pairings.Where(p => p.UnitId == unitId);
        }
        if (user.IsInRole(Roles.CommunitySecretary) && user.GetCommunityId() is { } communityId)
        {
            return db.Pairings.Where(p => p.CommunityId == communityId);
        }
        return db.Pairings.Where(_ => false);
    }

    public IQueryable<Agreement> VisibleAgreements(ClaimsPrincipal user)
    {
        var pairings = VisiblePairings(user);
        return db.Agreements.Where(a => pairings.Any(p => p.Id == a.PairingId));
    }

    public IQueryable<AgreementTask> VisibleTasks(ClaimsPrincipal user)
    {
        var agreements = VisibleAgreements(user);
        return db.AgreementTasks.Where(t => agreements.Any(a => a.Id == t.AgreementId));
    }

    public IQueryable<Domain.Activities.Activity> VisibleActivities(ClaimsPrincipal user)
    {
        var pairings = VisiblePairings(user);
        return db.Activities.Where(a => pairings.Any(p => p.Id == a.PairingId));
    }

    /// <summary>The liaison of the pairing's unit (the office acts for nobody's side here).</summary>
    public static bool ActsForUnit(ClaimsPrincipal user, Pairing pairing) =>
        user.IsInRole(Roles.UnitLiaison) && user.GetUnitId() == pairing.UnitId;

    /// <summary>The secretary of the pairing's community.</summary>
    public static bool ActsForCommunity(ClaimsPrincipal user, Pairing pairing) =>
        user.IsInRole(Roles.CommunitySecretary) && user.GetCommunityId() == pairing.CommunityId;

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
