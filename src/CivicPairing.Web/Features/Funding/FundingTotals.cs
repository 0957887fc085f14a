using CivicPairing.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CivicPairing.Web.Features.Funding;

/// <summary>
/// Money paid through funding requests (拨付, with vouchers), added to the activities' funds wherever the portal totals funds.
/// A payment is its own record, never an activity, so the same yuan is counted once: an activity's funds are what the unit
/// logged with its work, a payment what it transferred against a request.
/// </summary>
public static class FundingTotals
{
    /// <summary>Paid on a day of the period, to requests of communities in <paramref name="street"/> (all when null).</summary>
    public static Task<decimal> PaidAsync(AppDbContext db, DateOnly from, DateOnly to, string? street, CancellationToken ct) =>
        db.FundingPayments.Where(p => p.PaidOn >= from && p.PaidOn <= to
                && (street == null || db.FundingRequests.Any(r => r.Id == p.RequestId && r.Community!.Street == street)))
            .SumAsync(p => p.Amount, ct);
}
