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
