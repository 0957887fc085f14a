using CivicPairing.Web.Seeding;

namespace CivicPairing.UnitTests.Web;

public sealed class DemoPlacementCalendar
{
    [Theory]
    [InlineData("2026-11-24", 0, "2026-11-24")]
    [InlineData("2026-12-02", 0, "2026-11-24")]
    [InlineData("2026-12-24", 1, "2026-12-24")]
    [InlineData("2027-06-01", 6, "2027-05-24")]
    [InlineData("2030-02-28", 39, "2030-02-24")]
    [InlineData("2030-02-23", 38, "2030-01-24")]
    [InlineData("2025-03-30", -20, "2025-03-24")]
    public void TheScenariosDayFallsOnOrBeforeTodayLessThanAMonthBefore(string today, int months, string now)
    {
        var calendar = new DemoCalendar(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(months, calendar.Months);
        Assert.Equal(DateOnly.Parse(now, System.Globalization.CultureInfo.InvariantCulture), calendar.Now);
    }

    [Fact]
    public void MovesByWholeMonthsKeepingTheDayOfTheMonthClampedAtTheEnd()
    {
        var calendar = new DemoCalendar(new DateOnly(2027, 2, 25)); // three months on
        Assert.Equal(new DateOnly(2026, 4, 12), calendar.Date(2026, 1, 12));
        Assert.Equal(new DateOnly(2027, 2, 28), calendar.Date(2026, 11, 30));
        Assert.Equal(new DateTimeOffset(2027, 2, 1, 2, 0, 0, TimeSpan.Zero), calendar.At(2026, 11, 1, 2));
    }
}
