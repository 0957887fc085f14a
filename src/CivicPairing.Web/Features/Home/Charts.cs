namespace CivicPairing.Web.Features.Home;

/// <summary>One series of a chart: its name and one value per label.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<decimal> Values, string? Format = null);

/// <summary>
/// A chart as data: the page renders it as a table (the accessible fallback, and the chart's source) and
/// <c>charts.js</c> draws it with Chart.js. Each label may link to the records behind it.
/// </summary>
public sealed record ChartData(string Id, string Title, ChartKind Kind, IReadOnlyList<string> Labels, IReadOnlyList<ChartSeries> Series, IReadOnlyList<string?>? Links = null)
{
    /// <summary>A sentence under the chart about what it leaves out, with the list that shows it.</summary>
    public (string Text, string? Href)? Note { get; init; }

    public bool IsEmpty => Labels.Count == 0 || Series.All(s => s.Values.All(v => v == 0));
}

public enum ChartKind
{
    /// <summary>Vertical bars, a line for a second series (months).</summary>
    Bars,
    /// <summary>Horizontal bars (categories, streets: long Chinese labels read better across).</summary>
    HorizontalBars,
}
