using CivicPairing.IntegrationTests.Infrastructure;

namespace CivicPairing.IntegrationTests;

public sealed class AuditLog(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task ShowsWhoChangedWhatAndFiltersByRecordType()
    {
        using var client = await PortalClient.SignedInAsync(factory, "demo.office");
        await client.PostFormAsync("/Communities/Create", "/Communities/Create", new Dictionary<string, string>
        {
            ["Name"] = "南门社区", ["Kind"] = "UrbanCommunity", ["Street"] = "城厢街道", ["Households"] = "900", ["Population"] = "2700", ["PartyMemberCount"] = "60",
        });

        var html = await client.GetPageAsync("/Audit?entity=Community");
        Assert.Contains("demo.office", html, StringComparison.Ordinal);
        Assert.Contains("新增", html, StringComparison.Ordinal);
        Assert.Contains("南门社区", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">单位 #", html, StringComparison.Ordinal);
    }
}
