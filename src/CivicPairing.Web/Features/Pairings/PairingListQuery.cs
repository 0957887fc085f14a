using CivicPairing.Domain.Pairings;
using CivicPairing.Domain.Registry;
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

    /// <summary>
    /// The page of rows in the chosen order. Names sort through the communities' or units' name index: the name table
    /// is walked in order and each of its pairings looked up (the uncorrelated <c>from … from …</c> becomes a CROSS
    /// JOIN, which SQLite keeps in the written order), so a page reads a page's worth of rows instead of sorting the
    /// province's pairings. The default order, proposals first, is read status by status (<see cref="Segments"/>).
    /// </summary>
    public IQueryable<PairingRow> Rows(IQueryable<Pairing> pairings, IQueryable<Community> communities, IQueryable<Unit> units) =>
        (Sort, Desc) switch
        {
            ("community", var desc) => ByCommunity(pairings, communities, desc),
            ("unit", true) => from u in units
                              from p in pairings
                              where p.UnitId == u.Id
                              orderby u.Name descending, p.Community!.Name
                              select new PairingRow(p.Id, p.UnitId, u.Name, p.CommunityId, p.Community!.Name, p.Community.Street, p.Status, p.ProposedBy, p.StartDate, p.EndDate),
            ("unit", false) => from u in units
                               from p in pairings
                               where p.UnitId == u.Id
                               orderby u.Name, p.Community!.Name
                               select new PairingRow(p.Id, p.UnitId, u.Name, p.CommunityId, p.Community!.Name, p.Community.Street, p.Status, p.ProposedBy, p.StartDate, p.EndDate),
            ("start", false) => Project(pairings.OrderBy(p => p.StartDate).ThenBy(p => p.Id)),
            ("start", true) => Project(pairings.OrderByDescending(p => p.StartDate).ThenByDescending(p => p.Id)),
            _ => ByCommunity(pairings, communities, desc: false),
        };

    /// <summary>The same order as <see cref="Rows"/> in one sorted query, for a few pairings (a party's own, a narrow filter).</summary>
    public IQueryable<PairingRow> Sorted(IQueryable<Pairing> pairings) => Project((Sort, Desc) switch
    {
        ("community", false) => pairings.OrderBy(p => p.Community!.Name).ThenBy(p => p.Unit!.Name),
        ("community", true) => pairings.OrderByDescending(p => p.Community!.Name).ThenBy(p => p.Unit!.Name),
        ("unit", false) => pairings.OrderBy(p => p.Unit!.Name).ThenBy(p => p.Community!.Name),
        ("unit", true) => pairings.OrderByDescending(p => p.Unit!.Name).ThenBy(p => p.Community!.Name),
        ("start", false) => pairings.OrderBy(p => p.StartDate).ThenBy(p => p.Id),
        ("start", true) => pairings.OrderByDescending(p => p.StartDate).ThenByDescending(p => p.Id),
        _ => pairings.OrderBy(p => p.Status).ThenBy(p => p.Community!.Name).ThenBy(p => p.Unit!.Name),
    });

    /// <summary>The default order reads one status at a time, in the statuses' order: proposals waiting for the office first.</summary>
    public IEnumerable<System.Linq.Expressions.Expression<Func<Pairing, bool>>>? Segments =>
        Sort is "community" or "unit" or "start" ? null : Enum.GetValues<PairingStatus>().Select(s => (System.Linq.Expressions.Expression<Func<Pairing, bool>>)(p => p.Status == s));

    private static IQueryable<PairingRow> ByCommunity(IQueryable<Pairing> pairings, IQueryable<Community> communities, bool desc)
    {
        var joined = from c in communities
                     from p in pairings
                     where p.CommunityId == c.Id
                     select new { c, p };
        var ordered = desc
            ? joined.OrderByDescending(x => x.c.Name).ThenBy(x => x.p.Unit!.Name)
            : joined.OrderBy(x => x.c.Name).ThenBy(x => x.p.Unit!.Name);
        return ordered.Select(x => new PairingRow(x.p.Id, x.p.UnitId, x.p.Unit!.Name, x.p.CommunityId, x.c.Name, x.c.Street, x.p.Status, x.p.ProposedBy, x.p.StartDate, x.p.EndDate));
    }

    private static IQueryable<PairingRow> Project(IQueryable<Pairing> pairings) =>
        pairings.Select(p => new PairingRow(p.Id, p.UnitId, p.Unit!.Name, p.CommunityId, p.Community!.Name, p.Community.Street, p.Status, p.ProposedBy, p.StartDate, p.EndDate));

    public override Dictionary<string, string?> ToRouteValues()
    {
        var values = BaseRouteValues();
        values["status"] = Status?.ToString();
        values["street"] = string.IsNullOrWhiteSpace(Street) ? null : Street;
        values["idleDays"] = IdleDays?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return values;
    }
}
