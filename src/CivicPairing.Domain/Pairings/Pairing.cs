using CivicPairing.Domain.Registry;

namespace CivicPairing.Domain.Pairings;

/// <summary>结对: one unit paired with one community. The full lifecycle arrives with the pairings feature.</summary>
public class Pairing
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    public int CommunityId { get; set; }
    public Community? Community { get; set; }
    public PairingStatus Status { get; set; } = PairingStatus.Proposed;
    public DateOnly StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}
