using CivicPairing.IntegrationTests.Infrastructure;

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
        // Demo city: five confirmed activities (38+12+8+3+6 people, 152+36+48+6+12 hours); two waiting and one disputed do not count.
        using var office = await PortalClient.SignedInAsync(factory, "demo.office");
        var html = await office.GetPageAsync("/");
        Assert.Matches("<div class=\"stat-value\">5</div><div class=\"stat-label\">次活动</div>", html);
        Assert.Matches("<div class=\"stat-value\">67</div><div class=\"stat-label\">人次出动</div>", html);
        Assert.Matches("<div class=\"stat-value\">254</div><div class=\"stat-label\">工时（人·小时）</div>", html);
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
