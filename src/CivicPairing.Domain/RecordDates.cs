namespace CivicPairing.Domain;

/// <summary>The dates the portal takes for anything that happened or starts: from <see cref="Earliest"/> on (the programme's records begin later).</summary>
public static class RecordDates
{
    public static readonly DateOnly Earliest = new(2000, 1, 1);
}
