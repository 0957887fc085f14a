using System.Text.RegularExpressions;
using CivicPairing.Domain.Pairings;
using CivicPairing.Domain.Registry;
using CivicPairing.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CivicPairing.IntegrationTests;

/// <summary>
/// Pages that change shape past a city's size: coverage by street, proposals searched by name, typed street filters
/// and the busiest streets drawn. The demo city is grown past each threshold once for the class.
/// </summary>
public sealed partial class ProvinceSizedPages(ProvinceSizedPages.Portal factory) : IClassFixture<ProvinceSizedPages.Portal>
{
    /// <summary>The demo city plus 330 communities in 110 streets (every third community paired) and 220 units.</summary>
    public sealed class Portal : PortalFactory
    {
        private bool _grown;

        public async Task GrowAsync()
        {
            if (_grown)
            {
                return;
            }
            _grown = true;
            await QueryAsync(async db =>
            {
                var now = Clock.GetUtcNow();
                var units = Enumerable.Range(0, 220).Select(i => new Unit
                {
                    Name = $"扩容单位{i:000}", Kind = UnitKind.StateOwnedEnterprise, CivilizedLevel = CivilizedLevel.None, LeaderName = "扩容负责人",
                    ResponsibleLeaderName = "扩容分管", StaffCount = 100, PartyMemberCount = 10, CreatedAt = now,
                }).ToList();
                // Street i has three communities; streets whose number ends in 7 have none paired, the rest one of three.
                var communities = Enumerable.Range(0, 330).Select(i => new Community
                {
                    Name = $"扩容社区{i:000}", Kind = CommunityKind.UrbanCommunity, Street = $"扩容街道{i / 3:000}", Households = 100, Population = 300, CreatedAt = now,
                }).ToList();
                db.Units.AddRange(units);
                db.Communities.AddRange(communities);
                for (var i = 0; i < communities.Count; i += 3)
                {
                    if ((i / 3) % 10 != 7)
                    {
                        db.Pairings.Add(new Pairing { Unit = units[i / 3 % units.Count], Community = communities[i], Status = PairingStatus.Active, StartDate = new DateOnly(2026, 1, 1), CreatedAt = now });
                    }
                }
                await db.SaveChangesAsync();
                return true;
            });
        }
    }

    [Fact]
    public async Task CoverageListsOneLinePerStreetWithTheMostUnpairedFirstAndAStreetsCommunitiesOnItsOwnPage()
    {
        await factory.GrowAsync();
        using var office = await PortalClient.SignedInAsync(factory, "demo.office");
        var (streets, total) = await factory.QueryAsync(async db => (
            await db.Communities.Where(c => c.IsActive).Select(c => c.Street).Distinct().CountAsync(),
            await db.Communities.CountAsync(c => c.IsActive)));

        var html = await office.GetPageAsync("/Coverage");

        Assert.Contains($"（共{streets}个）", html, StringComparison.Ordinal);
        var rows = StreetRow().Matches(html).Select(m => (Street: m.Groups[1].Value, Unpaired: int.Parse(m.Groups[2].Value))).ToList();
        Assert.Equal(Math.Min(100, streets), rows.Count);
        // Streets 扩容街道007, 017, … have all three communities unpaired: they lead, more unpaired never after fewer.
        Assert.Equal(3, rows[0].Unpaired);
        Assert.Equal(rows.Select(r => r.Unpaired).OrderByDescending(u => u), rows.Select(r => r.Unpaired));
        Assert.Contains(rows, r => r.Street == "扩容街道007");
        Assert.DoesNotContain("扩容社区021", html, StringComparison.Ordinal); // communities are on their street's page
        Assert.Contains($"{total}个社区和村中有", html, StringComparison.Ordinal);

        var street = await office.GetPageAsync("/Coverage?street=扩容街道007");
        Assert.Contains("扩容社区021", street, StringComparison.Ordinal);
        Assert.Contains("扩容社区023", street, StringComparison.Ordinal);
        Assert.DoesNotContain("扩容社区024", street, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheProposalFormSearchesUnitsAndCommunitiesByNameInsteadOfListingThousands()
    {
        await factory.GrowAsync();
        using var office = await PortalClient.SignedInAsync(factory, "demo.office");
        var units = await factory.QueryAsync(db => db.Units.CountAsync(u => u.IsActive));

        var empty = await office.GetPageAsync("/Pairings/Propose");
        Assert.Contains($"按名称查找单位（共{units}个）", empty, StringComparison.Ordinal);
        Assert.Empty(UnitOption().Matches(empty));

        var found = await office.GetPageAsync("/Pairings/Propose?unitQuery=扩容单位01&communityQuery=扩容街道007");
        var options = UnitOption().Matches(found).Select(m => m.Groups[1].Value).ToList();
        // 扩容单位010 … 019: ten matches, nothing else.
        Assert.Equal(Enumerable.Range(10, 10).Select(i => $"扩容单位{i:000}"), options);
        Assert.Contains("扩容社区021（扩容街道007）", found, StringComparison.Ordinal);
        Assert.DoesNotContain("扩容社区024", found, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StreetFiltersAreTypedWhenThereAreHundredsAndAnUnknownStreetIsNamed()
    {
        await factory.GrowAsync();
        using var office = await PortalClient.SignedInAsync(factory, "demo.office");

        var home = await office.GetPageAsync("/");
        Assert.Matches("<input class=\"form-control\" id=\"street\" name=\"street\" type=\"search\"", home);
        Assert.DoesNotContain("<option value=\"扩容街道001\"", home, StringComparison.Ordinal);

        var unknown = await office.GetPageAsync("/?street=没有这个街道");
        Assert.Contains("没有这个街道", unknown, StringComparison.Ordinal);
        Assert.Contains("dashboard-notice", unknown, StringComparison.Ordinal);
    }

    [GeneratedRegex("<td><a href=\"/Coverage\\?street=[^\"]+\">([^<]+)</a></td>\\s*<td class=\"text-end\">\\d+</td><td class=\"text-end\">\\d+</td><td class=\"text-end\">(\\d+)</td>")]
    private static partial Regex StreetRow();

    [GeneratedRegex("<option value=\"\\d+\">(扩容单位\\d+)</option>")]
    private static partial Regex UnitOption();
}
