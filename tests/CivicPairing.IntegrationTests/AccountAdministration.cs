using System.Net;
using CivicPairing.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CivicPairing.IntegrationTests;

public sealed class AccountAdministration(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<HttpResponseMessage> CreateAsync(PortalClient admin, string userName, string role, string password = "Liaison@2026x", int? unitId = null, int? communityId = null)
    {
        var fields = new Dictionary<string, string> { ["UserName"] = userName, ["DisplayName"] = "新 联络员", ["Role"] = role, ["Password"] = password };
        if (unitId is not null)
        {
            fields["UnitId"] = unitId.Value.ToString();
        }
        if (communityId is not null)
        {
            fields["CommunityId"] = communityId.Value.ToString();
        }
        return await admin.PostFormAsync("/Users/Create", "/Users/Create", fields);
    }

    [Theory]
    [InlineData("/Users", new[] { "demo.admin", "demo.liaison", "demo.member", "demo.office", "demo.secretary" })]
    [InlineData("/Users?role=PartyMember", new[] { "demo.member" })]
    [InlineData("/Users?role=CommunitySecretary", new[] { "demo.secretary" })]
    [InlineData("/Users?q=liaison&desc=true", new[] { "demo.liaison" })]
    public async Task ListsTheAccountsWithTheirRolesFilteredAndSorted(string url, string[] expected)
    {
        using var admin = await PortalClient.SignedInAsync(factory, "demo.admin");
        var html = await admin.GetPageAsync(url);
        var listed = System.Text.RegularExpressions.Regex.Matches(html, "<td><a href=\"/Users/Edit/[^\"]+\">(demo\\.[a-z]+)</a>").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(expected, listed); // other tests of this class add accounts; only the demo ones are matched
    }

    [Fact]
    public async Task CreatesALiaisonWhoThenSeesOnlyTheirUnit()
    {
        var unitId = await factory.QueryAsync(db => db.Units.Where(u => u.Name == "市水务局").Select(u => u.Id).SingleAsync());
        using var admin = await PortalClient.SignedInAsync(factory, "demo.admin");
        Assert.Equal(HttpStatusCode.Redirect, (await CreateAsync(admin, "water.liaison", "UnitLiaison", unitId: unitId)).StatusCode);

        using var liaison = await PortalClient.FirstSignInAsync(factory, "water.liaison", "Liaison@2026x");
        var home = await liaison.GetPageAsync("/");
        Assert.Contains("市水务局", home, StringComparison.Ordinal);
        Assert.Contains($"/Units/Details/{unitId}", home, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("short.pw", "Ab@1short", "Password", "至少需要 10 位")]
    [InlineData("demo.office", "Liaison@2026x", "UserName", "已被使用")]
    [InlineData("bad name!", "Liaison@2026x", "UserName", "用户名只能包含")]
    public async Task RefusesABadAccountBesideTheField(string userName, string password, string field, string message)
    {
        var unitId = await factory.QueryAsync(db => db.Units.Select(u => u.Id).FirstAsync());
        using var admin = await PortalClient.SignedInAsync(factory, "demo.admin");
        var before = await factory.QueryAsync(db => db.Users.CountAsync());
        var response = await CreateAsync(admin, userName, "UnitLiaison", password, unitId);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, PortalClient.FieldError(await response.Content.ReadAsStringAsync(), field) ?? "", StringComparison.Ordinal);
        Assert.Equal(before, await factory.QueryAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task RequiresALiaisonToBelongToAUnit()
    {
        using var admin = await PortalClient.SignedInAsync(factory, "demo.admin");
        var response = await CreateAsync(admin, "unbound.liaison", "UnitLiaison");
        Assert.Equal("单位联络员必须绑定一个单位。", PortalClient.FieldError(await response.Content.ReadAsStringAsync(), "UnitId"));
    }

    [Fact]
    public async Task LocksAndUnlocksAnAccount()
    {
        var communityId = await factory.QueryAsync(db => db.Communities.Where(c => c.Name == "汤泊社区").Select(c => c.Id).SingleAsync());
        using var admin = await PortalClient.SignedInAsync(factory, "demo.admin");
        await CreateAsync(admin, "tangbo.secretary", "CommunitySecretary", communityId: communityId);
        var id = await factory.QueryAsync(db => db.Users.Where(u => u.UserName == "tangbo.secretary").Select(u => u.Id).SingleAsync());

        await admin.PostFormAsync($"/Users/Edit/{id}", $"/Users/SetLocked/{id}", new Dictionary<string, string> { ["locked"] = "true" });
        using var secretary = factory.CreatePortalClient();
        Assert.Equal(HttpStatusCode.OK, (await secretary.LoginAsync("tangbo.secretary", "Liaison@2026x")).StatusCode);

        await admin.PostFormAsync($"/Users/Edit/{id}", $"/Users/SetLocked/{id}", new Dictionary<string, string> { ["locked"] = "false" });
        Assert.Equal(HttpStatusCode.Redirect, (await secretary.LoginAsync("tangbo.secretary", "Liaison@2026x")).StatusCode);
    }

    [Fact]
    public async Task ResetsAPassword()
    {
        var unitId = await factory.QueryAsync(db => db.Units.Where(u => u.Name == "市审计局").Select(u => u.Id).SingleAsync());
        using var admin = await PortalClient.SignedInAsync(factory, "demo.admin");
        await CreateAsync(admin, "audit.liaison", "UnitLiaison", unitId: unitId);
        var id = await factory.QueryAsync(db => db.Users.Where(u => u.UserName == "audit.liaison").Select(u => u.Id).SingleAsync());

        await admin.PostFormAsync($"/Users/Edit/{id}", $"/Users/ResetPassword/{id}", new Dictionary<string, string> { ["newPassword"] = "Fresh@Password9" });

        using var liaison = factory.CreatePortalClient();
        Assert.Equal(HttpStatusCode.OK, (await liaison.LoginAsync("audit.liaison", "Liaison@2026x")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await liaison.LoginAsync("audit.liaison", "Fresh@Password9")).StatusCode);
        // A password the administrator knows is one the user replaces first.
        Assert.StartsWith("/Account/ChangePassword", (await liaison.GetAsync("/")).Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HasNoPublicRegistration()
    {
        using var anonymous = factory.CreatePortalClient();
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/Users/Create")).StatusCode);
        Assert.DoesNotContain("Register", await anonymous.GetPageAsync("/Account/Login"), StringComparison.OrdinalIgnoreCase);
        using var office = await PortalClient.SignedInAsync(factory, "demo.office");
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync("/Account/Register")).StatusCode);
    }
}
