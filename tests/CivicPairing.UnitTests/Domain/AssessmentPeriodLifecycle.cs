using CivicPairing.Domain;
using CivicPairing.Domain.Scoring;

namespace CivicPairing.UnitTests.Domain;

public sealed class AssessmentPeriodLifecycle
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(8));

    private static AssessmentPeriod InStatus(PeriodStatus status) => new() { Year = 2026, Status = status };

    public enum Step
    {
        Close,
        Reopen,
        Publish,
    }

    private static void Apply(AssessmentPeriod p, Step step)
    {
        switch (step)
        {
            case Step.Close: p.Close(); break;
            case Step.Reopen: p.Reopen(); break;
            case Step.Publish: p.Publish(); break;
        }
    }

    public static TheoryData<PeriodStatus, Step, PeriodStatus> Allowed => new()
    {
        { PeriodStatus.Open, Step.Close, PeriodStatus.Closed },
        { PeriodStatus.Closed, Step.Reopen, PeriodStatus.Open },
        { PeriodStatus.Closed, Step.Publish, PeriodStatus.Published },
    };

    public static TheoryData<PeriodStatus, Step, string> Refused => new()
    {
        { PeriodStatus.Open, Step.Reopen, "Only a closed period can be reopened." },
        { PeriodStatus.Open, Step.Publish, "Only a closed period can be published." },
        { PeriodStatus.Closed, Step.Close, "Only an open period can be closed." },
        { PeriodStatus.Published, Step.Close, "Only an open period can be closed." },
        { PeriodStatus.Published, Step.Reopen, "Only a closed period can be reopened." },
        { PeriodStatus.Published, Step.Publish, "Only a closed period can be published." },
    };

    [Theory]
    [MemberData(nameof(Allowed))]
    public void MovesAsAllowed(PeriodStatus from, Step step, PeriodStatus to)
    {
        var period = InStatus(from);
        Apply(period, step);
        Assert.Equal(to, period.Status);
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void RefusesAndChangesNothing(PeriodStatus from, Step step, string message)
    {
        var period = InStatus(from);
        Assert.Equal(message, Assert.Throws<DomainException>(() => Apply(period, step)).Message);
        Assert.Equal(from, period.Status);
    }

    [Fact]
    public void CoversEveryStatusAndStep()
    {
        var covered = Allowed.Select(r => ((PeriodStatus)r[0], (Step)r[1])).Concat(Refused.Select(r => ((PeriodStatus)r[0], (Step)r[1]))).ToList();
        Assert.Equal(Enum.GetValues<PeriodStatus>().Length * Enum.GetValues<Step>().Length, covered.Distinct().Count());
        Assert.Equal(covered.Count, covered.Distinct().Count());
    }

    [Fact]
    public void ChangesRulesOnlyWhileOpenAndOnlyToValidOnes()
    {
        var period = InStatus(PeriodStatus.Open);
        var heavierRegularity = ScoringRules.Default with { RegularityWeight = 30, TasksWeight = 10 };
        period.ChangeRules(heavierRegularity);
        Assert.Equal(heavierRegularity, period.Rules);

        var wrongSum = Assert.Throws<DomainException>(() => period.ChangeRules(ScoringRules.Default with { RegularityWeight = 25 }));
        Assert.Equal(("The weights add up to {0}; they must add up to 100.", 105), (wrongSum.Message, (int)wrongSum.Arguments[0]));
        Assert.Equal(heavierRegularity, period.Rules);

        period.Close();
        Assert.Throws<DomainException>(() => period.ChangeRules(ScoringRules.Default));
        Assert.Equal(heavierRegularity, period.Rules);
    }

    [Theory]
    [InlineData(1999, null)]
    [InlineData(2026, 0)]
    [InlineData(2026, 5)]
    public void RefusesAnImpossiblePeriod(int year, int? quarter) =>
        Assert.Throws<DomainException>(() => AssessmentPeriod.Create(year, quarter, exists: false, Now));

    [Fact]
    public void RefusesASecondPeriodForTheSameTime() =>
        Assert.Equal("This period exists already.", Assert.Throws<DomainException>(() => AssessmentPeriod.Create(2026, 3, exists: true, Now)).Message);

    [Fact]
    public void SpansItsQuarterOrYear()
    {
        var q3 = AssessmentPeriod.Create(2026, 3, exists: false, Now);
        Assert.Equal((new DateOnly(2026, 7, 1), new DateOnly(2026, 9, 30)), (q3.From, q3.To));
        var year = AssessmentPeriod.Create(2026, null, exists: false, Now);
        Assert.Equal((new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)), (year.From, year.To));
    }
}
