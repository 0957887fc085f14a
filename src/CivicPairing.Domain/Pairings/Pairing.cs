using CivicPairing.Domain.Registry;

namespace CivicPairing.Domain.Pairings;

/// <summary>
/// 结对: one unit paired with one community. Proposed by either side (or created by the office),
/// approved by the office, then Active until Ended; it may be Suspended in between.
/// </summary>
public class Pairing
{
    public const int ReasonMaxLength = 500;

    /// <summary>How long a pairing may run: its end date lies within this many years of its start.</summary>
    public const int MaxYears = 20;

    /// <summary>A date correction's reason shares the history's reason column with the old and new dates (<see cref="DateCorrection"/>).</summary>
    public const int CorrectionReasonMaxLength = 400;

    public int Id { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    public int CommunityId { get; set; }
    public Community? Community { get; set; }
    public PairingStatus Status { get; set; } = PairingStatus.Proposed;
    public PairingProposer ProposedBy { get; set; } = PairingProposer.Office;
    public string? ProposalNote { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
    public List<PairingEvent> Events { get; set; } = [];

    /// <summary>True while the pair counts as paired or about to be: a second pairing of the same two is refused.</summary>
    public bool IsOpen => Status is PairingStatus.Proposed or PairingStatus.Active or PairingStatus.Suspended;

    /// <summary>
    /// A new pairing. The office's own pairings start Active; the two sides' proposals wait for approval.
    /// <paramref name="samePairOpen"/> says whether these two already have an open pairing.
    /// </summary>
    public static Pairing Propose(Unit unit, Community community, PairingProposer by, DateOnly start, string? note, bool samePairOpen, string actor, DateTimeOffset now)
    {
        if (!unit.IsActive)
        {
            throw new DomainException("{0} is deactivated and cannot be paired.", unit.Name);
        }
        if (!community.IsActive)
        {
            throw new DomainException("{0} is deactivated and cannot be paired.", community.Name);
        }
        if (samePairOpen)
        {
            throw new DomainException("{0} and {1} are already paired, or a proposal for them is waiting.", unit.Name, community.Name);
        }
        var pairing = new Pairing
        {
            Unit = unit, UnitId = unit.Id, Community = community, CommunityId = community.Id, ProposedBy = by,
            ProposalNote = PlainText.Optional(note, ReasonMaxLength, "Note"), StartDate = start, CreatedAt = now,
            Status = by == PairingProposer.Office ? PairingStatus.Active : PairingStatus.Proposed,
        };
        pairing.Events.Add(new PairingEvent { At = now, Actor = actor, From = null, To = pairing.Status, Reason = pairing.ProposalNote });
        return pairing;
    }

    public void Approve(string actor, DateTimeOffset now) => Move(PairingStatus.Proposed, PairingStatus.Active, null, actor, now, "Only a proposed pairing can be approved.");

    public void Reject(string reason, string actor, DateTimeOffset now) =>
        Move(PairingStatus.Proposed, PairingStatus.Rejected, Required(reason), actor, now, "Only a proposed pairing can be rejected.");

    public void Suspend(string reason, string actor, DateTimeOffset now) =>
        Move(PairingStatus.Active, PairingStatus.Suspended, Required(reason), actor, now, "Only a pairing in force can be suspended.");

    public void Resume(string actor, DateTimeOffset now) => Move(PairingStatus.Suspended, PairingStatus.Active, null, actor, now, "Only a suspended pairing can be resumed.");

    /// <summary>
    /// Ends the pairing. While tasks are unconfirmed (or aid cases open) it stays, unless the office
    /// overrides with a written reason.
    /// </summary>
    public void End(DateOnly endDate, UnpairingBlockers blockers, string? reason, string? overrideReason, string actor, DateTimeOffset now)
    {
        if (Status is not (PairingStatus.Active or PairingStatus.Suspended))
        {
            throw new DomainException("Only a pairing in force or suspended can be ended.");
        }
        if (endDate < StartDate)
        {
            throw new DomainException("The end date cannot be before the pairing started ({0}).", StartDate);
        }
        if (endDate > StartDate.AddYears(MaxYears))
        {
            throw new DomainException("Choose an end date within {0} years of the start ({1}).", MaxYears, StartDate) { Field = "EndDate" };
        }
        if (blockers.Any && string.IsNullOrWhiteSpace(overrideReason))
        {
            throw blockers.OpenAidCases > 0
                ? new DomainException("Not ended: {0} agreement task(s) are unconfirmed and {1} aid case(s) are open. No pairing ends before its work is done; the office may override with a written reason.", blockers.UnconfirmedTasks, blockers.OpenAidCases)
                : new DomainException("Not ended: {0} agreement task(s) are not confirmed by the community yet. No pairing ends before its work is done; the office may override with a written reason.", blockers.UnconfirmedTasks);
        }
        var why = blockers.Any
            ? PlainText.Required(overrideReason, ReasonMaxLength, "Give a reason.", "OverrideReason")
            : PlainText.Optional(reason, ReasonMaxLength, "Reason");
        EndDate = endDate;
        Record(Status, PairingStatus.Ended, string.IsNullOrEmpty(why) ? null : why, actor, now);
        Status = PairingStatus.Ended;
    }

    /// <summary>
    /// The office corrects a wrong start date (a proposal starts today by default), and a wrong end date of an ended
    /// pairing, with a written reason. The status stays; the step is kept in the history as a <see cref="DateCorrection"/>.
    /// A proposal's start may be corrected too, and, as when it is proposed, may lie ahead; a pairing that came into force
    /// cannot start in the future. Refused when confirmed activities would fall outside the new dates, or when the new
    /// dates overlap another pairing of the same unit and community (<paramref name="samePairPeriods"/>, rejected
    /// proposals left out).
    /// </summary>
    public void CorrectDates(DateOnly start, DateOnly? end, string? reason, IReadOnlyCollection<DateOnly> confirmedActivityDates,
        IEnumerable<PairingPeriod> samePairPeriods, DateOnly today, string actor, DateTimeOffset now)
    {
        if (Status == PairingStatus.Rejected)
        {
            throw new DomainException("A rejected proposal has no dates to correct.");
        }
        var why = PlainText.Required(reason, CorrectionReasonMaxLength, "Give a reason.", "Reason");
        if (Status != PairingStatus.Ended && end is not null)
        {
            throw new DomainException("Only an ended pairing has an end date; a pairing in force gets one by being ended. Leave it empty.") { Field = nameof(EndDate) };
        }
        if (Status == PairingStatus.Ended && end is null)
        {
            throw new DomainException("An ended pairing keeps its end date; enter the right one.") { Field = nameof(EndDate) };
        }
        if (start > today && Status != PairingStatus.Proposed)
        {
            throw new DomainException("The start date is in the future.") { Field = nameof(StartDate) };
        }
        if (end > today)
        {
            throw new DomainException("The end date is in the future.") { Field = nameof(EndDate) };
        }
        if (end < start)
        {
            throw new DomainException("The start date cannot be after the end date ({0}).", end.Value) { Field = nameof(StartDate) };
        }
        if (start == StartDate && end == EndDate)
        {
            throw new DomainException("The dates are as they were; change at least one.") { Field = nameof(StartDate) };
        }
        var before = confirmedActivityDates.Where(d => d < start).ToList();
        if (before.Count > 0)
        {
            throw new DomainException("{0} confirmed activity(ies), the first on {1}, would fall before the new start date.", before.Count, before.Min()) { Field = nameof(StartDate) };
        }
        var after = end is { } last ? confirmedActivityDates.Where(d => d > last).ToList() : [];
        if (after.Count > 0)
        {
            throw new DomainException("{0} confirmed activity(ies), the last on {1}, would fall after the new end date.", after.Count, after.Max()) { Field = nameof(EndDate) };
        }
        var corrected = new PairingPeriod(start, end);
        var clash = samePairPeriods.Where(corrected.Overlaps).OrderBy(p => p.Start).Take(1).ToList();
        if (clash.Count > 0)
        {
            throw clash[0].End is { } otherEnd
                ? new DomainException("The new dates overlap another pairing of the same unit and community, from {0} to {1}.", clash[0].Start, otherEnd) { Field = nameof(StartDate) }
                : new DomainException("The new dates overlap another pairing of the same unit and community, open since {0}.", clash[0].Start) { Field = nameof(StartDate) };
        }
        var correction = new DateCorrection(StartDate, start, EndDate, end, why);
        Record(Status, Status, correction.ToEventReason(), actor, now);
        StartDate = start;
        EndDate = end;
    }

    private void Move(PairingStatus from, PairingStatus to, string? reason, string actor, DateTimeOffset now, string refusal)
    {
        if (Status != from)
        {
            throw new DomainException(refusal);
        }
        Record(from, to, reason, actor, now);
        Status = to;
    }

    private void Record(PairingStatus from, PairingStatus to, string? reason, string actor, DateTimeOffset now) =>
        Events.Add(new PairingEvent { PairingId = Id, At = now, Actor = actor, From = from, To = to, Reason = reason });

    private static string Required(string? reason) => PlainText.Required(reason, ReasonMaxLength, "Give a reason.", "Reason");
}
