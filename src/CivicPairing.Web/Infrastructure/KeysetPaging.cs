using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace CivicPairing.Web.Infrastructure;

/// <summary>
/// A page read by position in an index (date, id) rather than by row number, so the last page of a
/// million rows costs what the first does. The total is counted up to a cap for the same reason.
/// </summary>
public sealed record KeysetPage<T>(IReadOnlyList<T> Items, int Total, bool TotalIsCapped, string? PreviousCursor, string? NextCursor, bool IsFirst, bool IsLast);

/// <summary>A position in a (date, id) descending list: "20261117.4821".</summary>
public readonly record struct DateIdCursor(DateOnly Date, int Id)
{
    public override string ToString() => $"{Date:yyyyMMdd}.{Id.ToString(CultureInfo.InvariantCulture)}";

    public static DateIdCursor? Parse(string? text)
    {
        var parts = text?.Split('.');
        return parts is [var d, var i]
            && DateOnly.TryParseExact(d, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && int.TryParse(i, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                ? new DateIdCursor(date, id)
                : null;
    }
}

public static class KeysetPaging
{
    /// <summary>Past this many rows the list says "10,000+" instead of counting them all.</summary>
    public const int CountCap = 10_000;

    /// <summary>
    /// Newest first by (date, id). <paramref name="after"/> moves to older rows, <paramref name="before"/> to newer ones,
    /// <paramref name="last"/> jumps to the oldest. Each is one index range scan of a page, plus a capped count.
    /// </summary>
    public static async Task<KeysetPage<TRow>> ToKeysetPageAsync<TEntity, TRow>(
        this IQueryable<TEntity> filtered,
        Expression<Func<TEntity, DateOnly>> date, Expression<Func<TEntity, int>> id,
        Expression<Func<TEntity, TRow>> project, Func<TRow, DateIdCursor> cursorOf,
        DateIdCursor? after, DateIdCursor? before, bool last, int pageSize = PagingExtensions.DefaultPageSize, CancellationToken ct = default)
    {
        var total = await filtered.Take(CountCap + 1).CountAsync(ct);
        var cursorText = (TRow row) => cursorOf(row).ToString();

        if (last)
        {
            var oldest = await filtered.OrderBy(date).ThenBy(id).Select(project).Take(pageSize).ToListAsync(ct);
            oldest.Reverse();
            var onlyPage = total <= pageSize;
            return Page(oldest, previous: onlyPage ? null : cursorText(oldest[0]), next: null, onlyPage, isLast: true);
        }
        if (before is { } b)
        {
            var newer = await filtered.Where(Compare(date, id, b, greater: true)).OrderBy(date).ThenBy(id).Select(project).Take(pageSize + 1).ToListAsync(ct);
            if (newer.Count > pageSize)
            {
                var rows = newer.Take(pageSize).Reverse().ToList();
                return Page(rows, previous: cursorText(rows[0]), next: cursorText(rows[^1]), isFirst: false, isLast: false);
            }
            // Fewer than a page of newer rows: that is the first page, shown full.
        }
        var start = after is { } a && before is null ? filtered.Where(Compare(date, id, a, greater: false)) : filtered;
        var page = await start.OrderByDescending(date).ThenByDescending(id).Select(project).Take(pageSize + 1).ToListAsync(ct);
        var hasOlder = page.Count > pageSize;
        page = [.. page.Take(pageSize)];
        var first = after is null || before is not null;
        return Page(page, previous: first || page.Count == 0 ? null : cursorText(page[0]), next: hasOlder ? cursorText(page[^1]) : null, first, !hasOlder);

        KeysetPage<TRow> Page(List<TRow> rows, string? previous, string? next, bool isFirst, bool isLast) =>
            new(rows, Math.Min(total, CountCap), total > CountCap, previous, next, isFirst, isLast);
    }

    /// <summary>(date, id) &lt; cursor, or &gt; cursor, written so SQL can use the (date, id) index.</summary>
    private static Expression<Func<TEntity, bool>> Compare<TEntity>(Expression<Func<TEntity, DateOnly>> date, Expression<Func<TEntity, int>> id, DateIdCursor cursor, bool greater)
    {
        var parameter = Expression.Parameter(typeof(TEntity), "x");
        var d = new ParameterReplacer(date.Parameters[0], parameter).Visit(date.Body);
        var i = new ParameterReplacer(id.Parameters[0], parameter).Visit(id.Body);
        var cd = Expression.Constant(cursor.Date);
        var ci = Expression.Constant(cursor.Id);
        var body = greater
            ? Expression.OrElse(Expression.GreaterThan(d, cd), Expression.AndAlso(Expression.Equal(d, cd), Expression.GreaterThan(i, ci)))
            : Expression.OrElse(Expression.LessThan(d, cd), Expression.AndAlso(Expression.Equal(d, cd), Expression.LessThan(i, ci)));
        return Expression.Lambda<Func<TEntity, bool>>(body, parameter);
    }

    private sealed class ParameterReplacer(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
