using CivicPairing.Web.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace CivicPairing.UnitTests.Web;

public sealed class CityCalendar
{
    [Fact]
    public void TodayIsTheDateInTheCityNotOnTheServer()
    {
        // 16:30 UTC on the 24th is half past midnight on the 25th in the city.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 15, 59, 0, TimeSpan.Zero));
        var clock = new CityClock(time);
        Assert.Equal(new DateOnly(2026, 11, 24), clock.Today);

        time.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(new DateOnly(2026, 11, 25), clock.Today);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 16, 30, 0, TimeSpan.Zero), clock.Now);
    }

    [Fact]
    public void ANewYearBeginsAtMidnightInTheCity()
    {
        var clock = new CityClock(new FakeTimeProvider(new DateTimeOffset(2030, 12, 31, 16, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2031, 1, 1), clock.Today);
    }
}
