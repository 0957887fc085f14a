using CivicPairing.Web.Features.Ranking;

namespace CivicPairing.UnitTests.Web;

/// <summary>A ranking table shows a hundred ranks at a time and finds a unit by name, keeping the ranking's ranks.</summary>
public sealed class RankingTablePages
{
    private static readonly IReadOnlyList<(int Rank, string Name)> Ranking =
        [.. Enumerable.Range(1, 250).Select(i => (i, i % 50 == 0 ? $"市第{i}中学" : $"单位{i:000}"))];

    private static (int Rank, string Name)[] Page(int page, string? q = null) =>
        [.. new RankingTableQuery { Page = page, Q = q }.Of(Ranking, r => r.Name).Items];

    [Fact]
    public void ShowsAHundredRanksAPage()
    {
        var third = new RankingTableQuery { Page = 3 }.Of(Ranking, r => r.Name);
        Assert.Equal(250, third.Total);
        Assert.Equal(3, third.PageCount);
        Assert.Equal(Enumerable.Range(201, 50), third.Items.Select(r => r.Rank));
        Assert.Equal((201, 250), (third.FirstIndex, third.LastIndex));
        Assert.Equal(Enumerable.Range(101, 100), Page(2).Select(r => r.Rank));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(-5, 1)]
    [InlineData(4, 201)]
    [InlineData(int.MaxValue, 201)]
    public void APageOutsideTheTableShowsTheNearestOne(int asked, int firstRank) =>
        Assert.Equal(firstRank, Page(asked)[0].Rank);

    [Fact]
    public void FindsUnitsByPartOfTheirNameWithTheirRanks()
    {
        Assert.Equal([50, 100, 150, 200, 250], Page(1, "中学").Select(r => r.Rank));
        Assert.Equal([(7, "单位007")], Page(1, " 单位007 "));
        Assert.Empty(Page(1, "医院"));
        Assert.Equal(Enumerable.Range(1, 100), Page(1, "   ").Select(r => r.Rank)); // blank: the whole ranking
    }

    [Fact]
    public void PagingAndFindingKeepThePeriodAndVersionInTheLinks()
    {
        var query = new RankingTableQuery { Q = "中学", Year = 2025, Quarter = 2, Version = 3, Page = 2 };
        Assert.Equal(new Dictionary<string, string?> { ["q"] = "中学", ["year"] = "2025", ["quarter"] = "2", ["version"] = "3", ["page"] = "1", ["commendedPage"] = null, ["laggardPage"] = null },
            query.With("page", "1"));
    }

    [Fact]
    public void TheCommendedAndTheLaggardsArePagedOnTheirOwnKeepingTheTablesPage()
    {
        var query = new RankingTableQuery { Year = 2025, Page = 2, CommendedPage = 3, LaggardPage = 2 };
        var laggards = query.LaggardsOf([.. Enumerable.Range(1, 120)]);
        Assert.Equal(Enumerable.Range(51, 50), laggards.Items);
        Assert.Equal((120, 3), (laggards.Total, laggards.PageCount));
        Assert.Equal(Enumerable.Range(101, 20), query.CommendedOf(Enumerable.Range(1, 120)).Items);
        Assert.Equal(Enumerable.Range(1, 7), new RankingTableQuery { LaggardPage = 5 }.LaggardsOf([.. Enumerable.Range(1, 7)]).Items);
        Assert.Equal(new Dictionary<string, string?> { ["q"] = null, ["year"] = "2025", ["quarter"] = null, ["version"] = null, ["page"] = "2", ["commendedPage"] = "3", ["laggardPage"] = "3" },
            query.With("laggardPage", "3"));
    }
}
