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
        // Demo city: 35 confirmed activities — 5 of the cases' units (67 people, 254 hours) and the monthly ones of
        // 市司法局 (11 × 8 people), 供电公司 (8 × 30) and 市检察院 (11 × 12), 6 hours a person; the two waiting for
        // 金墩社区 and the disputed visit do not count.
        using var office = await PortalClient.SignedInAsync(factory, "demo.office");
        var html = await office.GetPageAsync("/");
        var confirmed = await factory.QueryAsync(db => db.Activities.Where(a => a.Status == CivicPairing.Domain.Activities.ActivityStatus.Confirmed)
            .Select(a => new { a.PeopleSent, a.PersonHours }).ToListAsync());
        Assert.Equal(35, confirmed.Count);
        Assert.Equal(67 + 11 * 8 + 8 * 30 + 11 * 12, confirmed.Sum(a => a.PeopleSent));
        Assert.Matches("<div class=\"stat-value\">35</div><div class=\"stat-label\">次活动</div>", html);
        Assert.Matches($"<div class=\"stat-value\">{67 + 11 * 8 + 8 * 30 + 11 * 12}</div><div class=\"stat-label\">人次出动</div>", html);
        Assert.Matches($"<div class=\"stat-value\">{(254 + 6 * (11 * 8 + 8 * 30 + 11 * 12)).ToString("#,0", System.Globalization.CultureInfo.InvariantCulture)}</div><div class=\"stat-label\">工时（人·小时）</div>", html);
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
}
