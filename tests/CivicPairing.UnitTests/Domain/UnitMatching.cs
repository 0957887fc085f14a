using CivicPairing.Domain.Matching;
using CivicPairing.Domain.Registry;

namespace CivicPairing.UnitTests.Domain;

/// <summary>
/// Matchmaker (篇3): a village in 石井乡 with a weak economy and poor infrastructure that grows cash crops,
/// and three candidate units. Every expected point below is computed by hand:
/// weaknesses 40 × covered ÷ 2, industries 20 × covered ÷ 1, needs 0 (none open),
/// load 15 × (5 − pairings) ÷ 5 (integer), locality 10 when the unit already serves 石井乡.
/// </summary>
public sealed class UnitMatching
{
    private const string Township = "石井乡";

    private static readonly CommunityProfile Village = new(Township, Weaknesses.WeakEconomy | Weaknesses.PoorInfrastructure, Industries.CashCrops);

    /// <summary>Agriculture answers the weak economy and serves cash crops; party building answers neither; five villages is a full hand.</summary>
    private static readonly CandidateUnit GrainBureau = new(1, "市粮食局", UnitKind.GovernmentOrgan, Strengths.Agriculture | Strengths.PartyBuilding, 5, Streets(Township, "城关镇"));

    /// <summary>Finance and commerce both answer the weak economy; commerce serves cash crops; no pairings yet.</summary>
    private static readonly CandidateUnit Bank = new(2, "市农行", UnitKind.FinancialInstitution, Strengths.Finance | Strengths.Commerce, 0, Streets());

    /// <summary>Medical answers neither weakness nor cash crops.</summary>
    private static readonly CandidateUnit Hospital = new(3, "市人民医院", UnitKind.Hospital, Strengths.Medical, 1, Streets("城关镇"));

    [Fact]
    public void ScoresTheGrainBureauByHand()
    {
        var suggestion = Matchmaker.Score(Village, GrainBureau);

        Assert.Equal(
            [
                new ScorePart(MatchFactor.Weaknesses, 20, 40, Strengths.Agriculture),
                new ScorePart(MatchFactor.Industries, 20, 20, Strengths.Agriculture),
                new ScorePart(MatchFactor.Needs, 0, 15, Strengths.None),
                new ScorePart(MatchFactor.Load, 0, 15, Strengths.None),
                new ScorePart(MatchFactor.Locality, 10, 10, Strengths.None),
            ],
            suggestion.Parts);
        Assert.Equal(50, suggestion.Score);
        Assert.Same(GrainBureau, suggestion.Unit);
    }

    [Fact]
    public void ScoresTheBankByHand()
    {
        var suggestion = Matchmaker.Score(Village, Bank);

        Assert.Equal(
            [
                new ScorePart(MatchFactor.Weaknesses, 20, 40, Strengths.Finance | Strengths.Commerce),
                new ScorePart(MatchFactor.Industries, 20, 20, Strengths.Commerce),
                new ScorePart(MatchFactor.Needs, 0, 15, Strengths.None),
                new ScorePart(MatchFactor.Load, 15, 15, Strengths.None),
                new ScorePart(MatchFactor.Locality, 0, 10, Strengths.None),
            ],
            suggestion.Parts);
        Assert.Equal(55, suggestion.Score);
    }

    [Fact]
    public void ScoresTheHospitalByHand()
    {
        var suggestion = Matchmaker.Score(Village, Hospital);

        Assert.Equal(
            [
                new ScorePart(MatchFactor.Weaknesses, 0, 40, Strengths.None),
                new ScorePart(MatchFactor.Industries, 0, 20, Strengths.None),
                new ScorePart(MatchFactor.Needs, 0, 15, Strengths.None),
                new ScorePart(MatchFactor.Load, 12, 15, Strengths.None),
                new ScorePart(MatchFactor.Locality, 0, 10, Strengths.None),
            ],
            suggestion.Parts);
        Assert.Equal(12, suggestion.Score);
    }

    [Fact]
    public void RanksTheVillageCaseByScore()
    {
        var suggestions = Matchmaker.Suggest(Village, [Hospital, GrainBureau, Bank]);

        Assert.Equal(["市农行", "市粮食局", "市人民医院"], suggestions.Select(s => s.Unit.Name));
        Assert.Equal([55, 50, 12], suggestions.Select(s => s.Score));
    }

    [Fact]
    public void ScoresOnlyLoadAndLocalityGivenNoMatchingStrength()
    {
        var needy = Village with { OpenNeeds = Strengths.Education };
        var court = new CandidateUnit(4, "市司法局", UnitKind.GovernmentOrgan, Strengths.Legal | Strengths.PublicSecurity, 2, Streets(Township));

        var suggestion = Matchmaker.Score(needy, court);

        Assert.Equal([0, 0, 0, 9, 10], suggestion.Parts.Select(p => p.Points));
        Assert.All(suggestion.Parts, p => Assert.Equal(Strengths.None, p.Matched));
        Assert.Equal(19, suggestion.Score);
    }

    [Fact]
    public void MatchesExactlyTheStrengthsThatEarnedEachPart()
    {
        var needy = Village with { OpenNeeds = Strengths.Medical | Strengths.Legal | Strengths.Youth };
        var cooperative = new CandidateUnit(
            5, "市供销社", UnitKind.StateOwnedEnterprise,
            Strengths.Finance | Strengths.Commerce | Strengths.Medical | Strengths.Youth | Strengths.Culture | Strengths.PartyBuilding,
            3, Streets("城关镇"));

        var suggestion = Matchmaker.Score(needy, cooperative);
        var parts = suggestion.Parts.ToDictionary(p => p.Factor);

        Assert.Equal(Strengths.Finance | Strengths.Commerce, parts[MatchFactor.Weaknesses].Matched);
        Assert.Equal(Strengths.Commerce, parts[MatchFactor.Industries].Matched);
        Assert.Equal(Strengths.Medical | Strengths.Youth, parts[MatchFactor.Needs].Matched);
        Assert.Equal(Strengths.None, parts[MatchFactor.Load].Matched);
        Assert.Equal(Strengths.None, parts[MatchFactor.Locality].Matched);
        // Needs: 2 of 3 covered → 15 × 2 ÷ 3 = 10; load: 15 × 2 ÷ 5 = 6.
        Assert.Equal([20, 20, 10, 6, 0], suggestion.Parts.Select(p => p.Points));
    }

    [Theory]
    [InlineData(Weaknesses.WeakLeadership | Weaknesses.PoorInfrastructure | Weaknesses.FewSocialServices, Strengths.Legal | Strengths.Medical, 26, Strengths.Legal | Strengths.Medical)]
    [InlineData(Weaknesses.WeakLeadership | Weaknesses.PoorInfrastructure | Weaknesses.FewSocialServices, Strengths.Housing, 13, Strengths.Housing)]
    [InlineData(Weaknesses.WeakLeadership | Weaknesses.PoorPublicOrder, Strengths.Legal, 40, Strengths.Legal)]
    [InlineData(Weaknesses.None, Strengths.Legal | Strengths.Medical, 0, Strengths.None)]
    public void ScoresTheShareOfWeaknessesCoveredRoundedDown(Weaknesses weaknesses, Strengths strengths, int points, Strengths matched)
    {
        var community = new CommunityProfile("淮城街道", weaknesses, Industries.None);
        var unit = new CandidateUnit(6, "市审计局", UnitKind.GovernmentOrgan, strengths, 5, Streets());

        var part = Matchmaker.Score(community, unit).Parts[0];

        Assert.Equal(new ScorePart(MatchFactor.Weaknesses, points, 40, matched), part);
    }

    [Theory]
    [InlineData(0, 15)]
    [InlineData(1, 12)]
    [InlineData(2, 9)]
    [InlineData(3, 6)]
    [InlineData(4, 3)]
    [InlineData(5, 0)]
    [InlineData(6, 0)]
    [InlineData(12, 0)]
    public void AwardsFewerLoadPointsTheMorePairingsAUnitHasAndNoneFromFive(int openPairings, int points)
    {
        var unit = new CandidateUnit(7, "市审计局", UnitKind.GovernmentOrgan, Strengths.None, openPairings, Streets());

        var suggestion = Matchmaker.Score(Village, unit);

        Assert.Equal(new ScorePart(MatchFactor.Load, points, 15, Strengths.None), suggestion.Parts.Single(p => p.Factor == MatchFactor.Load));
        Assert.Equal(points, suggestion.Score);
    }

    [Fact]
    public void ScoresAHundredForAUnitCoveringEverythingWithNoPairingsInTheSameTownship()
    {
        var needy = Village with { OpenNeeds = Strengths.Medical | Strengths.Legal };
        var everything = Enum.GetValues<Strengths>().Aggregate(Strengths.None, (all, s) => all | s);
        var unit = new CandidateUnit(8, "市财政局", UnitKind.GovernmentOrgan, everything, 0, Streets(Township));

        var suggestion = Matchmaker.Score(needy, unit);

        Assert.Equal(100, suggestion.Score);
        Assert.All(suggestion.Parts, p => Assert.Equal(p.Max, p.Points));
    }

    [Fact]
    public void BreaksTiesByFewerPairingsThenByName()
    {
        // Commerce: weak economy 40 × 1 ÷ 2 = 20, cash crops 20; no locality; five or more pairings earn no load points: 40 each.
        var audit = new CandidateUnit(10, "市审计局", UnitKind.GovernmentOrgan, Strengths.Commerce, 6, Streets());
        var water = new CandidateUnit(11, "市水务局", UnitKind.GovernmentOrgan, Strengths.Commerce, 5, Streets());
        var commerce = new CandidateUnit(12, "市工商局", UnitKind.GovernmentOrgan, Strengths.Commerce, 5, Streets());

        var suggestions = Matchmaker.Suggest(Village, [audit, water, commerce]);

        Assert.Equal([40, 40, 40], suggestions.Select(s => s.Score));
        // 工 (U+5DE5) sorts before 水 (U+6C34) ordinally; 市审计局 has the most pairings and comes last.
        Assert.Equal(["市工商局", "市水务局", "市审计局"], suggestions.Select(s => s.Unit.Name));
    }

    [Fact]
    public void PutsAHigherScoreFirstWhateverItsLoad()
    {
        var local = new CandidateUnit(13, "市粮食局", UnitKind.GovernmentOrgan, Strengths.Agriculture, 4, Streets(Township));
        var idle = new CandidateUnit(14, "市人民医院", UnitKind.Hospital, Strengths.None, 0, Streets());

        var suggestions = Matchmaker.Suggest(Village, [idle, local]);

        // 市粮食局: 20 + 20 + 0 + 3 + 10 = 53; 市人民医院: 15.
        Assert.Equal([53, 15], suggestions.Select(s => s.Score));
        Assert.Same(local, suggestions[0].Unit);
    }

    [Theory]
    [InlineData(0, new string[0])]
    [InlineData(1, new[] { "市农行" })]
    [InlineData(2, new[] { "市农行", "市粮食局" })]
    [InlineData(10, new[] { "市农行", "市粮食局", "市人民医院" })]
    public void ListsNoMoreThanTheNumberAskedFor(int take, string[] expected)
    {
        var suggestions = Matchmaker.Suggest(Village, [Hospital, GrainBureau, Bank], take);

        Assert.Equal(expected, suggestions.Select(s => s.Unit.Name));
    }

    [Fact]
    public void ListsTenByDefault()
    {
        var candidates = Enumerable.Range(1, 12).Select(i => new CandidateUnit(100 + i, $"单位{i:00}", UnitKind.PrivateEnterprise, Strengths.None, i % 6, Streets()));

        var suggestions = Matchmaker.Suggest(Village, candidates);

        Assert.Equal(10, suggestions.Count);
        Assert.DoesNotContain(suggestions, s => s.Unit.OpenPairings == 5);
    }

    private static HashSet<string> Streets(params string[] names) => new(names, StringComparer.Ordinal);
}
