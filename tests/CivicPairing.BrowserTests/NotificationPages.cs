using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CivicPairing.BrowserTests;

/// <summary>The bell, the notifications page and the office's group robots, photographed at desktop and phone width for the user guide.</summary>
[Collection(BrowserCollection.Name)]
public sealed class NotificationPages(BrowserPortal browser)
{
    [SkippableFact]
    public async Task TheSecretarySeesTheBellOnDesktopAndPhoneAndOpensANotice()
    {
        BrowserPortal.RequirePrerequisites();
        var page = await browser.SignedInAsync("demo.secretary", 1366, 900);
        // The demo's activities waiting for the secretary are in the bell from the first start.
        var bell = page.Locator("a.cp-bell");
        await Expect(bell).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex(@"^\d+ 条未读通知$"));
        await BrowserPortal.ShotAsync(page, "notifications-bell");
        await page.SetViewportSizeAsync(390, 844);
        await Expect(bell).ToBeVisibleAsync();
        await BrowserPortal.ShotAsync(page, "notifications-bell-phone");

        await BrowserPortal.ClickAndLoadAsync(page, bell);
        await Expect(page.Locator("h1")).ToContainTextAsync("通知");
        await BrowserPortal.ShotAsync(page, "notifications-phone");
        await page.SetViewportSizeAsync(1366, 900);
        await BrowserPortal.ShotAsync(page, "notifications");

        // The daily digest as it would go out now, opened on the page and photographed (desktop and phone) for the guide.
        var digest = page.Locator("details.digest-preview");
        await digest.Locator("summary").ClickAsync();
        await Expect(digest.Locator("pre.digest-text")).ToContainTextAsync("每日摘要");
        await digest.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(BrowserPortal.GuideShots, "notifications-digest.png") });
        await page.SetViewportSizeAsync(390, 844);
        await digest.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(BrowserPortal.GuideShots, "notifications-digest-phone.png") });
        await page.SetViewportSizeAsync(1366, 900);

        await BrowserPortal.ClickAndLoadAsync(page, page.Locator("ul.notifications a").First);
        Assert.Contains("/Activities/Details/", page.Url, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task TheOfficeSeesTheGroupRobotsPage()
    {
        BrowserPortal.RequirePrerequisites();
        var page = await browser.SignedInAsync("demo.office", 1366, 900);
        await page.ClickAsync("#userMenu");
        await BrowserPortal.ClickAndLoadAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "群机器人" }));
        await Expect(page.Locator("h1")).ToHaveTextAsync("群机器人");
        await BrowserPortal.ShotAsync(page, "webhooks");
        await page.Context.CloseAsync();
    }
}
