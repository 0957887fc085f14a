namespace CivicPairing.Domain.Pairings;

/// <summary>The days a pairing covers, both ends included; <c>End</c> null while it goes on.</summary>
public readonly record struct PairingPeriod(DateOnly Start, DateOnly? End)
{
    public bool Overlaps(PairingPeriod other) =>
        (other.End is not { } otherEnd || Start <= otherEnd) && (End is not { } end || other.Start <= end);
}
