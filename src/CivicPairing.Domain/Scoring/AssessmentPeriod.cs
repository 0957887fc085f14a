using System.ComponentModel.DataAnnotations;

namespace CivicPairing.Domain.Scoring;

public enum PeriodStatus
{
    [Display(Name = "In progress")]
    Open = 1,
    [Display(Name = "Closed")]
    Closed = 2,
    [Display(Name = "Published")]
    Published = 3,
}

/// <summary>
/// 考核周期: a quarter or a year that is scored and ranked. Its rules may change while it is open (each change is
/// audited); closing freezes the rules; publishing stores a snapshot that never changes afterwards.
/// </summary>
public class AssessmentPeriod
{
    public int Id { get; set; }
    public int Year { get; set; }
    /// <summary>1–4 for a quarter; null for the whole year.</summary>
    public int? Quarter { get; set; }
    public PeriodStatus Status { get; set; } = PeriodStatus.Open;
    public ScoringRules Rules { get; set; } = ScoringRules.Default;
    public DateTimeOffset CreatedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    public DateOnly From => Quarter is { } q ? new DateOnly(Year, q * 3 - 2, 1) : new DateOnly(Year, 1, 1);
    public DateOnly To => Quarter is { } q ? new DateOnly(Year, q * 3, 1).AddMonths(1).AddDays(-1) : new DateOnly(Year, 12, 31);

    public static AssessmentPeriod Create(int year, int? quarter, bool exists, DateTimeOffset now)
    {
        if (year is < 2000 or > 2100 || quarter is < 1 or > 4)
        {
            throw new DomainException("Choose a year from 2000 to 2100 and, for a quarter, 1 to 4.");
        }
        if (exists)
        {
            throw new DomainException("This period exists already.");
        }
        return new AssessmentPeriod { Year = year, Quarter = quarter, CreatedAt = now };
    }

    public void ChangeRules(ScoringRules rules)
    {
        if (Status != PeriodStatus.Open)
        {
            throw new DomainException("The rules of a closed or published period cannot change.");
        }
        if (rules.Problems() is [var first, ..])
        {
            throw first;
        }
        Rules = rules;
    }

    public void Close() => Move(PeriodStatus.Open, PeriodStatus.Closed, "Only an open period can be closed.");

    public void Reopen() => Move(PeriodStatus.Closed, PeriodStatus.Open, "Only a closed period can be reopened.");

    /// <summary>Publishing needs a closed period: the office has stopped changing the rules and looked at the result.</summary>
    public void Publish()
    {
        CheckPublishable();
        Move(PeriodStatus.Closed, PeriodStatus.Published, "Only a closed period can be published.");
    }

    /// <summary>
    /// Refuses, before any scoring, rules stored before their bounds existed that would make the scores meaningless
    /// (or overflow them); the office reopens the period and corrects them.
    /// </summary>
    public void CheckPublishable()
    {
        if (Rules.Problems() is [var first, ..])
        {
            throw first;
        }
    }

    private void Move(PeriodStatus from, PeriodStatus to, string refusal)
    {
        if (Status != from)
        {
            throw new DomainException(refusal);
        }
        Status = to;
    }
}

/// <summary>An immutable published ranking: the scores, reasons and rules as they were. A correction is a new version.</summary>
public class PublishedReport
{
    public int Id { get; set; }
    public int PeriodId { get; set; }
    public int VersionNumber { get; set; }
    public DateTimeOffset PublishedAt { get; set; }
    public string PublishedBy { get; set; } = "";
    /// <summary>What a correction changed and why; null for the first version.</summary>
    public string? CorrectionNote { get; set; }
    public string RulesJson { get; set; } = "";
    public string ScoresJson { get; set; } = "";
    /// <summary>Totals and coverage of the period as published (confirmed work only).</summary>
    public string SummaryJson { get; set; } = "{}";

    /// <summary>公示: shown to anyone, signed in or not, at the period's public address. At most one version of a period is public.</summary>
    public bool IsPublic { get; set; }
    /// <summary>When the office last made this version public; null while it is not public.</summary>
    public DateTimeOffset? MadePublicAt { get; set; }

    /// <summary>Puts this version on public notice. Making it public again keeps the first date.</summary>
    public void MakePublic(DateTimeOffset now)
    {
        if (!IsPublic)
        {
            IsPublic = true;
            MadePublicAt = now;
        }
    }

    /// <summary>Takes this version off public notice; its public address answers "not found" again.</summary>
    public void Withdraw()
    {
        IsPublic = false;
        MadePublicAt = null;
    }
}
