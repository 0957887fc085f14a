using System.Data.Common;
using CivicPairing.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CivicPairing.Web.Infrastructure;

public static class DatabaseSetup
{
    public const string Sqlite = "Sqlite";
    public const string SqlServer = "SqlServer";

    public static string ProviderName(IConfiguration configuration) => configuration["Database:Provider"] ?? Sqlite;

    /// <summary>The SQLite connection string, defaulting to a file under App_Data so a fresh clone needs no server.</summary>
    public static string SqliteConnectionString(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration.GetConnectionString("Default");
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured)
            ? "Data Source=App_Data/civicpairing.db"
            : configured);
        if (!Path.IsPathRooted(builder.DataSource) && builder.DataSource != ":memory:")
        {
            builder.DataSource = Path.Combine(environment.ContentRootPath, builder.DataSource);
        }
        builder.DefaultTimeout = 30; // also how long Microsoft.Data.Sqlite retries a busy database
        builder.Pooling = true;
        return builder.ToString();
    }

    public static IServiceCollection AddAppDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var provider = ProviderName(configuration);
        switch (provider)
        {
            case Sqlite:
                var sqlite = SqliteConnectionString(configuration, environment);
                var directory = Path.GetDirectoryName(new SqliteConnectionStringBuilder(sqlite).DataSource);
                if (!string.IsNullOrEmpty(directory))
                {
                    Directory.CreateDirectory(directory);
                }
                services.AddDbContext<AppDbContext, SqliteAppDbContext>(o => o
                    .UseSqlite(sqlite)
                    .AddInterceptors(SqlitePragmas.Instance));
                break;
            case SqlServer:
                var sqlServer = configuration.GetConnectionString("Default")
                    ?? throw new InvalidOperationException("Database:Provider is SqlServer but ConnectionStrings:Default is not set.");
                services.AddDbContext<AppDbContext, SqlServerAppDbContext>(o => o.UseSqlServer(sqlServer));
                break;
            default:
                throw new InvalidOperationException($"Unknown Database:Provider '{provider}'. Use '{Sqlite}' or '{SqlServer}'.");
        }
        return services;
    }

    /// <summary>
    /// Applies SQLite migrations at start-up and switches the file to WAL so readers never block the
    /// writer. SQL Server is migrated by the idempotent script (docs/operations.md), never implicitly.
    /// </summary>
    public static async Task PrepareAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (!db.Database.IsSqlite())
        {
            return;
        }
        await db.Database.MigrateAsync(ct);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        await RefreshStatisticsAsync(db, ct);
    }

    /// <summary>
    /// SQLite plans by its table statistics: without them it may walk a status index over a million activities where a
    /// pairing's index holds forty (a secretary's home page took 6 s instead of 0.4 s). A file without statistics is
    /// analyzed once (about 2.5 s for a province); afterwards <c>PRAGMA optimize</c> refreshes what has drifted.
    /// </summary>
    public static async Task RefreshStatisticsAsync(AppDbContext db, CancellationToken ct)
    {
        var analyzed = await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE name = 'sqlite_stat1'").SingleAsync(ct) > 0;
        await db.Database.ExecuteSqlRawAsync(analyzed ? "PRAGMA optimize=0x10002;" : "ANALYZE;", ct);
    }

    /// <summary>Per-connection settings: wait for a busy writer instead of failing, and fsync less in WAL (still crash-safe).</summary>
    private sealed class SqlitePragmas : DbConnectionInterceptor
    {
        public static readonly SqlitePragmas Instance = new();

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Apply(connection);
            return Task.CompletedTask;
        }

        /// <summary>
        /// The native connections that have the settings. They last as long as the native connection: Microsoft.Data.Sqlite
        /// pools it between the opens of a request's queries (one open per query), so a pooled one is set once, not at
        /// every query. A migration's table rebuild turns foreign keys off and on again within itself.
        /// </summary>
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, object> Configured = new();

        private static void Apply(DbConnection connection)
        {
            if (connection is SqliteConnection { Handle: { } handle } && Configured.TryGetValue(handle, out _))
            {
                return;
            }
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA busy_timeout=10000; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;";
            command.ExecuteNonQuery();
            if (connection is SqliteConnection { Handle: { } opened })
            {
                Configured.AddOrUpdate(opened, Configured);
            }
        }
    }
}
