using CivicPairing.Web.Data;
using CivicPairing.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace CivicPairing.IntegrationTests.Infrastructure;

/// <summary>
/// The whole portal over its real pipeline, on its own SQLite file seeded with the demo city.
/// One factory (and one database) per test class. Its clock is pinned at <see cref="PinnedAt"/>, whatever the
/// machine's clock says; a test may advance <see cref="Clock"/>.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    /// <summary>The instant the tests are written for: 2026-11-24 10:00 in the city (the demo scenario's anchor day).</summary>
    public static readonly DateTimeOffset PinnedAt = new(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(8));

    /// <summary>The portal's clock; auto-advance is off, so time moves only when a test says so.</summary>
    public FakeTimeProvider Clock { get; } = new(PinnedAt);

    /// <summary>The city's today by the portal's clock.</summary>
    public DateOnly Today => new CityClock(Clock).Today;

    public string DatabasePath { get; } = Path.Combine(Path.GetTempPath(), "civicpairing-tests", $"{Guid.NewGuid():N}.db");

    public string EvidenceRoot => Path.ChangeExtension(DatabasePath, null) + "-evidence";

    /// <summary>Failed sign-ins allowed per address and minute; null: the portal's own default, as in production.</summary>
    protected virtual int? LoginAttemptsPerMinute => 10_000;

    /// <summary>0: the tests check figures right after the change that moves them (<see cref="StoredFacts"/> tests the window).</summary>
    protected virtual int MaxStaleSeconds => 0;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Default", $"Data Source={DatabasePath}");
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("Evidence:Root", EvidenceRoot);
        if (LoginAttemptsPerMinute is { } attempts)
        {
            builder.UseSetting("Security:LoginAttemptsPerMinute", attempts.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        builder.UseSetting("Scoring:MaxStaleSeconds", MaxStaleSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // No background gathering racing the test's own requests (the pinned clock would tick it only once anyway).
        builder.UseSetting("Scoring:WarmEverySeconds", "0");
        // Notification cycles run when a test says so (NotificationWork.RunCycleAsync), never behind its back.
        builder.UseSetting("Notifications:PollSeconds", "0");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Logs:Path", Path.ChangeExtension(DatabasePath, ".log"));
        builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }

    public PortalClient CreatePortalClient() =>
        new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>Runs a query against the portal's own database, the way the portal sees it.</summary>
    public async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(EvidenceRoot))
            {
                Directory.Delete(EvidenceRoot, recursive: true);
            }
            foreach (var file in Directory.GetFiles(Path.GetDirectoryName(DatabasePath)!, Path.GetFileNameWithoutExtension(DatabasePath) + "*"))
            {
                try
                {
                    File.Delete(file);
                }
                catch (IOException)
                {
                    // Left for the OS to clean with the temp folder; never fail a test run over it.
                }
            }
        }
    }
}
