using CivicPairing.Domain;
using CivicPairing.Domain.Inspections;
using CivicPairing.Web.Data;
using CivicPairing.Web.Identity;
using CivicPairing.Web.Infrastructure;
using CivicPairing.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CivicPairing.Web.Features.Inspections;

/// <summary>What the page shows; <paramref name="Typed"/> keeps what a refused form held, by item id (0 for the new item).</summary>
public sealed record ChecklistPage(IReadOnlyList<ChecklistItem> Items, IReadOnlyDictionary<int, (string Text, int? SortOrder)> Typed);

/// <summary>The checklist the office inspects against: add, reword, reorder, retire and restore items. Changes are audited.</summary>
[Authorize(Roles = Roles.OfficeOrAdmin)]
[ShowsUnreadableValues]
public sealed class ChecklistController(AppDbContext db, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await PageAsync(new Dictionary<int, (string, int?)>(), ct));

    [HttpPost]
    public async Task<IActionResult> Add(string? text, int? sortOrder, CancellationToken ct)
    {
        var clean = await ValidateAsync(0, text, sortOrder, ct);
        if (clean is null)
        {
            return View(nameof(Index), await PageAsync(new Dictionary<int, (string, int?)> { [0] = (text ?? "", sortOrder) }, ct));
        }
        var last = await db.ChecklistItems.MaxAsync(i => (int?)i.SortOrder, ct) ?? 0;
        db.ChecklistItems.Add(new ChecklistItem { Text = clean, SortOrder = sortOrder ?? last + 10 });
        await db.SaveChangesAsync(ct);
        TempData["Success"] = l["The item was added to the checklist."].Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpPost]
    public async Task<IActionResult> Update(int id, string? text, int? sortOrder, CancellationToken ct)
    {
        var item = await db.ChecklistItems.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null)
        {
            return NotFound();
        }
        var clean = await ValidateAsync(id, text, sortOrder, ct);
        if (clean is null)
        {
            return View(nameof(Index), await PageAsync(new Dictionary<int, (string, int?)> { [id] = (text ?? "", sortOrder) }, ct));
        }
        (item.Text, item.SortOrder) = (clean, sortOrder ?? item.SortOrder);
        await db.SaveChangesAsync(ct);
        TempData["Success"] = l["The checklist was saved."].Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpPost]
    public Task<IActionResult> Retire(int id, CancellationToken ct) => SetActiveAsync(id, false, l["The item was retired. Past inspections keep it."], ct);

    [HttpPost]
    public Task<IActionResult> Restore(int id, CancellationToken ct) => SetActiveAsync(id, true, l["The item is back on the checklist."], ct);

    private async Task<IActionResult> SetActiveAsync(int id, bool active, string success, CancellationToken ct)
    {
        var item = await db.ChecklistItems.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null)
        {
            return NotFound();
        }
        if (active && await db.ChecklistItems.AnyAsync(i => i.Id != id && i.IsActive && i.Text == item.Text, ct))
        {
            TempData["Error"] = l["The checklist already has this item."].Value;
            return RedirectToAction(nameof(Index));
        }
        item.IsActive = active;
        await db.SaveChangesAsync(ct);
        TempData["Success"] = success;
        return RedirectToAction(nameof(Index));
    }

    /// <summary>The trimmed text when it may be saved; otherwise null, with the message beside the field.</summary>
    private async Task<string?> ValidateAsync(int id, string? text, int? sortOrder, CancellationToken ct)
    {
        var clean = text?.Trim() ?? "";
        var key = id == 0 ? "text" : $"text-{id}";
        if (clean.Length == 0)
        {
            ModelState.AddModelError(key, l["Write the item to check."]);
        }
        else if (!PlainText.HasOnlyTextCharacters(clean))
        {
            ModelState.AddModelError(key, l[PlainText.ControlCharacters]);
        }
        else if (PlainText.Problem(clean, ChecklistItem.TextMaxLength) is not null)
        {
            ModelState.AddModelError(key, l["Keep the item under {0} characters, without markup.", ChecklistItem.TextMaxLength]);
        }
        else if (await db.ChecklistItems.AnyAsync(i => i.Id != id && i.IsActive && i.Text == clean, ct))
        {
            ModelState.AddModelError(key, l["The checklist already has this item."]);
        }
        // Out of range, or not a number at all ("abc": the binder's own English error is replaced by ours).
        if (sortOrder is < 0 or > 10_000 || ModelState.GetFieldValidationState("sortOrder") == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            ModelState.Remove("sortOrder");
            ModelState.AddModelError(id == 0 ? "sortOrder" : $"sortOrder-{id}", l["The order must be a whole number from 0 to 10,000."]);
        }
        return ModelState.ErrorCount == 0 ? clean : null;
    }

    private async Task<ChecklistPage> PageAsync(IReadOnlyDictionary<int, (string, int?)> typed, CancellationToken ct) =>
        new(await db.ChecklistItems.AsNoTracking().OrderByDescending(i => i.IsActive).ThenBy(i => i.SortOrder).ThenBy(i => i.Id).ToListAsync(ct), typed);
}
