using System.Collections.Concurrent;
using System.Text.Json;
using CivicPairing.Web.Data;
using CivicPairing.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace CivicPairing.Web.Features.Ranking;

/// <summary>
/// The one row whose number goes up, in the same transaction, whenever a change could move a score or a dashboard
/// figure (see <see cref="ScoringFactsChange"/>). Stored facts gathered at an older number are superseded.
/// </summary>
public class FactsVersion
{
    public int Id { get; set; }
    public long Number { get; set; }
}

/// <summary>
/// Facts that take a province a good part of a second or more to gather (every unit's scoring facts, the city's
/// dashboard figures), gathered at <see cref="FactsVersionNumber"/> for the day <see cref="AsOf"/> and shared by
/// every portal instance through the database.
/// </summary>
public class FactsSnapshot
{
    public int Id { get; set; }
    /// <summary>What was gathered, e.g. "scoring" or "office-dashboard".</summary>
    public string Kind { get; set; } = "";
    /// <summary>For which period and filter, e.g. "2026-01-01/2026-12-31".</summary>
    public string Key { get; set; } = "";
    /// <summary>The day the facts were gathered for: mid-period, months begun and tasks due depend on it.</summary>
    public DateOnly AsOf { get; set; }
    public long FactsVersionNumber { get; set; }
    public DateTimeOffset GatheredAt { get; set; }
    public string Json { get; set; } = "";
}

public sealed class ScoringOptions
{
    /// <summary>
    /// How old (in seconds) a superseded snapshot may be and still be shown by the home pages while a fresh one is
    /// gathered in the background. 0: every read waits for facts as current as the database.
    /// </summary>
    public int MaxStaleSeconds { get; set; } = 120;

    /// <summary>How often (in seconds) each instance checks that this year's scores and dashboard are current; 0 turns it off.</summary>
    public int WarmEverySeconds { get; set; } = 60;
}

/// <summary>Stored facts as read: the value, when it was gathered, and whether a later change has superseded it.</summary>
public sealed record Gathered<T>(T Value, DateTimeOffset GatheredAt, bool IsCurrent);

/// <summary>
/// Gathers expensive facts once per change of the facts version and day, stores them in the database for every
/// instance, and keeps them deserialized in this process's memory (a cache of an immutable row, never the truth).
/// </summary>
public sealed class FactsStore(AppDbContext db, IMemoryCache cache, IServiceScopeFactory scopes, IOptions<ScoringOptions> options, CityClock clock,
    FactsStore.InFlight gathering, ILogger<FactsStore> log)
{
    /// <summary>The gatherings under way in this host (a singleton), so concurrent readers wait for one instead of starting their own.</summary>
    public sealed class InFlight
    {
        public ConcurrentDictionary<(string, string, DateOnly), Lazy<Task>> Tasks { get; } = new();
    }

    /// <summary>
    /// The facts of <paramref name="kind"/> for <paramref name="key"/> and the day. With <paramref name="allowStale"/>
    /// a snapshot superseded less than <see cref="ScoringOptions.MaxStaleSeconds"/> ago is returned while a fresh one
    /// is gathered in the background; otherwise a superseded snapshot is gathered again before returning.
    /// <paramref name="gather"/> runs in its own scope, so it must take what it needs from the provider it is given.
    /// </summary>
    public async Task<Gathered<T>> GetAsync<T>(string kind, string key, DateOnly today, bool allowStale,
        Func<IServiceProvider, CancellationToken, Task<T>> gather, CancellationToken ct)
    {
        var version = await CurrentVersionAsync(ct);
        var stored = await LoadAsync<T>(kind, key, today, ct);
        if (stored is not null && stored.Value.Version != version)
        {
            var age = clock.Now - stored.Value.GatheredAt;
            if (allowStale && age.TotalSeconds < options.Value.MaxStaleSeconds)
            {
                _ = GatherInBackground(kind, key, today, gather);
                return new Gathered<T>(stored.Value.Value, stored.Value.GatheredAt, IsCurrent: false);
            }
            stored = null;
        }
        if (stored is null)
        {
            await GatherOnceAsync(kind, key, today, gather).WaitAsync(ct);
            stored = await LoadAsync<T>(kind, key, today, ct) ?? throw new InvalidOperationException($"The {kind} facts were not stored.");
        }
        return new Gathered<T>(stored.Value.Value, stored.Value.GatheredAt, stored.Value.Version == version);
    }

    /// <summary>
    /// A small value derived from the facts (the streets a list offers), computed once per process and facts version:
    /// every instance reads the version from the database, so none serves a value another has seen change.
    /// </summary>
    public async Task<T> MemoAsync<T>(string kind, string key, Func<CancellationToken, Task<T>> compute, CancellationToken ct) where T : class
    {
        var cacheKey = ("memo", kind, key, await CurrentVersionAsync(ct));
        if (!cache.TryGetValue(cacheKey, out T? value) || value is null)
        {
            value = await compute(ct);
            cache.Set(cacheKey, value, new MemoryCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(30) });
        }
        return value;
    }

    private Task<long> CurrentVersionAsync(CancellationToken ct) =>
        db.Set<FactsVersion>().AsNoTracking().Select(v => v.Number).FirstOrDefaultAsync(ct);

    /// <summary>The stored snapshot for the day, deserialized once per process and version.</summary>
    private async Task<(long Version, DateTimeOffset GatheredAt, T Value)?> LoadAsync<T>(string kind, string key, DateOnly today, CancellationToken ct)
    {
        var head = await db.Set<FactsSnapshot>().AsNoTracking()
            .Where(s => s.Kind == kind && s.Key == key && s.AsOf == today)
            .Select(s => new { s.Id, s.FactsVersionNumber, s.GatheredAt }).FirstOrDefaultAsync(ct);
        if (head is null)
        {
            return null;
        }
        var cacheKey = (nameof(FactsSnapshot), head.Id, head.FactsVersionNumber);
        if (!cache.TryGetValue(cacheKey, out T? value) || value is null)
        {
            var json = await db.Set<FactsSnapshot>().AsNoTracking().Where(s => s.Id == head.Id).Select(s => s.Json).FirstAsync(ct);
            value = JsonSerializer.Deserialize<T>(json) ?? throw new InvalidOperationException($"The stored {kind} facts are empty.");
            cache.Set(cacheKey, value, new MemoryCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(30) });
        }
        return (head.FactsVersionNumber, head.GatheredAt, value);
    }

    /// <summary>One gathering per process at a time for a kind, key and day; concurrent callers wait for the same work.</summary>
    private Task GatherOnceAsync<T>(string kind, string key, DateOnly today, Func<IServiceProvider, CancellationToken, Task<T>> gather)
    {
        var id = (kind, key, today);
        // On the thread pool: SQLite's "async" calls complete synchronously, so without it a caller allowed stale facts
        // would still wait out the whole gathering before its page could answer.
        var work = gathering.Tasks.GetOrAdd(id, _ => new Lazy<Task>(() => Task.Run(async () =>
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<FactsStore>().GatherAndStoreAsync(kind, key, today, scope.ServiceProvider, gather);
            }
            finally
            {
                gathering.Tasks.TryRemove(id, out var _);
            }
        })));
        return work.Value;
    }

    private async Task GatherInBackground<T>(string kind, string key, DateOnly today, Func<IServiceProvider, CancellationToken, Task<T>> gather)
    {
        try
        {
            await GatherOnceAsync(kind, key, today, gather);
        }
        catch (Exception e)
        {
            log.LogError(e, "Gathering the {Kind} facts for {Key} failed", kind, key);
        }
    }

    /// <summary>Reads the version before gathering, so a change committed meanwhile leaves the snapshot superseded rather than wrong.</summary>
    private async Task GatherAndStoreAsync<T>(string kind, string key, DateOnly today, IServiceProvider services,
        Func<IServiceProvider, CancellationToken, Task<T>> gather)
    {
        var version = await CurrentVersionAsync(CancellationToken.None);
        var value = await gather(services, CancellationToken.None);
        var snapshots = db.Set<FactsSnapshot>();
        // Snapshots of earlier days are never read again.
        await snapshots.Where(s => s.AsOf != today || (s.Kind == kind && s.Key == key)).ExecuteDeleteAsync();
        snapshots.Add(new FactsSnapshot
        {
            Kind = kind, Key = key, AsOf = today, FactsVersionNumber = version, GatheredAt = clock.Now,
            Json = JsonSerializer.Serialize(value),
        });
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // Another instance stored the same facts meanwhile; theirs serve as well.
        }
    }
}
