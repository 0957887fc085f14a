using CivicPairing.Domain.Pairings;
using CivicPairing.Domain.Registry;
using CivicPairing.Web.Data;
using CivicPairing.Web.Features.Registry;
using CivicPairing.Web.Identity;
using CivicPairing.Web.Infrastructure;
using CivicPairing.Web.Infrastructure.Imports;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CivicPairing.Web.Features.Units;

public sealed record UnitListPage(UnitListQuery Query, PagedList<Unit> Units);

public sealed record PairedParty(int PairingId, int PartyId, string PartyName, string? Detail, PairingStatus Status, DateOnly StartDate)
{
    /// <summary>The viewer may open the other party's page: otherwise its name is shown without a link.</summary>
    public bool CanOpen { get; init; }
}

public sealed record UnitDetailsPage(Unit Unit, IReadOnlyList<PairedParty> Pairings, bool CanEdit);

/// <summary>The registry of units (单位): the office keeps it; a liaison sees their own unit.</summary>
// Office actions carry their role; Details is open to every signed-in user and checks the row itself.
public sealed class UnitsController(
    AppDbContext db, IValidator<UnitInput> validator, SpreadsheetImport import, PartyAccess access, CityClock clock, IStringLocalizer<SharedResource> l)
    : RegistryController<Unit, UnitInput>(db, validator, import, clock, l)
{
    protected override string ImportKind => UnitSheet.ImportKind;
    protected override IReadOnlyList<SheetColumn<Unit, UnitInput>> Columns => UnitSheet.Columns;
    protected override string ListTitle => L["Units"];
    protected override string ImportTitle => L["Import units"];
    protected override UnitInput ToInput(Unit record) => UnitInput.From(record);

    protected override async Task<string?> DeactivationBlockedReasonAsync(int id, CancellationToken ct)
    {
        var active = await Db.Pairings.CountAsync(p => p.UnitId == id && p.Status == PairingStatus.Active, ct);
        return active == 0 ? null : L["This unit still has {0} pairing(s) in force. End them before deactivating the unit.", active].Value;
    }

    [Authorize(Roles = Roles.OfficeOrAdmin)]
    [HttpGet]
    public async Task<IActionResult> Index(UnitListQuery query, CancellationToken ct) =>
        View(new UnitListPage(query, await query.Apply(Db.Units.AsNoTracking()).ToPagedListAsync(query.Page, ct: ct)));

    [Authorize(Roles = Roles.OfficeOrAdmin)]
    [HttpGet]
    public IActionResult Export(UnitListQuery query, string format) => ExportFile(format, query.Apply(Db.Units.AsNoTracking()));

    [HttpGet]
    public async Task<IActionResult> Details(int id, CancellationToken ct)
    {
        var unit = await Db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null || !await access.CanViewUnitAsync(User, id, ct))
        {
            return NotFound();
        }
        var pairings = await Db.Pairings.AsNoTracking()
            .Where(p => p.UnitId == id)
            .OrderBy(p => p.Status).ThenBy(p => p.Community!.Name)
            .Select(p => new PairedParty(p.Id, p.CommunityId, p.Community!.Name, p.Community.Street, p.Status, p.StartDate))
            .ToListAsync(ct);
        pairings = pairings.Select(p => p with
        {
            CanOpen = PartyAccess.MayViewCommunity(User, p.PartyId, User.GetUnitId() == id && p.Status == PairingStatus.Active),
        }).ToList();
        return View(new UnitDetailsPage(unit, pairings, User.IsOfficeOrAdmin()));
    }
}
