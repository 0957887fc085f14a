using CivicPairing.Domain.Activities;

namespace CivicPairing.Web.Features.Activities;

/// <summary>How much work some activities add up to: the dashboard's headlines and the published report's summary.</summary>
public sealed record WorkTotals(int Count, int PeopleSent, decimal PersonHours, decimal Funds)
{
    /// <summary>
    /// One grouped row (none for no activities). Money and hours are summed as decimal, exact to the fen: SQL Server's
    /// SUM over decimal(18,2); on SQLite, where decimals are text, EF Core's own exact <c>ef_sum</c> aggregate (a
    /// SUM over REAL would round 0.1 + 0.2 and drift over many rows).
    /// </summary>
    public static IQueryable<WorkTotals> Of(IQueryable<Activity> activities) =>
        activities.GroupBy(_ => 1)
            .Select(g => new WorkTotals(g.Count(), g.Sum(a => a.PeopleSent), g.Sum(a => a.PersonHours), g.Sum(a => a.Funds)));

    public static WorkTotals None { get; } = new(0, 0, 0, 0);
}
