using System.Text;
using CivicPairing.Domain.Activities;
using CivicPairing.Domain.AidHouseholds;
using CivicPairing.Domain.Evidence;
using CivicPairing.Domain.Pairings;
using CivicPairing.Domain.Registry;
using CivicPairing.Web.Infrastructure.Evidence;

namespace CivicPairing.Web.Seeding;

/// <summary>
/// 帮扶对象 of the demo city. 篇11: 市供销社's party members paired with 高岗村's poor households, "一户一方案、一人一措施":
/// three households with their plans (one of them late), one visit confirmed by the village, one 已脱困 with its evidence.
/// One household of 金墩社区, helped by 市财政局, so that demo.secretary and demo.liaison find one too.
/// </summary>
internal static class DemoHouseholds
{
    public static async Task<IReadOnlyList<AidHousehold>> CreateAsync(IReadOnlyDictionary<(string Unit, string Community), Pairing> pairings,
        IReadOnlyDictionary<string, Community> communities, DemoCalendar calendar, IEvidenceStore store, CancellationToken ct = default)
    {
        var at = calendar.At(2026, 3, 2, 2);
        var today = calendar.Now;
        AidHousehold Open(string unit, string community, string head, int members, string? names, Difficulties difficulties, string responsible, decimal? income) =>
            AidHousehold.Open(communities[community], pairings[(unit, community)],
                new AidHouseholdFacts(head, members, names, difficulties, null, responsible, null, income), null, community, at);

        var gao = Open("市供销社", "高岗村", "高德顺", 3, "高德顺、李桂兰、高小虎", Difficulties.MinimumLivingAllowance | Difficulties.SeriousIllness, "顾销", 3_200m);
        gao.AddMeasure("协助申请大病医疗救助", calendar.Date(2026, 4, 30), calendar.Date(2026, 3, 2)).DoneOn = calendar.Date(2026, 4, 20);
        gao.AddMeasure("安排村级公益性岗位", calendar.Date(2026, 11, 15), calendar.Date(2026, 3, 2));   // late: the plan is overdue
        gao.AddMeasure("联系县人民医院复查", calendar.Date(2026, 12, 20), calendar.Date(2026, 3, 2));

        var xiu = Open("市供销社", "高岗村", "高秀英", 1, null, Difficulties.FiveGuarantees | Difficulties.Disability, "卜供", 4_100m);
        xiu.AddMeasure("危房修缮", calendar.Date(2026, 6, 30), calendar.Date(2026, 3, 2)).DoneOn = calendar.Date(2026, 6, 12);
        xiu.AddMeasure("春节走访慰问", calendar.Date(2027, 1, 31), calendar.Date(2026, 3, 2));

        // 已脱困: 篇3's target (5,000 yuan a person) reached through livestock training and a job, confirmed with evidence.
        var lifted = Open("市供销社", "高岗村", "高小军", 4, null, Difficulties.Disaster | Difficulties.Unemployment, "顾销", 2_800m);
        lifted.AddMeasure("畜禽养殖技术培训", calendar.Date(2026, 5, 31), calendar.Date(2026, 3, 2)).DoneOn = calendar.Date(2026, 5, 20);
        lifted.AddMeasure("介绍到农产品加工厂务工", calendar.Date(2026, 8, 31), calendar.Date(2026, 3, 2)).DoneOn = calendar.Date(2026, 8, 1);
        var note = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
        using (var content = new MemoryStream(note))
        {
            lifted.Evidence.Add(new EvidenceFile
            {
                Id = Guid.NewGuid(), StoredName = await store.SaveAsync(content, ".pdf", ct), OriginalName = "高小军家脱困验收表.pdf", ContentType = "application/pdf",
                Length = note.Length, UploadedAt = calendar.At(2026, 10, 10, 2), UploadedBy = "高岗村",
            });
        }
        lifted.ConfirmLiftedOut(lifted.Evidence.Count, 5_600m, "高岗村", calendar.At(2026, 10, 10, 3));

        var qian = Open("市财政局", "金墩社区", "钱月娥", 2, null, Difficulties.ExtremeHardship, "张敏", null);
        qian.AddMeasure("代办临时救助申请", calendar.Date(2026, 12, 15), today);
        return [gao, xiu, lifted, qian];
    }

    /// <summary>The visit to 高德顺's family, logged by 市供销社 and confirmed by 高岗村 (the household must have its key).</summary>
    public static Activity Visit(IReadOnlyDictionary<(string Unit, string Community), Pairing> pairings, AidHousehold household, DemoCalendar calendar)
    {
        var pairing = pairings[("市供销社", "高岗村")];
        var date = calendar.Date(2026, 11, 10);
        var facts = new ActivityFacts(date, ActivityCategory.Visits, "走访慰问高德顺家，送米面油和慰问金", null, 2, 4, false, 800m, "米、面、油各一份", 3, null);
        var visit = Activity.Log(pairing, facts, new ActivityContext(date, pairing.StartDate, pairing.Unit!.StaffCount, true, null), Guid.NewGuid(), "市供销社",
            calendar.At(2026, 11, 10, 8));
        visit.AidHouseholdId = household.Id;
        visit.Confirm(5, "按方案入户，实打实。", "高岗村", calendar.At(2026, 11, 11, 2));
        return visit;
    }
}
