namespace CivicPairing.Domain.Pairings;

/// <summary>What keeps a pairing from ending (不脱困不拆对, 篇3 and 篇11): unconfirmed tasks and its aid households still 帮扶中.</summary>
public sealed record UnpairingBlockers(int UnconfirmedTasks, int OpenAidCases = 0)
{
    public static readonly UnpairingBlockers None = new(0);

    public bool Any => UnconfirmedTasks > 0 || OpenAidCases > 0;
}
