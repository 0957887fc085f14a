using System.Text.RegularExpressions;
using CivicPairing.Domain.Activities;
using CivicPairing.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CivicPairing.IntegrationTests;

/// <summary>
/// 篇1 replayed on the demo city: "太人保目前只参加一次义务劳动 …；太财保有行动，出工不出力". Both are paired with 二女桥社区 from
/// 1 March 2026. 太人保 came to one Saturday (the demo data: 3 people, 6 hours, rated 2 "只来了3人，半天就走了。"); here
/// 太财保 comes every other month with two people for an hour and a half, rated low by the secretary. Both must end
/// at the bottom of the ranking and be named laggards for what they did, in the secretary's words.
/// </summary>
public sealed class Pian1Laggards(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task NamesTaiRenbaoAndTaiCaibaoAsLaggardsForWhatTheyDid()
    {
        await factory.QueryAsync(async db =>
        {
            var pairing = await db.Pairings.Include(p => p.Unit).SingleAsync(p => p.Unit!.Name == "太财保" && p.Community!.Name == "二女桥社区");
            // (month, rating, comment): 2 people × 1.5 h = 3 person-hours each, never with the leader.
            (int Month, int Rating, string? Comment)[] visits =
                [(3, 2, "人来了，站着拍照就走了。"), (5, 2, null), (7, 1, "出工不出力，垃圾还在原地。"), (9, 2, "只扫了门口一段路。")];
            foreach (var (month, rating, comment) in visits)
            {
                var date = new DateOnly(2026, month, 14);
                var facts = new ActivityFacts(date, ActivityCategory.EnvironmentalCleanup, $"{month}月周六义务劳动", null, 2, 3m, false, 0, null, 0, null);
                var activity = Activity.Log(pairing, facts, new ActivityContext(factory.Today, pairing.StartDate, pairing.Unit!.StaffCount, true, null),
                    Guid.NewGuid(), "太财保", factory.Clock.GetUtcNow());
                activity.Confirm(rating, comment, "二女桥社区", factory.Clock.GetUtcNow());
                db.Activities.Add(activity);
            }
            return await db.SaveChangesAsync();
        });

        using var office = await PortalClient.SignedInAsync(factory, "demo.office");
        var html = await office.GetPageAsync("/Ranking?year=2026");

        // The ranking table comes first, the laggards after it.
        Assert.True(html.IndexOf("ranking-table", StringComparison.Ordinal) < html.IndexOf("class=\"form-section h-100 laggards\"", StringComparison.Ordinal));

        // Both rank below every unit that passed.
        var rows = Regex.Matches(html, "<td class=\"text-end\">(\\d+)</td>\\s*<td><a href=\"/Units/Details/\\d+\">([^<]+)</a></td>\\s*<td class=\"text-end fw-semibold\">([\\d.]+)</td>\\s*<td><span class=\"badge grade-(\\w+)\">")
            .Select(m => (Rank: int.Parse(m.Groups[1].Value), Unit: m.Groups[2].Value, Score: decimal.Parse(m.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture), Grade: m.Groups[4].Value))
            .ToList();
        var renbao = rows.Single(r => r.Unit == "太人保");
        var caibao = rows.Single(r => r.Unit == "太财保");
        Assert.Equal(("fail", "fail"), (renbao.Grade, caibao.Grade));
        Assert.All(rows.Where(r => r.Grade != "fail"), r => Assert.True(r.Rank < renbao.Rank && r.Rank < caibao.Rank, $"{r.Unit} ranks {r.Rank}"));

        var laggards = html[html.IndexOf("class=\"form-section h-100 laggards\"", StringComparison.Ordinal)..];
        string Entry(string unit)
        {
            var start = laggards.IndexOf($"<strong>{unit}</strong>", StringComparison.Ordinal);
            Assert.True(start >= 0, $"{unit} is not named a laggard.");
            var end = laggards.IndexOf("<strong>", start + 8, StringComparison.Ordinal);
            return Regex.Replace(laggards[start..(end < 0 ? laggards.Length : end)], "<[^>]+>", "");
        }

        // 太人保: one Saturday in nine pairing-months (March to November), 6 hours by a staff of 120: 0.05 h each against
        // 4 × 9 / 12 = 3 h; rated 2 with the secretary's comment; the leader never came.
        var once = Entry("太人保");
        Assert.Contains("有 8 个结对月无经确认的活动。", once, StringComparison.Ordinal);
        Assert.Contains("人均投入0.05小时，目标3小时。", once, StringComparison.Ordinal);
        Assert.Contains("1次经确认的活动满意度平均2分（满分5分），社区评价：“只来了3人，半天就走了。”", once, StringComparison.Ordinal);
        Assert.Contains("单位一把手未参加本期1次经确认活动中的任何一次。", once, StringComparison.Ordinal);

        // 太财保 (出工不出力): 4 × 3 = 12 person-hours by a staff of 95 = 0.126… → 0.13 h against 3 h; ratings 2, 2, 1, 2:
        // mean 1 + 4 × (0.25 + 0.25 + 0 + 0.25) / 4 = 1.75 → 1.8; the two lowest-rated comments quoted, the 1 first, then the latest 2.
        var idle = Entry("太财保");
        Assert.Contains("人均投入0.13小时，目标3小时。", idle, StringComparison.Ordinal);
        Assert.Contains("4次经确认的活动满意度平均1.8分（满分5分），社区评价：“出工不出力，垃圾还在原地。” “只扫了门口一段路。”", idle, StringComparison.Ordinal);
        Assert.Contains("单位一把手未参加本期4次经确认活动中的任何一次。", idle, StringComparison.Ordinal);
        Assert.Contains("查看记录", idle, StringComparison.Ordinal);
    }
}
