using System.Net;
using System.Text.RegularExpressions;
using CivicPairing.Domain.Agreements;
using CivicPairing.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CivicPairing.IntegrationTests;

public sealed class AgreementWorkflow(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly (string Title, string Description, string Due)[] Case4Tasks =
    [
        ("开展文明创建宣传教育", "进一步提高市民对创建工作的知晓率、支持率和参与度", "2018-12-31"),
        ("调查了解社区创建工作存在的难题、问题", "帮助协调解决", "2018-12-31"),
        ("清理房前屋后乱堆乱放、乱搭乱建、占道经营", "清理卫生死角、建筑垃圾", "2018-06-30"),
        ("修复窨井盖、路沿石、路灯", "疏通下水道、排水沟，清除绿化带杂草、路边种菜，修整路面坑洼", "2018-10-31"),
        ("积极引导居民统一垃圾袋装入桶", "做好房前屋后垃圾的清扫、保洁", "2018-12-31"),
    ];

    private static List<KeyValuePair<string, string>> Form(int pairingId, string number, string start, string end, IEnumerable<(string Title, string Description, string Due)> tasks,
        string title = "结对共建协议书", params string[] focus)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("PairingId", pairingId.ToString()), new("Number", number), new("Title", title), new("Principles", "互惠双赢；彰显特色；因地制宜。"),
            new("StartDate", start), new("EndDate", end), new("VisitsPerMonth", "1"), new("CoordinationMeetingsPerQuarter", "0"), new("JointMeetingsPerHalfYear", "1"),
        };
        fields.AddRange((focus.Length == 0 ? ["Economy", "Environment", "Morality", "Culture", "Campaign", "RoleModels"] : focus).Select(f => KeyValuePair.Create("FocusAreas", f)));
        var i = 0;
        foreach (var (t, d, due) in tasks)
        {
            fields.Add(new($"Tasks[{i}].Title", t));
            fields.Add(new($"Tasks[{i}].Description", d));
            fields.Add(new($"Tasks[{i}].DueDate", due));
            i++;
        }
        return fields;
    }

    private static async Task<HttpResponseMessage> ActAsync(PortalClient client, Agreement agreement, string action, Dictionary<string, string>? fields = null) =>
        await client.PostFormAsync($"/Agreements/Details/{agreement.Id}", $"/Agreements/{action}/{agreement.Id}",
            new Dictionary<string, string>(fields ?? []) { ["version"] = agreement.Version.ToString() });

    [Fact]
    public async Task Case4IsDraftedSignedFiledAndPrintedAsThePaperAgreement()
    {
        using var office = await PortalClient.SignedInAsync(factory, "demo.office");
        var pairing = await factory.PairingAsync("淮文外国语学校", "状元府");
        var created = await office.PostFormAsync($"/Agreements/Create?pairingId={pairing.Id}", "/Agreements/Create",
            Form(pairing.Id, "HW-2017-05", "2017-05-01", "2018-12-31", Case4Tasks, "淮文外国语学校与状元府结对共建协议书"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        var draft = await factory.AgreementAsync("HW-2017-05");
        Assert.Equal((AgreementStatus.Draft, 5), (draft.Status, draft.Tasks.Count));
        await ActAsync(office, draft, "SignUnit", new() { ["signatory"] = "李文忠", ["signedOn"] = "2017-05-08" });
        var signedByUnit = await factory.AgreementAsync("HW-2017-05");
        await ActAsync(office, signedByUnit, "SignCommunity", new() { ["signatory"] = "夏金阳", ["signedOn"] = "2017-05-10" });
        var signed = await factory.AgreementAsync("HW-2017-05");
        await ActAsync(office, signed, "File");

        var filed = await factory.AgreementAsync("HW-2017-05");
        Assert.Equal((AgreementStatus.Filed, "李文忠", "夏金阳"), (filed.Status, filed.UnitSignatory, filed.CommunitySignatory));
        Assert.Contains("已到期", await office.GetPageAsync($"/Agreements/Details/{filed.Id}"), StringComparison.Ordinal); // its period ended in 2018

        var print = Regex.Replace(await office.GetPageAsync($"/Agreements/Print/{filed.Id}"), "<[^>]+>", "");
        foreach (var expected in new[]
        {
            "结对共建协议书", "甲方：淮文外国语学校", "乙方：状元府", "一、共建目标", "经济共促、环境共建、道德共建、文化共办、创建共抓、典型共育", "六项重点",
            "二、共建原则", "1.互惠双赢。", "3.因地制宜。", "三、共建时间", "从2017年5月1日开始至2018年12月31日结束，为期20个月。",
            "五、共建任务", "4、修复窨井盖、路沿石、路灯：疏通下水道、排水沟", "（2018年6月30日前完成）",
            "本协议一式三份（双方各执一份，一份送市委文明办备案），自双方领导签字后生效。", "李文忠", "夏金阳", "2017年5月8日", "2017年5月10日",
        })
        {
            Assert.Contains(expected, print, StringComparison.Ordinal);
        }
        for (var n = 1; n <= 5; n++)
        {
            Assert.Contains($"{n}、{Case4Tasks[n - 1].Title}", print, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("EndDate", "2026-01-01", "结束日期不能早于开始日期。")]
    [InlineData("Tasks[0].DueDate", "2028-01-01", "完成期限超出协议期限")]
    [InlineData("Tasks[0].Title", "<script>x</script>", "不能包含 HTML")]
    [InlineData("Number", "", "协议编号")]
    [InlineData("Title", "", "标题")]
    public async Task RefusesABadDraftBesideTheFieldAndStoresNothing(string field, string value, string message)
    {
        using var liaison = await PortalClient.SignedInAsync(factory, "demo.liaison");
        var pairing = await factory.PairingAsync("市财政局", "金墩社区");
        var fields = Form(pairing.Id, "JD-BAD-1", "2026-06-01", "2027-05-31", [("入户走访", "困难家庭", "2026-12-31")]);
        fields.RemoveAll(f => f.Key == field);
        fields.Add(new(field, value));
        var before = await factory.QueryAsync(db => db.Agreements.CountAsync());

        var response = await liaison.PostFormAsync($"/Agreements/Create?pairingId={pairing.Id}", "/Agreements/Create", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, PortalClient.FieldError(await response.Content.ReadAsStringAsync(), field) ?? "", StringComparison.Ordinal);
        Assert.Equal(before, await factory.QueryAsync(db => db.Agreements.CountAsync()));
    }

    [Fact]
    public async Task RefusesADraftWithoutTasks()
    {
        using var liaison = await PortalClient.SignedInAsync(factory, "demo.liaison");
        var pairing = await factory.PairingAsync("市财政局", "金墩社区");
        var response = await liaison.PostFormAsync($"/Agreements/Create?pairingId={pairing.Id}", "/Agreements/Create", Form(pairing.Id, "JD-EMPTY", "2026-06-01", "2027-05-31", []));
        Assert.Contains("请至少列出一项任务。", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusesSigningOutOfOrderAndFilingUnsigned()
    {
        using var liaison = await PortalClient.SignedInAsync(factory, "demo.liaison");
        var pairing = await factory.PairingAsync("市财政局", "金墩社区");
        await liaison.PostFormAsync($"/Agreements/Create?pairingId={pairing.Id}", "/Agreements/Create",
            Form(pairing.Id, "JD-ORDER-1", "2026-06-01", "2027-05-31", [("入户走访", "困难家庭", "2026-12-31")]));
        var draft = await factory.AgreementAsync("JD-ORDER-1");

        using var secretary = await PortalClient.SignedInAsync(factory, "demo.secretary");
        var early = await ActAsync(secretary, draft, "SignCommunity", new() { ["signatory"] = "陈红", ["signedOn"] = "2026-06-02" });
        Assert.Contains("须由甲方（单位）先签字。", await secretary.GetPageAsync(early.Headers.Location!.OriginalString), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Forbidden, (await ActAsync(liaison, draft, "File")).StatusCode);
        using var office = await PortalClient.SignedInAsync(factory, "demo.office");
        var unsigned = await ActAsync(office, draft, "File");
        Assert.Contains("只有双方都已签字的协议才能备案。", await office.GetPageAsync(unsigned.Headers.Location!.OriginalString), StringComparison.Ordinal);
        Assert.Equal(AgreementStatus.Draft, (await factory.AgreementAsync("JD-ORDER-1")).Status);

        // The liaison may not sign for the community either.
        await ActAsync(liaison, draft, "SignUnit", new() { ["signatory"] = "周建国", ["signedOn"] = "2026-06-01" });
        Assert.Equal(HttpStatusCode.Forbidden, (await ActAsync(liaison, await factory.AgreementAsync("JD-ORDER-1"), "SignCommunity", new() { ["signatory"] = "x" })).StatusCode);
    }

    [Fact]
    public async Task KeepsAFiledAgreementReadOnlyAndAmendsItAsANewVersion()
    {
        var filed = await factory.AgreementAsync("JD-2026-001");
        using var liaison = await PortalClient.SignedInAsync(factory, "demo.liaison");
        var edit = await liaison.GetAsync($"/Agreements/Edit/{filed.Id}");
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        Assert.Contains("请改为起草修订版", await liaison.GetPageAsync(edit.Headers.Location!.OriginalString), StringComparison.Ordinal);
        var post = await liaison.PostFormAsync($"/Agreements/Details/{filed.Id}", $"/Agreements/Edit/{filed.Id}",
            Form(filed.PairingId, "JD-2026-001", "2026-03-01", "2027-02-28", [("改掉的任务", "", "2026-12-31")], "被改掉的标题"));
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Equal("市财政局与金墩社区结对共建协议书", (await factory.AgreementAsync("JD-2026-001")).Title);

        var amend = await liaison.PostFormAsync($"/Agreements/Details/{filed.Id}", $"/Agreements/Amend/{filed.Id}", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, amend.StatusCode);
        var v2 = await factory.AgreementAsync("JD-2026-001", version: 2);
        Assert.Equal((AgreementStatus.Draft, filed.Id), (v2.Status, v2.PreviousVersionId));
        var unconfirmed = filed.Tasks.Where(t => t.Status != AgreementTaskStatus.Confirmed).OrderBy(t => t.Number).Select(t => t.Title);
        Assert.Equal(unconfirmed, v2.Tasks.OrderBy(t => t.Number).Select(t => t.Title));
        Assert.Equal(AgreementStatus.Filed, (await factory.AgreementAsync("JD-2026-001")).Status);
    }

    [Fact]
    public async Task ShowsAConflictInsteadOfOverwritingAStaleDraftEdit()
    {
        var draft = await factory.AgreementAsync("JD-2026-002");
        using var office = await PortalClient.SignedInAsync(factory, "demo.office");
        // JD-2026-002 is signed by the unit already, so a fresh draft is needed.
        var pairing = await factory.PairingAsync("市粮食局", "西焉村");
        await office.PostFormAsync($"/Agreements/Create?pairingId={pairing.Id}", "/Agreements/Create",
            Form(pairing.Id, "LS-2026-01", "2026-01-01", "2026-12-31", [("捐赠图书", "400册", "2026-06-30")], "市粮食局与西焉村结对共建协议书"));
        var fresh = await factory.AgreementAsync("LS-2026-01");

        var first = Form(pairing.Id, "LS-2026-01", "2026-01-01", "2026-12-31", [("捐赠图书", "400册", "2026-06-30"), ("修建文化大院", "5万元", "2026-10-31")], "市粮食局与西焉村结对共建协议书");
        first.Add(new("Version", fresh.Version.ToString()));
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"/Agreements/Edit/{fresh.Id}", $"/Agreements/Edit/{fresh.Id}", first)).StatusCode);

        var stale = Form(pairing.Id, "LS-2026-01", "2026-01-01", "2026-12-31", [("别的任务", "", "2026-06-30")], "过时的标题");
        stale.Add(new("Version", fresh.Version.ToString()));
        var response = await office.PostFormAsync($"/Agreements/Edit/{fresh.Id}", $"/Agreements/Edit/{fresh.Id}", stale);

        Assert.Contains("他人修改了此记录", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var saved = await factory.AgreementAsync("LS-2026-01");
        Assert.Equal(("市粮食局与西焉村结对共建协议书", 2), (saved.Title, saved.Tasks.Count));
        Assert.Equal(AgreementStatus.SignedByUnit, draft.Status);
    }

    [Fact]
    public async Task HidesAnotherCommunitysAgreement()
    {
        var other = await factory.AgreementAsync("JD-2017-001");
        using var secretary = await PortalClient.SignedInAsync(factory, "demo.secretary");
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"/Agreements/Details/{other.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"/Agreements/Print/{other.Id}")).StatusCode);
        var list = await secretary.GetPageAsync("/Agreements");
        Assert.Contains("市财政局与金墩社区结对共建协议书", list, StringComparison.Ordinal);
        Assert.DoesNotContain("状元府", list, StringComparison.Ordinal);
    }
}
