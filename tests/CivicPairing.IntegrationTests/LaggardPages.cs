using System.Net;
using System.Text.RegularExpressions;
using CivicPairing.Domain.Pairings;
using CivicPairing.IntegrationTests.Infrastructure;
using CivicPairing.Web.Features.Ranking;
using Microsoft.EntityFrameworkCore;

namespace CivicPairing.IntegrationTests;

/// <summary>
/// A province names thousands of laggards: the provisional ranking, the published report and its public notice show
/// them fifty at a time, lowest score first, each list paged on its own while the ranking table keeps its page.
/// The grown city's 99 paired units that never did anything are all laggards; walking every page finds each once.
/// </summary>
public sealed partial class LaggardPages(ProvinceSizedPages.Portal factory) : IClassFixture<ProvinceSizedPages.Portal>
{
    private const int PerPage = RankingTableQuery.SectionPageSize;

    [Fact]
    public async Task EveryLaggardIsNamedOnceAcrossThePagesLowestScoreFirst()
    {
        await factory.GrowAsync();
        var idle = await factory.QueryAsync(db => db.Pairings.Where(p => p.Status == PairingStatus.Active && p.Unit!.Name.StartsWith("扩容单位"))
            .Select(p => p.Unit!.Name).Distinct().ToListAsync());
        Assert.Equal(99, idle.Count);

        using var office = await PortalClient.SignedInAsync(factory, "demo.office");
        using var anonymous = factory.CreatePortalClient();
        await WalkAsync(office, "/Ranking?year=2026&", idle);

        var period = await factory.PublishYearAsync(office, 2026);
        await office.PostFormAsync($"/Assessment/Details/{period.Id}", $"/Assessment/SetPublic/{period.Id}",
            new Dictionary<string, string> { ["version"] = "1", ["isPublic"] = "true" });
        await WalkAsync(office, $"/Assessment/Report/{period.Id}?", idle);
        await WalkAsync(anonymous, $"/Public/Reports/{period.Id}?", idle);
    }

    private static async Task WalkAsync(PortalClient client, string url, IReadOnlyList<string> idle)
    {
        var first = await client.GetPageAsync($"{url}page=2");
        var total = int.Parse(TotalOf(Section(first)), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(total >= idle.Count, $"{url}: {total} laggards named, fewer than the {idle.Count} idle units");
        var pages = (total + PerPage - 1) / PerPage;
        // The laggards' pager keeps the table's page and lands on the list.
        Assert.Contains($"page=2&amp;laggardPage=2#laggards", Section(first), StringComparison.Ordinal);

        var named = new List<(string Name, decimal Score)>();
        for (var page = 1; page <= pages; page++)
        {
            var html = await client.GetPageAsync($"{url}laggardPage={page}");
            var onPage = Named(Section(html));
            Assert.Equal(page < pages ? PerPage : total - PerPage * (pages - 1), onPage.Count);
            Assert.Contains($"第 {PerPage * (page - 1) + 1}–{PerPage * (page - 1) + onPage.Count} 条，共 {total} 条", Section(html), StringComparison.Ordinal);
            named.AddRange(onPage);
        }
        Assert.Equal(total, named.Select(n => n.Name).Distinct().Count());
        Assert.Equal(named.Select(n => n.Score).Order(), named.Select(n => n.Score));
        Assert.All(idle, name => Assert.Contains(name, named.Select(n => n.Name)));

        // A page past the end shows the last one.
        var past = await client.GetAsync($"{url}laggardPage=9999");
        Assert.Equal(HttpStatusCode.OK, past.StatusCode);
        Assert.Equal(named[^1].Name, Named(Section(await past.Content.ReadAsStringAsync()))[^1].Name);
    }

    private static string Section(string html)
    {
        var start = html.IndexOf("id=\"laggards\"", StringComparison.Ordinal);
        Assert.True(start > 0, "the page has a laggards section");
        return html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
    }

    private static string TotalOf(string section) => TotalPattern().Match(section) is { Success: true } m ? m.Groups[1].Value : throw new Xunit.Sdk.XunitException("no pager in the laggards section");

    private static List<(string Name, decimal Score)> Named(string section) =>
        [.. LaggardPattern().Matches(section).Select(m => (m.Groups[1].Value, decimal.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)))];

    [GeneratedRegex(@"共 (\d+) 条")]
    private static partial Regex TotalPattern();

    /// <summary>A laggard's line in any of the three pages: its name (linked or not) in bold, then its score.</summary>
    [GeneratedRegex(@"<strong>(?:<a [^>]*>)?([^<]+)(?:</a>)?</strong> <span class=""text-muted"">([\d.]+) · ")]
    private static partial Regex LaggardPattern();
}
