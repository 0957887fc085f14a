using System.Text.RegularExpressions;
using CivicPairing.Domain.Activities;
using CivicPairing.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CivicPairing.IntegrationTests;

/// <summary>
/// The demo's 市财政局 ⇄ 金墩社区 agreement (filed, 1 March 2026 to 28 February 2027) commits a visit a month (篇5), a
/// coordination meeting a quarter (篇6) and a joint meeting a half-year (篇11); the pairing is in force from 1 March.
/// On 24 November 2026 the months March to October have ended (8 visits owed), the second and third quarters (2
/// coordination meetings; the first quarter had 31 of its 90 days in force, less than half) and the first half-year
/// (1 joint meeting; 122 of 181 days). Its only visit (7 November) is disputed and it has held no joint meeting, so all
/// are missed: the pairing page lists them and the provisional ranking names them and takes them off the score.
/// </summary>
public sealed partial class CommitmentsOnPairings(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task ShowsMissedVisitsAndMeetingsOnThePairingAndNamesThemInTheRanking()
    {
        var pairing = await factory.PairingAsync("市财政局", "金墩社区");
        using var office = await PortalClient.SignedInAsync(factory, "demo.office");

        var page = await office.GetPageAsync($"/Pairings/Details/{pairing.Id}");
        foreach (var month in Enumerable.Range(3, 8))
        {
            Assert.Matches($"<td>2026年{month}月</td>\\s*<td class=\"text-end\">1</td>\\s*<td class=\"text-end\">0</td>\\s*<td class=\"text-end\">\\s*<span class=\"badge text-bg-danger\">未开展1次</span>", page);
        }
        Assert.DoesNotContain("2026年11月</td>", page, StringComparison.Ordinal); // November has not ended
        Assert.DoesNotContain("2026年2月</td>", page, StringComparison.Ordinal);  // before the pairing and the agreement
        Assert.DoesNotContain("2026年第1季度</td>", page, StringComparison.Ordinal);
        Assert.Matches("2026年第2季度</td>\\s*<td class=\"text-end\">1</td>\\s*<td class=\"text-end\">0</td>\\s*<td class=\"text-end\">\\s*<span class=\"badge text-bg-danger\">缺席1次</span>", page);
        Assert.Matches("2026年第3季度</td>\\s*<td class=\"text-end\">1</td>\\s*<td class=\"text-end\">0</td>", page);

        var laggard = await LaggardEntryAsync(office, "市财政局");
        Assert.Contains("8次承诺的走访未开展。", laggard, StringComparison.Ordinal);
        Assert.Contains("2次季度协调会未召开。", laggard, StringComparison.Ordinal);
        Assert.Contains("联席会议缺席1次。", laggard, StringComparison.Ordinal);
        var before = await ScoreAsync(office, "市财政局");

        // A confirmed visit on 15 September and a confirmed joint meeting on 20 August: September's visit is made, and
        // the one meeting counts for the third quarter's coordination meeting (the first half-year still lacks its own).
        await factory.QueryAsync(async db =>
        {
            var p = await db.Pairings.Include(x => x.Unit).SingleAsync(x => x.Id == pairing.Id);
            foreach (var (date, category, title) in new[]
                     {
                         (new DateOnly(2026, 9, 15), ActivityCategory.Visits, "走访慰问低保户"),
                         (new DateOnly(2026, 8, 20), ActivityCategory.JointMeeting, "第三季度工作协调会"),
                     })
            {
                var facts = new ActivityFacts(date, category, title, null, 3, 6m, true, 0, null, 0, category == ActivityCategory.JointMeeting ? "周建国；陈红" : null);
                var activity = Activity.Log(p, facts, new ActivityContext(factory.Today, p.StartDate, p.Unit!.StaffCount, true, null),
                    Guid.NewGuid(), "demo.liaison", factory.Clock.GetUtcNow());
                activity.Confirm(4, null, "demo.secretary", factory.Clock.GetUtcNow());
                db.Activities.Add(activity);
            }
            return await db.SaveChangesAsync();
        });

        page = await office.GetPageAsync($"/Pairings/Details/{pairing.Id}");
        Assert.Matches("<td>2026年9月</td>\\s*<td class=\"text-end\">1</td>\\s*<td class=\"text-end\">1</td>\\s*<td class=\"text-end\">\\s*<span>0</span>", page);
        Assert.Matches("2026年第3季度</td>\\s*<td class=\"text-end\">1</td>\\s*<td class=\"text-end\">1</td>\\s*<td class=\"text-end\">\\s*<span>0</span>", page);
        Assert.Matches("2026年上半年</td>\\s*<td class=\"text-end\">1</td>\\s*<td class=\"text-end\">0</td>", page);

        laggard = await LaggardEntryAsync(office, "市财政局");
        Assert.Contains("7次承诺的走访未开展。", laggard, StringComparison.Ordinal);
        Assert.Contains("1次季度协调会未召开。", laggard, StringComparison.Ordinal);
        Assert.Contains("联席会议缺席1次。", laggard, StringComparison.Ordinal);
        // One visit (1 point) and one coordination meeting (2 points) fewer missed, and two more confirmed activities:
        // the score can only have gone up.
        Assert.True(await ScoreAsync(office, "市财政局") > before);
    }

    /// <summary>The text of a unit's entry among the laggards of the 2026 provisional ranking.</summary>
    private static async Task<string> LaggardEntryAsync(PortalClient office, string unit)
    {
        var html = await office.GetPageAsync("/Ranking?year=2026");
        var laggards = html[html.IndexOf("class=\"form-section h-100 laggards\"", StringComparison.Ordinal)..];
        var start = laggards.IndexOf($"<strong>{unit}</strong>", StringComparison.Ordinal);
        Assert.True(start >= 0, $"{unit} is not named a laggard.");
        var end = laggards.IndexOf("<strong>", start + 8, StringComparison.Ordinal);
        return Tag().Replace(laggards[start..(end < 0 ? laggards.Length : end)], "");
    }

    private static async Task<decimal> ScoreAsync(PortalClient office, string unit)
    {
        var html = await office.GetPageAsync("/Ranking?year=2026");
        var m = Regex.Match(html, $"<td><a href=\"/Units/Details/\\d+\">{unit}</a></td>\\s*<td class=\"text-end fw-semibold\">([\\d.]+)</td>");
        Assert.True(m.Success, $"{unit} is not in the ranking table.");
        return decimal.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();
}
