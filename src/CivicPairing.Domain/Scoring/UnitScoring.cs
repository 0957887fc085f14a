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
    int? ExposedPairingMonths = null,
    /// <summary>The secretaries' comments on the unit's lowest-rated confirmed activities (rated 3 or less), lowest first, at most two.</summary>
    IReadOnlyList<RatedComment>? LowestRatedComments = null,
    /// <summary>The score of each inspection of the unit's pairings in the period.</summary>
    IReadOnlyList<int>? InspectionScores = null,
    /// <summary>Inspections of the period whose rectification deadline has passed without the shortcomings put right.</summary>
    int RectificationsOverdue = 0,
    /// <summary>Visits committed by filed agreements (篇5) in months that ended in the period, less the confirmed 走访慰问 made.</summary>
    int MissedVisits = 0,
    /// <summary>Coordination meetings committed (篇6) in quarters that ended in the period, less the confirmed meetings held.</summary>
    int MissedCoordinationMeetings = 0,
    /// <summary>
    /// The unit's in-service party members (在职党员) the members' service target scales with: the party members it declares in
    /// the registry, or the members its liaison registered and still in post if more.
    /// </summary>
    int PartyMembers = 0,
    /// <summary>The confirmed service hours of the unit's members in the period, in the communities they reported to (篇6).</summary>
    decimal MemberServiceHours = 0)
{
    /// <summary>Pairing-months in which confirmed work is expected (篇5: monthly): the exposure from each pairing's history.</summary>
    public int ExpectedPairingMonths => ExposedPairingMonths ?? ActivePairings * MonthsInPeriod;

    /// <summary>Units with no month of exposure are listed apart, not ranked.</summary>
    public bool IsExposed => ExpectedPairingMonths > 0;

    /// <summary>The mean rating (1–5) of the confirmed activities, from <see cref="RatingPoints"/>; null without one.</summary>
    public decimal? MeanRating => ConfirmedActivities > 0 ? 1 + 4 * RatingPoints / ConfirmedActivities : null;

    /// <summary>Confirmed person-hours per staff member; null without a staff count.</summary>
    public decimal? HoursPerStaff => StaffCount > 0 ? ConfirmedPersonHours / StaffCount : null;
}

/// <summary>A community secretary's comment on a confirmed activity, with the rating it came with.</summary>
public sealed record RatedComment(int Rating, string Comment, DateOnly Date);

/// <summary>What the laggard rule needs of a unit's line, live (<see cref="UnitScore"/>) or published.</summary>
public interface IRankedUnit
{
    UnitFacts Facts { get; }
    decimal Score { get; }
    Grade Grade { get; }
    int? Rank { get; }
}

/// <summary>
/// 后进单位 (篇1 "对一些后进单位公开暴光"), the one rule for the provisional ranking, the published report, print and
/// Excel: the ranked units graded 不合格 that had at least <see cref="ScoringRules.MinExposureMonthsForLaggard"/>
/// pairing-months of exposure, lowest score first. The office may cap the list when it publishes; units tied with the
/// last one inside the cap are named too, since nothing tells them apart.
/// </summary>
public static class Laggards
{
    public static bool IsLaggard(IRankedUnit unit, ScoringRules rules) =>
        unit.Rank is not null && unit.Grade == Grade.Fail && unit.Facts.ExpectedPairingMonths >= rules.MinExposureMonthsForLaggard;

    public static IReadOnlyList<T> Of<T>(IEnumerable<T> units, ScoringRules rules, int? cap = null) where T : IRankedUnit
    {
        var all = units.Where(u => IsLaggard(u, rules))
            .OrderBy(u => u.Score).ThenBy(u => u.Facts.UnitName, StringComparer.Ordinal).ToList();
        if (cap is not { } n || all.Count <= n)
        {
            return all;
        }
        if (n <= 0)
        {
            return [];
        }
        var edge = all[n - 1].Score;
        return [.. all.TakeWhile((u, i) => i < n || u.Score == edge)];
    }
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
    /// <summary>在职党员服务: in play only when the period's rules give it a weight (<see cref="ScoringRules.Components"/>).</summary>
    [System.ComponentModel.DataAnnotations.Display(Name = "Members' service")]
    MemberService = 7,
}

/// <summary>
/// One component: the share of it earned (0–1), its points, and whether it applied at all. <see cref="Weight"/> is the
/// nominal weight of the rules; <see cref="EffectiveWeight"/> what it is worth for this unit once the weight of the
/// components that do not apply is shared out (rounded like the points, so the points never exceed it).
/// </summary>
public sealed record ComponentScore(Component Component, int Weight, decimal Share, decimal Points, bool Applies, decimal EffectiveWeight = 0);

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

/// <summary>Which records show the facts behind a reason (the drill-down's links).</summary>
public enum FindingRecords
{
    None = 0,
    ConfirmedActivities = 1,
    DisputedActivities = 2,
    Tasks = 3,
    Inspections = 4,
}

/// <summary>A reason shown beside a laggard, or an action that would raise the score: an English sentence and its figures.</summary>
public sealed record Finding(string Text, params object[] Arguments)
{
    public FindingRecords Records { get; init; }
}

public sealed record UnitScore(UnitFacts Facts, decimal Score, Grade Grade, int? Rank, IReadOnlyList<ComponentScore> Components, decimal Penalty,
    IReadOnlyList<Finding> Reasons) : IRankedUnit
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
        if (rules.MemberServiceWeight > 0)
        {
            // Members' confirmed service hours per member in post against a target, like effort per member of staff; a unit
            // with no party member declared or registered leaves the weight to the others, as a period without a task due does.
            var applies = f.PartyMembers > 0 && f.MonthsInPeriod > 0;
            components.Add(Part(Component.MemberService, rules.MemberServiceWeight, applies,
                applies ? Math.Min(1m, f.MemberServiceHours / f.PartyMembers / (rules.MemberServiceTargetHoursPerMember * f.MonthsInPeriod / 12m)) : 0));
        }
        // Components that cannot apply (no tasks were due, no inspection took place) leave the others to carry the 100.
        var applicableWeight = components.Where(c => c.Applies).Sum(c => c.Weight);
        var earned = components.Where(c => c.Applies).Sum(c => c.Weight * c.Share);
        var baseScore = applicableWeight == 0 ? 0 : earned * 100m / applicableWeight;
        var penalty = f.DisputedActivities * rules.PenaltyPerDisputedActivity + f.MissedJointMeetings * rules.PenaltyPerMissedJointMeeting
            + f.MissedVisits * rules.PenaltyPerMissedVisit + f.MissedCoordinationMeetings * rules.PenaltyPerMissedCoordinationMeeting;
        // 四舍五入: a public ranking rounds halves up.
        var score = Math.Round(Math.Clamp(baseScore - penalty, 0, 100), 1, MidpointRounding.AwayFromZero);
        var effective = EffectiveWeights(rules, [.. components.Select(c => c.Applies)]);
        var scaled = components.Select((c, i) => c with
        {
            Points = applicableWeight == 0 || !c.Applies ? 0 : Math.Round(c.Weight * c.Share * 100m / applicableWeight, 1, MidpointRounding.AwayFromZero),
            EffectiveWeight = effective[i],
        }).ToList();
        return new UnitScore(f, score, GradeOf(score, rules), null, scaled, penalty, Reasons(f, rules));
    }

    /// <summary>
    /// What each component is worth for a unit: its weight × 100 / the weight of the components that apply, rounded
    /// to 0.1 like the points (0 when it does not apply). <paramref name="applies"/> is in the order of
    /// <see cref="ScoringRules.Components"/>; a published snapshot's rules and applies give back the figures shown when it was published.
    /// </summary>
    public static decimal[] EffectiveWeights(ScoringRules rules, IReadOnlyList<bool> applies)
    {
        var components = rules.Components;
        var applicable = components.Where((c, i) => i < applies.Count && applies[i]).Sum(rules.WeightOf);
        return [.. components.Select((c, i) => applicable == 0 || i >= applies.Count || !applies[i] ? 0m
            : Math.Round(rules.WeightOf(c) * 100m / applicable, 1, MidpointRounding.AwayFromZero))];
    }

    public static Grade GradeOf(decimal score, ScoringRules rules) =>
        score >= rules.ExcellentFrom ? Grade.Excellent
        : rules.GoodFrom is { } good && score >= good ? Grade.Good
        : score >= rules.PassFrom ? Grade.Pass
        : Grade.Fail;

    /// <summary>The concrete reasons a report names for a weak unit (篇1 names its laggards and why), with the default rules.</summary>
    public static IReadOnlyList<Finding> Reasons(UnitFacts f) => Reasons(f, ScoringRules.Default);

    /// <summary>
    /// The concrete reasons a report names for a weak unit (篇1 names its laggards and why), each with its figures. The
    /// scorecard's advice is this same list: each reason is what would raise the score.
    /// </summary>
    public static IReadOnlyList<Finding> Reasons(UnitFacts f, ScoringRules rules)
    {
        var reasons = new List<Finding>();
        if (f.IsExposed && f.ConfirmedActivities == 0)
        {
            reasons.Add((f.LastConfirmedActivity is { } last
                ? new Finding("No confirmed activity since {0}.", last)
                : new Finding("No confirmed activity at all.")) with { Records = FindingRecords.ConfirmedActivities });
        }
        var idleMonths = f.ExpectedPairingMonths - f.PairingMonthsWithActivity;
        if (f.ConfirmedActivities > 0 && idleMonths > 0)
        {
            reasons.Add(new Finding("{0} pairing-month(s) without a confirmed activity.", idleMonths) { Records = FindingRecords.ConfirmedActivities });
        }
        // 出工不出力: work confirmed, but far less of it per staff member than the target asks.
        if (f.ConfirmedActivities > 0 && f.HoursPerStaff is { } perStaff && f.MonthsInPeriod > 0)
        {
            var target = rules.EffortTargetHoursPerStaff * f.MonthsInPeriod / 12m;
            if (perStaff < target * rules.FarBelowEffortShare)
            {
                reasons.Add(new Finding("{0} hours of confirmed work per staff member against a target of {1}.", Figure(perStaff, 2), Figure(target, 2))
                    { Records = FindingRecords.ConfirmedActivities });
            }
        }
        // 篇1: the residents' satisfaction is the highest standard; the secretaries' own words say why.
        if (f.MeanRating is { } mean && mean < rules.LowSatisfactionRating)
        {
            var comments = (f.LowestRatedComments ?? []).Take(2).Select(c => $"“{Shorten(c.Comment)}”").ToList();
            reasons.Add((comments.Count > 0
                ? new Finding("Mean satisfaction rating {0} of 5 over {1} confirmed activities; the community wrote: {2}", Figure(mean, 1), f.ConfirmedActivities, string.Join(" ", comments))
                : new Finding("Mean satisfaction rating {0} of 5 over {1} confirmed activities.", Figure(mean, 1), f.ConfirmedActivities))
                with { Records = FindingRecords.ConfirmedActivities });
        }
        // 篇1: 单位一把手要亲自参与共建活动.
        if (f.ConfirmedActivities > 0 && f.ActivitiesWithLeader == 0)
        {
            reasons.Add(new Finding("The unit's leader took part in none of its {0} confirmed activities.", f.ConfirmedActivities) { Records = FindingRecords.ConfirmedActivities });
        }
        if (f.TasksOverdue > 0)
        {
            reasons.Add(new Finding("{0} task(s) overdue.", f.TasksOverdue) { Records = FindingRecords.Tasks });
        }
        if (f.DisputedActivities > 0)
        {
            reasons.Add(new Finding("{0} activity report(s) disputed by the community.", f.DisputedActivities) { Records = FindingRecords.DisputedActivities });
        }
        // The agreement's contact commitments (篇5 monthly visits, 篇6 quarterly coordination meetings, 篇11 half-yearly joint meetings).
        if (f.MissedVisits > 0)
        {
            reasons.Add(new Finding("{0} committed visit(s) not made.", f.MissedVisits));
        }
        if (f.MissedCoordinationMeetings > 0)
        {
            reasons.Add(new Finding("{0} quarterly coordination meeting(s) not held.", f.MissedCoordinationMeetings));
        }
        if (f.MissedJointMeetings > 0)
        {
            reasons.Add(new Finding("{0} joint meeting(s) missed.", f.MissedJointMeetings));
        }
        var failed = (f.InspectionScores ?? []).Where(x => x < rules.InspectionPassScore).ToList();
        if (failed.Count > 0)
        {
            reasons.Add(new Finding("{0} inspection(s) scored below the pass line of {1} (lowest {2}).", failed.Count, rules.InspectionPassScore, failed.Min())
                { Records = FindingRecords.Inspections });
        }
        if (f.RectificationsOverdue > 0)
        {
            reasons.Add(new Finding("{0} inspection rectification(s) overdue.", f.RectificationsOverdue) { Records = FindingRecords.Inspections });
        }
        return reasons;
    }

    /// <summary>A figure rounded half up and without trailing zeros (0.05, 3, 2.5).</summary>
    private static decimal Figure(decimal value, int decimals) =>
        Math.Round(value, decimals, MidpointRounding.AwayFromZero) / 1.000000000000000000000000000m;

    private static string Shorten(string comment) => comment.Length <= 60 ? comment : comment[..59] + "…";

    private static ComponentScore Part(Component component, int weight, bool applies, decimal share) =>
        new(component, weight, applies ? Math.Clamp(share, 0, 1) : 0, 0, applies);

    private static decimal Ratio(decimal part, decimal whole) => whole <= 0 ? 0 : part / whole;
}
