using CivicPairing.Web;
using CivicPairing.Web.Infrastructure;
using CivicPairing.Web.Infrastructure.Commands;
using CivicPairing.Web.Seeding;
using Microsoft.Extensions.Localization;
using Serilog;

// A plain (not reloadable) start-up logger: the test host builds the portal many times in one process.
Log.Logger = new LoggerConfiguration().WriteTo.Console().CreateLogger();
try
{
    var command = AppCommand.Parse(args);
    var builder = WebApplication.CreateBuilder(command.HostArgs);
    builder.AddPortal();

    var app = builder.Build();
    Localization.UseLocalizedValidatorNames(app.Services.GetRequiredService<IStringLocalizer<SharedResource>>());

    if (command.Name is not null)
    {
        return await command.RunAsync(app);
    }

    await DatabaseSetup.PrepareAsync(app.Services);
    await app.SeedDemoDataIfEnabledAsync();
    app.UsePortal();
    app.AnnounceAddressesOnStart();
    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    Log.Fatal(ex, "CivicPairing stopped unexpectedly");
    return 1;
}
finally
{
    await Log.CloseAndFlushAsync();
}

/// <summary>Visible to WebApplicationFactory in the integration tests.</summary>
public partial class Program;
