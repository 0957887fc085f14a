using CivicPairing.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CivicPairing.BrowserTests;

/// <summary>
/// The portal on a free loopback port (real Kestrel, its own fresh SQLite file with the demo city) and Debian's
/// chromium driven by Playwright. Without chromium or axe-core the tests skip with the command that installs them;
/// under CI=true they fail instead, so CI can never pass by skipping.
/// </summary>
public sealed class BrowserPortal : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string Password = "Demo@2026pass";

    private readonly KestrelPortal portal = new();
    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    public string AxeSource { get; private set; } = "";
    public PortalFactory Portal => portal;

    /// <summary>Where the user guide's screenshots go: docs/screenshots/guide at the repository root.</summary>
    public static string GuideShots { get; } = Path.Combine(RepositoryRoot(), "docs", "screenshots", "guide");

    public static string? MissingPrerequisite()
    {
        if (!File.Exists(ChromiumPath))
        {
            return "Chromium is not installed: run `sudo apt-get install -y chromium` (or `bash .ci/run`, which installs it).";
        }
        if (!File.Exists(AxePath))
        {
            return "axe-core is not installed: run `npm ci --prefix tests/CivicPairing.BrowserTests`.";
        }
        return null;
    }

    /// <summary>Skips (or under CI=true fails) when the browser or axe is missing.</summary>
    public static void RequirePrerequisites()
    {
        if (MissingPrerequisite() is not { } missing)
        {
            return;
        }
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException("CI must run the browser tests. " + missing);
        }
        Skip.If(true, missing);
    }

    /// <summary>This project's folder, where npm puts axe-core and vnu-jar (node_modules).</summary>
    public static string TestsFolder => Path.Combine(RepositoryRoot(), "tests", "CivicPairing.BrowserTests");

    private static string AxePath => Path.Combine(TestsFolder, "node_modules", "axe-core", "axe.min.js");

    public async Task InitializeAsync()
    {
        if (MissingPrerequisite() is not null)
        {
            return; // each test reports the skip (or the CI failure) itself
        }
        portal.UseKestrel(0);
        portal.StartServer();
        BaseUrl = portal.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(a => a.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal))
            .First(a => a.StartsWith("http://", StringComparison.Ordinal)).TrimEnd('/');
        AxeSource = await File.ReadAllTextAsync(AxePath);
        Directory.CreateDirectory(GuideShots);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // This machine's network is closed: without these, chromium keeps trying to reach Google at start.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>axe-core's serious and critical findings on the page as it is (a context made with bypassCsp: true).</summary>
    public async Task<IReadOnlyList<string>> SeriousFindingsAsync(IPage page)
    {
        await page.EvaluateAsync(AxeSource);
        var violations = await page.EvaluateAsync<System.Text.Json.JsonElement>("""
            async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))
            """);
        return [.. violations.EnumerateArray().Select(v => v.GetString() ?? "")];
    }

    /// <summary>A fresh browser context signed in as the user (or anonymous when <paramref name="user"/> is null).</summary>
    public async Task<IPage> SignedInAsync(string? user, int width = 1280, int height = 900, bool bypassCsp = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl, ViewportSize = new ViewportSize { Width = width, Height = height }, Locale = "zh-CN",
            BypassCSP = bypassCsp, // only for injecting axe; the journeys run under the portal's real CSP
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        if (user is not null)
        {
            await page.FillAsync("#UserName", user);
            await page.FillAsync("#Password", Password);
            await ClickAndLoadAsync(page, "main button[type=submit]");
        }
        return page;
    }

    /// <summary>Clicks what submits a form or follows a link, and returns once the next page has loaded.</summary>
    public static Task ClickAndLoadAsync(IPage page, string selector) => ClickAndLoadAsync(page, page.Locator(selector).First);

    public static async Task ClickAndLoadAsync(IPage page, ILocator target)
    {
        // Waiting on the navigation the click starts (not on a timer): the one obsolete-marked API that says exactly that.
#pragma warning disable CS0612
        await page.RunAndWaitForNavigationAsync(() => target.ClickAsync());
#pragma warning restore CS0612
    }

    public static Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(GuideShots, name + ".png"), FullPage = true });

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        playwright?.Dispose();
        await portal.DisposeAsync();
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CivicPairing.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("The tests run from inside the repository.");
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserPortal>
{
    public const string Name = "Browser";
}

/// <summary>
/// The integration tests' portal, served by Kestrel. Run as Development, as a person running it from the README
/// does: under WebApplicationFactory's Kestrel mode the production static-asset endpoints answered with empty bodies.
/// </summary>
public sealed class KestrelPortal : PortalFactory
{
    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        Microsoft.AspNetCore.Hosting.HostingAbstractionsWebHostBuilderExtensions.UseEnvironment(builder, "Development");
    }
}
