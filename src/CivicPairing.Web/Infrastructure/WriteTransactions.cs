using System.Data;
using System.Data.Common;
using System.Globalization;
using CivicPairing.Web.Data;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CivicPairing.Web.Infrastructure;

/// <summary>
/// Check-then-write that holds when several requests, in one or several portal instances, do it at once (a near-duplicate
/// check before an insert; taking a parked import). The lock lives in the database, so it holds across instances; the
/// one provider-specific part of it is here.
/// </summary>
public static class WriteTransactions
{
    /// <summary>Tries of the whole work when the database reports a deadlock or stays busy.</summary>
    public const int Attempts = 3;

    /// <summary>How long SQL Server waits for another request holding the same lock (SQLite waits its busy_timeout).</summary>
    public const int LockTimeoutMilliseconds = 30_000;

    /// <summary>SQL Server's write lock for a scope (the parameter <c>@resource</c>); its syntax is checked by the unit tests without a server.</summary>
    internal static readonly string SqlServerLockSql = "DECLARE @result int; EXEC @result = sp_getapplock @Resource = @resource, @LockMode = 'Exclusive', "
        + $"@LockOwner = 'Transaction', @LockTimeout = {LockTimeoutMilliseconds.ToString(CultureInfo.InvariantCulture)}; SELECT @result;";

    /// <summary>
    /// Runs <paramref name="work"/> in a transaction that, from before its first read, excludes every other such
    /// transaction of the same <paramref name="scope"/>, and commits it:
    /// <list type="bullet">
    /// <item>SQLite: <c>BEGIN IMMEDIATE</c> takes the database's one write lock at the start (a plain <c>BEGIN</c> takes
    /// it only at the first write, after both requests have read and found nothing). Writers queue on busy_timeout.
    /// The scope is not needed: there is one write lock.</item>
    /// <item>SQL Server: an exclusive application lock named after the scope (<c>sp_getapplock</c>, owned by the
    /// transaction, released at commit or rollback) under READ COMMITTED; requests of other scopes are not held up, and
    /// the check's reads take no range locks, so two checkers cannot deadlock over them.</item>
    /// </list>
    /// Every path that writes what the check protects must use the same scope. On a deadlock or a database that stays
    /// busy the work is rolled back, the change tracker cleared, and the work run again, so it must load what it changes.
    /// </summary>
    public static async Task<T> InWriteTransactionAsync<T>(this AppDbContext db, string scope, Func<CancellationToken, Task<T>> work, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scope);
        if (db.Database.CurrentTransaction is not null)
        {
            throw new InvalidOperationException("A write transaction must be the outermost transaction: its lock is taken at its start.");
        }
        // Writers of this process queue here first: waiting on a semaphore is a handoff, where waiting on SQLite's lock is
        // its busy handler's sleeps (a burst of eight writers took a median of 102 ms a post that way). The database's
        // lock stays the truth across instances; this only orders the requests of one.
        var gate = Gates.GetOrAdd(db.Database.IsSqlite() ? "" : scope, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await using var transaction = await BeginAsync(db, scope, ct);
                    var result = await work(ct);
                    await transaction.CommitAsync(ct);
                    return result;
                }
                catch (Exception e) when (attempt < Attempts && IsTransient(e))
                {
                    db.ChangeTracker.Clear();
                    await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(10, 50) * attempt), ct);
                }
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>One queue per lock in this process: SQLite has one write lock, SQL Server one per scope.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> Gates = new();

    private static async Task<WriteTransaction> BeginAsync(AppDbContext db, string scope, CancellationToken ct)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                // deferred: false is BEGIN IMMEDIATE. Spelled out rather than left to the provider's default.
                var sqlite = ((SqliteConnection)db.Database.GetDbConnection()).BeginTransaction(IsolationLevel.Serializable, deferred: false);
                return new WriteTransaction(db, await db.Database.UseTransactionAsync(sqlite, ct) ?? throw new InvalidOperationException("EF Core did not take the transaction."), sqlite);
            }
            catch
            {
                await db.Database.CloseConnectionAsync();
                throw;
            }
        }

        var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = transaction.GetDbTransaction();
            command.CommandText = SqlServerLockSql;
            var resource = command.CreateParameter();
            resource.ParameterName = "@resource";
            resource.DbType = DbType.String;
            resource.Value = "CivicPairing:" + scope; // at most 255 characters
            command.Parameters.Add(resource);
            var granted = Convert.ToInt32(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
            if (granted < 0) // 0 granted, 1 granted after waiting; -1 timeout, -2 cancelled, -3 deadlock victim, -999 error
            {
                throw new WriteLockNotGrantedException(scope, granted);
            }
            return new WriteTransaction(db, transaction, null);
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

    /// <summary>A deadlock victim, or a database still busy after its wait: worth running the work again.</summary>
    private static bool IsTransient(Exception e)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            switch (inner)
            {
                case SqliteException { SqliteErrorCode: 5 or 6 }: // SQLITE_BUSY, SQLITE_LOCKED
                case SqlException { Number: 1205 }: // chosen as deadlock victim
                case WriteLockNotGrantedException { Result: -3 }:
                    return true;
            }
        }
        return false;
    }

    /// <summary>The EF transaction, and for SQLite the connection opened for it (closed again at the end).</summary>
    private sealed class WriteTransaction(AppDbContext db, IDbContextTransaction transaction, DbTransaction? owned) : IAsyncDisposable
    {
        public Task CommitAsync(CancellationToken ct) => transaction.CommitAsync(ct);

        public async ValueTask DisposeAsync()
        {
            await transaction.DisposeAsync(); // rolls back if not committed
            if (owned is not null)
            {
                await owned.DisposeAsync();
                await db.Database.CloseConnectionAsync();
            }
        }
    }
}

/// <summary>SQL Server did not grant the application lock of a write transaction (timeout, deadlock or error).</summary>
public sealed class WriteLockNotGrantedException(string scope, int result)
    : Exception($"The write lock '{scope}' was not granted (sp_getapplock returned {result}).")
{
    public int Result { get; } = result;
}
