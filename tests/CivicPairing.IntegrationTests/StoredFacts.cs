using System.Text.RegularExpressions;
using CivicPairing.Domain.Activities;
using CivicPairing.IntegrationTests.Infrastructure;
using CivicPairing.Web.Features.Ranking;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicPairing.IntegrationTests;

/// <summary>
/// Scores and dashboard figures are gathered once per change and stored: which changes supersede them, and what the
/// home page and the ranking (which may show facts a little old, and say so) show after a change.
/// </summary>
public sealed partial class StoredFacts(StoredFacts.Portal factory) : IClassFixture<StoredFacts.Portal>
{
    /// <summary>The portal as deployed: home pages may show stored facts up to an hour old while fresh ones are gathered.</summary>
    public sealed class Portal : PortalFactory
    {
        protected override int MaxStaleSeconds => 3600;
    }

    private Task<long> VersionAsync() => factory.QueryAsync(db => db.Set<FactsVersion>().Select(v => v.Number).SingleAsync());

    private Task<Activity> PendingAsync() => factory.QueryAsync(db => db.Activities.AsNoTracking()
        .Where(a => a.Status == ActivityStatus.Submitted && a.Pairing!.Community!.Name == "金墩社区" && a.Date.Year == 2026)
        .OrderBy(a => a.Id).FirstAsync());

    private async Task ConfirmAsync(PortalClient secretary, Activity activity) =>
        await secretary.PostFormAsync($"/Activities/Details/{activity.Id}", $"/Activities/Confirm/{activity.Id}",
            new Dictionary<string, string> { ["rating"] = "5", ["comment"] = "很好", ["version"] = activity.Version.ToString() });

    private static int Figure(string html, string name) =>
        int.Parse(Regex.Match(html, $"data-figure=\"{name}\">([\\d,]+)<").Groups[1].Value.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task LoggingWorkLeavesTheStoredFactsCurrentAndDecidingItSupersedesThem()
    {
        using var liaison = await PortalClient.SignedInAsync(factory, "demo.liaison");
        var page = await liaison.GetPageAsync("/Activities/Log");
        var before = await VersionAsync();
        var form = new Dictionary<string, string>
        {
            ["PairingId"] = (await factory.PairingAsync("市财政局", "金墩社区")).Id.ToString(),
            ["SubmissionKey"] = SubmissionKey().Match(page).Groups[1].Value,
            ["Date"] = factory.Today.AddDays(-1).ToString("yyyy-MM-dd"), ["Category"] = "PublicityEducation", ["Title"] = "存量事实测试宣传", ["Description"] = "宣传",
            ["PeopleSent"] = "3", ["PersonHours"] = "6", ["LeaderTookPart"] = "false", ["Funds"] = "0", ["PeopleServed"] = "30",
        };
        await liaison.PostFormAsync("/Activities/Log", "/Activities/Log", form);
        Assert.True(await factory.QueryAsync(db => db.Activities.AnyAsync(a => a.Title == "存量事实测试宣传")));
        Assert.Equal(before, await VersionAsync());

        using var secretary = await PortalClient.SignedInAsync(factory, "demo.secretary");
        await ConfirmAsync(secretary, await factory.QueryAsync(db => db.Activities.AsNoTracking().SingleAsync(a => a.Title == "存量事实测试宣传")));
        Assert.Equal(before + 1, await VersionAsync());
    }

    [Fact]
    public async Task TheHomePageAndTheRankingShowTheStoredFiguresAfterAChangeWhileTheyAreScoredAgain()
    {
        using var office = await PortalClient.SignedInAsync(factory, "demo.office");
        var home = await office.GetPageAsync("/?year=2026");
        var confirmedBefore = Figure(home, "confirmed-period");
        var ranking = await office.GetPageAsync("/Ranking?year=2026");
        Assert.Contains("临时结果：按截至", ranking, StringComparison.Ordinal);

        using var secretary = await PortalClient.SignedInAsync(factory, "demo.secretary");
        await ConfirmAsync(secretary, await PendingAsync());
        var confirmedNow = await factory.QueryAsync(db => db.Activities.CountAsync(a => a.Status == ActivityStatus.Confirmed && a.Date.Year == 2026));
        Assert.Equal(confirmedBefore + 1, confirmedNow);

        // Within the window the ranking answers from the stored facts at once (a fresh gathering starts behind it) and
        // says that newer confirmations are being scored…
        Assert.Contains("更新的确认正在计分", await office.GetPageAsync("/Ranking?year=2026"), StringComparison.Ordinal);
        // …and so does the dashboard, from its own stored figures…
        Assert.Equal(confirmedBefore, Figure(await office.GetPageAsync("/?year=2026"), "confirmed-period"));
        // …until the gathering behind it has stored the current facts; then it no longer says so.
        await Task.WhenAll(factory.Services.GetRequiredService<FactsStore.InFlight>().Tasks.Values.Select(t => t.Value));
        var stored = await factory.QueryAsync(db => db.Set<FactsSnapshot>().AsNoTracking().SingleAsync(s => s.Kind == ProvisionalScores.Kind && s.Key == "2026-01-01/2026-12-31"));
        Assert.Equal(await VersionAsync(), stored.FactsVersionNumber);
        Assert.DoesNotContain("更新的确认正在计分", await office.GetPageAsync("/Ranking?year=2026"), StringComparison.Ordinal);
    }

    [GeneratedRegex("name=\"SubmissionKey\" value=\"([^\"]+)\"")]
    private static partial Regex SubmissionKey();
}
