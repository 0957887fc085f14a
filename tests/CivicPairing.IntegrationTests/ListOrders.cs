using System.Text.RegularExpressions;
using CivicPairing.Domain.Agreements;
using CivicPairing.Domain.Pairings;
using CivicPairing.IntegrationTests.Infrastructure;
using CivicPairing.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CivicPairing.IntegrationTests;

/// <summary>
/// The pairing and task lists read their default order segment by segment (proposals first; tasks still to do
/// first) and their name orders by walking the name tables; a list of few rows is sorted in one query instead. Walked
/// page by page over the generated city, each list must give every row once, in the order computed here from the raw
/// tables, whichever way it was read: <see cref="WalkedListOrders"/> makes every list walk its index,
/// <see cref="SortedListOrders"/> every list sort.
/// </summary>
public abstract partial class ListOrders(GeneratedCityFactory factory)
{
    [Fact]
    public async Task PairingsComeProposalsFirstThenByCommunityAndUnitAcrossEveryPage()
    {
        await factory.GenerateAsync();
        await MakeSomePairingsProposedAndEndedAsync();
        using var office = await PortalClient.SignedInAsync(factory, "demo.office");

        var expected = (await AllPairingsAsync())
            .OrderBy(p => (int)p.Status).ThenBy(p => p.Community, NameCollation.Comparer).ThenBy(p => p.Unit, NameCollation.Comparer)
            .ToList();
        Assert.Contains(expected, p => p.Status == PairingStatus.Proposed);
        Assert.Contains(expected, p => p.Status == PairingStatus.Ended);

        var shown = await WalkAsync(office, "/Pairings", PairingLink());
        Assert.Equal(expected.Count, shown.Count);
        Assert.Equal(expected.Count, shown.Distinct().Count());
        var byId = expected.ToDictionary(p => p.Id);
        // Ties (the same unit and community, one pairing ended and one in force) may come either way; their keys may not.
        Assert.Equal(expected.Select(Key), shown.Select(id => Key(byId[id])));
    }

    [Theory]
    [InlineData("community", false)]
    [InlineData("community", true)]
    [InlineData("unit", false)]
    [InlineData("unit", true)]
    [InlineData("start", false)]
    [InlineData("start", true)]
    public async Task PairingsSortedByAColumnKeepThatOrderAcrossEveryPage(string sort, bool desc)
    {
        await factory.GenerateAsync();
        await MakeSomePairingsProposedAndEndedAsync();
        using var office = await PortalClient.SignedInAsync(factory, "demo.office");

        var all = await AllPairingsAsync();
        var expected = (sort, desc) switch
        {
            ("community", false) => all.OrderBy(p => p.Community, NameCollation.Comparer).ThenBy(p => p.Unit, NameCollation.Comparer),
            ("community", true) => all.OrderByDescending(p => p.Community, NameCollation.Comparer).ThenBy(p => p.Unit, NameCollation.Comparer),
            ("unit", false) => all.OrderBy(p => p.Unit, NameCollation.Comparer).ThenBy(p => p.Community, NameCollation.Comparer),
            ("unit", true) => all.OrderByDescending(p => p.Unit, NameCollation.Comparer).ThenBy(p => p.Community, NameCollation.Comparer),
            ("start", false) => all.OrderBy(p => p.Start).ThenBy(p => p.Id),
            _ => all.OrderByDescending(p => p.Start).ThenByDescending(p => p.Id),
        };
        var shown = await WalkAsync(office, $"/Pairings?sort={sort}{(desc ? "&desc=true" : "")}", PairingLink());

        var byId = all.ToDictionary(p => p.Id);
        Assert.Equal(all.Count, shown.Distinct().Count());
        if (sort == "start")
        {
            Assert.Equal(expected.Select(p => p.Id), shown);
        }
        else
        {
            Assert.Equal(expected.Select(p => (p.Community, p.Unit)), shown.Select(id => (byId[id].Community, byId[id].Unit)));
        }
    }

    [Fact]
    public async Task TasksComeStillToDoFirstThenConfirmedEachByDueDateAcrossEveryPage()
    {
        await factory.GenerateAsync();
        using var office = await PortalClient.SignedInAsync(factory, "demo.office");

        var expected = await factory.QueryAsync(db => db.AgreementTasks.AsNoTracking()
            .Where(t => t.Status != AgreementTaskStatus.Cancelled)
            .Select(t => new { t.Id, t.Status, t.DueDate, AgreementStatus = t.Agreement!.Status })
            .ToListAsync());
        var tracked = expected
            .Where(t => t.AgreementStatus is AgreementStatus.Filed or AgreementStatus.Superseded or AgreementStatus.Terminated)
            .OrderBy(t => t.Status == AgreementTaskStatus.Confirmed).ThenBy(t => t.DueDate).ThenBy(t => t.Id)
            .ToList();
        Assert.Contains(tracked, t => t.Status == AgreementTaskStatus.Confirmed);
        Assert.Contains(tracked, t => t.Status != AgreementTaskStatus.Confirmed);
        Assert.True(tracked.Count > 40, $"only {tracked.Count} tasks: the walk would not cross a page");

        var first = await office.GetPageAsync("/Tasks");
        Assert.Contains($"<span class=\"badge text-bg-secondary align-middle fs-6\">{tracked.Count:N0}</span>", first);
        var shown = await WalkAsync(office, "/Tasks", TaskLink());
        Assert.Equal(tracked.Select(t => t.Id), shown);

        // Overdue only: the same order, the open and reported tasks due before today.
        var overdue = tracked.Where(t => t.Status is AgreementTaskStatus.Open or AgreementTaskStatus.ReportedDone && t.DueDate < factory.Today).Select(t => t.Id).ToList();
        Assert.NotEmpty(overdue);
        Assert.Equal(overdue, await WalkAsync(office, "/Tasks?overdue=true", TaskLink()));
    }

    private sealed record PairingKey(int Id, PairingStatus Status, string Community, string Unit, DateOnly Start);

    private static (PairingStatus, string, string) Key(PairingKey p) => (p.Status, p.Community, p.Unit);

    private Task<List<PairingKey>> AllPairingsAsync() => factory.QueryAsync(db => db.Pairings.AsNoTracking()
        .Select(p => new PairingKey(p.Id, p.Status, p.Community!.Name, p.Unit!.Name, p.StartDate)).ToListAsync());

    /// <summary>Gives the list more than one segment: a few proposals waiting and a few ended pairings.</summary>
    private async Task MakeSomePairingsProposedAndEndedAsync()
    {
        await factory.QueryAsync(async db =>
        {
            var ids = await db.Pairings.OrderBy(p => p.Id).Select(p => p.Id).Take(40).ToListAsync();
            await db.Pairings.Where(p => ids.Take(3).Contains(p.Id)).ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PairingStatus.Proposed));
            return await db.Pairings.Where(p => ids.Skip(30).Contains(p.Id)).ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PairingStatus.Ended));
        });
    }

    /// <summary>Follows "next" from the first page to the last, collecting the ids the rows link to.</summary>
    private static async Task<List<int>> WalkAsync(PortalClient client, string url, Regex link)
    {
        var ids = new List<int>();
        for (var page = 1; page < 1000; page++)
        {
            var html = await client.GetPageAsync(url + (url.Contains('?') ? "&" : "?") + $"page={page}");
            ids.AddRange(link.Matches(html).Select(m => int.Parse(m.Groups[1].Value)));
            if (!html.Contains("rel=\"next\"", StringComparison.Ordinal))
            {
                return ids;
            }
        }
        throw new InvalidOperationException($"{url}: no last page after 1,000");
    }

    [GeneratedRegex("<td class=\"text-end\"><a href=\"/Pairings/Details/(\\d+)\">")]
    private static partial Regex PairingLink();

    [GeneratedRegex("<td><a href=\"/Tasks/Details/(\\d+)\">")]
    private static partial Regex TaskLink();
}

/// <summary>Every list read along its index, however few its rows (the office's province lists).</summary>
public sealed class WalkedListOrders(WalkedListOrders.Portal factory) : ListOrders(factory), IClassFixture<WalkedListOrders.Portal>
{
    public sealed class Portal : GeneratedCityFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Lists:SortUpTo", "0");
        }
    }
}

/// <summary>Every list sorted in one query (a party's few rows).</summary>
public sealed class SortedListOrders(SortedListOrders.Portal factory) : ListOrders(factory), IClassFixture<SortedListOrders.Portal>
{
    public sealed class Portal : GeneratedCityFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Lists:SortUpTo", "1000000");
        }
    }
}
