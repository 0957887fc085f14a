using CivicPairing.Domain;
using CivicPairing.Domain.Scoring;

namespace CivicPairing.UnitTests.Domain;

/// <summary>
/// The scoring service on small cases worked out by hand: each expectation is computed in the comment above it
/// from the default rules (weights 20 regularity, 15 effort, 20 tasks, 25 satisfaction, 10 leadership, 10 inspection;
/// 4 hours per staff member a year; 2 points per disputed activity, 3 per missed joint meeting; pass 60, excellent 80).
/// The period is 2017 (12 months) unless a case says otherwise.
/// </summary>
public sealed class UnitScoringExamples
{
    private static readonly ScoringRules Rules = ScoringRules.Default;
    private static readonly Component[] InOrder =
        [Component.Regularity, Component.Effort, Component.Tasks, Component.Satisfaction, Component.Leadership, Component.Inspection];

    // ---------------------------------------------------------------- whole scores

    [Fact]
    public void ScoresAHundredGivenEveryComponentFullAndNoPenalty()
    {
        // 1 pairing × 12 months, active in all 12; 12 activities all rated 5 (12 × 1 = 12 rating points) with the leader;
        // 160 person-hours / 40 staff = 4 h each = the target; 4 of 4 tasks; inspections 100 + 100 → 100 %.
        // Every share is 1, so the points are the weights: 20 + 15 + 20 + 25 + 10 + 10 = 100.
        var score = UnitScoring.Score(Model(), Rules);

        Assert.Equal(100m, score.Score);
        Assert.Equal(Grade.Excellent, score.Grade);
        Assert.Equal(0m, score.Penalty);
        Assert.Null(score.Rank);
        Assert.Equal(InOrder, score.Components.Select(c => c.Component));
        Assert.Equal([20, 15, 20, 25, 10, 10], score.Components.Select(c => c.Weight));
        Assert.All(score.Components, c => Assert.True(c.Applies));
        Assert.All(score.Components, c => Assert.Equal(1m, c.Share));
        Assert.Equal([20m, 15m, 20m, 25m, 10m, 10m], score.Components.Select(c => c.Points));
        Assert.Empty(score.Reasons);
    }

    [Fact]
    public void ScoresFiftyGivenHalfOfEverything()
    {
        // Regularity: 6 of 12 pairing-months → 0.5 → 20 × 0.5 = 10.
        // Effort: 80 person-hours / 40 staff = 2 h against 4 → 0.5 → 15 × 0.5 = 7.5.
        // Tasks: 2 of 4 → 0.5 → 10.
        // Satisfaction: 12 activities rated 3 → 12 × (3 − 1) / 4 = 6 points against 12 expected → 0.5 → 12.5.
        // Leadership: 6 with the leader against 12 expected → 0.5 → 5.
        // Inspection: (40 + 60) / 2 = 50 % → 5.
        // Total 10 + 7.5 + 10 + 12.5 + 5 + 5 = 50 → Fail (below 60).
        var score = UnitScoring.Score(Half(), Rules);

        Assert.Equal(50m, score.Score);
        Assert.Equal(Grade.Fail, score.Grade);
        Assert.Equal(0m, score.Penalty);
        Assert.All(score.Components, c => Assert.Equal(0.5m, c.Share));
        Assert.Equal([10m, 7.5m, 10m, 12.5m, 5m, 5m], score.Components.Select(c => c.Points));
        AssertReasons(score,
            ("{0} pairing-month(s) without a confirmed activity.", [6]),
            ("{0} task(s) overdue.", [2]));
    }

    [Fact]
    public void RescalesTheRemainingWeightsToAHundredGivenNoTaskDueAndNoInspection()
    {
        // Tasks (20) and inspection (10) do not apply, so the other 70 points carry the 100.
        // Regularity 12/12 → 1:       20 × 1    = 20    → 20    × 100 / 70 = 28.571… → 28.6
        // Effort 60 h / 30 staff = 2 h against 4 → 0.5:
        //                             15 × 0.5  = 7.5   → 7.5   × 100 / 70 = 10.714… → 10.7
        // Satisfaction 9 points / 12 → 0.75:
        //                             25 × 0.75 = 18.75 → 18.75 × 100 / 70 = 26.785… → 26.8
        // Leadership 3 / 12 → 0.25:   10 × 0.25 = 2.5   → 2.5   × 100 / 70 = 3.571…  → 3.6
        // Total (20 + 7.5 + 18.75 + 2.5) × 100 / 70 = 48.75 × 100 / 70 = 69.642… → 69.6 → Pass.
        // (The rounded parts add up to 69.7: each part and the total are rounded on their own.)
        var facts = Model() with
        {
            StaffCount = 30,
            ConfirmedPersonHours = 60m,
            RatingPoints = 9m,
            ActivitiesWithLeader = 3,
            TasksDue = 0,
            TasksConfirmed = 0,
            Inspections = 0,
            InspectionScoreSum = 0m,
        };

        var score = UnitScoring.Score(facts, Rules);

        Assert.Equal(69.6m, score.Score);
        Assert.Equal(Grade.Pass, score.Grade);
        Assert.Equal([true, true, false, true, true, false], score.Components.Select(c => c.Applies));
        Assert.Equal([1m, 0.5m, 0m, 0.75m, 0.25m, 0m], score.Components.Select(c => c.Share));
        Assert.Equal([28.6m, 10.7m, 0m, 26.8m, 3.6m, 0m], score.Components.Select(c => c.Points));
        Assert.Equal([20, 15, 20, 25, 10, 10], score.Components.Select(c => c.Weight));
    }

    [Fact]
    public void ScoresAHundredGivenEveryApplicableComponentFullAndTheRestNotApplicable()
    {
        // Only regularity, effort, satisfaction and leadership apply (70 points), all full: 70 × 100 / 70 = 100.
        // Points 20 × 100 / 70 = 28.6, 15 × 100 / 70 = 21.4, 25 × 100 / 70 = 35.7, 10 × 100 / 70 = 14.3.
        var facts = Model() with { TasksDue = 0, TasksConfirmed = 0, Inspections = 0, InspectionScoreSum = 0m };

        var score = UnitScoring.Score(facts, Rules);

        Assert.Equal(100m, score.Score);
        Assert.Equal([28.6m, 21.4m, 0m, 35.7m, 14.3m, 0m], score.Components.Select(c => c.Points));
    }

    // ---------------------------------------------------------------- effort

    [Fact]
    public void ScoresTheSameEffortForASmallOfficeAndALargeBankWithTheSameHoursPerStaff()
    {
        // Office: 40 person-hours / 20 staff = 2 h; bank: 4,000 person-hours / 2,000 staff = 2 h; both 2 / 4 = 0.5.
        // Effort 15 × 0.5 = 7.5; every other component full: 85 + 7.5 = 92.5 → Excellent, for both.
        var office = UnitScoring.Score(Model() with { StaffCount = 20, ConfirmedPersonHours = 40m }, Rules);
        var bank = UnitScoring.Score(Model() with { StaffCount = 2000, ConfirmedPersonHours = 4000m }, Rules);

        Assert.Equal(0.5m, office.Components[1].Share);
        Assert.Equal(0.5m, bank.Components[1].Share);
        Assert.Equal(7.5m, office.Components[1].Points);
        Assert.Equal(7.5m, bank.Components[1].Points);
        Assert.Equal(92.5m, office.Score);
        Assert.Equal(92.5m, bank.Score);
    }

    [Fact]
    public void ScoresTheBankLowerEffortGivenOnlyTheOfficesHours()
    {
        // Bank with the office's 40 person-hours: 40 / 2,000 = 0.02 h against 4 → 0.005 → 15 × 0.005 = 0.075 → 0.1;
        // total 85 + 0.075 = 85.075 → 85.1.
        var bank = UnitScoring.Score(Model() with { StaffCount = 2000, ConfirmedPersonHours = 40m }, Rules);

        Assert.Equal(0.005m, bank.Components[1].Share);
        Assert.Equal(0.1m, bank.Components[1].Points);
        Assert.Equal(85.1m, bank.Score);
    }

    [Fact]
    public void ScalesTheEffortTargetToTheMonthsOfTheQuarter()
    {
        // A quarter: the target is 4 × 3 / 12 = 1 h per staff member. 40 staff:
        // 40 person-hours → 1 h → full effort → 100; 20 person-hours → 0.5 h → 0.5 → 85 + 7.5 = 92.5.
        var quarter = Model() with
        {
            MonthsInPeriod = 3,
            PairingMonthsWithActivity = 3,
            ConfirmedActivities = 3,
            RatingPoints = 3m,
            ActivitiesWithLeader = 3,
            ConfirmedPersonHours = 40m,
        };

        var full = UnitScoring.Score(quarter, Rules);
        var half = UnitScoring.Score(quarter with { ConfirmedPersonHours = 20m }, Rules);

        Assert.Equal(100m, full.Score);
        Assert.Equal(1m, full.Components[1].Share);
        Assert.Equal(92.5m, half.Score);
        Assert.Equal(0.5m, half.Components[1].Share);
    }

    [Fact]
    public void CapsEffortAtItsWeightGivenMoreHoursThanTheTarget()
    {
        // 1,000 person-hours / 40 staff = 25 h against 4: the share stops at 1, the points at 15.
        var score = UnitScoring.Score(Model() with { ConfirmedPersonHours = 1000m }, Rules);

        Assert.Equal(1m, score.Components[1].Share);
        Assert.Equal(15m, score.Components[1].Points);
        Assert.Equal(100m, score.Score);
    }

    [Fact]
    public void LeavesEffortOutGivenNoStaffCount()
    {
        // No staff on record: effort (15) does not apply; everything else full → 85 × 100 / 85 = 100.
        var score = UnitScoring.Score(Model() with { StaffCount = 0 }, Rules);

        Assert.False(score.Components[1].Applies);
        Assert.Equal(0m, score.Components[1].Points);
        Assert.Equal(100m, score.Score);
    }

    // ---------------------------------------------------------------- penalties

    [Fact]
    public void SubtractsTwoPerDisputedActivityAndThreePerMissedJointMeeting()
    {
        // 3 disputed × 2 + 2 missed × 3 = 6 + 6 = 12; 100 − 12 = 88 → still Excellent. The components keep their points.
        var score = UnitScoring.Score(Model() with { DisputedActivities = 3, MissedJointMeetings = 2 }, Rules);

        Assert.Equal(12m, score.Penalty);
        Assert.Equal(88m, score.Score);
        Assert.Equal(Grade.Excellent, score.Grade);
        Assert.Equal([20m, 15m, 20m, 25m, 10m, 10m], score.Components.Select(c => c.Points));
        AssertReasons(score,
            ("{0} activity report(s) disputed by the community.", [3]),
            ("{0} joint meeting(s) missed.", [2]));
    }

    [Fact]
    public void SubtractsThePenaltiesThePeriodsRulesSet()
    {
        // 3 disputed × 0.5 + 2 missed × 5 = 1.5 + 10 = 11.5; 100 − 11.5 = 88.5.
        var rules = Rules with { PenaltyPerDisputedActivity = 0.5m, PenaltyPerMissedJointMeeting = 5m };

        var score = UnitScoring.Score(Model() with { DisputedActivities = 3, MissedJointMeetings = 2 }, rules);

        Assert.Equal(11.5m, score.Penalty);
        Assert.Equal(88.5m, score.Score);
    }

    [Fact]
    public void SubtractsOnePerCommittedVisitNotMadeAndTwoPerCoordinationMeetingNotHeld()
    {
        // 篇5/篇6/篇11: 5 visits not made × 1 + 2 coordination meetings not held × 2 + 1 joint meeting missed × 3
        // = 5 + 4 + 3 = 12; 100 − 12 = 88 → still Excellent. The components keep their points; each commitment is named.
        var score = UnitScoring.Score(Model() with { MissedVisits = 5, MissedCoordinationMeetings = 2, MissedJointMeetings = 1 }, Rules);

        Assert.Equal(12m, score.Penalty);
        Assert.Equal(88m, score.Score);
        Assert.Equal(Grade.Excellent, score.Grade);
        Assert.Equal([20m, 15m, 20m, 25m, 10m, 10m], score.Components.Select(c => c.Points));
        AssertReasons(score,
            ("{0} committed visit(s) not made.", [5]),
            ("{0} quarterly coordination meeting(s) not held.", [2]),
            ("{0} joint meeting(s) missed.", [1]));
    }

    [Fact]
    public void SubtractsTheCommitmentPenaltiesThePeriodsRulesSet()
    {
        // The half unit scores 50. 8 visits not made × 0.5 + 2 coordination meetings × 4 = 4 + 8 = 12 → 38.
        var rules = Rules with { PenaltyPerMissedVisit = 0.5m, PenaltyPerMissedCoordinationMeeting = 4m };

        var score = UnitScoring.Score(Half() with { MissedVisits = 8, MissedCoordinationMeetings = 2 }, rules);

        Assert.Equal(12m, score.Penalty);
        Assert.Equal(38m, score.Score);
        Assert.Equal(Grade.Fail, score.Grade);
        Assert.Contains(score.Reasons, r => r.Text == "{0} committed visit(s) not made." && r.Arguments.SequenceEqual([(object)8]));
    }

    [Theory]
    [InlineData("-1", "2")]
    [InlineData("1", "-0.5")]
    public void RefusesNegativeCommitmentPenalties(string perVisit, string perCoordination)
    {
        var rules = ScoringRules.Default with { PenaltyPerMissedVisit = Dec(perVisit), PenaltyPerMissedCoordinationMeeting = Dec(perCoordination) };

        var problem = Assert.Single(rules.Problems());

        Assert.Equal("Penalties cannot be negative.", problem.Message);
    }

    [Theory]
    // The half unit scores 50 before penalties.
    [InlineData(0, 0, 0, 50)]   // nothing to subtract
    [InlineData(5, 0, 10, 40)]  // 5 × 2 = 10 → 40
    [InlineData(0, 5, 15, 35)]  // 5 × 3 = 15 → 35
    [InlineData(10, 10, 50, 0)] // 20 + 30 = 50 → exactly 0
    [InlineData(10, 11, 53, 0)] // 20 + 33 = 53 → −3, held at 0
    [InlineData(40, 0, 80, 0)]  // 80 → −30, held at 0
    public void SubtractsPenaltiesButNeverGoesBelowZero(int disputed, int missed, int penalty, int expected)
    {
        var score = UnitScoring.Score(Half() with { DisputedActivities = disputed, MissedJointMeetings = missed }, Rules);

        Assert.Equal((decimal)penalty, score.Penalty);
        Assert.Equal((decimal)expected, score.Score);
        Assert.Equal([10m, 7.5m, 10m, 12.5m, 5m, 5m], score.Components.Select(c => c.Points));
    }

    // ---------------------------------------------------------------- grades and rounding

    public static TheoryData<decimal, Grade> DefaultGrades => new()
    {
        { 0m, Grade.Fail },
        { 59.9m, Grade.Fail },
        { 60m, Grade.Pass },
        { 79.9m, Grade.Pass },
        { 80m, Grade.Excellent },
        { 100m, Grade.Excellent },
    };

    public static TheoryData<decimal, Grade> GradesWithGood => new()
    {
        { 59.9m, Grade.Fail },
        { 60m, Grade.Pass },
        { 69.9m, Grade.Pass },
        { 70m, Grade.Good },
        { 79.9m, Grade.Good },
        { 80m, Grade.Excellent },
    };

    [Theory]
    [MemberData(nameof(DefaultGrades))]
    public void GradesAtTheDefaultThresholds(decimal score, Grade grade)
    {
        Assert.Equal(grade, UnitScoring.GradeOf(score, Rules));
    }

    [Theory]
    [MemberData(nameof(GradesWithGood))]
    public void GradesGoodFromItsThresholdGivenRulesThatSetOne(decimal score, Grade grade)
    {
        Assert.Equal(grade, UnitScoring.GradeOf(score, Rules with { GoodFrom = 70m }));
    }

    [Fact]
    public void RoundsTheScoreAndEachComponentToOneDecimal()
    {
        // Tasks 1 of 3: 20 × 1/3 = 6.666… → 6.7 points; total 80 + 6.666… = 86.666… → 86.7.
        var score = UnitScoring.Score(Model() with { TasksDue = 3, TasksConfirmed = 1, TasksOverdue = 2 }, Rules);

        Assert.Equal(86.7m, score.Score);
        Assert.Equal(6.7m, score.Components[2].Points);
    }

    [Theory]
    // 100 − 20.04 = 79.96 → 80.0 → Excellent; 100 − 20.06 = 79.94 → 79.9 → Pass;
    // 100 − 40.03 = 59.97 → 60.0 → Pass;       100 − 40.06 = 59.94 → 59.9 → Fail.
    [InlineData("20.04", "80.0", Grade.Excellent)]
    [InlineData("20.06", "79.9", Grade.Pass)]
    [InlineData("40.03", "60.0", Grade.Pass)]
    [InlineData("40.06", "59.9", Grade.Fail)]
    public void GradesTheRoundedScoreThatIsShown(string penalty, string shown, Grade grade)
    {
        var rules = Rules with { PenaltyPerDisputedActivity = Dec(penalty) };

        var score = UnitScoring.Score(Model() with { DisputedActivities = 1 }, rules);

        Assert.Equal(Dec(shown), score.Score);
        Assert.Equal(grade, score.Grade);
    }

    // ---------------------------------------------------------------- 篇1: a community's laggards

    /// <summary>
    /// 篇1: among the units paired with one community, one came on a single Saturday, one never confirmed anything,
    /// one last came two years ago. They rank at the bottom, below the active units, each with its reasons.
    /// </summary>
    [Fact]
    public void RanksTheLaggardsOfACommunityBelowItsActiveUnits()
    {
        // 市税务局 100 (rank 1), 市图书馆 50 (2), one Saturday 11.2 (3), idle since 2015 9.1 (4), never 0 (5);
        // 市档案馆 has no pairing in force and is listed after them, unranked.
        var units = new[] { NeverConfirmed(), Half(), OneSaturday(), Unpaired(), IdleSince2015(), Model() };

        var scores = UnitScoring.ScoreAll(units, Rules);

        Assert.Equal(["市税务局", "市图书馆", "市电力公司", "市交通运输局", "市水务集团", "市档案馆"], scores.Select(s => s.Facts.UnitName));
        Assert.Equal([100m, 50m, 11.2m, 9.1m, 0m], scores.Take(5).Select(s => s.Score));
        Assert.Equal([1, 2, 3, 4, 5, null], scores.Select(s => s.Rank));
        Assert.All(scores.Skip(2).Take(3), s => Assert.Equal(Grade.Fail, s.Grade));
        Assert.DoesNotContain(scores.Take(2).SelectMany(s => s.Reasons), r => r.Text.StartsWith("No confirmed activity", StringComparison.Ordinal));
        Assert.Equal(
            ["{0} pairing-month(s) without a confirmed activity.", "No confirmed activity since {0}.", "No confirmed activity at all."],
            scores.Skip(2).Take(3).Select(s => s.Reasons[0].Text));
    }

    [Fact]
    public void NamesTheIdleMonthsAndOverdueTasksOfAUnitThatCameOneSaturday()
    {
        // 1 pairing × 12 months, one activity (2017-06-17): 10 of 30 staff for 4 h, rated 2, no leader; 0 of 2 tasks;
        // one inspection at 40.
        // Regularity 1/12 → 20/12 = 1.666… → 1.7
        // Effort 40 h / 30 staff = 1.333 h against 4 → 1/3 → 5.0
        // Tasks 0/2 → 0
        // Satisfaction (2 − 1)/4 = 0.25 point against 12 → 25 × 0.25 / 12 = 0.520… → 0.5
        // Leadership 0
        // Inspection 40 % → 4.0
        // Total 1.666… + 5 + 0.520… + 4 = 11.1875 → 11.2 → Fail; 12 − 1 = 11 pairing-months without an activity.
        // Mean rating 1 + 4 × 0.25 / 1 = 2 < 3 → low satisfaction (no comment among the facts); the leader at none of 1.
        // Effort 1.333 h is a third of the 4 h target, not under a quarter of it: no effort reason.
        var score = UnitScoring.Score(OneSaturday(), Rules);

        Assert.Equal(11.2m, score.Score);
        Assert.Equal(Grade.Fail, score.Grade);
        Assert.Equal([1.7m, 5m, 0m, 0.5m, 0m, 4m], score.Components.Select(c => c.Points));
        AssertReasons(score,
            ("{0} pairing-month(s) without a confirmed activity.", [11]),
            ("Mean satisfaction rating {0} of 5 over {1} confirmed activities.", [2m, 1]),
            ("The unit's leader took part in none of its {0} confirmed activities.", [1]),
            ("{0} task(s) overdue.", [2]));
    }

    [Fact]
    public void SaysAUnitThatNeverConfirmedAnActivityHasNoneAtAll()
    {
        // Nothing confirmed, 0 of 2 tasks, no inspection (applicable 90, earned 0 → 0); one missed meeting: 0 − 3 → held at 0.
        var score = UnitScoring.Score(NeverConfirmed(), Rules);

        Assert.Equal(0m, score.Score);
        Assert.Equal(3m, score.Penalty);
        AssertReasons(score,
            ("No confirmed activity at all.", []),
            ("{0} task(s) overdue.", [2]),
            ("{0} joint meeting(s) missed.", [1]));
    }

    [Fact]
    public void NamesTheLastConfirmedActivityOfAUnitIdleSinceLongAgo()
    {
        // Nothing confirmed in 2017 (last 2015-11-14); 1 of 2 tasks; no inspection → applicable 90, earned 20 × 0.5 = 10
        // → 10 × 100 / 90 = 11.111…; one disputed report: 11.111… − 2 = 9.111… → 9.1.
        var score = UnitScoring.Score(IdleSince2015(), Rules);

        Assert.Equal(9.1m, score.Score);
        Assert.Equal(2m, score.Penalty);
        AssertReasons(score,
            ("No confirmed activity since {0}.", [new DateOnly(2015, 11, 14)]),
            ("{0} task(s) overdue.", [1]),
            ("{0} activity report(s) disputed by the community.", [1]));
    }

    [Fact]
    public void GivesNoReasonsForAUnitWithoutAPairingInForce()
    {
        var score = UnitScoring.Score(Unpaired(), Rules);

        Assert.Empty(score.Reasons);
    }

    // ---------------------------------------------------------------- ScoreAll

    [Fact]
    public void RanksEqualScoresTogetherAndSkipsTheRanksTheyShare()
    {
        // Penalties of 2 per disputed report on the model unit: 5 → 90, 10 → 80, 15 → 70.
        // Delta 90, Alpha 80, Bravo 80, Charlie 70 → 1, 2, 2, 4; the tie is ordered by name whatever the input order.
        // Echo and Aardvark have no pairing in force: after the ranked units, by name, without a rank.
        var units = new[]
        {
            Named(Model() with { DisputedActivities = 15 }, 3, "Charlie"),
            Named(Unpaired(), 5, "Echo"),
            Named(Model() with { DisputedActivities = 10 }, 2, "Bravo"),
            Named(Model() with { DisputedActivities = 5 }, 4, "Delta"),
            Named(Unpaired(), 6, "Aardvark"),
            Named(Model() with { DisputedActivities = 10 }, 1, "Alpha"),
        };

        var scores = UnitScoring.ScoreAll(units, Rules);

        Assert.Equal(["Delta", "Alpha", "Bravo", "Charlie", "Aardvark", "Echo"], scores.Select(s => s.Facts.UnitName));
        Assert.Equal([90m, 80m, 80m, 70m], scores.Take(4).Select(s => s.Score));
        Assert.Equal([1, 2, 2, 4, null, null], scores.Select(s => s.Rank));
        Assert.Equal([true, true, true, true, false, false], scores.Select(s => s.IsRanked));
    }

    [Fact]
    public void ListsAHighScoringUnitWithoutAPairingApartFromTheRanking()
    {
        // The unpaired unit's own components (effort, tasks, inspection) are full and it scores 100, yet it is not ranked.
        var units = new[] { Unpaired() with { ConfirmedPersonHours = 400m }, Half() };

        var scores = UnitScoring.ScoreAll(units, Rules);

        Assert.Equal(["市图书馆", "市档案馆"], scores.Select(s => s.Facts.UnitName));
        Assert.Equal(100m, scores[1].Score);
        Assert.Equal([1, null], scores.Select(s => s.Rank));
        Assert.False(scores[1].IsRanked);
    }

    [Fact]
    public void ReturnsNothingGivenNoUnits()
    {
        Assert.Empty(UnitScoring.ScoreAll([], Rules));
    }

    // ---------------------------------------------------------------- rules

    [Fact]
    public void FindsNoProblemWithTheDefaultRules()
    {
        Assert.Equal(100, ScoringRules.Default.TotalWeight);
        Assert.Empty(ScoringRules.Default.Problems());
    }

    public static TheoryData<ScoringRules> AcceptableRules => new()
    {
        ScoringRules.Default with { GoodFrom = 70m },
        ScoringRules.Default with { PenaltyPerDisputedActivity = 0m, PenaltyPerMissedJointMeeting = 0m },
        ScoringRules.Default with { RegularityWeight = 0, SatisfactionWeight = 45 },
        ScoringRules.Default with { PassFrom = 0m, ExcellentFrom = 100m },
        ScoringRules.Default with { EffortTargetHoursPerStaff = 0.5m },
    };

    [Theory]
    [MemberData(nameof(AcceptableRules))]
    public void FindsNoProblemWithRulesThatMayBeUsed(ScoringRules rules)
    {
        Assert.Empty(rules.Problems());
    }

    [Theory]
    [InlineData(25, 15, 20, 25, 10, 10, 105)]
    [InlineData(20, 15, 20, 25, 10, 0, 90)]
    [InlineData(0, 0, 0, 0, 0, 0, 0)]
    [InlineData(20, 15, 20, 25, 10, 11, 101)]
    public void RefusesWeightsThatDoNotAddUpToAHundred(int regularity, int effort, int tasks, int satisfaction, int leadership, int inspection, int sum)
    {
        var rules = new ScoringRules(regularity, effort, tasks, satisfaction, leadership, inspection);

        var problem = Assert.Single(rules.Problems());

        Assert.Equal("The weights add up to {0}; they must add up to 100.", problem.Message);
        Assert.Equal([sum], problem.Arguments);
    }

    [Fact]
    public void RefusesANegativeWeightEvenWhenTheWeightsAddUpToAHundred()
    {
        // −5 + 40 + 20 + 25 + 10 + 10 = 100.
        var problem = Assert.Single((ScoringRules.Default with { RegularityWeight = -5, EffortWeight = 40 }).Problems());

        Assert.Equal("Weights cannot be negative.", problem.Message);
        Assert.Empty(problem.Arguments);
    }

    public static TheoryData<ScoringRules> ThresholdsOutOfOrder => new()
    {
        ScoringRules.Default with { PassFrom = 80m },                     // pass = excellent
        ScoringRules.Default with { PassFrom = 85m },                     // pass above excellent
        ScoringRules.Default with { GoodFrom = 55m },                     // good below pass
        ScoringRules.Default with { GoodFrom = 60m },                     // good = pass
        ScoringRules.Default with { GoodFrom = 80m },                     // good = excellent
        ScoringRules.Default with { GoodFrom = 85m },                     // good above excellent
        ScoringRules.Default with { PassFrom = -1m },                     // below 0
        ScoringRules.Default with { ExcellentFrom = 100.1m },             // above 100
        ScoringRules.Default with { PassFrom = 90m, GoodFrom = 70m },     // good below pass, pass above excellent
    };

    [Theory]
    [MemberData(nameof(ThresholdsOutOfOrder))]
    public void RefusesGradeThresholdsOutOfOrderOrOutsideZeroToAHundred(ScoringRules rules)
    {
        var problem = Assert.Single(rules.Problems());

        Assert.Equal("Grade thresholds must rise from pass to good to excellent, within 0 to 100.", problem.Message);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    public void RefusesAnEffortTargetOfZeroHoursOrLess(string hours)
    {
        var problem = Assert.Single((ScoringRules.Default with { EffortTargetHoursPerStaff = Dec(hours) }).Problems());

        Assert.Equal("The effort target must be from {0} to {1} hours per member of staff.", problem.Message);
    }

    /// <summary>The probe's rules: weights that wrap an int to 100, a penalty of 7.9e28, a target of 1e-28 hours.</summary>
    [Fact]
    public void RefusesRulesThatWouldOverflowTheScores()
    {
        var wrapping = ScoringRules.Default with
        {
            RegularityWeight = int.MaxValue, EffortWeight = int.MaxValue, TasksWeight = 2, SatisfactionWeight = 100, LeadershipWeight = 0, InspectionWeight = 0,
        };
        Assert.Equal(["A weight cannot be more than 100."], wrapping.Problems().Select(p => p.Message));

        var huge = ScoringRules.Default with { PenaltyPerDisputedActivity = 7.9e28m, EffortTargetHoursPerStaff = 1e-28m };
        Assert.Equal(
            ["The effort target must be from {0} to {1} hours per member of staff.", "A penalty cannot be more than {0} points."],
            huge.Problems().Select(p => p.Message));
        Assert.Empty((ScoringRules.Default with { PenaltyPerMissedVisit = 100m, EffortTargetHoursPerStaff = 0.1m }).Problems());
    }

    [Theory]
    [InlineData("-1", "3")]
    [InlineData("2", "-0.5")]
    [InlineData("-2", "-3")]
    public void RefusesNegativePenalties(string perDisputed, string perMissed)
    {
        var rules = ScoringRules.Default with { PenaltyPerDisputedActivity = Dec(perDisputed), PenaltyPerMissedJointMeeting = Dec(perMissed) };

        var problem = Assert.Single(rules.Problems());

        Assert.Equal("Penalties cannot be negative.", problem.Message);
    }

    [Fact]
    public void ReportsEveryProblemAtOnce()
    {
        // Weights −5 + 15 + 20 + 25 + 10 + 10 = 75.
        var rules = new ScoringRules(RegularityWeight: -5, EffortTargetHoursPerStaff: 0m, PenaltyPerMissedJointMeeting: -3m, PassFrom: 90m);

        var problems = rules.Problems();

        Assert.Equal(
            [
                "Weights cannot be negative.",
                "The weights add up to {0}; they must add up to 100.",
                "The effort target must be from {0} to {1} hours per member of staff.",
                "Penalties cannot be negative.",
                "Grade thresholds must rise from pass to good to excellent, within 0 to 100.",
            ],
            problems.Select(p => p.Message));
        Assert.Equal([75], problems[1].Arguments);
    }

    // ---------------------------------------------------------------- facts

    /// <summary>市税务局: one pairing, every month active, every component full; scores 100.</summary>
    private static UnitFacts Model() => new(
        UnitId: 1, UnitName: "市税务局", StaffCount: 40, ActivePairings: 1, MonthsInPeriod: 12,
        PairingMonthsWithActivity: 12, ConfirmedActivities: 12, ConfirmedPersonHours: 160m, RatingPoints: 12m, ActivitiesWithLeader: 12,
        TasksDue: 4, TasksConfirmed: 4, TasksOverdue: 0, Inspections: 2, InspectionScoreSum: 200m,
        DisputedActivities: 0, MissedJointMeetings: 0, LastConfirmedActivity: new DateOnly(2017, 12, 16));

    /// <summary>市图书馆: half of every component; scores 50.</summary>
    private static UnitFacts Half() => new(
        UnitId: 2, UnitName: "市图书馆", StaffCount: 40, ActivePairings: 1, MonthsInPeriod: 12,
        PairingMonthsWithActivity: 6, ConfirmedActivities: 12, ConfirmedPersonHours: 80m, RatingPoints: 6m, ActivitiesWithLeader: 6,
        TasksDue: 4, TasksConfirmed: 2, TasksOverdue: 2, Inspections: 2, InspectionScoreSum: 100m,
        DisputedActivities: 0, MissedJointMeetings: 0, LastConfirmedActivity: new DateOnly(2017, 11, 18));

    /// <summary>市电力公司: came on one Saturday, 2017-06-17.</summary>
    private static UnitFacts OneSaturday() => new(
        UnitId: 3, UnitName: "市电力公司", StaffCount: 30, ActivePairings: 1, MonthsInPeriod: 12,
        PairingMonthsWithActivity: 1, ConfirmedActivities: 1, ConfirmedPersonHours: 40m, RatingPoints: 0.25m, ActivitiesWithLeader: 0,
        TasksDue: 2, TasksConfirmed: 0, TasksOverdue: 2, Inspections: 1, InspectionScoreSum: 40m,
        DisputedActivities: 0, MissedJointMeetings: 0, LastConfirmedActivity: new DateOnly(2017, 6, 17));

    /// <summary>市水务集团: paired, never confirmed an activity, missed a joint meeting.</summary>
    private static UnitFacts NeverConfirmed() => new(
        UnitId: 4, UnitName: "市水务集团", StaffCount: 25, ActivePairings: 1, MonthsInPeriod: 12,
        PairingMonthsWithActivity: 0, ConfirmedActivities: 0, ConfirmedPersonHours: 0m, RatingPoints: 0m, ActivitiesWithLeader: 0,
        TasksDue: 2, TasksConfirmed: 0, TasksOverdue: 2, Inspections: 0, InspectionScoreSum: 0m,
        DisputedActivities: 0, MissedJointMeetings: 1, LastConfirmedActivity: null);

    /// <summary>市交通运输局: last confirmed activity 2015-11-14, none in 2017, one report disputed.</summary>
    private static UnitFacts IdleSince2015() => new(
        UnitId: 5, UnitName: "市交通运输局", StaffCount: 60, ActivePairings: 1, MonthsInPeriod: 12,
        PairingMonthsWithActivity: 0, ConfirmedActivities: 0, ConfirmedPersonHours: 0m, RatingPoints: 0m, ActivitiesWithLeader: 0,
        TasksDue: 2, TasksConfirmed: 1, TasksOverdue: 1, Inspections: 0, InspectionScoreSum: 0m,
        DisputedActivities: 1, MissedJointMeetings: 0, LastConfirmedActivity: new DateOnly(2015, 11, 14));

    /// <summary>市档案馆: no pairing in force this period.</summary>
    private static UnitFacts Unpaired() => new(
        UnitId: 6, UnitName: "市档案馆", StaffCount: 20, ActivePairings: 0, MonthsInPeriod: 12,
        PairingMonthsWithActivity: 0, ConfirmedActivities: 0, ConfirmedPersonHours: 0m, RatingPoints: 0m, ActivitiesWithLeader: 0,
        TasksDue: 1, TasksConfirmed: 1, TasksOverdue: 0, Inspections: 1, InspectionScoreSum: 100m,
        DisputedActivities: 0, MissedJointMeetings: 0, LastConfirmedActivity: null);

    private static UnitFacts Named(UnitFacts facts, int id, string name) => facts with { UnitId = id, UnitName = name };

    private static decimal Dec(string value) => decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The reasons in order, each with its text and its figures.</summary>
    private static void AssertReasons(UnitScore score, params (string Text, object[] Arguments)[] expected)
    {
        Assert.Equal(expected.Select(e => e.Text), score.Reasons.Select(r => r.Text));
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i].Arguments, score.Reasons[i].Arguments);
        }
    }
}
