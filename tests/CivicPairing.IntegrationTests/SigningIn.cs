using System.Net;
using CivicPairing.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CivicPairing.IntegrationTests;

public sealed class SigningIn(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task RedirectsAnonymousVisitorsToTheLoginPage()
    {
        using var client = factory.CreatePortalClient();
        var response = await client.GetAsync("/Units");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShowsTheDemoAccountsOnTheLoginPageInChinese()
    {
        using var client = factory.CreatePortalClient();
        var html = await client.GetPageAsync("/Account/Login");
        Assert.Contains("本服务器启用了演示账户", html, StringComparison.Ordinal);
        Assert.Contains("demo.office", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"zh-CN\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignsInTheOfficeAndShowsTheRegistryFigures()
    {
        using var client = factory.CreatePortalClient();
        var response = await client.LoginAsync("demo.office");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("cp.auth=", StringComparison.Ordinal));
        var home = await client.GetPageAsync("/");
        Assert.Contains("您好，文明办 王科长", home, StringComparison.Ordinal);
        var communities = await factory.QueryAsync(db => Task.FromResult(db.Communities.Count(c => c.IsActive)));
        Assert.Contains($"{communities}个社区和村中有", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusesAWrongPasswordWithAClearMessage()
    {
        using var client = factory.CreatePortalClient();
        var response = await client.LoginAsync("demo.secretary", "wrong-password-1");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("用户名或密码错误，或账户已被锁定。", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusesAPostWithoutTheAntiforgeryToken()
    {
        using var client = factory.CreatePortalClient();
        await client.GetPageAsync("/Account/Login");
        var response = await client.PostWithTokenAsync("/Account/Login",
            [KeyValuePair.Create("UserName", "demo.office"), KeyValuePair.Create("Password", PortalClient.DemoPassword)], token: null);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("cp.auth=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LocksTheAccountAfterFiveFailures()
    {
        await CreateUserAsync("lockout.victim");
        using var client = factory.CreatePortalClient();
        for (var i = 0; i < 5; i++)
        {
            await client.LoginAsync("lockout.victim", "Wrong@password1");
        }
        Assert.NotNull(await factory.QueryAsync(db => db.Users.Where(u => u.UserName == "lockout.victim").Select(u => u.LockoutEnd).SingleAsync()));
        var response = await client.LoginAsync("lockout.victim", "Right@password1");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // the right password too is refused while locked
        Assert.Contains("用户名或密码错误，或账户已被锁定。", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignsOutAndForgetsTheSession()
    {
        using var client = await PortalClient.SignedInAsync(factory, "demo.office");
        var response = await client.PostFormAsync("/", "/Account/Logout", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Units")).StatusCode);
    }

    [Fact]
    public async Task EndsTheSessionAfterEightHoursOnThePortalsClock()
    {
        using var portal = new PortalFactory(); // its own clock: this test moves it
        using var client = await PortalClient.SignedInAsync(portal, "demo.office");
        portal.Clock.Advance(TimeSpan.FromHours(7));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Units")).StatusCode);
        portal.Clock.Advance(TimeSpan.FromHours(9)); // sliding: nine hours after the last request
        var response = await client.GetAsync("/Units");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    private async Task CreateUserAsync(string userName)
    {
        using var admin = await PortalClient.SignedInAsync(factory, "demo.admin");
        var response = await admin.PostFormAsync("/Users/Create", "/Users/Create", new Dictionary<string, string>
        {
            ["UserName"] = userName, ["DisplayName"] = "测试 用户", ["Role"] = "CivilizationOffice", ["Password"] = "Right@password1",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}

public sealed class LoginRateLimitFactory : PortalFactory
{
    protected override int? LoginAttemptsPerMinute => 3;
}

public sealed class LoginRateLimiting(LoginRateLimitFactory factory) : IClassFixture<LoginRateLimitFactory>
{
    [Fact]
    public async Task AnswersTooManyRequestsPastTheFailuresAllowedPerMinute()
    {
        using var client = factory.CreatePortalClient();
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            codes.Add((await client.LoginAsync("nobody", "Wrong@password1")).StatusCode);
        }
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], codes);
    }
}
