namespace CivicPairing.Domain.Scoring;

/// <summary>
/// A period's weights, thresholds and penalties (domain.md's defaults; the office may change them per period).
/// Weights are points out of 100.
/// </summary>
/// <remarks>
/// The thresholds after <see cref="PassFrom"/> decide which reasons a report names and who is a laggard:
/// effort "far below" its target under <see cref="FarBelowEffortShare"/> of it; satisfaction "low" when the mean rating
/// (1–5) is below <see cref="LowSatisfactionRating"/>; an inspection failed below <see cref="InspectionPassScore"/>;
/// a failing unit is named a laggard only with at least <see cref="MinExposureMonthsForLaggard"/> pairing-months of
/// exposure. Each commitment of a filed agreement not kept costs its penalty: a visit of a month
/// (<see cref="PenaltyPerMissedVisit"/>), a coordination meeting of a quarter (<see cref="PenaltyPerMissedCoordinationMeeting"/>),
/// a joint meeting of a half-year (<see cref="PenaltyPerMissedJointMeeting"/>) — the rarer the commitment, the more a miss costs.
/// Rules are stored as JSON, so rules saved before these existed read with these defaults.
/// <see cref="MemberServiceWeight"/> (在职党员服务, 篇6) is 0 unless the office gives it points: then the unit's in-service party
/// members' confirmed service hours count against <see cref="MemberServiceTargetHoursPerMember"/> a member a year, as the
/// effort component counts hours against a target per member of staff. At 0 the component is not in play at all
/// (<see cref="Components"/>), so every score, table and published report reads as before it existed.
/// </remarks>
public sealed record ScoringRules(
    int RegularityWeight = 20,
    int EffortWeight = 15,
    int TasksWeight = 20,
    int SatisfactionWeight = 25,
    int LeadershipWeight = 10,
    int InspectionWeight = 10,
    decimal EffortTargetHoursPerStaff = 4m,
    decimal PenaltyPerDisputedActivity = 2m,
    decimal PenaltyPerMissedJointMeeting = 3m,
    decimal ExcellentFrom = 80m,
    decimal? GoodFrom = null,
    decimal PassFrom = 60m,
    decimal FarBelowEffortShare = 0.25m,
    decimal LowSatisfactionRating = 3m,
    int InspectionPassScore = 60,
    int MinExposureMonthsForLaggard = 3,
    decimal PenaltyPerMissedVisit = 1m,
    decimal PenaltyPerMissedCoordinationMeeting = 2m,
    int MemberServiceWeight = 0,
    decimal MemberServiceTargetHoursPerMember = 12m)
{
    public static readonly ScoringRules Default = new();

    /// <summary>Bounds of the office's numbers: a target of 0.1 to 1,000 hours per member of staff, a penalty of at most 100 points.</summary>
    public const decimal MinEffortTarget = 0.1m, MaxEffortTarget = 1000m, MaxPenalty = 100m;

    /// <summary>
    /// The components in play, in <see cref="Component"/> order: the six always, members' service only when it has a weight.
    /// A unit's components, a published report's points and applies, and the tables' columns all follow this list.
    /// </summary>
    public IReadOnlyList<Component> Components => MemberServiceWeight > 0 ? AllComponents : SixComponents;

    private static readonly Component[] AllComponents = Enum.GetValues<Component>();
    private static readonly Component[] SixComponents = [.. AllComponents.Where(c => c != Component.MemberService)];

    public int WeightOf(Component component) => component switch
    {
        Component.Regularity => RegularityWeight,
        Component.Effort => EffortWeight,
        Component.Tasks => TasksWeight,
        Component.Satisfaction => SatisfactionWeight,
        Component.Leadership => LeadershipWeight,
        Component.Inspection => InspectionWeight,
        Component.MemberService => MemberServiceWeight,
        _ => throw new ArgumentOutOfRangeException(nameof(component)),
    };

    public int TotalWeight => RegularityWeight + EffortWeight + TasksWeight + SatisfactionWeight + LeadershipWeight + InspectionWeight + MemberServiceWeight;

    /// <summary>What is wrong with these rules, as refusals the office reads; empty when they may be used.</summary>
    public IReadOnlyList<DomainException> Problems()
    {
        var problems = new List<DomainException>();
        int[] weights = [RegularityWeight, EffortWeight, TasksWeight, SatisfactionWeight, LeadershipWeight, InspectionWeight, MemberServiceWeight];
        // Each bound keeps every later sum and product far from overflowing (seven weights of at most 100 cannot wrap).
        if (weights.Any(w => w < 0))
        {
            problems.Add(new DomainException("Weights cannot be negative."));
        }
        if (weights.Any(w => w > 100))
        {
            problems.Add(new DomainException("A weight cannot be more than 100."));
        }
        else if (TotalWeight != 100)
        {
            problems.Add(new DomainException("The weights add up to {0}; they must add up to 100.", TotalWeight));
        }
        if (EffortTargetHoursPerStaff is < MinEffortTarget or > MaxEffortTarget)
        {
            problems.Add(new DomainException("The effort target must be from {0} to {1} hours per member of staff.", MinEffortTarget, MaxEffortTarget));
        }
        if (MemberServiceTargetHoursPerMember is < MinEffortTarget or > MaxEffortTarget)
        {
            problems.Add(new DomainException("The members' service target must be from {0} to {1} hours per member.", MinEffortTarget, MaxEffortTarget));
        }
        decimal[] penalties = [PenaltyPerDisputedActivity, PenaltyPerMissedJointMeeting, PenaltyPerMissedVisit, PenaltyPerMissedCoordinationMeeting];
        if (penalties.Any(p => p < 0))
        {
            problems.Add(new DomainException("Penalties cannot be negative."));
        }
        else if (penalties.Any(p => p > MaxPenalty))
        {
            problems.Add(new DomainException("A penalty cannot be more than {0} points.", MaxPenalty));
        }
        if (FarBelowEffortShare is <= 0 or > 1)
        {
            problems.Add(new DomainException("The share of the effort target that counts as far below must be more than 0 and at most 1."));
        }
        if (LowSatisfactionRating is < 1 or > 5)
        {
            problems.Add(new DomainException("The low-satisfaction rating must be from 1 to 5."));
        }
        if (InspectionPassScore is < 0 or > 100)
        {
            problems.Add(new DomainException("The inspection pass score must be from 0 to 100."));
        }
        if (MinExposureMonthsForLaggard is < 0 or > 120)
        {
            problems.Add(new DomainException("The pairing-months needed before a unit is named a laggard must be from 0 to 120."));
        }
        var ordered = GoodFrom is { } good ? PassFrom < good && good < ExcellentFrom : PassFrom < ExcellentFrom;
        if (!ordered || PassFrom < 0 || ExcellentFrom > 100)
        {
            problems.Add(new DomainException("Grade thresholds must rise from pass to good to excellent, within 0 to 100."));
        }
        return problems;
    }
}
