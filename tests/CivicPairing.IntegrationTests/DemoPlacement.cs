using System.Globalization;
using CivicPairing.Domain.Agreements;
using CivicPairing.Domain.Pairings;
using CivicPairing.IntegrationTests.Infrastructure;
using CivicPairing.Web.Features.Home;
using Microsoft.EntityFrameworkCore;

namespace CivicPairing.IntegrationTests;

/// <summary>
/// The demo city is placed relative to the portal's today: seeded on any day of the coming years, it is the same
/// city — nothing in the future, nothing overdue or expired that was not so on the day the scenario is written for.
/// </summary>
public sealed class DemoPlacement
{
    [Theory]
    [InlineData("2026-11-24T10:00:00+08:00")] // the scenario's own day
    [InlineData("2027-01-01T00:30:00+08:00")] // a new year, a month and a week later
    [InlineData("2027-06-01T10:00:00+08:00")]
    [InlineData("2030-02-28T10:00:00+08:00")]
    [InlineData("2031-12-23T23:30:00+08:00")] // the day before the anchor's day of the month
    public async Task TheDemoCityIsTheSameCityWhateverTheDate(string instant)
    {
        using var factory = new PortalFactory();
        factory.Clock.SetUtcNow(DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture));
        var today = factory.Today;

        var state = await factory.QueryAsync(async db => new
        {
            LatestActivity = await db.Activities.MaxAsync(a => a.Date),
            LatestSubmission = (await db.Activities.Select(a => a.SubmittedAt).ToListAsync()).Max(),
            FutureStarts = await db.Pairings.Where(p => p.Status != PairingStatus.Proposed && p.StartDate > today).CountAsync(),
            Agreements = await db.Agreements.AsNoTracking().Include(a => a.Tasks).ToListAsync(),
            Case4Start = await db.Pairings.Where(p => p.Unit!.Name == "淮文外国语学校").Select(p => p.StartDate).SingleAsync(),
        });

        Assert.True(state.LatestActivity <= today, $"an activity on {state.LatestActivity} is after today {today}");
        Assert.True(state.LatestSubmission <= factory.Clock.GetUtcNow());
        Assert.Equal(0, state.FutureStarts);
        // 篇4 is history as its source wrote it; the current agreements are in force or waiting, never expired.
        Assert.Equal(new DateOnly(2017, 5, 1), state.Case4Start);
        var case4 = state.Agreements.Single(a => a.Number == "JD-2017-001");
        Assert.Equal((new DateOnly(2017, 5, 1), new DateOnly(2018, 12, 31), AgreementStatus.Expired), (case4.StartDate, case4.EndDate, case4.EffectiveStatus(today)));
        var current = state.Agreements.Where(a => a != case4).ToList();
        Assert.Equal([AgreementStatus.Filed, AgreementStatus.SignedByUnit], current.OrderBy(a => a.Number).Select(a => a.EffectiveStatus(today)));
        // 金墩社区's agreement: the garbage pit reported late and the manhole covers overdue, as on the scenario's day.
        var jindun = current.Single(a => a.Status == AgreementStatus.Filed);
        Assert.Equal(["修建垃圾池一座", "修复窨井盖和路灯"], jindun.Tasks.OrderBy(t => t.Number).Where(t => t.IsOverdue(today)).Select(t => t.Title));
        Assert.True(jindun.EndDate.DayNumber - today.DayNumber > Dashboards.ExpiringWithinDays, "the agreement in force is not about to expire");

        // And the pages that count them work on that day.
        using var liaison = await PortalClient.SignedInAsync(factory, "demo.liaison");
        Assert.Contains("data-figure=\"tasks-overdue\">2</div>", await liaison.GetPageAsync("/"), StringComparison.Ordinal);
    }
}
