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
        Assert.Contains("demo.office", html, StringComparison.Ordinal);
        Assert.Contains("新增", html, StringComparison.Ordinal);
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
}
