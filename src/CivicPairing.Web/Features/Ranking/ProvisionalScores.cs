using System.Globalization;
using CivicPairing.Domain.Scoring;
using CivicPairing.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CivicPairing.Web.Features.Ranking;

/// <summary>A period's provisional scores with the rules they were scored by, and how current they are.</summary>
public sealed record ProvisionalResult(ScoringPeriod Period, IReadOnlyList<UnitScore> Scores, ScoringRules Rules, DateTimeOffset GatheredAt, bool IsCurrent)
{
    public IEnumerable<UnitScore> Ranked => Scores.Where(s => s.IsRanked);

    public int RankedCount => Scores.Count(s => s.IsRanked);

    public UnitScore? Of(int unitId) => Scores.FirstOrDefault(s => s.Facts.UnitId == unitId);

    /// <summary>The median score of the ranked units (0 when none is ranked).</summary>
    public decimal Median
    {
        get
        {
            var ranked = Ranked.Select(s => s.Score).Order().ToList();
            return ranked.Count == 0 ? 0 : ranked.Count % 2 == 1 ? ranked[ranked.Count / 2] : (ranked[ranked.Count / 2 - 1] + ranked[ranked.Count / 2]) / 2;
        }
    }
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
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IReadOnlyList<UnitFacts>, Scored> ScoredFacts = new();

    private sealed record Scored(ScoringRules Rules, IReadOnlyList<UnitScore> Scores);

    public async Task<ProvisionalResult> GetAsync(ScoringPeriod period, int year, int? quarter, DateOnly today, bool allowStale, CancellationToken ct)
    {
        var rules = await RulesForAsync(year, quarter, ct);
        var key = string.Create(CultureInfo.InvariantCulture, $"{period.From:yyyy-MM-dd}/{period.To:yyyy-MM-dd}");
        var facts = await store.GetAsync(Kind, key, today, allowStale,
            (services, token) => services.GetRequiredService<ScoringFacts>().GatherAsync(period, today, token), ct);
        if (!ScoredFacts.TryGetValue(facts.Value, out var scored) || scored.Rules != rules)
        {
            scored = new Scored(rules, UnitScoring.ScoreAll(facts.Value, rules));
            ScoredFacts.AddOrUpdate(facts.Value, scored);
        }
        return new ProvisionalResult(period, scored.Scores, rules, facts.GatheredAt, facts.IsCurrent);
    }

    /// <summary>The rules of the assessment period for these dates (a quarter falls back to its year), else the defaults.</summary>
    public async Task<ScoringRules> RulesForAsync(int year, int? quarter, CancellationToken ct)
    {
        var periods = await db.AssessmentPeriods.AsNoTracking().Where(p => p.Year == year && (p.Quarter == quarter || p.Quarter == null))
            .Select(p => new { p.Quarter, p.Rules }).ToListAsync(ct);
        return (periods.FirstOrDefault(p => p.Quarter == quarter) ?? periods.FirstOrDefault(p => p.Quarter == null))?.Rules ?? ScoringRules.Default;
    }
}
