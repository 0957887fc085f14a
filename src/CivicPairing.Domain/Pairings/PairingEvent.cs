namespace CivicPairing.Domain.Pairings;

/// <summary>One step in a pairing's history: who moved it from which status to which, when and why.</summary>
public class PairingEvent
{
    public long Id { get; set; }
    public int PairingId { get; set; }
    public DateTimeOffset At { get; set; }
    public string Actor { get; set; } = "";
    public PairingStatus? From { get; set; }
    public PairingStatus To { get; set; }
    public string? Reason { get; set; }
}
