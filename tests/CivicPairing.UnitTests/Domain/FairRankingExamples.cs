using System.Text.Json;
using CivicPairing.Domain.Scoring;
using CivicPairing.Web.Features.Ranking;

namespace CivicPairing.UnitTests.Domain;

/// <summary>
/// A ranking fit to publish, on small cases worked out by hand with the default rules (weights 20/15/20/25/10/10;
/// 4 hours per staff member a year; effort "far below" under a quarter of its target; satisfaction "low" below a
/// mean rating of 3; an inspection fails below 60; a laggard needs 3 pairing-months of exposure).
/// </summary>
public sealed class FairRankingExamples
{
    private static readonly ScoringRules Rules = ScoringRules.Default;

    // ---------------------------------------------------------------- effective weights

    [Fact]
    public void SharesOutTheWeightOfComponentsThatDoNotApplyAndShowsItAsTheEffectiveWeight()
    {
        // No task due and no inspection: 20 + 10 do not apply, the other 70 carry the 100.
        // Regularity 20 × 100 / 70 = 28.571… → 28.6; effort 15 × 100 / 70 = 21.428… → 21.4;
        // satisfaction 25 × 100 / 70 = 35.714… → 35.7; leadership 10 × 100 / 70 = 14.285… → 14.3.
        // Half of everything that applies: points 14.3 (28.571 / 2 = 14.285… → 14.3), 10.7, 17.9, 7.1: each ≤ its effective weight.
        var facts = Full() with
        {
            TasksDue = 0, TasksConfirmed = 0, Inspections = 0, InspectionScoreSum = 0m,
            PairingMonthsWithActivity = 6, ConfirmedPersonHours = 80m, RatingPoints = 6m, ActivitiesWithLeader = 6,
        };

        var score = UnitScoring.Score(facts, Rules);

        Assert.Equal([28.6m, 21.4m, 0m, 35.7m, 14.3m, 0m], score.Components.Select(c => c.EffectiveWeight));
        Assert.Equal([20, 15, 20, 25, 10, 10], score.Components.Select(c => c.Weight));
        Assert.Equal([14.3m, 10.7m, 0m, 17.9m, 7.1m, 0m], score.Components.Select(c => c.Points));
        Assert.All(score.Components, c => Assert.True(c.Points <= c.EffectiveWeight));
        // A published row derives the same figures from the rules and which components applied.
        Assert.Equal(score.Components.Select(c => c.EffectiveWeight), UnitScoring.EffectiveWeights(Rules, [.. score.Components.Select(c => c.Applies)]));
    }

    [Fact]
    public void KeepsTheNominalWeightsAsEffectiveWhenEveryComponentApplies()
    {
        var score = UnitScoring.Score(Full(), Rules);

        Assert.Equal([20m, 15m, 20m, 25m, 10m, 10m], score.Components.Select(c => c.EffectiveWeight));
    }

    [Fact]
    public void GivesNoEffectiveWeightWhenNothingApplies()
    {
        Assert.Equal([0m, 0m, 0m, 0m, 0m, 0m], UnitScoring.EffectiveWeights(Rules, [false, false, false, false, false, false]));
    }

    [Fact]
    public void DerivesEffectiveWeightsForAPublishedRowWrittenBeforeTheyExisted()
    {
        // A row as an older report stored it: no effective weights, no reason records. Tasks and inspection did not apply.
        const string json = """[{"UnitId":1,"UnitName":"市税务局","Score":80,"Grade":4,"Rank":1,"Points":[28.6,21.4,0,35.7,14.3,0],"Applies":[true,true,false,true,true,false],"Penalty":0,"Reasons":[{"Text":"{0} task(s) overdue.","Arguments":["2"]}],"Facts":{"UnitId":1,"UnitName":"市税务局","StaffCount":40,"ActivePairings":1,"MonthsInPeriod":12,"PairingMonthsWithActivity":12,"ConfirmedActivities":12,"ConfirmedPersonHours":160,"RatingPoints":12,"ActivitiesWithLeader":12,"TasksDue":0,"TasksConfirmed":0,"TasksOverdue":0,"Inspections":0,"InspectionScoreSum":0,"DisputedActivities":0,"MissedJointMeetings":0,"LastConfirmedActivity":null,"ExposedPairingMonths":null},"Kind":1}]""";

        var row = ReportSnapshot.Deserialize(json).Single();

        Assert.Equal([28.6m, 21.4m, 0m, 35.7m, 14.3m, 0m], row.EffectiveWeights(Rules));
        Assert.True(row.HasSharedWeight);
        Assert.Equal(FindingRecords.None, row.Reasons[0].Records);
        Assert.Null(row.Facts.LowestRatedComments);
        Assert.Equal((0, 0), (row.Facts.MissedVisits, row.Facts.MissedCoordinationMeetings));
    }

    [Fact]
    public void ReadsRulesAndSummariesStoredBeforeTheThresholdsAndTheCapExisted()
    {
        var rules = JsonSerializer.Deserialize<ScoringRules>("""{"RegularityWeight":30,"EffortWeight":15,"TasksWeight":10,"SatisfactionWeight":25,"LeadershipWeight":10,"InspectionWeight":10,"EffortTargetHoursPerStaff":4,"PenaltyPerDisputedActivity":2,"PenaltyPerMissedJointMeeting":3,"ExcellentFrom":80,"GoodFrom":null,"PassFrom":50}""")!;
        var summary = JsonSerializer.Deserialize<ReportSummary>("""{"Activities":3,"PeopleSent":10,"PersonHours":20,"Funds":0,"PairedCommunities":2,"Communities":5}""")!;

        Assert.Equal((0.25m, 3m, 60, 3), (rules.FarBelowEffortShare, rules.LowSatisfactionRating, rules.InspectionPassScore, rules.MinExposureMonthsForLaggard));
        Assert.Equal((1m, 2m), (rules.PenaltyPerMissedVisit, rules.PenaltyPerMissedCoordinationMeeting));
        Assert.Equal(30, rules.RegularityWeight);
        Assert.Empty(rules.Problems());
        Assert.Null(summary.LaggardCap);
    }

    // ---------------------------------------------------------------- reasons

    [Fact]
    public void NamesEffortFarBelowItsTargetWithBothFigures()
    {
        // A quarter (3 months), 120 staff, 3 confirmed activities of 1.2 person-hours each = 3.6 h.
        // 3.6 / 120 = 0.03 h per staff member; target 4 × 3 / 12 = 1 h; 0.03 < 1 × 0.25 → named.
        // Effort share 0.03 / 1 = 0.03 → 15 × 0.03 = 0.45; everything else full: 85 + 0.45 = 85.45 → 85.5.
        var facts = Full() with { StaffCount = 120, MonthsInPeriod = 3, PairingMonthsWithActivity = 3, ConfirmedActivities = 3, ConfirmedPersonHours = 3.6m, RatingPoints = 3m, ActivitiesWithLeader = 3 };

        var score = UnitScoring.Score(facts, Rules);

        Assert.Equal(85.5m, score.Score);
        AssertReasons(score, ("{0} hours of confirmed work per staff member against a target of {1}.", [0.03m, 1m]));
        Assert.Equal(FindingRecords.ConfirmedActivities, score.Reasons[0].Records);
    }

    [Fact]
    public void LeavesEffortUnnamedAtExactlyAQuarterOfItsTarget()
    {
        // 120 staff, 30 h in the quarter: 0.25 h against 1 h = exactly a quarter, not under it.
        var facts = Full() with { StaffCount = 120, MonthsInPeriod = 3, PairingMonthsWithActivity = 3, ConfirmedActivities = 3, ConfirmedPersonHours = 30m, RatingPoints = 3m, ActivitiesWithLeader = 3 };

        Assert.Empty(UnitScoring.Score(facts, Rules).Reasons);
    }

    [Fact]
    public void NamesLowSatisfactionQuotingTheTwoLowestRatedComments()
    {
        // 12 activities, 3 rating points: mean 1 + 4 × 3 / 12 = 2 < 3 → named, with the first two comments (lowest first).
        // Satisfaction 3 / 12 = 0.25 → 25 × 0.25 = 6.25; the rest full: 75 + 6.25 = 81.25 → 81.3.
        var facts = Full() with
        {
            RatingPoints = 3m,
            LowestRatedComments = [new(1, "只来了3人，半天就走了。", new(2017, 4, 11)), new(2, "拍完照就走了。", new(2017, 5, 9)), new(2, "第三条", new(2017, 6, 6))],
        };

        var score = UnitScoring.Score(facts, Rules);

        Assert.Equal(81.3m, score.Score);
        AssertReasons(score, ("Mean satisfaction rating {0} of 5 over {1} confirmed activities; the community wrote: {2}", [2m, 12, "“只来了3人，半天就走了。” “拍完照就走了。”"]));
    }

    [Fact]
    public void LeavesAMeanRatingOfExactlyThreeUnnamed()
    {
        // 6 rating points over 12 activities: 1 + 4 × 6 / 12 = 3, not below 3.
        Assert.Empty(UnitScoring.Score(Full() with { RatingPoints = 6m }, Rules).Reasons);
    }

    [Fact]
    public void NamesALeaderWhoNeverCame()
    {
        // 12 confirmed activities, none with the leader: leadership 0 → 100 − 10 = 90.
        var score = UnitScoring.Score(Full() with { ActivitiesWithLeader = 0 }, Rules);

        Assert.Equal(90m, score.Score);
        AssertReasons(score, ("The unit's leader took part in none of its {0} confirmed activities.", [12]));
    }

    [Fact]
    public void NamesFailedInspectionsAndOverdueRectification()
    {
        // Inspections 40 and 100: mean 70 % → 7 points; total 97. One below the pass line of 60 (lowest 40); its rectification is overdue.
        var score = UnitScoring.Score(Full() with { InspectionScoreSum = 140m, InspectionScores = [40, 100], RectificationsOverdue = 1 }, Rules);

        Assert.Equal(97m, score.Score);
        AssertReasons(score,
            ("{0} inspection(s) scored below the pass line of {1} (lowest {2}).", [1, 60, 40]),
            ("{0} inspection rectification(s) overdue.", [1]));
        Assert.All(score.Reasons, r => Assert.Equal(FindingRecords.Inspections, r.Records));
    }

    [Fact]
    public void NamesTheReasonsAgainstThePeriodsOwnThresholds()
    {
        // Inspection pass line 75: 70 fails; low satisfaction below 4: mean 1 + 4 × 9 / 12 = 4 is not below it.
        var rules = Rules with { InspectionPassScore = 75, LowSatisfactionRating = 4m };

        var score = UnitScoring.Score(Full() with { RatingPoints = 9m, InspectionScoreSum = 140m, InspectionScores = [70, 70] }, rules);

        AssertReasons(score, ("{0} inspection(s) scored below the pass line of {1} (lowest {2}).", [2, 75, 70]));
    }

    [Theory]
    [InlineData("0", "3", 60, 3)]
    [InlineData("1.5", "3", 60, 3)]
    [InlineData("0.25", "0.5", 60, 3)]
    [InlineData("0.25", "6", 60, 3)]
    [InlineData("0.25", "3", 101, 3)]
    [InlineData("0.25", "3", 60, -1)]
    public void RefusesThresholdsOutOfRange(string share, string rating, int inspectionPass, int exposure)
    {
        var rules = Rules with
        {
            FarBelowEffortShare = decimal.Parse(share, System.Globalization.CultureInfo.InvariantCulture),
            LowSatisfactionRating = decimal.Parse(rating, System.Globalization.CultureInfo.InvariantCulture),
            InspectionPassScore = inspectionPass,
            MinExposureMonthsForLaggard = exposure,
        };

        Assert.Single(rules.Problems());
    }

    // ---------------------------------------------------------------- laggards

    [Fact]
    public void NamesTheFailingUnitsWithEnoughExposureLowestFirst()
    {
        // 甲 11.2-ish (fail, 12 months), 乙 0 (fail, 12 months), 丙 fail but paired for only 2 months, 丁 100, 戊 unpaired.
        var units = new[]
        {
            Poor(1, "甲单位", months: 12, activities: 1),
            Poor(2, "乙单位", months: 12, activities: 0),
            Poor(3, "丙单位", months: 2, activities: 0),
            Full() with { UnitId = 4, UnitName = "丁单位" },
            Poor(5, "戊单位", months: 0, activities: 0),
        };

        var scores = UnitScoring.ScoreAll(units, Rules);
        var laggards = Laggards.Of(scores.Where(s => s.IsRanked), Rules);

        Assert.Equal(Grade.Fail, scores.Single(s => s.Facts.UnitName == "丙单位").Grade);
        Assert.Equal(["乙单位", "甲单位"], laggards.Select(s => s.Facts.UnitName));
        Assert.True(laggards[0].Score <= laggards[1].Score);
        // With a threshold of 2 pairing-months, 丙 is named too (a score of 0 ties with 乙; the name breaks the tie).
        Assert.Equal(["丙单位", "乙单位", "甲单位"], Laggards.Of(scores, Rules with { MinExposureMonthsForLaggard = 2 }).Select(s => s.Facts.UnitName));
    }

    [Fact]
    public void CapsTheLaggardsAtTheBottomNKeepingTiesAtTheEdge()
    {
        var scores = UnitScoring.ScoreAll(
            [Poor(1, "甲单位", 12, 1), Poor(2, "乙单位", 12, 0), Poor(3, "丙单位", 12, 0), Poor(4, "丁单位", 12, 3)], Rules);

        // 乙 and 丙 both score 0: a cap of 1 cannot tell them apart, so both are named.
        // (Equal scores are listed by name: 丙 U+4E19 before 乙 U+4E59.)
        Assert.Equal(["丙单位", "乙单位"], Laggards.Of(scores, Rules, cap: 1).Select(s => s.Facts.UnitName));
        Assert.Equal(["丙单位", "乙单位", "甲单位"], Laggards.Of(scores, Rules, cap: 3).Select(s => s.Facts.UnitName));
        Assert.Equal(4, Laggards.Of(scores, Rules, cap: 10).Count);
        Assert.Equal(4, Laggards.Of(scores, Rules).Count);
    }

    // ---------------------------------------------------------------- facts

    /// <summary>One pairing × 12 months, every component full: scores 100, no reasons.</summary>
    private static UnitFacts Full() => new(
        UnitId: 1, UnitName: "市税务局", StaffCount: 40, ActivePairings: 1, MonthsInPeriod: 12,
        PairingMonthsWithActivity: 12, ConfirmedActivities: 12, ConfirmedPersonHours: 160m, RatingPoints: 12m, ActivitiesWithLeader: 12,
        TasksDue: 4, TasksConfirmed: 4, TasksOverdue: 0, Inspections: 2, InspectionScoreSum: 200m,
        DisputedActivities: 0, MissedJointMeetings: 0, LastConfirmedActivity: new DateOnly(2017, 12, 16));

    /// <summary>A weak unit: a pairing in force <paramref name="months"/> months, a few activities rated 2, no task done.</summary>
    private static UnitFacts Poor(int id, string name, int months, int activities) => new(
        UnitId: id, UnitName: name, StaffCount: 100, ActivePairings: months > 0 ? 1 : 0, MonthsInPeriod: months,
        PairingMonthsWithActivity: activities, ConfirmedActivities: activities, ConfirmedPersonHours: 2m * activities, RatingPoints: 0.25m * activities, ActivitiesWithLeader: 0,
        TasksDue: 2, TasksConfirmed: 0, TasksOverdue: 2, Inspections: 0, InspectionScoreSum: 0m,
        DisputedActivities: 0, MissedJointMeetings: 0, LastConfirmedActivity: null);

    private static void AssertReasons(UnitScore score, params (string Text, object[] Arguments)[] expected)
    {
        Assert.Equal(expected.Select(e => e.Text), score.Reasons.Select(r => r.Text));
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i].Arguments, score.Reasons[i].Arguments);
        }
    }
}
