using CivicPairing.Domain.Members;
using CivicPairing.Domain.Registry;

namespace CivicPairing.Web.Seeding;

/// <summary>
/// 篇6 双报到 in the demo city: in-service party members of 市财政局 living in 金墩社区 reported there and accepted by its secretary,
/// with service confirmed in this quarter and the last (so demo.liaison's quarterly feedback has content), one service awaiting
/// demo.secretary's confirmation, one report awaiting her, and one member not reported yet. 李华 signs in as demo.member.
/// </summary>
internal static class DemoMembers
{
    /// <summary>The member demo.member signs in for.</summary>
    public const string DemoMemberName = "李华";

    public static List<PartyMember> Members(IReadOnlyDictionary<string, Unit> units, IReadOnlyDictionary<string, Community> communities, DateTimeOffset now)
    {
        var unit = units["市财政局"].Id;
        var jindun = communities["金墩社区"].Id;
        PartyMember Register(string name, string phone, int community) => PartyMember.Register(unit, name, phone, community, "demo.liaison", now);
        return
        [
            Register(DemoMemberName, "13905120001", jindun),
            Register("王芳", "13905120002", jindun),
            Register("赵强", "13905120003", jindun),
            Register("孙丽", "13905120004", jindun),
            Register("周涛", "13905120005", communities["汤泊社区"].Id),
        ];
    }

    /// <summary>Reports and service of the members saved by <see cref="Members"/> (their keys are known now).</summary>
    public static (List<MemberReport> Reports, List<MemberService> Services) Work(IReadOnlyList<PartyMember> members, DemoCalendar calendar)
    {
        var reports = new List<MemberReport>();
        var services = new List<MemberService>();
        var acceptedOn = calendar.Date(2026, 6, 2);
        var today = calendar.Now;
        foreach (var member in members.Take(3))
        {
            var report = MemberReport.Submit(member, null, "demo.liaison", calendar.At(2026, 6, 1, 2));
            report.Accept(acceptedOn, "demo.secretary", calendar.At(2026, 6, 2, 2));
            reports.Add(report);
        }
        // 孙丽 reported last week: waiting for demo.secretary.
        reports.Add(MemberReport.Submit(members[3], null, "demo.liaison", calendar.At(2026, 11, 18, 2)));

        (int Member, int Year, int Month, int Day, decimal Hours, string What, string Remark)[] confirmed =
        [
            (0, 2026, 7, 11, 3m, "金墩社区党群服务中心值守，接待居民咨询社保和医保政策", "热情耐心，居民满意"),
            (0, 2026, 9, 19, 4m, "参加社区“周六大扫除”，清理东亭二村楼道杂物", "带头清理，效果明显"),
            (0, 2026, 10, 17, 2.5m, "为社区个体户讲解小额贷款和防诈骗知识", "结合本职，讲解通俗易懂"),
            (0, 2026, 11, 14, 3m, "重阳节走访慰问东亭二村独居老人", "细致周到"),
            (1, 2026, 8, 8, 2m, "协助社区开展垃圾分类入户宣传", "认真负责"),
            (1, 2026, 10, 24, 4m, "社区财务公开栏整理和代账指导", "专业扎实，帮助很大"),
            (2, 2026, 10, 10, 1.5m, "参加社区治安巡逻", "按时到岗"),
        ];
        foreach (var (m, y, mo, d, hours, what, remark) in confirmed)
        {
            var report = reports[m];
            services.Add(MemberService.Record(report, calendar.Date(y, mo, d), hours, what, 0m, bySecretary: false, null, today,
                members[m].Name, calendar.At(y, mo, d, 10)));
            services[^1].Confirm(remark, "demo.secretary", calendar.At(y, mo, d + 1, 2));
        }
        // Awaiting demo.secretary's confirmation.
        services.Add(MemberService.Record(reports[2], calendar.Date(2026, 11, 21), 2m, "协助社区组织冬季消防安全检查", 0m, bySecretary: false, null, today,
            members[2].Name, calendar.At(2026, 11, 21, 10)));
        return (reports, services);
    }
}
