using System.Globalization;
using CivicPairing.Domain.Registry;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace CivicPairing.Web.Data;

/// <summary>
/// How names (units, communities, streets) are ordered and told apart: in pinyin order (安 &lt; 北 &lt; 东 …), case-,
/// width- and kana-insensitive, on both providers and in memory. SQL Server's <c>Chinese_PRC_CI_AS</c> does it there;
/// on SQLite the <c>zh_CN</c> collation is .NET's zh-CN <see cref="CompareInfo"/> (ICU) with the same options,
/// registered on every connection a <see cref="SqliteAppDbContext"/> uses. The name columns carry the collation, so
/// their indexes are in this order (the lists walk them) and their unique indexes refuse names it calls equal; the
/// form's and the import's name checks (<see cref="SameName"/>) say the same.
/// </summary>
public static class NameCollation
{
    public const string Sqlite = "zh_CN";
    public const string SqlServer = "Chinese_PRC_CI_AS";

    /// <summary>Like Chinese_PRC_CI_AS: case-insensitive, accent-sensitive, kana- and width-insensitive.</summary>
    public const CompareOptions Options = CompareOptions.IgnoreCase | CompareOptions.IgnoreKanaType | CompareOptions.IgnoreWidth;

    private static readonly CompareInfo Chinese = CultureInfo.GetCultureInfo("zh-CN").CompareInfo;

    /// <summary>The in-memory twin of the database collation, for names sorted or matched after they are read.</summary>
    public static StringComparer Comparer { get; } = StringComparer.Create(CultureInfo.GetCultureInfo("zh-CN"), Options);

    public static int Compare(string? x, string? y) => Chinese.Compare(x, y, Options);

    /// <summary>Whether two names (trimmed) are the same name for the unique indexes: the one rule of the form and the import.</summary>
    public static bool SameName(string? x, string? y) => Compare(x?.Trim(), y?.Trim()) == 0;

    /// <summary>
    /// Whether another record holds this name, compared as its unique index compares (the column's collation, so the
    /// same on both providers as <see cref="Comparer"/> on SQLite): the one name check of the form and of the import.
    /// </summary>
    public static Task<bool> NameTakenAsync<T>(this IQueryable<T> records, string name, int? exceptId, CancellationToken ct)
        where T : class, IRegistryRecord
    {
        var trimmed = name.Trim();
        var except = exceptId ?? 0;
        return records.AnyAsync(r => r.Name == trimmed && r.Id != except, ct);
    }

    /// <summary>Makes the <c>zh_CN</c> collation known to a SQLite connection (open or not: it is registered again at each open).</summary>
    public static void Register(SqliteConnection connection) => connection.CreateCollation(Sqlite, (x, y) => Chinese.Compare(x, y, Options));

    /// <summary>The name columns in pinyin order, with each provider's collation (none on another provider).</summary>
    internal static void Apply(ModelBuilder builder, DatabaseFacade database)
    {
        var collation = database.IsSqlite() ? Sqlite : database.IsSqlServer() ? SqlServer : null;
        if (collation is null)
        {
            return;
        }
        builder.Entity<Unit>().Property(u => u.Name).UseCollation(collation);
        builder.Entity<Community>().Property(c => c.Name).UseCollation(collation);
        builder.Entity<Community>().Property(c => c.Street).UseCollation(collation);
    }
}
