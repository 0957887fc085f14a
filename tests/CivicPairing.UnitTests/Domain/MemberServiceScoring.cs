using CivicPairing.Domain.Scoring;

namespace CivicPairing.UnitTests.Domain;

/// <summary>
/// 在职党员服务 (issue 15): a component in play only when the period's rules give it a weight. Worked out by hand from 市税务局,
/// full marks in every other component (see <see cref="UnitScoringExamples"/>), over 12 months.
/// </summary>
public sealed class MemberServiceScoring
{
    private static UnitFacts Full(int partyMembers, decimal hours) => new(
        UnitId: 1, UnitName: "市税务局", StaffCount: 40, ActivePairings: 1, MonthsInPeriod: 12,
        PairingMonthsWithActivity: 12, ConfirmedActivities: 12, ConfirmedPersonHours: 160m, RatingPoints: 12m, ActivitiesWithLeader: 12,
        TasksDue: 4, TasksConfirmed: 4, TasksOverdue: 0, Inspections: 2, InspectionScoreSum: 200m,
        DisputedActivities: 0, MissedJointMeetings: 0, LastConfirmedActivity: new DateOnly(2017, 12, 16),
        PartyMembers: partyMembers, MemberServiceHours: hours);

    /// <summary>20 regularity, 15 effort, 20 tasks, 25 satisfaction, 10 leadership, 0 inspection, 10 members' service.</summary>
    private static readonly ScoringRules Weighted = ScoringRules.Default with { InspectionWeight = 0, MemberServiceWeight = 10 };

    [Fact]
    public void AtWeightZeroTheComponentIsNotInPlayAndNothingMoves()
    {
        var without = UnitScoring.Score(Full(0, 0m), ScoringRules.Default);
        var with = UnitScoring.Score(Full(40, 500m), ScoringRules.Default);
        Assert.Equal(6, with.Components.Count);
        Assert.DoesNotContain(with.Components, c => c.Component == Component.MemberService);
        Assert.Equal(without.Components, with.Components);
        Assert.Equal(without.Score, with.Score);
        Assert.Equal(6, ScoringRules.Default.Components.Count);
        Assert.Empty(ScoringRules.Default.Problems());
    }

    [Fact]
    public void CountsHoursPerMemberAgainstTheTargetLikeEffort()
    {
        // 4 members, 12 hours: 3 hours each against 12 a year → a share of 0.25 → 10 × 0.25 = 2.5 points; the other five
        // applicable components are full (90 points): 92.5.
        var score = UnitScoring.Score(Full(4, 12m), Weighted);
        var part = score.Components[^1];
        Assert.Equal((Component.MemberService, 10, 0.25m, 2.5m, true), (part.Component, part.Weight, part.Share, part.Points, part.Applies));
        Assert.Equal(92.5m, score.Score);
        Assert.Empty(Weighted.Problems());

        // Capped at the target: 100 hours by 4 members is full marks, not more.
        Assert.Equal(100m, UnitScoring.Score(Full(4, 100m), Weighted).Score);
    }

    [Fact]
    public void AUnitWithoutMembersLeavesTheWeightToTheOthers()
    {
        // Not applicable: the other 90 points carry the 100, and the effective weights say so.
        var score = UnitScoring.Score(Full(0, 0m), Weighted);
        Assert.False(score.Components[^1].Applies);
        Assert.Equal(100m, score.Score);
        Assert.Equal(score.Components.Select(c => c.EffectiveWeight), UnitScoring.EffectiveWeights(Weighted, [.. score.Components.Select(c => c.Applies)]));
        Assert.Equal(22.2m, score.Components[0].EffectiveWeight);
    }

    [Fact]
    public void RefusesATargetOutOfBoundsAndWeightsNotAddingUp()
    {
        Assert.NotEmpty((Weighted with { MemberServiceTargetHoursPerMember = 0m }).Problems());
        Assert.NotEmpty((ScoringRules.Default with { MemberServiceWeight = 10 }).Problems());
    }
}
