using System.Net;
using System.Text.RegularExpressions;
using CivicPairing.Domain.Pairings;
using CivicPairing.IntegrationTests.Infrastructure;
using CivicPairing.Web.Infrastructure.Spreadsheets;
using Microsoft.EntityFrameworkCore;

namespace CivicPairing.IntegrationTests;

/// <summary>
/// The pairings, agreements, tasks, inspections and ranking lists export exactly the rows their filters keep, in their order,
/// and a party's export holds only what the party sees.
/// </summary>
public sealed partial class ListExports(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string MyUnit = "市财政局";

    /// <summary>The CSV rows after the header.</summary>
    private static async Task<List<IReadOnlyList<string>>> ExportAsync(PortalClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/csv", response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        var rows = CsvReader.Read(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), 100_000);
        return [.. rows.Skip(1).Select(r => (IReadOnlyList<string>)r.Select(c => c ?? "").ToList())];
    }

    /// <summary>The text of each cell of the list table's body rows, tags stripped.</summary>
    private static List<List<string>> TableRows(string html)
    {
        var body = TableBody().Match(html);
        Assert.True(body.Success, "the list shows a table");
        return [.. Row().Matches(body.Groups[1].Value).Select(r => Cell().Matches(r.Groups[1].Value)
            .Select(c => WebUtility.HtmlDecode(Tag().Replace(c.Groups[1].Value, " ")).Trim()).ToList())];
    }

    /// <summary>Two inspections, one of the liaison's pairing and one of another unit's (once for the class).</summary>
    private async Task EnsureInspectionsAsync()
    {
        if (await factory.QueryAsync(db => db.Inspections.AnyAsync()))
        {
            return;
        }
        using var office = await PortalClient.SignedInAsync(factory, "demo.office");
        foreach (var (unit, community, score) in new[] { (MyUnit, "金墩社区", "92"), ("市司法局", "公园社区", "78") })
        {
            var pairing = await factory.PairingAsync(unit, community);
            var recorded = await office.PostFormAsync($"/Inspections/Record?pairingId={pairing.Id}", $"/Inspections/Record?pairingId={pairing.Id}", new Dictionary<string, string>
            {
                ["Date"] = "2026-11-20", ["Score"] = score, ["RectificationDeadline"] = "",
                ["Findings[0].Item"] = "协议任务按期推进", ["Findings[0].Result"] = "Pass",
            });
            Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        }
    }

    private static int Total(string html) => int.Parse(TotalBadge().Match(html).Groups[1].Value.Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task PairingsExportHoldsTheFilteredListsRowsInItsOrder()
    {
        using var office = await PortalClient.SignedInAsync(factory, "demo.office");
        const string filter = "status=Active&q=%E5%B8%82";  // 市: in force, unit or community named with 市
        var list = await office.GetPageAsync($"/Pairings?{filter}");
        var exported = await ExportAsync(office, $"/Pairings/Export?format=csv&{filter}");

        var expected = await factory.QueryAsync(db => db.Pairings.CountAsync(p => p.Status == PairingStatus.Active && (p.Unit!.Name.Contains("市") || p.Community!.Name.Contains("市"))));
        Assert.True(expected > 1);
        Assert.Equal(expected, exported.Count);
        Assert.Equal(Total(list), exported.Count);
        var shown = TableRows(list);
        Assert.Equal(shown.Select(r => (r[0], r[1])), exported.Take(shown.Count).Select(r => (r[0], r[1])));
        Assert.All(exported, r => Assert.Equal("结对中", r[3]));
    }

    [Fact]
    public async Task AgreementsExportHoldsTheFilteredListsRows()
    {
        using var office = await PortalClient.SignedInAsync(factory, "demo.office");
        const string filter = "q=%E5%B1%80";  // 局
        var list = await office.GetPageAsync($"/Agreements?{filter}");
        var exported = await ExportAsync(office, $"/Agreements/Export?format=csv&{filter}");

        var expected = await factory.QueryAsync(db => db.Agreements.CountAsync(a => a.Title.Contains("局") || a.Number.Contains("局")
            || a.Pairing!.Unit!.Name.Contains("局") || a.Pairing.Community!.Name.Contains("局")));
        Assert.True(expected > 1);
        Assert.Equal(expected, exported.Count);
        Assert.Equal(Total(list), exported.Count);
        Assert.Equal(AgreementLink().Matches(list).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)), exported.Take(PagedRows(exported.Count)).Select(r => r[2]));
    }

    [Fact]
    public async Task TasksExportHoldsTheFilteredListsRowsInItsOrder()
    {
        using var office = await PortalClient.SignedInAsync(factory, "demo.office");
        const string filter = "q=%E9%87%91%E5%A2%A9";  // 金墩
        var list = await office.GetPageAsync($"/Tasks?{filter}");
        var exported = await ExportAsync(office, $"/Tasks/Export?format=csv&{filter}");

        Assert.True(exported.Count > 1);
        Assert.Equal(Total(list), exported.Count);
        Assert.Equal(TaskLink().Matches(list).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)), exported.Take(PagedRows(exported.Count)).Select(r => $"{r[0]}. {r[1]}"));
        Assert.All(exported, r => Assert.True(r[1].Contains("金墩", StringComparison.Ordinal) || r[3].Contains("金墩", StringComparison.Ordinal) || r[4].Contains("金墩", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ALiaisonsExportsHoldOnlyTheirOwnUnitsRows()
    {
        await EnsureInspectionsAsync();
        using var liaison = await PortalClient.SignedInAsync(factory, "demo.liaison");
        var pairings = await ExportAsync(liaison, "/Pairings/Export?format=csv");
        var agreements = await ExportAsync(liaison, "/Agreements/Export?format=csv");
        var tasks = await ExportAsync(liaison, "/Tasks/Export?format=csv");
        var inspections = await ExportAsync(liaison, "/Inspections/Export?format=csv");

        Assert.Equal(await factory.QueryAsync(db => db.Pairings.CountAsync(p => p.Unit!.Name == MyUnit)), pairings.Count);
        Assert.Equal(await factory.QueryAsync(db => db.Agreements.CountAsync(a => a.Pairing!.Unit!.Name == MyUnit)), agreements.Count);
        Assert.Single(inspections);
        Assert.NotEmpty(tasks);
        Assert.All(pairings, r => Assert.Equal(MyUnit, r[0]));
        Assert.All(agreements, r => Assert.Equal(MyUnit, r[3]));
        Assert.All(tasks, r => Assert.Equal(MyUnit, r[3]));
        Assert.All(inspections, r => Assert.Equal(MyUnit, r[1]));
        Assert.Equal(Total(await liaison.GetPageAsync("/Tasks")), tasks.Count);
        Assert.Equal(HttpStatusCode.Forbidden, (await liaison.GetAsync("/Ranking/Export?format=csv")).StatusCode);
    }

    [Fact]
    public async Task InspectionsExportHoldsTheListsRows()
    {
        await EnsureInspectionsAsync();
        using var office = await PortalClient.SignedInAsync(factory, "demo.office");
        var list = await office.GetPageAsync("/Inspections");
        var exported = await ExportAsync(office, "/Inspections/Export?format=csv");

        Assert.Equal(2, exported.Count);
        Assert.Equal(Total(list), exported.Count);
        var shown = TableRows(list);
        Assert.Equal(shown.Select(r => (r[1], r[2], r[3])), exported.Take(shown.Count).Select(r => (r[1], r[2], r[3])));
    }

    [Fact]
    public async Task RankingExportHoldsTheTablesRowsForTheNameLookedFor()
    {
        using var office = await PortalClient.SignedInAsync(factory, "demo.office");
        var year = factory.Today.Year;
        var all = await ExportAsync(office, $"/Ranking/Export?format=csv&year={year}");
        var found = await ExportAsync(office, $"/Ranking/Export?format=csv&year={year}&q=%E5%B1%80");  // 局
        var list = await office.GetPageAsync($"/Ranking?year={year}&q=%E5%B1%80");

        Assert.Equal(all.Where(r => r[1].Contains('局', StringComparison.Ordinal)).Select(r => (r[0], r[1])), found.Select(r => (r[0], r[1])));
        Assert.True(found.Count > 1 && found.Count < all.Count);
        var shown = TableRows(list[list.IndexOf("ranking-table", StringComparison.Ordinal)..]);
        Assert.Equal(shown.Select(r => (r[0], r[1])), found.Select(r => (r[0], r[1])));
    }

    /// <summary>How many of the export's rows the list's first page shows.</summary>
    private static int PagedRows(int total) => Math.Min(total, Web.Infrastructure.PagingExtensions.DefaultPageSize);

    [GeneratedRegex("<tbody>(.*?)</tbody>", RegexOptions.Singleline)]
    private static partial Regex TableBody();

    [GeneratedRegex("<tr[^>]*>(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex Row();

    [GeneratedRegex("<td[^>]*>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex Cell();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex("fs-6\">([\\d,]+)\\+?</span>\\s*</h1>")]
    private static partial Regex TotalBadge();

    [GeneratedRegex("href=\"/Agreements/Details/\\d+\">([^<]+)</a>")]
    private static partial Regex AgreementLink();

    [GeneratedRegex("href=\"/Tasks/Details/\\d+\">([^<]+)</a>")]
    private static partial Regex TaskLink();
}
