using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using CivicPairing.Domain.Activities;
using CivicPairing.Domain.AidHouseholds;
using CivicPairing.Domain.Pairings;
using CivicPairing.IntegrationTests.Infrastructure;
using CivicPairing.Web.Auditing;
using CivicPairing.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace CivicPairing.IntegrationTests;

/// <summary>
/// 帮扶对象 through the real forms: demo.secretary (金墩社区) records a household helped by 市财政局, plans it (一户一方案),
/// demo.liaison logs a visit for it, the secretary confirms the visit and, with evidence, 已脱困. Refusals change nothing.
/// </summary>
public sealed partial class AidHouseholdWorkflow(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private string D(int days) => factory.Today.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private Task<AidHousehold> HouseholdAsync(string head) =>
        factory.QueryAsync(db => db.AidHouseholds.AsNoTracking().Include(h => h.Measures).Include(h => h.Evidence).SingleAsync(h => h.HeadName == head));

    private async Task<Dictionary<string, string>> HouseholdForm(string head, string unit, string community = "金墩社区") => new()
    {
        ["HeadName"] = head, ["MemberCount"] = "3", ["MemberNames"] = head + "、王秀英", ["Difficulties"] = "MinimumLivingAllowance",
        ["PairingId"] = (await factory.PairingAsync(unit, community)).Id.ToString(CultureInfo.InvariantCulture),
        ["ResponsibleName"] = "张敏", ["ResponsiblePhone"] = "0517-83600000", ["IncomePerPerson"] = "3600",
    };

    private static async Task<string> FollowAsync(PortalClient client, HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await client.GetPageAsync(response.Headers.Location!.OriginalString);
    }

    private async Task<AidHousehold> RecordAsync(PortalClient secretary, string head, string unit = "市财政局")
    {
        var response = await secretary.PostFormAsync("/AidHouseholds/Create", "/AidHouseholds/Create", await HouseholdForm(head, unit));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await HouseholdAsync(head);
    }

    [Fact]
    public async Task AHouseholdIsPlannedVisitedAndLiftedOutWithEvidence()
    {
        using var secretary = await PortalClient.SignedInAsync(factory, "demo.secretary");
        using var liaison = await PortalClient.SignedInAsync(factory, "demo.liaison");
        using var office = await PortalClient.SignedInAsync(factory, "demo.office");

        var created = await secretary.PostFormAsync("/AidHouseholds/Create", "/AidHouseholds/Create", await HouseholdForm("陈阿根", "市财政局"));
        Assert.Contains("帮扶对象已登记", await FollowAsync(secretary, created), StringComparison.Ordinal);
        var household = await HouseholdAsync("陈阿根");
        var pairing = await factory.PairingAsync("市财政局", "金墩社区");
        Assert.Equal((AidStatus.InAid, pairing.Id, 3, 3600m, Difficulties.MinimumLivingAllowance),
            (household.Status, household.PairingId, household.MemberCount, household.IncomePerPerson, household.Difficulties));

        // The plan: one measure already late, one ahead. The late one makes the plan overdue everywhere.
        var details = $"/AidHouseholds/Details/{household.Id}";
        await secretary.PostFormAsync(details, $"/AidHouseholds/AddMeasure/{household.Id}",
            new Dictionary<string, string> { ["Text"] = "申请临时救助", ["TargetDate"] = D(-2), ["Version"] = household.Version.ToString() });
        household = await HouseholdAsync("陈阿根");
        await secretary.PostFormAsync(details, $"/AidHouseholds/AddMeasure/{household.Id}",
            new Dictionary<string, string> { ["Text"] = "介绍社区公益岗位", ["TargetDate"] = D(20), ["Version"] = household.Version.ToString() });
        household = await HouseholdAsync("陈阿根");
        Assert.Equal(2, household.Measures.Count);
        Assert.True(household.PlanOverdue(factory.Today));
        Assert.Contains("方案逾期", await secretary.GetPageAsync(details), StringComparison.Ordinal);
        Assert.Contains("陈阿根", await office.GetPageAsync("/AidHouseholds?overdue=true"), StringComparison.Ordinal);
        var overdueInStreet = await factory.QueryAsync(db => db.AidHouseholds.CountAsync(h => h.Community!.Street == "城厢街道" && h.Status == AidStatus.InAid
            && h.Measures.Any(m => m.DoneOn == null && m.TargetDate < factory.Today)));
        Assert.Equal(overdueInStreet, await OverviewCellAsync(office, "城厢街道", 3));

        var late = household.Measures.Single(m => m.Text == "申请临时救助");
        await secretary.PostFormAsync(details, $"/AidHouseholds/SetMeasure/{household.Id}",
            new Dictionary<string, string> { ["measureId"] = late.Id.ToString(CultureInfo.InvariantCulture), ["done"] = "true", ["version"] = household.Version.ToString() });
        household = await HouseholdAsync("陈阿根");
        Assert.Equal(factory.Today, household.Measures.Single(m => m.Id == late.Id).DoneOn);
        Assert.False(household.PlanOverdue(factory.Today));
        Assert.DoesNotContain("陈阿根", await office.GetPageAsync("/AidHouseholds?overdue=true"), StringComparison.Ordinal);

        // The liaison of 市财政局 logs a visit for the household; the secretary confirms it like any activity.
        var logPage = await liaison.GetPageAsync($"/Activities/Log?pairingId={pairing.Id}&householdId={household.Id}");
        Assert.Contains($"<option value=\"{household.Id}\" data-pairing=\"{pairing.Id}\" selected=\"selected\">", logPage, StringComparison.Ordinal);
        var form = VisitForm(logPage, pairing.Id, "走访陈阿根家", household.Id);
        Assert.Equal(HttpStatusCode.Redirect, (await liaison.PostFormAsync($"/Activities/Log?pairingId={pairing.Id}", "/Activities/Log", form)).StatusCode);
        var visit = await factory.QueryAsync(db => db.Activities.AsNoTracking().SingleAsync(a => a.Title == "走访陈阿根家"));
        Assert.Equal((household.Id, ActivityStatus.Submitted), (visit.AidHouseholdId, visit.Status));
        var visitsBefore = await OverviewCellAsync(office, "城厢街道", 4);
        await secretary.PostFormAsync($"/Activities/Details/{visit.Id}", $"/Activities/Confirm/{visit.Id}",
            new Dictionary<string, string> { ["rating"] = "5", ["version"] = visit.Version.ToString() });
        Assert.Equal(ActivityStatus.Confirmed, await factory.QueryAsync(db => db.Activities.Where(a => a.Id == visit.Id).Select(a => a.Status).SingleAsync()));
        Assert.Equal(visitsBefore + 1, await OverviewCellAsync(office, "城厢街道", 4));
        var page = await secretary.GetPageAsync(details);
        Assert.Contains("走访陈阿根家", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/AidHouseholds/Details/{household.Id}\">陈阿根</a>", await liaison.GetPageAsync($"/Activities/Details/{visit.Id}"), StringComparison.Ordinal);

        // 已脱困 without evidence is refused and changes nothing; with a photo it is confirmed.
        var refused = await secretary.PostMultipartAsync(details, $"/AidHouseholds/LiftOut/{household.Id}",
            new Dictionary<string, string> { ["version"] = household.Version.ToString(), ["incomePerPerson"] = "5600" });
        Assert.Contains("确认已脱困前请先上传佐证材料", await FollowAsync(secretary, refused), StringComparison.Ordinal);
        Assert.Equal((AidStatus.InAid, 3600m), ((await HouseholdAsync("陈阿根")).Status, (await HouseholdAsync("陈阿根")).IncomePerPerson));

        var lifted = await secretary.PostMultipartAsync(details, $"/AidHouseholds/LiftOut/{household.Id}",
            new Dictionary<string, string> { ["version"] = household.Version.ToString(), ["incomePerPerson"] = "5600" }, ("files", "脱困公示.jpg", TestImages.Jpeg(640, 480)));
        Assert.Contains("该户已脱困", await FollowAsync(secretary, lifted), StringComparison.Ordinal);
        household = await HouseholdAsync("陈阿根");
        Assert.Equal((AidStatus.LiftedOut, 5600m, "demo.secretary", 1), (household.Status, household.IncomePerPerson, household.DecidedBy, household.Evidence.Count));
        Assert.Contains("已达到目标 ¥5,000.00", await secretary.GetPageAsync(details), StringComparison.Ordinal);
        // The evidence is served to the paired unit, not to another liaison.
        Assert.Equal(HttpStatusCode.OK, (await liaison.GetAsync($"/Evidence/{household.Evidence[0].Id}")).StatusCode);
    }

    [Fact]
    public async Task AHouseholdInAidKeepsThePairingFromEndingUntilTheOfficeOverridesAndItIsListed()
    {
        using var secretary = await PortalClient.SignedInAsync(factory, "demo.secretary");
        using var office = await PortalClient.SignedInAsync(factory, "demo.office");
        var household = await RecordAsync(secretary, "刘桂芳", "市审计局");
        var pairing = await factory.PairingAsync("市审计局", "金墩社区");
        var pairingPage = $"/Pairings/Details/{pairing.Id}";
        var html = await office.GetPageAsync(pairingPage);
        Assert.Contains("<dd class=\"households-in-aid\">1</dd>", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/AidHouseholds/Details/{household.Id}\">刘桂芳</a>", html, StringComparison.Ordinal);

        var refused = await office.PostFormAsync(pairingPage, $"/Pairings/End/{pairing.Id}",
            new Dictionary<string, string> { ["EndDate"] = D(0), ["Reason"] = "单位调整", ["Version"] = pairing.Version.ToString() });
        Assert.Contains("个帮扶对象未脱困", await FollowAsync(office, refused), StringComparison.Ordinal);
        Assert.Equal(PairingStatus.Active, (await factory.PairingAsync("市审计局", "金墩社区")).Status);

        var ended = await office.PostFormAsync(pairingPage, $"/Pairings/End/{pairing.Id}",
            new Dictionary<string, string> { ["EndDate"] = D(0), ["OverrideReason"] = "该户已由民政部门兜底", ["Version"] = pairing.Version.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.Equal(PairingStatus.Ended, await factory.QueryAsync(db => db.Pairings.Where(p => p.Id == pairing.Id).Select(p => p.Status).SingleAsync()));
        Assert.True(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "Pairing" && a.EntityId == pairing.Id.ToString()
            && a.Note != null && a.Note.Contains("该户已由民政部门兜底"))));
    }

    [Fact]
    public async Task ASecondUnitClaimingAHouseholdKeptAlreadyIsRefusedBesideTheName()
    {
        using var secretary = await PortalClient.SignedInAsync(factory, "demo.secretary");
        await RecordAsync(secretary, "周大海");
        var before = await factory.QueryAsync(db => db.AidHouseholds.CountAsync());
        var response = await secretary.PostFormAsync("/AidHouseholds/Create", "/AidHouseholds/Create", await HouseholdForm("周大海", "市公安局"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("该户已登记，结对单位为市财政局：一户只能有一个结对帮扶单位。", PortalClient.FieldError(await response.Content.ReadAsStringAsync(), "HeadName"));
        Assert.Equal(before, await factory.QueryAsync(db => db.AidHouseholds.CountAsync()));
        Assert.Equal("市财政局", await factory.QueryAsync(db => db.AidHouseholds.Where(h => h.HeadName == "周大海").Select(h => h.Pairing!.Unit!.Name).SingleAsync()));
    }

    [Theory]
    [InlineData("HeadName", "<script>alert(1)</script>")]
    [InlineData("MemberCount", "0")]
    [InlineData("MemberCount", "abc")]
    [InlineData("IncomePerPerson", "-5")]
    [InlineData("ResponsiblePhone", "1234'; DROP TABLE AidHouseholds;--")]
    [InlineData("PairingId", "999999")]
    public async Task BadInputIsRefusedBesideItsFieldAndNothingIsStored(string field, string value)
    {
        using var secretary = await PortalClient.SignedInAsync(factory, "demo.secretary");
        var before = await factory.QueryAsync(db => db.AidHouseholds.CountAsync());
        var form = await HouseholdForm("吴小妹" + field, "市财政局");
        form[field] = value;
        var response = await secretary.PostFormAsync("/AidHouseholds/Create", "/AidHouseholds/Create", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(PortalClient.FieldError(await response.Content.ReadAsStringAsync(), field));
        Assert.Equal(before, await factory.QueryAsync(db => db.AidHouseholds.CountAsync()));
    }

    [Fact]
    public async Task ALiaisonCannotLinkAVisitToAHouseholdOfAnotherPairing()
    {
        using var secretary = await PortalClient.SignedInAsync(factory, "demo.secretary");
        using var liaison = await PortalClient.SignedInAsync(factory, "demo.liaison");
        var others = await RecordAsync(secretary, "郑老汉", "市水务局");
        var pairing = await factory.PairingAsync("市财政局", "金墩社区");
        Assert.Equal(HttpStatusCode.NotFound, (await liaison.GetAsync($"/AidHouseholds/Details/{others.Id}")).StatusCode);
        var logPage = await liaison.GetPageAsync("/Activities/Log");
        Assert.DoesNotContain("郑老汉", logPage, StringComparison.Ordinal);
        var response = await liaison.PostFormAsync("/Activities/Log", "/Activities/Log", VisitForm(logPage, pairing.Id, "走访郑老汉", others.Id));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("请选择本单位通过该结对帮扶、且仍在帮扶中的帮扶对象。", PortalClient.FieldError(await response.Content.ReadAsStringAsync(), "AidHouseholdId"));
        Assert.False(await factory.QueryAsync(db => db.Activities.AnyAsync(a => a.Title == "走访郑老汉")));
    }

    [Fact]
    public async Task TheOfficesOverviewCountsHouseholdsByStreetAsTheDatabaseDoes()
    {
        using var secretary = await PortalClient.SignedInAsync(factory, "demo.secretary");
        using var office = await PortalClient.SignedInAsync(factory, "demo.office");
        await RecordAsync(secretary, "孙奶奶");
        var expected = await factory.QueryAsync(db => db.AidHouseholds.Where(h => h.Community!.Street == "城厢街道")
            .GroupBy(h => h.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync());
        Assert.Equal(expected.Where(e => e.Key == AidStatus.InAid).Sum(e => e.Count), await OverviewCellAsync(office, "城厢街道", 1));
        Assert.Equal(expected.Where(e => e.Key == AidStatus.LiftedOut).Sum(e => e.Count), await OverviewCellAsync(office, "城厢街道", 2));
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.GetAsync("/AidHouseholds/Overview")).StatusCode);
    }

    private Dictionary<string, string> VisitForm(string logPage, int pairingId, string title, int householdId) => new()
    {
        ["PairingId"] = pairingId.ToString(CultureInfo.InvariantCulture), ["SubmissionKey"] = SubmissionKey().Match(logPage).Groups[1].Value,
        ["Date"] = D(-1), ["Category"] = "Visits", ["Title"] = title, ["PeopleSent"] = "2", ["PersonHours"] = "4", ["Funds"] = "500",
        ["PeopleServed"] = "3", ["AidHouseholdId"] = householdId.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The overview's figure for a street: column 1 in aid, 2 lifted out, 3 plans overdue, 4 visits in the last 90 days.</summary>
    private static async Task<int> OverviewCellAsync(PortalClient office, string street, int column)
    {
        var html = await office.GetPageAsync("/AidHouseholds/Overview");
        var row = Regex.Match(html, $"<tr data-street=\"{street}\">(.*?)</tr>", RegexOptions.Singleline);
        if (!row.Success)
        {
            return 0;
        }
        var cells = Regex.Matches(row.Groups[1].Value, "<td[^>]*>(.*?)</td>", RegexOptions.Singleline);
        return int.Parse(Regex.Replace(cells[column].Groups[1].Value, "<[^>]+>", "").Trim(), CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("name=\"SubmissionKey\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex SubmissionKey();
}
