using CivicPairing.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CivicPairing.Web.Infrastructure;

/// <summary>Optimistic concurrency on records carrying a Guid Version token.</summary>
public static class Concurrency
{
    /// <summary>
    /// Applies the change only if the record is still at the version the user saw. On a conflict
    /// nothing is written, and the entity is reloaded with the other person's values.
    /// </summary>
    public static Task<bool> TrySaveAsync<T>(AppDbContext db, T entity, Guid seenVersion, Action change, CancellationToken ct) where T : class =>
        TrySaveAsync(db, entity, seenVersion, () =>
        {
            change();
            return Task.CompletedTask;
        }, ct);

    public static async Task<bool> TrySaveAsync<T>(AppDbContext db, T entity, Guid seenVersion, Func<Task> change, CancellationToken ct) where T : class
    {
        var entry = db.Entry(entity);
        var version = entry.Property<Guid>("Version");
        if (version.CurrentValue != seenVersion)
        {
            return false;
        }
        await change();
        version.OriginalValue = seenVersion;
        version.CurrentValue = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            await entry.ReloadAsync(ct);
            return false;
        }
    }
}

/// <summary>The one way a state change is taken from a form: guarded by the version the user saw, outcome shown on the next page.</summary>
public static class Steps
{
    /// <summary>
    /// Runs <paramref name="step"/> and saves it if the record is still at <paramref name="version"/>. Success, a
    /// conflict or the domain's refusal lands in TempData for the page the user is redirected to. True when saved.
    /// </summary>
    public static async Task<bool> TryStepAsync<T>(this Microsoft.AspNetCore.Mvc.Controller controller, AppDbContext db, T entity, Guid version,
        Func<Task> step, string success, Microsoft.Extensions.Localization.IStringLocalizer localizer, CancellationToken ct) where T : class
    {
        try
        {
            if (await Concurrency.TrySaveAsync(db, entity, version, step, ct))
            {
                controller.TempData["Success"] = success;
                return true;
            }
            controller.TempData["Error"] = localizer["Someone else changed this record meanwhile. Check it and try again."].Value;
        }
        catch (Domain.DomainException refusal)
        {
            controller.TempData["Error"] = localizer.Text(refusal);
        }
        return false;
    }

    public static Task<bool> TryStepAsync<T>(this Microsoft.AspNetCore.Mvc.Controller controller, AppDbContext db, T entity, Guid version,
        Action step, string success, Microsoft.Extensions.Localization.IStringLocalizer localizer, CancellationToken ct) where T : class =>
        controller.TryStepAsync(db, entity, version, () =>
        {
            step();
            return Task.CompletedTask;
        }, success, localizer, ct);
}
