using CivicPairing.Domain.Activities;
using CivicPairing.Domain.Registry;

namespace CivicPairing.Domain.Needs;

/// <summary>
/// 需求 (篇9 "需要什么就帮扶什么"): what a community asks for. Once a unit takes it, the need is that unit's task: the
/// unit reports it done with evidence and the community rates it (评单); only a rated need counts for the unit.
/// </summary>
public class Need
{
    public const int TitleMaxLength = 200;
    public const int TextMaxLength = 2000;
    public const int PlaceMaxLength = 200;
    public const decimal MaxBudget = Money.MaxAmount;
    /// <summary>How far ahead a need may be wanted: two years is an agreement's span (篇4).</summary>
    public const int MaxDaysAhead = 731;

    private static readonly Strengths KnownStrengths = Enum.GetValues<Strengths>().Combine();

    public int Id { get; set; }
    public int CommunityId { get; set; }
    public Community? Community { get; set; }
    public string Title { get; set; } = "";
    public ActivityCategory Category { get; set; }
    public string? Description { get; set; }
    public string? Place { get; set; }
    public DateOnly WantedBy { get; set; }
    /// <summary>The people or skills wanted, as the unit strengths that would answer the need.</summary>
    public Strengths Skills { get; set; }
    public decimal? Budget { get; set; }
    public NeedStatus Status { get; set; } = NeedStatus.Submitted;
    public DateTimeOffset PostedAt { get; set; }
    public string PostedBy { get; set; } = "";
    public DateTimeOffset? PublishedAt { get; set; }
    /// <summary>The unit the office dispatched the need to, while it waits for that unit's answer.</summary>
    public int? DispatchedToUnitId { get; set; }
    public Unit? DispatchedTo { get; set; }
    public int? TakenByUnitId { get; set; }
    public Unit? TakenBy { get; set; }
    public DateTimeOffset? TakenAt { get; set; }
    public string? ReportNote { get; set; }
    public DateTimeOffset? ReportedAt { get; set; }
    public int? Rating { get; set; }
    public string? RatingComment { get; set; }
    public DateTimeOffset? RatedAt { get; set; }
    /// <summary>The last reason given for a return, a refused dispatch or a report sent back.</summary>
    public string? Reason { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
    public List<NeedEvent> Events { get; set; } = [];
    public List<Evidence.EvidenceFile> Evidence { get; set; } = [];

    /// <summary>Not yet taken by any unit: the community may still withdraw it.</summary>
    public static bool IsUntaken(NeedStatus status) => status is NeedStatus.Submitted or NeedStatus.Published or NeedStatus.Dispatched;

    /// <summary>A unit took it: at work on it, reported it done or rated by the community. Coverage counts such help.</summary>
    public static System.Linq.Expressions.Expression<Func<Need, bool>> TakenByAUnit =>
        n => n.Status == NeedStatus.Taken || n.Status == NeedStatus.ReportedDone || n.Status == NeedStatus.Rated;

    /// <summary>Published, dispatched, taken or reported, and wanted before today.</summary>
    public static bool IsOverdue(NeedStatus status, DateOnly wantedBy, DateOnly today) =>
        status is NeedStatus.Published or NeedStatus.Dispatched or NeedStatus.Taken or NeedStatus.ReportedDone && wantedBy < today;

    public static System.Linq.Expressions.Expression<Func<Need, bool>> OverdueOn(DateOnly today) =>
        n => (n.Status == NeedStatus.Published || n.Status == NeedStatus.Dispatched || n.Status == NeedStatus.Taken || n.Status == NeedStatus.ReportedDone)
             && n.WantedBy < today;

    /// <summary>点单: the community's secretary posts what it needs; the office reviews it next.</summary>
    public static Need Post(int communityId, string title, ActivityCategory category, string? description, string? place, DateOnly wantedBy,
        Strengths skills, decimal? budget, DateOnly today, string actor, DateTimeOffset now)
    {
        if (!Enum.IsDefined(category))
        {
            throw new DomainException("Choose a category.") { Field = nameof(Category) };
        }
        if (wantedBy < today)
        {
            throw new DomainException("The date wanted cannot be in the past.") { Field = nameof(WantedBy) };
        }
        if (wantedBy > today.AddDays(MaxDaysAhead))
        {
            throw new DomainException("The date wanted can be at most two years ahead.") { Field = nameof(WantedBy) };
        }
        if (budget is { } amount)
        {
            Money.Check(amount, nameof(Budget));
        }
        var need = new Need
        {
            CommunityId = communityId,
            Title = PlainText.Required(title, TitleMaxLength, "Give the need a title.", nameof(Title)),
            Category = category,
            Description = PlainText.Optional(description, TextMaxLength, nameof(Description)),
            Place = PlainText.Optional(place, PlaceMaxLength, nameof(Place)),
            WantedBy = wantedBy,
            Skills = skills & KnownStrengths,
            Budget = budget,
            PostedAt = now,
            PostedBy = actor,
        };
        need.Events.Add(new NeedEvent { At = now, Actor = actor, From = null, To = NeedStatus.Submitted });
        return need;
    }

    /// <summary>The office publishes a submitted need: every unit may now take it.</summary>
    public void Publish(string actor, DateTimeOffset now)
    {
        Require(NeedStatus.Submitted, "Only a need awaiting review can be published.");
        PublishedAt = now;
        Move(NeedStatus.Published, null, actor, now);
    }

    /// <summary>The office sends a submitted need back to the community, saying why.</summary>
    public void ReturnToCommunity(string reason, string actor, DateTimeOffset now)
    {
        Require(NeedStatus.Submitted, "Only a need awaiting review can be returned.");
        Reason = PlainText.Required(reason, TextMaxLength, "Give a reason.", "reason");
        Move(NeedStatus.Returned, Reason, actor, now);
    }

    /// <summary>派单: the office offers an open need to one unit, which accepts or declines.</summary>
    public void Dispatch(int unitId, string unitName, string actor, DateTimeOffset now)
    {
        Require(NeedStatus.Published, "Only an open need can be dispatched.");
        DispatchedToUnitId = unitId;
        Move(NeedStatus.Dispatched, unitName, actor, now);
    }

    public void Accept(int unitId, string actor, DateTimeOffset now)
    {
        Require(NeedStatus.Dispatched, "Only a need dispatched to your unit can be accepted.");
        if (DispatchedToUnitId != unitId)
        {
            throw new DomainException("Only a need dispatched to your unit can be accepted.");
        }
        TakeBy(unitId, null, actor, now);
    }

    /// <summary>The unit declines a dispatch with a reason; the need is open to all again.</summary>
    public void Decline(int unitId, string reason, string actor, DateTimeOffset now)
    {
        Require(NeedStatus.Dispatched, "Only a need dispatched to your unit can be declined.");
        if (DispatchedToUnitId != unitId)
        {
            throw new DomainException("Only a need dispatched to your unit can be declined.");
        }
        Reason = PlainText.Required(reason, TextMaxLength, "Give a reason.", "reason");
        DispatchedToUnitId = null;
        Move(NeedStatus.Published, Reason, actor, now);
    }

    /// <summary>接单: a unit takes an open need. <paramref name="mayTake"/> is false for an unpaired community when the office does not allow it.</summary>
    public void Take(int unitId, bool mayTake, string actor, DateTimeOffset now)
    {
        if (Status is NeedStatus.Taken or NeedStatus.ReportedDone or NeedStatus.Rated)
        {
            throw new DomainException("Another unit has taken this need already.");
        }
        Require(NeedStatus.Published, "Only an open need can be taken.");
        if (!mayTake)
        {
            throw new DomainException("Your unit is not paired with this community, and the office allows taking only paired communities' needs.");
        }
        TakeBy(unitId, null, actor, now);
    }

    public void ReportDone(int unitId, string note, string actor, DateTimeOffset now)
    {
        Require(NeedStatus.Taken, "Only a taken need can be reported done.");
        if (TakenByUnitId != unitId)
        {
            throw new DomainException("Only the unit that took the need can report it done.");
        }
        ReportNote = PlainText.Required(note, TextMaxLength, "Say what was done.", "note");
        ReportedAt = now;
        Move(NeedStatus.ReportedDone, ReportNote, actor, now);
    }

    /// <summary>评单: the community confirms the work with a rating from 1 to 5 and a comment.</summary>
    public void Rate(int rating, string? comment, string actor, DateTimeOffset now)
    {
        if (Status == NeedStatus.Rated)
        {
            throw new DomainException("This need is rated already.");
        }
        Require(NeedStatus.ReportedDone, "Only a need reported done can be rated.");
        if (rating is < 1 or > 5)
        {
            throw new DomainException("Rate the work from 1 to 5.") { Field = nameof(Rating) };
        }
        RatingComment = PlainText.Optional(comment, TextMaxLength, "comment");
        Rating = rating;
        RatedAt = now;
        Move(NeedStatus.Rated, RatingComment, actor, now);
    }

    /// <summary>The community sends the report back with a reason: the unit works on it again.</summary>
    public void SendBack(string reason, string actor, DateTimeOffset now)
    {
        Require(NeedStatus.ReportedDone, "Only a need reported done can be returned.");
        Reason = PlainText.Required(reason, TextMaxLength, "Give a reason.", "reason");
        Move(NeedStatus.Taken, Reason, actor, now);
    }

    public void Withdraw(string actor, DateTimeOffset now)
    {
        if (!IsUntaken(Status))
        {
            throw new DomainException("A need can be withdrawn only while no unit has taken it.");
        }
        DispatchedToUnitId = null;
        Move(NeedStatus.Withdrawn, null, actor, now);
    }

    private void TakeBy(int unitId, string? note, string actor, DateTimeOffset now)
    {
        TakenByUnitId = unitId;
        TakenAt = now;
        DispatchedToUnitId = null;
        Move(NeedStatus.Taken, note, actor, now);
    }

    private void Require(NeedStatus status, string refusal)
    {
        if (Status != status)
        {
            throw new DomainException(refusal);
        }
    }

    private void Move(NeedStatus to, string? note, string actor, DateTimeOffset now)
    {
        Events.Add(new NeedEvent { NeedId = Id, At = now, Actor = actor, From = Status, To = to, Note = note });
        Status = to;
    }
}

public class NeedEvent
{
    public long Id { get; set; }
    public int NeedId { get; set; }
    public DateTimeOffset At { get; set; }
    public string Actor { get; set; } = "";
    public NeedStatus? From { get; set; }
    public NeedStatus To { get; set; }
    public string? Note { get; set; }
}
