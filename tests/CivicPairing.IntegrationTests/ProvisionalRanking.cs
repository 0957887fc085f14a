using System.Net;
using System.Text.RegularExpressions;
using CivicPairing.IntegrationTests.Infrastructure;

namespace CivicPairing.IntegrationTests;

/// <summary>The provisional ranking, scored live from confirmed facts only.</summary>
public sealed class ProvisionalRanking(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task RanksTheUnitWithTheMostConfirmedWorkFirstAndNamesTheLaggardsWithReasons()
    {
        using var office = await PortalClient.SignedInAsync(factory, "demo.office");
        var html = await office.GetPageAsync("/Ranking?year=2026");
        var first = Regex.Match(html, "<td class=\"text-end\">1</td>\\s*<td><a href=\"/Units/Details/\\d+\">([^<]+)</a>");
        // 市司法局: a confirmed activity every month of 2026 so far with its leader, rated 5: the commended unit.
        Assert.Equal("市司法局", first.Groups[1].Value);
        Assert.Contains("<li>市司法局 <span class=\"text-muted\">", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf(">市司法局</a>", StringComparison.Ordinal) < html.IndexOf(">供电公司</a>", StringComparison.Ordinal));
        Assert.True(html.IndexOf(">供电公司</a>", StringComparison.Ordinal) < html.IndexOf(">市财政局</a>", StringComparison.Ordinal));
        Assert.Contains("<strong>太人保</strong>", html, StringComparison.Ordinal);
        // 太人保: paired with 二女桥社区 from 1 March 2026, one Saturday in April; every other month in force so far is idle.
        // A month is asked of a pairing once it has been in force for half of its days.
        var today = factory.Today;
        var monthsSoFar = Enumerable.Range(3, 10).Count(m => today.Year > 2026
            || (m < today.Month || (m == today.Month && today.Day * 2 >= DateTime.DaysInMonth(2026, m))));
        Assert.Contains($"<strong>太人保</strong> <span class=\"text-muted\">", html, StringComparison.Ordinal);
        Assert.Contains($"有 {monthsSoFar - 1} 个结对月无经确认的活动。", html, StringComparison.Ordinal);
        Assert.Contains("<strong>电信局</strong> <span class=\"text-muted\">0 · 不合格</span>", html, StringComparison.Ordinal);
        Assert.Contains("从未有经确认的活动。", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShowsALiaisonTheirOwnScorecardOnly()
    {
        using var liaison = await PortalClient.SignedInAsync(factory, "demo.liaison");
        var html = await liaison.GetPageAsync("/Ranking/Scorecard?year=2026");
        Assert.Contains("市财政局得分情况", html, StringComparison.Ordinal);
        Assert.Contains("提升建议", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await liaison.GetAsync("/Ranking?year=2026")).StatusCode);
    }

    [Fact]
    public async Task IgnoresAnAbsurdPeriod()
    {
        using var office = await PortalClient.SignedInAsync(factory, "demo.office");
        var html = await office.GetPageAsync("/Ranking?year=99999&quarter=9");
        Assert.Contains($"{factory.Today.Year}年1月1日", html, StringComparison.Ordinal);
    }
}
