using CivicPairing.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CivicPairing.BrowserTests;

/// <summary>The main journeys of each role, in a real browser against the running portal.</summary>
[Collection(BrowserCollection.Name)]
public sealed class Journeys(BrowserPortal browser)
{
    [SkippableTheory]
    [InlineData("demo.office", "您好，文明办 王科长", "office-home")]
    [InlineData("demo.liaison", "您好，市财政局 联络员 张敏", "liaison-home")]
    [InlineData("demo.secretary", "您好，金墩社区 书记 陈红", "secretary-home")]
    [InlineData("demo.admin", "您好，", "admin-home")]
    public async Task EachRoleSignsInAndLandsOnItsHomePage(string user, string greeting, string shot)
    {
        BrowserPortal.RequirePrerequisites();
        var page = await browser.SignedInAsync(user);
        await Expect(page.Locator("h1")).ToContainTextAsync(greeting);
        await Expect(page.Locator(".needs-me")).ToBeVisibleAsync();
        if (user == "demo.office")
        {
            // Chart.js drew the monthly chart from its table, under the portal's real CSP.
            await Expect(page.Locator("canvas[data-chart=monthly]")).ToBeVisibleAsync();
            Assert.True(await page.EvaluateAsync<bool>("() => !!Chart.getChart(document.querySelector('canvas[data-chart=monthly]'))"));
        }
        await BrowserPortal.ShotAsync(page, shot);
        if (user != "demo.admin")
        {
            await page.SetViewportSizeAsync(390, 844);
            await BrowserPortal.ShotAsync(page, shot + "-phone");
        }
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task TheUserMenuOpensTheChangePasswordPageAndSignsOut()
    {
        BrowserPortal.RequirePrerequisites();
        var page = await browser.SignedInAsync("demo.secretary");
        await page.ClickAsync("#userMenu"); // Bootstrap's dropdown, under the portal's real CSP
        await BrowserPortal.ClickAndLoadAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "修改密码" }));
        await Expect(page.Locator("h1")).ToHaveTextAsync("修改密码");
        await Expect(page.Locator("label[for=ConfirmPassword]")).ToHaveTextAsync("确认新密码");
        await BrowserPortal.ShotAsync(page, "change-password");

        await page.ClickAsync("#userMenu");
        await BrowserPortal.ClickAndLoadAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "退出" }));
        await page.GotoAsync("/Tasks");
        Assert.Contains("/Account/Login", page.Url, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task TheOfficeApprovesAPairingProposal()
    {
        BrowserPortal.RequirePrerequisites();
        var pairing = await browser.Portal.PairingAsync("市第一人民医院", "柳湾村");
        var page = await browser.SignedInAsync("demo.office");
        await page.GotoAsync($"/Pairings/Details/{pairing.Id}");
        await Expect(page.Locator("h1")).ToContainTextAsync("柳湾村");
        await BrowserPortal.ClickAndLoadAsync(page, "form[action*='/Pairings/Approve'] button[type=submit]");
        await Expect(page.Locator(".alert-success")).ToBeVisibleAsync();
        Assert.Equal(CivicPairing.Domain.Pairings.PairingStatus.Active,
            await browser.Portal.QueryAsync(db => db.Pairings.Where(p => p.Id == pairing.Id).Select(p => p.Status).SingleAsync()));
        await BrowserPortal.ShotAsync(page, "office-pairing-approved");
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task The篇4AgreementIsDraftedSignedByBothSidesAndFiled()
    {
        BrowserPortal.RequirePrerequisites();
        var pairing = await browser.Portal.PairingAsync("淮文外国语学校", "状元府");
        var page = await browser.SignedInAsync("demo.office");
        await page.GotoAsync($"/Agreements/Create?pairingId={pairing.Id}");
        await page.FillAsync("#Title", "淮文外国语学校与状元府社区结对共建协议（续签）");
        await page.FillAsync("#task-0-title", "开设社区少儿英语兴趣班");
        await page.FillAsync("#task-0-due", browser.Portal.Today.AddMonths(6).ToString("yyyy-MM-dd"));
        await BrowserPortal.ClickAndLoadAsync(page, "form[action*='/Agreements/Create'] button[type=submit]");
        await Expect(page.Locator("h1")).ToContainTextAsync("淮文外国语学校与状元府社区结对共建协议（续签）");

        // The office records both paper signatures (李文忠 for the school, 夏金阳 for 状元府), then files it.
        await page.FillAsync("#unitSignatory", "李文忠");
        await BrowserPortal.ClickAndLoadAsync(page, "form[action*='/SignUnit/'] button[type=submit]");
        await page.FillAsync("#communitySignatory", "夏金阳");
        await BrowserPortal.ClickAndLoadAsync(page, "form[action*='/SignCommunity/'] button[type=submit]");
        await BrowserPortal.ClickAndLoadAsync(page, "form[action*='/Agreements/File/'] button[type=submit]");
        await Expect(page.Locator(".alert-success")).ToContainTextAsync("已备案");
        var filed = await browser.Portal.QueryAsync(db => db.Agreements.AsNoTracking()
            .SingleAsync(a => a.Title == "淮文外国语学校与状元府社区结对共建协议（续签）"));
        Assert.Equal((CivicPairing.Domain.Agreements.AgreementStatus.Filed, "李文忠", "夏金阳"), (filed.Status, filed.UnitSignatory, filed.CommunitySignatory));
        await BrowserPortal.ShotAsync(page, "office-agreement-filed");
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task ALiaisonLogsAnActivityWithAPhotoOnAPhoneAndTheSecretaryConfirmsAndRatesIt()
    {
        BrowserPortal.RequirePrerequisites();
        var liaison = await browser.SignedInAsync("demo.liaison", width: 390, height: 844);
        // On a phone the log button is the first thing on the home page.
        var first = liaison.Locator("main a, main button").First;
        await Expect(first).ToHaveTextAsync("填报活动");
        await BrowserPortal.ClickAndLoadAsync(liaison, first);
        await liaison.SelectOptionAsync("#Category", "EnvironmentalCleanup");
        await liaison.FillAsync("#Title", "周六义务劳动：清理金墩新村楼道");
        await liaison.FillAsync("#Description", "出动32人，清理楼道杂物和小广告，运走垃圾6车。");
        await liaison.FillAsync("#PeopleSent", "32");
        await liaison.FillAsync("#PersonHours", "128");
        await liaison.FillAsync("#PeopleServed", "450");
        await liaison.CheckAsync("#LeaderTookPart");
        await liaison.SetInputFilesAsync("#files", new FilePayload { Name = "楼道.png", MimeType = "image/png", Buffer = TestImages.Png(800, 600) });
        await BrowserPortal.ShotAsync(liaison, "liaison-log-activity-phone");
        await BrowserPortal.ClickAndLoadAsync(liaison, "main form button[type=submit]");
        await Expect(liaison.Locator("h1")).ToContainTextAsync("周六义务劳动：清理金墩新村楼道");
        await Expect(liaison.Locator("img[src^='/Evidence/']").First).ToBeVisibleAsync();
        var activityUrl = new Uri(liaison.Url).PathAndQuery;
        await liaison.Context.CloseAsync();

        var secretary = await browser.SignedInAsync("demo.secretary", width: 390, height: 844);
        await secretary.GotoAsync("/Activities/Inbox");
        await Expect(secretary.Locator("main")).ToContainTextAsync("周六义务劳动：清理金墩新村楼道");
        await secretary.GotoAsync(activityUrl);
        await secretary.CheckAsync("#rating-4");
        await secretary.FillAsync("#comment", "楼道干净了，居民满意。");
        await BrowserPortal.ClickAndLoadAsync(secretary, "form[action*='Confirm'] button[type=submit]");
        await Expect(secretary.Locator(".alert-success")).ToBeVisibleAsync();
        await BrowserPortal.ShotAsync(secretary, "secretary-confirmed-phone");
        var confirmed = await browser.Portal.QueryAsync(db => db.Activities.AsNoTracking().SingleAsync(a => a.Title == "周六义务劳动：清理金墩新村楼道"));
        Assert.Equal((CivicPairing.Domain.Activities.ActivityStatus.Confirmed, (int?)4), (confirmed.Status, confirmed.Rating));
        await secretary.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task ANeedIsPostedPublishedTakenReportedAndRatedAndPian9sFundsArePaidWithAVoucher()
    {
        BrowserPortal.RequirePrerequisites();
        const string title = "金墩新村后街设置垃圾池";
        var secretary = await browser.SignedInAsync("demo.secretary");
        await secretary.GotoAsync("/Needs/Post");
        await secretary.FillAsync("#Title", title);
        await secretary.SelectOptionAsync("#Category", "Infrastructure");
        await secretary.FillAsync("#Place", "金墩新村后街");
        await secretary.FillAsync("#Budget", "8600");
        await secretary.FillAsync("#Description", "后街沿途没有垃圾池，垃圾乱堆放，需设置垃圾池两座。");
        await secretary.CheckAsync("#skill-Environment");
        await BrowserPortal.ShotAsync(secretary, "secretary-need-post");
        await BrowserPortal.ClickAndLoadAsync(secretary, "main form button[type=submit]");
        await Expect(secretary.Locator("h1")).ToContainTextAsync(title);
        var needUrl = new Uri(secretary.Url).PathAndQuery;

        var office = await browser.SignedInAsync("demo.office");
        await office.GotoAsync(needUrl);
        await BrowserPortal.ShotAsync(office, "office-need-review");
        await BrowserPortal.ClickAndLoadAsync(office, "form[action*='Publish'] button[type=submit]");
        await Expect(office.Locator(".alert-success")).ToBeVisibleAsync();

        var liaison = await browser.SignedInAsync("demo.liaison");
        await liaison.GotoAsync(needUrl);
        await BrowserPortal.ShotAsync(liaison, "liaison-need-take");
        await BrowserPortal.ClickAndLoadAsync(liaison, "form[action*='Take'] button[type=submit]");
        await Expect(liaison.Locator(".alert-success")).ToContainTextAsync("接单成功");
        await liaison.FillAsync("#note", "建成垃圾池两座，已投入使用。");
        await liaison.SetInputFilesAsync("#files", new FilePayload { Name = "垃圾池.png", MimeType = "image/png", Buffer = TestImages.Png(800, 600) });
        await BrowserPortal.ClickAndLoadAsync(liaison, "form[action*='Report'] button[type=submit]");
        await Expect(liaison.Locator(".alert-success")).ToBeVisibleAsync();

        await secretary.SetViewportSizeAsync(390, 844);
        await secretary.GotoAsync(needUrl);
        await secretary.CheckAsync("#rating-5");
        await secretary.FillAsync("#comment", "垃圾不再乱堆，居民满意。");
        await BrowserPortal.ShotAsync(secretary, "secretary-need-rate-phone");
        await BrowserPortal.ClickAndLoadAsync(secretary, "form[action*='Rate'] button[type=submit]");
        await Expect(secretary.Locator(".alert-success")).ToBeVisibleAsync();
        var rated = await browser.Portal.QueryAsync(db => db.Needs.AsNoTracking().SingleAsync(n => n.Title == title));
        Assert.Equal((CivicPairing.Domain.Needs.NeedStatus.Rated, (int?)5), (rated.Status, rated.Rating));

        await office.GotoAsync("/Needs/Overview");
        await BrowserPortal.ShotAsync(office, "office-needs-overview");

        // 篇9's 58,490 yuan: approved in the demo; 市财政局 pays what it pledged, with the voucher.
        var pools = await browser.Portal.QueryAsync(db => db.FundingRequests.AsNoTracking().SingleAsync(r => r.Amount == 58_490m && r.Title.StartsWith("碧海大道")));
        await liaison.GotoAsync($"/Funding/Details/{pools.Id}");
        await liaison.FillAsync("#pay-amount", "20000");
        await liaison.SetInputFilesAsync("#voucher", new FilePayload { Name = "拨付凭证.png", MimeType = "image/png", Buffer = TestImages.Png(600, 800) });
        await BrowserPortal.ClickAndLoadAsync(liaison, "form[action*='Pay'] button[type=submit]");
        await Expect(liaison.Locator("[data-figure=paid]")).ToHaveTextAsync("¥20,000.00");
        await BrowserPortal.ShotAsync(liaison, "liaison-funding-pay");
        foreach (var page in new[] { secretary, office, liaison })
        {
            await page.Context.CloseAsync();
        }
    }

    [SkippableFact]
    public async Task TheOfficePublishesTheReportAndOpensTheDashboard()
    {
        BrowserPortal.RequirePrerequisites();
        var page = await browser.SignedInAsync("demo.office");
        await page.GotoAsync("/Assessment");
        await page.FillAsync("form[action='/Assessment/Create'] input[name=year]", "2025");
        await BrowserPortal.ClickAndLoadAsync(page, "form[action='/Assessment/Create'] button");
        await BrowserPortal.ClickAndLoadAsync(page, "form[action*='/Assessment/Close'] button");
        await BrowserPortal.ClickAndLoadAsync(page, "form[action*='/Assessment/Publish'] button");
        await Expect(page.Locator("h1")).ToContainTextAsync("2025年度考核排名报告");
        await Expect(page.Locator(".published-version")).ToContainTextAsync("第1版");
        await BrowserPortal.ShotAsync(page, "office-report-published");

        await page.GotoAsync("/");
        await Expect(page.Locator("[data-figure=active-pairings]")).ToBeVisibleAsync();
        await page.SelectOptionAsync("#street", new SelectOptionValue { Index = 1 });
        await BrowserPortal.ClickAndLoadAsync(page, "form.dashboard-filters button[type=submit]");
        Assert.Contains("street=", page.Url, StringComparison.Ordinal);
        await Expect(page.Locator("#chart-place .chart-title")).ToContainTextAsync("各社区经确认的活动");
        await page.Context.CloseAsync();
    }
}
