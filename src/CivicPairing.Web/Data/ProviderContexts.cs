using CivicPairing.Web.Auditing;
using Microsoft.EntityFrameworkCore;

namespace CivicPairing.Web.Data;

/// <summary>The SQLite flavour (embedded default); its migrations live in Data/Migrations/Sqlite.</summary>
public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options, IAuditActor? actor = null, TimeProvider? time = null)
    : AppDbContext(options, actor, time);

/// <summary>The SQL Server flavour (production); its migrations live in Data/Migrations/SqlServer.</summary>
public sealed class SqlServerAppDbContext(DbContextOptions<SqlServerAppDbContext> options, IAuditActor? actor = null, TimeProvider? time = null)
    : AppDbContext(options, actor, time);
