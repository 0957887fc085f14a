using System.Net;
using CivicPairing.Domain.Activities;
using CivicPairing.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CivicPairing.IntegrationTests;

/// <summary>What a person sees on the pages they use every day: names not logins, no link they cannot follow, nothing offered that makes no sense.</summary>
public sealed class EverydayPages(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task ALiaisonsCommunityPageLinksOnlyThePagesTheLiaisonMayOpen()
    {
        using var liaison = await PortalClient.SignedInAsync(factory, "demo.liaison");
        var community = await factory.CommunityIdAsync("金墩社区");
        var own = await factory.UnitIdAsync("市财政局");
        var other = await factory.UnitIdAsync("市公安局");

        var page = await liaison.GetPageAsync($"/Communities/Details/{community}");
        Assert.Contains($"href=\"/Units/Details/{own}\"", page, StringComparison.Ordinal);
        Assert.Contains("市公安局", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/Units/Details/{other}\"", page, StringComparison.Ordinal);
        // The link would have led nowhere: another unit's page is not the liaison's to open.
        Assert.Equal(HttpStatusCode.NotFound, (await liaison.GetAsync($"/Units/Details/{other}")).StatusCode);
    }

    [Fact]
    public async Task HistoriesNameThePeopleNotTheirLogins()
    {
        using var office = await PortalClient.SignedInAsync(factory, "demo.office");
        var pairing = await factory.PairingAsync("市财政局", "金墩社区");
        Assert.Contains(pairing.Events, e => e.Actor == "demo.office");

        var page = await office.GetPageAsync($"/Pairings/Details/{pairing.Id}");
        Assert.Contains("· 文明办 王科长", page, StringComparison.Ordinal);
        Assert.DoesNotContain("demo.office", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADisputedActivityIsInTheLiaisonsToDoList()
    {
        using var liaison = await PortalClient.SignedInAsync(factory, "demo.liaison");
        var unit = await factory.UnitIdAsync("市财政局");
        var disputed = await factory.QueryAsync(db => db.Activities.CountAsync(a => a.Pairing!.UnitId == unit && a.Status == ActivityStatus.Disputed));
        Assert.True(disputed > 0, "the demo has a disputed activity of 市财政局");

        var home = await liaison.GetPageAsync("/");
        var todo = home[home.IndexOf("needs-me", StringComparison.Ordinal)..];
        Assert.Contains($"<strong class=\"needs-count\">{disputed}</strong> 项活动被社区提出异议：请更正后重新提交", todo, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APairingWithAnAgreementInForceIsNotOfferedAnotherDraft()
    {
        using var liaison = await PortalClient.SignedInAsync(factory, "demo.liaison");
        var pairing = await factory.PairingAsync("市财政局", "金墩社区");
        var filed = await factory.QueryAsync(db => db.Agreements.SingleAsync(a => a.PairingId == pairing.Id));
        Assert.True(filed.FiledOn is not null && filed.EndDate > new DateOnly(2027, 1, 1), "the demo's agreement is in force into 2027");

        var page = await liaison.GetPageAsync($"/Pairings/Details/{pairing.Id}");
        Assert.DoesNotContain("/Agreements/Create", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Agreements/Details/{filed.Id}\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAgreementListsOnlyTheMeetingsItPromises()
    {
        using var office = await PortalClient.SignedInAsync(factory, "demo.office");
        var pairing = await factory.PairingAsync("淮文外国语学校", "状元府");
        var agreement = await factory.QueryAsync(db => db.Agreements.SingleAsync(a => a.PairingId == pairing.Id));
        Assert.Equal((0, 0, 1), (agreement.VisitsPerMonth, agreement.CoordinationMeetingsPerQuarter, agreement.JointMeetingsPerHalfYear));

        var page = await office.GetPageAsync($"/Agreements/Details/{agreement.Id}");
        Assert.Contains("<dd>每半年联席会议1次</dd>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("0次", page, StringComparison.Ordinal);
    }
}
