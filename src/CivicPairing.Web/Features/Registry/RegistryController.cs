using System.Security.Claims;
using CivicPairing.Domain.Registry;
using CivicPairing.Web.Data;
using CivicPairing.Web.Identity;
using CivicPairing.Web.Infrastructure;
using CivicPairing.Web.Infrastructure.Imports;
using FluentValidation;
using FluentValidation.AspNetCore;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CivicPairing.Web.Features.Registry;

/// <summary>The form model of a registry record, also what one imported row becomes.</summary>
public interface IRegistryInput<in TRecord>
{
    int? Id { get; set; }
    string? Name { get; }
    Guid Version { get; set; }
    void ApplyTo(TRecord record);
}

/// <summary>
/// Create, edit, deactivate and import: the same flow for units and for communities. The derived
/// controller adds its list, details and export, and names its texts.
/// </summary>
public abstract class RegistryController<TRecord, TInput>(
    AppDbContext db, IValidator<TInput> validator, SpreadsheetImport import, CityClock clock, IStringLocalizer<SharedResource> l) : Controller
    where TRecord : class, IRegistryRecord, new()
    where TInput : class, IRegistryInput<TRecord>, new()
{
    protected abstract string ImportKind { get; }
    protected abstract IReadOnlyList<SheetColumn<TRecord, TInput>> Columns { get; }
    protected abstract string ListTitle { get; }
    protected abstract string ImportTitle { get; }
    protected abstract TInput ToInput(TRecord record);

    /// <summary>Why the record may not be deactivated now, or null. Active pairings must end first.</summary>
    protected abstract Task<string?> DeactivationBlockedReasonAsync(int id, CancellationToken ct);

    protected AppDbContext Db { get; } = db;
    protected IStringLocalizer<SharedResource> L { get; } = l;
    protected DbSet<TRecord> Records => Db.Set<TRecord>();

    [Authorize(Roles = Roles.OfficeOrAdmin)]
    [HttpGet]
    public IActionResult Create() => View("Edit", new TInput());

    [Authorize(Roles = Roles.OfficeOrAdmin)]
    [HttpPost]
    public async Task<IActionResult> Create(TInput input, CancellationToken ct)
    {
        input.Id = null;
        if (!await IsValidAsync(input, ct))
        {
            return View("Edit", input);
        }
        var record = new TRecord { CreatedAt = clock.Now };
        input.ApplyTo(record);
        Records.Add(record);
        await Db.SaveChangesAsync(ct);
        TempData["Success"] = L["{0} was added.", record.Name].Value;
        return RedirectToAction("Details", new { id = record.Id });
    }

    [Authorize(Roles = Roles.OfficeOrAdmin)]
    [HttpGet]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var record = await Records.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        return record is null ? NotFound() : View(ToInput(record));
    }

    [Authorize(Roles = Roles.OfficeOrAdmin)]
    [HttpPost]
    public async Task<IActionResult> Edit(int id, TInput input, CancellationToken ct)
    {
        var record = await Records.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (record is null)
        {
            return NotFound();
        }
        input.Id = id;
        if (!await IsValidAsync(input, ct))
        {
            return View(input);
        }
        if (!await Concurrency.TrySaveAsync(Db, record, input.Version, () => input.ApplyTo(record), ct))
        {
            ModelState.AddModelError("", L["Someone else changed this record while you were editing. Their version is shown below the form; save again to replace it with yours."]);
            input.Version = record.Version;
            ViewData["Current"] = record;
            return View(input);
        }
        TempData["Success"] = L["Changes to {0} were saved.", record.Name].Value;
        return RedirectToAction("Details", new { id });
    }

    /// <summary>Records are never deleted: history refers to them. Deactivation hides them from new work.</summary>
    [Authorize(Roles = Roles.OfficeOrAdmin)]
    [HttpPost]
    public async Task<IActionResult> SetActive(int id, bool active, Guid version, CancellationToken ct)
    {
        var record = await Records.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (record is null)
        {
            return NotFound();
        }
        if (!active && await DeactivationBlockedReasonAsync(id, ct) is { } reason)
        {
            TempData["Error"] = reason;
        }
        else if (!await Concurrency.TrySaveAsync(Db, record, version, () => record.IsActive = active, ct))
        {
            TempData["Error"] = L["Someone else changed this record meanwhile. Check it and try again."].Value;
        }
        else
        {
            TempData["Success"] = (active
                ? L["{0} is active again.", record.Name]
                : L["{0} was deactivated. It stays in the history and can be reactivated.", record.Name]).Value;
        }
        return RedirectToAction("Details", new { id });
    }

    [Authorize(Roles = Roles.OfficeOrAdmin)]
    [HttpGet]
    public IActionResult Import() => ImportView("ImportUpload");

    [Authorize(Roles = Roles.OfficeOrAdmin)]
    [HttpPost]
    [RequestSizeLimit(SpreadsheetImport.MaxFileBytes + 64 * 1024)]
    public async Task<IActionResult> Import(IFormFile? file, CancellationToken ct)
    {
        var (rows, error) = await import.ReadAsync(file, ct);
        if (rows is null)
        {
            ModelState.AddModelError("file", error!);
            return ImportView("ImportUpload");
        }
        var preview = await import.PreviewAsync(ImportKind, file!.FileName, UserId, rows, Columns, validator, i => i.Name?.Trim(), ct);
        return ImportView("ImportPreview", preview);
    }

    [Authorize(Roles = Roles.OfficeOrAdmin)]
    [HttpPost]
    public async Task<IActionResult> ConfirmImport(Guid id, CancellationToken ct)
    {
        (string? Refusal, string? Success) outcome;
        try
        {
            // One confirmation at a time per kind of record, in every instance: a double-clicked or repeated confirm finds
            // the preview taken, and two imports of one name cannot both pass the name check.
            outcome = await Db.InWriteTransactionAsync($"registry-import:{ImportKind}", ct => ImportParkedAsync(id, ct), ct);
        }
        catch (DbUpdateException)
        {
            // Saved meanwhile outside the import's lock (a record of the same name from the form). Nothing was imported.
            Db.ChangeTracker.Clear();
            outcome = (await import.TakeAsync<TInput>(id, ImportKind, UserId, ct) is null
                ? L["This import preview has expired or was already imported. Upload the file again."].Value
                : L["Nothing was imported: a record of the same name was saved meanwhile. Upload the file again to see the current errors."].Value, null);
        }
        if (outcome.Refusal is not null)
        {
            TempData["Error"] = outcome.Refusal;
            return RedirectToAction(nameof(Import));
        }
        TempData["Success"] = outcome.Success;
        return RedirectToAction("Index");
    }

    /// <summary>Adds the parked rows and removes the preview in one save; says why nothing was imported, or what was.</summary>
    private async Task<(string? Refusal, string? Success)> ImportParkedAsync(Guid id, CancellationToken ct)
    {
        var pending = await import.TakeAsync<TInput>(id, ImportKind, UserId, ct);
        if (pending is null)
        {
            return (L["This import preview has expired or was already imported. Upload the file again."].Value, null);
        }
        var (parked, inputs) = pending.Value;
        // Re-check: another clerk may have added a record of the same name since the preview.
        foreach (var input in inputs)
        {
            var result = await validator.ValidateAsync(input, ct);
            if (!result.IsValid)
            {
                return (L["Nothing was imported: {0} ({1}). Upload the file again to see the current errors.", input.Name ?? "", result.Errors[0].ErrorMessage].Value, null);
            }
        }
        var now = clock.Now;
        foreach (var input in inputs)
        {
            var record = new TRecord { CreatedAt = now };
            input.ApplyTo(record);
            Records.Add(record);
        }
        Db.PendingImports.Remove(parked);
        Db.AuditNote = L["Imported from {0}", parked.FileName];
        await Db.SaveChangesAsync(ct);
        return (null, L["{0} records were imported from {1}.", inputs.Count, parked.FileName].Value);
    }

    protected IActionResult ExportFile(string format, IQueryable<TRecord> query) =>
        TableExportResult<TRecord>.IsSupported(format)
            ? TableExport.Create(format, ListTitle, query, Columns, L)
            : NotFound();

    private ViewResult ImportView(string view, object? model = null)
    {
        ViewData["ListTitle"] = ListTitle;
        ViewData["ImportTitle"] = ImportTitle;
        return View(view, model);
    }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private async Task<bool> IsValidAsync(TInput input, CancellationToken ct)
    {
        var result = await validator.ValidateAsync(input, ct);
        result.AddToModelState(ModelState);
        return ModelState.IsValid;
    }
}
