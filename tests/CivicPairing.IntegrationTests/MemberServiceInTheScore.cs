using System.Globalization;
using System.Text.RegularExpressions;
using CivicPairing.Domain.Members;
using CivicPairing.Domain.Pairings;
using CivicPairing.Domain.Registry;
using CivicPairing.IntegrationTests.Infrastructure;
using CivicPairing.Web.Features.Ranking;
using Microsoft.EntityFrameworkCore;

namespace CivicPairing.IntegrationTests;

/// <summary>
/// 在职党员服务 in the score (issue 15): a weight in the period's rules, 0 unless the office gives it points. At 0 nothing
/// moves; with a weight a unit whose members served ranks above an identical unit whose members did not. Confirmed service
/// supersedes the stored facts the way a confirmed activity does; service awaiting confirmation does not.
/// </summary>
public sealed partial class MemberServiceInTheScore(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Served = "服务计分甲单位", Idle = "服务计分乙单位";

    private Task<long> VersionAsync() => factory.QueryAsync(db => db.Set<FactsVersion>().Select(v => v.Number).SingleAsync());

    /// <summary>Two units alike in everything: 20 staff, 2 party members declared, one pairing in force since 2025, no work at all.</summary>
    private Task SeedTwinsAsync() => factory.QueryAsync(async db =>
    {
        var community = await db.Communities.SingleAsync(c => c.Name == "汤泊社区");
        foreach (var name in new[] { Served, Idle })
        {
            var unit = new Unit { Name = name, Kind = UnitKind.GovernmentOrgan, StaffCount = 20, PartyMemberCount = 2, CreatedAt = PortalFactory.PinnedAt };
            db.Units.Add(unit);
            db.Pairings.Add(new Pairing { Unit = unit, Community = community, Status = PairingStatus.Active, StartDate = new DateOnly(2025, 1, 1), CreatedAt = PortalFactory.PinnedAt });
        }
        return await db.SaveChangesAsync();
    });

    /// <summary>One of the served unit's members, reported to 汤泊社区 and accepted, with 6 hours of service confirmed in March 2026.</summary>
    private Task SeedServiceAsync() => factory.QueryAsync(async db =>
    {
        var unit = await db.Units.SingleAsync(u => u.Name == Served);
        var community = await db.Communities.SingleAsync(c => c.Name == "汤泊社区");
        var member = PartyMember.Register(unit.Id, "计分测试党员", "13900009999", community.Id, "test", PortalFactory.PinnedAt);
        db.PartyMembers.Add(member);
        await db.SaveChangesAsync();
        var report = MemberReport.Submit(member, null, "test", PortalFactory.PinnedAt);
        report.Accept(new DateOnly(2026, 1, 5), "test", PortalFactory.PinnedAt);
        db.MemberReports.Add(report);
        await db.SaveChangesAsync();
        var service = MemberService.Record(report, new DateOnly(2026, 3, 7), 6m, "社区志愿服务", 0m, bySecretary: true, "认真", factory.Today, "test", PortalFactory.PinnedAt);
        db.MemberServices.Add(service);
        return await db.SaveChangesAsync();
    });

    private static Dictionary<string, (int Rank, decimal Score)> Table(string html) =>
        RankingRow().Matches(html).ToDictionary(m => m.Groups[2].Value,
            m => (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), decimal.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture)));

    [Fact]
    public async Task AtWeightZeroNothingMovesAndWithAWeightTheUnitWhoseMembersServedRanksAbove()
    {
        using var office = await PortalClient.SignedInAsync(factory, "demo.office");
        await office.PostFormAsync("/Assessment", "/Assessment/Create", new Dictionary<string, string> { ["year"] = "2026" });
        await SeedTwinsAsync();
        var before = await office.GetPageAsync("/Ranking?year=2026");
        Assert.Equal(Table(before)[Served], Table(before)[Idle]);

        // Confirmed service at the default weight 0: every unit's rank and score as before, and no column for it.
        var version = await VersionAsync();
        await SeedServiceAsync();
        Assert.True(await VersionAsync() > version, "confirmed service supersedes the stored facts");
        var unweighted = await office.GetPageAsync("/Ranking?year=2026");
        Assert.Equal(Table(before), Table(unweighted));
        Assert.DoesNotContain("在职党员服务", unweighted, StringComparison.Ordinal);

        // The office gives members' service 10 points (taken from the inspection's 10).
        var period = await factory.YearPeriodAsync(2026);
        await office.PeriodStepAsync(period, "Rules", new()
        {
            ["RegularityWeight"] = "20", ["EffortWeight"] = "15", ["TasksWeight"] = "20", ["SatisfactionWeight"] = "25", ["LeadershipWeight"] = "10",
            ["InspectionWeight"] = "0", ["MemberServiceWeight"] = "10", ["MemberServiceTargetHoursPerMember"] = "12",
        });
        Assert.Equal((10, 12m), ((await factory.YearPeriodAsync(2026)).Rules.MemberServiceWeight, (await factory.YearPeriodAsync(2026)).Rules.MemberServiceTargetHoursPerMember));

        // Worked out here: the pairings were in force every month of 2026 so far (a month counts once half its days have passed);
        // 6 hours by 2 declared members against 12 hours a member a year scaled to those months; the components that apply to a
        // unit without work, tasks or inspections are regularity, effort, satisfaction, leadership and members' service (80 points).
        var today = factory.Today;
        var months = Enumerable.Range(1, 12).Count(m => m < today.Month || (m == today.Month && today.Day * 2 >= DateTime.DaysInMonth(today.Year, m)));
        var share = Math.Min(1m, 6m / 2 / (12m * months / 12m));
        var expected = Math.Round(10 * share * 100m / 80, 1, MidpointRounding.AwayFromZero);
        Assert.True(expected > 0);

        var weighted = await office.GetPageAsync("/Ranking?year=2026");
        var table = Table(weighted);
        Assert.Equal(expected, table[Served].Score);
        Assert.Equal(0m, table[Idle].Score);
        Assert.True(table[Served].Rank < table[Idle].Rank);
        Assert.Contains("在职党员服务 <span class=\"fw-normal text-muted\">（基准10）</span>", weighted, StringComparison.Ordinal);
        // The drill-down of the published report names the figures behind it.
        await office.PeriodStepAsync(await factory.YearPeriodAsync(2026), "Close");
        await office.PeriodStepAsync(await factory.YearPeriodAsync(2026), "Publish");
        var unitId = await factory.UnitIdAsync(Served);
        var drill = await office.GetPageAsync($"/Assessment/Unit/{period.Id}?unitId={unitId}&version=1");
        Assert.Contains("经确认在职党员服务6小时，在职党员2人，人均3小时", drill, StringComparison.Ordinal);
        Assert.Contains("在职党员服务10（每名党员每年12小时）。", await office.GetPageAsync($"/Assessment/Report/{period.Id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServiceAwaitingConfirmationLeavesTheStoredFactsCurrentAndConfirmingItSupersedesThem()
    {
        using var member = await PortalClient.SignedInAsync(factory, "demo.member");
        var before = await VersionAsync();
        await member.PostFormAsync("/Me", "/Me/Record", new() { ["Date"] = factory.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["Hours"] = "1.5", ["Description"] = "存量事实测试服务" });
        var service = await factory.QueryAsync(db => db.MemberServices.AsNoTracking().SingleAsync(s => s.Description == "存量事实测试服务"));
        Assert.Equal(MemberServiceStatus.Submitted, service.Status);
        Assert.Equal(before, await VersionAsync());

        using var secretary = await PortalClient.SignedInAsync(factory, "demo.secretary");
        await secretary.PostFormAsync($"/Members/Details/{service.MemberId}", $"/Members/ConfirmService/{service.Id}", new() { ["remark"] = "好", ["version"] = service.Version.ToString() });
        Assert.Equal(MemberServiceStatus.Confirmed, await factory.QueryAsync(db => db.MemberServices.Where(s => s.Id == service.Id).Select(s => s.Status).SingleAsync()));
        Assert.Equal(before + 1, await VersionAsync());
    }

    [GeneratedRegex("<td class=\"text-end\">(\\d+)</td>\\s*<td><a href=\"/Units/Details/\\d+\">([^<]+)</a></td>\\s*<td class=\"text-end fw-semibold\">([\\d.]+)</td>")]
    private static partial Regex RankingRow();
}
