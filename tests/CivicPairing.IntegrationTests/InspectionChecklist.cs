using System.Net;
using CivicPairing.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CivicPairing.IntegrationTests;

/// <summary>The office maintains the checklist its inspections start from; bad items are refused beside the field.</summary>
public sealed class InspectionChecklist(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private Task<List<string>> InForceAsync() =>
        factory.QueryAsync(db => db.ChecklistItems.Where(i => i.IsActive).OrderBy(i => i.SortOrder).Select(i => i.Text).ToListAsync());

    [Fact]
    public async Task NewInspectionsStartFromTheChecklistTheOfficeKeeps()
    {
        var pairing = await factory.PairingAsync("市司法局", "公园社区");
        using var office = await PortalClient.SignedInAsync(factory, "demo.office");
        var seeded = await InForceAsync();
        Assert.Equal(["协议任务按期推进", "每月至少走访一次", "单位一把手亲自参与", "共建台账资料齐全", "居民对共建工作满意"], seeded);

        // Added first by its order number; the new inspection form lists it first.
        var added = await office.PostFormAsync("/Checklist", "/Checklist/Add", new Dictionary<string, string> { ["text"] = "活动照片与签到表一致", ["sortOrder"] = "5" });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var form = await office.GetPageAsync($"/Inspections/Record?pairingId={pairing.Id}");
        Assert.Contains("name=\"Findings[0].Item\" value=\"活动照片与签到表一致\"", form, StringComparison.Ordinal);

        // Refused beside the field, with what was typed kept and nothing saved.
        foreach (var (text, order, message) in new[]
                 {
                     ("", "", "请填写检查项内容。"),
                     ("<b>加分</b>", "", "检查项不超过200个字，且不能包含标记代码。"),
                     ("  每月至少走访一次 ", "", "清单中已有此检查项。"),
                     ("新项目", "-3", "顺序须为0至10000之间的整数。"),
                     ("新项目", "abc", "顺序须为0至10000之间的整数。"),
                 })
        {
            var before = await InForceAsync();
            var refused = await office.PostFormAsync("/Checklist", "/Checklist/Add", new Dictionary<string, string> { ["text"] = text, ["sortOrder"] = order });
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var page = await refused.Content.ReadAsStringAsync();
            Assert.Contains(message, page, StringComparison.Ordinal);
            Assert.Equal(before, await InForceAsync());
        }

        // Reworded, retired, restored: retired items leave new forms but stay listed for restoring.
        var visits = await factory.QueryAsync(db => db.ChecklistItems.SingleAsync(i => i.Text == "每月至少走访一次"));
        await office.PostFormAsync("/Checklist", $"/Checklist/Update/{visits.Id}", new Dictionary<string, string> { ["text"] = "每月至少走访一次并留存台账", ["sortOrder"] = "20" });
        await office.PostFormAsync("/Checklist", $"/Checklist/Retire/{visits.Id}", []);
        Assert.DoesNotContain("每月至少走访一次", await office.GetPageAsync($"/Inspections/Record?pairingId={pairing.Id}"), StringComparison.Ordinal);
        var list = await office.GetPageAsync("/Checklist");
        Assert.Contains("<span class=\"text-muted\">每月至少走访一次并留存台账</span>", list, StringComparison.Ordinal);
        await office.PostFormAsync("/Checklist", $"/Checklist/Restore/{visits.Id}", []);
        Assert.Contains("每月至少走访一次并留存台账", await InForceAsync());
        Assert.True(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "ChecklistItem" && a.After!.Contains("留存台账"))));

        using var liaison = await PortalClient.SignedInAsync(factory, "demo.liaison");
        Assert.Equal(HttpStatusCode.Forbidden, (await liaison.GetAsync("/Checklist")).StatusCode);
    }
}
