using System.Net;
using CivicPairing.IntegrationTests.Infrastructure;
using CivicPairing.Web.Features.Ranking;
using Microsoft.EntityFrameworkCore;

namespace CivicPairing.IntegrationTests;

/// <summary>
/// The ranking tables (the office's published report, its public notice and the provisional ranking) find a unit by part
/// of its name and show it with its rank in the whole ranking (the commended units and laggards are paged on their own: LaggardPages).
/// </summary>
public sealed class RankingTables(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static string Row(SnapshotRow row) => $"<td class=\"text-end\">{row.Rank}</td><td>";

    [Fact]
    public async Task FindAUnitInThePublishedReportAndItsPublicNotice()
    {
        using var office = await PortalClient.SignedInAsync(factory, "demo.office");
        var period = await factory.PublishYearAsync(office, 2026);
        await office.PostFormAsync($"/Assessment/Details/{period.Id}", $"/Assessment/SetPublic/{period.Id}",
            new Dictionary<string, string> { ["version"] = "1", ["isPublic"] = "true" });
        var stored = await factory.QueryAsync(db => db.PublishedReports.AsNoTracking().SingleAsync(r => r.PeriodId == period.Id));
        var ranked = ReportSnapshot.Deserialize(stored.ScoresJson).Where(r => r.Rank is not null).OrderBy(r => r.Rank).ToList();
        Assert.True(ranked.Count > 3, "the demo city ranks a few units");
        var sought = ranked[ranked.Count / 2];
        var others = ranked.Where(r => !r.UnitName.Contains(sought.UnitName, StringComparison.Ordinal)).ToList();

        using var anonymous = factory.CreatePortalClient();
        foreach (var (client, url) in new[] { (office, $"/Assessment/Report/{period.Id}"), (anonymous, $"/Public/Reports/{period.Id}") })
        {
            var whole = await client.GetPageAsync(url);
            Assert.Contains($"第 1–{ranked.Count} 条，共 {ranked.Count} 条", whole, StringComparison.Ordinal);
            Assert.All(ranked, r => Assert.Contains(r.UnitName, whole, StringComparison.Ordinal));

            var found = await client.GetPageAsync($"{url}?q={Uri.EscapeDataString(sought.UnitName)}");
            var table = found[found.IndexOf("<tbody>", StringComparison.Ordinal)..found.IndexOf("</tbody>", StringComparison.Ordinal)];
            Assert.Contains(Row(sought), table, StringComparison.Ordinal);
            Assert.Contains(sought.UnitName, table, StringComparison.Ordinal);
            Assert.All(others, r => Assert.DoesNotContain($">{r.UnitName}<", table, StringComparison.Ordinal));
            Assert.Contains("第 1–1 条，共 1 条", found, StringComparison.Ordinal);
            Assert.Contains("显示全部排名", found, StringComparison.Ordinal);

            var none = await client.GetPageAsync($"{url}?q={Uri.EscapeDataString("没有这个单位")}");
            Assert.Contains("没有名称含“没有这个单位”的参评单位。", none, StringComparison.Ordinal);
            Assert.DoesNotContain(Row(ranked[0]), none, StringComparison.Ordinal);
        }

        // An older version is read with its own table: the version stays in the find form.
        var versioned = await office.GetPageAsync($"/Assessment/Report/{period.Id}?version=1&q={Uri.EscapeDataString(sought.UnitName)}");
        Assert.Contains("<input type=\"hidden\" name=\"version\" value=\"1\" />", versioned, StringComparison.Ordinal);
        Assert.Contains(Row(sought), versioned, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindAUnitInTheProvisionalRanking()
    {
        using var office = await PortalClient.SignedInAsync(factory, "demo.office");
        var whole = await office.GetPageAsync("/Ranking?year=2026");
        var names = await factory.QueryAsync(db => db.Units.Select(u => u.Name).ToListAsync());
        var shown = names.Where(n => whole.Contains($">{n}</a>", StringComparison.Ordinal)).ToList();
        Assert.True(shown.Count > 3, "the demo city ranks a few units");
        var sought = shown.OrderBy(n => n, StringComparer.Ordinal).First(n => !shown.Any(o => o != n && o.Contains(n, StringComparison.Ordinal)));

        var found = await office.GetPageAsync($"/Ranking?year=2026&q={Uri.EscapeDataString(sought)}");
        var table = found[found.IndexOf("<tbody>", StringComparison.Ordinal)..found.IndexOf("</tbody>", StringComparison.Ordinal)];
        Assert.Contains($">{sought}</a>", table, StringComparison.Ordinal);
        Assert.All(shown.Where(n => n != sought), n => Assert.DoesNotContain($">{n}</a>", table, StringComparison.Ordinal));
        Assert.Contains("<input type=\"hidden\" name=\"year\" value=\"2026\" />", found, StringComparison.Ordinal);
        Assert.Contains("第 1–1 条，共 1 条", found, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync("/Ranking?year=2026&page=999")).StatusCode);
    }
}
