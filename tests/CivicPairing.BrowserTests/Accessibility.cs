namespace CivicPairing.BrowserTests;

/// <summary>axe-core (from npm, injected into the page) on every main page of each role: no serious or critical finding.</summary>
[Collection(BrowserCollection.Name)]
public sealed class Accessibility(BrowserPortal browser)
{
    public static TheoryData<string?, string> MainPages() => new()
    {
        { null, "/Account/Login" }, { null, "/Public/Reports" },
        { "demo.office", "/" }, { "demo.office", "/?year=2019" }, { "demo.office", "/Units" }, { "demo.office", "/Communities" },
        { "demo.office", "/Pairings" }, { "demo.office", "/Coverage" }, { "demo.office", "/Agreements" }, { "demo.office", "/Activities" },
        { "demo.office", "/Tasks" }, { "demo.office", "/Inspections" }, { "demo.office", "/Checklist" }, { "demo.office", "/Assessment" },
        { "demo.office", "/Ranking" }, { "demo.office", "/Audit" },
        { "demo.liaison", "/" }, { "demo.liaison", "/Activities/Log" }, { "demo.liaison", "/Activities" }, { "demo.liaison", "/Tasks" },
        { "demo.liaison", "/Ranking/Scorecard" },
        { "demo.secretary", "/" }, { "demo.secretary", "/Activities/Inbox" }, { "demo.secretary", "/Tasks" }, { "demo.secretary", "/Pairings" },
        { "demo.office", "/Needs" }, { "demo.office", "/Needs/Overview" }, { "demo.office", "/Funding" }, { "demo.liaison", "/Needs" }, { "demo.liaison", "/Funding" },
        { "demo.secretary", "/Needs" }, { "demo.secretary", "/Needs/Post" }, { "demo.secretary", "/Funding/Create" },
        { "demo.admin", "/Users" }, { "demo.office", "/Account/ChangePassword" },
        { "demo.secretary", "/Notifications" }, { "demo.office", "/Webhooks" },
    };

    [SkippableTheory]
    [MemberData(nameof(MainPages))]
    public async Task HasNoSeriousOrCriticalFindings(string? user, string path)
    {
        BrowserPortal.RequirePrerequisites();
        var page = await browser.SignedInAsync(user, bypassCsp: true);
        var response = await page.GotoAsync(path);
        Assert.Equal(200, response?.Status);
        var findings = await browser.SeriousFindingsAsync(page);
        await page.Context.CloseAsync();
        Assert.Empty(findings);
    }
}
