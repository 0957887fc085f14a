using CivicPairing.Domain.Activities;
using CivicPairing.Domain.Needs;
using CivicPairing.Web.Seeding;
using Microsoft.EntityFrameworkCore;

namespace CivicPairing.UnitTests.Web;

/// <summary>The generator's world: the scale's counts, rows the portal's own rules would accept, the same rows for the same seed.</summary>
public sealed class SyntheticWorld
{
    private static async Task<(TestDatabase Database, List<Activity> Activities)> GenerateAsync(int seed)
    {
        var database = new TestDatabase();
        await new SyntheticData(database.Db, seed, SyntheticScale.City, TextWriter.Null).RunAsync(CancellationToken.None);
        database.Db.ChangeTracker.Clear();
        var activities = await database.Db.Activities.AsNoTracking().Include(a => a.Pairing!.Unit).OrderBy(a => a.Id).ToListAsync();
        return (database, activities);
    }

    [Fact]
    public async Task MakesAFewAidHouseholdsForEachPairedVillageThatTheRulesWouldAccept()
    {
        var (database, _) = await GenerateAsync(seed: 5);
        using (database)
        {
            var db = database.Db;
            var households = await db.AidHouseholds.AsNoTracking().Include(h => h.Pairing).Include(h => h.Community).Include(h => h.Measures).Include(h => h.Evidence).ToListAsync();
            Assert.NotEmpty(households);
            Assert.All(households, h =>
            {
                Assert.Equal(CivicPairing.Domain.Registry.CommunityKind.Village, h.Community!.Kind);
                Assert.Equal(h.CommunityId, h.Pairing!.CommunityId);
                Assert.InRange(h.Measures.Count, 2, 4);
                Assert.Equal(h.Status == CivicPairing.Domain.AidHouseholds.AidStatus.LiftedOut, h.Evidence.Count == 1);
            });
            var villages = await db.Communities.CountAsync(c => c.Kind == CivicPairing.Domain.Registry.CommunityKind.Village);
            Assert.InRange(households.GroupBy(h => h.CommunityId).Count(), 1, villages);
            Assert.All(households.GroupBy(h => h.CommunityId), g => Assert.InRange(g.Count(), 2, 4));
            // Read back through the one rule of "plan overdue" without error, and some plans are late.
            Assert.True(await db.AidHouseholds.CountAsync(CivicPairing.Domain.AidHouseholds.AidHousehold.PlanOverdueOn(SyntheticData.LastDay)) > 0);
        }
    }

    [Fact]
    public async Task FillsTheCityScale()
    {
        var (database, activities) = await GenerateAsync(seed: 3);
        using (database)
        {
            Assert.Equal(SyntheticScale.City.Units, await database.Db.Units.CountAsync());
            Assert.Equal(SyntheticScale.City.Communities, await database.Db.Communities.CountAsync());
            Assert.Equal(SyntheticScale.City.Pairings, await database.Db.Pairings.CountAsync());
            Assert.Equal(SyntheticScale.City.Pairings * SyntheticScale.City.TasksPerAgreement, await database.Db.AgreementTasks.CountAsync());
            Assert.Equal(SyntheticScale.City.Activities, activities.Count);
            // Every community has at least one unit at this scale (there are more pairings than communities).
            Assert.Equal(SyntheticScale.City.Communities, await database.Db.Pairings.Select(p => p.CommunityId).Distinct().CountAsync());
        }
    }

    [Fact]
    public async Task MakesNeedsAndFundingRequestsTheRulesWouldAccept()
    {
        var (database, _) = await GenerateAsync(seed: 5);
        using (database)
        {
            var needs = await database.Db.Needs.AsNoTracking().ToListAsync();
            Assert.Equal(2 * SyntheticScale.City.Communities, needs.Count);
            Assert.All(needs, n =>
            {
                Assert.Equal(n.Status is NeedStatus.Taken or NeedStatus.ReportedDone or NeedStatus.Rated, n.TakenByUnitId is not null);
                Assert.Equal(n.Status == NeedStatus.Rated, n.Rating is >= 1 and <= 5);
                Assert.True(n.TakenAt is null || n.TakenAt >= n.PostedAt);
            });
            Assert.Contains(needs, n => n.Status == NeedStatus.Published);
            var requests = await database.Db.FundingRequests.AsNoTracking().Include(r => r.Lines).Include(r => r.Pledges).Include(r => r.Payments).ToListAsync();
            Assert.Equal(SyntheticScale.City.Communities / 4, requests.Count);
            Assert.All(requests, r =>
            {
                Assert.Equal(r.Amount, r.Lines.Sum(l => l.Amount));
                Assert.Equal(r.Pledged, r.Pledges.Sum(p => p.Amount));
                Assert.Equal(r.Paid, r.Payments.Sum(p => p.Amount));
                Assert.InRange(r.Paid, 0, r.Pledged);
                Assert.InRange(r.Pledged, 0, r.Amount);
            });
            Assert.Contains(requests, r => r.Paid > 0);
        }
    }

    [Fact]
    public async Task MakesActivitiesThePortalsRulesWouldAccept()
    {
        var (database, activities) = await GenerateAsync(seed: 4);
        using (database)
        {
            Assert.All(activities, a =>
            {
                Assert.InRange(a.Date, SyntheticData.FirstDay, SyntheticData.LastDay);
                Assert.True(a.Date >= a.Pairing!.StartDate);
                Assert.InRange(a.PeopleSent, 1, a.Pairing.Unit!.StaffCount);
                Assert.InRange(a.PersonHours, 0, a.PeopleSent * 24m);
                Assert.Equal(a.Status == ActivityStatus.Confirmed, a.Rating is >= 1 and <= 5);
            });
            Assert.InRange(activities.Count(a => a.Status == ActivityStatus.Confirmed) / (double)activities.Count, 0.8, 0.9);
        }
    }

    [Fact]
    public async Task GivesTheSameRowsForTheSameSeedAndOthersForAnother()
    {
        static string Fingerprint(List<Activity> list) => string.Join("|", list.Select(a => $"{a.Id},{a.PairingId},{a.Date},{a.Title},{a.PeopleSent},{a.Status},{a.Rating}"));
        var (first, a) = await GenerateAsync(seed: 5);
        var (second, b) = await GenerateAsync(seed: 5);
        var (third, c) = await GenerateAsync(seed: 6);
        using (first)
        using (second)
        using (third)
        {
            Assert.Equal(Fingerprint(a), Fingerprint(b));
            Assert.NotEqual(Fingerprint(a), Fingerprint(c));
        }
    }

    [Fact]
    public async Task RefusesADatabaseThatHoldsData()
    {
        var (database, _) = await GenerateAsync(seed: 8);
        using (database)
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => new SyntheticData(database.Db, 8, SyntheticScale.City, TextWriter.Null).RunAsync(CancellationToken.None));
        }
    }
}
