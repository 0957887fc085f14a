using System.Net;
using CivicPairing.Domain.Pairings;
using CivicPairing.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CivicPairing.IntegrationTests;

public sealed class PairingWorkflow(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<HttpResponseMessage> ProposeAsync(PortalClient client, int? unitId, int? communityId, string start = "2026-11-01", string note = "双向选择")
    {
        var fields = new Dictionary<string, string> { ["StartDate"] = start, ["Note"] = note };
        if (unitId is not null)
        {
            fields["UnitId"] = unitId.Value.ToString();
        }
        if (communityId is not null)
        {
            fields["CommunityId"] = communityId.Value.ToString();
        }
        return await client.PostFormAsync("/Pairings/Propose", "/Pairings/Propose", fields);
    }

    private static Task<HttpResponseMessage> DecideAsync(PortalClient client, Pairing pairing, string action, Dictionary<string, string>? fields = null)
    {
        var all = new Dictionary<string, string>(fields ?? []) { ["Version"] = pairing.Version.ToString() };
        return client.PostFormAsync($"/Pairings/Details/{pairing.Id}", $"/Pairings/{action}/{pairing.Id}", all);
    }

    [Fact]
    public async Task LiaisonProposesForTheirUnitAndTheOfficeApproves()
    {
        using var liaison = await PortalClient.SignedInAsync(factory, "demo.liaison");
        var response = await ProposeAsync(liaison, await factory.UnitIdAsync("市公安局"), await factory.CommunityIdAsync("南腰村"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        // Whatever unit the form named, a liaison proposes for their own.
        var proposed = await factory.PairingAsync("市财政局", "南腰村");
        Assert.Equal((PairingStatus.Proposed, PairingProposer.Unit), (proposed.Status, proposed.ProposedBy));
        Assert.Contains("已提交文明办审批", await liaison.GetPageAsync(response.Headers.Location!.OriginalString), StringComparison.Ordinal);

        using var office = await PortalClient.SignedInAsync(factory, "demo.office");
        Assert.Equal(HttpStatusCode.Forbidden, (await DecideAsync(liaison, proposed, "Approve")).StatusCode);
        await DecideAsync(office, proposed, "Approve");

        var approved = await factory.PairingAsync("市财政局", "南腰村");
        Assert.Equal(PairingStatus.Active, approved.Status);
        Assert.Equal([(null, PairingStatus.Proposed, "demo.liaison"), (PairingStatus.Proposed, PairingStatus.Active, "demo.office")],
            approved.Events.OrderBy(e => e.Id).Select(e => (e.From, e.To, e.Actor)));
        var details = await office.GetPageAsync($"/Pairings/Details/{approved.Id}");
        Assert.Contains("待审批 → 结对中", details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecretaryProposesOnlyForTheirOwnCommunity()
    {
        using var secretary = await PortalClient.SignedInAsync(factory, "demo.secretary");
        await ProposeAsync(secretary, await factory.UnitIdAsync("淮阴师范学院"), await factory.CommunityIdAsync("西焉村"));
        var pairing = await factory.PairingAsync("淮阴师范学院", "金墩社区");
        Assert.Equal((PairingStatus.Proposed, PairingProposer.Community), (pairing.Status, pairing.ProposedBy));
        Assert.False(await factory.QueryAsync(db => db.Pairings.AnyAsync(p => p.Unit!.Name == "淮阴师范学院" && p.Community!.Name == "西焉村")));
    }

    [Fact]
    public async Task OfficePairingIsInForceAtOnce()
    {
        using var office = await PortalClient.SignedInAsync(factory, "demo.office");
        await ProposeAsync(office, await factory.UnitIdAsync("市红十字会"), await factory.CommunityIdAsync("双桥村"));
        Assert.Equal(PairingStatus.Active, (await factory.PairingAsync("市红十字会", "双桥村")).Status);
    }

    [Theory]
    [InlineData("市财政局", "金墩社区", "已经结对")]
    [InlineData("市审计局", "", "社区（村）")]
    [InlineData("市审计局", "柳湾村", "开始日期须在2000年至一年后之间")]
    public async Task RefusesABadProposalBesideTheFieldAndStoresNothing(string unit, string community, string message)
    {
        using var office = await PortalClient.SignedInAsync(factory, "demo.office");
        var before = await factory.QueryAsync(db => db.Pairings.CountAsync());
        var start = message.Contains("2000", StringComparison.Ordinal) ? "1999-01-01" : "2026-11-01";
        var response = await ProposeAsync(office, await factory.UnitIdAsync(unit), community == "" ? null : await factory.CommunityIdAsync(community), start);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await factory.QueryAsync(db => db.Pairings.CountAsync()));
    }

    [Fact]
    public async Task RefusesToPairADeactivatedUnit()
    {
        using var office = await PortalClient.SignedInAsync(factory, "demo.office");
        await office.PostFormAsync("/Units/Create", "/Units/Create", new Dictionary<string, string> { ["Name"] = "市旧档案馆", ["Kind"] = "PublicInstitution", ["StaffCount"] = "5", ["PartyMemberCount"] = "1" });
        var unit = await factory.QueryAsync(db => db.Units.SingleAsync(u => u.Name == "市旧档案馆"));
        await office.PostFormAsync($"/Units/Details/{unit.Id}", $"/Units/SetActive/{unit.Id}", new Dictionary<string, string> { ["active"] = "false", ["version"] = unit.Version.ToString() });

        var response = await ProposeAsync(office, unit.Id, await factory.CommunityIdAsync("柳湾村"));

        Assert.Contains("市旧档案馆已停用，不能结对。", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await factory.QueryAsync(db => db.Pairings.AnyAsync(p => p.UnitId == unit.Id)));
    }

    [Fact]
    public async Task RefusesToEndAPairingWithUnconfirmedTasksUnlessTheOfficeWritesWhy()
    {
        using var office = await PortalClient.SignedInAsync(factory, "demo.office");
        var pairing = await factory.PairingAsync("台江区房管局", "水巷社区");

        var refused = await DecideAsync(office, pairing, "End", new() { ["EndDate"] = "2026-11-20", ["Reason"] = "调整结对" });
        var page = await office.GetPageAsync(refused.Headers.Location!.OriginalString);
        Assert.Contains("未能解除：尚有 3 项协议任务未经社区确认。不脱困不拆对", page, StringComparison.Ordinal);
        Assert.Equal(PairingStatus.Active, (await factory.PairingAsync("台江区房管局", "水巷社区")).Status);

        await DecideAsync(office, pairing, "End", new() { ["EndDate"] = "2026-11-20", ["OverrideReason"] = "房管局机构改革，职能并入住建局" });
        var ended = await factory.PairingAsync("台江区房管局", "水巷社区");
        Assert.Equal((PairingStatus.Ended, new DateOnly(2026, 11, 20)), (ended.Status, ended.EndDate));
        Assert.Equal("房管局机构改革，职能并入住建局", ended.Events.OrderBy(e => e.Id).Last().Reason);
        var audit = await factory.QueryAsync(db => db.AuditEntries.Where(a => a.EntityType == "Pairing" && a.EntityId == pairing.Id.ToString()).OrderBy(a => a.Id).LastAsync());
        Assert.Equal("经文明办特批解除：房管局机构改革，职能并入住建局", audit.Note);
    }

    [Fact]
    public async Task NeedsAReasonToRejectAProposal()
    {
        using var office = await PortalClient.SignedInAsync(factory, "demo.office");
        var proposal = await factory.PairingAsync("市第一人民医院", "柳湾村");
        var response = await DecideAsync(office, proposal, "Reject", new() { ["Reason"] = " " });
        Assert.Contains("请填写理由。", await office.GetPageAsync(response.Headers.Location!.OriginalString), StringComparison.Ordinal);
        Assert.Equal(PairingStatus.Proposed, (await factory.PairingAsync("市第一人民医院", "柳湾村")).Status);
    }

    [Fact]
    public async Task ShowsAnotherPartysPairingAsNotFound()
    {
        var other = await factory.PairingAsync("淮文外国语学校", "状元府");
        foreach (var user in new[] { "demo.liaison", "demo.secretary" })
        {
            using var client = await PortalClient.SignedInAsync(factory, user);
            var response = await client.GetAsync($"/Pairings/Details/{other.Id}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain("淮文外国语学校", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.DoesNotContain("淮文外国语学校", await client.GetPageAsync("/Pairings"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task SuggestsUnitsThatAnswerTheVillagesWeaknessesWithReasons()
    {
        using var office = await PortalClient.SignedInAsync(factory, "demo.office");
        var html = await office.GetPageAsync($"/Pairings/Suggestions?communityId={await factory.CommunityIdAsync("南腰村")}");
        Assert.Contains("为南腰村推荐的结对单位", html, StringComparison.Ordinal);
        // 南腰村: weak economy, labour export. 市人社局 (employment) answers both; it must lead the list.
        var first = html.IndexOf("/Units/Details/", StringComparison.Ordinal);
        Assert.Contains("市人社局", html.Substring(first, 200), StringComparison.Ordinal);
        Assert.Contains("针对社区薄弱环节：就业", html, StringComparison.Ordinal);
        Assert.Contains("服务当地产业：就业", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShowsCoverageWithTheUnpairedFirstAndExportsIt()
    {
        using var office = await PortalClient.SignedInAsync(factory, "demo.office");
        var (paired, total) = await factory.QueryAsync(async db => (
            await db.Communities.CountAsync(c => c.IsActive && db.Pairings.Any(p => p.CommunityId == c.Id && p.Status == PairingStatus.Active)),
            await db.Communities.CountAsync(c => c.IsActive)));
        var html = await office.GetPageAsync("/Coverage?street=石井乡");
        Assert.True(html.IndexOf("南腰村", StringComparison.Ordinal) < html.IndexOf("山头岭村", StringComparison.Ordinal));
        var all = await office.GetPageAsync("/Coverage");
        Assert.Contains($"{total}个社区和村中有{paired}个已结对", all, StringComparison.Ordinal);

        var csv = await (await office.GetAsync("/Coverage/Export?format=csv&street=石井乡")).Content.ReadAsByteArrayAsync();
        var rows = CivicPairing.Web.Infrastructure.Spreadsheets.CsvReader.Read(new MemoryStream(csv), 100);
        Assert.Equal(["街道/乡镇", "社区（村）名称", "类别", "已结对", "结对单位", "经需求帮扶的单位"], rows[0]);
        Assert.Contains(rows, r => r[1] == "山头岭村" && r[3] == "是" && r[4] == "市粮食局");
        Assert.All(rows.Skip(1), r => Assert.Equal("石井乡", r[0]));
    }
}
