using System.Globalization;
using CivicPairing.Web.Infrastructure;

namespace CivicPairing.Web.Features.Ranking;

/// <summary>
/// The ranking tables (the provisional ranking, a published report and its public notice): at province scale 5,000
/// lines, shown a hundred ranks at a time with a unit's name to find. The commended units and the laggards (thousands
/// of each in a province where most units fail) are shown fifty at a time (a city's whole list), each list with its own pager; the totals
/// stay whole on the page, and the printed report and its Excel workbook keep every line.
/// </summary>
public sealed class RankingTableQuery : ListQuery
{
    public const int PageSize = 100;

    /// <summary>How many commended units, and how many laggards with their reasons, a page shows.</summary>
    public const int SectionPageSize = 50;

    public int? Year { get; set; }
    public int? Quarter { get; set; }
    public int? Version { get; set; }
    public int CommendedPage { get; set; } = 1;
    public int LaggardPage { get; set; } = 1;

    /// <summary>What is read (period, version, unit looked for) and where each of the three lists stands, so paging one keeps the others.</summary>
    public override Dictionary<string, string?> ToRouteValues() => new()
    {
        ["q"] = SearchText,
        ["year"] = Year?.ToString(CultureInfo.InvariantCulture),
        ["quarter"] = Quarter?.ToString(CultureInfo.InvariantCulture),
        ["version"] = Version?.ToString(CultureInfo.InvariantCulture),
        ["page"] = Beyond1(Page),
        ["commendedPage"] = Beyond1(CommendedPage),
        ["laggardPage"] = Beyond1(LaggardPage),
    };

    private static string? Beyond1(int page) => page > 1 ? page.ToString(CultureInfo.InvariantCulture) : null;

    /// <summary>The page asked for of the ranked lines whose unit's name holds the text looked for; ranks stay the ranking's.</summary>
    public PagedList<T> Of<T>(IEnumerable<T> ranked, Func<T, string> unitName) => PageOf<T>([.. Matching(ranked, unitName)], Page, PageSize);

    /// <summary>All the ranked lines whose unit's name holds the text looked for (the table's rows, unpaged: its export).</summary>
    public IEnumerable<T> Matching<T>(IEnumerable<T> ranked, Func<T, string> unitName) =>
        SearchText is { } text ? ranked.Where(r => unitName(r).Contains(text, StringComparison.OrdinalIgnoreCase)) : ranked;

    /// <summary>The page asked for of the commended units, best first.</summary>
    public PagedList<T> CommendedOf<T>(IEnumerable<T> commended) => PageOf<T>([.. commended], CommendedPage, SectionPageSize);

    /// <summary>The page asked for of the laggards, lowest score first.</summary>
    public PagedList<T> LaggardsOf<T>(IReadOnlyList<T> laggards) => PageOf(laggards, LaggardPage, SectionPageSize);

    private static PagedList<T> PageOf<T>(IReadOnlyList<T> rows, int asked, int size)
    {
        var page = Math.Clamp(asked, 1, Math.Max(1, (rows.Count + size - 1) / size));
        return new PagedList<T>([.. rows.Skip((page - 1) * size).Take(size)], page, size, rows.Count);
    }
}
