using System.Globalization;
using CivicPairing.Domain.Pairings;
using CivicPairing.Domain.Registry;
using CivicPairing.Web.Infrastructure;

namespace CivicPairing.Web.Features.Communities;

public sealed class CommunityListQuery : ListQuery
{
    public CommunityKind? Kind { get; set; }
    public string? Street { get; set; }
    public Weaknesses? Weakness { get; set; }
    /// <summary>true: with an active pairing; false: without one (the office's first worry).</summary>
    public bool? Paired { get; set; }
    public bool? Active { get; set; } = true;

    public IQueryable<Community> Apply(IQueryable<Community> communities, IQueryable<Pairing> pairings)
    {
        if (SearchText is { } q)
        {
            communities = communities.Where(c => c.Name.Contains(q) || (c.SecretaryName != null && c.SecretaryName.Contains(q)));
        }
        if (Kind is { } kind)
        {
            communities = communities.Where(c => c.Kind == kind);
        }
        if (!string.IsNullOrWhiteSpace(Street))
        {
            communities = communities.Where(c => c.Street == Street);
        }
        if (Weakness is { } weakness)
        {
            communities = communities.Where(c => (c.Weaknesses & weakness) == weakness);
        }
        if (Paired is { } paired)
        {
            communities = communities.Where(c => pairings.Any(p => p.CommunityId == c.Id && p.Status == PairingStatus.Active) == paired);
        }
        if (Active is { } active)
        {
            communities = communities.Where(c => c.IsActive == active);
        }
        return (Sort, Desc) switch
        {
            ("street", false) => communities.OrderBy(c => c.Street).ThenBy(c => c.Name),
            ("street", true) => communities.OrderByDescending(c => c.Street).ThenBy(c => c.Name),
            ("kind", false) => communities.OrderBy(c => c.Kind).ThenBy(c => c.Name),
            ("kind", true) => communities.OrderByDescending(c => c.Kind).ThenBy(c => c.Name),
            ("population", false) => communities.OrderBy(c => c.Population).ThenBy(c => c.Name),
            ("population", true) => communities.OrderByDescending(c => c.Population).ThenBy(c => c.Name),
            (_, true) => communities.OrderByDescending(c => c.Name),
            _ => communities.OrderBy(c => c.Name),
        };
    }

    public override Dictionary<string, string?> ToRouteValues()
    {
        var values = BaseRouteValues();
        values["kind"] = Kind?.ToString();
        values["street"] = string.IsNullOrWhiteSpace(Street) ? null : Street;
        values["weakness"] = Weakness?.ToString();
        values["paired"] = Paired is { } p ? p.ToString(CultureInfo.InvariantCulture).ToLowerInvariant() : null;
        values["active"] = Active is { } a ? a.ToString(CultureInfo.InvariantCulture).ToLowerInvariant() : "";
        return values;
    }
}
