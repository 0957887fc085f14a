using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace CivicPairing.Web.Infrastructure;

public interface IPageInfo
{
    int Page { get; }
    int PageCount { get; }
    int Total { get; }
    /// <summary>More rows than <see cref="Total"/> match: the list counted only up to a cap.</summary>
    bool TotalIsCapped { get; }
    int FirstIndex { get; }
    int LastIndex { get; }
}

/// <param name="TotalIsCapped">The rows were counted up to <paramref name="Total"/> only; <paramref name="MoreFollow"/> then says whether a next page exists.</param>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total, bool TotalIsCapped = false, bool MoreFollow = false) : IPageInfo
{
    public int PageCount => TotalIsCapped ? Page + (MoreFollow ? 1 : 0) : Math.Max(1, (int)Math.Ceiling(Total / (double)PageSize));
    public bool HasPrevious => Page > 1;
    public bool HasNext => Page < PageCount;
    public int FirstIndex => Items.Count == 0 ? 0 : (Page - 1) * PageSize + 1;
    public int LastIndex => (Page - 1) * PageSize + Items.Count;
}

public static class PagingExtensions
{
    public const int DefaultPageSize = 20;

    /// <summary>One COUNT and one page query; a page past the end shows the last page instead of an empty one.</summary>
    public static Task<PagedList<T>> ToPagedListAsync<T>(this IQueryable<T> query, int page, int pageSize = DefaultPageSize, CancellationToken ct = default) =>
        query.ToPagedListAsync(q => q, page, pageSize, ct);

    /// <summary>
    /// The same, counting the filtered rows before they are projected: a projection that reads names through navigations
    /// makes the COUNT join every related table for every row (31 ms instead of 1 for a province's 25,000 pairings).
    /// </summary>
    /// <param name="whenFew">
    /// The same rows in the same order, written for a few rows (<see cref="FewRows"/> or fewer: a party's own, a narrow
    /// filter): sorting them is cheaper than walking a province's index in order, which <paramref name="rows"/> may do.
    /// </param>
    public static async Task<PagedList<T>> ToPagedListAsync<TSource, T>(this IQueryable<TSource> filtered, Func<IQueryable<TSource>, IQueryable<T>> rows,
        int page, int pageSize = DefaultPageSize, CancellationToken ct = default, Func<IQueryable<TSource>, IQueryable<T>>? whenFew = null, int fewRows = FewRows)
    {
        var total = await filtered.CountAsync(ct);
        return await PageAsync(total <= fewRows && whenFew is not null ? whenFew(filtered) : rows(filtered), total, page, pageSize, ct);
    }

    /// <summary>Up to this many rows a list is sorted; past it, read in an index's order (<see cref="ListOptions.SortUpTo"/>).</summary>
    public const int FewRows = 1_000;

    private static async Task<PagedList<T>> PageAsync<T>(IQueryable<T> ordered, int total, int page, int pageSize, CancellationToken ct)
    {
        var pageCount = Math.Max(1, (int)Math.Ceiling(total / (double)pageSize));
        page = Math.Clamp(page, 1, pageCount);
        var items = await ordered.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new PagedList<T>(items, page, pageSize, total);
    }

    /// <summary>
    /// A page of a list ordered first by segment (proposals before pairings in force; open tasks before confirmed ones)
    /// and within a segment by <paramref name="rows"/>' order. An ORDER BY on a computed segment key makes the database
    /// sort every row for each page; read segment by segment, each page is a walk of an index. A segment is counted only
    /// as far as the page reaches into it, and the whole list up to <paramref name="countCap"/> when one is given.
    /// A list of <see cref="FewRows"/> or fewer is read by <paramref name="whenFew"/>, in one sorted query.
    /// </summary>
    public static async Task<PagedList<T>> ToSegmentedPagedListAsync<TSource, T>(this IQueryable<TSource> filtered,
        IEnumerable<Expression<Func<TSource, bool>>> segments, Func<IQueryable<TSource>, IQueryable<T>> rows,
        int page, int pageSize = DefaultPageSize, int? countCap = null, CancellationToken ct = default, Func<IQueryable<TSource>, IQueryable<T>>? whenFew = null,
        int fewRows = FewRows)
    {
        var counted = await (countCap is { } cap ? filtered.Take(cap + 1) : filtered).CountAsync(ct);
        var capped = counted > countCap;
        var total = capped ? countCap!.Value : counted;
        if (total <= fewRows && whenFew is not null)
        {
            return await PageAsync(whenFew(filtered), total, page, pageSize, ct);
        }
        // Past the cap a page number is taken as asked (bounded so the offset cannot overflow); below it, clamped.
        page = capped ? Math.Clamp(page, 1, MaxPage) : Math.Clamp(page, 1, Math.Max(1, (int)Math.Ceiling(total / (double)pageSize)));
        var skip = (page - 1) * pageSize;
        var items = new List<T>(pageSize + 1);
        foreach (var segment in segments)
        {
            // One row past the page tells whether another page follows.
            var need = pageSize + 1 - items.Count;
            var inSegment = filtered.Where(segment);
            var reach = await inSegment.Take(skip + need).CountAsync(ct);
            if (reach <= skip)
            {
                skip -= reach;
                continue;
            }
            items.AddRange(await rows(inSegment).Skip(skip).Take(need).ToListAsync(ct));
            skip = 0;
            if (items.Count > pageSize)
            {
                break;
            }
        }
        var more = items.Count > pageSize;
        return new PagedList<T>(more ? items[..pageSize] : items, page, pageSize, total, capped, more);
    }

    /// <summary>The last page a capped list will read (its offset stays far from overflowing).</summary>
    public const int MaxPage = 100_000;
}

/// <summary>How the long lists choose between sorting and walking an index ("Lists" in configuration).</summary>
public sealed class ListOptions
{
    /// <summary>Up to this many rows a list is sorted in one query; past it, read along an index. Tests set 0 to walk always.</summary>
    public int SortUpTo { get; set; } = PagingExtensions.FewRows;
}

/// <summary>What every list takes from the query string: search text, sort column and direction, page.</summary>
public abstract class ListQuery
{
    public const int SearchMaxLength = 100;

    public string? Q { get; set; }
    public string? Sort { get; set; }
    public bool Desc { get; set; }
    public int Page { get; set; } = 1;

    /// <summary>The dates a filter can mean: a date typed outside them (0001-01-01, 9999-12-31) filters as the nearest one.</summary>
    public static readonly DateOnly EarliestFilterDate = new(2000, 1, 1), LatestFilterDate = new(2100, 12, 31);

    public static DateOnly Within(DateOnly date) =>
        date < EarliestFilterDate ? EarliestFilterDate : date > LatestFilterDate ? LatestFilterDate : date;

    public string? SearchText => string.IsNullOrWhiteSpace(Q) ? null : Q.Trim()[..Math.Min(Q.Trim().Length, SearchMaxLength)];

    /// <summary>The query's values as route values, for paging, sorting and export links that keep the filters.</summary>
    public abstract Dictionary<string, string?> ToRouteValues();

    protected Dictionary<string, string?> BaseRouteValues() => new()
    {
        ["q"] = SearchText,
        ["sort"] = Sort,
        ["desc"] = Desc ? "true" : null,
    };

    public Dictionary<string, string?> With(string key, string? value)
    {
        var values = ToRouteValues();
        values[key] = value;
        return values;
    }
}
