using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CivicPairing.Domain.Members;
using CivicPairing.IntegrationTests.Infrastructure;
using CivicPairing.Web.Identity;
using CivicPairing.Web.Infrastructure.Spreadsheets;
using Microsoft.EntityFrameworkCore;

namespace CivicPairing.IntegrationTests;

/// <summary>
/// 在职党员双报到 through the real forms: demo.liaison (市财政局) registers a member living in 金墩社区 and reports them,
/// demo.secretary accepts, the member signs in with the account the liaison made and records service from the phone form,
/// the secretary confirms it with a remark, and the quarter's feedback to 市财政局 lists it on screen and in Excel.
/// </summary>
public sealed partial class PartyMemberWorkflow(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private Task<PartyMember> MemberAsync(string name) =>
        factory.QueryAsync(db => db.PartyMembers.AsNoTracking().SingleAsync(m => m.Name == name));

    private Task<MemberReport> OpenReportAsync(int memberId) =>
        factory.QueryAsync(db => db.MemberReports.AsNoTracking().SingleAsync(r => r.MemberId == memberId && (r.Status == MemberReportStatus.Pending || r.Status == MemberReportStatus.Accepted)));

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<PartyMember> RegisterAsync(PortalClient liaison, string name, string phone, string community = "金墩社区")
    {
        var communityId = await factory.CommunityIdAsync(community);
        var created = await liaison.PostFormAsync("/Members/Create", "/Members/Create", new()
        {
            ["Name"] = name, ["Phone"] = phone, ["ResidenceCommunityId"] = communityId.ToString(CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        return await MemberAsync(name);
    }

    private async Task<MemberReport> ReportAndAcceptAsync(PortalClient liaison, PortalClient secretary, PartyMember member)
    {
        var reported = await liaison.PostFormAsync($"/Members/Details/{member.Id}", $"/Members/Report/{member.Id}", []);
        Assert.Equal(HttpStatusCode.Redirect, reported.StatusCode);
        var report = await OpenReportAsync(member.Id);
        await secretary.PostFormAsync($"/Members/Details/{member.Id}", $"/Members/Accept/{report.Id}", new() { ["version"] = report.Version.ToString() });
        return await OpenReportAsync(member.Id);
    }

    [GeneratedRegex("<code class=\"issued-user\">([^<]+)</code></td><td><code class=\"issued-password\">([^<]+)</code>")]
    private static partial Regex IssuedAccount();

    private static List<(string User, string Password)> Issued(string html) =>
        [.. IssuedAccount().Matches(html).Select(m => (WebUtility.HtmlDecode(m.Groups[1].Value), WebUtility.HtmlDecode(m.Groups[2].Value)))];

    [Fact]
    public async Task AMemberReportsIsAcceptedRecordsServiceThatIsConfirmedAndTheQuarterlyFeedbackListsIt()
    {
        using var liaison = await PortalClient.SignedInAsync(factory, "demo.liaison");
        using var secretary = await PortalClient.SignedInAsync(factory, "demo.secretary");
        using var office = await PortalClient.SignedInAsync(factory, "demo.office");
        var member = await RegisterAsync(liaison, "钱进", "13812340001");
        Assert.Equal((await factory.UnitIdAsync("市财政局"), await factory.CommunityIdAsync("金墩社区")), (member.UnitId, member.ResidenceCommunityId));

        // 报到 by the liaison: pending until the secretary accepts; it heads her list.
        Assert.Contains("已向金墩社区报到，等待社区书记接收。", await liaison.GetPageAsync(
            (await liaison.PostFormAsync($"/Members/Details/{member.Id}", $"/Members/Report/{member.Id}", [])).Headers.Location!.OriginalString), StringComparison.Ordinal);
        var report = await OpenReportAsync(member.Id);
        Assert.Equal(MemberReportStatus.Pending, report.Status);
        Assert.Contains("钱进", await secretary.GetPageAsync("/Members?report=Pending"), StringComparison.Ordinal);
        await secretary.PostFormAsync($"/Members/Details/{member.Id}", $"/Members/Accept/{report.Id}", new() { ["version"] = report.Version.ToString() });
        report = await OpenReportAsync(member.Id);
        Assert.Equal((MemberReportStatus.Accepted, (DateOnly?)factory.Today), (report.Status, report.AcceptedOn));

        // The liaison makes the member's account; the initial password is on that page only, and must be changed at first sign-in.
        var issuedPage = await liaison.PostFormAsync($"/Members/Details/{member.Id}", $"/Members/CreateAccount/{member.Id}", new() { ["userName"] = "qian.jin" });
        Assert.Equal(HttpStatusCode.OK, issuedPage.StatusCode);
        Assert.Contains("no-store", issuedPage.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        var (userName, password) = Assert.Single(Issued(await issuedPage.Content.ReadAsStringAsync()));
        Assert.Equal("qian.jin", userName);
        var firstLogin = factory.CreatePortalClient();
        await firstLogin.LoginAsync(userName, password);
        Assert.Contains("/Account/ChangePassword", (await firstLogin.GetAsync("/Me")).Headers.Location!.OriginalString, StringComparison.Ordinal);
        firstLogin.Dispose();
        using var phone = await PortalClient.FirstSignInAsync(factory, userName, password);

        // Home sends the member to their page; the service form records 2.5 hours today, awaiting confirmation.
        Assert.Equal("/Me", (await phone.GetAsync("/")).Headers.Location!.OriginalString);
        var recorded = await phone.PostFormAsync("/Me", "/Me/Record", new() { ["Date"] = Day(factory.Today), ["Hours"] = "2.5", ["Description"] = "楼道清理和垃圾分类宣传" });
        Assert.Contains("服务已记录，等待社区书记确认。", await phone.GetPageAsync(recorded.Headers.Location!.OriginalString), StringComparison.Ordinal);
        var service = await factory.QueryAsync(db => db.MemberServices.AsNoTracking().SingleAsync(s => s.MemberId == member.Id));
        Assert.Equal((MemberServiceStatus.Submitted, 2.5m, true), (service.Status, service.Hours, service.RecordedByMember));

        // Not counted until the secretary confirms it with her remark.
        Assert.Contains("<div class=\"stat-value my-hours-quarter\">0</div>", await phone.GetPageAsync("/Me"), StringComparison.Ordinal);
        await secretary.PostFormAsync($"/Members/Details/{member.Id}", $"/Members/ConfirmService/{service.Id}", new() { ["remark"] = "积极肯干", ["version"] = service.Version.ToString() });
        // And the secretary enters 1.5 hours of her own record, confirmed at entry.
        var own = await secretary.PostFormAsync($"/Members/Details/{member.Id}", $"/Members/RecordService/{member.Id}",
            new() { ["Date"] = Day(factory.Today), ["Hours"] = "1.5", ["Description"] = "协助社区夜间巡逻", ["Remark"] = "认真负责" });
        Assert.Equal(HttpStatusCode.Redirect, own.StatusCode);
        var confirmed = await factory.QueryAsync(db => db.MemberServices.AsNoTracking().Where(s => s.MemberId == member.Id).OrderBy(s => s.Id).ToListAsync());
        Assert.Equal([(MemberServiceStatus.Confirmed, "积极肯干"), (MemberServiceStatus.Confirmed, "认真负责")], confirmed.Select(s => (s.Status, s.Remark)));
        Assert.Contains("<div class=\"stat-value my-hours-quarter\">4</div>", await phone.GetPageAsync("/Me"), StringComparison.Ordinal);

        // The quarter's feedback to 市财政局: the liaison's and the office's, on screen, on paper and in Excel.
        var unitId = member.UnitId;
        var (from, to) = MemberService.QuarterSpan(factory.Today.Year, MemberService.QuarterOf(factory.Today));
        var expected = await factory.QueryAsync(db => db.MemberServices.AsNoTracking()
            .Where(s => s.Member!.UnitId == unitId && s.Status == MemberServiceStatus.Confirmed && s.Date >= from && s.Date <= to).Select(s => new { s.MemberId, s.Hours, s.Description, s.Remark }).ToListAsync());
        var html = await liaison.GetPageAsync("/Feedback");
        Assert.Contains($"<div class=\"stat-value feedback-hours\">{expected.Sum(s => s.Hours).ToString("0.#", CultureInfo.InvariantCulture)}</div>", html, StringComparison.Ordinal);
        Assert.Contains($"<div class=\"stat-value feedback-serving\">{expected.Select(s => s.MemberId).Distinct().Count()}</div>", html, StringComparison.Ordinal);
        Assert.Contains("积极肯干", html, StringComparison.Ordinal);
        Assert.Contains("合计 4 小时", html, StringComparison.Ordinal);
        Assert.DoesNotContain("13812340001", html, StringComparison.Ordinal);
        var officeView = await office.GetPageAsync($"/Feedback?unitId={unitId}");
        Assert.Contains($"<div class=\"stat-value feedback-hours\">{expected.Sum(s => s.Hours).ToString("0.#", CultureInfo.InvariantCulture)}</div>", officeView, StringComparison.Ordinal);
        Assert.Contains("积极肯干", officeView, StringComparison.Ordinal);
        var print = await liaison.GetPageAsync("/Feedback/Print");
        Assert.Contains($"市财政局在职党员社区表现反馈（{factory.Today.Year}年第{MemberService.QuarterOf(factory.Today)}季度）", print, StringComparison.Ordinal);
        Assert.Contains("积极肯干", print, StringComparison.Ordinal);

        var xlsx = await liaison.GetAsync("/Feedback/Export");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var rows = XlsxReader.ReadFirstSheet(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), 1000);
        Assert.Equal(["党员", "居住社区", "报到社区", "日期", "时长（小时）", "完成情况", "社区评语", "确认人"], rows[0]);
        var mine = rows.Skip(1).Where(r => r[0] == "钱进").ToList();
        Assert.Equal([("2.5", "楼道清理和垃圾分类宣传", "积极肯干", "demo.secretary"), ("1.5", "协助社区夜间巡逻", "认真负责", "demo.secretary")],
            mine.Select(r => (r[4], r[5], r[6], r[7])));
        Assert.All(mine, r => Assert.Equal("金墩社区", r[2]));
        // One row per confirmed service of the quarter, and one for each member without any.
        var membersWithout = await factory.QueryAsync(db => db.PartyMembers.CountAsync(m => m.UnitId == unitId && m.IsActive
            && !db.MemberServices.Any(s => s.MemberId == m.Id && s.Status == MemberServiceStatus.Confirmed && s.Date >= from && s.Date <= to)));
        Assert.Equal(expected.Count + membersWithout, rows.Count - 1);
        Assert.Equal(expected.Sum(s => s.Hours), rows.Skip(1).Sum(r => decimal.Parse(r[4], CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task RefusesASecondReportServiceInTheFutureOrBeforeAcceptanceAndMoreThanADay()
    {
        using var liaison = await PortalClient.SignedInAsync(factory, "demo.liaison");
        using var secretary = await PortalClient.SignedInAsync(factory, "demo.secretary");
        var member = await RegisterAsync(liaison, "孔明", "13812340002");

        // A bad number is refused beside the field, nothing stored.
        var badPhone = await liaison.PostFormAsync("/Members/Create", "/Members/Create", new() { ["Name"] = "错号码", ["Phone"] = "1381234", ["ResidenceCommunityId"] = member.ResidenceCommunityId.ToString(CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.OK, badPhone.StatusCode);
        Assert.Equal("请输入11位手机号码。", PortalClient.FieldError(await badPhone.Content.ReadAsStringAsync(), "Phone"));
        Assert.False(await factory.QueryAsync(db => db.PartyMembers.AnyAsync(m => m.Name == "错号码")));

        // Pending: a second report is refused with a message; still one report.
        await liaison.PostFormAsync($"/Members/Details/{member.Id}", $"/Members/Report/{member.Id}", []);
        var second = await liaison.PostFormAsync($"/Members/Details/{member.Id}", $"/Members/Report/{member.Id}", []);
        Assert.Contains("该党员已向金墩社区报到。党员同一时间只能向一个社区报到，请先结束该报到。", await liaison.GetPageAsync(second.Headers.Location!.OriginalString), StringComparison.Ordinal);
        Assert.Equal(1, await factory.QueryAsync(db => db.MemberReports.CountAsync(r => r.MemberId == member.Id)));

        // Service before the acceptance is refused (there is no accepted report yet).
        var early = await secretary.PostFormAsync($"/Members/Details/{member.Id}", $"/Members/RecordService/{member.Id}",
            new() { ["Date"] = Day(factory.Today), ["Hours"] = "2", ["Description"] = "巡逻" });
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        Assert.Contains("社区接收报到后才能记录服务。", await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var report = await OpenReportAsync(member.Id);
        await secretary.PostFormAsync($"/Members/Details/{member.Id}", $"/Members/Accept/{report.Id}", new() { ["version"] = report.Version.ToString() });
        // Accepted today: still one report, and a second one is refused.
        var third = await liaison.PostFormAsync($"/Members/Details/{member.Id}", $"/Members/Report/{member.Id}", []);
        Assert.Contains("党员同一时间只能向一个社区报到", await liaison.GetPageAsync(third.Headers.Location!.OriginalString), StringComparison.Ordinal);

        async Task<string?> RefusedAsync(string field, string date, string hours)
        {
            var response = await secretary.PostFormAsync($"/Members/Details/{member.Id}", $"/Members/RecordService/{member.Id}",
                new() { ["Date"] = date, ["Hours"] = hours, ["Description"] = "巡逻" });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return PortalClient.FieldError(await response.Content.ReadAsStringAsync(), field);
        }
        Assert.Equal("服务日期不能晚于今天。", await RefusedAsync("Date", Day(factory.Today.AddDays(1)), "2"));
        Assert.Equal($"服务日期不能早于社区接收报到的日期（{factory.Today.Year}年{factory.Today.Month}月{factory.Today.Day}日）。",
            await RefusedAsync("Date", Day(factory.Today.AddDays(-1)), "2"));
        Assert.Equal("一天只有24小时：最多填写24。", await RefusedAsync("Hours", Day(factory.Today), "25"));
        Assert.Equal("请填写服务时长，须大于0。", await RefusedAsync("Hours", Day(factory.Today), "0"));
        Assert.NotNull(await RefusedAsync("Hours", Day(factory.Today), "-3"));
        Assert.NotNull(await RefusedAsync("Date", "9999-99-99", "2"));
        Assert.Equal(0, await factory.QueryAsync(db => db.MemberServices.CountAsync(s => s.MemberId == member.Id)));

        // 20 hours, then 5 more the same day: refused, with what is left; 4 more fit.
        var twenty = await secretary.PostFormAsync($"/Members/Details/{member.Id}", $"/Members/RecordService/{member.Id}",
            new() { ["Date"] = Day(factory.Today), ["Hours"] = "20", ["Description"] = "抗洪抢险值守" });
        Assert.Equal(HttpStatusCode.Redirect, twenty.StatusCode);
        Assert.Equal("一天只有24小时：当天已记录 20 小时，最多还能记录 4 小时。", await RefusedAsync("Hours", Day(factory.Today), "5"));
        Assert.Equal(20m, await factory.QueryAsync(db => db.MemberServices.Where(s => s.MemberId == member.Id).Select(s => s.Hours).ToListAsync()).ContinueWith(t => t.Result.Sum()));
        var four = await secretary.PostFormAsync($"/Members/Details/{member.Id}", $"/Members/RecordService/{member.Id}",
            new() { ["Date"] = Day(factory.Today), ["Hours"] = "4", ["Description"] = "抗洪抢险值守" });
        Assert.Equal(HttpStatusCode.Redirect, four.StatusCode);
    }

    [Fact]
    public async Task TheLiaisonRegistersMembersAndTheirAccountsFromASpreadsheetAndEachMustChooseAPassword()
    {
        using var liaison = await PortalClient.SignedInAsync(factory, "demo.liaison");
        var csv = new StringBuilder()
            .AppendLine("市财政局在职党员名单")
            .AppendLine("姓名,手机号码,居住社区,用户名")
            .AppendLine("郑和,13812340101,金墩社区,zheng.he")
            .AppendLine("冯媛,13812340102,汤泊社区,")
            .AppendLine("错行,12345,金墩社区,")
            .AppendLine("无社区,13812340104,不存在社区,")
            .AppendLine("重复,13812340101,金墩社区,")
            .ToString();
        var preview = await liaison.PostFileAsync("/Members/Import", "/Members/Import", "党员.csv", Encoding.UTF8.GetBytes(csv));
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var html = await preview.Content.ReadAsStringAsync();
        Assert.Contains("2 行可以导入；3 行有错误。", html, StringComparison.Ordinal);
        Assert.Contains("请输入11位手机号码。", html, StringComparison.Ordinal);
        Assert.Contains("名录中没有此名称的在册社区。", html, StringComparison.Ordinal);
        // Nothing is stored before the confirmation.
        Assert.False(await factory.QueryAsync(db => db.PartyMembers.AnyAsync(m => m.Name == "郑和" || m.Name == "冯媛")));

        var pendingId = Regex.Match(html, "name=\"id\" value=\"([^\"]+)\"").Groups[1].Value;
        var confirmed = await liaison.PostWithTokenAsync("/Members/ConfirmImport", [new("id", pendingId)], PortalClient.TokenFrom(html));
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var issued = Issued(await confirmed.Content.ReadAsStringAsync());
        var zheng = await MemberAsync("郑和");
        var feng = await MemberAsync("冯媛");
        Assert.Equal(["zheng.he", $"pm{feng.Id}"], issued.Select(i => i.User));
        Assert.Equal((await factory.UnitIdAsync("市财政局"), await factory.CommunityIdAsync("汤泊社区"), "13812340102"), (feng.UnitId, feng.ResidenceCommunityId, feng.Phone));

        // Each account is a party member's, bound to its record, and must choose its own password first.
        var bound = await factory.QueryAsync(db => db.Users.AsNoTracking().Where(u => u.PartyMemberId == zheng.Id || u.PartyMemberId == feng.Id)
            .Select(u => new { u.UserName, u.PartyMemberId, u.MustChangePassword, u.UnitId, u.CommunityId }).OrderBy(u => u.UserName).ToListAsync());
        Assert.Equal(2, bound.Count);
        Assert.All(bound, u => Assert.Equal((true, (int?)null, (int?)null), (u.MustChangePassword, u.UnitId, u.CommunityId)));
        foreach (var (user, password) in issued)
        {
            Assert.True(password.Length >= 10 && password.Any(char.IsDigit) && password.Any(char.IsUpper) && password.Any(char.IsLower), password);
            using var member = await PortalClient.FirstSignInAsync(factory, user, password);
            var page = await member.GetPageAsync("/Me");
            Assert.Contains(user == "zheng.he" ? "郑和" : "冯媛", page, StringComparison.Ordinal);
            // Their own page, nothing else of the programme.
            Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync("/Pairings")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync("/Members")).StatusCode);
        }
        Assert.True(await factory.QueryAsync(db => db.UserRoles.CountAsync(ur => db.Users.Any(u => u.Id == ur.UserId && (u.PartyMemberId == zheng.Id || u.PartyMemberId == feng.Id))
            && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.PartyMember))) == 2);

        // Confirming the same preview again adds nobody.
        var again = await liaison.PostWithTokenAsync("/Members/ConfirmImport", [new("id", pendingId)], PortalClient.TokenFrom(html));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(1, await factory.QueryAsync(db => db.PartyMembers.CountAsync(m => m.Name == "郑和")));
    }

    [Fact]
    public async Task TheLiaisonCorrectsAMemberAndMarksThemLeftWhichEndsTheReportAndLocksTheAccount()
    {
        using var liaison = await PortalClient.SignedInAsync(factory, "demo.liaison");
        using var secretary = await PortalClient.SignedInAsync(factory, "demo.secretary");
        var member = await RegisterAsync(liaison, "吕布", "13812340003");
        await ReportAndAcceptAsync(liaison, secretary, member);
        var issued = await liaison.PostFormAsync($"/Members/Details/{member.Id}", $"/Members/CreateAccount/{member.Id}", []);
        var (userName, password) = Assert.Single(Issued(await issued.Content.ReadAsStringAsync()));
        Assert.Equal($"pm{member.Id}", userName);
        // A second account for the same member is refused.
        await liaison.PostFormAsync($"/Members/Details/{member.Id}", $"/Members/CreateAccount/{member.Id}", []);
        Assert.Equal(1, await factory.QueryAsync(db => db.Users.CountAsync(u => u.PartyMemberId == member.Id)));

        var community = member.ResidenceCommunityId.ToString(CultureInfo.InvariantCulture);
        var bad = await liaison.PostFormAsync($"/Members/Edit/{member.Id}", $"/Members/Edit/{member.Id}", new() { ["Name"] = "吕布", ["Phone"] = "abc", ["ResidenceCommunityId"] = community });
        Assert.Equal("请输入11位手机号码。", PortalClient.FieldError(await bad.Content.ReadAsStringAsync(), "Phone"));
        var stale = await liaison.PostFormAsync($"/Members/Edit/{member.Id}", $"/Members/Edit/{member.Id}",
            new() { ["Name"] = "吕布", ["Phone"] = "13812340009", ["ResidenceCommunityId"] = community, ["version"] = Guid.NewGuid().ToString() });
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Equal("13812340003", (await MemberAsync("吕布")).Phone);
        var saved = await liaison.PostFormAsync($"/Members/Edit/{member.Id}", $"/Members/Edit/{member.Id}",
            new() { ["Name"] = "吕布", ["Phone"] = "13812340009", ["ResidenceCommunityId"] = community, ["version"] = (await MemberAsync("吕布")).Version.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        member = await MemberAsync("吕布");
        Assert.Equal("13812340009", member.Phone);

        await liaison.PostFormAsync($"/Members/Details/{member.Id}", $"/Members/Leave/{member.Id}", new() { ["version"] = member.Version.ToString() });
        Assert.False((await MemberAsync("吕布")).IsActive);
        var report = await factory.QueryAsync(db => db.MemberReports.AsNoTracking().SingleAsync(r => r.MemberId == member.Id));
        Assert.Equal((MemberReportStatus.Ended, "已离开本单位"), (report.Status, report.Reason));
        using var gone = factory.CreatePortalClient();
        Assert.Equal(HttpStatusCode.OK, (await gone.LoginAsync(userName, password)).StatusCode);
    }
}
