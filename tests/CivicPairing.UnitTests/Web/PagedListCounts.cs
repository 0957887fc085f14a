using CivicPairing.Web.Infrastructure;

namespace CivicPairing.UnitTests.Web;

/// <summary>What a page says about its place in the list, counted exactly or only up to a cap.</summary>
public sealed class PagedListCounts
{
    private static readonly int[] Twenty = [.. Enumerable.Range(1, 20)];

    [Fact]
    public void AnExactCountGivesThePagesAndTheRowsShown()
    {
        var page = new PagedList<int>(Twenty, Page: 3, PageSize: 20, Total: 75);
        Assert.Equal(4, page.PageCount);
        Assert.Equal((41, 60), (page.FirstIndex, page.LastIndex));
        Assert.True(page.HasNext);
        Assert.True(page.HasPrevious);

        var last = new PagedList<int>([1, 2, 3], Page: 4, PageSize: 20, Total: 63);
        Assert.Equal((61, 63), (last.FirstIndex, last.LastIndex));
        Assert.False(last.HasNext);
    }

    [Fact]
    public void ACappedCountOffersANextPageOnlyWhenMoreRowsFollow()
    {
        var middle = new PagedList<int>(Twenty, Page: 600, PageSize: 20, Total: 10_000, TotalIsCapped: true, MoreFollow: true);
        Assert.True(middle.HasNext);
        Assert.Equal(601, middle.PageCount);
        // Past the cap the rows shown are numbered by their place, not bounded by the capped total.
        Assert.Equal((11_981, 12_000), (middle.FirstIndex, middle.LastIndex));

        var end = new PagedList<int>([1, 2], Page: 601, PageSize: 20, Total: 10_000, TotalIsCapped: true, MoreFollow: false);
        Assert.False(end.HasNext);
        Assert.Equal(601, end.PageCount);
        Assert.Equal((12_001, 12_002), (end.FirstIndex, end.LastIndex));
    }

    [Fact]
    public void AnEmptyListShowsNoRows()
    {
        var empty = new PagedList<int>([], Page: 1, PageSize: 20, Total: 0);
        Assert.Equal((0, 0), (empty.FirstIndex, empty.LastIndex));
        Assert.Equal(1, empty.PageCount);
        Assert.False(empty.HasNext);
    }
}
