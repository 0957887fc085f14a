using System.Globalization;
using CivicPairing.Web.Infrastructure;

namespace CivicPairing.UnitTests.Web;

public sealed class DisplayFormats
{
    [Fact]
    public void WritesDatesAndMoneyTheChineseWay()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        Assert.Equal("2026年11月24日", Format.Date(new DateOnly(2026, 11, 24)));
        Assert.Equal("¥58,490.00", Format.Money(58490m));
    }

    [Fact]
    public void WritesDatesInEnglishAfterTheSwitchButMoneyStaysInYuan()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("en");
        Assert.Equal("24 Nov 2026", Format.Date(new DateOnly(2026, 11, 24)));
        Assert.Equal("¥58,490.00", Format.Money(58490m));
    }

    [Fact]
    public void ShowsInstantsOnTheCitysClock()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        var lateEveningUtc = new DateTimeOffset(2026, 11, 24, 17, 30, 0, TimeSpan.Zero);
        Assert.Equal("2026年11月25日 01:30", Format.DateTime(lateEveningUtc));
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.FromHours(8)), Format.StartOf(new DateOnly(2026, 11, 25)));
    }
}
