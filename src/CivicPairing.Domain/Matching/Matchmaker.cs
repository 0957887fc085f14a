using CivicPairing.Domain.Registry;

namespace CivicPairing.Domain.Matching;

/// <summary>What the matchmaker knows of a candidate unit.</summary>
public sealed record CandidateUnit(int Id, string Name, UnitKind Kind, Strengths Strengths, int OpenPairings, IReadOnlySet<string> StreetsServed);

/// <summary>What the matchmaker knows of the community looking for a unit.</summary>
public sealed record CommunityProfile(string Street, Weaknesses Weaknesses, Industries Industries, Strengths OpenNeeds = Strengths.None);

/// <summary>One scored component of a suggestion, with the strengths that earned it.</summary>
public sealed record ScorePart(MatchFactor Factor, int Points, int Max, Strengths Matched);

public enum MatchFactor
{
    [System.ComponentModel.DataAnnotations.Display(Name = "Answers the community's weaknesses")]
    Weaknesses = 1,
    [System.ComponentModel.DataAnnotations.Display(Name = "Serves its industries")]
    Industries = 2,
    [System.ComponentModel.DataAnnotations.Display(Name = "Meets its open needs")]
    Needs = 3,
    [System.ComponentModel.DataAnnotations.Display(Name = "Has room for another pairing")]
    Load = 4,
    [System.ComponentModel.DataAnnotations.Display(Name = "Already works in the same street or township")]
    Locality = 5,
}

public sealed record Suggestion(CandidateUnit Unit, int Score, IReadOnlyList<ScorePart> Parts);

/// <summary>
/// Suggests units for a community by complementarity (篇3): a unit's strengths against the
/// community's weaknesses, industries and open needs, preferring units with few pairings already
/// and units that already work in the same street or township. Every point is explained.
/// </summary>
public static class Matchmaker
{
    public const int WeaknessPoints = 40;
    public const int IndustryPoints = 20;
    public const int NeedPoints = 15;
    public const int LoadPoints = 15;
    public const int LocalityPoints = 10;

    /// <summary>Which strengths answer which weakness type of 篇3.</summary>
    public static readonly IReadOnlyDictionary<Weaknesses, Strengths> HelpsWith = new Dictionary<Weaknesses, Strengths>
    {
        [Weaknesses.WeakLeadership] = Strengths.PartyBuilding | Strengths.Legal,
        [Weaknesses.PoorPublicOrder] = Strengths.PublicSecurity | Strengths.Legal,
        [Weaknesses.PoorInfrastructure] = Strengths.Infrastructure | Strengths.Housing | Strengths.Environment,
        [Weaknesses.WeakEconomy] = Strengths.Finance | Strengths.Commerce | Strengths.Agriculture | Strengths.Employment | Strengths.SciTech,
        [Weaknesses.FewSocialServices] = Strengths.Medical | Strengths.Education | Strengths.Culture | Strengths.ElderlyCare | Strengths.Youth,
    };

    /// <summary>Which strengths serve which industry type of 篇3 (a supermarket chain for cash crops, say).</summary>
    public static readonly IReadOnlyDictionary<Industries, Strengths> Serves = new Dictionary<Industries, Strengths>
    {
        [Industries.GrainFarming] = Strengths.Agriculture | Strengths.SciTech,
        [Industries.Livestock] = Strengths.Agriculture | Strengths.SciTech | Strengths.Medical,
        [Industries.CashCrops] = Strengths.Commerce | Strengths.Agriculture,
        [Industries.LabourExport] = Strengths.Employment | Strengths.Education,
        [Industries.AgriProcessing] = Strengths.Commerce | Strengths.Finance | Strengths.SciTech,
    };

    /// <summary>Above this many open pairings a unit earns no load points (one bureau with five villages is a full hand, 篇7).</summary>
    public const int FullLoad = 5;

    public static IReadOnlyList<Suggestion> Suggest(CommunityProfile community, IEnumerable<CandidateUnit> candidates, int take = 10) =>
        candidates
            .Select(unit => Score(community, unit))
            .OrderByDescending(s => s.Score)
            .ThenBy(s => s.Unit.OpenPairings)
            .ThenBy(s => s.Unit.Name, StringComparer.Ordinal)
            .Take(take)
            .ToList();

    public static Suggestion Score(CommunityProfile community, CandidateUnit unit)
    {
        var parts = new List<ScorePart>
        {
            Coverage(MatchFactor.Weaknesses, community.Weaknesses.Flagged().Select(w => HelpsWith[w]).ToList(), unit.Strengths, WeaknessPoints),
            Coverage(MatchFactor.Industries, community.Industries.Flagged().Select(i => Serves[i]).ToList(), unit.Strengths, IndustryPoints),
            Coverage(MatchFactor.Needs, community.OpenNeeds.Flagged().ToList(), unit.Strengths, NeedPoints),
            new(MatchFactor.Load, LoadPoints * Math.Max(0, FullLoad - unit.OpenPairings) / FullLoad, LoadPoints, Strengths.None),
            new(MatchFactor.Locality, unit.StreetsServed.Contains(community.Street) ? LocalityPoints : 0, LocalityPoints, Strengths.None),
        };
        return new Suggestion(unit, parts.Sum(p => p.Points), parts);
    }

    /// <summary>Share of the wanted things (each a set of strengths that would do) that the unit covers.</summary>
    private static ScorePart Coverage(MatchFactor factor, IReadOnlyList<Strengths> wanted, Strengths offered, int max)
    {
        if (wanted.Count == 0)
        {
            return new ScorePart(factor, 0, max, Strengths.None);
        }
        var covered = wanted.Count(w => (w & offered) != 0);
        var matched = wanted.Aggregate(Strengths.None, (all, w) => all | (w & offered));
        return new ScorePart(factor, max * covered / wanted.Count, max, matched);
    }
}
