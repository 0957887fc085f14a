using System.Net;
using CivicPairing.Domain.Agreements;
using CivicPairing.IntegrationTests.Infrastructure;
using CivicPairing.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CivicPairing.IntegrationTests;

public sealed class TaskWorkflow(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private Task<AgreementTask> TaskAsync(string agreement, int number) =>
        factory.QueryAsync(db => db.AgreementTasks.AsNoTracking().Include(t => t.Events).SingleAsync(t => t.Agreement!.Number == agreement && t.Agreement.VersionNumber == 1 && t.Number == number));

    private static async Task<HttpResponseMessage> ActAsync(PortalClient client, AgreementTask task, string action, Dictionary<string, string>? fields = null) =>
        await client.PostFormAsync($"/Tasks/Details/{task.Id}", $"/Tasks/{action}/{task.Id}",
            new Dictionary<string, string>(fields ?? []) { ["version"] = task.Version.ToString() });

    [Fact]
    public async Task SecretaryConfirmsAReportedTaskOnceOnly()
    {
        using var secretary = await PortalClient.SignedInAsync(factory, "demo.secretary");
        var task = await TaskAsync("JD-2026-001", 2);
        Assert.Equal(AgreementTaskStatus.ReportedDone, task.Status);
        Assert.Contains("垃圾池已于9月底建成", await secretary.GetPageAsync($"/Tasks/Details/{task.Id}"), StringComparison.Ordinal);

        await ActAsync(secretary, task, "Confirm");
        var confirmed = await TaskAsync("JD-2026-001", 2);
        Assert.Equal((AgreementTaskStatus.Confirmed, "demo.secretary"), (confirmed.Status, confirmed.ConfirmedBy));

        var twice = await ActAsync(secretary, confirmed, "Confirm");
        Assert.Contains("此任务已经确认过了。", await secretary.GetPageAsync(twice.Headers.Location!.OriginalString), StringComparison.Ordinal);
        Assert.Single((await TaskAsync("JD-2026-001", 2)).Events, e => e.To == AgreementTaskStatus.Confirmed);
    }

    [Fact]
    public async Task ReturnedTaskGoesBackToTheUnitWithTheReasonAndCanBeReportedAgain()
    {
        using var liaison = await PortalClient.SignedInAsync(factory, "demo.liaison");
        using var secretary = await PortalClient.SignedInAsync(factory, "demo.secretary");
        var open = await TaskAsync("JD-2026-001", 3);

        var empty = await ActAsync(liaison, open, "Report", new() { ["note"] = "  " });
        Assert.Contains("请说明完成情况。", await liaison.GetPageAsync(empty.Headers.Location!.OriginalString), StringComparison.Ordinal);

        await ActAsync(liaison, open, "Report", new() { ["note"] = "已修复窨井盖12处" });
        var reported = await TaskAsync("JD-2026-001", 3);
        Assert.Equal(AgreementTaskStatus.ReportedDone, reported.Status);

        await ActAsync(secretary, reported, "Return", new() { ["reason"] = "路灯还有3盏未修" });
        var returned = await TaskAsync("JD-2026-001", 3);
        Assert.Equal((AgreementTaskStatus.Open, "路灯还有3盏未修"), (returned.Status, returned.ReturnReason));
        Assert.Contains("路灯还有3盏未修", await liaison.GetPageAsync($"/Tasks/Details/{returned.Id}"), StringComparison.Ordinal);

        await ActAsync(liaison, returned, "Report", new() { ["note"] = "路灯已全部修好" });
        Assert.Equal(AgreementTaskStatus.ReportedDone, (await TaskAsync("JD-2026-001", 3)).Status);
    }

    [Fact]
    public async Task OnlyTheOwnCommunityConfirmsAndOnlyTheOwnUnitReports()
    {
        var tangboId = await factory.CommunityIdAsync("汤泊社区");
        using (var admin = await PortalClient.SignedInAsync(factory, "demo.admin"))
        {
            await admin.PostFormAsync("/Users/Create", "/Users/Create", new Dictionary<string, string>
            {
                ["UserName"] = "tangbo.sec", ["DisplayName"] = "汤泊 书记", ["Role"] = "CommunitySecretary", ["CommunityId"] = tangboId.ToString(), ["Password"] = "Tangbo@2026x",
            });
        }
        var task = await TaskAsync("JD-2026-001", 4);
        using var stranger = await PortalClient.FirstSignInAsync(factory, "tangbo.sec", "Tangbo@2026x");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/Tasks/Details/{task.Id}")).StatusCode);
        var token = PortalClient.TokenFrom(await stranger.GetPageAsync("/Tasks"));
        var post = await stranger.PostWithTokenAsync($"/Tasks/Confirm/{task.Id}", [KeyValuePair.Create("version", task.Version.ToString())], token);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);

        using var secretary = await PortalClient.SignedInAsync(factory, "demo.secretary");
        Assert.Equal(HttpStatusCode.Forbidden, (await ActAsync(secretary, task, "Report", new() { ["note"] = "冒充单位" })).StatusCode);
        using var liaison = await PortalClient.SignedInAsync(factory, "demo.liaison");
        Assert.Equal(HttpStatusCode.Forbidden, (await ActAsync(liaison, task, "Confirm")).StatusCode);
        Assert.Equal(AgreementTaskStatus.Open, (await TaskAsync("JD-2026-001", 4)).Status);
    }

    [Fact]
    public async Task ListsOverdueTasksForTheLiaison()
    {
        using var liaison = await PortalClient.SignedInAsync(factory, "demo.liaison");
        var today = factory.Today;
        var expected = await factory.QueryAsync(db => db.AgreementTasks
            .Where(t => t.Agreement!.Pairing!.Unit!.Name == "市财政局" && t.Agreement.Status == AgreementStatus.Filed
                && (t.Status == AgreementTaskStatus.Open || t.Status == AgreementTaskStatus.ReportedDone) && t.DueDate < today)
            .Select(t => t.Title).ToListAsync());
        Assert.NotEmpty(expected);
        var html = await liaison.GetPageAsync("/Tasks?overdue=true");
        Assert.Contains($"<span class=\"badge text-bg-secondary align-middle fs-6\">{expected.Count}</span>", html, StringComparison.Ordinal);
        Assert.All(expected, title => Assert.Contains(title, html, StringComparison.Ordinal));
        Assert.DoesNotContain("开展文明创建宣传教育", await liaison.GetPageAsync("/Tasks"), StringComparison.Ordinal); // another unit's
    }
}
