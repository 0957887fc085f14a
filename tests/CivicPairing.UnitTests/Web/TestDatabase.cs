using System.Globalization;
using CivicPairing.Web;
using CivicPairing.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CivicPairing.UnitTests.Web;

/// <summary>A real SQLite database in memory (not EF's InMemory provider) and the real string table, for validators.</summary>
public sealed class TestDatabase : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public TestDatabase()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        _connection.Open();
        Db = new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(_connection).Options);
        Db.Database.EnsureCreated();
    }

    public SqliteAppDbContext Db { get; }

    public static IStringLocalizer<SharedResource> Localizer { get; } = new StringLocalizer<SharedResource>(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance));

    public void Dispose()
    {
        Db.Dispose();
        _connection.Dispose();
    }
}
