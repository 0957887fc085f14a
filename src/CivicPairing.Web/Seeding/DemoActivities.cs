using CivicPairing.Domain.Activities;
using CivicPairing.Domain.Pairings;

namespace CivicPairing.Web.Seeding;

/// <summary>
/// Activities of the demo city: confirmed work of the good units, and something waiting for each role. Dates are
/// written against <see cref="DemoCalendar.Anchor"/> (2026-11-24) and moved with the calendar.
/// </summary>
internal static class DemoActivities
{
    public static IEnumerable<Activity> Create(IReadOnlyDictionary<(string Unit, string Community), Pairing> pairings, DemoCalendar calendar)
    {
        var at = calendar.At(2026, 11, 1, 2);
        Activity Log(string unit, string community, DateOnly date, ActivityCategory category, string title, int people, decimal hours, bool leader, string actor,
            decimal funds = 0, string? materials = null)
        {
            var pairing = pairings[(unit, community)];
            var facts = new ActivityFacts(date, category, title, null, people, hours, leader, funds, materials, 0, null);
            return Activity.Log(pairing, facts, new ActivityContext(date, pairing.StartDate, pairing.Unit!.StaffCount, true, null), Guid.NewGuid(), actor, at);
        }

        // 篇1: the Saturday clean-ups of 金墩社区's six units, confirmed and rated by the community.
        var cleanup = Log("市财政局", "金墩社区", calendar.Date(2026, 10, 17), ActivityCategory.EnvironmentalCleanup, "周六义务劳动：清理小区垃圾和牛皮癣", 38, 152, true, "demo.liaison");
        cleanup.Confirm(5, "出工又出力，楼道焕然一新。", "demo.secretary", at.AddDays(1));
        yield return cleanup;
        var police = Log("市公安局", "金墩社区", calendar.Date(2026, 10, 24), ActivityCategory.PublicityEducation, "防电信诈骗宣传进小区", 12, 36, false, "市公安局");
        police.Confirm(4, null, "demo.secretary", at.AddDays(2));
        yield return police;
        var water = Log("市水务局", "金墩社区", calendar.Date(2026, 9, 12), ActivityCategory.Infrastructure, "疏通后街下水道", 8, 48, false, "市水务局");
        water.Confirm(4, "排水明显改善。", "demo.secretary", at.AddDays(3));
        yield return water;

        // Waiting for demo.secretary.
        yield return Log("市农行", "金墩社区", calendar.Date(2026, 11, 14), ActivityCategory.Consultation, "金融知识和防范非法集资咨询", 6, 18, false, "市农行");
        yield return Log("市住建局", "金墩社区", calendar.Date(2026, 11, 21), ActivityCategory.Infrastructure, "修复金墩路破损路沿石", 10, 60, true, "市住建局");

        // Disputed: demo.liaison sees it and may correct it.
        var visit = Log("市财政局", "金墩社区", calendar.Date(2026, 11, 7), ActivityCategory.Visits, "走访慰问困难家庭", 20, 80, true, "demo.liaison");
        visit.Dispute("当天只来了5人，走访了3户，请据实填写。", "demo.secretary", at.AddDays(4));
        yield return visit;

        // 篇1's laggard: 太人保 came to one Saturday only (出工不出力).
        var once = Log("太人保", "二女桥社区", calendar.Date(2026, 4, 11), ActivityCategory.EnvironmentalCleanup, "周六义务劳动", 3, 6, false, "太人保");
        once.Confirm(2, "只来了3人，半天就走了。", "二女桥社区", at);
        yield return once;

        // Units that do what the programme asks (篇1's good examples): a confirmed activity every month of 2026 so far,
        // the leader at every other one, rated well. They give the ranking its commended units.
        // 市司法局 every month from January to November with its leader, rated 5 (the commended unit); 供电公司 and
        // 市检察院 regularly but with gaps and the leader at half (合格 and 良好 territory).
        (string Unit, string Community, string Title, int People, int FirstMonth, int LastMonth, bool LeaderAlways)[] models =
        [
            ("市司法局", "公园社区", "法律咨询进社区", 8, 1, 11, true),
            ("供电公司", "新坝社区", "清理建筑垃圾和牛皮癣", 30, 3, 10, false),
            ("市检察院", "汤泊社区", "现场办公、整理资料、督促进度", 12, 1, 11, false),
        ];
        foreach (var (unit, community, title, people, firstMonth, lastMonth, leaderAlways) in models)
        {
            for (var month = firstMonth; month <= lastMonth; month++)
            {
                var date = calendar.Date(2026, month, 12);
                var monthly = Log(unit, community, date, month % 2 == 0 ? ActivityCategory.EnvironmentalCleanup : ActivityCategory.Consultation,
                    $"{date.Month}月{title}", people, people * 6, leader: leaderAlways || month % 2 == 1, unit);
                monthly.Confirm(leaderAlways || month % 3 != 0 ? 5 : 4, null, community, at);
                yield return monthly;
            }
        }

        // 篇7: 市粮食局 gave 西焉村 400 books and 40,000 yuan.
        var books = Log("市粮食局", "西焉村", calendar.Date(2026, 6, 5), ActivityCategory.Donation, "为村图书室捐赠图书400册", 6, 12, true, "市粮食局", funds: 40_000m, materials: "图书400册");
        books.Confirm(5, null, "西焉村", at);
        yield return books;
    }
}
