using CivicPairing.Domain.Activities;
using CivicPairing.Domain.Pairings;

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
}
