using CivicPairing.Domain.Scoring;
using CivicPairing.Web.Features.Ranking;

namespace CivicPairing.UnitTests.Web;

/// <summary>What the home pages read from a period's scores (ranked units, median, score bands, missed meetings), worked out once per scoring.</summary>
public sealed class ScoredUnitViews
{
    private static UnitFacts Facts(int id, int months, int activities, int missedMeetings = 0) => new(
        UnitId: id, UnitName: $"单位{id}", StaffCount: 10, ActivePairings: months > 0 ? 1 : 0, MonthsInPeriod: months,
        PairingMonthsWithActivity: activities, ConfirmedActivities: activities, ConfirmedPersonHours: 4m * activities, RatingPoints: 0.75m * activities,
        ActivitiesWithLeader: activities / 2, TasksDue: 2, TasksConfirmed: Math.Min(2, activities / 4), TasksOverdue: 2 - Math.Min(2, activities / 4),
        Inspections: 0, InspectionScoreSum: 0m, DisputedActivities: 0, MissedJointMeetings: missedMeetings, LastConfirmedActivity: null);

    private static readonly IReadOnlyList<UnitFacts> City =
    [
        Facts(1, 12, 12), Facts(2, 12, 9, missedMeetings: 1), Facts(3, 12, 6), Facts(4, 12, 3, missedMeetings: 4),
        Facts(5, 12, 0, missedMeetings: 2), Facts(6, 6, 6), Facts(7, 0, 0),
    ];

    [Fact]
    public void TheRankedTheMedianTheBandsAndTheMissedMeetingsAreThoseOfTheScores()
    {
        var scores = UnitScoring.ScoreAll(City, ScoringRules.Default);
        var view = new ScoredUnits(ScoringRules.Default, scores);

        var ranked = scores.Where(s => s.Rank is not null).OrderBy(s => s.Rank).ToList();
        Assert.Equal(6, ranked.Count); // the unit without a month in force is not ranked
        Assert.Equal(ranked.Select(s => s.Facts.UnitId), view.Ranked.Select(s => s.Facts.UnitId));

        var values = ranked.Select(s => s.Score).OrderBy(v => v).ToArray();
        Assert.Equal((values[2] + values[3]) / 2, view.Median);

        for (var band = 0; band < 10; band++)
        {
            var (low, high) = (band * 10m, band == 9 ? 100m : band * 10m + 10m);
            Assert.Equal(ranked.Count(s => s.Score >= low && (s.Score < high || (band == 9 && s.Score == 100m))), view.Bands[band]);
        }
        Assert.Equal(ranked.Count, view.Bands.Sum());

        Assert.Equal([(4, "单位4", 4), (5, "单位5", 2), (2, "单位2", 1)], view.MissedMeetings);
        Assert.Equal("单位3", view.Of(3)?.Facts.UnitName);
        Assert.Null(view.Of(99));
    }

    [Fact]
    public void NoRankedUnitMeansAMedianOfNought()
    {
        var view = new ScoredUnits(ScoringRules.Default, UnitScoring.ScoreAll([Facts(7, 0, 0)], ScoringRules.Default));
        Assert.Empty(view.Ranked);
        Assert.Equal(0m, view.Median);
        Assert.All(view.Bands, b => Assert.Equal(0, b));
    }
}
