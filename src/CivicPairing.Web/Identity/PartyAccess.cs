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
    public IQueryable<Pairing> VisiblePairings(ClaimsPrincipal user) => Party(user) switch
    {
        (true, _, _) => db.Pairings,
        (_, { } unitId, _) => db.Pairings.Where(p => p.UnitId == unitId),
        (_, _, { } communityId) => db.Pairings.Where(p => p.CommunityId == communityId),
        _ => db.Pairings.Where(_ => false),
    };

    // The records below a pairing are filtered through their navigation to it, which SQL turns into joins that start
    // from the party's few pairings (an EXISTS per row made SQLite walk every task of the province for a liaison).
    public IQueryable<Agreement> VisibleAgreements(ClaimsPrincipal user) => Party(user) switch
    {
        (true, _, _) => db.Agreements,
        (_, { } unitId, _) => db.Agreements.Where(a => a.Pairing!.UnitId == unitId),
        (_, _, { } communityId) => db.Agreements.Where(a => a.Pairing!.CommunityId == communityId),
        _ => db.Agreements.Where(_ => false),
    };

    public IQueryable<AgreementTask> VisibleTasks(ClaimsPrincipal user) => Party(user) switch
    {
        (true, _, _) => db.AgreementTasks,
        (_, { } unitId, _) => db.AgreementTasks.Where(t => t.Agreement!.Pairing!.UnitId == unitId),
        (_, _, { } communityId) => db.AgreementTasks.Where(t => t.Agreement!.Pairing!.CommunityId == communityId),
        _ => db.AgreementTasks.Where(_ => false),
    };

    public IQueryable<Domain.Activities.Activity> VisibleActivities(ClaimsPrincipal user) => Party(user) switch
    {
        (true, _, _) => db.Activities,
        (_, { } unitId, _) => db.Activities.Where(a => a.Pairing!.UnitId == unitId),
        (_, _, { } communityId) => db.Activities.Where(a => a.Pairing!.CommunityId == communityId),
        _ => db.Activities.Where(_ => false),
    };

    /// <summary>
    /// Needs: the office all; a secretary her community's; a liaison the open ones (offered to every unit), those dispatched
    /// to her unit and those her unit took, never another unit's dispatch or work.
    /// </summary>
    public IQueryable<Domain.Needs.Need> VisibleNeeds(ClaimsPrincipal user) => Party(user) switch
    {
        (true, _, _) => db.Needs,
        (_, { } unitId, _) => db.Needs.Where(n => n.Status == Domain.Needs.NeedStatus.Published || n.DispatchedToUnitId == unitId || n.TakenByUnitId == unitId),
        (_, _, { } communityId) => db.Needs.Where(n => n.CommunityId == communityId),
        _ => db.Needs.Where(_ => false),
    };

    /// <summary>
    /// Funding requests: the office all; a secretary her community's; a liaison those of the communities her unit is paired
    /// with, those her unit asked for on a community's behalf and those it pledged to.
    /// </summary>
    public IQueryable<Domain.Funding.FundingRequest> VisibleFundingRequests(ClaimsPrincipal user) => Party(user) switch
    {
        (true, _, _) => db.FundingRequests,
        (_, { } unitId, _) => db.FundingRequests.Where(r => r.OnBehalfOfUnitId == unitId || r.Pledges.Any(p => p.UnitId == unitId)
            || db.Pairings.Any(p => p.UnitId == unitId && p.CommunityId == r.CommunityId && p.Status == PairingStatus.Active)),
        (_, _, { } communityId) => db.FundingRequests.Where(r => r.CommunityId == communityId),
        _ => db.FundingRequests.Where(_ => false),
    };

    /// <summary>
    /// Aid households (sensitive personal data): the office (not the system administrator) all; a secretary her
    /// community's; a liaison those her unit helps through its pairing; nobody else.
    /// </summary>
    public IQueryable<Domain.AidHouseholds.AidHousehold> VisibleHouseholds(ClaimsPrincipal user) =>
        user.IsInRole(Roles.CivilizationOffice) ? db.AidHouseholds
        : user.IsInRole(Roles.UnitLiaison) && user.GetUnitId() is { } unitId ? db.AidHouseholds.Where(h => h.Pairing!.UnitId == unitId)
        : user.IsInRole(Roles.CommunitySecretary) && user.GetCommunityId() is { } communityId ? db.AidHouseholds.Where(h => h.CommunityId == communityId)
        : db.AidHouseholds.Where(_ => false);

    /// <summary>
    /// In-service party members (在职党员, personal information): the office all; a liaison her unit's; a secretary those who
    /// ever reported to her community; a member only their own record; nobody else any.
    /// </summary>
    public IQueryable<Domain.Members.PartyMember> VisibleMembers(ClaimsPrincipal user) =>
        user.GetMemberId() is { } memberId ? db.PartyMembers.Where(m => m.Id == memberId)
        : Party(user) switch
        {
            (true, _, _) => db.PartyMembers,
            (_, { } unitId, _) => db.PartyMembers.Where(m => m.UnitId == unitId),
            (_, _, { } communityId) => db.PartyMembers.Where(m => m.Reports.Any(r => r.CommunityId == communityId)),
            _ => db.PartyMembers.Where(_ => false),
        };

    /// <summary>
    /// Whether the user may see the member's mobile number: the member, their unit's liaison, the office, and the secretary of
    /// the community the member has reported to (pending or accepted) — not a secretary whose report ended or was declined.
    /// </summary>
    public static bool MaySeePhone(ClaimsPrincipal user, Domain.Members.PartyMember member, int? openReportCommunityId) =>
        user.IsOfficeOrAdmin()
        || user.GetMemberId() == member.Id
        || user.IsInRole(Roles.UnitLiaison) && user.GetUnitId() == member.UnitId
        || user.IsInRole(Roles.CommunitySecretary) && openReportCommunityId is not null && user.GetCommunityId() == openReportCommunityId;

    /// <summary>A name for whose records the user reaches ("office", "unit:12", "community:7", "none"), to key what is kept per party.</summary>
    public static string ScopeOf(ClaimsPrincipal user) => Party(user) switch
    {
        (true, _, _) => "office",
        (_, { } unitId, _) => $"unit:{unitId}",
        (_, _, { } communityId) => $"community:{communityId}",
        _ => "none",
    };

    /// <summary>Whose records the user reaches: the office everybody's, a liaison one unit's, a secretary one community's.</summary>
    private static (bool Office, int? UnitId, int? CommunityId) Party(ClaimsPrincipal user) =>
        user.IsOfficeOrAdmin() ? (true, null, null)
        : user.IsInRole(Roles.UnitLiaison) && user.GetUnitId() is { } unitId ? (false, unitId, null)
        : user.IsInRole(Roles.CommunitySecretary) && user.GetCommunityId() is { } communityId ? (false, null, communityId)
        : (false, null, null);

    /// <summary>The liaison of the pairing's unit (the office acts for nobody's side here).</summary>
    public static bool ActsForUnit(ClaimsPrincipal user, Pairing pairing) =>
        user.IsInRole(Roles.UnitLiaison) && user.GetUnitId() == pairing.UnitId;

    /// <summary>The secretary of the pairing's community.</summary>
    public static bool ActsForCommunity(ClaimsPrincipal user, Pairing pairing) =>
        user.IsInRole(Roles.CommunitySecretary) && user.GetCommunityId() == pairing.CommunityId;

    /// <summary>
    /// Who may open a unit's page: the office, the unit's own liaison, and the secretary of a community the unit is paired
    /// with in force (<paramref name="pairedInForceWithTheUsersCommunity"/>, when the caller knows it).
    /// </summary>
    public static bool MayViewUnit(ClaimsPrincipal user, int unitId, bool pairedInForceWithTheUsersCommunity) =>
        user.IsOfficeOrAdmin() || user.GetUnitId() == unitId || (user.GetCommunityId() is not null && pairedInForceWithTheUsersCommunity);

    /// <summary>Who may open a community's page: the office, its own secretary, and the liaison of a unit paired with it in force.</summary>
    public static bool MayViewCommunity(ClaimsPrincipal user, int communityId, bool pairedInForceWithTheUsersUnit) =>
        user.IsOfficeOrAdmin() || user.GetCommunityId() == communityId || (user.GetUnitId() is not null && pairedInForceWithTheUsersUnit);

    public async Task<bool> CanViewUnitAsync(ClaimsPrincipal user, int unitId, CancellationToken ct = default) =>
        MayViewUnit(user, unitId, false)
        || (user.GetCommunityId() is { } communityId && MayViewUnit(user, unitId, await PairedInForceAsync(unitId, communityId, ct)));

    public async Task<bool> CanViewCommunityAsync(ClaimsPrincipal user, int communityId, CancellationToken ct = default) =>
        MayViewCommunity(user, communityId, false)
        || (user.GetUnitId() is { } unitId && MayViewCommunity(user, communityId, await PairedInForceAsync(unitId, communityId, ct)));

    private Task<bool> PairedInForceAsync(int unitId, int communityId, CancellationToken ct) =>
        db.Pairings.AnyAsync(p => p.UnitId == unitId && p.CommunityId == communityId && p.Status == PairingStatus.Active, ct);
}
