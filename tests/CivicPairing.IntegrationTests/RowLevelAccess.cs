using System.Net;
using CivicPairing.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CivicPairing.IntegrationTests;

/// <summary>A liaison reaches their own unit, a secretary their own community; another party's id is a 404, never its data.</summary>
public sealed class RowLevelAccess(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private Task<int> UnitIdAsync(string name) => factory.QueryAsync(db => db.Units.Where(u => u.Name == name).Select(u => u.Id).SingleAsync());
    private Task<int> CommunityIdAsync(string name) => factory.QueryAsync(db => db.Communities.Where(c => c.Name == name).Select(c => c.Id).SingleAsync());

    [Fact]
    public async Task LiaisonSeesTheirOwnUnit()
    {
        using var client = await PortalClient.SignedInAsync(factory, "demo.liaison");
        var html = await client.GetPageAsync($"/Units/Details/{await UnitIdAsync("市财政局")}");
        Assert.Contains("<h1 class=\"h3\">市财政局", html, StringComparison.Ordinal);
        Assert.Contains(">金墩社区</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/Units/Edit/", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("市公安局")]
    [InlineData("淮文外国语学校")]
    public async Task LiaisonGetsNotFoundForAnotherUnit(string other)
    {
        using var client = await PortalClient.SignedInAsync(factory, "demo.liaison");
        var response = await client.GetAsync($"/Units/Details/{await UnitIdAsync(other)}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(other, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LiaisonSeesTheCommunityTheirUnitIsPairedWithButNoOther()
    {
        using var client = await PortalClient.SignedInAsync(factory, "demo.liaison");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Communities/Details/{await CommunityIdAsync("金墩社区")}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Communities/Details/{await CommunityIdAsync("西焉村")}")).StatusCode);
    }

    [Fact]
    public async Task SecretarySeesTheirCommunityAndItsUnitsButNoOther()
    {
        using var client = await PortalClient.SignedInAsync(factory, "demo.secretary");
        var html = await client.GetPageAsync($"/Communities/Details/{await CommunityIdAsync("金墩社区")}");
        foreach (var unit in new[] { "市财政局", "市公安局", "市农行", "市住建局", "市水务局", "市审计局" })
        {
            Assert.Contains($">{unit}</a>", html, StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Units/Details/{await UnitIdAsync("市审计局")}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Communities/Details/{await CommunityIdAsync("汤泊社区")}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Units/Details/{await UnitIdAsync("市检察院")}")).StatusCode);
    }

    [Theory]
    [InlineData("demo.liaison", "/Units")]
    [InlineData("demo.liaison", "/Communities/Export?format=csv")]
    [InlineData("demo.secretary", "/Units/Create")]
    [InlineData("demo.secretary", "/Audit")]
    [InlineData("demo.office", "/Users")]
    public async Task RefusesPagesOutsideTheRoleWithForbidden(string user, string url)
    {
        using var client = await PortalClient.SignedInAsync(factory, user);
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("无权访问", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusesALiaisonsEditPostWithoutChangingAnything()
    {
        var id = await UnitIdAsync("市公安局");
        using var client = await PortalClient.SignedInAsync(factory, "demo.liaison");
        var response = await client.PostFormAsync("/", $"/Units/Edit/{id}", new Dictionary<string, string> { ["Name"] = "被篡改", ["Kind"] = "School", ["StaffCount"] = "1" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("市公安局", await factory.QueryAsync(db => db.Units.Where(u => u.Id == id).Select(u => u.Name).SingleAsync()));
    }
}
