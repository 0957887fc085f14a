using CivicPairing.Web.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace CivicPairing.UnitTests.Web;

/// <summary>Logs:Path: relative under the content root (never the process's working directory), absolute as given.</summary>
public sealed class LogFiles
{
    private static IConfiguration Settings(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, v.Value))).Build();

    [Fact]
    public void ADefaultOrRelativePathIsUnderTheContentRoot()
    {
        Assert.Equal("/srv/civicpairing/App_Data/logs/civicpairing-.log", LogFile.Resolve(Settings(), "/srv/civicpairing"));
        Assert.Equal("/srv/civicpairing/logs/a-.log", LogFile.Resolve(Settings(("Logs:Path", "logs/a-.log")), "/srv/civicpairing"));
        Assert.Equal("/srv/logs/a-.log", LogFile.Resolve(Settings(("Logs:Path", "../logs/a-.log")), "/srv/civicpairing"));
    }

    [Fact]
    public void AnAbsolutePathIsUsedAsItIs()
    {
        Assert.Equal("/var/log/civicpairing/portal-a-.log", LogFile.Resolve(Settings(("Logs:Path", "/var/log/civicpairing/portal-a-.log")), "/srv/civicpairing"));
    }

    [Fact]
    public void SerilogsFileSinkGetsTheResolvedPathAndTheOtherSinksAreLeftAlone()
    {
        var settings = Settings(
            ("Serilog:WriteTo:0:Name", "Console"),
            ("Serilog:WriteTo:1:Name", "File"), ("Serilog:WriteTo:1:Args:rollingInterval", "Day"),
            ("Logs:Path", "logs/x-.log"));

        var serilog = LogFile.WithResolvedPath(settings, "/srv/civicpairing");

        Assert.Equal("/srv/civicpairing/logs/x-.log", serilog["Serilog:WriteTo:1:Args:path"]);
        Assert.Equal("Day", serilog["Serilog:WriteTo:1:Args:rollingInterval"]);
        Assert.Null(serilog["Serilog:WriteTo:0:Args:path"]);
    }

    [Fact]
    public void TheShippedSettingsWriteTheFileUnderAppData()
    {
        var web = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(web.FullName, "CivicPairing.sln")))
        {
            web = web.Parent!;
        }
        var shipped = new ConfigurationBuilder().AddJsonFile(Path.Combine(web.FullName, "src", "CivicPairing.Web", "appsettings.json")).Build();
        var serilog = LogFile.WithResolvedPath(shipped, "/srv/civicpairing");
        var file = serilog.GetSection("Serilog:WriteTo").GetChildren().Single(s => s["Name"] == "File");
        Assert.Equal("/srv/civicpairing/App_Data/logs/civicpairing-.log", file["Args:path"]);
    }
}
