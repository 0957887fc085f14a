using System.Net;
using System.Text.RegularExpressions;
using CivicPairing.Domain.Inspections;
using CivicPairing.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CivicPairing.IntegrationTests;

/// <summary>督查: recorded item by item by the office, scored, followed up, and counted in the ranking.</summary>
public sealed class InspectionsOfPairings(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static Dictionary<string, string> Form(string date, string score, string? deadline, string secondResult = "Pass") => new()
    {
        ["Date"] = date, ["Score"] = score, ["RectificationDeadline"] = deadline ?? "",
        ["Findings[0].Item"] = "协议任务按期推进", ["Findings[0].Result"] = "Pass",
        ["Findings[1].Item"] = "共建台账资料齐全", ["Findings[1].Result"] = secondResult, ["Findings[1].Notes"] = "缺少3月、4月签到表",
    };

    [Fact]
    public async Task RecordsAnInspectionThatCountsInTheRankingAndFollowsUpItsRectification()
    {
        var pairing = await factory.PairingAsync("市司法局", "公园社区");
        using var office = await PortalClient.SignedInAsync(factory, "demo.office");
        var before = await office.GetPageAsync("/Ranking?year=2026");
        Assert.Matches("<td><a href=\"/Units/Details/\\d+\">市司法局</a></td>(\\s*<td[^>]*>[^<]*</td>\\s*<td><span[^>]*>[^<]*</span></td>)(\\s*<td[^>]*>[^<]*(?:<span[^>]*>[^<]*</span>[^<]*)?</td>){5}\\s*<td class=\"text-end d-none d-lg-table-cell\">—</td>", before);

        var recorded = await office.PostFormAsync($"/Inspections/Record?pairingId={pairing.Id}", $"/Inspections/Record?pairingId={pairing.Id}",
            Form("2026-11-20", "85", "2026-12-31", secondResult: "Fail"));
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        var inspection = await factory.QueryAsync(db => db.Inspections.AsNoTracking().SingleAsync(i => i.PairingId == pairing.Id));
        Assert.Equal((85, true, new DateOnly(2026, 12, 31)), (inspection.Score, inspection.NeedsRectification, inspection.RectificationDeadline));
        Assert.Equal("缺少3月、4月签到表", inspection.Findings.Single(f => f.Result == FindingResult.Fail).Notes);

        var after = await office.GetPageAsync("/Ranking?year=2026");
        Assert.DoesNotMatch("<td><a href=\"/Units/Details/\\d+\">市司法局</a></td>(\\s*<td[^>]*>[^<]*</td>\\s*<td><span[^>]*>[^<]*</span></td>)(\\s*<td[^>]*>[^<]*(?:<span[^>]*>[^<]*</span>[^<]*)?</td>){5}\\s*<td class=\"text-end d-none d-lg-table-cell\">—</td>", after);

        await office.PostFormAsync($"/Inspections/Details/{inspection.Id}", $"/Inspections/FollowUp/{inspection.Id}",
            new Dictionary<string, string> { ["result"] = "签到表已补齐", ["rectified"] = "true", ["on"] = "2026-11-24", ["version"] = inspection.Version.ToString() });
        var followed = await factory.QueryAsync(db => db.Inspections.AsNoTracking().SingleAsync(i => i.Id == inspection.Id));
        Assert.Equal(("签到表已补齐", true), (followed.FollowUp, followed.Rectified));
    }

    [Theory]
    [InlineData("2026-11-20", "120", null, "Pass", "督查得分须在0至100之间。")]
    [InlineData("2026-11-20", "70", null, "Fail", "有不达标项，请设定整改期限。")]
    [InlineData("2099-01-01", "70", null, "Pass", "督查日期须在结对开始日期")]
    public async Task RefusesABadInspectionAndStoresNothing(string date, string score, string? deadline, string secondResult, string message)
    {
        var pairing = await factory.PairingAsync("市检察院", "汤泊社区");
        using var office = await PortalClient.SignedInAsync(factory, "demo.office");
        var response = await office.PostFormAsync($"/Inspections/Record?pairingId={pairing.Id}", $"/Inspections/Record?pairingId={pairing.Id}", Form(date, score, deadline, secondResult));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await factory.QueryAsync(db => db.Inspections.AnyAsync(i => i.PairingId == pairing.Id)));
    }

    [Fact]
    public async Task ShowsEachSideOnlyTheInspectionsOfItsOwnPairings()
    {
        var own = await factory.PairingAsync("市财政局", "金墩社区");
        var other = await factory.PairingAsync("供电公司", "新坝社区");
        using var office = await PortalClient.SignedInAsync(factory, "demo.office");
        await office.PostFormAsync($"/Inspections/Record?pairingId={own.Id}", $"/Inspections/Record?pairingId={own.Id}", Form("2026-11-10", "60", null));
        await office.PostFormAsync($"/Inspections/Record?pairingId={other.Id}", $"/Inspections/Record?pairingId={other.Id}", Form("2026-11-11", "90", null));
        var ownId = await factory.QueryAsync(db => db.Inspections.Where(i => i.PairingId == own.Id).Select(i => i.Id).SingleAsync());
        var otherId = await factory.QueryAsync(db => db.Inspections.Where(i => i.PairingId == other.Id).Select(i => i.Id).SingleAsync());

        using var liaison = await PortalClient.SignedInAsync(factory, "demo.liaison");
        Assert.Contains("共建台账资料齐全", await liaison.GetPageAsync($"/Inspections/Details/{ownId}"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await liaison.GetAsync($"/Inspections/Details/{otherId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await liaison.GetAsync($"/Inspections/Record?pairingId={own.Id}")).StatusCode);
        var list = await liaison.GetPageAsync("/Inspections");
        Assert.Contains("金墩社区", list, StringComparison.Ordinal);
        Assert.DoesNotContain("新坝社区", list, StringComparison.Ordinal);
    }
}
