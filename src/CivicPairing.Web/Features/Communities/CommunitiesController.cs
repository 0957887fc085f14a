using CivicPairing.Domain.Registry;
using CivicPairing.Web.Data;
using CivicPairing.Web.Features.Pairings;
using CivicPairing.Web.Features.Ranking;
using CivicPairing.Web.Features.Registry;
using CivicPairing.Web.Features.Units;
using CivicPairing.Web.Identity;
using CivicPairing.Web.Infrastructure;
using CivicPairing.Web.Infrastructure.Imports;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CivicPairing.Web.Features.Communities;

public sealed record CommunityListPage(CommunityListQuery Query, PagedList<CommunityRow> Communities, IReadOnlyList<string> Streets);

public sealed record CommunityRow(Community Community, int ActivePairings);

public sealed record CommunityDetailsPage(Community Community, IReadOnlyList<PairedParty> Pairings, bool CanEdit);

/// <summary>The registry of communities and villages (社区/村): the office keeps it; a secretary sees their own.</summary>
// Office actions carry their role; Details is open to every signed-in user and checks the row itself.
public sealed class CommunitiesController(
    AppDbContext db, IValidator<CommunityInput> validator, SpreadsheetImport import, PartyAccess access, FactsStore facts, CityClock clock, IStringLocalizer<SharedResource> l)
    : RegistryController<Community, CommunityInput>(db, validator, import, clock, l)
{
    protected override string ImportKind => CommunitySheet.ImportKind;
    protected override IReadOnlyList<SheetColumn<Community, CommunityInput>> Columns => CommunitySheet.Columns;
    protected override string ListTitle => L["Communities"];
    protected override string ImportTitle => L["Import communities and villages"];
    protected override CommunityInput ToInput(Community record) => CommunityInput.From(record);

    protected override async Task<string?> DeactivationBlockedReasonAsync(int id, CancellationToken ct)
    {
        var active = await Db.Pairings.CountAsync(p => p.CommunityId == id && p.Status == Domain.Pairings.PairingStatus.Active, ct);
        return active == 0 ? null : L["This community still has {0} pairing(s) in force. End them before deactivating it.", active].Value;
    }

    [Authorize(Roles = Roles.OfficeOrAdmin)]
    [HttpGet]
    public async Task<IActionResult> Index(CommunityListQuery query, CancellationToken ct)
    {
        var page = await query.Apply(Db.Communities.AsNoTracking(), Db.Pairings)
            .Select(c => new CommunityRow(c, Db.Pairings.Count(p => p.CommunityId == c.Id && p.Status == Domain.Pairings.PairingStatus.Active)))
            .ToPagedListAsync(query.Page, ct: ct);
        var streets = await facts.ActiveStreetsAsync(Db.Communities.AsNoTracking(), ct);
        return View(new CommunityListPage(query, page, streets));
    }

    [Authorize(Roles = Roles.OfficeOrAdmin)]
    [HttpGet]
    public IActionResult Export(CommunityListQuery query, string format) => ExportFile(format, query.Apply(Db.Communities.AsNoTracking(), Db.Pairings));

    [HttpGet]
    public async Task<IActionResult> Details(int id, CancellationToken ct)
    {
        var community = await Db.Communities.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (community is null || !await access.CanViewCommunityAsync(User, id, ct))
        {
            return NotFound();
        }
        var pairings = await Db.Pairings.AsNoTracking()
            .Where(p => p.CommunityId == id)
            .OrderBy(p => p.Status).ThenBy(p => p.Unit!.Name)
            .Select(p => new PairedParty(p.Id, p.UnitId, p.Unit!.Name, null, p.Status, p.StartDate))
            .ToListAsync(ct);
        pairings = pairings.Select(p => p with
        {
            CanOpen = PartyAccess.MayViewUnit(User, p.PartyId, User.GetCommunityId() == id && p.Status == Domain.Pairings.PairingStatus.Active),
        }).ToList();
        return View(new CommunityDetailsPage(community, pairings, User.IsOfficeOrAdmin()));
    }
}
