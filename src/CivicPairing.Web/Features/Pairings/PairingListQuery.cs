using CivicPairing.Domain.Pairings;
using CivicPairing.Web.Infrastructure;

namespace CivicPairing.Web.Features.Pairings;

public sealed class PairingListQuery : ListQuery
{
    public PairingStatus? Status { get; set; }
    public string? Street { get; set; }

    public IQueryable<Pairing> Apply(IQueryable<Pairing> pairings)
    {
        if (SearchText is { } q)
        {
            pairings = pairings.Where(p => p.Unit!.Name.Contains(q) || p.Community!.Name.Contains(q));
        }
        if (Status is { } status)
        {
            pairings = pairings.Where(p => p.Status == status);
        }
        if (!string.IsNullOrWhiteSpace(Street))
        {
            pairings = pairings.Where(p => p.Community!.Street == Street);
        }
        return (Sort, Desc) switch
        {
            ("community", false) => pairings.OrderBy(p => p.Community!.Name).ThenBy(p => p.Unit!.Name),
            ("community", true) => pairings.OrderByDescending(p => p.Community!.Name).ThenBy(p => p.Unit!.Name),
            ("start", false) => pairings.OrderBy(p => p.StartDate).ThenBy(p => p.Id),
            ("start", true) => pairings.OrderByDescending(p => p.StartDate).ThenBy(p => p.Id),
            ("unit", true) => pairings.OrderByDescending(p => p.Unit!.Name).ThenBy(p => p.Community!.Name),
            ("unit", false) => pairings.OrderBy(p => p.Unit!.Name).ThenBy(p => p.Community!.Name),
            // Proposals waiting for the office come first, then pairings in force.
            _ => pairings.OrderBy(p => p.Status).ThenBy(p => p.Community!.Name).ThenBy(p => p.Unit!.Name),
        };
    }

    public override Dictionary<string, string?> ToRouteValues()
    {
        var values = BaseRouteValues();
        values["status"] = Status?.ToString();
        values["street"] = string.IsNullOrWhiteSpace(Street) ? null : Street;
        return values;
    }
}
