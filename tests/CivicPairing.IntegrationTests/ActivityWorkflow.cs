using System.Net;
using System.Text.RegularExpressions;
using CivicPairing.Domain.Activities;
using CivicPairing.IntegrationTests.Infrastructure;
using CivicPairing.Web.Infrastructure.Spreadsheets;
using Microsoft.EntityFrameworkCore;

namespace CivicPairing.IntegrationTests;

/// <summary>The unit logs, the community confirms and rates or disputes; only confirmed counts.</summary>
public sealed partial class ActivityWorkflow(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly byte[] Png = TestImages.Jpeg(800, 600);

    private async Task<Dictionary<string, string>> FormAsync(PortalClient liaison, string title, string date = "2026-11-10", string category = "EnvironmentalCleanup",
        string people = "20", string hours = "60")
    {
        var page = await liaison.GetPageAsync("/Activities/Log");
        return new Dictionary<string, string>
        {
            ["PairingId"] = (await factory.PairingAsync("市财政局", "金墩社区")).Id.ToString(),
            ["SubmissionKey"] = SubmissionKey().Match(page).Groups[1].Value,
            ["Date"] = date, ["Category"] = category, ["Title"] = title, ["Description"] = "清理楼道杂物", ["PeopleSent"] = people, ["PersonHours"] = hours,
            ["LeaderTookPart"] = "true", ["Funds"] = "0", ["PeopleServed"] = "300",
        };
    }

    private Task<Activity> ActivityAsync(string title) =>
        factory.QueryAsync(db => db.Activities.AsNoTracking().Include(a => a.Events).Include(a => a.Evidence).SingleAsync(a => a.Title == title));

    [Fact]
    public async Task LiaisonLogsWithAPhotoAndTheSecretaryConfirmsAndRates()
    {
        using var liaison = await PortalClient.SignedInAsync(factory, "demo.liaison");
        var form = await FormAsync(liaison, "清理金墩新村楼道");
        var logged = await liaison.PostMultipartAsync("/Activities/Log", "/Activities/Log", form, ("files", "现场.jpg", Png));
        Assert.Equal(HttpStatusCode.Redirect, logged.StatusCode);
        var activity = await ActivityAsync("清理金墩新村楼道");
        Assert.Equal((ActivityStatus.Submitted, 20, 60m, 1), (activity.Status, activity.PeopleSent, activity.PersonHours, activity.Evidence.Count));

        using var secretary = await PortalClient.SignedInAsync(factory, "demo.secretary");
        Assert.Contains("清理金墩新村楼道", await secretary.GetPageAsync("/Activities/Inbox"), StringComparison.Ordinal);
        await secretary.PostFormAsync($"/Activities/Details/{activity.Id}", $"/Activities/Confirm/{activity.Id}",
            new Dictionary<string, string> { ["rating"] = "4", ["comment"] = "楼道干净了", ["version"] = activity.Version.ToString() });

        var confirmed = await ActivityAsync("清理金墩新村楼道");
        Assert.Equal((ActivityStatus.Confirmed, 4, "楼道干净了", "demo.secretary"), (confirmed.Status, confirmed.Rating, confirmed.RatingComment, confirmed.DecidedBy));
        Assert.Contains("★★★★☆", await liaison.GetPageAsync($"/Activities/Details/{activity.Id}"), StringComparison.Ordinal);

        var twice = await secretary.PostFormAsync($"/Activities/Details/{activity.Id}", $"/Activities/Confirm/{activity.Id}",
            new Dictionary<string, string> { ["rating"] = "5", ["version"] = confirmed.Version.ToString() });
        Assert.Contains("此活动已经确认过了。", await secretary.GetPageAsync(twice.Headers.Location!.OriginalString), StringComparison.Ordinal);
        Assert.Equal(4, (await ActivityAsync("清理金墩新村楼道")).Rating);
    }

    [Theory]
    [InlineData("Date", "2099-01-01", "活动日期不能晚于今天。")]
    [InlineData("Date", "2026-02-01", "活动日期早于结对开始日期（2026年3月1日）。")]
    [InlineData("PeopleSent", "87", "出动人数须在1至本单位职工人数（86）之间。")]
    [InlineData("PersonHours", "481", "工时不能超过每人24小时（最多480）。")]
    [InlineData("Title", "超长标题超长标题超长标题超长标题超长标题超长标题超长标题超长标题超长标题超长标题超长标题超长标题超长标题超长标题超长标题超长标题超长标题超长标题超长标题超长标题超长标题超长标题超长标题超长标题超长标题超长标题超长标题超长标题超长标题超长标题超长标题超长标题超长标题超长标题超长标题超长标题超长标题超长标题超长标题超长标题超长标题超长标题超长标题超长标题超长标题超长标题超长标题超长标题超长标题超长标题超长标题", "您输入了")]
    [InlineData("PeopleSent", "-1", "出动人数")]
    // Named by the label beside the field (社区（村）, not the 结对 it stands for), in Chinese quotation marks.
    [InlineData("PairingId", "", "“社区（村）”不能为空。")]
    [InlineData("Title", "", "“标题”不能为空。")]
    public async Task RefusesABadReportWithAClearMessageAndStoresNothing(string field, string value, string message)
    {
        using var liaison = await PortalClient.SignedInAsync(factory, "demo.liaison");
        var form = await FormAsync(liaison, "待拒绝的活动" + field + value);
        form[field] = value;
        var before = await factory.QueryAsync(db => db.Activities.CountAsync());

        var response = await liaison.PostFormAsync("/Activities/Log", "/Activities/Log", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await factory.QueryAsync(db => db.Activities.CountAsync()));
    }

    /// <summary>A form sent back keeps what was typed but cannot keep the photo: it says so beside the file field.</summary>
    [Fact]
    public async Task AsksForThePhotoAgainWhenTheFormIsSentBack()
    {
        using var liaison = await PortalClient.SignedInAsync(factory, "demo.liaison");
        var form = await FormAsync(liaison, "");
        var before = await factory.QueryAsync(db => db.Activities.CountAsync());

        var response = await liaison.PostMultipartAsync("/Activities/Log", "/Activities/Log", form, ("files", "现场.jpg", Png));

        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal("“标题”不能为空。", PortalClient.FieldError(page, "Title"));
        Assert.Equal("请重新选择照片：表单退回修改时不保留已选的文件。", PortalClient.FieldError(page, "files"));
        Assert.Equal(before, await factory.QueryAsync(db => db.Activities.CountAsync()));
    }

    [Fact]
    public async Task RefusesMarkupBesideTheFieldAndKeepsWhatWasTyped()
    {
        // docs/input.md: markup in free text is refused with a message, as in every other form; nothing is stored.
        using var liaison = await PortalClient.SignedInAsync(factory, "demo.liaison");
        var form = await FormAsync(liaison, "<script>alert(1)</script>清理楼道", category: "Other");
        form["Description"] = "<img src=x onerror=alert(2)> 照常开展";
        var response = await liaison.PostFormAsync("/Activities/Log", "/Activities/Log", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal("此处不能包含 HTML 或脚本，请填写纯文本。", PortalClient.FieldError(page, "Title"));
        Assert.Equal("此处不能包含 HTML 或脚本，请填写纯文本。", PortalClient.FieldError(page, "Description"));
        Assert.False(await factory.QueryAsync(db => db.Activities.AnyAsync(a => a.Title.Contains("清理楼道") && a.Title.Contains("script"))));
        // What was typed comes back in the form, escaped, so the liaison can correct it rather than type it again.
        Assert.Contains("&lt;img src=x onerror=alert(2)&gt; 照常开展", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusesAFiftyMegabyteUploadWithAMessageAndStoresNothing()
    {
        using var liaison = await PortalClient.SignedInAsync(factory, "demo.liaison");
        var form = await FormAsync(liaison, "带超大照片的活动", category: "Other");
        var huge = new byte[50 * 1024 * 1024];
        TestImages.Jpeg(16, 16).CopyTo(huge, 0);
        var response = await liaison.PostMultipartAsync("/Activities/Log", "/Activities/Log", form, ("files", "huge.jpg", huge));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("huge.jpg 超过 10 MB。", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await factory.QueryAsync(db => db.Activities.AnyAsync(a => a.Title == "带超大照片的活动")));
    }

    [Fact]
    public async Task RefusesANearDuplicateAndLinksTheOneLoggedAlready()
    {
        using var liaison = await PortalClient.SignedInAsync(factory, "demo.liaison");
        var existing = await ActivityAsync("周六义务劳动：清理小区垃圾和牛皮癣");
        var form = await FormAsync(liaison, "周六义务劳动 清理小区垃圾、牛皮癣", date: "2026-10-17");

        var response = await liaison.PostFormAsync("/Activities/Log", "/Activities/Log", form);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("疑似重复填报：2026年10月17日已有活动“周六义务劳动：清理小区垃圾和牛皮癣”。", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Activities/Details/{existing.Id}\"", html, StringComparison.Ordinal);
        Assert.Equal(1, await factory.QueryAsync(db => db.Activities.CountAsync(a => a.Date == new DateOnly(2026, 10, 17) && a.Pairing!.Unit!.Name == "市财政局")));
    }

    [Fact]
    public async Task ADoubleClickedSubmitCreatesOneActivity()
    {
        using var liaison = await PortalClient.SignedInAsync(factory, "demo.liaison");
        var form = await FormAsync(liaison, "重复点击测试：法律咨询", category: "Consultation");
        var first = await liaison.PostFormAsync("/Activities/Log", "/Activities/Log", form);
        var second = await liaison.PostFormAsync("/Activities/Log", "/Activities/Log", form);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(1, await factory.QueryAsync(db => db.Activities.CountAsync(a => a.Title == "重复点击测试：法律咨询")));
    }

    [Fact]
    public async Task DisputedActivityIsCorrectedResubmittedAndConfirmedWithItsHistoryKept()
    {
        var disputed = await ActivityAsync("走访慰问困难家庭");
        Assert.Equal(ActivityStatus.Disputed, disputed.Status);
        using var liaison = await PortalClient.SignedInAsync(factory, "demo.liaison");
        Assert.Contains("当天只来了5人", await liaison.GetPageAsync($"/Activities/Details/{disputed.Id}"), StringComparison.Ordinal);

        var form = await FormAsync(liaison, "走访慰问困难家庭", date: "2026-11-07", category: "Visits", people: "5", hours: "15");
        form["Version"] = disputed.Version.ToString();
        var corrected = await liaison.PostFormAsync($"/Activities/Correct/{disputed.Id}", $"/Activities/Correct/{disputed.Id}", form);
        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        var resubmitted = await ActivityAsync("走访慰问困难家庭");
        Assert.Equal((ActivityStatus.Submitted, 5), (resubmitted.Status, resubmitted.PeopleSent));

        using var secretary = await PortalClient.SignedInAsync(factory, "demo.secretary");
        await secretary.PostFormAsync($"/Activities/Details/{disputed.Id}", $"/Activities/Confirm/{disputed.Id}",
            new Dictionary<string, string> { ["rating"] = "5", ["version"] = resubmitted.Version.ToString() });
        var done = await ActivityAsync("走访慰问困难家庭");
        Assert.Equal(
            [(null, ActivityStatus.Submitted), (ActivityStatus.Submitted, ActivityStatus.Disputed), (ActivityStatus.Disputed, ActivityStatus.Submitted), (ActivityStatus.Submitted, ActivityStatus.Confirmed)],
            done.Events.OrderBy(e => e.Id).Select(e => (e.From, e.To)));
    }

    [Fact]
    public async Task OnlyTheOwnCommunityDecidesAndOnlyTheOwnUnitLogs()
    {
        var pending = await ActivityAsync("修复金墩路破损路沿石");
        using var liaison = await PortalClient.SignedInAsync(factory, "demo.liaison");
        // demo.liaison is 市财政局's: 市住建局's activity in the same community is not theirs to see.
        Assert.Equal(HttpStatusCode.NotFound, (await liaison.GetAsync($"/Activities/Details/{pending.Id}")).StatusCode);
        var token = PortalClient.TokenFrom(await liaison.GetPageAsync("/Activities"));
        var confirm = await liaison.PostWithTokenAsync($"/Activities/Confirm/{pending.Id}", [KeyValuePair.Create("rating", "5"), KeyValuePair.Create("version", pending.Version.ToString())], token);
        Assert.Equal(HttpStatusCode.Forbidden, confirm.StatusCode);

        var otherPairing = await factory.PairingAsync("淮文外国语学校", "状元府");
        var form = await FormAsync(liaison, "伪造的活动");
        form["PairingId"] = otherPairing.Id.ToString();
        Assert.Equal(HttpStatusCode.NotFound, (await liaison.PostFormAsync("/Activities/Log", "/Activities/Log", form)).StatusCode);
        Assert.False(await factory.QueryAsync(db => db.Activities.AnyAsync(a => a.Title == "伪造的活动")));
        var after = await ActivityAsync("修复金墩路破损路沿石");
        Assert.Equal((pending.Status, pending.Version), (after.Status, after.Version));
    }

    [Fact]
    public async Task SecretaryConfirmsSeveralAtOnceAndTheNavigationCountGoesToZero()
    {
        using var secretary = await PortalClient.SignedInAsync(factory, "demo.secretary");
        var pendingIds = await factory.QueryAsync(db => db.Activities.Where(a => a.Pairing!.Community!.Name == "金墩社区" && a.Status == ActivityStatus.Submitted).Select(a => a.Id).ToListAsync());
        Assert.NotEmpty(pendingIds);
        var home = await secretary.GetPageAsync("/");
        Assert.Contains($"<span aria-hidden=\"true\">{pendingIds.Count}</span>", home, StringComparison.Ordinal);

        await secretary.PostFormAsync("/Activities/Inbox", "/Activities/ConfirmMany",
            pendingIds.Select(id => KeyValuePair.Create("ids", id.ToString())).Append(KeyValuePair.Create("rating", "3")));

        var ratings = await factory.QueryAsync(db => db.Activities.Where(a => pendingIds.Contains(a.Id)).Select(a => new { a.Status, a.Rating }).ToListAsync());
        Assert.All(ratings, r => Assert.Equal((ActivityStatus.Confirmed, (int?)3), (r.Status, r.Rating)));
        Assert.Contains("没有等待您确认的活动。", await secretary.GetPageAsync("/Activities/Inbox"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheFormMarksTheFieldsItsValidatorRequiresAndTheInboxNamesEachUnitOnAPhone()
    {
        using var liaison = await PortalClient.SignedInAsync(factory, "demo.liaison");
        var form = await liaison.GetPageAsync("/Activities/Log");
        Assert.Contains("<label class=\"form-label required\" for=\"Title\">标题<span class=\"required-mark\" aria-hidden=\"true\">*</span><span class=\"visually-hidden\"> （必填）</span></label>", form, StringComparison.Ordinal);
        Assert.Contains("<label class=\"form-label required\" for=\"PeopleSent\">", form, StringComparison.Ordinal);
        Assert.Contains("<label class=\"form-label\" for=\"Materials\">", form, StringComparison.Ordinal);

        var logged = await liaison.PostFormAsync("/Activities/Log", "/Activities/Log", await FormAsync(liaison, "入户宣传垃圾分类（待确认）", category: "Visits"));
        Assert.Equal(HttpStatusCode.Redirect, logged.StatusCode);
        using var secretary = await PortalClient.SignedInAsync(factory, "demo.secretary");
        var inbox = await secretary.GetPageAsync("/Activities/Inbox");
        Assert.Matches("入户宣传垃圾分类（待确认）</a><div class=\"small d-md-none\">市财政局</div>", inbox);
        Assert.Contains("data-select-all=\"ids\"", inbox, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportsExactlyTheFilteredActivitiesWithChineseIntact()
    {
        using var office = await PortalClient.SignedInAsync(factory, "demo.office");
        var response = await office.GetAsync("/Activities/Export?format=csv&status=Confirmed&category=EnvironmentalCleanup");
        var rows = CsvReader.Read(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), 1000);
        var expected = await factory.QueryAsync(db => db.Activities.Where(a => a.Status == ActivityStatus.Confirmed && a.Category == ActivityCategory.EnvironmentalCleanup)
            .OrderByDescending(a => a.Date).ThenByDescending(a => a.Id).Select(a => a.Title).ToListAsync());
        Assert.Equal("日期", rows[0][0]);
        Assert.Equal(expected, rows.Skip(1).Select(r => r[5]));
        Assert.All(rows.Skip(1), r => Assert.Equal("环境整治", r[4]));
        Assert.Contains(rows, r => r[5] == "周六义务劳动：清理小区垃圾和牛皮癣" && r[1] == "市财政局" && r[8] == "是");
    }

    [Fact]
    public async Task LinksTheAgreementTasksItWorkedOnAndRefusesAnotherPairingsTask()
    {
        using var liaison = await PortalClient.SignedInAsync(factory, "demo.liaison");
        var task = await factory.QueryAsync(db => db.AgreementTasks.AsNoTracking().SingleAsync(t => t.Agreement!.Number == "JD-2026-001" && t.Agreement.VersionNumber == 1 && t.Number == 4));
        var foreign = await factory.QueryAsync(db => db.AgreementTasks.AsNoTracking().FirstAsync(t => t.Agreement!.Number == "JD-2017-001"));

        var bad = await FormAsync(liaison, "关联别人的任务", category: "Visits");
        bad["TaskIds"] = foreign.Id.ToString();
        var refused = await liaison.PostFormAsync("/Activities/Log", "/Activities/Log", bad);
        Assert.Equal("只能关联本结对已备案协议中未完成的任务。", PortalClient.FieldError(await refused.Content.ReadAsStringAsync(), "TaskIds"));
        Assert.False(await factory.QueryAsync(db => db.Activities.AnyAsync(a => a.Title == "关联别人的任务")));

        var good = await FormAsync(liaison, "春节前走访困难家庭（第一批）", category: "Visits");
        good["TaskIds"] = task.Id.ToString();
        Assert.Contains($"value=\"{task.Id}\"", await liaison.GetPageAsync("/Activities/Log"), StringComparison.Ordinal);
        var logged = await liaison.PostFormAsync("/Activities/Log", "/Activities/Log", good);
        var details = await liaison.GetPageAsync(logged.Headers.Location!.OriginalString);
        Assert.Contains($"/Tasks/Details/{task.Id}\">4. 春节前走访慰问困难家庭</a>", details, StringComparison.Ordinal);
        Assert.Contains("春节前走访困难家庭（第一批）", await liaison.GetPageAsync($"/Tasks/Details/{task.Id}"), StringComparison.Ordinal);
    }

    [GeneratedRegex("name=\"SubmissionKey\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex SubmissionKey();
}
