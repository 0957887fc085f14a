using CivicPairing.Domain.Activities;
using CivicPairing.Web.Features.Activities;
using Microsoft.EntityFrameworkCore;

namespace CivicPairing.UnitTests.Web;

/// <summary>Money adds up to the fen on SQLite, where decimals are text: summed as decimal, never through REAL.</summary>
public sealed class MoneySums : IDisposable
{
    private readonly TestDatabase _database = new();

    [Fact]
    public async Task Funds_and_hours_sum_exactly_to_the_fen()
    {
        var db = _database.Db;
        await db.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys = OFF;"); // activities without their pairings: only the sums matter here
        decimal[] funds = [0.1m, 0.2m, 999_999_999.99m, 0.07m, 0.01m];
        const int Rounds = 2_001;
        var expected = 0m;
        for (var i = 0; i < Rounds * funds.Length; i++)
        {
            var amount = funds[i % funds.Length];
            expected += amount;
            db.Activities.Add(new Activity
            {
                PairingId = 1, Date = new DateOnly(2026, 3, 1), Category = ActivityCategory.Visits, Title = "走访", PeopleSent = 1,
                PersonHours = 0.1m, Funds = amount, Status = ActivityStatus.Confirmed, SubmittedBy = "test", SubmissionKey = Guid.NewGuid(),
            });
        }
        await db.SaveChangesAsync();

        var totals = await WorkTotals.Of(db.Activities.Where(a => a.Status == ActivityStatus.Confirmed)).SingleAsync();

        Assert.Equal(2_001_000_000_740.37m, expected);
        Assert.Equal(expected, totals.Funds);
        Assert.Equal(1_000.5m, totals.PersonHours);
        Assert.Equal(10_005, totals.Count);
        Assert.DoesNotContain("REAL", WorkTotals.Of(db.Activities).ToQueryString(), StringComparison.Ordinal);
    }

    public void Dispose() => _database.Dispose();
}
