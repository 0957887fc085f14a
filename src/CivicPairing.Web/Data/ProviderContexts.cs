using CivicPairing.Web.Auditing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CivicPairing.Web.Data;

/// <summary>
/// The SQLite flavour (embedded default); its migrations live in Data/Migrations/Sqlite. Whoever builds it (the portal,
/// a command, the generator, a test with its own connection, open or not), its connection knows the names' collation
/// (<see cref="NameCollation"/>), without which SQLite cannot use or change the name indexes.
/// </summary>
public sealed class SqliteAppDbContext : AppDbContext
{
    public SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options, IAuditActor? actor = null, TimeProvider? time = null)
        : base(options, actor, time)
    {
        if (Database.GetDbConnection() is SqliteConnection connection)
        {
            NameCollation.Register(connection);
        }
    }
}

/// <summary>The SQL Server flavour (production); its migrations live in Data/Migrations/SqlServer.</summary>
public sealed class SqlServerAppDbContext(DbContextOptions<SqlServerAppDbContext> options, IAuditActor? actor = null, TimeProvider? time = null)
    : AppDbContext(options, actor, time);
