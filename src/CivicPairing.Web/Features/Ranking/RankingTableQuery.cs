using System.Globalization;
using CivicPairing.Web.Infrastructure;

namespace CivicPairing.Web.Features.Ranking;

/// <summary>
/// The ranking tables (the provisional ranking, a published report and its public notice): at province scale 5,000
/// lines, shown a hundred ranks at a time with a unit's name to find. Commended units, laggards and totals stay whole
/// on the page; the printed report and its Excel workbook keep every line.
/// </summary>
public sealed class RankingTableQuery : ListQuery
{
    public const int PageSize = 100;

    public int? Year { get; set; }
    public int? Quarter { get; set; }
    public int? Version { get; set; }

    public override Dictionary<string, string?> ToRouteValues() => new()
    {
        ["q"] = SearchText,
        ["year"] = Year?.ToString(CultureInfo.InvariantCulture),
        ["quarter"] = Quarter?.ToString(CultureInfo.InvariantCulture),
        ["version"] = Version?.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The page asked for of the ranked lines whose unit's name holds the text looked for; ranks stay the ranking's.</summary>
    public PagedList<T> Of<T>(IEnumerable<T> ranked, Func<T, string> unitName)
    {
        var rows = SearchText is { } text ? ranked.Where(r => unitName(r).Contains(text, StringComparison.OrdinalIgnoreCase)).ToList() : ranked.ToList();
        var pageCount = Math.Max(1, (rows.Count + PageSize - 1) / PageSize);
        var page = Math.Clamp(Page, 1, pageCount);
        return new PagedList<T>([.. rows.Skip((page - 1) * PageSize).Take(PageSize)], page, PageSize, rows.Count);
    }
}
