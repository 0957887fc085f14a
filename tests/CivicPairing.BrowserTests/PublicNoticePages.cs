using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CivicPairing.BrowserTests;

/// <summary>
/// 公示 in a real browser: the office publishes the year and puts it on public notice through its pages; an anonymous
/// visitor opens the notice, which passes axe-core, and it is photographed at desktop and phone width for the docs.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PublicNoticePages(BrowserPortal browser)
{
    private static string Shots => Path.GetDirectoryName(BrowserPortal.GuideShots)!;

    [SkippableFact]
    public async Task TheOfficePutsTheYearOnPublicNoticeAndAnAnonymousVisitorReadsIt()
    {
        BrowserPortal.RequirePrerequisites();
        var office = await browser.SignedInAsync("demo.office");
        await office.GotoAsync("/Assessment");
        await office.FillAsync("form[action='/Assessment/Create'] input[name=year]", "2026");
        await BrowserPortal.ClickAndLoadAsync(office, "form[action='/Assessment/Create'] button");
        await BrowserPortal.ClickAndLoadAsync(office, "form[action*='/Assessment/Close'] button");
        await BrowserPortal.ClickAndLoadAsync(office, "form[action*='/Assessment/Publish'] button");
        var periodId = office.Url.Split('/')[^1].Split('?')[0];
        await office.GotoAsync($"/Assessment/Details/{periodId}");
        await BrowserPortal.ClickAndLoadAsync(office, "form.public-notice button[type=submit]");
        await Expect(office.Locator(".alert-success")).ToContainTextAsync("第1版已向社会公示。");
        await office.Context.CloseAsync();

        var visitor = await browser.SignedInAsync(null, bypassCsp: true);
        var response = await visitor.GotoAsync($"/Public/Reports/{periodId}");
        Assert.Equal(200, response?.Status);
        await Expect(visitor.Locator("h1")).ToContainTextAsync("2026年度考核排名报告");
        await Expect(visitor.Locator(".laggards li").First).ToBeVisibleAsync();
        Assert.Equal(0, await visitor.Locator("#mainNav").CountAsync());
        await visitor.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, "public-report.png"), FullPage = true });
        await visitor.EvaluateAsync(browser.AxeSource);
        var violations = await visitor.EvaluateAsync<JsonElement>("""
            async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))
            """);
        Assert.Empty(violations.EnumerateArray().Select(v => v.GetString()));
        await visitor.Context.CloseAsync();

        // The notice under the portal's real CSP on a phone.
        var phone = await browser.SignedInAsync(null, width: 390, height: 844);
        await phone.GotoAsync($"/Public/Reports/{periodId}");
        await Expect(phone.Locator(".laggards")).ToBeVisibleAsync();
        await phone.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, "public-report-phone.png"), FullPage = true });
        await phone.GotoAsync($"/Public/Reports/{periodId}/Print");
        await Expect(phone.Locator("h1")).ToContainTextAsync("考核排名公示");
        await phone.Context.CloseAsync();
    }
}
