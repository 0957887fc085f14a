using CivicPairing.Domain.Pairings;
using CivicPairing.Web.Infrastructure;

namespace CivicPairing.Web.Features.Pairings;

public sealed class PairingListQuery : ListQuery
{
    public PairingStatus? Status { get; set; }
    public string? Street { get; set; }

    /// <summary>Pairings in force for longer than this many days without a confirmed activity in them (the dashboard's alert).</summary>
    public int? IdleDays { get; set; }

    /// <summary>The pairings the filters keep, unsorted (what the list counts; <see cref="Sorted"/> orders the page).</summary>
    /// <param name="today">The city's today, from which <see cref="IdleDays"/> counts back.</param>
    public IQueryable<Pairing> Filter(IQueryable<Pairing> pairings, IQueryable<Domain.Activities.Activity> activities, DateOnly today)
    {
        if (IdleDays is > 0 and <= 3650)
        {
            pairings = pairings.IdleSince(activities, today.AddDays(-IdleDays.Value));
        }
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
        return pairings;
    }

    public IQueryable<Pairing> Sorted(IQueryable<Pairing> pairings) =>
        (Sort, Desc) switch
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

    public override Dictionary<string, string?> ToRouteValues()
    {
        var values = BaseRouteValues();
        values["status"] = Status?.ToString();
        values["street"] = string.IsNullOrWhiteSpace(Street) ? null : Street;
        values["idleDays"] = IdleDays?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return values;
    }
}
