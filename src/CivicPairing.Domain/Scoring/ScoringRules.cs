namespace CivicPairing.Domain.Scoring;

/// <summary>
/// A period's weights, thresholds and penalties (domain.md's defaults; the office may change them per period).
/// Weights are points out of 100.
/// </summary>
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
    decimal PassFrom = 60m)
{
    public static readonly ScoringRules Default = new();

    public int WeightOf(Component component) => component switch
    {
        Component.Regularity => RegularityWeight,
        Component.Effort => EffortWeight,
        Component.Tasks => TasksWeight,
        Component.Satisfaction => SatisfactionWeight,
        Component.Leadership => LeadershipWeight,
        Component.Inspection => InspectionWeight,
        _ => throw new ArgumentOutOfRangeException(nameof(component)),
    };

    public int TotalWeight => RegularityWeight + EffortWeight + TasksWeight + SatisfactionWeight + LeadershipWeight + InspectionWeight;

    /// <summary>What is wrong with these rules, as refusals the office reads; empty when they may be used.</summary>
    public IReadOnlyList<DomainException> Problems()
    {
        var problems = new List<DomainException>();
        int[] weights = [RegularityWeight, EffortWeight, TasksWeight, SatisfactionWeight, LeadershipWeight, InspectionWeight];
        if (weights.Any(w => w < 0))
        {
            problems.Add(new DomainException("Weights cannot be negative."));
        }
        if (TotalWeight != 100)
        {
            problems.Add(new DomainException("The weights add up to {0}; they must add up to 100.", TotalWeight));
        }
        if (EffortTargetHoursPerStaff <= 0)
        {
            problems.Add(new DomainException("The effort target must be more than zero hours."));
        }
        if (PenaltyPerDisputedActivity < 0 || PenaltyPerMissedJointMeeting < 0)
        {
            problems.Add(new DomainException("Penalties cannot be negative."));
        }
        var ordered = GoodFrom is { } good ? PassFrom < good && good < ExcellentFrom : PassFrom < ExcellentFrom;
        if (!ordered || PassFrom < 0 || ExcellentFrom > 100)
        {
            problems.Add(new DomainException("Grade thresholds must rise from pass to good to excellent, within 0 to 100."));
        }
        return problems;
    }
}
