using CivicPairing.Web.Data;
using CivicPairing.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CivicPairing.Web.Infrastructure.Commands;

/// <summary>
/// Operator commands run through the portal's own executable, so they share its configuration:
/// `dotnet run --project src/CivicPairing.Web -- backup [--out FILE]` and
/// `dotnet run --project src/CivicPairing.Web -- create-admin --user NAME --password PASS` and
/// `dotnet run --project src/CivicPairing.Web -- purge-households [--years 3]` (docs/privacy.md's retention rule).
/// </summary>
public sealed record AppCommand(string? Name, IReadOnlyDictionary<string, string> Options, string[] HostArgs)
{
    public static readonly IReadOnlyList<string> Names = ["backup", "create-admin", "generate", "purge-households"];

    public static AppCommand Parse(string[] args)
    {
        if (args.Length == 0 || !Names.Contains(args[0]))
        {
            return new AppCommand(null, new Dictionary<string, string>(), args);
        }
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var hostArgs = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg.StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length && Names.Contains(args[0]) && IsCommandOption(args[0], arg[2..]))
            {
                options[arg[2..]] = args[++i];
            }
            else
            {
                hostArgs.Add(arg);
            }
        }
        return new AppCommand(args[0], options, [.. hostArgs]);
    }

    private static bool IsCommandOption(string command, string option) => (command, option) switch
    {
        ("backup", "out") => true,
        ("create-admin", "user" or "password" or "name") => true,
        ("generate", "scale" or "seed" or "allow-demo-accounts") => true,
        ("purge-households", "years") => true,
        _ => false,
    };

    public async Task<int> RunAsync(WebApplication app)
    {
        // A backup copies the database as it is: taken before an upgrade, it must not be migrated by the new build first.
        if (Name != "backup")
        {
            await DatabaseSetup.PrepareAsync(app.Services);
        }
        return Name switch
        {
            "backup" => await BackupAsync(app),
            "create-admin" => await CreateAdminAsync(app),
            "generate" => await GenerateAsync(app),
            "purge-households" => await PurgeHouseholdsAsync(app),
            _ => 2,
        };
    }

    /// <summary>
    /// Copies the live SQLite database with SQLite's online backup API: consistent even while the
    /// portal is writing, unlike a file copy of a WAL database.
    /// </summary>
    private async Task<int> BackupAsync(WebApplication app)
    {
        if (DatabaseSetup.ProviderName(app.Configuration) != DatabaseSetup.Sqlite)
        {
            await Console.Error.WriteLineAsync("backup copies the SQLite database; back up SQL Server with BACKUP DATABASE (docs/operations.md).");
            return 2;
        }
        var source = DatabaseSetup.SqliteConnectionString(app.Configuration, app.Environment);
        var sourcePath = new SqliteConnectionStringBuilder(source).DataSource;
        var target = Options.TryGetValue("out", out var outPath)
            ? Path.GetFullPath(outPath)
            : Path.Combine(Path.GetDirectoryName(sourcePath)!, "backups", $"civicpairing-{app.Services.GetRequiredService<CityClock>().Now.UtcDateTime:yyyyMMdd-HHmmss}.db");
        if (File.Exists(target))
        {
            await Console.Error.WriteLineAsync($"{target} exists already; choose another --out.");
            return 2;
        }
        if (!File.Exists(sourcePath))
        {
            await Console.Error.WriteLineAsync($"There is no database at {sourcePath}; nothing was backed up.");
            return 2;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        // Read-only: the live database is neither created, nor migrated, nor written by its backup.
        await using (var from = new SqliteConnection(new SqliteConnectionStringBuilder(source) { Mode = SqliteOpenMode.ReadOnly }.ToString()))
        await using (var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString()))
        {
            await from.OpenAsync();
            await to.OpenAsync();
            from.BackupDatabase(to);
        }
        Console.WriteLine($"Backup written to {target} ({new FileInfo(target).Length:N0} bytes).");
        return 0;
    }

    /// <summary>`generate --scale city|province --seed N`: a deterministic synthetic world in an empty database, with the demo accounts.</summary>
    private async Task<int> GenerateAsync(WebApplication app)
    {
        var scale = Seeding.SyntheticScale.Parse(Options.GetValueOrDefault("scale") ?? "city");
        if (scale is null || !int.TryParse(Options.GetValueOrDefault("seed") ?? "1", System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seed))
        {
            await Console.Error.WriteLineAsync("usage: generate --scale city|province [--seed N]");
            return 2;
        }
        // The generated world carries the demo accounts and their published password: never by accident on a real server.
        if (!app.Environment.IsDevelopment() && !app.Environment.IsEnvironment("Testing") && Options.GetValueOrDefault("allow-demo-accounts") != "yes")
        {
            await Console.Error.WriteLineAsync($"generate creates the demo accounts (password {Seeding.DemoSeeder.Password}); outside Development add --allow-demo-accounts yes.");
            return 2;
        }
        await using var scope = app.Services.CreateAsyncScope();
        try
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await new Seeding.SyntheticData(db, seed, scale, Console.Out).RunAsync(CancellationToken.None);
            await Seeding.DemoSeeder.CreateAccountsAsync(scope.ServiceProvider, unitId: 1, communityId: 1);
            Console.WriteLine($"Accounts: {string.Join(", ", Seeding.DemoSeeder.Accounts.Select(a => a.UserName))} (password {Seeding.DemoSeeder.Password}).");
            return 0;
        }
        catch (InvalidOperationException refusal)
        {
            await Console.Error.WriteLineAsync(refusal.Message);
            return 2;
        }
    }

    /// <summary>`purge-households [--years N]`: anonymises aid households decided (已脱困 or closed) more than N years ago (default 3).</summary>
    private async Task<int> PurgeHouseholdsAsync(WebApplication app)
    {
        var years = Domain.AidHouseholds.AidHousehold.RetentionYears;
        if (Options.TryGetValue("years", out var text)
            && (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out years) || years is < 1 or > 30))
        {
            await Console.Error.WriteLineAsync("usage: purge-households [--years N]  (N from 1 to 30; default 3)");
            return 2;
        }
        await using var scope = app.Services.CreateAsyncScope();
        var now = scope.ServiceProvider.GetRequiredService<CityClock>().Now;
        var count = await Features.AidHouseholds.HouseholdRetention.PurgeAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), now, years, CancellationToken.None);
        Console.WriteLine($"{count} aid household(s) decided more than {years} year(s) ago anonymised.");
        return 0;
    }

    private async Task<int> CreateAdminAsync(WebApplication app)
    {
        if (!Options.TryGetValue("user", out var userName) || !Options.TryGetValue("password", out var password))
        {
            await Console.Error.WriteLineAsync("usage: create-admin --user NAME --password PASSWORD [--name DISPLAY-NAME]");
            return 2;
        }
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        await Seeding.RoleSeeder.EnsureRolesAsync(scope.ServiceProvider);
        if (await users.FindByNameAsync(userName) is not null)
        {
            await Console.Error.WriteLineAsync($"User {userName} exists already.");
            return 2;
        }
        var user = new AppUser { UserName = userName, DisplayName = Options.GetValueOrDefault("name") ?? userName, CreatedAt = scope.ServiceProvider.GetRequiredService<CityClock>().Now };
        var result = await users.CreateAsync(user, password);
        if (result.Succeeded)
        {
            result = await users.AddToRoleAsync(user, Roles.Admin);
        }
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                await Console.Error.WriteLineAsync(error.Description);
            }
            return 1;
        }
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Console.WriteLine($"Administrator {userName} created ({await db.Users.CountAsync()} accounts in all).");
        return 0;
    }
}
