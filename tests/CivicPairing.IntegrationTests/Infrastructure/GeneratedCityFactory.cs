using CivicPairing.Web.Data;
using CivicPairing.Web.Seeding;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CivicPairing.IntegrationTests.Infrastructure;

/// <summary>
/// The portal over an empty database (no demo city) into which <see cref="GenerateAsync"/> runs what
/// `generate --scale city --seed 1` runs: the synthetic world, then the demo accounts (the liaison for unit 1, the
/// secretary for community 1). Clock pinned as in <see cref="PortalFactory"/>.
/// </summary>
public class GeneratedCityFactory : PortalFactory
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _generated;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Demo:Enabled", "false");
    }

    /// <summary>Generates the city once for the factory's database.</summary>
    public async Task GenerateAsync(int seed = 1)
    {
        await _gate.WaitAsync();
        try
        {
            if (_generated)
            {
                return;
            }
            await using var scope = Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await new SyntheticData(db, seed, SyntheticScale.City, TextWriter.Null).RunAsync(CancellationToken.None);
            await DemoSeeder.CreateAccountsAsync(scope.ServiceProvider, unitId: 1, communityId: 1);
            _generated = true;
        }
        finally
        {
            _gate.Release();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gate.Dispose();
        }
        base.Dispose(disposing);
    }
}
