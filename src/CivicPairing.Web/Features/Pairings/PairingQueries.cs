using CivicPairing.Domain.Activities;
using CivicPairing.Domain.Pairings;
using CivicPairing.Domain.Registry;
using System.Security.Claims;
using CivicPairing.Web.Features.Ranking;
using CivicPairing.Web.Features.Registry;
using CivicPairing.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace CivicPairing.Web.Features.Pairings;

/// <summary>Rules about pairings that the database filters, each defined once for every list, count and dashboard.</summary>
public static class PairingQueries
{
    /// <summary>
    /// "Idle pairing": in force since before <paramref name="since"/> and without a confirmed activity after it. The
    /// pairings that did work are read once from the (status, date, pairing) index rather than probed pairing by pairing.
    /// </summary>
    public static IQueryable<Pairing> IdleSince(this IQueryable<Pairing> pairings, IQueryable<Activity> activities, DateOnly since)
    {
        var worked = activities.Where(a => a.Status == ActivityStatus.Confirmed && a.Date > since).Select(a => a.PairingId);
        return pairings.Where(p => p.Status == PairingStatus.Active && p.StartDate <= since && !worked.Contains(p.Id));
    }

    /// <summary>
    /// The streets of the communities in the pairings the user may see: the street filter's choices on the lists. Kept
    /// per facts version (a pairing or a community's street changing moves it), as the office's are a province's.
    /// </summary>
    public static Task<List<string>> VisibleStreetsAsync(this FactsStore facts, PartyAccess access, ClaimsPrincipal user, CancellationToken ct) =>
        facts.MemoAsync("visible-streets", PartyAccess.ScopeOf(user), c => access.VisiblePairings(user).Select(p => p.Community!.Street).Distinct().OrderBy(s => s).ToListAsync(c), ct);

    /// <summary>
    /// The streets of the active communities, in order: the dashboard's, coverage's and the communities list's street
    /// choices, kept per facts version. Grouped along the (IsActive, Street) index, already in the streets' order.
    /// </summary>
    public static Task<List<string>> ActiveStreetsAsync(this FactsStore facts, IQueryable<Community> communities, CancellationToken ct) =>
        facts.MemoAsync("active-streets", "", c => communities.WhereActive().GroupBy(x => x.Street).Select(g => g.Key).OrderBy(s => s).ToListAsync(c), ct);
}
