using System.Globalization;
using CivicPairing.Domain.Scoring;
using CivicPairing.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CivicPairing.Web.Features.Ranking;

/// <summary>A period's provisional scores with the rules they were scored by, and how current they are.</summary>
public sealed record ProvisionalResult(ScoringPeriod Period, ScoredUnits Scored, DateTimeOffset GatheredAt, bool IsCurrent)
{
    public IReadOnlyList<UnitScore> Scores => Scored.Scores;
    public ScoringRules Rules => Scored.Rules;
    public IReadOnlyList<UnitScore> Ranked => Scored.Ranked;
    public int RankedCount => Scored.Ranked.Count;
    public decimal Median => Scored.Median;
    public UnitScore? Of(int unitId) => Scored.Of(unitId);
}

/// <summary>
/// Every unit's score by one set of rules, and what the home pages read from them, worked out once: a province's 5,000
/// scores are read many times a second under load, and sorting or counting them for each page was a third of the
/// office home page's time.
/// </summary>
public sealed class ScoredUnits
{
    private readonly Dictionary<int, UnitScore> _byUnit;

    public ScoredUnits(ScoringRules rules, IReadOnlyList<UnitScore> scores)
    {
        Rules = rules;
        Scores = scores;
        Ranked = [.. scores.Where(s => s.IsRanked)];
        _byUnit = scores.DistinctBy(s => s.Facts.UnitId).ToDictionary(s => s.Facts.UnitId);
        var sorted = Ranked.Select(s => s.Score).Order().ToList();
        Median = sorted.Count == 0 ? 0 : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
        MissedMeetings = [.. scores.Where(s => s.Facts.MissedJointMeetings > 0).OrderByDescending(s => s.Facts.MissedJointMeetings)
            .Select(s => (s.Facts.UnitId, s.Facts.UnitName, s.Facts.MissedJointMeetings))];
        var bands = new int[10];
        foreach (var s in Ranked)
        {
            bands[Math.Clamp((int)(s.Score / 10), 0, 9)]++;
        }
        Bands = bands;
    }

    public ScoringRules Rules { get; }
    public IReadOnlyList<UnitScore> Scores { get; }

    /// <summary>The ranked units in ranking order.</summary>
    public IReadOnlyList<UnitScore> Ranked { get; }

    /// <summary>The median score of the ranked units (0 when none is ranked).</summary>
    public decimal Median { get; }

    /// <summary>The units that missed a committed joint meeting, the most missed first.</summary>
    public IReadOnlyList<(int UnitId, string Name, int Missed)> MissedMeetings { get; }

    /// <summary>How many ranked units scored in each ten-point band (0–9, …, 90–100: a hundred belongs to the top band).</summary>
    public IReadOnlyList<int> Bands { get; }

    public UnitScore? Of(int unitId) => _byUnit.GetValueOrDefault(unitId);
}

/// <summary>
/// Provisional scores for the ranking page, the scorecard and the home pages: every unit's facts from the
/// <see cref="FactsStore"/> (gathered once per change, not per page), scored by the pure scoring service with the
/// rules of the assessment period covering the dates (<see cref="RulesForAsync"/>), the defaults when none does.
/// </summary>
public sealed class ProvisionalScores(AppDbContext db, FactsStore store)
{
    /// <summary>The stored facts' kind; its number goes up whenever <see cref="UnitFacts"/> changes shape, so facts stored by an
    /// earlier build are never read as if their new figures were zero.</summary>
    public const string Kind = "scoring/2";

    // Scoring 5,000 units takes a few milliseconds; home pages under load ask for the same scores many times a second.
    // The stored facts are one immutable object per snapshot in this process, so their scores are kept beside them.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IReadOnlyList<UnitFacts>, ScoredUnits> ScoredFacts = new();

    public async Task<ProvisionalResult> GetAsync(ScoringPeriod period, int year, int? quarter, DateOnly today, bool allowStale, CancellationToken ct)
    {
        var rules = await RulesForAsync(year, quarter, ct);
        var key = string.Create(CultureInfo.InvariantCulture, $"{period.From:yyyy-MM-dd}/{period.To:yyyy-MM-dd}");
        var facts = await store.GetAsync(Kind, key, today, allowStale,
            (services, token) => services.GetRequiredService<ScoringFacts>().GatherAsync(period, today, token), ct);
        if (!ScoredFacts.TryGetValue(facts.Value, out var scored) || scored.Rules != rules)
        {
            scored = new ScoredUnits(rules, UnitScoring.ScoreAll(facts.Value, rules));
            ScoredFacts.AddOrUpdate(facts.Value, scored);
        }
        return new ProvisionalResult(period, scored, facts.GatheredAt, facts.IsCurrent);
    }

    /// <summary>The rules of the assessment period for these dates (a quarter falls back to its year), else the defaults.</summary>
    public async Task<ScoringRules> RulesForAsync(int year, int? quarter, CancellationToken ct)
    {
        var periods = await db.AssessmentPeriods.AsNoTracking().Where(p => p.Year == year && (p.Quarter == quarter || p.Quarter == null))
            .Select(p => new { p.Quarter, p.Rules }).ToListAsync(ct);
        return (periods.FirstOrDefault(p => p.Quarter == quarter) ?? periods.FirstOrDefault(p => p.Quarter == null))?.Rules ?? ScoringRules.Default;
    }
}
