using System.Diagnostics;
using System.Net;
using CivicPairing.IntegrationTests.Infrastructure;
using CivicPairing.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicPairing.IntegrationTests;

public sealed class Operations(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    public async Task AnswersHealthChecksWithoutSignIn(string url)
    {
        using var client = factory.CreatePortalClient();
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// Every query's connection has the settings, also when the pool hands back a native connection set up earlier (they
    /// are applied once per native connection): foreign keys on, a busy timeout, fsync at checkpoints only.
    /// </summary>
    [Fact]
    public async Task EveryConnectionHasTheSqliteSettings()
    {
        for (var round = 0; round < 3; round++)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Database.OpenConnectionAsync();
            try
            {
                var connection = (SqliteConnection)db.Database.GetDbConnection();
                Assert.Equal(1L, Pragma(connection, "foreign_keys"));
                Assert.Equal(10_000L, Pragma(connection, "busy_timeout"));
                Assert.Equal(1L, Pragma(connection, "synchronous")); // NORMAL
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }

        static long Pragma(SqliteConnection connection, string name)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA {name};";
            return (long)command.ExecuteScalar()!;
        }
    }

    /// <summary>/readyz follows the database: 503 while the SQLite file is gone, 200 again once it is back; /healthz stays 200.</summary>
    [Fact]
    public async Task IsReadyOnlyWhileTheDatabaseAnswers()
    {
        await using var portal = new PortalFactory();
        using var client = portal.CreatePortalClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);

        SqliteConnection.ClearAllPools();
        var aside = portal.DatabasePath + ".aside";
        File.Move(portal.DatabasePath, aside);
        try
        {
            var missing = await client.GetAsync("/readyz");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, missing.StatusCode);
            Assert.Equal("Unhealthy", await missing.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        }
        finally
        {
            File.Move(aside, portal.DatabasePath);
        }
        Assert.Equal("Healthy", await (await client.GetAsync("/readyz")).Content.ReadAsStringAsync());
    }

    /// <summary>
    /// A relative Logs:Path is under the content root, not under the directory the tests run in; and another portal in
    /// the same process stopping does not close this one's log (it did when hosts took over the static logger).
    /// </summary>
    [Fact]
    public async Task WritesTheLogFileUnderTheContentRoot()
    {
        var name = $"operations-{Guid.NewGuid():N}";
        var other = new PortalFactory();
        _ = other.Services;
        await using var portal = new RelativeLogPortal($"App_Data/logs/{name}-.log");
        using var client = portal.CreatePortalClient();
        await other.DisposeAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);

        var contentRoot = portal.Services.GetRequiredService<Microsoft.Extensions.Hosting.IHostEnvironment>().ContentRootPath;
        var folder = Path.Combine(contentRoot, "App_Data", "logs");
        // The request's line is written after its response has reached the client (the file sink flushes each line):
        // read the file until it holds the line, for at most ten seconds, before closing the portal.
        var text = "";
        for (var tries = 0; tries < 100 && !text.Contains("/healthz", StringComparison.Ordinal); tries++)
        {
            await Task.Delay(tries == 0 ? 0 : 100);
            text = Directory.GetFiles(folder, name + "-*.log") is [var file] ? await ReadSharedAsync(file) : "";
        }
        await portal.DisposeAsync();
        var written = Directory.GetFiles(folder, name + "-*.log");
        try
        {
            Assert.Single(written);
            Assert.Contains("/healthz", text, StringComparison.Ordinal);
            Assert.Empty(Directory.Exists(Path.Combine(Environment.CurrentDirectory, "App_Data", "logs"))
                ? Directory.GetFiles(Path.Combine(Environment.CurrentDirectory, "App_Data", "logs"), name + "-*.log")
                : []);
        }
        finally
        {
            foreach (var file in written)
            {
                File.Delete(file);
            }
        }
    }

    private static async Task<string> ReadSharedAsync(string path)
    {
        using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
        return await reader.ReadToEndAsync();
    }

    private sealed class RelativeLogPortal(string logPath) : PortalFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Logs:Path", logPath);
            builder.UseSetting("Serilog:MinimumLevel:Default", "Information");
            builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft.AspNetCore", "Information");
        }
    }

    /// <summary>A liaison can put the portal on a phone's home screen: the manifest and each icon it names, at the size it states.</summary>
    [Fact]
    public async Task ServesTheWebAppManifestAndItsIcons()
    {
        using var client = factory.CreatePortalClient();
        Assert.Contains("<link rel=\"manifest\" href=\"/manifest.webmanifest\"", await client.GetPageAsync("/Account/Login"), StringComparison.Ordinal);

        var response = await client.GetAsync("/manifest.webmanifest");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/manifest+json", response.Content.Headers.ContentType?.MediaType);
        using var manifest = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = manifest.RootElement;
        Assert.Equal(("结对共建平台", "/", "standalone"), (root.GetProperty("name").GetString(), root.GetProperty("start_url").GetString(), root.GetProperty("display").GetString()));
        var pngSizes = new List<string>();
        foreach (var icon in root.GetProperty("icons").EnumerateArray())
        {
            var file = await client.GetAsync(icon.GetProperty("src").GetString()!);
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            if (icon.GetProperty("type").GetString() == "image/png")
            {
                // A PNG's width and height are the big-endian integers at bytes 16–23 of its header.
                var bytes = await file.Content.ReadAsByteArrayAsync();
                var width = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4));
                var height = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4));
                Assert.Equal(icon.GetProperty("sizes").GetString(), $"{width}x{height}");
                pngSizes.Add($"{width}x{height}");
            }
        }
        // Android asks for both sizes.
        Assert.Equal(["192x192", "512x512"], pngSizes.Order());
    }

    [Fact]
    public async Task SendsTheSecurityHeadersOnEveryPage()
    {
        using var client = factory.CreatePortalClient();
        var response = await client.GetAsync("/Account/Login");
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.DoesNotContain("<script>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShowsAFriendlyNotFoundPageWithARequestNumber()
    {
        using var client = await PortalClient.SignedInAsync(factory, "demo.office");
        var response = await client.GetAsync("/Units/Details/999999");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("该页面或记录不存在", html, StringComparison.Ordinal);
        Assert.Matches("<code class=\"request-id\">[^<]{8,}</code>", html);
    }

    [Fact]
    public async Task NeverAnswersAnAbsurdQueryWithAServerError()
    {
        using var client = await PortalClient.SignedInAsync(factory, "demo.office");
        foreach (var url in new[] { "/Units?page=-4&kind=Dragon&sort=%27%3BDROP", "/Communities?paired=maybe&page=99999", "/Audit?from=2026-13-45&action=Explode", "/Units/Export?format=exe" })
        {
            var response = await client.GetAsync(url);
            Assert.True((int)response.StatusCode < 500, $"{url} gave {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task BacksUpTheLiveDatabaseToAConsistentCopy()
    {
        using var client = await PortalClient.SignedInAsync(factory, "demo.office"); // the portal is running and has written
        var target = Path.Combine(Path.GetTempPath(), "civicpairing-tests", $"backup-{Guid.NewGuid():N}.db");
        var web = Path.Combine(AppContext.BaseDirectory, "CivicPairing.Web.dll");
        var start = new ProcessStartInfo("dotnet", [web, "backup", "--out", target])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Testing",
                ["ConnectionStrings__Default"] = $"Data Source={factory.DatabasePath}",
            },
        };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, output + await process.StandardError.ReadToEndAsync());
        Assert.Contains("Backup written to", output, StringComparison.Ordinal);

        await using var copy = new SqliteConnection($"Data Source={target};Mode=ReadOnly;Pooling=False");
        // Names compare by the portal's zh_CN collation, which a bare connection (or the sqlite3 CLI) lacks (docs/operations.md).
        NameCollation.Register(copy);
        await copy.OpenAsync();
        var command = copy.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM Units WHERE Name = '市财政局'";
        Assert.Equal(1L, await command.ExecuteScalarAsync());
        command.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", await command.ExecuteScalarAsync());
        File.Delete(target);
    }

    /// <summary>A backup taken before an upgrade is of the database as it was: the new build does not migrate it first.</summary>
    [Fact]
    public async Task BacksUpWithoutMigratingAndRefusesAMissingDatabase()
    {
        using var client = await PortalClient.SignedInAsync(factory, "demo.office");
        var source = Path.Combine(Path.GetTempPath(), "civicpairing-tests", $"older-{Guid.NewGuid():N}.db");
        // As if the database were one migration behind this build (a copy of the running portal's, WAL and all).
        await using (var live = new SqliteConnection($"Data Source={factory.DatabasePath};Mode=ReadOnly;Pooling=False"))
        await using (var older = new SqliteConnection($"Data Source={source};Pooling=False"))
        {
            await live.OpenAsync();
            await older.OpenAsync();
            live.BackupDatabase(older);
            var forget = older.CreateCommand();
            forget.CommandText = "DELETE FROM __EFMigrationsHistory WHERE MigrationId = (SELECT MAX(MigrationId) FROM __EFMigrationsHistory)";
            Assert.Equal(1, await forget.ExecuteNonQueryAsync());
        }
        var historyBefore = await MigrationsAsync(source);
        var target = Path.ChangeExtension(source, ".backup.db");

        var (code, output) = await BackupAsync(source, target);
        Assert.True(code == 0, output);
        Assert.Equal(historyBefore, await MigrationsAsync(source));
        Assert.Equal(historyBefore, await MigrationsAsync(target));

        var missing = Path.Combine(Path.GetTempPath(), "civicpairing-tests", $"missing-{Guid.NewGuid():N}.db");
        var (refused, message) = await BackupAsync(missing, missing + ".backup");
        Assert.Equal(2, refused);
        Assert.Contains("nothing was backed up", message, StringComparison.Ordinal);
        Assert.False(File.Exists(missing));
        File.Delete(source);
        File.Delete(target);
    }

    private static async Task<List<string>> MigrationsAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        var command = connection.CreateCommand();
        command.CommandText = "SELECT MigrationId FROM __EFMigrationsHistory ORDER BY MigrationId";
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0));
        }
        return ids;
    }

    private static async Task<(int Code, string Output)> BackupAsync(string source, string target)
    {
        var web = Path.Combine(AppContext.BaseDirectory, "CivicPairing.Web.dll");
        var start = new ProcessStartInfo("dotnet", [web, "backup", "--out", target])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Testing",
                ["ConnectionStrings__Default"] = $"Data Source={source}",
            },
        };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }
}
