using System.ComponentModel.DataAnnotations;
using CivicPairing.Domain;
using CivicPairing.Domain.Inspections;
using CivicPairing.Domain.Pairings;
using CivicPairing.Web.Data;
using CivicPairing.Web.Identity;
using CivicPairing.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CivicPairing.Web.Features.Inspections;

public sealed class FindingRow
{
    public string? Item { get; set; }
    public FindingResult? Result { get; set; }
    public string? Notes { get; set; }
}

public sealed class InspectionInput
{
    [Display(Name = "Date")]
    public DateOnly? Date { get; set; }

    [Display(Name = "Score")]
    public int? Score { get; set; }

    [Display(Name = "Rectification deadline")]
    public DateOnly? RectificationDeadline { get; set; }

    public List<FindingRow> Findings { get; set; } = [];
}

public sealed record InspectionRow(int Id, DateOnly Date, string UnitName, string CommunityName, int Score, bool NeedsRectification, DateOnly? Deadline, bool? Rectified);

public sealed record InspectionFormPage(Pairing Pairing, InspectionInput Input);

public sealed record InspectionPage(Inspection Inspection, bool IsOffice);

/// <summary>督查: the office inspects a pairing item by item, scores it and follows up its rectification.</summary>
public sealed class InspectionsController(AppDbContext db, PartyAccess access, CityClock clock, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(int? unitId, int page = 1, CancellationToken ct = default) =>
        View(await Rows(unitId).ToPagedListAsync(page, ct: ct));

    /// <summary>Exactly the list's rows (the pairings the user may see, the unit asked for), newest first, streamed to the file.</summary>
    [HttpGet]
    public IActionResult Export(int? unitId, string format)
    {
        if (!TableExportResult<InspectionRow>.IsSupported(format))
        {
            return NotFound();
        }
        string[] headers = ["Date", "Unit", "Community", "Score", "Rectification deadline", "Rectified"];
        return new TableExportResult<InspectionRow>(format, l["Inspections"], [.. headers.Select(h => l[h].Value)], Rows(unitId).AsAsyncEnumerable(),
            r => [r.Date, r.UnitName, r.CommunityName, r.Score, r.Deadline, r.NeedsRectification ? (r.Rectified == true ? l["Yes"].Value : l["No"].Value) : ""]);
    }

    private IQueryable<InspectionRow> Rows(int? unitId)
    {
        var pairings = access.VisiblePairings(User).Where(p => unitId == null || p.UnitId == unitId);
        return db.Inspections.AsNoTracking().Where(i => pairings.Any(p => p.Id == i.PairingId))
            .OrderByDescending(i => i.Date).ThenByDescending(i => i.Id)
            .Select(i => new InspectionRow(i.Id, i.Date, i.Pairing!.Unit!.Name, i.Pairing.Community!.Name, i.Score,
                i.RectificationDeadline != null, i.RectificationDeadline, i.Rectified));
    }

    [HttpGet]
    public async Task<IActionResult> Details(int id, CancellationToken ct)
    {
        var pairings = access.VisiblePairings(User);
        var inspection = await db.Inspections.AsNoTracking().Include(i => i.Pairing!.Unit).Include(i => i.Pairing!.Community)
            .FirstOrDefaultAsync(i => i.Id == id && pairings.Any(p => p.Id == i.PairingId), ct);
        return inspection is null ? NotFound() : View(new InspectionPage(inspection, User.IsOfficeOrAdmin()));
    }

    [Authorize(Roles = Roles.OfficeOrAdmin)]
    [HttpGet]
    public async Task<IActionResult> Record(int pairingId, CancellationToken ct)
    {
        var pairing = await PairingAsync(pairingId, ct);
        if (pairing is null)
        {
            return NotFound();
        }
        var checklist = await db.ChecklistItems.AsNoTracking().Where(i => i.IsActive).OrderBy(i => i.SortOrder).ThenBy(i => i.Id).Select(i => i.Text).ToListAsync(ct);
        var input = new InspectionInput
        {
            Date = clock.Today,
            Findings = [.. checklist.Select(item => new FindingRow { Item = item, Result = FindingResult.Pass }), new FindingRow(), new FindingRow()],
        };
        return View(new InspectionFormPage(pairing, input));
    }

    [Authorize(Roles = Roles.OfficeOrAdmin)]
    [HttpPost]
    public async Task<IActionResult> Record(int pairingId, InspectionInput input, CancellationToken ct)
    {
        var pairing = await PairingAsync(pairingId, ct);
        if (pairing is null)
        {
            return NotFound();
        }
        var findings = input.Findings.Where(f => !string.IsNullOrWhiteSpace(f.Item))
            .Select(f => new InspectionFinding(f.Item!.Trim(), f.Result ?? FindingResult.Pass, string.IsNullOrWhiteSpace(f.Notes) ? null : f.Notes.Trim()))
            .ToList();
        if (findings.Select(f => PlainText.Problem(f.Item, 200) ?? PlainText.Problem(f.Notes, Inspection.TextMaxLength)).FirstOrDefault(p => p is not null) is { } textProblem)
        {
            ModelState.AddModelError("", l.Text(textProblem));
        }
        if (input.Date is null || input.Score is null)
        {
            ModelState.AddModelError(input.Date is null ? nameof(input.Date) : nameof(input.Score), l["A value is required."]);
        }
        if (ModelState.IsValid)
        {
            try
            {
                var inspection = Inspection.Record(pairing, input.Date!.Value, clock.Today, User.Identity?.Name ?? "", input.Score!.Value, findings, input.RectificationDeadline, clock.Now);
                db.Inspections.Add(inspection);
                await db.SaveChangesAsync(ct);
                TempData["Success"] = l["The inspection was recorded."].Value;
                return RedirectToAction(nameof(Details), new { id = inspection.Id });
            }
            catch (DomainException refusal)
            {
                ModelState.AddDomainError(l, refusal);
            }
        }
        return View(new InspectionFormPage(pairing, input));
    }

    [Authorize(Roles = Roles.OfficeOrAdmin)]
    [HttpPost]
    public async Task<IActionResult> FollowUp(int id, string? result, bool rectified, DateOnly? on, Guid version, CancellationToken ct)
    {
        var inspection = await db.Inspections.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (inspection is null)
        {
            return NotFound();
        }
        await this.TryStepAsync(db, inspection, version, () => inspection.RecordFollowUp(result ?? "", rectified, on ?? clock.Today), l["The follow-up was recorded."], l, ct);
        return RedirectToAction(nameof(Details), new { id });
    }

    private Task<Pairing?> PairingAsync(int pairingId, CancellationToken ct) =>
        db.Pairings.Include(p => p.Unit).Include(p => p.Community).FirstOrDefaultAsync(p => p.Id == pairingId, ct);
}
