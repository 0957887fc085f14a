using CivicPairing.Domain.AidHouseholds;
using CivicPairing.IntegrationTests.Infrastructure;
using CivicPairing.Web.Features.AidHouseholds;
using CivicPairing.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CivicPairing.IntegrationTests;

/// <summary>
/// docs/privacy.md's retention rule (issue 15): three years after 已脱困 or closing, a household's personal fields are cleared by
/// the operator's <c>purge-households</c>; households in aid and those decided more recently keep theirs. Today is the portal's clock.
/// </summary>
public sealed class HouseholdRetentionPurge(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private Task<int> PurgeAsync() => factory.QueryAsync(db => HouseholdRetention.PurgeAsync(db, new CityClock(factory.Clock).Now, AidHousehold.RetentionYears, default));

    private Task<AidHousehold> HouseholdAsync(string head) => factory.QueryAsync(db => db.AidHouseholds.AsNoTracking().SingleAsync(h => h.HeadName == head));

    [Fact]
    public async Task ClearsTheNamesOfHouseholdsDecidedMoreThanThreeYearsAgoAndNoOthers()
    {
        // 篇11's 高小军 was lifted out of hardship this autumn; 高德顺 is still in aid.
        var lifted = await HouseholdAsync("高小军");
        Assert.Equal(AidStatus.LiftedOut, lifted.Status);
        Assert.NotNull(lifted.MemberNames ?? lifted.ResponsibleName);
        var inAid = await HouseholdAsync("高德顺");

        Assert.Equal(0, await PurgeAsync());

        // A day short of three years after the decision: still kept.
        factory.Clock.Advance(lifted.DecidedAt!.Value.AddYears(3) - factory.Clock.GetUtcNow() - TimeSpan.FromDays(1));
        Assert.Equal(0, await PurgeAsync());
        Assert.Equal("高小军", (await factory.QueryAsync(db => db.AidHouseholds.AsNoTracking().SingleAsync(h => h.Id == lifted.Id))).HeadName);

        // Two days later: its names, ID number and the responsible member's phone are gone; what the statistics need stays.
        factory.Clock.Advance(TimeSpan.FromDays(2));
        var decidedBefore = await factory.QueryAsync(db => db.AidHouseholds.CountAsync(h => h.Status != AidStatus.InAid && h.DecidedAt < lifted.DecidedAt!.Value.AddDays(1)));
        Assert.Equal(decidedBefore, await PurgeAsync());
        var purged = await factory.QueryAsync(db => db.AidHouseholds.AsNoTracking().SingleAsync(h => h.Id == lifted.Id));
        Assert.Equal((AidHousehold.AnonymisedName, null, null, AidHousehold.AnonymisedName, null),
            (purged.HeadName, purged.MemberNames, purged.IdNumberMasked, purged.ResponsibleName, purged.ResponsiblePhone));
        Assert.Equal((lifted.Status, lifted.MemberCount, lifted.Difficulties, lifted.IncomePerPerson, lifted.CommunityId, lifted.PairingId),
            (purged.Status, purged.MemberCount, purged.Difficulties, purged.IncomePerPerson, purged.CommunityId, purged.PairingId));
        var stillInAid = await factory.QueryAsync(db => db.AidHouseholds.AsNoTracking().SingleAsync(h => h.Id == inAid.Id));
        Assert.Equal((inAid.HeadName, inAid.MemberNames, inAid.ResponsibleName), (stillInAid.HeadName, stillInAid.MemberNames, stillInAid.ResponsibleName));

        // The change is audited without the names it removed; a second run finds nothing left to do.
        var audit = await factory.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "AidHousehold" && a.EntityId == lifted.Id.ToString())
            .OrderByDescending(a => a.Id).FirstAsync());
        Assert.DoesNotContain("高小军", (audit.Before ?? "") + (audit.After ?? ""), StringComparison.Ordinal);
        Assert.Equal(0, await PurgeAsync());

        using var office = await PortalClient.SignedInAsync(factory, "demo.office");
        var list = await office.GetPageAsync("/AidHouseholds");
        Assert.DoesNotContain("高小军", list, StringComparison.Ordinal);
        Assert.Contains(AidHousehold.AnonymisedName, list, StringComparison.Ordinal);
    }
}
