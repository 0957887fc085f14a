using System.Text.RegularExpressions;
using CivicPairing.Domain.Activities;
using CivicPairing.IntegrationTests.Infrastructure;
using CivicPairing.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicPairing.IntegrationTests;

public sealed class CountingPortalFactory : PortalFactory
{
    public CommandCounter Commands { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.ConfigureDbContext<SqliteAppDbContext>(o => o.AddInterceptors(Commands)));
    }
}

/// <summary>The activity list pages by position (newest first) and sends the same few SQL commands whatever the row count.</summary>
public sealed partial class ActivityListPaging(CountingPortalFactory factory) : IClassFixture<CountingPortalFactory>
{
    private async Task AddActivitiesAsync(string title, int count)
    {
        await factory.QueryAsync(async db =>
        {
            var pairing = await db.Pairings.FirstAsync(p => p.Unit!.Name == "市粮食局" && p.Community!.Name == "尚庄村");
            var day = new DateOnly(2026, 1, 5);
            for (var i = 0; i < count; i++)
            {
                db.Activities.Add(new Activity
                {
                    PairingId = pairing.Id, Date = day.AddDays(i % 300), Category = ActivityCategory.Other, Title = $"{title}{i:000}", PeopleSent = 2, PersonHours = 4,
                    SubmittedAt = factory.Clock.GetUtcNow(), SubmittedBy = "bench", SubmissionKey = Guid.NewGuid(),
                });
            }
            return await db.SaveChangesAsync();
        });
    }

    private async Task<int> CommandsForAsync(PortalClient client, string url)
    {
        var before = factory.Commands.Count;
        await client.GetPageAsync(url);
        return factory.Commands.Count - before;
    }

    [Fact]
    public async Task SendsTheSameNumberOfCommandsWithTenTimesTheRows()
    {
        using var office = await PortalClient.SignedInAsync(factory, "demo.office");
        await AddActivitiesAsync("批量活动A", 30);
        await CommandsForAsync(office, "/Activities"); // warm up: the first request also loads the string table, keys and so on
        var few = await CommandsForAsync(office, "/Activities");
        await AddActivitiesAsync("批量活动B", 300);
        var many = await CommandsForAsync(office, "/Activities");
        Assert.Equal(few, many);
        Assert.InRange(many, 1, 12);
        var sorted = await CommandsForAsync(office, "/Activities?sort=people&desc=true");
        await AddActivitiesAsync("批量活动C", 100);
        Assert.Equal(sorted, await CommandsForAsync(office, "/Activities?sort=people&desc=true"));
    }

    [Fact]
    public async Task WalksFromTheNewestToTheOldestAndBackWithoutGapsOrRepeats()
    {
        using var office = await PortalClient.SignedInAsync(factory, "demo.office");
        await AddActivitiesAsync("翻页活动", 45);
        var expected = await factory.QueryAsync(db => db.Activities.Where(a => a.Title.StartsWith("翻页活动"))
            .OrderByDescending(a => a.Date).ThenByDescending(a => a.Id).Select(a => a.Id).ToListAsync());

        var seen = new List<int>();
        var url = "/Activities?q=翻页活动";
        string html;
        while (true)
        {
            html = await office.GetPageAsync(url);
            seen.AddRange(Ids(html));
            var next = Regex.Match(html, "rel=\"next\" href=\"([^\"]+)\"");
            if (!next.Success)
            {
                break;
            }
            url = System.Net.WebUtility.HtmlDecode(next.Groups[1].Value);
        }
        Assert.Equal(expected, seen);

        var oldest = await office.GetPageAsync("/Activities?q=翻页活动&last=true");
        Assert.Equal(expected.TakeLast(20), Ids(oldest));
        var previous = Regex.Match(oldest, "rel=\"prev\" href=\"([^\"]+)\"").Groups[1].Value;
        Assert.Equal(expected.Skip(5).Take(20), Ids(await office.GetPageAsync(System.Net.WebUtility.HtmlDecode(previous))));
        Assert.Contains("共 45 条活动", oldest, StringComparison.Ordinal);
    }

    private static List<int> Ids(string html) =>
        [.. Regex.Matches(html, "<td><a href=\"/Activities/Details/(\\d+)\">").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];
}
