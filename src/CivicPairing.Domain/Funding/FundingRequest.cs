using System.ComponentModel.DataAnnotations;
using CivicPairing.Domain.Registry;

namespace CivicPairing.Domain.Funding;

/// <summary>Submitted → Approved or Refused by the office. Pledges come while it is submitted or approved; payments once approved.</summary>
public enum FundingStatus
{
    [Display(Name = "Awaiting approval")]
    Submitted = 1,
    [Display(Name = "Approved")]
    Approved = 2,
    [Display(Name = "Refused")]
    Refused = 3,
}

/// <summary>
/// 资金申请 (篇9: 58,490 yuan for garbage pools and the office refit): a community, or a unit on its behalf, asks for an amount
/// with a purpose and budget lines; units pledge (认捐), the office approves, and each payment (拨付) is recorded with its
/// voucher (凭证). The request keeps its pledged and paid totals, so a pledge or payment past them is refused at once and
/// two at the same moment meet the request's concurrency token.
/// </summary>
public class FundingRequest
{
    public const int PurposeMaxLength = 2000;
    public const int ItemMaxLength = 200;
    public const int ReasonMaxLength = 2000;
    public const int MaxLines = 30;
    public const decimal MaxAmount = Money.MaxAmount;

    public int Id { get; set; }
    public int CommunityId { get; set; }
    public Community? Community { get; set; }
    /// <summary>The unit that asked on the community's behalf, if a unit did.</summary>
    public int? OnBehalfOfUnitId { get; set; }
    public Unit? OnBehalfOf { get; set; }
    public string Title { get; set; } = "";
    public string Purpose { get; set; } = "";
    public decimal Amount { get; set; }
    public decimal Pledged { get; set; }
    public decimal Paid { get; set; }
    public FundingStatus Status { get; set; } = FundingStatus.Submitted;
    public DateTimeOffset RequestedAt { get; set; }
    public string RequestedBy { get; set; } = "";
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecidedBy { get; set; }
    public string? RefusalReason { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
    public List<BudgetLine> Lines { get; set; } = [];
    public List<Pledge> Pledges { get; set; } = [];
    public List<Payment> Payments { get; set; } = [];

    /// <summary>What is still asked for: the amount less what units have pledged.</summary>
    public decimal StillRequested => Amount - Pledged;

    public static FundingRequest Ask(int communityId, int? onBehalfOfUnitId, string title, string purpose, IReadOnlyList<(string Item, decimal Amount)> lines,
        string actor, DateTimeOffset now)
    {
        if (lines.Count == 0)
        {
            throw new DomainException("List at least one budget line: what it is for and how much.") { Field = nameof(Lines) };
        }
        if (lines.Count > MaxLines)
        {
            throw new DomainException("At most {0} budget lines.", MaxLines) { Field = nameof(Lines) };
        }
        var budget = new List<BudgetLine>();
        foreach (var (item, amount) in lines)
        {
            Money.Check(amount, nameof(Lines));
            budget.Add(new BudgetLine { Number = budget.Count + 1, Item = PlainText.Required(item, ItemMaxLength, "Name what each budget line is for.", nameof(Lines)), Amount = amount });
        }
        var total = budget.Sum(l => l.Amount);
        if (total > MaxAmount)
        {
            throw new DomainException("A request may ask for at most {0} yuan.", MaxAmount) { Field = nameof(Lines) };
        }
        return new FundingRequest
        {
            CommunityId = communityId,
            OnBehalfOfUnitId = onBehalfOfUnitId,
            Title = PlainText.Required(title, ItemMaxLength, "Give the request a title.", nameof(Title)),
            Purpose = PlainText.Required(purpose, PurposeMaxLength, "Say what the money is for.", nameof(Purpose)),
            Amount = total,
            Lines = budget,
            RequestedAt = now,
            RequestedBy = actor,
        };
    }

    public void Approve(string actor, DateTimeOffset now)
    {
        RequireSubmitted("Only a request awaiting approval can be approved.");
        DecidedAt = now;
        DecidedBy = actor;
        Status = FundingStatus.Approved;
    }

    public void Refuse(string reason, string actor, DateTimeOffset now)
    {
        RequireSubmitted("Only a request awaiting approval can be refused.");
        RefusalReason = PlainText.Required(reason, ReasonMaxLength, "Give a reason.", "reason");
        DecidedAt = now;
        DecidedBy = actor;
        Status = FundingStatus.Refused;
    }

    /// <summary>认捐: a unit promises an amount, no more than is still requested.</summary>
    public void Pledge(int unitId, decimal amount, string actor, DateTimeOffset now)
    {
        if (Status == FundingStatus.Refused)
        {
            throw new DomainException("A refused request takes no pledges.");
        }
        Money.Check(amount, "amount");
        if (amount > StillRequested)
        {
            throw new DomainException("Pledge at most the {0} yuan still requested.", StillRequested) { Field = "amount" };
        }
        Pledges.Add(new Pledge { RequestId = Id, UnitId = unitId, Amount = amount, At = now, By = actor });
        Pledged += amount;
    }

    /// <summary>拨付: money a pledging unit paid, with its voucher; never more than the unit pledged nor than was approved.</summary>
    public void Pay(int unitId, decimal amount, DateOnly paidOn, DateOnly today, Guid voucherId, string actor, DateTimeOffset now)
    {
        if (Status != FundingStatus.Approved)
        {
            throw new DomainException("Payments are recorded only once the office has approved the request.");
        }
        Money.Check(amount, "amount");
        if (paidOn > today || paidOn < RecordDates.Earliest)
        {
            throw new DomainException("The day paid cannot be in the future.") { Field = "paidOn" };
        }
        var pledged = Pledges.Where(p => p.UnitId == unitId).Sum(p => p.Amount);
        var paid = Payments.Where(p => p.UnitId == unitId).Sum(p => p.Amount);
        if (amount > pledged - paid)
        {
            throw new DomainException("Your unit can pay at most the {0} yuan it pledged and has not paid yet.", pledged - paid) { Field = "amount" };
        }
        if (Paid + amount > Amount)
        {
            throw new DomainException("Payments cannot exceed the {0} yuan approved.", Amount) { Field = "amount" };
        }
        Payments.Add(new Payment { RequestId = Id, UnitId = unitId, Amount = amount, PaidOn = paidOn, VoucherId = voucherId, At = now, By = actor });
        Paid += amount;
    }

    private void RequireSubmitted(string refusal)
    {
        if (Status != FundingStatus.Submitted)
        {
            throw new DomainException(refusal);
        }
    }
}

public class BudgetLine
{
    public int Id { get; set; }
    public int RequestId { get; set; }
    public int Number { get; set; }
    public string Item { get; set; } = "";
    public decimal Amount { get; set; }
}

public class Pledge
{
    public int Id { get; set; }
    public int RequestId { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    public decimal Amount { get; set; }
    public DateTimeOffset At { get; set; }
    public string By { get; set; } = "";
}

public class Payment
{
    public int Id { get; set; }
    public int RequestId { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    public decimal Amount { get; set; }
    public DateOnly PaidOn { get; set; }
    /// <summary>The voucher (凭证): a scan or photo kept as an evidence file.</summary>
    public Guid VoucherId { get; set; }
    public DateTimeOffset At { get; set; }
    public string By { get; set; } = "";
}
