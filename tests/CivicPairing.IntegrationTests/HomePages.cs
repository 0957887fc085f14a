using CivicPairing.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CivicPairing.IntegrationTests;

/// <summary>Each role's home page opens on what needs them now; the counts are the demo city's, counted by hand.</summary>
public sealed class HomePages(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task OfficeSeesTheProposalWaitingForItsDecision()
    {
        using var office = await PortalClient.SignedInAsync(factory, "demo.office");
        var html = await office.GetPageAsync("/");
        Assert.Contains("<strong class=\"needs-count\">1</strong> 个结对申请等待审批", html, StringComparison.Ordinal); // 市第一人民医院 ⇄ 柳湾村
        Assert.DoesNotContain("份已签字协议等待备案", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OfficeTotalsCountConfirmedWorkOnly()
    {
        // Demo city: 36 confirmed activities — 5 of the cases' units (67 people, 254 hours), 市供销社's visit to an aid household
        // of 高岗村 (2 people, 4 hours, 800 yuan) and the monthly ones of
        // 市司法局 (11 × 8 people), 供电公司 (8 × 30) and 市检察院 (11 × 12), 6 hours a person; the two waiting for
        // 金墩社区 and the disputed visit do not count.
        using var office = await PortalClient.SignedInAsync(factory, "demo.office");
        var html = await office.GetPageAsync("/?year=2026");
        var confirmed = await factory.QueryAsync(db => db.Activities.Where(a => a.Status == CivicPairing.Domain.Activities.ActivityStatus.Confirmed)
            .Select(a => new { a.PeopleSent, a.PersonHours }).ToListAsync());
        Assert.Equal(36, confirmed.Count);
        Assert.Equal(67 + 2 + 11 * 8 + 8 * 30 + 11 * 12, confirmed.Sum(a => a.PeopleSent));
        Assert.Contains("data-figure=\"confirmed-period\">36</div>", html, StringComparison.Ordinal);
        Assert.Contains($"data-figure=\"people\">{67 + 2 + 11 * 8 + 8 * 30 + 11 * 12}</div>", html, StringComparison.Ordinal);
        Assert.Contains($"data-figure=\"hours\">{(254 + 4 + 6 * (11 * 8 + 8 * 30 + 11 * 12)).ToString("#,0", System.Globalization.CultureInfo.InvariantCulture)}</div>", html, StringComparison.Ordinal);
        Assert.Contains("data-figure=\"funds\">¥40,800.00</div>", html, StringComparison.Ordinal); // 篇7's gift to 西焉村 and 市供销社's 800 yuan to 高德顺's family
    }

    [Fact]
    public async Task SecretarySeesTheTaskWaitingForConfirmation()
    {
        using var secretary = await PortalClient.SignedInAsync(factory, "demo.secretary");
        var html = await secretary.GetPageAsync("/");
        Assert.Contains("<strong class=\"needs-count\">1</strong> 项任务已报告完成，等待您确认", html, StringComparison.Ordinal); // 修建垃圾池一座
        Assert.DoesNotContain("等待您签字", html, StringComparison.Ordinal); // 水巷社区's agreement is not hers
    }

    [Fact]
    public async Task LiaisonIsNotAskedToDecideOrSignWhenNothingWaits()
    {
        using var liaison = await PortalClient.SignedInAsync(factory, "demo.liaison");
        var html = await liaison.GetPageAsync("/");
        Assert.Contains("待办事项", html, StringComparison.Ordinal);
        Assert.DoesNotContain("个结对申请等待审批", html, StringComparison.Ordinal);
        Assert.DoesNotContain("等待您签字", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OfficeDashboardFiguresMatchCountsOfTheRowsBehindThem()
    {
        var today = factory.Today;
        var since30 = today.AddDays(-30);
        var since60 = today.AddDays(-60);
        var expected = await factory.QueryAsync(async db =>
        {
            var active = await db.Pairings.Where(p => p.Status == CivicPairing.Domain.Pairings.PairingStatus.Active).Select(p => new { p.Id, p.StartDate }).ToListAsync();
            var lastConfirmed = (await db.Activities.Where(a => a.Status == CivicPairing.Domain.Activities.ActivityStatus.Confirmed).Select(a => new { a.PairingId, a.Date }).ToListAsync())
                .GroupBy(a => a.PairingId).ToDictionary(g => g.Key, g => g.Max(a => a.Date));
            bool Idle(int id, DateOnly start, DateOnly since) => start <= since && !(lastConfirmed.TryGetValue(id, out var last) && last > since);
            var tasks = await db.AgreementTasks.Where(t => t.Agreement!.Status == CivicPairing.Domain.Agreements.AgreementStatus.Filed)
                .Select(t => new { t.Status, t.DueDate }).ToListAsync();
            return new
            {
                Active = active.Count,
                Idle30 = active.Count(p => Idle(p.Id, p.StartDate, since30)),
                Idle60 = active.Count(p => Idle(p.Id, p.StartDate, since60)),
                Overdue = tasks.Count(t => t.Status is CivicPairing.Domain.Agreements.AgreementTaskStatus.Open or CivicPairing.Domain.Agreements.AgreementTaskStatus.ReportedDone && t.DueDate < today),
            };
        });
        using var office = await PortalClient.SignedInAsync(factory, "demo.office");
        var html = await office.GetPageAsync("/");
        Assert.Contains($"data-figure=\"active-pairings\">{expected.Active}</div>", html, StringComparison.Ordinal);
        Assert.Matches($"<li data-alert=\"idle30\"><a href=\"/Pairings\\?idleDays=30\">[^<]+</a><span class=\"alert-count[^\"]*\">{expected.Idle30}</span>", html);
        Assert.Matches($"<li data-alert=\"idle60\">.*?>{expected.Idle60}</span>", html);
        Assert.Matches($"<li data-alert=\"overdue\">.*?>{expected.Overdue}</span>", html);
        Assert.Contains("市财政局（1）", html, StringComparison.Ordinal); // missed the joint meeting of 金墩社区

        // The list behind the idle alert holds exactly the pairings counted.
        var idleList = await office.GetPageAsync("/Pairings?idleDays=30");
        Assert.Contains($"<span class=\"badge text-bg-secondary align-middle fs-6\">{expected.Idle30}</span>", idleList, StringComparison.Ordinal);

        // The charts' tables: by month sums to the year's confirmed activities; each category links to its list.
        var monthValues = System.Text.RegularExpressions.Regex.Matches(html[html.IndexOf("data-chart-for=\"monthly\"", StringComparison.Ordinal)..html.IndexOf("data-chart-for=\"category\"", StringComparison.Ordinal)],
            "<td class=\"text-end\" data-value=\"(\\d+)\">\\d+</td>\\s*<td");
        Assert.Equal(36, monthValues.Sum(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains("/Activities?status=Confirmed&amp;category=EnvironmentalCleanup&amp;from=2026-01-01&amp;to=2026-12-31", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/?street=%E4%B8%8D%E5%AD%98%E5%9C%A8%E7%9A%84%E8%A1%97%E9%81%93", "没有名为“不存在的街道”的街道（乡镇），已显示全市数据。")]
    [InlineData("/?year=99999&quarter=7", "所选期间无效")]
    [InlineData("/?year=abc", "2026年度")]
    public async Task OfficeDashboardIgnoresUnknownFiltersWithANotice(string url, string expected)
    {
        using var office = await PortalClient.SignedInAsync(factory, "demo.office");
        Assert.Contains(expected, await office.GetPageAsync(url), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OfficeDashboardShowsAnEmptyStateInsteadOfEmptyCharts()
    {
        using var office = await PortalClient.SignedInAsync(factory, "demo.office");
        var html = await office.GetPageAsync("/?year=2019");
        Assert.Contains("本期暂无经确认的活动，暂无图表。", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-chart=\"monthly\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecretaryHomeCountsHerInboxAndRatings()
    {
        using var secretary = await PortalClient.SignedInAsync(factory, "demo.secretary");
        var html = await secretary.GetPageAsync("/");
        // 金墩社区: 市农行's consultation and 市住建局's kerb repair wait; she rated 5, 4 and 4.
        Assert.Contains("<span data-figure=\"inbox\">2</span>", html, StringComparison.Ordinal);
        Assert.Contains("平均4.3分", html, StringComparison.Ordinal);
        Assert.Contains("市农行 · 金融知识和防范非法集资咨询", html, StringComparison.Ordinal);
        Assert.Contains("市财政局 · 修建垃圾池一座", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LiaisonHomeShowsTheUnitsScoreAndWorkToDo()
    {
        using var liaison = await PortalClient.SignedInAsync(factory, "demo.liaison");
        var html = await liaison.GetPageAsync("/");
        Assert.Contains("log-activity-first", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("log-activity-first", StringComparison.Ordinal) < html.IndexOf("<h1", StringComparison.Ordinal));
        Assert.Contains("data-figure=\"disputed\">1</div>", html, StringComparison.Ordinal); // 走访慰问困难家庭
        Assert.Contains("data-figure=\"tasks-overdue\">2</div>", html, StringComparison.Ordinal);
        Assert.Matches("data-figure=\"score\">\\d+(\\.\\d)?</div>", html);
        Assert.Contains("金墩社区", html, StringComparison.Ordinal);
    }
}
