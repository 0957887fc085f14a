using CivicPairing.Domain.Agreements;
using CivicPairing.Domain.Pairings;

namespace CivicPairing.Web.Seeding;

/// <summary>
/// Agreements of the demo city: 篇4 as signed in 2017 (dates fixed by the source), and two current ones that give each
/// role something to do, written against <see cref="DemoCalendar.Anchor"/> and moved with the calendar.
/// </summary>
internal static class DemoAgreements
{
    public static IEnumerable<Agreement> Create(IReadOnlyDictionary<(string Unit, string Community), Pairing> pairings, DemoCalendar calendar, DateTimeOffset now)
    {
        // 篇4: 淮文外国语学校 ⇄ 状元府, 2017-05 to 2018-12, six focus areas, five tasks, signed 李文忠 / 夏金阳; expired since.
        var case4 = Agreement(pairings[("淮文外国语学校", "状元府")], "JD-2017-001", "淮文外国语学校与状元府结对共建协议书",
            new DateOnly(2017, 5, 1), new DateOnly(2018, 12, 31), AllFocusAreas, now,
            ("开展文明创建宣传教育", "进一步提高市民对创建工作的知晓率、支持率和参与度", new DateOnly(2018, 12, 31)),
            ("调查了解社区创建工作存在的难题、问题", "帮助协调解决", new DateOnly(2018, 12, 31)),
            ("清理房前屋后乱堆乱放、乱搭乱建、占道经营", "清理卫生死角、建筑垃圾", new DateOnly(2018, 6, 30)),
            ("修复窨井盖、路沿石、路灯", "疏通下水道、排水沟，清除绿化带杂草、路边种菜，修整路面坑洼", new DateOnly(2018, 10, 31)),
            ("积极引导居民统一垃圾袋装入桶", "做好房前屋后垃圾的清扫、保洁", new DateOnly(2018, 12, 31)));
        case4.SignByUnit("李文忠", new DateOnly(2017, 5, 8));
        case4.SignByCommunity("夏金阳", new DateOnly(2017, 5, 10));
        case4.File("demo.office", new DateOnly(2017, 5, 15), null, now);
        var reported = new DateTimeOffset(2018, 12, 20, 2, 0, 0, TimeSpan.Zero);
        foreach (var task in case4.Tasks.Where(t => t.Number <= 3))
        {
            task.ReportDone("已按协议完成。", AgreementStatus.Filed, "淮文外国语学校", reported);
            task.Confirm("状元府", reported.AddDays(3));
        }
        yield return case4;

        // 篇1/篇5 in the present: 市财政局 ⇄ 金墩社区, filed, one task waiting for demo.secretary, one overdue.
        var jindunStart = calendar.Date(2026, 3, 1);
        var jindun = Agreement(pairings[("市财政局", "金墩社区")], $"JD-{jindunStart.Year}-001", "市财政局与金墩社区结对共建协议书",
            jindunStart, calendar.Date(2027, 2, 28), FocusAreas.Environment | FocusAreas.Campaign | FocusAreas.Morality, now,
            ("清理小区“牛皮癣”小广告", "东亭二村、金墩新村全部楼道和外墙", calendar.Date(2026, 4, 30)),
            ("修建垃圾池一座", "后街后巷垃圾集中堆放点", calendar.Date(2026, 9, 30)),
            ("修复窨井盖和路灯", "金墩路沿线破损窨井盖12处、路灯8盏", calendar.Date(2026, 10, 31)),
            ("春节前走访慰问困难家庭", "低保户、五保户、空巢老人", calendar.Date(2027, 1, 31)));
        jindun.VisitsPerMonth = 1;
        jindun.CoordinationMeetingsPerQuarter = 1;
        jindun.SignByUnit("周建国", calendar.Date(2026, 3, 2));
        jindun.SignByCommunity("陈红", calendar.Date(2026, 3, 3));
        jindun.File("demo.office", calendar.Date(2026, 3, 5), null, now);
        var april = calendar.At(2026, 4, 28, 2);
        jindun.Tasks[0].ReportDone("出动38人，清理楼道小广告约1,200处。", AgreementStatus.Filed, "demo.liaison", april);
        jindun.Tasks[0].Confirm("demo.secretary", april.AddDays(2));
        jindun.Tasks[1].ReportDone("垃圾池已于9月底建成并投入使用，附验收照片。", AgreementStatus.Filed, "demo.liaison", calendar.At(2026, 10, 8, 2));
        yield return jindun;

        // 篇5: 台江区房管局 ⇄ 水巷社区, signed by the bureau, waiting for the community.
        var shuixiangStart = calendar.Date(2026, 1, 1);
        var shuixiang = Agreement(pairings[("台江区房管局", "水巷社区")], $"JD-{shuixiangStart.Year}-002", "台江区房管局机关党支部与水巷社区党总支结对共建协议书",
            shuixiangStart, calendar.Date(2026, 12, 31), FocusAreas.Morality | FocusAreas.Campaign, now,
            ("春节前走访慰问", "由党委书记带队到水巷社区了解情况、征求意见", calendar.Date(2026, 2, 15)),
            ("低保户、五保户公房修缮", "集中开展一次公房修缮", calendar.Date(2026, 10, 31)),
            ("设立房地产政策咨询服务点", "拆迁安置、房产交易、经济适用房和廉租房申请咨询", calendar.Date(2026, 6, 30)));
        shuixiang.VisitsPerMonth = 1;
        shuixiang.SignByUnit("陈贤飞", calendar.Date(2026, 1, 5));
        yield return shuixiang;
    }

    private const FocusAreas AllFocusAreas = FocusAreas.Economy | FocusAreas.Environment | FocusAreas.Morality | FocusAreas.Culture | FocusAreas.Campaign | FocusAreas.RoleModels;

    private static Agreement Agreement(Pairing pairing, string number, string title, DateOnly start, DateOnly end, FocusAreas focus, DateTimeOffset now,
        params (string Title, string Description, DateOnly Due)[] tasks)
    {
        var agreement = new Agreement
        {
            Pairing = pairing, Number = number, Title = title, FocusAreas = focus, StartDate = start, EndDate = end,
            JointMeetingsPerHalfYear = 1, CreatedAt = now,
        };
        var n = 0;
        foreach (var (taskTitle, description, due) in tasks)
        {
            agreement.Tasks.Add(new AgreementTask { Number = ++n, Title = taskTitle, Description = description, DueDate = due });
        }
        return agreement;
    }
}
