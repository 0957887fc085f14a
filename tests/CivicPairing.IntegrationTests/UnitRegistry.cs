using System.Net;
using CivicPairing.Domain.Registry;
using CivicPairing.IntegrationTests.Infrastructure;
using CivicPairing.Web.Auditing;
using Microsoft.EntityFrameworkCore;

namespace CivicPairing.IntegrationTests;

public sealed class UnitRegistry(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static Dictionary<string, string> ValidUnit(string name) => new()
    {
        ["Name"] = name, ["Kind"] = "GovernmentOrgan", ["CivilizedLevel"] = "City", ["LeaderName"] = "王建", ["ResponsibleLeaderName"] = "李强",
        ["ContactPhone"] = "0512-5353 1234", ["StaffCount"] = "40", ["PartyMemberCount"] = "25", ["Notes"] = "负责城北片区；联系人：张三",
    };

    private static IEnumerable<KeyValuePair<string, string>> WithStrengths(Dictionary<string, string> fields, params string[] strengths) =>
        fields.Concat(strengths.Select(s => KeyValuePair.Create("Strengths", s)));

    [Fact]
    public async Task ListsTheSeededUnitsInChinese()
    {
        using var client = await PortalClient.SignedInAsync(factory, "demo.office");
        var html = await client.GetPageAsync("/Units?q=财政");
        Assert.Contains(">市财政局</a>", html, StringComparison.Ordinal);
        Assert.Contains("党政机关", html, StringComparison.Ordinal);
        Assert.Contains("省级文明单位", html, StringComparison.Ordinal); // 市财政局 is a provincial civilized unit
    }

    [Fact]
    public async Task FiltersByKindAndSearchText()
    {
        using var client = await PortalClient.SignedInAsync(factory, "demo.office");
        var html = await client.GetPageAsync("/Units?kind=FinancialInstitution&q=保");
        Assert.Contains(">太人保</a>", html, StringComparison.Ordinal);
        Assert.Contains(">人寿保险公司</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">市财政局</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">市公安局</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PagesTheListAndKeepsTheFiltersInThePagerLinks()
    {
        using var client = await PortalClient.SignedInAsync(factory, "demo.office");
        var total = await factory.QueryAsync(db => db.Units.CountAsync(u => u.IsActive));
        var first = await client.GetPageAsync("/Units?kind=&active=true");
        Assert.Contains($"共 {total} 条", first, StringComparison.Ordinal);
        Assert.Contains("active=true&amp;page=2", first, StringComparison.Ordinal);
        var lastPage = (int)Math.Ceiling(total / 20.0);
        var last = await client.GetPageAsync($"/Units?page={lastPage}");
        Assert.Contains($"第 {(lastPage - 1) * 20 + 1}–{total} 条", last, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaysWhatToDoWhenNothingMatches()
    {
        using var client = await PortalClient.SignedInAsync(factory, "demo.office");
        var html = await client.GetPageAsync("/Units?q=不存在的单位名称");
        Assert.Contains("没有符合条件的单位。", html, StringComparison.Ordinal);
        Assert.Contains("导入已有的 Excel 名册", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddsAUnitAndRecordsItInTheAuditLog()
    {
        using var client = await PortalClient.SignedInAsync(factory, "demo.office");
        var response = await client.PostFormAsync("/Units/Create", "/Units/Create", WithStrengths(ValidUnit("市统计局"), "Finance", "SciTech"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var unit = await factory.QueryAsync(db => db.Units.SingleAsync(u => u.Name == "市统计局"));
        Assert.Equal(Strengths.Finance | Strengths.SciTech, unit.Strengths);
        Assert.Equal("负责城北片区；联系人：张三", unit.Notes);
        var details = await client.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("已新增“市统计局”。", details, StringComparison.Ordinal);
        Assert.Contains("科技、金融", details, StringComparison.Ordinal);

        var audit = await factory.QueryAsync(db => db.AuditEntries.SingleAsync(a => a.EntityType == "Unit" && a.EntityId == unit.Id.ToString()));
        Assert.Equal(AuditAction.Create, audit.Action);
        Assert.Equal("demo.office", audit.UserName);
        Assert.Contains("\"Name\":\"市统计局\"", audit.After, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Name", "", "名称")]
    [InlineData("Name", "<script>alert(1)</script>", "名称只能包含文字")]
    [InlineData("Name", "x'; DROP TABLE Units;--", "名称只能包含文字")]
    [InlineData("Name", "市财政局", "已有同名的单位。")]
    [InlineData("StaffCount", "-5", "职工人数")]
    [InlineData("StaffCount", "abc", "职工人数")]
    [InlineData("PartyMemberCount", "500", "党员人数不能多于职工人数。")]
    [InlineData("Notes", "<img src=x onerror=alert(1)>", "不能包含 HTML")]
    [InlineData("ContactPhone", "call me maybe", "电话号码")]
    [InlineData("Kind", "", "类别")]
    public async Task RefusesBadInputBesideTheFieldAndStoresNothing(string field, string value, string message)
    {
        using var client = await PortalClient.SignedInAsync(factory, "demo.office");
        var name = $"测试单位{Guid.NewGuid():N}"[..12];
        var fields = ValidUnit(name);
        fields[field] = value;
        var before = await factory.QueryAsync(db => db.Units.CountAsync());

        var response = await client.PostFormAsync("/Units/Create", "/Units/Create", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(message, PortalClient.FieldError(html, field) ?? "", StringComparison.Ordinal);
        Assert.Equal(before, await factory.QueryAsync(db => db.Units.CountAsync()));
        if (field != "Name")
        {
            Assert.Contains($"value=\"{name}\"", html, StringComparison.Ordinal); // the user's input is kept
        }
    }

    [Fact]
    public async Task RefusesANameLongerThanTheColumn()
    {
        using var client = await PortalClient.SignedInAsync(factory, "demo.office");
        var fields = ValidUnit(new string('长', Unit.NameMaxLength + 1));
        var response = await client.PostFormAsync("/Units/Create", "/Units/Create", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("100", PortalClient.FieldError(await response.Content.ReadAsStringAsync(), "Name"), StringComparison.Ordinal);
        Assert.False(await factory.QueryAsync(db => db.Units.AnyAsync(u => u.Name.StartsWith("长长长"))));
    }

    [Fact]
    public async Task ShowsAConflictInsteadOfOverwritingAStaleEdit()
    {
        using var client = await PortalClient.SignedInAsync(factory, "demo.office");
        await client.PostFormAsync("/Units/Create", "/Units/Create", ValidUnit("市档案局"));
        var unit = await factory.QueryAsync(db => db.Units.SingleAsync(u => u.Name == "市档案局"));
        var staleVersion = unit.Version.ToString();

        var first = ValidUnit("市档案局");
        first["Version"] = staleVersion;
        first["StaffCount"] = "41";
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/Units/Edit/{unit.Id}", $"/Units/Edit/{unit.Id}", first)).StatusCode);

        var second = ValidUnit("市档案局");
        second["Version"] = staleVersion;
        second["StaffCount"] = "99";
        var response = await client.PostFormAsync($"/Units/Edit/{unit.Id}", $"/Units/Edit/{unit.Id}", second);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("他人修改了此记录", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(41, await factory.QueryAsync(db => db.Units.Where(u => u.Id == unit.Id).Select(u => u.StaffCount).SingleAsync()));
    }

    [Fact]
    public async Task DeactivatesInsteadOfDeletingAndHidesFromTheDefaultList()
    {
        using var client = await PortalClient.SignedInAsync(factory, "demo.office");
        await client.PostFormAsync("/Units/Create", "/Units/Create", ValidUnit("市气象局"));
        var unit = await factory.QueryAsync(db => db.Units.SingleAsync(u => u.Name == "市气象局"));

        var response = await client.PostFormAsync($"/Units/Details/{unit.Id}", $"/Units/SetActive/{unit.Id}",
            new Dictionary<string, string> { ["active"] = "false", ["version"] = unit.Version.ToString() });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await factory.QueryAsync(db => db.Units.Where(u => u.Id == unit.Id).Select(u => u.IsActive).SingleAsync()));
        Assert.DoesNotContain(">市气象局</a>", await client.GetPageAsync("/Units?q=气象"), StringComparison.Ordinal);
        Assert.Contains(">市气象局</a>", await client.GetPageAsync("/Units?q=气象&active=false"), StringComparison.Ordinal);
        var audit = await factory.QueryAsync(db => db.AuditEntries.Where(a => a.EntityType == "Unit" && a.EntityId == unit.Id.ToString() && a.Action == AuditAction.Update).ToListAsync());
        Assert.Contains(audit, a => a.Before == "{\"IsActive\":true}" && a.After == "{\"IsActive\":false}");
    }

    [Fact]
    public async Task RefusesToDeactivateAUnitWithPairingsInForce()
    {
        using var client = await PortalClient.SignedInAsync(factory, "demo.office");
        var unit = await factory.QueryAsync(db => db.Units.SingleAsync(u => u.Name == "市审计局"));

        var response = await client.PostFormAsync($"/Units/Details/{unit.Id}", $"/Units/SetActive/{unit.Id}",
            new Dictionary<string, string> { ["active"] = "false", ["version"] = unit.Version.ToString() });

        Assert.Contains("本单位仍有 1 个结对关系在进行中", await client.GetPageAsync(response.Headers.Location!.OriginalString), StringComparison.Ordinal);
        Assert.True(await factory.QueryAsync(db => db.Units.Where(u => u.Id == unit.Id).Select(u => u.IsActive).SingleAsync()));
    }

    [Fact]
    public async Task ShowsTheUnitsPairedCommunitiesOnItsPage()
    {
        using var client = await PortalClient.SignedInAsync(factory, "demo.office");
        var id = await factory.QueryAsync(db => db.Units.Where(u => u.Name == "市粮食局").Select(u => u.Id).SingleAsync());
        var html = await client.GetPageAsync($"/Units/Details/{id}");
        foreach (var village in new[] { "西焉村", "尚庄村", "后地村", "西沟村", "山头岭村" })
        {
            Assert.Contains($">{village}</a>", html, StringComparison.Ordinal);
        }
    }
}
