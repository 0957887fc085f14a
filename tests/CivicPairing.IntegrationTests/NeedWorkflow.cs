using System.Globalization;
using System.Net;
using CivicPairing.Domain.Needs;
using CivicPairing.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CivicPairing.IntegrationTests;

/// <summary>
/// 点单–派单–接单–评单 through the real forms: demo.secretary (金墩社区) posts, demo.office publishes or dispatches,
/// demo.liaison (市财政局) takes or accepts, reports, and the community rates; every refusal is a message, never a change.
/// </summary>
public sealed class NeedWorkflow(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private Task<Need> NeedAsync(string title) =>
        factory.QueryAsync(db => db.Needs.AsNoTracking().Include(n => n.Events).SingleAsync(n => n.Title == title));

    private static Task<HttpResponseMessage> ActAsync(PortalClient client, Need need, string action, Dictionary<string, string>? fields = null) =>
        client.PostFormAsync($"/Needs/Details/{need.Id}", $"/Needs/{action}/{need.Id}",
            new Dictionary<string, string>(fields ?? []) { ["version"] = need.Version.ToString() });

    private static async Task<string> FollowAsync(PortalClient client, HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await client.GetPageAsync(response.Headers.Location!.OriginalString);
    }

    private Dictionary<string, string> NeedForm(string title, DateOnly wantedBy, string? budget = null) => new()
    {
        ["Title"] = title, ["Category"] = "Training", ["Description"] = "社区会计培训", ["Place"] = "金墩社区会议室",
        ["WantedBy"] = wantedBy.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["Skills"] = "Finance", ["Budget"] = budget ?? "",
    };

    [Fact]
    public async Task ANeedIsPostedWithPhotosOfThePlaceAndARefusedFormKeepsNoFile()
    {
        using var secretary = await PortalClient.SignedInAsync(factory, "demo.secretary");
        using var office = await PortalClient.SignedInAsync(factory, "demo.office");
        using var liaison = await PortalClient.SignedInAsync(factory, "demo.liaison");
        var filesBefore = await factory.QueryAsync(db => db.EvidenceFiles.CountAsync());

        // Refused for its date: nothing is kept, and the form says the photo must be chosen again.
        var refused = await secretary.PostMultipartAsync("/Needs/Post", "/Needs/Post", NeedForm("后街照片需求（日期错）", factory.Today.AddDays(-1)),
            ("files", "后街.jpg", TestImages.Jpeg(640, 480)));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.NotNull(PortalClient.FieldError(html, "WantedBy"));
        Assert.Equal("请重新选择照片：表单退回修改时不保留已选的文件。", PortalClient.FieldError(html, "files"));
        // A file that is not a photo is refused beside the field.
        var notAPhoto = await secretary.PostMultipartAsync("/Needs/Post", "/Needs/Post", NeedForm("后街照片需求（文件错）", factory.Today.AddDays(10)),
            ("files", "后街.jpg", "not a picture"u8.ToArray()));
        Assert.Equal(HttpStatusCode.OK, notAPhoto.StatusCode);
        Assert.NotNull(PortalClient.FieldError(await notAPhoto.Content.ReadAsStringAsync(), "files"));
        Assert.Equal(filesBefore, await factory.QueryAsync(db => db.EvidenceFiles.CountAsync()));
        Assert.False(await factory.QueryAsync(db => db.Needs.AnyAsync(n => n.Title.StartsWith("后街照片需求"))));

        var posted = await secretary.PostMultipartAsync("/Needs/Post", "/Needs/Post", NeedForm("后街照片需求", factory.Today.AddDays(10)),
            ("files", "后街.jpg", TestImages.Jpeg(640, 480)));
        var details = await FollowAsync(secretary, posted);
        var need = await NeedAsync("后街照片需求");
        var photo = Assert.Single(await factory.QueryAsync(db => db.EvidenceFiles.Where(e => e.NeedId == need.Id).ToListAsync()));
        Assert.Equal(("后街.jpg", "demo.secretary"), (photo.OriginalName, photo.UploadedBy));
        Assert.Contains("<h2 class=\"mt-3 h5\">现场照片</h2>", details, StringComparison.Ordinal);
        Assert.Contains($"/Evidence/{photo.Id}", details, StringComparison.Ordinal);
        Assert.DoesNotContain(">佐证材料</h2>", details, StringComparison.Ordinal);

        // The office sees the photo; a unit does not until the need is open to take.
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync($"/Evidence/{photo.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await liaison.GetAsync($"/Evidence/{photo.Id}")).StatusCode);
        await ActAsync(office, need, "Publish");
        Assert.Equal(HttpStatusCode.OK, (await liaison.GetAsync($"/Evidence/{photo.Id}")).StatusCode);
    }

    [Fact]
    public async Task ANeedTakenForACommunityWithoutAUnitShowsInCoverage()
    {
        using var office = await PortalClient.SignedInAsync(factory, "demo.office");
        using var liaison = await PortalClient.SignedInAsync(factory, "demo.liaison");
        // A community of the demo city without a pairing in force posts a need; the office publishes it; 市财政局 takes it.
        var (communityId, street) = await factory.QueryAsync(async db => await db.Communities
            .Where(c => c.IsActive && !db.Pairings.Any(p => p.CommunityId == c.Id && p.Status == Domain.Pairings.PairingStatus.Active))
            .OrderBy(c => c.Id).Select(c => new ValueTuple<int, string>(c.Id, c.Street)).FirstAsync());
        var helpedBefore = await HelpedUnpairedAsync();
        await factory.QueryAsync(async db =>
        {
            db.Needs.Add(Need.Post(communityId, "村口路灯维修", Domain.Activities.ActivityCategory.Infrastructure, null, "村口", factory.Today.AddDays(15),
                Domain.Registry.Strengths.None, null, factory.Today, "seed", factory.Clock.GetUtcNow()));
            return await db.SaveChangesAsync();
        });
        var need = await NeedAsync("村口路灯维修");
        await ActAsync(office, need, "Publish");
        need = await NeedAsync("村口路灯维修");
        Assert.Contains("接单成功", await FollowAsync(liaison, await liaison.PostFormAsync($"/Needs/Details/{need.Id}", $"/Needs/Take/{need.Id}", [])), StringComparison.Ordinal);

        var html = await office.GetPageAsync($"/Coverage?street={Uri.EscapeDataString(street)}");
        Assert.Contains("经需求帮扶：市财政局", html, StringComparison.Ordinal);
        Assert.Equal(helpedBefore + 1, await HelpedUnpairedAsync());
        Assert.Contains($"<div class=\"stat-value coverage-helped\">{helpedBefore + 1}</div>", await office.GetPageAsync("/Coverage"), StringComparison.Ordinal);
        var csv = await (await office.GetAsync($"/Coverage/Export?format=csv&street={Uri.EscapeDataString(street)}")).Content.ReadAsByteArrayAsync();
        var rows = CivicPairing.Web.Infrastructure.Spreadsheets.CsvReader.Read(new MemoryStream(csv), 1000);
        var communityName = await factory.QueryAsync(db => db.Communities.Where(c => c.Id == communityId).Select(c => c.Name).SingleAsync());
        Assert.Contains(rows, r => r[1] == communityName && r[3] == "否" && r[5] == "市财政局");

        // Counted independently: active communities without a pairing in force that have a need some unit took.
        Task<int> HelpedUnpairedAsync() => factory.QueryAsync(db => db.Communities.CountAsync(c => c.IsActive
            && !db.Pairings.Any(p => p.CommunityId == c.Id && p.Status == Domain.Pairings.PairingStatus.Active)
            && db.Needs.Any(n => n.CommunityId == c.Id && (n.Status == NeedStatus.Taken || n.Status == NeedStatus.ReportedDone || n.Status == NeedStatus.Rated))));
    }

    [Fact]
    public async Task APostedNeedIsPublishedTakenReportedAndRatedAndCountsAsTheUnitsDoneTask()
    {
        using var secretary = await PortalClient.SignedInAsync(factory, "demo.secretary");
        using var office = await PortalClient.SignedInAsync(factory, "demo.office");
        using var liaison = await PortalClient.SignedInAsync(factory, "demo.liaison");

        var posted = await secretary.PostFormAsync("/Needs/Post", "/Needs/Post", NeedForm("社区记账培训", factory.Today.AddDays(20), "1200.50"));
        Assert.Contains("需求已提交，等待文明办审核。", await FollowAsync(secretary, posted), StringComparison.Ordinal);
        var need = await NeedAsync("社区记账培训");
        Assert.Equal((NeedStatus.Submitted, 1200.50m, "demo.secretary"), (need.Status, need.Budget, need.PostedBy));
        // Not open yet: the liaison does not see it.
        Assert.Equal(HttpStatusCode.NotFound, (await liaison.GetAsync($"/Needs/Details/{need.Id}")).StatusCode);

        Assert.Contains("已发布，各单位现在可以接单。", await FollowAsync(office, await ActAsync(office, need, "Publish")), StringComparison.Ordinal);
        need = await NeedAsync("社区记账培训");
        // Her unit is paired with 金墩社区 and the need asks for finance: it leads her list and her home page.
        Assert.Contains("结对社区", await liaison.GetPageAsync("/Needs"), StringComparison.Ordinal);
        Assert.Contains("社区记账培训", await liaison.GetPageAsync("/"), StringComparison.Ordinal);

        var taken = await liaison.PostFormAsync($"/Needs/Details/{need.Id}", $"/Needs/Take/{need.Id}", []);
        Assert.Contains("接单成功", await FollowAsync(liaison, taken), StringComparison.Ordinal);
        need = await NeedAsync("社区记账培训");
        var unitId = await factory.UnitIdAsync("市财政局");
        Assert.Equal((NeedStatus.Taken, unitId), (need.Status, need.TakenByUnitId));

        await ActAsync(liaison, need, "Report", new() { ["note"] = "培训社区会计12人" });
        need = await NeedAsync("社区记账培训");
        Assert.Equal(NeedStatus.ReportedDone, need.Status);
        Assert.Contains("培训社区会计12人", await secretary.GetPageAsync($"/Needs/Details/{need.Id}"), StringComparison.Ordinal);

        Assert.Contains("评单完成", await FollowAsync(secretary, await ActAsync(secretary, need, "Rate", new() { ["rating"] = "4", ["comment"] = "讲得实在" })), StringComparison.Ordinal);
        need = await NeedAsync("社区记账培训");
        Assert.Equal((NeedStatus.Rated, 4, "讲得实在"), (need.Status, need.Rating, need.RatingComment));
        Assert.Equal([null, NeedStatus.Submitted, NeedStatus.Published, NeedStatus.Taken, NeedStatus.ReportedDone],
            need.Events.OrderBy(e => e.Id).Select(e => e.From));

        // A second rating changes nothing and says why.
        var again = await ActAsync(secretary, need, "Rate", new() { ["rating"] = "1" });
        Assert.Contains("该需求已评单。", await FollowAsync(secretary, again), StringComparison.Ordinal);
        Assert.Equal(4, (await NeedAsync("社区记账培训")).Rating);
    }

    [Fact]
    public async Task ADispatchedNeedIsAcceptedByTheUnitOrDeclinedWithAReason()
    {
        using var liaison = await PortalClient.SignedInAsync(factory, "demo.liaison");
        using var office = await PortalClient.SignedInAsync(factory, "demo.office");
        var need = await NeedAsync("社区财务公开和代账培训");
        Assert.Equal(NeedStatus.Dispatched, need.Status);
        Assert.Contains("文明办已将此需求派给本单位", await liaison.GetPageAsync($"/Needs/Details/{need.Id}"), StringComparison.Ordinal);

        var blank = await ActAsync(liaison, need, "Decline", new() { ["reason"] = " " });
        Assert.Contains("请填写理由。", await FollowAsync(liaison, blank), StringComparison.Ordinal);
        Assert.Equal(NeedStatus.Dispatched, (await NeedAsync("社区财务公开和代账培训")).Status);

        await ActAsync(liaison, need, "Decline", new() { ["reason"] = "年底决算，人手不足" });
        need = await NeedAsync("社区财务公开和代账培训");
        Assert.Equal((NeedStatus.Published, null, "年底决算，人手不足"), (need.Status, need.DispatchedToUnitId, need.Reason));

        var unitId = await factory.UnitIdAsync("市审计局");
        await ActAsync(office, need, "Dispatch", new() { ["unitId"] = unitId.ToString(CultureInfo.InvariantCulture) });
        need = await NeedAsync("社区财务公开和代账培训");
        Assert.Equal((NeedStatus.Dispatched, unitId), (need.Status, need.DispatchedToUnitId));
        // Another unit's dispatch is not hers to see, nor to accept.
        Assert.Equal(HttpStatusCode.NotFound, (await liaison.GetAsync($"/Needs/Details/{need.Id}")).StatusCode);
        var token = PortalClient.TokenFrom(await liaison.GetPageAsync("/Needs"));
        var accept = await liaison.PostWithTokenAsync($"/Needs/Accept/{need.Id}", [KeyValuePair.Create("version", need.Version.ToString())], token);
        Assert.Equal(HttpStatusCode.NotFound, accept.StatusCode);
        Assert.Equal(NeedStatus.Dispatched, (await NeedAsync("社区财务公开和代账培训")).Status);
    }

    [Theory]
    [InlineData(-1, "", "WantedBy", "需求日期不能早于今天。")]
    [InlineData(800, "", "WantedBy", "需求日期最多只能在两年之内。")]
    [InlineData(10, "0", "Budget", "金额须大于 0 且不超过")]
    [InlineData(10, "-58490", "Budget", "金额须大于 0 且不超过")]
    [InlineData(10, "10000000.01", "Budget", "金额须大于 0 且不超过")]
    public async Task RefusesANeedWantedInThePastOrWithAnAbsurdBudgetBesideTheField(int days, string budget, string field, string message)
    {
        using var secretary = await PortalClient.SignedInAsync(factory, "demo.secretary");
        var before = await factory.QueryAsync(db => db.Needs.CountAsync());

        var response = await secretary.PostFormAsync("/Needs/Post", "/Needs/Post", NeedForm("不该保存的需求", factory.Today.AddDays(days), budget));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith(message, PortalClient.FieldError(await response.Content.ReadAsStringAsync(), field), StringComparison.Ordinal);
        Assert.Equal(before, await factory.QueryAsync(db => db.Needs.CountAsync()));
    }

    [Fact]
    public async Task OutOfOrderStepsAreRefusedWithAMessageAndChangeNothing()
    {
        using var secretary = await PortalClient.SignedInAsync(factory, "demo.secretary");
        using var office = await PortalClient.SignedInAsync(factory, "demo.office");
        var taken = await NeedAsync("寒假青少年课后辅导志愿者");
        Assert.Equal(NeedStatus.Taken, taken.Status);

        Assert.Contains("需求只有在尚无单位接单时才能撤回。", await FollowAsync(secretary, await ActAsync(secretary, taken, "Withdraw")), StringComparison.Ordinal);
        Assert.Contains("只有待审核的需求才能发布。", await FollowAsync(office, await ActAsync(office, taken, "Publish")), StringComparison.Ordinal);
        Assert.Contains("只有已报告完成的需求才能评单。", await FollowAsync(secretary, await ActAsync(secretary, taken, "Rate", new() { ["rating"] = "5" })), StringComparison.Ordinal);
        var after = await NeedAsync("寒假青少年课后辅导志愿者");
        Assert.Equal((taken.Status, taken.Version, taken.Events.Count), (after.Status, after.Version, after.Events.Count));
    }

    [Fact]
    public async Task OnlyThePostingCommunityRatesAndOnlyTheOfficeReviews()
    {
        var reported = await NeedAsync("金墩新村消防通道清理");
        Assert.Equal(NeedStatus.ReportedDone, reported.Status);
        using var liaison = await PortalClient.SignedInAsync(factory, "demo.liaison");
        // A unit that did not take it does not see it; the office sees it but may not rate for the community.
        Assert.Equal(HttpStatusCode.NotFound, (await liaison.GetAsync($"/Needs/Details/{reported.Id}")).StatusCode);
        using var office = await PortalClient.SignedInAsync(factory, "demo.office");
        Assert.Equal(HttpStatusCode.Forbidden, (await ActAsync(office, reported, "Rate", new() { ["rating"] = "5" })).StatusCode);

        var biHai = await factory.CommunityIdAsync("碧海社区");
        using (var admin = await PortalClient.SignedInAsync(factory, "demo.admin"))
        {
            await admin.PostFormAsync("/Users/Create", "/Users/Create", new Dictionary<string, string>
            {
                ["UserName"] = "bihai.sec", ["DisplayName"] = "碧海 书记", ["Role"] = "CommunitySecretary", ["CommunityId"] = biHai.ToString(CultureInfo.InvariantCulture), ["Password"] = "Bihai@2026xx",
            });
        }
        using var stranger = await PortalClient.FirstSignInAsync(factory, "bihai.sec", "Bihai@2026xx");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/Needs/Details/{reported.Id}")).StatusCode);
        var token = PortalClient.TokenFrom(await stranger.GetPageAsync("/Needs"));
        var rate = await stranger.PostWithTokenAsync($"/Needs/Rate/{reported.Id}", [KeyValuePair.Create("version", reported.Version.ToString()), KeyValuePair.Create("rating", "1")], token);
        Assert.Equal(HttpStatusCode.NotFound, rate.StatusCode);
        // Her own list holds 碧海社区's needs only.
        var list = await stranger.GetPageAsync("/Needs");
        Assert.Contains("碧海大道下沙段设置垃圾池", list, StringComparison.Ordinal);
        Assert.DoesNotContain("金墩", list, StringComparison.Ordinal);

        var after = await NeedAsync("金墩新村消防通道清理");
        Assert.Equal((NeedStatus.ReportedDone, null), (after.Status, after.Rating));
    }

    [Fact]
    public async Task OfTwoLiaisonsTakingTheSameNeedAtOnceExactlyOneWinsAndTheOtherIsTold()
    {
        var otherUnit = await factory.UnitIdAsync("市环保局");
        using (var admin = await PortalClient.SignedInAsync(factory, "demo.admin"))
        {
            await admin.PostFormAsync("/Users/Create", "/Users/Create", new Dictionary<string, string>
            {
                ["UserName"] = "env.liaison", ["DisplayName"] = "环保 联络员", ["Role"] = "UnitLiaison", ["UnitId"] = otherUnit.ToString(CultureInfo.InvariantCulture), ["Password"] = "Envbur@2026x",
            });
        }
        using var first = await PortalClient.SignedInAsync(factory, "demo.liaison");
        using var second = await PortalClient.FirstSignInAsync(factory, "env.liaison", "Envbur@2026x");
        var need = await NeedAsync("望海路破损路灯修复");
        Assert.Equal(NeedStatus.Published, need.Status);
        var tokens = await Task.WhenAll(first.GetPageAsync($"/Needs/Details/{need.Id}"), second.GetPageAsync($"/Needs/Details/{need.Id}"));

        var responses = await Task.WhenAll(
            first.PostWithTokenAsync($"/Needs/Take/{need.Id}", [], PortalClient.TokenFrom(tokens[0])),
            second.PostWithTokenAsync($"/Needs/Take/{need.Id}", [], PortalClient.TokenFrom(tokens[1])));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var after = await NeedAsync("望海路破损路灯修复");
        Assert.Equal(NeedStatus.Taken, after.Status);
        Assert.Single(after.Events, e => e.To == NeedStatus.Taken);
        var winner = after.TakenByUnitId == otherUnit ? 1 : 0;
        Assert.Contains(after.TakenByUnitId, new int?[] { otherUnit, await factory.UnitIdAsync("市财政局") });
        var pages = await Task.WhenAll(FollowAsync(first, responses[0]), FollowAsync(second, responses[1]));
        Assert.Contains("接单成功", pages[winner], StringComparison.Ordinal);
        Assert.Contains("该需求已被其他单位接单。", pages[1 - winner], StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheOfficeSeesOpenTakenAndOverdueNeedsByStreetAndCategory()
    {
        using var office = await PortalClient.SignedInAsync(factory, "demo.office");
        var expected = await factory.QueryAsync(db => db.Needs.CountAsync(n => n.Community!.Street == "城厢街道" && n.WantedBy < factory.Today
            && (n.Status == NeedStatus.Published || n.Status == NeedStatus.Dispatched || n.Status == NeedStatus.Taken || n.Status == NeedStatus.ReportedDone)));
        Assert.True(expected > 0);

        var page = await office.GetPageAsync("/Needs/Overview");

        Assert.Contains("需求分布（按街道和类别）", page, StringComparison.Ordinal);
        var row = System.Text.RegularExpressions.Regex.Match(page, @"城厢街道</a>\s*</td>(.*?)</tr>", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value;
        var cells = System.Text.RegularExpressions.Regex.Matches(row, @">(\d+)<").Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(3, cells.Count);
        Assert.Equal(expected, cells[2]);
        Assert.Contains("碧海大道下沙段设置垃圾池", await office.GetPageAsync("/Needs?street=下沙街道"), StringComparison.Ordinal);
    }
}
