namespace CivicPairing.Domain;

/// <summary>The one rule for an amount of yuan someone types: a need's budget, a funding request's line, a pledge, a payment.</summary>
public static class Money
{
    /// <summary>Ten million yuan: far above any community project of the cases (篇7's largest is 50,000), well below a typing slip's size.</summary>
    public const decimal MaxAmount = 10_000_000m;

    /// <summary>Refuses an amount not above 0, above <see cref="MaxAmount"/>, or finer than the fen, naming <paramref name="field"/>.</summary>
    public static void Check(decimal amount, string field)
    {
        if (amount <= 0 || amount > MaxAmount)
        {
            throw new DomainException("An amount must be more than 0 and at most {0} yuan.", MaxAmount) { Field = field };
        }
        if (decimal.Round(amount, 2) != amount)
        {
            throw new DomainException("Give the amount to the fen (two decimals at most).") { Field = field };
        }
    }
}
