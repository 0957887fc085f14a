using System.Globalization;
using System.Net;
using CivicPairing.Domain.AidHouseholds;
using CivicPairing.IntegrationTests.Infrastructure;
using CivicPairing.Web.Auditing;
using CivicPairing.Web.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace CivicPairing.IntegrationTests;

/// <summary>The demo city with the office's setting that collects ID numbers switched on.</summary>
public sealed class IdNumbersCollectedFactory : PortalFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("AidHouseholds:CollectIdNumbers", "true");
    }
}

/// <summary>
/// 帮扶对象 are sensitive personal data (PIPL): seen by the office, their community's secretary and the paired unit's
/// liaison only; every other role gets nothing (404 for another party, 403 for the administrator, sign-in for strangers);
/// ID numbers are kept and exported masked; every view and export is in the audit log, which holds no name.
/// </summary>
public sealed class AidHouseholdPrivacy(IdNumbersCollectedFactory factory) : IClassFixture<IdNumbersCollectedFactory>
{
    private const string Head = "林翠花";
    private const string FullId = "320102196503127720";
    private const string MaskedId = "3201**********7720";

    private async Task<AidHousehold> HouseholdAsync()
    {
        if (await factory.QueryAsync(db => db.AidHouseholds.AsNoTracking().FirstOrDefaultAsync(h => h.HeadName == Head)) is { } kept)
        {
            return kept;
        }
        using var secretary = await PortalClient.SignedInAsync(factory, "demo.secretary");
        var response = await secretary.PostFormAsync("/AidHouseholds/Create", "/AidHouseholds/Create", new Dictionary<string, string>
        {
            ["HeadName"] = Head, ["MemberCount"] = "2", ["Difficulties"] = "Disability", ["IdNumber"] = FullId,
            ["PairingId"] = (await factory.PairingAsync("市财政局", "金墩社区")).Id.ToString(CultureInfo.InvariantCulture),
            ["ResponsibleName"] = "张敏", ["ResponsiblePhone"] = "13900001111",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await factory.QueryAsync(db => db.AidHouseholds.AsNoTracking().SingleAsync(h => h.HeadName == Head));
    }

    private static readonly SemaphoreSlim Accounts = new(1, 1);

    /// <summary>A liaison of 市公安局 (paired with 金墩社区 too, but not helping this household) and the secretary of 望海社区.</summary>
    private async Task<PortalClient> SignedInAsync(string who)
    {
        if (who.StartsWith("demo.", StringComparison.Ordinal))
        {
            return await PortalClient.SignedInAsync(factory, who);
        }
        await Accounts.WaitAsync();
        try
        {
            if (!await factory.QueryAsync(db => db.Users.AnyAsync(u => u.UserName == who)))
            {
                if (who == "other.liaison")
                {
                    await TestAccounts.AddAsync(factory, who, Roles.UnitLiaison, unitId: await factory.UnitIdAsync("市公安局"));
                }
                else
                {
                    await TestAccounts.AddAsync(factory, who, Roles.CommunitySecretary, communityId: await factory.CommunityIdAsync("望海社区"));
                }
            }
        }
        finally
        {
            Accounts.Release();
        }
        return await TestAccounts.SignedInAsync(factory, who);
    }

    [Theory]
    [InlineData("demo.office", HttpStatusCode.OK)]
    [InlineData("demo.secretary", HttpStatusCode.OK)]
    [InlineData("demo.liaison", HttpStatusCode.OK)]
    [InlineData("demo.admin", HttpStatusCode.Forbidden)]
    [InlineData("other.liaison", HttpStatusCode.NotFound)]
    [InlineData("other.secretary", HttpStatusCode.NotFound)]
    public async Task EachRoleSeesTheHouseholdOnlyIfItMay(string who, HttpStatusCode expected)
    {
        var household = await HouseholdAsync();
        using var client = await SignedInAsync(who);
        var response = await client.GetAsync($"/AidHouseholds/Details/{household.Id}");
        Assert.Equal(expected, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var list = await client.GetAsync("/AidHouseholds");
        var listHtml = await list.Content.ReadAsStringAsync();
        if (expected == HttpStatusCode.OK)
        {
            Assert.Contains(Head, html, StringComparison.Ordinal);
            Assert.Contains(MaskedId, html, StringComparison.Ordinal);
            Assert.Contains(Head, listHtml, StringComparison.Ordinal);
            Assert.Contains("/AidHouseholds\">帮扶对象</a>", html, StringComparison.Ordinal); // the menu entry
        }
        else
        {
            Assert.DoesNotContain(Head, html, StringComparison.Ordinal);
            Assert.DoesNotContain(Head, listHtml, StringComparison.Ordinal);
            // Nor through the pairing page, which lists the households keeping it from ending for those who may see them.
            var pairing = await factory.PairingAsync("市财政局", "金墩社区");
            var pairingPage = await client.GetAsync($"/Pairings/Details/{pairing.Id}");
            Assert.DoesNotContain(Head, await pairingPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.DoesNotContain(FullId, html + listHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStrangerIsSentToSignIn()
    {
        var household = await HouseholdAsync();
        using var anonymous = factory.CreatePortalClient();
        foreach (var url in new[] { $"/AidHouseholds/Details/{household.Id}", "/AidHouseholds", "/AidHouseholds/Export?format=csv", "/AidHouseholds/Overview" })
        {
            var response = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/Account/Login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task OnlyTheMaskedIdNumberIsStoredAndExported()
    {
        var household = await HouseholdAsync();
        Assert.Equal(MaskedId, household.IdNumberMasked);
        Assert.False(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(a => (a.After != null && a.After.Contains(FullId)) || (a.After != null && a.After.Contains(Head)))));
        using var office = await SignedInAsync("demo.office");
        var csv = await (await office.GetAsync($"/AidHouseholds/Export?format=csv&q={Uri.EscapeDataString(Head)}")).Content.ReadAsByteArrayAsync();
        var rows = CivicPairing.Web.Infrastructure.Spreadsheets.CsvReader.Read(new MemoryStream(csv), 1000);
        var row = Assert.Single(rows.Skip(1));
        Assert.Equal((Head, MaskedId, "金墩社区", "市财政局"), (row[0], row[3], row[4], row[6]));
        Assert.DoesNotContain(FullId, System.Text.Encoding.UTF8.GetString(csv), StringComparison.Ordinal);
        // The Excel file of the same rows holds no full number either.
        var xlsx = await office.GetAsync($"/AidHouseholds/Export?format=xlsx&q={Uri.EscapeDataString(Head)}");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AnotherLiaisonsExportHoldsNoneOfTheHouseholds()
    {
        await HouseholdAsync();
        using var other = await SignedInAsync("other.liaison");
        var csv = await (await other.GetAsync("/AidHouseholds/Export?format=csv")).Content.ReadAsByteArrayAsync();
        var rows = CivicPairing.Web.Infrastructure.Spreadsheets.CsvReader.Read(new MemoryStream(csv), 1000);
        var expected = await factory.QueryAsync(async db =>
        {
            var unitId = await db.Units.Where(u => u.Name == "市公安局").Select(u => u.Id).SingleAsync();
            return await db.AidHouseholds.CountAsync(h => h.Pairing!.UnitId == unitId);
        });
        Assert.Equal(expected, rows.Count - 1);
        Assert.DoesNotContain(rows, r => r.Contains(Head));
    }

    [Fact]
    public async Task EveryViewAndExportIsAudited()
    {
        var household = await HouseholdAsync();
        var id = household.Id.ToString(CultureInfo.InvariantCulture);
        Task<int> CountAsync(AuditAction action, string user, string entityId) =>
            factory.QueryAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "AidHousehold" && a.EntityId == entityId && a.Action == action && a.UserName == user));

        using var liaison = await SignedInAsync("demo.liaison");
        var views = await CountAsync(AuditAction.View, "demo.liaison", id);
        await liaison.GetPageAsync($"/AidHouseholds/Details/{household.Id}");
        await liaison.GetPageAsync($"/AidHouseholds/Details/{household.Id}");
        Assert.Equal(views + 2, await CountAsync(AuditAction.View, "demo.liaison", id));

        using var office = await SignedInAsync("demo.office");
        var exports = await CountAsync(AuditAction.Export, "demo.office", "list");
        await office.GetAsync("/AidHouseholds/Export?format=xlsx&status=InAid");
        Assert.Equal(exports + 1, await CountAsync(AuditAction.Export, "demo.office", "list"));
        var note = await factory.QueryAsync(db => db.AuditEntries.Where(a => a.Action == AuditAction.Export).OrderByDescending(a => a.Id).Select(a => a.Note).FirstAsync());
        Assert.Contains("status=InAid", note, StringComparison.Ordinal);

        // A refused view leaves no trace of the data, and is not counted as a view.
        using var other = await SignedInAsync("other.secretary");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/AidHouseholds/Details/{household.Id}")).StatusCode);
        Assert.Equal(0, await CountAsync(AuditAction.View, "other.secretary", id));

        // The audit page shows the views; the household's creation is in it without the name.
        var audit = await office.GetPageAsync($"/Audit?entity=AidHousehold&entityId={id}");
        Assert.Contains("查看", audit, StringComparison.Ordinal);
        var created = await factory.QueryAsync(db => db.AuditEntries.SingleAsync(a => a.EntityType == "AidHousehold" && a.EntityId == id && a.Action == AuditAction.Create));
        Assert.Contains("\"HeadName\":\"***\"", created.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherPartysPostsChangeNothing()
    {
        var household = await HouseholdAsync();
        using var other = await SignedInAsync("other.secretary");
        using var liaison = await SignedInAsync("demo.liaison");
        var fields = new Dictionary<string, string> { ["reason"] = "擅自关闭", ["version"] = household.Version.ToString() };
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostFormAsync("/AidHouseholds", $"/AidHouseholds/Close/{household.Id}", fields)).StatusCode);
        // The paired unit's liaison may see the household but not close it: that is the secretary's.
        Assert.Equal(HttpStatusCode.Forbidden, (await liaison.PostFormAsync("/AidHouseholds", $"/AidHouseholds/Close/{household.Id}", fields)).StatusCode);
        Assert.Equal(AidStatus.InAid, await factory.QueryAsync(db => db.AidHouseholds.Where(h => h.Id == household.Id).Select(h => h.Status).SingleAsync()));
    }
}
