using CivicPairing.Domain;
using CivicPairing.Domain.Agreements;
using CivicPairing.Domain.Pairings;
using CivicPairing.Web.Data;
using CivicPairing.Web.Identity;
using CivicPairing.Web.Infrastructure;
using FluentValidation;
using FluentValidation.AspNetCore;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CivicPairing.Web.Features.Agreements;

public sealed class AgreementListQuery : ListQuery
{
    public AgreementStatus? Status { get; set; }

    /// <summary>Filed agreements whose period ends within this many days (the dashboard's alert).</summary>
    public int? ExpiringWithinDays { get; set; }

    public override Dictionary<string, string?> ToRouteValues()
    {
        var values = BaseRouteValues();
        values["status"] = Status?.ToString();
        values["expiringWithinDays"] = ExpiringWithinDays?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return values;
    }
}

public sealed record AgreementRow(int Id, string Number, int VersionNumber, string Title, string UnitName, string CommunityName, AgreementStatus Status, DateOnly StartDate, DateOnly EndDate, int Tasks, int Confirmed);

public sealed record AgreementListPage(AgreementListQuery Query, PagedList<AgreementRow> Agreements);

public sealed record AgreementFormPage(AgreementInput Input, Pairing Pairing, int? AgreementId);

public sealed record AgreementPage(Agreement Agreement, AgreementStatus Status, bool IsOffice, bool ActsForUnit, bool ActsForCommunity, int? NextVersionId);

/// <summary>协议书: drafted by the unit from the template, signed by both sides, filed by the office, printed as A4.</summary>
public sealed class AgreementsController(
    AppDbContext db, PartyAccess access, IValidator<AgreementInput> validator, CityClock clock, IStringLocalizer<SharedResource> l) : Controller
{
    private string Actor => User.Identity?.Name ?? "";

    [HttpGet]
    public async Task<IActionResult> Index(AgreementListQuery query, CancellationToken ct) =>
        View(new AgreementListPage(query, await Rows(query).ToPagedListAsync(query.Page, ct: ct)));

    /// <summary>Exactly the rows the list's filters keep, in the list's order, streamed from the query to the file.</summary>
    [HttpGet]
    public IActionResult Export(AgreementListQuery query, string format)
    {
        if (!TableExportResult<AgreementRow>.IsSupported(format))
        {
            return NotFound();
        }
        string[] headers = ["Agreement number", "Version", "Title", "Party A (unit)", "Party B (community)", "Status", "Start date", "End date", "Tasks", "Tasks confirmed"];
        return new TableExportResult<AgreementRow>(format, l["Agreements"], [.. headers.Select(h => l[h].Value)], Rows(query).AsAsyncEnumerable(),
            r => [r.Number, r.VersionNumber, r.Title, r.UnitName, r.CommunityName, l.Text(r.Status), r.StartDate, r.EndDate, r.Tasks, r.Confirmed]);
    }

    /// <summary>The agreements the user may see that the list's filters keep, in the list's order (the list and its export).</summary>
    private IQueryable<AgreementRow> Rows(AgreementListQuery query)
    {
        var today = clock.Today;
        var agreements = access.VisibleAgreements(User).AsNoTracking();
        if (query.SearchText is { } q)
        {
            agreements = agreements.Where(a => a.Title.Contains(q) || a.Number.Contains(q) || a.Pairing!.Unit!.Name.Contains(q) || a.Pairing.Community!.Name.Contains(q));
        }
        if (query.ExpiringWithinDays is > 0 and <= 3650)
        {
            var until = today.AddDays(query.ExpiringWithinDays.Value);
            agreements = agreements.Where(a => a.Status == AgreementStatus.Filed && a.EndDate >= today && a.EndDate <= until);
        }
        agreements = query.Status switch
        {
            AgreementStatus.Filed => agreements.Where(a => a.Status == AgreementStatus.Filed && a.EndDate >= today),
            AgreementStatus.Expired => agreements.Where(a => a.Status == AgreementStatus.Filed && a.EndDate < today),
            { } status => agreements.Where(a => a.Status == status),
            null => agreements,
        };
        return agreements
            .OrderBy(a => a.Status).ThenByDescending(a => a.StartDate).ThenBy(a => a.Id)
            .Select(a => new AgreementRow(a.Id, a.Number, a.VersionNumber, a.Title, a.Pairing!.Unit!.Name, a.Pairing.Community!.Name,
                a.Status == AgreementStatus.Filed && a.EndDate < today ? AgreementStatus.Expired : a.Status,
                a.StartDate, a.EndDate, a.Tasks.Count(t => t.Status != AgreementTaskStatus.Cancelled), a.Tasks.Count(t => t.Status == AgreementTaskStatus.Confirmed)));
    }

    [HttpGet]
    public async Task<IActionResult> Details(int id, CancellationToken ct)
    {
        var agreement = await LoadAsync(id, tracking: false, ct);
        if (agreement is null)
        {
            return NotFound();
        }
        var next = await db.Agreements.Where(a => a.PreviousVersionId == id).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct);
        return View(new AgreementPage(agreement, agreement.EffectiveStatus(clock.Today), User.IsOfficeOrAdmin(),
            PartyAccess.ActsForUnit(User, agreement.Pairing!), PartyAccess.ActsForCommunity(User, agreement.Pairing!), next));
    }

    /// <summary>The A4 paper the agreement replaces (篇4): 甲方/乙方, numbered sections, signature blocks.</summary>
    [HttpGet]
    public async Task<IActionResult> Print(int id, CancellationToken ct)
    {
        var agreement = await LoadAsync(id, tracking: false, ct);
        return agreement is null ? NotFound() : View(agreement);
    }

    [HttpGet]
    public async Task<IActionResult> Create(int pairingId, CancellationToken ct)
    {
        var pairing = await DraftablePairingAsync(pairingId, ct);
        if (pairing is null)
        {
            return NotFound();
        }
        var today = clock.Today;
        var input = new AgreementInput
        {
            PairingId = pairing.Id,
            Number = $"JD-{today.Year}-{pairing.Id:000}",
            Title = l["Agreement on pairing co-construction between {0} and {1}", pairing.Unit!.Name, pairing.Community!.Name],
            FocusAreas = [.. Enum.GetValues<FocusAreas>().Where(f => f != FocusAreas.None)],
            Principles = Agreement.DefaultPrinciples,
            StartDate = today,
            EndDate = today.AddYears(1).AddDays(-1),
            VisitsPerMonth = 1,
            CoordinationMeetingsPerQuarter = 1,
            JointMeetingsPerHalfYear = 1,
        };
        return View("Edit", new AgreementFormPage(input.WithBlankRows(), pairing, null));
    }

    [HttpPost]
    public async Task<IActionResult> Create(AgreementInput input, CancellationToken ct)
    {
        var pairing = await DraftablePairingAsync(input.PairingId, ct);
        if (pairing is null)
        {
            return NotFound();
        }
        if (!await IsValidAsync(input, ct))
        {
            return View("Edit", new AgreementFormPage(input.WithBlankRows(), pairing, null));
        }
        var agreement = new Agreement { PairingId = pairing.Id, CreatedAt = clock.Now };
        input.ApplyTo(agreement);
        db.Agreements.Add(agreement);
        await db.SaveChangesAsync(ct);
        TempData["Success"] = l["The draft agreement was saved. Check it, then sign it for the unit."].Value;
        return RedirectToAction(nameof(Details), new { id = agreement.Id });
    }

    [HttpGet]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var agreement = await EditableAsync(id, ct);
        if (agreement is null)
        {
            return NotFound();
        }
        if (!agreement.IsEditable)
        {
            TempData["Error"] = l["A signed or filed agreement cannot be edited; amend it instead."].Value;
            return RedirectToAction(nameof(Details), new { id });
        }
        var input = AgreementInput.From(agreement).WithBlankRows();
        input.NumberLocked = agreement.VersionNumber > 1;
        return View(new AgreementFormPage(input, agreement.Pairing!, id));
    }

    [HttpPost]
    public async Task<IActionResult> Edit(int id, AgreementInput input, CancellationToken ct)
    {
        var agreement = await EditableAsync(id, ct);
        if (agreement is null)
        {
            return NotFound();
        }
        input.PairingId = agreement.PairingId;
        input.AgreementId = agreement.Id;
        if (agreement.VersionNumber > 1)
        {
            input.Number = agreement.Number;
            input.NumberLocked = true;
        }
        if (!agreement.IsEditable)
        {
            TempData["Error"] = l["A signed or filed agreement cannot be edited; amend it instead."].Value;
            return RedirectToAction(nameof(Details), new { id });
        }
        if (!await IsValidAsync(input, ct))
        {
            return View(new AgreementFormPage(input.WithBlankRows(), agreement.Pairing!, id));
        }
        if (!await Concurrency.TrySaveAsync(db, agreement, input.Version, () => input.ApplyTo(agreement), ct))
        {
            ModelState.AddModelError("", l["Someone else changed this record while you were editing. Their version is shown below the form; save again to replace it with yours."]);
            return View(new AgreementFormPage(AgreementInput.From(agreement).WithBlankRows(), agreement.Pairing!, id));
        }
        TempData["Success"] = l["Changes to {0} were saved.", agreement.Title].Value;
        return RedirectToAction(nameof(Details), new { id });
    }

    /// <summary>Party A signs: the unit's liaison, or the office recording a paper signature.</summary>
    [HttpPost]
    public Task<IActionResult> SignUnit(int id, string? signatory, DateOnly? signedOn, Guid version, CancellationToken ct) =>
        ActAsync(id, version, (a, user) => user.Office || user.Unit, a =>
            {
                Agreement.CheckSignDate(signedOn ?? clock.Today, clock.Today);
                a.SignByUnit(signatory ?? "", signedOn ?? clock.Today);
            },
            l["Signed for the unit. The community signs next."], ct);

    /// <summary>Party B signs: the community's secretary, or the office recording a paper signature.</summary>
    [HttpPost]
    public Task<IActionResult> SignCommunity(int id, string? signatory, DateOnly? signedOn, Guid version, CancellationToken ct) =>
        ActAsync(id, version, (a, user) => user.Office || user.Community, a =>
            {
                Agreement.CheckSignDate(signedOn ?? clock.Today, clock.Today);
                a.SignByCommunity(signatory ?? "", signedOn ?? clock.Today);
            },
            l["Signed for the community. The civilization office files it next."], ct);

    [Authorize(Roles = Roles.OfficeOrAdmin)]
    [HttpPost]
    public async Task<IActionResult> File(int id, Guid version, CancellationToken ct)
    {
        var previousId = await db.Agreements.Where(a => a.Id == id).Select(a => a.PreviousVersionId).FirstOrDefaultAsync(ct);
        var previous = previousId is null ? null : await db.Agreements.Include(a => a.Tasks).FirstAsync(a => a.Id == previousId, ct);
        return await ActAsync(id, version, (_, user) => user.Office, a => a.File(Actor, clock.Today, previous, clock.Now),
            l["Filed: the agreement is in force and its tasks are tracked."], ct);
    }

    [Authorize(Roles = Roles.OfficeOrAdmin)]
    [HttpPost]
    public Task<IActionResult> Terminate(int id, string? reason, Guid version, CancellationToken ct) =>
        ActAsync(id, version, (_, user) => user.Office, a => a.Terminate(reason ?? "", Actor, clock.Now),
            l["The agreement was terminated."], ct);

    /// <summary>A filed agreement is read-only: a change is a new draft version linked to it.</summary>
    [HttpPost]
    public async Task<IActionResult> Amend(int id, CancellationToken ct)
    {
        var agreement = await LoadAsync(id, tracking: true, ct);
        if (agreement is null)
        {
            return NotFound();
        }
        if (!User.IsOfficeOrAdmin() && !PartyAccess.ActsForUnit(User, agreement.Pairing!))
        {
            return Forbid();
        }
        if (await db.Agreements.AnyAsync(a => a.PreviousVersionId == id, ct))
        {
            TempData["Error"] = l["This agreement has an amendment already."].Value;
            return RedirectToAction(nameof(Details), new { id });
        }
        try
        {
            var next = agreement.Amend(clock.Today, clock.Now);
            db.Agreements.Add(next);
            await db.SaveChangesAsync(ct);
            TempData["Success"] = l["Version {0} was drafted. Change it, then both sides sign and the office files it.", next.VersionNumber].Value;
            return RedirectToAction(nameof(Edit), new { id = next.Id });
        }
        catch (DomainException refusal)
        {
            TempData["Error"] = l.Text(refusal);
            return RedirectToAction(nameof(Details), new { id });
        }
    }

    private readonly record struct Acting(bool Office, bool Unit, bool Community);

    private async Task<IActionResult> ActAsync(int id, Guid version, Func<Agreement, Acting, bool> allowed, Action<Agreement> act, string success, CancellationToken ct)
    {
        var agreement = await LoadAsync(id, tracking: true, ct);
        if (agreement is null)
        {
            return NotFound();
        }
        var acting = new Acting(User.IsOfficeOrAdmin(), PartyAccess.ActsForUnit(User, agreement.Pairing!), PartyAccess.ActsForCommunity(User, agreement.Pairing!));
        if (!allowed(agreement, acting))
        {
            return Forbid();
        }
        await this.TryStepAsync(db, agreement, version, () => act(agreement), success, l, ct);
        return RedirectToAction(nameof(Details), new { id });
    }

    private Task<Agreement?> LoadAsync(int id, bool tracking, CancellationToken ct)
    {
        var query = access.VisibleAgreements(User).Include(a => a.Pairing!.Unit).Include(a => a.Pairing!.Community).Include(a => a.Tasks);
        return (tracking ? query : query.AsNoTracking()).FirstOrDefaultAsync(a => a.Id == id, ct);
    }

    /// <summary>A draft the user may change: the office's, or the liaison's of the pairing's unit.</summary>
    private async Task<Agreement?> EditableAsync(int id, CancellationToken ct)
    {
        var agreement = await LoadAsync(id, tracking: true, ct);
        return agreement is not null && (User.IsOfficeOrAdmin() || PartyAccess.ActsForUnit(User, agreement.Pairing!)) ? agreement : null;
    }

    /// <summary>A pairing in force that the user may draft an agreement for.</summary>
    private async Task<Pairing?> DraftablePairingAsync(int pairingId, CancellationToken ct)
    {
        var pairing = await access.VisiblePairings(User).AsNoTracking().Include(p => p.Unit).Include(p => p.Community)
            .FirstOrDefaultAsync(p => p.Id == pairingId && p.Status == PairingStatus.Active, ct);
        return pairing is not null && (User.IsOfficeOrAdmin() || PartyAccess.ActsForUnit(User, pairing)) ? pairing : null;
    }

    private async Task<bool> IsValidAsync(AgreementInput input, CancellationToken ct)
    {
        (await validator.ValidateAsync(input, ct)).AddToModelState(ModelState);
        return ModelState.IsValid;
    }
}
