using System.Globalization;
using System.Net;
using CivicPairing.Domain.Pairings;
using CivicPairing.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CivicPairing.IntegrationTests;

public sealed class AuditLog(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task ShowsWhoChangedWhatAndFiltersByRecordType()
    {
        using var client = await PortalClient.SignedInAsync(factory, "demo.office");
        await client.PostFormAsync("/Communities/Create", "/Communities/Create", new Dictionary<string, string>
        {
            ["Name"] = "南门社区", ["Kind"] = "UrbanCommunity", ["Street"] = "城厢街道", ["Households"] = "900", ["Population"] = "2700", ["PartyMemberCount"] = "60",
        });

        var html = await client.GetPageAsync("/Audit?entity=Community");
        Assert.Contains("文明办 王科长 新增了社区（村）“南门社区”", html, StringComparison.Ordinal);
        Assert.Contains("南门社区", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">单位 #", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordsWhoPublishedAReportWithoutCopyingItsFrozenScores()
    {
        using var office = await PortalClient.SignedInAsync(factory, "demo.office");
        var period = await factory.PublishYearAsync(office, 2025);

        var (scores, audited) = await factory.QueryAsync(async db => (
            await db.PublishedReports.Where(r => r.PeriodId == period.Id).Select(r => r.ScoresJson).SingleAsync(),
            await db.AuditEntries.Where(e => e.EntityType == "PublishedReport").Select(e => e.After!).ToListAsync()));
        var entry = Assert.Single(audited);
        Assert.Contains("demo.office", entry, StringComparison.Ordinal);
        Assert.DoesNotContain("ScoresJson", entry, StringComparison.Ordinal);
        Assert.True(scores.Length > entry.Length, $"the audit entry ({entry.Length} characters) holds as much as the scores ({scores.Length})");
        // The audit page opens at once on it.
        Assert.Contains("PublishedReport", await office.GetPageAsync("/Audit?entity=PublishedReport"), StringComparison.Ordinal);
    }

    /// <summary>
    /// A change reads as one sentence in Chinese: the person's name (not their login), the record's name (not its key), the
    /// field's label and its values in the UI's words, the time in the city's zone; the raw values are not on the page.
    /// </summary>
    [Fact]
    public async Task TellsAChangeAsASentenceInTheUisWords()
    {
        using var liaison = await PortalClient.SignedInAsync(factory, "demo.liaison");
        await liaison.PostFormAsync("/Pairings/Propose", "/Pairings/Propose", new Dictionary<string, string>
        {
            ["UnitId"] = (await factory.UnitIdAsync("市财政局")).ToString(), ["CommunityId"] = (await factory.CommunityIdAsync("双桥村")).ToString(),
            ["StartDate"] = "2026-11-01", ["Note"] = "村里想要法律讲座",
        });
        var proposed = await factory.PairingAsync("市财政局", "双桥村");
        using var office = await PortalClient.SignedInAsync(factory, "demo.office");
        await office.PostFormAsync($"/Pairings/Details/{proposed.Id}", $"/Pairings/Approve/{proposed.Id}", new Dictionary<string, string> { ["Version"] = proposed.Version.ToString() });
        Assert.Equal(PairingStatus.Active, (await factory.PairingAsync("市财政局", "双桥村")).Status);

        var html = await office.GetPageAsync($"/Audit?entity=Pairing&entityId={proposed.Id}");
        Assert.Contains("文明办 王科长 将结对“市财政局 ⇄ 双桥村”的状态由“待审批”改为“结对中”", html, StringComparison.Ordinal);
        Assert.Contains("新增了结对“市财政局 ⇄ 双桥村”", html, StringComparison.Ordinal);
        Assert.DoesNotContain("{&quot;Status&quot;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Status\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("demo.office", html, StringComparison.Ordinal);

        // The time as the city reads it, worked out here from the stored instant.
        var at = await factory.QueryAsync(db => db.AuditEntries.Where(e => e.EntityType == "Pairing" && e.EntityId == proposed.Id.ToString() && e.UserName == "demo.office").Select(e => e.At).SingleAsync());
        var local = TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        Assert.Contains(local.ToString("yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindsAPersonByNameAndExportsExactlyTheFilteredRows()
    {
        using var office = await PortalClient.SignedInAsync(factory, "demo.office");
        foreach (var name in new[] { "北门社区", "东关社区" })
        {
            await office.PostFormAsync("/Communities/Create", "/Communities/Create", new Dictionary<string, string>
            {
                ["Name"] = name, ["Kind"] = "UrbanCommunity", ["Street"] = "城厢街道", ["Households"] = "800", ["Population"] = "2400", ["PartyMemberCount"] = "50",
            });
        }
        var expected = await factory.QueryAsync(db => db.AuditEntries.CountAsync(e => e.EntityType == "Community" && e.UserName == "demo.office"));
        Assert.True(expected >= 2);

        var page = await office.GetPageAsync("/Audit?entity=Community&user=王科长");
        Assert.Contains("新增了社区（村）“北门社区”", page, StringComparison.Ordinal);
        Assert.Contains("新增了社区（村）“东关社区”", page, StringComparison.Ordinal);
        Assert.Contains("<span class=\"badge text-bg-secondary align-middle fs-6\">" + expected + "</span>", page, StringComparison.Ordinal);

        var response = await office.GetAsync("/Audit/Export?format=csv&entity=Community&user=%E7%8E%8B%E7%A7%91%E9%95%BF");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("变更内容", lines[0], StringComparison.Ordinal);
        Assert.Equal(expected, lines.Length - 1);
        Assert.Contains(lines, l => l.Contains("文明办 王科长 新增了社区（村）“北门社区”", StringComparison.Ordinal) && l.Contains("demo.office", StringComparison.Ordinal));
        // Nobody else's changes: the secretary's are not in the office's export.
        Assert.DoesNotContain(lines, l => l.Contains("demo.secretary", StringComparison.Ordinal));
    }
}
