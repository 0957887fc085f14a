using CivicPairing.Domain.Activities;
using CivicPairing.Domain.Funding;
using CivicPairing.Domain.Needs;
using CivicPairing.Domain.Registry;

namespace CivicPairing.Web.Seeding;

/// <summary>
/// Needs of the demo city, one or more in every state, so that each role finds something on the needs pages: 篇9's garbage
/// pools along 碧海大道下沙段 open to take, and 金墩社区's needs waiting for the office, dispatched to 市财政局 (demo.liaison),
/// taken, reported for demo.secretary to rate, and rated.
/// </summary>
internal static class DemoNeeds
{
    public static IEnumerable<Need> Create(IReadOnlyDictionary<string, Unit> units, IReadOnlyDictionary<string, Community> communities, DemoCalendar calendar)
    {
        var posted = calendar.At(2026, 10, 20, 2);
        var postedOn = calendar.Date(2026, 10, 20);
        Need Post(string community, string title, ActivityCategory category, string description, string place, DateOnly wantedBy, Strengths skills, decimal? budget) =>
            Need.Post(communities[community].Id, title, category, description, place, wantedBy, skills, budget, postedOn, "demo.secretary", posted);

        // 篇9: "社区范围碧海大道下沙段沿途没有垃圾池……经核算需要建设资金共人民币伍万捌千肆佰玖拾元整(58490)元".
        var pools = Post("碧海社区", "碧海大道下沙段设置垃圾池", ActivityCategory.Infrastructure,
            "碧海大道下沙段沿途没有垃圾池，垃圾乱堆放，严重影响环境卫生。需规范设置垃圾池，经核算需建设资金58,490元。", "碧海大道下沙段",
            calendar.Date(2027, 3, 31), Strengths.Environment | Strengths.Infrastructure, 58_490m);
        pools.Publish("demo.office", posted.AddDays(1));
        yield return pools;

        var review = Post("金墩社区", "东亭二村楼道安装声控灯", ActivityCategory.Infrastructure, "东亭二村12个楼道无照明，老人夜间上下楼不便。", "东亭二村",
            calendar.Date(2027, 1, 31), Strengths.Infrastructure, 6_800m);
        yield return review;

        var credit = Post("金墩社区", "居民小额贷款和防诈骗政策宣讲", ActivityCategory.PublicityEducation, "面向个体户和老年居民，讲解小额贷款政策和常见金融诈骗。", "金墩社区党群服务中心",
            calendar.Date(2026, 12, 20), Strengths.Finance, null);
        credit.Publish("demo.office", posted.AddDays(1));
        yield return credit;

        var bookkeeping = Post("金墩社区", "社区财务公开和代账培训", ActivityCategory.Training, "为社区“两委”和居务监督委员会讲解财务公开、代账流程。", "金墩社区会议室",
            calendar.Date(2026, 12, 31), Strengths.Finance, null);
        bookkeeping.Publish("demo.office", posted.AddDays(1));
        bookkeeping.Dispatch(units["市财政局"].Id, "市财政局", "demo.office", posted.AddDays(2));
        yield return bookkeeping;

        var tutoring = Post("金墩社区", "寒假青少年课后辅导志愿者", ActivityCategory.CultureSports, "寒假期间每周两个下午，需要志愿者辅导小学生作业。", "金墩社区青少年之家",
            calendar.Date(2027, 2, 20), Strengths.Education | Strengths.Youth, null);
        tutoring.Publish("demo.office", posted.AddDays(1));
        tutoring.Take(units["市财政局"].Id, mayTake: true, "demo.liaison", posted.AddDays(3));
        yield return tutoring;

        // Overdue: taken, wanted by a day that has passed, not yet reported.
        var drains = Post("金墩社区", "金墩路排水沟清淤", ActivityCategory.EnvironmentalCleanup, "雨季前清理金墩路两侧排水沟淤泥。", "金墩路",
            calendar.Date(2026, 11, 15), Strengths.Environment | Strengths.Infrastructure, null);
        drains.Publish("demo.office", posted.AddDays(1));
        drains.Take(units["市水务局"].Id, mayTake: true, "市水务局", posted.AddDays(2));
        yield return drains;

        var exits = Post("金墩社区", "金墩新村消防通道清理", ActivityCategory.EnvironmentalCleanup, "清理消防通道堆放杂物、僵尸车。", "金墩新村",
            calendar.Date(2026, 12, 15), Strengths.PublicSecurity, null);
        exits.Publish("demo.office", posted.AddDays(1));
        exits.Take(units["市公安局"].Id, mayTake: true, "市公安局", posted.AddDays(2));
        exits.ReportDone(units["市公安局"].Id, "出动民警和辅警24人，清理杂物3车，拖移僵尸车5辆。", "市公安局", calendar.At(2026, 11, 18, 2));
        yield return exits;

        var couplets = Post("金墩社区", "迎新春写春联送福字", ActivityCategory.CultureSports, "请书法爱好者为居民现场写春联。", "金墩社区广场",
            calendar.Date(2026, 11, 10), Strengths.Culture, null);
        couplets.Publish("demo.office", posted.AddDays(1));
        couplets.Take(units["市财政局"].Id, mayTake: true, "demo.liaison", posted.AddDays(2));
        couplets.ReportDone(units["市财政局"].Id, "书法协会会员6人写春联300副、福字500张。", "demo.liaison", calendar.At(2026, 11, 9, 2));
        couplets.Rate(5, "居民排队领春联，很受欢迎。", "demo.secretary", calendar.At(2026, 11, 10, 2));
        yield return couplets;

        var lights = Post("望海社区", "望海路破损路灯修复", ActivityCategory.Infrastructure, "望海路沿线路灯8盏不亮。", "望海路",
            calendar.Date(2027, 1, 15), Strengths.Infrastructure, 12_000m);
        lights.Publish("demo.office", posted.AddDays(1));
        yield return lights;

        var returned = Post("二女桥社区", "修建社区篮球场", ActivityCategory.CultureSports, "在二女桥旁空地修建标准篮球场。", "二女桥",
            calendar.Date(2027, 5, 1), Strengths.Infrastructure, 380_000m);
        returned.ReturnToCommunity("投资较大，请先与街道确认用地，并补充预算明细后重新提交。", "demo.office", posted.AddDays(1));
        yield return returned;

        var withdrawn = Post("金城社区", "夜间巡逻志愿者培训", ActivityCategory.Training, "培训平安志愿者夜间巡逻。", "金城社区",
            calendar.Date(2026, 12, 31), Strengths.PublicSecurity, null);
        withdrawn.Withdraw("demo.secretary", posted.AddDays(1));
        yield return withdrawn;
    }

    /// <summary>
    /// 篇9's request itself: 58,490 yuan for the garbage pools and the office refit, pledged by its paired hospital and by
    /// 市财政局 (demo.liaison, who records the payment), approved; and 金墩社区's request waiting for the office.
    /// </summary>
    public static IEnumerable<FundingRequest> Funding(IReadOnlyDictionary<string, Unit> units, IReadOnlyDictionary<string, Community> communities, DemoCalendar calendar)
    {
        var asked = calendar.At(2026, 10, 25, 2);
        var pools = FundingRequest.Ask(communities["碧海社区"].Id, null, "碧海大道下沙段垃圾池建设和社区办公室改造",
            "社区范围碧海大道下沙段沿途没有垃圾池，导致垃圾乱堆放；社区无经济实体，办公室场所的改造配置和垃圾池的设置资金需要上级及有关共建单位支持。",
            [("碧海大道下沙段垃圾池建设", 46_000m), ("社区办公室改造配置", 12_490m)], "demo.secretary", asked);
        pools.Pledge(units["市第一人民医院"].Id, 30_000m, "市第一人民医院", asked.AddDays(3));
        pools.Pledge(units["市财政局"].Id, 20_000m, "demo.liaison", asked.AddDays(4));
        pools.Approve("demo.office", asked.AddDays(6));
        yield return pools;

        var room = FundingRequest.Ask(communities["金墩社区"].Id, null, "金墩社区老年活动室改造",
            "活动室地面防滑改造、添置桌椅和空调，方便老人日间活动。",
            [("地面防滑改造", 9_600m), ("桌椅", 4_400m), ("空调两台", 6_000m)], "demo.secretary", calendar.At(2026, 11, 20, 2));
        yield return room;
    }
}
