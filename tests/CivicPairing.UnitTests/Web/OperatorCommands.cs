using CivicPairing.Web.Infrastructure.Commands;

namespace CivicPairing.UnitTests.Web;

public sealed class OperatorCommands
{
    [Fact]
    public void ReadsTheBackupTargetAndPassesTheRestToTheHost()
    {
        var command = AppCommand.Parse(["backup", "--out", "/tmp/x.db", "--urls", "http://localhost:5000"]);
        Assert.Equal("backup", command.Name);
        Assert.Equal("/tmp/x.db", command.Options["out"]);
        Assert.Equal(["--urls", "http://localhost:5000"], command.HostArgs);
    }

    [Fact]
    public void ReadsTheGeneratorsScaleSeedAndConsent()
    {
        var command = AppCommand.Parse(["generate", "--scale", "province", "--seed", "7", "--allow-demo-accounts", "yes"]);
        Assert.Equal(("generate", "province", "7", "yes"), (command.Name, command.Options["scale"], command.Options["seed"], command.Options["allow-demo-accounts"]));
        Assert.Empty(command.HostArgs);
    }

    [Fact]
    public void ReadsTheHouseholdPurgesYears()
    {
        var command = AppCommand.Parse(["purge-households", "--years", "5", "--environment", "Production"]);
        Assert.Equal(("purge-households", "5"), (command.Name, command.Options["years"]));
        Assert.Equal(["--environment", "Production"], command.HostArgs);
    }

    [Fact]
    public void TreatsOrdinaryStartupArgumentsAsNoCommand()
    {
        var command = AppCommand.Parse(["--urls", "http://localhost:5000"]);
        Assert.Null(command.Name);
        Assert.Equal(["--urls", "http://localhost:5000"], command.HostArgs);
    }
}
