using CivicPairing.Domain.AidHouseholds;
using CivicPairing.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CivicPairing.Web.Features.AidHouseholds;

/// <summary>
/// docs/privacy.md's retention rule for aid households: <see cref="AidHousehold.RetentionYears"/> years after 已脱困 or closing,
/// the household's personal fields are cleared (<see cref="AidHousehold.Anonymise"/>). Run by the operator command
/// <c>purge-households</c> (at the end of each assessment year, or from cron); today comes from the portal's clock.
/// </summary>
public static class HouseholdRetention
{
    /// <summary>Anonymises every household decided more than <paramref name="years"/> years before <paramref name="now"/>; returns how many.</summary>
    public static async Task<int> PurgeAsync(AppDbContext db, DateTimeOffset now, int years, CancellationToken ct)
    {
        var cutoff = now.AddYears(-years);
        // Few rows (households decided years ago and not yet anonymised), each saved with its audit row (names written as ***).
        var due = await db.AidHouseholds
            .Where(h => h.Status != AidStatus.InAid && h.DecidedAt != null && h.DecidedAt < cutoff && h.HeadName != AidHousehold.AnonymisedName)
            .ToListAsync(ct);
        foreach (var household in due.Where(h => h.IsDueForAnonymising(cutoff)))
        {
            household.Anonymise();
        }
        await db.SaveChangesAsync(ct);
        return due.Count;
    }
}
