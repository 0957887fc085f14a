using System.Net;
using System.Text.RegularExpressions;
using CivicPairing.IntegrationTests.Infrastructure;
using CivicPairing.Web.Identity;
using CivicPairing.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CivicPairing.IntegrationTests;

/// <summary>
/// Sessions end when they should, on the next request: sign-out (every copy of the cookie), an administrator's lock,
/// a role change, a password change. Users change their own password, and must at first sign-in when the
/// administrator handed it to them. Common passwords and ones containing the user name are refused. Sign-in failures
/// say the same thing whether the name exists or not.
/// </summary>
public sealed class SessionsAndAccounts(PortalFactory factory) : IClassFixture<PortalFactory>
{
    /// <summary>The one sign-in refusal, whatever the reason.</summary>
    public const string SignInRefused = "用户名或密码错误，或账户已被锁定。连续失败5次后账户将锁定15分钟，管理员可以解锁。";

    [Fact]
    public async Task ACookieCopiedBeforeSignOutIsRefusedAfterIt()
    {
        await TestAccounts.AddAsync(factory, "copied.cookie", Roles.CivilizationOffice);
        using var owner = factory.CreatePortalClient();
        var signIn = await owner.LoginAsync("copied.cookie", TestAccounts.Password);
        using var copy = TestAccounts.ClientWithCookieOf(factory, signIn);
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/Units")).StatusCode); // the copy works while the session lives

        Assert.Equal(HttpStatusCode.Redirect, (await owner.PostFormAsync("/", "/Account/Logout", new Dictionary<string, string>())).StatusCode);

        var response = await copy.GetAsync("/Units");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALockedAccountsLiveSessionGoesToTheLoginPageAtItsNextRequest()
    {
        var id = await TestAccounts.AddAsync(factory, "locked.live", Roles.CivilizationOffice);
        using var user = await TestAccounts.SignedInAsync(factory, "locked.live");
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/Pairings")).StatusCode);

        using var admin = await PortalClient.SignedInAsync(factory, "demo.admin");
        await admin.PostFormAsync($"/Users/Edit/{id}", $"/Users/SetLocked/{id}", new Dictionary<string, string> { ["locked"] = "true" });

        var response = await user.GetAsync("/Pairings");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await user.LoginAsync("locked.live", TestAccounts.Password)).StatusCode); // and cannot sign in again
    }

    [Fact]
    public async Task ARoleChangeTakesEffectAtTheNextRequest()
    {
        var id = await TestAccounts.AddAsync(factory, "role.change", Roles.CivilizationOffice);
        var unitId = await factory.UnitIdAsync("市审计局");
        using var user = await TestAccounts.SignedInAsync(factory, "role.change");
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/Units")).StatusCode);

        using var admin = await PortalClient.SignedInAsync(factory, "demo.admin");
        var stamp = await factory.QueryAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.ConcurrencyStamp).SingleAsync());
        var saved = await admin.PostFormAsync($"/Users/Edit/{id}", $"/Users/Edit/{id}", new Dictionary<string, string>
        {
            ["DisplayName"] = "测试 改角色", ["Role"] = Roles.UnitLiaison, ["UnitId"] = unitId.ToString(), ["ConcurrencyStamp"] = stamp!,
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        // The office's registry is no longer theirs: not a single request more with the old role.
        var next = await user.GetAsync("/Units");
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.StartsWith("/Account/Login", next.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        using var again = await TestAccounts.SignedInAsync(factory, "role.change");
        Assert.Equal(HttpStatusCode.Forbidden, (await again.GetAsync("/Units")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync($"/Units/Details/{unitId}")).StatusCode);
    }

    [Fact]
    public async Task AUserChangesTheirOwnPasswordAndTheOldOneStopsWorking()
    {
        await TestAccounts.AddAsync(factory, "own.change", Roles.CommunitySecretary, communityId: await factory.CommunityIdAsync("金墩社区"));
        using var user = await TestAccounts.SignedInAsync(factory, "own.change");
        using var otherDevice = await TestAccounts.SignedInAsync(factory, "own.change");
        Assert.Contains("href=\"/Account/ChangePassword\"", await user.GetPageAsync("/"), StringComparison.Ordinal); // in the header

        var response = await user.ChangePasswordAsync(TestAccounts.Password, "Quiet#Harbour58");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        Assert.Contains("密码已修改，今后请用新密码登录。", await user.GetPageAsync("/"), StringComparison.Ordinal); // still signed in, told so
        Assert.Equal(HttpStatusCode.Redirect, (await otherDevice.GetAsync("/")).StatusCode); // the other session ended

        using var fresh = factory.CreatePortalClient();
        var old = await fresh.LoginAsync("own.change", TestAccounts.Password);
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        Assert.Equal(SignInRefused, SummaryError(await old.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await fresh.LoginAsync("own.change", "Quiet#Harbour58")).StatusCode);
    }

    [Fact]
    public async Task AWrongCurrentPasswordIsToldByTheFieldAndChangesNothing()
    {
        var id = await TestAccounts.AddAsync(factory, "wrong.current", Roles.CivilizationOffice);
        var hash = await PasswordHashAsync(id);
        using var user = await TestAccounts.SignedInAsync(factory, "wrong.current");

        var wrong = await user.ChangePasswordAsync("Not@MyPassword7", "Quiet#Harbour58");
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Equal("当前密码错误。", PortalClient.FieldError(await wrong.Content.ReadAsStringAsync(), "CurrentPassword"));

        var mismatch = await user.ChangePasswordAsync(TestAccounts.Password, "Quiet#Harbour58", "Quiet#Harbour59");
        Assert.Equal("两次输入的新密码不一致。", PortalClient.FieldError(await mismatch.Content.ReadAsStringAsync(), "ConfirmPassword"));

        Assert.Equal(hash, await PasswordHashAsync(id));
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/")).StatusCode); // the session goes on
        using var fresh = factory.CreatePortalClient();
        Assert.Equal(HttpStatusCode.Redirect, (await fresh.LoginAsync("wrong.current", TestAccounts.Password)).StatusCode);
    }

    [Fact]
    public async Task FiveWrongCurrentPasswordsLockTheAccountAndEndTheSession()
    {
        await TestAccounts.AddAsync(factory, "guessing.thief", Roles.CivilizationOffice);
        using var user = await TestAccounts.SignedInAsync(factory, "guessing.thief");
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            codes.Add((await user.ChangePasswordAsync($"Guess@Number{i}x", "Quiet#Harbour58")).StatusCode);
        }
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Redirect], codes);
        Assert.StartsWith("/Account/Login", (await user.GetAsync("/")).Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await user.LoginAsync("guessing.thief", TestAccounts.Password)).StatusCode);
    }

    [Fact]
    public async Task AnAccountTheAdministratorCreatedMustChangeItsPasswordBeforeAnyPage()
    {
        var unitId = await factory.UnitIdAsync("市审计局");
        using var admin = await PortalClient.SignedInAsync(factory, "demo.admin");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/Users/Create", "/Users/Create", new Dictionary<string, string>
        {
            ["UserName"] = "forced.liaison", ["DisplayName"] = "审计 联络员", ["Role"] = Roles.UnitLiaison, ["UnitId"] = unitId.ToString(), ["Password"] = "Handed@Over2026",
        })).StatusCode);
        Assert.True(await MustChangeAsync("forced.liaison"));
        Assert.Contains("尚未改设密码", await admin.GetPageAsync("/Users?q=forced.liaison"), StringComparison.Ordinal);

        using var user = factory.CreatePortalClient();
        Assert.Equal(HttpStatusCode.Redirect, (await user.LoginAsync("forced.liaison", "Handed@Over2026")).StatusCode);
        foreach (var page in new[] { "/", "/Pairings", "/Agreements", "/Activities", "/Activities/Log", "/Tasks", $"/Units/Details/{unitId}", "/Assessment", "/Ranking/Scorecard", "/Public/Reports" })
        {
            var response = await user.GetAsync(page);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{page} answered {(int)response.StatusCode}");
            Assert.Equal("/Account/ChangePassword?returnUrl=" + Uri.EscapeDataString(page), response.Headers.Location!.OriginalString);
        }
        var page2 = await user.GetPageAsync("/Account/ChangePassword");
        Assert.Contains("您的密码是管理员设置的。请先改设您自己的密码，然后再继续。", page2, StringComparison.Ordinal);
        // A form posted from elsewhere is not carried out either.
        var before = await factory.QueryAsync(db => db.Pairings.CountAsync());
        var post = await user.PostWithTokenAsync("/Pairings/Propose", [KeyValuePair.Create("CommunityId", "1"), KeyValuePair.Create("StartDate", "2026-12-01")], PortalClient.TokenFrom(page2));
        Assert.StartsWith("/Account/ChangePassword", post.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(before, await factory.QueryAsync(db => db.Pairings.CountAsync()));
        // What is not a page of the portal passes: health checks and static files; and signing out works.
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/css/site.css")).StatusCode);

        var changed = await user.ChangePasswordAsync("Handed@Over2026", "Quiet#Harbour58");
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.False(await MustChangeAsync("forced.liaison"));
        Assert.DoesNotContain("尚未改设密码", await admin.GetPageAsync("/Users?q=forced.liaison"), StringComparison.Ordinal);
        Assert.Contains("市审计局", await user.GetPageAsync("/"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/Activities/Log")).StatusCode);
    }

    [Fact]
    public async Task APasswordTheAdministratorResetIsChangedAtTheNextSignIn()
    {
        var id = await TestAccounts.AddAsync(factory, "reset.again", Roles.CivilizationOffice);
        using var user = await TestAccounts.SignedInAsync(factory, "reset.again");
        using var admin = await PortalClient.SignedInAsync(factory, "demo.admin");
        await admin.PostFormAsync($"/Users/Edit/{id}", $"/Users/ResetPassword/{id}", new Dictionary<string, string> { ["newPassword"] = "Handed@Over2027" });

        Assert.StartsWith("/Account/Login", (await user.GetAsync("/")).Headers.Location!.PathAndQuery, StringComparison.Ordinal); // the live session ended
        Assert.True(await MustChangeAsync("reset.again"));
        Assert.Equal(HttpStatusCode.Redirect, (await user.LoginAsync("reset.again", "Handed@Over2027")).StatusCode);
        Assert.StartsWith("/Account/ChangePassword", (await user.GetAsync("/Units")).Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDemoAccountsAreNotAskedToChangeTheirPassword()
    {
        Assert.False(await factory.QueryAsync(db => db.Users.AnyAsync(u => u.UserName!.StartsWith("demo.") && u.MustChangePassword)));
        using var office = await PortalClient.SignedInAsync(factory, "demo.office");
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync("/")).StatusCode);
    }

    [Theory]
    [InlineData("common.one", "Password1!", "这是最常见的密码之一，容易被猜中，请换一个。")]
    [InlineData("common.two", "Qwerty123!", "这是最常见的密码之一，容易被猜中，请换一个。")]
    [InlineData("zhang.wei", "Zhang.Wei@2026", "密码不能包含用户名。")]
    public async Task TheAdministratorCannotGiveACommonPasswordOrOneWithTheUserName(string userName, string password, string message)
    {
        using var admin = await PortalClient.SignedInAsync(factory, "demo.admin");
        var response = await admin.PostFormAsync("/Users/Create", "/Users/Create", new Dictionary<string, string>
        {
            ["UserName"] = userName, ["DisplayName"] = "测试 密码", ["Role"] = Roles.CivilizationOffice, ["Password"] = password,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, PortalClient.FieldError(await response.Content.ReadAsStringAsync(), "Password") ?? "", StringComparison.Ordinal);
        Assert.False(await factory.QueryAsync(db => db.Users.AnyAsync(u => u.UserName == userName)));
    }

    [Theory]
    [InlineData("Password1!", "这是最常见的密码之一，容易被猜中，请换一个。")]
    [InlineData("P@ssw0rd2026!", "这是最常见的密码之一，容易被猜中，请换一个。")]
    [InlineData("Weak.Chooser#77", "密码不能包含用户名。")]
    public async Task AUserCannotChooseACommonPasswordOrOneWithTheirUserName(string password, string message)
    {
        var userName = "weak.chooser";
        var id = await factory.QueryAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleOrDefaultAsync())
            ?? await TestAccounts.AddAsync(factory, userName, Roles.CivilizationOffice);
        var hash = await PasswordHashAsync(id);
        using var user = await TestAccounts.SignedInAsync(factory, userName);
        var response = await user.ChangePasswordAsync(TestAccounts.Password, password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, PortalClient.FieldError(await response.Content.ReadAsStringAsync(), "NewPassword") ?? "", StringComparison.Ordinal);
        Assert.Equal(hash, await PasswordHashAsync(id));
    }

    [Fact]
    public async Task UnknownWrongAndLockedAccountsGetTheSameAnswer()
    {
        await TestAccounts.AddAsync(factory, "answer.wrong", Roles.CivilizationOffice);
        var lockedId = await TestAccounts.AddAsync(factory, "answer.locked", Roles.CivilizationOffice);
        await TestAccounts.AddAsync(factory, "answer.failed", Roles.CivilizationOffice);
        using (var admin = await PortalClient.SignedInAsync(factory, "demo.admin"))
        {
            await admin.PostFormAsync($"/Users/Edit/{lockedId}", $"/Users/SetLocked/{lockedId}", new Dictionary<string, string> { ["locked"] = "true" });
        }
        using var client = factory.CreatePortalClient();
        for (var i = 0; i < 5; i++)
        {
            await client.LoginAsync("answer.failed", "Wrong@Guess2026");
        }

        var answers = new Dictionary<string, string?>();
        foreach (var (what, userName, password) in new[]
                 {
                     ("unknown", "answer.nobody", TestAccounts.Password),
                     ("wrong password", "answer.wrong", "Wrong@Guess2026"),
                     ("locked by the administrator", "answer.locked", TestAccounts.Password),
                     ("locked after failures", "answer.failed", TestAccounts.Password),
                 })
        {
            var response = await client.LoginAsync(userName, password);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            answers[what] = SummaryError(await response.Content.ReadAsStringAsync());
        }
        Assert.All(answers, a => Assert.Equal(SignInRefused, a.Value));
    }

    [Fact]
    public async Task IdentityReadsThePortalsClock()
    {
        Assert.Same(factory.Clock, factory.Services.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value.TimeProvider);
        var cookie = factory.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        Assert.Same(factory.Clock, cookie.TimeProvider);
        Assert.Equal(TimeSpan.Zero, factory.Services.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value.ValidationInterval);
    }

    private Task<string?> PasswordHashAsync(string id) =>
        factory.QueryAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.PasswordHash).SingleAsync());

    private Task<bool> MustChangeAsync(string userName) =>
        factory.QueryAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.MustChangePassword).SingleAsync());

    /// <summary>The message of the login page's error summary.</summary>
    public static string? SummaryError(string html) =>
        Regex.Match(html, "validation-summary-errors[^>]*>\\s*<ul>\\s*<li>(.*?)</li>", RegexOptions.Singleline) is { Success: true } m
            ? WebUtility.HtmlDecode(m.Groups[1].Value).Trim()
            : null;
}

/// <summary>The portal as shipped: no raised sign-in limit.</summary>
public sealed class ShippedSignInLimitsFactory : PortalFactory
{
    protected override int? LoginAttemptsPerMinute => null;
}

/// <summary>One office behind one address: colleagues' sign-ins do not lock each other out; one name's failures lock that name only.</summary>
public sealed class SignInFromOneOffice(ShippedSignInLimitsFactory factory) : IClassFixture<ShippedSignInLimitsFactory>
{
    [Fact]
    public async Task FifteenColleaguesSignInFromOneAddressWithinAMinute()
    {
        // The shipped figure is in force (appsettings.json), not a test's raised one.
        Assert.Equal(SignInThrottle.DefaultFailuresPerMinute, factory.Services.GetRequiredService<IConfiguration>().GetValue<int>("Security:LoginAttemptsPerMinute"));
        var names = Enumerable.Range(1, 15).Select(i => $"office.member{i}").ToList();
        foreach (var name in names)
        {
            await TestAccounts.AddAsync(factory, name, Roles.CivilizationOffice);
        }
        var started = DateTime.UtcNow;
        var codes = new List<HttpStatusCode>();
        foreach (var name in names)
        {
            using var client = factory.CreatePortalClient();
            codes.Add((await client.LoginAsync(name, TestAccounts.Password)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        }
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromMinutes(1), "the sign-ins took more than a minute: the test proves nothing");
        Assert.All(codes, c => Assert.Equal(HttpStatusCode.Redirect, c));
    }

    [Fact]
    public async Task SixWrongPasswordsForOneNameLockThatNameOnly()
    {
        await TestAccounts.AddAsync(factory, "office.victim", Roles.CivilizationOffice);
        await TestAccounts.AddAsync(factory, "office.colleague", Roles.CivilizationOffice);
        using var victimAtHerDesk = await TestAccounts.SignedInAsync(factory, "office.victim");

        using var guesser = factory.CreatePortalClient();
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            codes.Add((await guesser.LoginAsync("office.victim", $"Guess@Number{i}x")).StatusCode);
        }
        Assert.All(codes, c => Assert.Equal(HttpStatusCode.OK, c)); // refused, never 429: the address is not blocked

        Assert.Equal(HttpStatusCode.OK, (await guesser.LoginAsync("office.victim", TestAccounts.Password)).StatusCode); // the name is locked
        Assert.NotNull(await factory.QueryAsync(db => db.Users.Where(u => u.UserName == "office.victim").Select(u => u.LockoutEnd).SingleAsync()));
        using var colleague = factory.CreatePortalClient();
        Assert.Equal(HttpStatusCode.Redirect, (await colleague.LoginAsync("office.colleague", TestAccounts.Password)).StatusCode); // the colleague is not
        Assert.Null(await factory.QueryAsync(db => db.Users.Where(u => u.UserName == "office.colleague").Select(u => u.LockoutEnd).SingleAsync()));
        // Strangers' guesses do not end the owner's live session; only the administrator's lock does.
        Assert.Equal(HttpStatusCode.OK, (await victimAtHerDesk.GetAsync("/")).StatusCode);
    }
}

public sealed class FewFailuresAllowedFactory : PortalFactory
{
    protected override int? LoginAttemptsPerMinute => 3;
}

/// <summary>The per-address limit counts failed sign-ins only.</summary>
public sealed class SignInLimitCountsFailures(FewFailuresAllowedFactory factory) : IClassFixture<FewFailuresAllowedFactory>
{
    [Fact]
    public async Task SuccessesDoNotCountAndTheFailuresPastTheLimitGet429()
    {
        var codes = new List<HttpStatusCode>();
        foreach (var name in new[] { "demo.office", "demo.admin", "demo.liaison", "demo.secretary", "demo.office", "demo.admin" })
        {
            using var client = factory.CreatePortalClient();
            codes.Add((await client.LoginAsync(name)).StatusCode);
        }
        Assert.All(codes, c => Assert.Equal(HttpStatusCode.Redirect, c)); // six sign-ins past a limit of three

        using var guesser = factory.CreatePortalClient();
        codes.Clear();
        for (var i = 0; i < 3; i++)
        {
            codes.Add((await guesser.LoginAsync("demo.office", $"Guess@Number{i}x")).StatusCode);
        }
        codes.Add((await guesser.LoginAsync("demo.office")).StatusCode); // past the failures: not even the right password is checked
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], codes);
    }
}

/// <summary>Accounts made straight through Identity, as the generator and the demo seeding make theirs (no forced change).</summary>
internal static class TestAccounts
{
    public const string Password = "Sturdy#Lantern42";

    public static async Task<string> AddAsync(PortalFactory factory, string userName, string role, int? unitId = null, int? communityId = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser
        {
            UserName = userName, DisplayName = "测试 " + userName.Replace('.', ' '), CreatedAt = PortalFactory.PinnedAt, UnitId = unitId, CommunityId = communityId,
        };
        Check(await users.CreateAsync(user, Password));
        Check(await users.AddToRoleAsync(user, role));
        return user.Id;
    }

    public static async Task<PortalClient> SignedInAsync(PortalFactory factory, string userName)
    {
        var client = factory.CreatePortalClient();
        var response = await client.LoginAsync(userName, Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>A second client that sends the auth cookie a sign-in response set, as someone who copied it would.</summary>
    public static HttpClient ClientWithCookieOf(PortalFactory factory, HttpResponseMessage signIn)
    {
        var cookies = signIn.Headers.GetValues("Set-Cookie").Where(c => c.StartsWith("cp.auth", StringComparison.Ordinal)).Select(c => c[..c.IndexOf(';', StringComparison.Ordinal)]).ToList();
        Assert.NotEmpty(cookies);
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", string.Join("; ", cookies));
        return client;
    }

    private static void Check(IdentityResult result) =>
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
}
