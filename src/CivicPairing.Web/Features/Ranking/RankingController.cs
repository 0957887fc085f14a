using CivicPairing.Domain.Scoring;
using CivicPairing.Web.Identity;
using CivicPairing.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CivicPairing.Web.Features.Ranking;

public sealed record RankingPage(int Year, int? Quarter, ScoringPeriod Period, IReadOnlyList<UnitScore> Scores, ScoringRules Rules, DateTimeOffset GatheredAt, bool IsCurrent)
{
    public IEnumerable<UnitScore> Ranked => Scores.Where(s => s.IsRanked);
    public IEnumerable<UnitScore> Unranked => Scores.Where(s => !s.IsRanked);
    public IEnumerable<UnitScore> Commended => Ranked.Where(s => s.Grade == Grade.Excellent);

    /// <summary>篇1 names the laggards (<see cref="Domain.Scoring.Laggards"/>); the provisional ranking names them all.</summary>
    public IReadOnlyList<UnitScore> Laggards => Domain.Scoring.Laggards.Of(Ranked, Rules);

    /// <summary>Whether some ranked unit had a component's weight shared out, so the sentence saying why is shown.</summary>
    public bool AnyWeightShared => Ranked.Any(s => s.Components.Any(c => !c.Applies));

    /// <summary>The unit looked for and the page of the table shown (<see cref="RankingTableQuery"/>).</summary>
    public RankingTableQuery Find { get; init; } = new();

    public PagedList<UnitScore> Table() => Find.Of(Ranked, s => s.Facts.UnitName);

    /// <summary>Every line of the table for the name looked for, unpaged (the export).</summary>
    public IEnumerable<UnitScore> TableRows() => Find.Matching(Ranked, s => s.Facts.UnitName);
}

public sealed record ScorecardPage(int Year, int? Quarter, UnitScore Score, decimal Median, int RankedCount, ScoringRules Rules, DateTimeOffset GatheredAt, bool IsCurrent);

/// <summary>
/// The provisional ranking of a year or quarter, scored live from confirmed facts. Assessment periods,
/// inspections and published snapshots build on it.
/// </summary>
public sealed class RankingController(ProvisionalScores provisional, CityClock clock, IStringLocalizer<SharedResource> l) : Controller
{
    [Authorize(Roles = Roles.OfficeOrAdmin)]
    [HttpGet]
    public async Task<IActionResult> Index(int? year, int? quarter, RankingTableQuery find, CancellationToken ct)
    {
        var (y, q, period) = Period(year, quarter);
        // As the home pages: facts superseded moments ago are shown (and say so) while the new ones are gathered in the
        // background, so nobody waits seconds for a province to be scored again after each confirmation.
        var result = await provisional.GetAsync(period, y, q, clock.Today, allowStale: true, ct);
        find.Year = y;
        find.Quarter = q;
        return View(new RankingPage(y, q, period, result.Scores, result.Rules, result.GatheredAt, result.IsCurrent) { Find = find });
    }

    /// <summary>The provisional ranking table (the period and the name looked for), every line, as the workbook or CSV.</summary>
    [Authorize(Roles = Roles.OfficeOrAdmin)]
    [HttpGet]
    public async Task<IActionResult> Export(int? year, int? quarter, RankingTableQuery find, string format, CancellationToken ct)
    {
        if (!TableExportResult<UnitScore>.IsSupported(format))
        {
            return NotFound();
        }
        var (y, q, period) = Period(year, quarter);
        var result = await provisional.GetAsync(period, y, q, clock.Today, allowStale: true, ct);
        var page = new RankingPage(y, q, period, result.Scores, result.Rules, result.GatheredAt, result.IsCurrent) { Find = find };
        var components = Enum.GetValues<Component>();
        List<string> headers = [l["Rank"], l["Unit"], l["Score"], l["Grade"], .. components.Select(c => l.Text(c)), l["Penalty"]];
        return new TableExportResult<UnitScore>(format, $"{l["Ranking"]}-{l.PeriodName(y, q)}", headers, page.TableRows().ToAsyncEnumerable(),
            s => [s.Rank, s.Facts.UnitName, s.Score, l.Text(s.Grade), .. s.Components.Select(c => c.Applies ? (object?)c.Points : null), s.Penalty > 0 ? -s.Penalty : null]);
    }

    /// <summary>A liaison's own unit: its provisional score, each component, the median, and what would raise it.</summary>
    [Authorize(Roles = Roles.UnitLiaison)]
    [HttpGet]
    public async Task<IActionResult> Scorecard(int? year, int? quarter, CancellationToken ct)
    {
        var (y, q, period) = Period(year, quarter);
        var result = await provisional.GetAsync(period, y, q, clock.Today, allowStale: true, ct);
        if (User.GetUnitId() is not { } unitId || result.Of(unitId) is not { } mine)
        {
            return NotFound();
        }
        return View(new ScorecardPage(y, q, mine, result.Median, result.RankedCount, result.Rules, result.GatheredAt, result.IsCurrent));
    }

    private (int Year, int? Quarter, ScoringPeriod Period) Period(int? year, int? quarter)
    {
        var (y, q, period, _) = ScoringPeriod.Choose(year, quarter, clock.Today);
        return (y, q, period);
    }
}
