using CivicPairing.Domain;
using CivicPairing.Domain.Registry;

namespace CivicPairing.UnitTests.Domain;

public sealed class FlagSets
{
    [Fact]
    public void ListsTheSingleFlagsOfACombinationLowestFirst()
    {
        var strengths = Strengths.PartyBuilding | Strengths.Legal | Strengths.Finance;
        Assert.Equal([Strengths.Legal, Strengths.Finance, Strengths.PartyBuilding], strengths.Flagged());
    }

    [Fact]
    public void ListsNothingForTheEmptySet() => Assert.Empty(Weaknesses.None.Flagged());

    [Fact]
    public void CombinesFlagsBackIntoTheSameSet()
    {
        var all = Enum.GetValues<Industries>().Aggregate(Industries.None, (a, b) => a | b);
        Assert.Equal(all, all.Flagged().Combine());
        Assert.Equal(Industries.None, Array.Empty<Industries>().Combine());
    }
}
