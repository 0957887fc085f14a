using CivicPairing.Domain.Needs;
using CivicPairing.Domain.Pairings;
using CivicPairing.Domain.Registry;
using CivicPairing.Web.Data;
using CivicPairing.Web.Features.Pairings;
using CivicPairing.Web.Features.Ranking;
using CivicPairing.Web.Features.Registry;
using CivicPairing.Web.Identity;
using CivicPairing.Web.Infrastructure;
using CivicPairing.Web.Infrastructure.Imports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CivicPairing.Web.Features.Coverage;

/// <param name="HelpedBy">Units not paired with the community that took one of its needs (点单–接单): help, though not a pairing.</param>
public sealed record CoverageRow(int Id, string Name, CommunityKind Kind, string Street, IReadOnlyList<string> Units, IReadOnlyList<string> HelpedBy)
{
    public bool IsPaired => Units.Count > 0;
}

public sealed record StreetCoverage(string Street, IReadOnlyList<CoverageRow> Communities)
{
    public int Paired => Communities.Count(c => c.IsPaired);
}

/// <summary>A street or township's coverage in figures, for the overview of a province's thousands of streets.</summary>
/// <param name="HelpedUnpaired">Communities without a unit whose need a unit took.</param>
public sealed record StreetSummary(string Street, int Communities, int Paired, int HelpedUnpaired)
{
    public int Unpaired => Communities - Paired;
}

/// <summary>
/// Coverage for the filters: every community of the chosen street (or of a city small enough to read on one page), or
/// else one line per street, those with the most communities still without a unit first.
/// </summary>
public sealed record CoveragePage(string? Street, CommunityKind? Kind, int Total, int Paired, int HelpedUnpaired, IReadOnlyList<StreetCoverage> Streets,
    IReadOnlyList<StreetSummary> Summary, int StreetCount, IReadOnlyList<string> AllStreets)
{
    public double Share => Total == 0 ? 0 : (double)Paired / Total;
}

/// <summary>
/// Which communities and villages have a unit (篇3: 620 of 1,872 villages paired): by street or
/// township, the unpaired first, with the share paired.
/// </summary>
[Authorize(Roles = Roles.OfficeOrAdmin)]
public sealed class CoverageController(AppDbContext db, FactsStore facts, IStringLocalizer<SharedResource> l) : Controller
{
    /// <summary>Past this many communities the page shows one line per street, and a street's communities on its own page.</summary>
    public const int DetailedUpTo = 300;

    /// <summary>How many streets the overview lists, the most unpaired first.</summary>
    public const int StreetsListed = 100;

    [HttpGet]
    public async Task<IActionResult> Index(string? street, CommunityKind? kind, CancellationToken ct)
    {
        var allStreets = await facts.ActiveStreetsAsync(db.Communities.AsNoTracking(), ct);
        var taken = db.Needs.Where(Need.TakenByAUnit);
        var byStreet = await Filtered(street, kind).GroupBy(c => c.Street)
            .Select(g => new StreetSummary(g.Key, g.Count(), g.Count(c => db.Pairings.Any(p => p.CommunityId == c.Id && p.Status == PairingStatus.Active)),
                g.Count(c => !db.Pairings.Any(p => p.CommunityId == c.Id && p.Status == PairingStatus.Active) && taken.Any(n => n.CommunityId == c.Id))))
            .ToListAsync(ct);
        var (total, paired, helped) = (byStreet.Sum(s => s.Communities), byStreet.Sum(s => s.Paired), byStreet.Sum(s => s.HelpedUnpaired));
        if (total > DetailedUpTo)
        {
            var summary = byStreet.OrderByDescending(s => s.Unpaired).ThenBy(s => s.Street, NameCollation.Comparer).Take(StreetsListed).ToList();
            return View(new CoveragePage(street, kind, total, paired, helped, [], summary, byStreet.Count, allStreets));
        }
        var streets = (await RowsAsync(street, kind, ct)).GroupBy(r => r.Street)
            .Select(g => new StreetCoverage(g.Key, [.. g.OrderBy(r => r.IsPaired).ThenBy(r => r.Name, NameCollation.Comparer)]))
            .OrderBy(s => s.Paired == s.Communities.Count).ThenByDescending(s => s.Communities.Count - s.Paired).ThenBy(s => s.Street, NameCollation.Comparer)
            .ToList();
        return View(new CoveragePage(street, kind, total, paired, helped, streets, [], byStreet.Count, allStreets));
    }

    [HttpGet]
    public async Task<IActionResult> Export(string? street, CommunityKind? kind, string format, CancellationToken ct)
    {
        if (!TableExportResult<CoverageRow>.IsSupported(format))
        {
            return NotFound();
        }
        var rows = (await RowsAsync(street, kind, ct)).OrderBy(r => r.Street, NameCollation.Comparer).ThenBy(r => r.IsPaired).ThenBy(r => r.Name, NameCollation.Comparer).ToList();
        SheetColumn<CoverageRow, object>[] columns =
        [
            new("Street or township", (r, _) => r.Street),
            new("Community name", (r, _) => r.Name),
            new("Kind", (r, loc) => loc.Text(r.Kind)),
            new("Paired", (r, loc) => r.IsPaired ? loc["Yes"].Value : loc["No"].Value),
            new("Paired units", (r, loc) => string.Join(loc["、"], r.Units)),
            new("Units helping through needs", (r, loc) => string.Join(loc["、"], r.HelpedBy)),
        ];
        return new TableExportResult<CoverageRow>(format, l["Coverage"], [.. columns.Select(c => l[c.Header].Value)], rows.ToAsyncEnumerable(),
            r => [.. columns.Select(c => c.Export(r, l))]);
    }

    /// <summary>Every active community with the units of its pairings in force: two queries, whatever the count.</summary>
    private async Task<List<CoverageRow>> RowsAsync(string? street, CommunityKind? kind, CancellationToken ct)
    {
        var list = await Filtered(street, kind).Select(c => new { c.Id, c.Name, c.Kind, c.Street }).ToListAsync(ct);
        var ids = list.Select(c => c.Id).ToList();
        var units = (await db.Pairings.AsNoTracking()
                .Where(p => p.Status == PairingStatus.Active && ids.Contains(p.CommunityId))
                .Select(p => new { p.CommunityId, p.Unit!.Name })
                .ToListAsync(ct))
            .ToLookup(p => p.CommunityId, p => p.Name);
        var helpers = (await db.Needs.AsNoTracking().Where(Need.TakenByAUnit).Where(n => ids.Contains(n.CommunityId))
                .Select(n => new { n.CommunityId, n.TakenBy!.Name })
                .Distinct()
                .ToListAsync(ct))
            .ToLookup(n => n.CommunityId, n => n.Name);
        return [.. list.Select(c => new CoverageRow(c.Id, c.Name, c.Kind, c.Street, [.. units[c.Id].Order(NameCollation.Comparer)],
            [.. helpers[c.Id].Except(units[c.Id]).Order(NameCollation.Comparer)]))];
    }

    private IQueryable<Community> Filtered(string? street, CommunityKind? kind)
    {
        var communities = db.Communities.AsNoTracking().WhereActive();
        if (!string.IsNullOrWhiteSpace(street))
        {
            communities = communities.Where(c => c.Street == street);
        }
        if (kind is { } k)
        {
            communities = communities.Where(c => c.Kind == k);
        }
        return communities;
    }
}
