using System.Net;
using System.Text.RegularExpressions;
using CivicPairing.Domain.Pairings;
using CivicPairing.Domain.Registry;
using CivicPairing.IntegrationTests.Infrastructure;

namespace CivicPairing.IntegrationTests;

/// <summary>
/// Units, communities and pairings sorted by name come back in pinyin order through the whole portal on SQLite (the
/// zh_CN collation on the name columns), not in code-point order (东 U+4E1C would come before 北 U+5317 and 安 U+5B89).
/// The expected orders are written by hand from the syllables.
/// </summary>
public sealed partial class PinyinOrder(PortalFactory factory) : IClassFixture<PortalFactory>
{
    // an qing, bei jing, cheng guan, dong feng, fu xing, guang ming, he ping
    private static readonly string[] Communities = ["安庆序社区", "北京序社区", "城关序社区", "东风序社区", "复兴序社区", "光明序社区", "和平序社区"];
    // an quan, bai he, chuan bo, ding xiang, feng shou, gao xin, hua gong
    private static readonly string[] Units = ["安全序局", "百合序厂", "船舶序公司", "丁香序医院", "丰收序合作社", "高新序学校", "化工序集团"];

    private static readonly SemaphoreSlim Seeded = new(1, 1);
    private static bool _seeded;

    [Fact]
    public async Task Communities_sorted_by_name_come_in_pinyin_order()
    {
        using var office = await SignedInWithDataAsync();
        Assert.Equal(Communities, Cells(await office.GetPageAsync("/Communities?q=序"), CommunityName()));
        Assert.Equal(Communities.Reverse(), Cells(await office.GetPageAsync("/Communities?q=序&desc=true"), CommunityName()));
    }

    [Fact]
    public async Task Units_sorted_by_name_come_in_pinyin_order()
    {
        using var office = await SignedInWithDataAsync();
        Assert.Equal(Units, Cells(await office.GetPageAsync("/Units?q=序"), UnitName()));
        Assert.Equal(Units.Reverse(), Cells(await office.GetPageAsync("/Units?q=序&desc=true"), UnitName()));
    }

    [Theory]
    [InlineData("community", false)]
    [InlineData("community", true)]
    [InlineData("unit", false)]
    [InlineData("unit", true)]
    public async Task Pairings_sorted_by_a_name_come_in_pinyin_order(string sort, bool desc)
    {
        using var office = await SignedInWithDataAsync();
        var rows = PairingRow().Matches(await office.GetPageAsync($"/Pairings?q=序&sort={sort}{(desc ? "&desc=true" : "")}"))
            .Select(m => (Unit: WebUtility.HtmlDecode(m.Groups[1].Value), Community: WebUtility.HtmlDecode(m.Groups[2].Value))).ToList();
        var expected = sort == "community" ? Communities : Units;
        Assert.Equal(desc ? expected.Reverse() : expected, rows.Select(r => sort == "community" ? r.Community : r.Unit));
    }

    [Fact]
    public async Task Street_choices_come_in_pinyin_order()
    {
        using var office = await SignedInWithDataAsync();
        var html = await office.GetPageAsync("/Coverage");
        var streets = new[] { "安宁序街道", "东湖序街道" }.Select(s => html.IndexOf($">{s}<", StringComparison.Ordinal)).ToList();
        Assert.All(streets, i => Assert.True(i >= 0));
        Assert.True(streets[0] < streets[1], "安宁 (an) before 东湖 (dong)");
    }

    private async Task<PortalClient> SignedInWithDataAsync()
    {
        await Seeded.WaitAsync();
        try
        {
            if (!_seeded)
            {
                await factory.QueryAsync(async db =>
                {
                    var now = factory.Clock.GetUtcNow();
                    // Added in code-point order, the one the lists must not show.
                    var units = Units.Order(StringComparer.Ordinal).Select(n => new Unit { Name = n, Kind = UnitKind.GovernmentOrgan, StaffCount = 10, CreatedAt = now }).ToList();
                    var communities = Communities.Order(StringComparer.Ordinal).Select((n, i) => new Community
                    {
                        Name = n, Kind = CommunityKind.UrbanCommunity, Street = i % 2 == 0 ? "东湖序街道" : "安宁序街道", Households = 100, Population = 300, CreatedAt = now,
                    }).ToList();
                    db.Units.AddRange(units);
                    db.Communities.AddRange(communities);
                    await db.SaveChangesAsync();
                    // Unit i with community i: both name orders are the same pairing order.
                    var byUnit = Units.Select(n => units.Single(u => u.Name == n)).ToList();
                    var byCommunity = Communities.Select(n => communities.Single(c => c.Name == n)).ToList();
                    for (var i = 0; i < byUnit.Count; i++)
                    {
                        var pairing = Pairing.Propose(byUnit[i], byCommunity[i], PairingProposer.Office, factory.Today, null, samePairOpen: false, "test", now);
                        if (pairing.Status == PairingStatus.Proposed)
                        {
                            pairing.Approve("test", now);
                        }
                        db.Pairings.Add(pairing);
                    }
                    return await db.SaveChangesAsync();
                });
                _seeded = true;
            }
        }
        finally
        {
            Seeded.Release();
        }
        return await PortalClient.SignedInAsync(factory, "demo.office");
    }

    private static List<string> Cells(string html, Regex link) => [.. link.Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))];

    [GeneratedRegex("<a href=\"/Communities/Details/\\d+\">([^<]+)</a>")]
    private static partial Regex CommunityName();

    [GeneratedRegex("<a href=\"/Units/Details/\\d+\">([^<]+)</a>")]
    private static partial Regex UnitName();

    [GeneratedRegex("<tr>\\s*<td>([^<]+)</td>\\s*<td>([^<]+)</td>")]
    private static partial Regex PairingRow();
}
