using CivicPairing.Domain.Registry;

namespace CivicPairing.Domain.Pairings;

/// <summary>
/// 结对: one unit paired with one community. Proposed by either side (or created by the office),
/// approved by the office, then Active until Ended; it may be Suspended in between.
/// </summary>
public class Pairing
{
    public const int ReasonMaxLength = 500;

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
            ProposalNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim(), StartDate = start, CreatedAt = now,
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
        if (blockers.Any && string.IsNullOrWhiteSpace(overrideReason))
        {
            throw blockers.OpenAidCases > 0
                ? new DomainException("Not ended: {0} agreement task(s) are unconfirmed and {1} aid case(s) are open. No pairing ends before its work is done; the office may override with a written reason.", blockers.UnconfirmedTasks, blockers.OpenAidCases)
                : new DomainException("Not ended: {0} agreement task(s) are not confirmed by the community yet. No pairing ends before its work is done; the office may override with a written reason.", blockers.UnconfirmedTasks);
        }
        var why = blockers.Any ? $"{overrideReason!.Trim()}" : reason?.Trim();
        EndDate = endDate;
        Record(Status, PairingStatus.Ended, string.IsNullOrEmpty(why) ? null : why, actor, now);
        Status = PairingStatus.Ended;
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

    private static string Required(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? throw new DomainException("Give a reason.") : reason.Trim();
}
