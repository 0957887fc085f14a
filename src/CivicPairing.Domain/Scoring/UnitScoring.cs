namespace CivicPairing.Domain.Scoring;

/// <summary>
/// One unit's confirmed facts for one period, gathered by set-based queries for all units at once.
/// Only confirmed activities and confirmed tasks are in here: nothing unconfirmed counts.
/// </summary>
public sealed record UnitFacts(
    int UnitId,
    string UnitName,
    int StaffCount,
    /// <summary>The unit's pairings that were in force in at least one month of the period (ended ones included).</summary>
    int ActivePairings,
    /// <summary>The months of the period in which at least one of the unit's pairings was in force (the effort target scales with them).</summary>
    int MonthsInPeriod,
    /// <summary>Sum over the unit's pairings of the months with at least one confirmed activity (篇5: monthly).</summary>
    int PairingMonthsWithActivity,
    int ConfirmedActivities,
    decimal ConfirmedPersonHours,
    /// <summary>Sum of (rating − 1) / 4 over the confirmed activities, so a 5 counts 1 and a 1 counts 0.</summary>
    decimal RatingPoints,
    int ActivitiesWithLeader,
    int TasksDue,
    int TasksConfirmed,
    int TasksOverdue,
    int Inspections,
    decimal InspectionScoreSum,
    int DisputedActivities,
    int MissedJointMeetings,
    DateOnly? LastConfirmedActivity,
    /// <summary>Sum over the pairings of the months each was in force; null when every pairing was in force all <see cref="MonthsInPeriod"/>.</summary>
    int? ExposedPairingMonths = null)
{
    /// <summary>Pairing-months in which confirmed work is expected (篇5: monthly): the exposure from each pairing's history.</summary>
    public int ExpectedPairingMonths => ExposedPairingMonths ?? ActivePairings * MonthsInPeriod;

    /// <summary>Units with no month of exposure are listed apart, not ranked.</summary>
    public bool IsExposed => ExpectedPairingMonths > 0;
}

public enum Component
{
    [System.ComponentModel.DataAnnotations.Display(Name = "Regularity")]
    Regularity = 1,
    [System.ComponentModel.DataAnnotations.Display(Name = "Effort")]
    Effort = 2,
    [System.ComponentModel.DataAnnotations.Display(Name = "Task completion")]
    Tasks = 3,
    [System.ComponentModel.DataAnnotations.Display(Name = "Satisfaction")]
    Satisfaction = 4,
    [System.ComponentModel.DataAnnotations.Display(Name = "Leader attendance")]
    Leadership = 5,
    [System.ComponentModel.DataAnnotations.Display(Name = "Inspection")]
    Inspection = 6,
}

/// <summary>One component: the share of it earned (0–1), its points, and whether it applied at all.</summary>
public sealed record ComponentScore(Component Component, int Weight, decimal Share, decimal Points, bool Applies);

public enum Grade
{
    [System.ComponentModel.DataAnnotations.Display(Name = "Fail")]
    Fail = 1,
    [System.ComponentModel.DataAnnotations.Display(Name = "Pass")]
    Pass = 2,
    [System.ComponentModel.DataAnnotations.Display(Name = "Good")]
    Good = 3,
    [System.ComponentModel.DataAnnotations.Display(Name = "Excellent")]
    Excellent = 4,
}

/// <summary>A reason shown beside a laggard, or an action that would raise the score: an English sentence and its figures.</summary>
public sealed record Finding(string Text, params object[] Arguments);

public sealed record UnitScore(UnitFacts Facts, decimal Score, Grade Grade, int? Rank, IReadOnlyList<ComponentScore> Components, decimal Penalty,
    IReadOnlyList<Finding> Reasons)
{
    /// <summary>Units without a month of exposure in the period are listed apart, not ranked.</summary>
    public bool IsRanked => Rank is not null;
}

/// <summary>
/// The scoring service of domain.md: a pure function from one period's per-unit facts and rules to a
/// score 0–100, a grade, a rank and a breakdown whose every figure comes from the facts.
/// </summary>
public static class UnitScoring
{
    public static IReadOnlyList<UnitScore> ScoreAll(IEnumerable<UnitFacts> units, ScoringRules rules)
    {
        var scored = units.Select(u => Score(u, rules)).ToList();
        // Competition ranking: equal scores share a rank, the next rank skips (1, 2, 2, 4).
        var ranked = scored.Where(s => s.Facts.IsExposed).OrderByDescending(s => s.Score).ThenBy(s => s.Facts.UnitName, StringComparer.Ordinal).ToList();
        var result = new List<UnitScore>(scored.Count);
        for (var i = 0; i < ranked.Count; i++)
        {
            var rank = i > 0 && ranked[i].Score == ranked[i - 1].Score ? result[i - 1].Rank : i + 1;
            result.Add(ranked[i] with { Rank = rank });
        }
        result.AddRange(scored.Where(s => !s.Facts.IsExposed).OrderBy(s => s.Facts.UnitName, StringComparer.Ordinal));
        return result;
    }

    public static UnitScore Score(UnitFacts f, ScoringRules rules)
    {
        var expectedMonths = f.ExpectedPairingMonths;
        var components = new List<ComponentScore>
        {
            Part(Component.Regularity, rules.RegularityWeight, expectedMonths > 0, Ratio(f.PairingMonthsWithActivity, expectedMonths)),
            // Hours per staff member against a target: a 20-person office and a 2,000-person bank on their own rulers.
            Part(Component.Effort, rules.EffortWeight, f.StaffCount > 0 && f.MonthsInPeriod > 0,
                f.StaffCount > 0 && f.MonthsInPeriod > 0 ? Math.Min(1m, f.ConfirmedPersonHours / f.StaffCount / (rules.EffortTargetHoursPerStaff * f.MonthsInPeriod / 12m)) : 0),
            Part(Component.Tasks, rules.TasksWeight, f.TasksDue > 0, Ratio(f.TasksConfirmed, f.TasksDue)),
            // Ratings summed against the activities expected (one a month a pairing), so a further activity never lowers it.
            Part(Component.Satisfaction, rules.SatisfactionWeight, expectedMonths > 0, Ratio(f.RatingPoints, expectedMonths)),
            // Leader attendance against the activities expected: an activity without the leader lowers nothing, one with the leader adds.
            Part(Component.Leadership, rules.LeadershipWeight, expectedMonths > 0, Ratio(f.ActivitiesWithLeader, expectedMonths)),
            Part(Component.Inspection, rules.InspectionWeight, f.Inspections > 0, f.Inspections > 0 ? f.InspectionScoreSum / f.Inspections / 100m : 0),
        };
        // Components that cannot apply (no tasks were due, no inspection took place) leave the others to carry the 100.
        var applicableWeight = components.Where(c => c.Applies).Sum(c => c.Weight);
        var earned = components.Where(c => c.Applies).Sum(c => c.Weight * c.Share);
        var baseScore = applicableWeight == 0 ? 0 : earned * 100m / applicableWeight;
        var penalty = f.DisputedActivities * rules.PenaltyPerDisputedActivity + f.MissedJointMeetings * rules.PenaltyPerMissedJointMeeting;
        // 四舍五入: a public ranking rounds halves up.
        var score = Math.Round(Math.Clamp(baseScore - penalty, 0, 100), 1, MidpointRounding.AwayFromZero);
        var scaled = components.Select(c => c with { Points = applicableWeight == 0 || !c.Applies ? 0 : Math.Round(c.Weight * c.Share * 100m / applicableWeight, 1, MidpointRounding.AwayFromZero) }).ToList();
        return new UnitScore(f, score, GradeOf(score, rules), null, scaled, penalty, Reasons(f));
    }

    public static Grade GradeOf(decimal score, ScoringRules rules) =>
        score >= rules.ExcellentFrom ? Grade.Excellent
        : rules.GoodFrom is { } good && score >= good ? Grade.Good
        : score >= rules.PassFrom ? Grade.Pass
        : Grade.Fail;

    /// <summary>The concrete reasons a report names for a weak unit (篇1 names its laggards and why).</summary>
    public static IReadOnlyList<Finding> Reasons(UnitFacts f)
    {
        var reasons = new List<Finding>();
        if (f.IsExposed && f.ConfirmedActivities == 0)
        {
            reasons.Add(f.LastConfirmedActivity is { } last
                ? new Finding("No confirmed activity since {0}.", last)
                : new Finding("No confirmed activity at all."));
        }
        var idleMonths = f.ExpectedPairingMonths - f.PairingMonthsWithActivity;
        if (f.ConfirmedActivities > 0 && idleMonths > 0)
        {
            reasons.Add(new Finding("{0} pairing-month(s) without a confirmed activity.", idleMonths));
        }
        if (f.TasksOverdue > 0)
        {
            reasons.Add(new Finding("{0} task(s) overdue.", f.TasksOverdue));
        }
        if (f.DisputedActivities > 0)
        {
            reasons.Add(new Finding("{0} activity report(s) disputed by the community.", f.DisputedActivities));
        }
        if (f.MissedJointMeetings > 0)
        {
            reasons.Add(new Finding("{0} joint meeting(s) missed.", f.MissedJointMeetings));
        }
        return reasons;
    }

    private static ComponentScore Part(Component component, int weight, bool applies, decimal share) =>
        new(component, weight, applies ? Math.Clamp(share, 0, 1) : 0, 0, applies);

    private static decimal Ratio(decimal part, decimal whole) => whole <= 0 ? 0 : part / whole;
}
