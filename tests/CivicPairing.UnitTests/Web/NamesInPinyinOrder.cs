using System.Globalization;
using CivicPairing.Domain.Registry;
using CivicPairing.Web.Data;
using CivicPairing.Web.Features.Communities;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CivicPairing.UnitTests.Web;

/// <summary>Names sort in pinyin order and are told apart the same way by the database, the form and the import.</summary>
public sealed class NamesInPinyinOrder : IDisposable
{
    // Written by hand from the syllables: an qing, bei jing, cheng guan, dong feng, fu xing, guang ming, he ping, jin dun, xin dun, yin dun, zhuang yuan.
    private static readonly string[] InPinyinOrder = ["安庆路社区", "北京路社区", "城关社区", "东风社区", "复兴社区", "光明社区", "和平社区", "金墩社区", "新墩社区", "银墩社区", "状元府社区"];

    private readonly TestDatabase _database = new();

    [Fact]
    public void The_runtime_has_ICU_and_its_Chinese_order_is_pinyin()
    {
        Assert.False(AppContext.TryGetSwitch("System.Globalization.Invariant", out var invariant) && invariant, "InvariantGlobalization must be off");
        Assert.False(CultureInfo.GetCultureInfo("zh-CN").CompareInfo.Name.Length == 0);
        Assert.Equal(InPinyinOrder, Scrambled().Order(NameCollation.Comparer));
        // Ordinal (code point) order is not pinyin: 东 U+4E1C comes before 北 U+5317 and 安 U+5B89.
        Assert.NotEqual(InPinyinOrder, Scrambled().Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// ICU's (CLDR's) pinyin order gives each character one reading: 长 is read zhǎng (长大), so 长江社区 sorts among the
    /// zh- names, after 银墩社区, where a reader saying cháng expects it before 城关. SQL Server's Chinese_PRC (GB2312
    /// order) files 长 under chang. Pinned here so the documented difference (docs/operations.md) stays true.
    /// </summary>
    [Fact]
    public void Polyphonic_characters_take_ICU_s_one_reading()
    {
        string[] names = ["长江社区", "城关社区", "银墩社区", "状元府社区", "东风社区"];
        Assert.Equal(["城关社区", "东风社区", "银墩社区", "长江社区", "状元府社区"], names.Order(NameCollation.Comparer));
    }

    [Fact]
    public async Task SQLite_sorts_names_in_pinyin_order_by_walking_the_name_index()
    {
        var db = _database.Db;
        foreach (var name in Scrambled())
        {
            db.Communities.Add(new Community { Name = name, Street = "金墩街道", Kind = CommunityKind.UrbanCommunity });
        }
        await db.SaveChangesAsync();

        Assert.Equal(InPinyinOrder, await db.Communities.OrderBy(c => c.Name).Select(c => c.Name).ToListAsync());
        Assert.Equal(InPinyinOrder.Reverse(), await db.Communities.OrderByDescending(c => c.Name).Select(c => c.Name).ToListAsync());
        // The order is the index's own: no sort step in the plan.
        var connection = db.Database.GetDbConnection();
        using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN SELECT Name FROM Communities WHERE IsActive = 1 ORDER BY Name";
        var plan = new List<string>();
        using (var reader = await explain.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(3));
            }
        }
        Assert.Contains(plan, step => step.Contains("IX_Communities_IsActive_Name", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }

    [Fact]
    public void A_new_connection_of_the_context_knows_the_collation()
    {
        var path = Path.Combine(Path.GetTempPath(), $"names-{Guid.NewGuid():N}.db");
        try
        {
            using (var db = new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={path};Pooling=False").Options))
            {
                db.Database.Migrate();
                db.Units.AddRange(new Unit { Name = "东风厂", StaffCount = 1 }, new Unit { Name = "安庆市局", StaffCount = 1 });
                db.SaveChanges();
                Assert.Equal(["安庆市局", "东风厂"], db.Units.OrderBy(u => u.Name).Select(u => u.Name).ToList());
            }
            // A bare connection, as the sqlite3 CLI sees the file, cannot compare names (docs/operations.md).
            using var bare = new SqliteConnection($"Data Source={path};Pooling=False");
            bare.Open();
            using var command = bare.CreateCommand();
            command.CommandText = "SELECT Name FROM Units ORDER BY Name";
            Assert.Contains("no such collation sequence: zh_CN", Assert.Throws<SqliteException>(() => command.ExecuteReader()).Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("ABC社区", "abc社区")]
    [InlineData("ABC社区", "ＡＢＣ社区")]
    [InlineData("金墩社区", " 金墩社区 ")]
    public async Task The_form_the_import_and_the_unique_index_call_the_same_names_equal(string saved, string typed)
    {
        var db = _database.Db;
        db.Communities.Add(new Community { Name = saved, Street = "金墩街道", Kind = CommunityKind.UrbanCommunity });
        await db.SaveChangesAsync();

        var input = new CommunityInput { Name = typed, Kind = CommunityKind.UrbanCommunity, Street = "金墩街道", Households = 1, Population = 1, PartyMemberCount = 0 };
        var form = await new CommunityInputValidator(db, TestDatabase.Localizer).ValidateAsync(input);
        Assert.Contains(form.Errors, e => e.PropertyName == "Name");
        Assert.True(NameCollation.SameName(saved, typed));
        Assert.Equal(0, NameCollation.Comparer.Compare(saved, typed.Trim()));

        db.Communities.Add(new Community { Name = typed.Trim(), Street = "金墩街道", Kind = CommunityKind.UrbanCommunity });
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public void Different_names_stay_different()
    {
        Assert.False(NameCollation.SameName("长江社区", "长江村"));
        Assert.False(NameCollation.SameName("金墩社区", "银墩社区"));
    }

    [Fact]
    public void SQL_Server_columns_and_migrations_carry_Chinese_PRC_CI_AS()
    {
        using var db = new SqlServerAppDbContext(new DbContextOptionsBuilder<SqlServerAppDbContext>().UseSqlServer(SqlServerDryRun.ConnectionString).Options);
        foreach (var model in new IReadOnlyModel[] { db.GetService<IDesignTimeModel>().Model, db.GetService<IMigrationsAssembly>().ModelSnapshot!.Model })
        {
            Assert.Equal(NameCollation.SqlServer, model.FindEntityType(typeof(Unit))!.FindProperty(nameof(Unit.Name))!.GetCollation());
            Assert.Equal(NameCollation.SqlServer, model.FindEntityType(typeof(Community))!.FindProperty(nameof(Community.Name))!.GetCollation());
            Assert.Equal(NameCollation.SqlServer, model.FindEntityType(typeof(Community))!.FindProperty(nameof(Community.Street))!.GetCollation());
        }
        Assert.Equal(NameCollation.Sqlite, _database.Db.GetService<IDesignTimeModel>().Model.FindEntityType(typeof(Unit))!.FindProperty(nameof(Unit.Name))!.GetCollation());
    }

    private static string[] Scrambled() => [.. InPinyinOrder.OrderBy(n => n.GetHashCode(StringComparison.Ordinal) ^ 0x5bd1e995).ThenBy(n => n, StringComparer.Ordinal)];

    public void Dispose() => _database.Dispose();
}
