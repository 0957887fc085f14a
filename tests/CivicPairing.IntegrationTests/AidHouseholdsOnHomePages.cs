using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using CivicPairing.Domain.Activities;
using CivicPairing.Domain.AidHouseholds;
using CivicPairing.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CivicPairing.IntegrationTests;

/// <summary>
/// 一户一方案 on the home pages (issue 15): the secretary sees her community's households in aid, plans overdue and the
/// visits of the last 90 days; the liaison the households her unit helps. Counts only, each leading to the list that holds
/// exactly those rows.
/// </summary>
public sealed partial class AidHouseholdsOnHomePages(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static int Count(string html, string css) =>
        int.Parse(Regex.Match(html, $"class=\"{css}[^\"]*\"[^>]*>[^<\\d]*(\\d+)").Groups[1].Value, CultureInfo.InvariantCulture);

    private static string Href(string html, string css) =>
        WebUtility.HtmlDecode(Regex.Match(html, $"<a (?=[^>]*class=\"{css})[^>]*href=\"([^\"]+)\"").Groups[1].Value);

    private static int Badge(string html) =>
        int.Parse(Regex.Match(html, "badge text-bg-secondary align-middle fs-6\">([\\d,]+)<").Groups[1].Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);

    [Fact]
    public async Task TheSecretarySeesHerCommunitysHouseholdsPlansOverdueAndRecentVisitsAsCountsLeadingToTheirLists()
    {
        // A second measure of 钱月娥's plan, a month late, so one plan is overdue.
        var today = factory.Today;
        await factory.QueryAsync(async db =>
        {
            var household = await db.AidHouseholds.Include(h => h.Measures).SingleAsync(h => h.HeadName == "钱月娥");
            household.AddMeasure("办理医保参保登记", today.AddDays(-30), today.AddDays(-60));
            return await db.SaveChangesAsync();
        });
        var jindun = await factory.CommunityIdAsync("金墩社区");
        var since = today.AddDays(-90);
        var (inAid, overdue, visits) = await factory.QueryAsync(async db => (
            await db.AidHouseholds.CountAsync(h => h.CommunityId == jindun && h.Status == AidStatus.InAid),
            await db.AidHouseholds.CountAsync(h => h.CommunityId == jindun && h.Status == AidStatus.InAid && h.Measures.Any(m => m.DoneOn == null && m.TargetDate < today)),
            await db.Activities.CountAsync(a => a.Pairing!.CommunityId == jindun && a.AidHouseholdId != null && a.Status == ActivityStatus.Confirmed && a.Date >= since)));
        Assert.Equal((1, 1), (inAid, overdue));

        using var secretary = await PortalClient.SignedInAsync(factory, "demo.secretary");
        var home = await secretary.GetPageAsync("/");
        Assert.Equal((inAid, overdue, visits), (Count(home, "aid-in-aid"), Count(home, "aid-overdue"), Count(home, "aid-visits")));
        Assert.DoesNotContain("钱月娥", home, StringComparison.Ordinal);

        var list = await secretary.GetPageAsync(Href(home, "aid-in-aid"));
        Assert.Equal(inAid, Badge(list));
        Assert.Contains("钱月娥", list, StringComparison.Ordinal);
        Assert.Equal(overdue, Badge(await secretary.GetPageAsync(Href(home, "aid-overdue"))));
        var visitsHref = Href(home, "aid-visits");
        Assert.Contains("aidVisits=true", visitsHref, StringComparison.Ordinal);
        Assert.Equal(visits, Badge(await secretary.GetPageAsync(visitsHref)));
    }

    [Fact]
    public async Task TheLiaisonSeesTheHouseholdsHerUnitHelpsAndNoVisitsCount()
    {
        var unit = await factory.UnitIdAsync("市财政局");
        var today = factory.Today;
        var (inAid, overdue) = await factory.QueryAsync(async db => (
            await db.AidHouseholds.CountAsync(h => h.Pairing!.UnitId == unit && h.Status == AidStatus.InAid),
            await db.AidHouseholds.CountAsync(h => h.Pairing!.UnitId == unit && h.Status == AidStatus.InAid && h.Measures.Any(m => m.DoneOn == null && m.TargetDate < today))));
        Assert.True(inAid > 0);

        using var liaison = await PortalClient.SignedInAsync(factory, "demo.liaison");
        var home = await liaison.GetPageAsync("/");
        Assert.Equal((inAid, overdue), (Count(home, "aid-in-aid"), Count(home, "aid-overdue")));
        Assert.DoesNotContain("aid-visits", home, StringComparison.Ordinal);
        Assert.Equal(inAid, Badge(await liaison.GetPageAsync(Href(home, "aid-in-aid"))));

        // The office has its own overview (by street), not this panel.
        using var office = await PortalClient.SignedInAsync(factory, "demo.office");
        Assert.DoesNotContain("aid-panel", await office.GetPageAsync("/"), StringComparison.Ordinal);
    }
}
