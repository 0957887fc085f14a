using System.Net;
using CivicPairing.IntegrationTests.Infrastructure;
using CivicPairing.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace CivicPairing.IntegrationTests;

/// <summary>
/// 在职党员 are personal information (PIPL): the demo member 李华 (市财政局, reported to 金墩社区) and her mobile number
/// against every role. The number is seen by the office, the administrator, the member, her unit's liaison and the secretary
/// of the community she reported to; another liaison, another secretary and another member reach nothing (404 or 403);
/// anonymous users are sent to sign in; the public pages carry no member at all.
/// </summary>
public sealed class PartyMemberPrivacy(PortalFactory factory) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private const string Phone = "13905120001";
    private int _member;
    private int _unit;
    private int _notReported;

    public async Task InitializeAsync()
    {
        _member = await factory.QueryAsync(db => db.PartyMembers.Where(m => m.Name == "李华").Select(m => m.Id).SingleAsync());
        _notReported = await factory.QueryAsync(db => db.PartyMembers.Where(m => m.Name == "周涛").Select(m => m.Id).SingleAsync());
        _unit = await factory.UnitIdAsync("市财政局");
        if (!await factory.QueryAsync(db => db.Users.AnyAsync(u => u.UserName == "other.liaison")))
        {
            await factory.CreateAccountAsync("other.liaison", Roles.UnitLiaison, unitId: await factory.UnitIdAsync("市公安局"));
            await factory.CreateAccountAsync("other.secretary", Roles.CommunitySecretary, communityId: await factory.CommunityIdAsync("汤泊社区"));
            var other = await factory.QueryAsync(db => db.PartyMembers.Where(m => m.Name == "王芳").Select(m => m.Id).SingleAsync());
            await factory.CreateAccountAsync("other.member", Roles.PartyMember, memberId: other);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<PortalClient> ClientAsync(string who) =>
        who == "anonymous" ? factory.CreatePortalClient() : await PortalClient.SignedInAsync(factory, who);

    /// <summary>Who reaches 李华's record and whether the page shows her number; for the member herself, the record is her /Me page.</summary>
    [Theory]
    [InlineData("demo.office", HttpStatusCode.OK, true)]
    [InlineData("demo.admin", HttpStatusCode.OK, true)]
    [InlineData("demo.liaison", HttpStatusCode.OK, true)]
    [InlineData("demo.secretary", HttpStatusCode.OK, true)]
    [InlineData("other.liaison", HttpStatusCode.NotFound, false)]
    [InlineData("other.secretary", HttpStatusCode.NotFound, false)]
    [InlineData("demo.member", HttpStatusCode.Forbidden, false)]
    [InlineData("other.member", HttpStatusCode.Forbidden, false)]
    [InlineData("anonymous", HttpStatusCode.Redirect, false)]
    public async Task TheMembersRecordAndNumberReachOnlyThoseEntitled(string who, HttpStatusCode expected, bool seesPhone)
    {
        using var client = await ClientAsync(who);
        var response = await client.GetAsync($"/Members/Details/{_member}");
        Assert.Equal(expected, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(seesPhone, html.Contains(Phone, StringComparison.Ordinal));
        if (expected == HttpStatusCode.OK)
        {
            Assert.Contains("李华", html, StringComparison.Ordinal);
        }
        if (who == "anonymous")
        {
            Assert.Contains("/Account/Login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("demo.member", true, "李华")]
    [InlineData("other.member", false, "王芳")]
    public async Task AMemberSeesOnlyTheirOwnPage(string who, bool seesLiHuasPhone, string ownName)
    {
        using var client = await ClientAsync(who);
        var page = await client.GetPageAsync("/Me");
        Assert.Contains(ownName, page, StringComparison.Ordinal);
        Assert.Equal(seesLiHuasPhone, page.Contains(Phone, StringComparison.Ordinal));
        // No id to try: the page is the account's own; every other list is closed to members.
        foreach (var url in new[] { "/Members", $"/Members/Details/{_member}", "/Feedback", "/Pairings", "/Activities", "/Units/Details/" + _unit })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(url)).StatusCode);
        }
    }

    [Fact]
    public async Task ASecretarySeesOnlyMembersReportedToHerCommunityAndNotTheirNumbersOnceNotReported()
    {
        using var secretary = await ClientAsync("demo.secretary");
        var list = await secretary.GetPageAsync("/Members");
        Assert.Contains("李华", list, StringComparison.Ordinal);
        // 周涛 lives in 汤泊社区 and has not reported: not hers, and his community's secretary does not see him either until he reports.
        Assert.DoesNotContain("周涛", list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"/Members/Details/{_notReported}")).StatusCode);
        using var other = await ClientAsync("other.secretary");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Members/Details/{_notReported}")).StatusCode);
        Assert.DoesNotContain("李华", await other.GetPageAsync("/Members"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("demo.liaison", HttpStatusCode.OK)]
    [InlineData("demo.office", HttpStatusCode.OK)]
    [InlineData("demo.admin", HttpStatusCode.OK)]
    [InlineData("other.liaison", HttpStatusCode.NotFound)]
    [InlineData("demo.secretary", HttpStatusCode.Forbidden)]
    [InlineData("demo.member", HttpStatusCode.Forbidden)]
    public async Task TheUnitsFeedbackReachesItsLiaisonAndTheOfficeOnly(string who, HttpStatusCode expected)
    {
        using var client = await ClientAsync(who);
        foreach (var url in new[] { $"/Feedback?unitId={_unit}", $"/Feedback/Print?unitId={_unit}", $"/Feedback/Export?unitId={_unit}" })
        {
            Assert.Equal(expected, (await client.GetAsync(url)).StatusCode);
        }
    }

    [Fact]
    public async Task AnotherLiaisonCannotActOnTheMemberNorSeeThem()
    {
        using var other = await ClientAsync("other.liaison");
        var before = await factory.QueryAsync(db => db.MemberReports.CountAsync());
        Assert.DoesNotContain("李华", await other.GetPageAsync("/Members"), StringComparison.Ordinal);
        var token = PortalClient.TokenFrom(await other.GetPageAsync("/Members/Create"));
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostWithTokenAsync($"/Members/Report/{_notReported}", [], token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostWithTokenAsync($"/Members/CreateAccount/{_notReported}", [], token)).StatusCode);
        Assert.Equal(before, await factory.QueryAsync(db => db.MemberReports.CountAsync()));
        // The member list export carries no numbers, even for the unit's own liaison.
        using var liaison = await ClientAsync("demo.liaison");
        var csv = await (await liaison.GetAsync("/Members/Export?format=csv")).Content.ReadAsStringAsync();
        Assert.Contains("李华", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(Phone, csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePublicPagesNameNoMember()
    {
        using var anonymous = factory.CreatePortalClient();
        var html = await anonymous.GetPageAsync("/Public/Reports");
        Assert.DoesNotContain("李华", html, StringComparison.Ordinal);
        Assert.DoesNotContain(Phone, html, StringComparison.Ordinal);
    }
}
