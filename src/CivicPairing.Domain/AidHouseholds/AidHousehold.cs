using System.Linq.Expressions;
using CivicPairing.Domain.Evidence;
using CivicPairing.Domain.Pairings;
using CivicPairing.Domain.Registry;

namespace CivicPairing.Domain.AidHouseholds;

/// <summary>
/// 帮扶对象 (篇3 困难家庭, 篇11 "一户一方案、一人一措施"): a household of a community, helped by one unit paired with it through
/// a party member of that unit, by a plan of measures. Kept by the community's secretary. While it is 帮扶中 its pairing
/// cannot end (不脱困不拆对) without the office's written override. Sensitive personal data: minimum fields, the ID number
/// only masked (<see cref="IdNumbers"/>).
/// </summary>
public class AidHousehold
{
    public const int NameMaxLength = 50;
    public const int MemberNamesMaxLength = 500;
    public const int PhoneMaxLength = 30;
    public const int ReasonMaxLength = 1000;
    public const int MaxMembers = 30;
    public const decimal MaxIncomePerPerson = 10_000_000m;

    public int Id { get; set; }
    public int CommunityId { get; set; }
    public Community? Community { get; set; }
    /// <summary>The pairing through which the paired unit helps: one household has one paired unit.</summary>
    public int PairingId { get; set; }
    public Pairing? Pairing { get; set; }
    public string HeadName { get; set; } = "";
    public int MemberCount { get; set; }
    public string? MemberNames { get; set; }
    public Difficulties Difficulties { get; set; }
    /// <summary>Only where the office collects ID numbers, and only masked.</summary>
    public string? IdNumberMasked { get; set; }
    /// <summary>The party member of the paired unit who is responsible (a name and a phone until members are registered).</summary>
    public string ResponsibleName { get; set; } = "";
    public string? ResponsiblePhone { get; set; }
    /// <summary>Annual net income per person in yuan, where recorded (篇3's target: 5,000).</summary>
    public decimal? IncomePerPerson { get; set; }
    public AidStatus Status { get; set; } = AidStatus.InAid;
    public string? ClosedReason { get; set; }
    /// <summary>When the secretary confirmed 已脱困 or closed the case, and who.</summary>
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public Guid Version { get; set; } = Guid.NewGuid();
    public List<AidMeasure> Measures { get; set; } = [];
    public List<EvidenceFile> Evidence { get; set; } = [];

    /// <summary>
    /// "Plan overdue", the one definition used by pages, dashboards, exports and counts: a household 帮扶中 with a measure
    /// past its target date and not done.
    /// </summary>
    private static readonly Expression<Func<AidHousehold, DateOnly, bool>> PlanOverdueRule =
        (h, today) => h.Status == AidStatus.InAid && h.Measures.Any(m => m.DoneOn == null && m.TargetDate < today);

    private static readonly Func<AidHousehold, DateOnly, bool> PlanOverdueCompiled = PlanOverdueRule.Compile();

    /// <summary>The rule as a query filter: <paramref name="today"/> goes to the database as a parameter.</summary>
    public static Expression<Func<AidHousehold, bool>> PlanOverdueOn(DateOnly today)
    {
        var day = Expression.Property(Expression.Constant(new Day(today)), nameof(Day.Value));
        var body = new Substitute(PlanOverdueRule.Parameters[1], day).Visit(PlanOverdueRule.Body);
        return Expression.Lambda<Func<AidHousehold, bool>>(body, PlanOverdueRule.Parameters[0]);
    }

    /// <summary>The same rule on a loaded household (its measures loaded).</summary>
    public bool PlanOverdue(DateOnly today) => PlanOverdueCompiled(this, today);

    private sealed record Day(DateOnly Value);

    private sealed class Substitute(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }

    /// <summary>Years a household's personal fields are kept after 已脱困 or closing (docs/privacy.md).</summary>
    public const int RetentionYears = 3;

    /// <summary>What stands for a name once the retention period has ended.</summary>
    public const string AnonymisedName = "已匿名";

    /// <summary>Whether the household was decided (已脱困 or closed) before <paramref name="cutoff"/> and still carries its personal fields.</summary>
    public bool IsDueForAnonymising(DateTimeOffset cutoff) =>
        Status != AidStatus.InAid && DecidedAt is { } decided && decided < cutoff && HeadName != AnonymisedName;

    /// <summary>
    /// The retention period has ended: the names, the masked ID number and the responsible member's phone are cleared. What the
    /// statistics need stays (community, pairing, size, difficulties, income, status, dates, measures), as do evidence files.
    /// </summary>
    public void Anonymise()
    {
        if (Status == AidStatus.InAid)
        {
            throw new DomainException("A household in aid keeps its record.");
        }
        HeadName = AnonymisedName;
        MemberNames = null;
        IdNumberMasked = null;
        ResponsibleName = AnonymisedName;
        ResponsiblePhone = null;
    }

    /// <summary>Whether the recorded income reaches <paramref name="target"/>; null when none is recorded.</summary>
    public bool? MeetsIncomeTarget(decimal target) => IncomePerPerson is { } income ? income >= target : null;

    public static AidHousehold Open(Community community, Pairing pairing, AidHouseholdFacts facts, AidHousehold? sameHousehold, string actor, DateTimeOffset now)
    {
        var household = new AidHousehold { CommunityId = community.Id, Community = community, CreatedAt = now, CreatedBy = actor };
        household.Apply(facts, pairing, sameHousehold);
        return household;
    }

    /// <summary>The secretary corrects the record or moves the household to another unit paired with the community.</summary>
    public void Edit(AidHouseholdFacts facts, Pairing pairing, AidHousehold? sameHousehold)
    {
        if (Status != AidStatus.InAid)
        {
            throw new DomainException("Only a household in aid can be edited.");
        }
        Apply(facts, pairing, sameHousehold);
    }

    public AidMeasure AddMeasure(string text, DateOnly targetDate, DateOnly today)
    {
        RequireInAid();
        CheckTarget(targetDate, today);
        var measure = new AidMeasure
        {
            AidHouseholdId = Id,
            Text = PlainText.Required(text, AidMeasure.TextMaxLength, "Say what the measure is.", "Text"),
            TargetDate = targetDate,
        };
        Measures.Add(measure);
        return measure;
    }

    /// <summary>Marks a measure done on <paramref name="today"/>, or not done again.</summary>
    public void SetMeasureDone(int measureId, bool done, DateOnly today)
    {
        RequireInAid();
        var measure = Measures.SingleOrDefault(m => m.Id == measureId) ?? throw new DomainException("This measure is not in the household's plan.");
        measure.DoneOn = done ? measure.DoneOn ?? today : null;
    }

    /// <summary>已脱困: confirmed by the community's secretary, never without evidence (files already kept or sent with it).</summary>
    public void ConfirmLiftedOut(int evidenceFiles, decimal? incomePerPerson, string actor, DateTimeOffset now)
    {
        RequireInAid();
        if (evidenceFiles < 1)
        {
            throw new DomainException("Attach evidence (photos or documents) before confirming the household is lifted out of hardship.") { Field = "files" };
        }
        if (incomePerPerson is { } income)
        {
            CheckIncome(income);
            IncomePerPerson = income;
        }
        Status = AidStatus.LiftedOut;
        DecidedAt = now;
        DecidedBy = actor;
    }

    /// <summary>已关闭 for another reason (moved away, died, taken over by civil affairs …), said in writing.</summary>
    public void Close(string reason, string actor, DateTimeOffset now)
    {
        RequireInAid();
        ClosedReason = PlainText.Required(reason, ReasonMaxLength, "Give a reason.", "reason");
        Status = AidStatus.Closed;
        DecidedAt = now;
        DecidedBy = actor;
    }

    private void Apply(AidHouseholdFacts f, Pairing pairing, AidHousehold? sameHousehold)
    {
        if (pairing.CommunityId != CommunityId || pairing.Status != PairingStatus.Active)
        {
            throw new DomainException("Choose a unit paired with your community and in force.") { Field = "PairingId" };
        }
        if (sameHousehold is not null && sameHousehold.Id != Id)
        {
            // One household, one paired unit: a second record of it (a second unit's claim) is refused.
            throw new DomainException("This household is kept already, paired with {0}: one household has one paired unit.",
                sameHousehold.Pairing?.Unit?.Name ?? "") { Field = "HeadName" };
        }
        if (f.MemberCount is < 1 or > MaxMembers)
        {
            throw new DomainException("Members must be between 1 and {0}.", MaxMembers) { Field = "MemberCount" };
        }
        if (f.IncomePerPerson is { } income)
        {
            CheckIncome(income);
        }
        HeadName = PlainText.Required(f.HeadName, NameMaxLength, "Give the head of household's name.", "HeadName");
        MemberCount = f.MemberCount;
        MemberNames = PlainText.Optional(f.MemberNames, MemberNamesMaxLength, "MemberNames");
        Difficulties = f.Difficulties & Enum.GetValues<Difficulties>().Combine();
        if (Difficulties == Difficulties.None)
        {
            throw new DomainException("Choose at least one difficulty.") { Field = "Difficulties" };
        }
        if (!string.IsNullOrWhiteSpace(f.IdNumber))
        {
            IdNumberMasked = IdNumbers.Mask(f.IdNumber);
        }
        ResponsibleName = PlainText.Required(f.ResponsibleName, NameMaxLength, "Give the responsible party member's name.", "ResponsibleName");
        ResponsiblePhone = PlainText.Optional(f.ResponsiblePhone, PhoneMaxLength, "ResponsiblePhone");
        IncomePerPerson = f.IncomePerPerson;
        PairingId = pairing.Id;
        Pairing = pairing;
    }

    private static void CheckIncome(decimal income)
    {
        if (income < 0 || income > MaxIncomePerPerson)
        {
            throw new DomainException("Enter an income per person between 0 and {0} yuan.", MaxIncomePerPerson) { Field = "IncomePerPerson" };
        }
    }

    private static void CheckTarget(DateOnly target, DateOnly today)
    {
        if (target < RecordDates.Earliest || target > today.AddYears(3))
        {
            throw new DomainException("Choose a target date from 2000 on and at most three years ahead.") { Field = "TargetDate" };
        }
    }

    private void RequireInAid()
    {
        if (Status != AidStatus.InAid)
        {
            throw new DomainException("This household is no longer in aid.");
        }
    }
}

/// <summary>One measure of the household's plan (一户一方案): what, by when, and whether it is done.</summary>
public class AidMeasure
{
    public const int TextMaxLength = 200;

    public int Id { get; set; }
    public int AidHouseholdId { get; set; }
    public string Text { get; set; } = "";
    public DateOnly TargetDate { get; set; }
    public DateOnly? DoneOn { get; set; }

    public bool Done => DoneOn is not null;

    /// <summary>Past its target date and not done: what makes a plan overdue (<see cref="AidHousehold.PlanOverdueOn"/>) while the household is in aid.</summary>
    public bool IsOverdue(DateOnly today) => DoneOn is null && TargetDate < today;
}

/// <summary>What the secretary's form says about a household. <see cref="IdNumber"/> is the full number as typed; only its mask is kept.</summary>
public sealed record AidHouseholdFacts(string HeadName, int MemberCount, string? MemberNames, Difficulties Difficulties, string? IdNumber,
    string ResponsibleName, string? ResponsiblePhone, decimal? IncomePerPerson);
