using CivicPairing.Domain.Pairings;

namespace CivicPairing.UnitTests.Domain;

/// <summary>Months a pairing is expected to show work: in force for at least half of the month, suspensions taken out.</summary>
public sealed class PairingExposureMonths
{
    private static readonly DateOnly From = new(2026, 1, 1), To = new(2026, 12, 31);

    private static DateOnly D(int month, int day) => new(2026, month, day);

    [Fact]
    public void AsksAPairingApprovedOnTwentiethNovemberForDecemberOnly()
    {
        var months = PairingExposure.MonthsInForce(D(11, 20), null, [], From, To);

        // November: 11 of 30 days in force, less than half; December: all 31.
        Assert.Equal([D(12, 1)], months);
    }

    [Fact]
    public void CountsAMonthInForceForExactlyHalfItsDays()
    {
        // 16 to 30 November is 15 of 30 days.
        Assert.Equal([D(11, 1), D(12, 1)], PairingExposure.MonthsInForce(D(11, 16), null, [], From, To));
    }

    [Fact]
    public void StopsAtTheEndOfAPairingThatEndedInJune()
    {
        var months = PairingExposure.MonthsInForce(new DateOnly(2025, 3, 1), D(6, 20), [], From, To);

        Assert.Equal([D(1, 1), D(2, 1), D(3, 1), D(4, 1), D(5, 1), D(6, 1)], months);
    }

    [Fact]
    public void LeavesOutTheMonthsOfASuspension()
    {
        // Suspended from 10 March, resumed on 20 May: March has 9 days in force (less than half of 31), April none,
        // May has 12 (20 to 31 May, less than half of 31).
        var suspensions = PairingExposure.Suspensions([
            (D(3, 10), PairingStatus.Active, PairingStatus.Suspended),
            (D(5, 20), PairingStatus.Suspended, PairingStatus.Active),
        ]);
        var months = PairingExposure.MonthsInForce(new DateOnly(2025, 1, 1), null, suspensions, From, To);

        Assert.Equal([new PairingExposure.Suspension(D(3, 10), D(5, 19))], suspensions);
        Assert.Equal(9, months.Count);
        Assert.DoesNotContain(D(3, 1), months);
        Assert.DoesNotContain(D(4, 1), months);
        Assert.DoesNotContain(D(5, 1), months);
    }

    [Fact]
    public void KeepsASuspensionOpenUntilItIsResumed()
    {
        var suspensions = PairingExposure.Suspensions([(D(8, 1), PairingStatus.Active, PairingStatus.Suspended)]);

        var months = PairingExposure.MonthsInForce(new DateOnly(2025, 1, 1), null, suspensions, From, To);

        Assert.Equal(7, months.Count);
        Assert.Equal(D(7, 1), months[^1]);
    }

    [Fact]
    public void AsksOnlyForTheDaysSoFarPartWayThroughAPeriod()
    {
        // Today is 2 December: December has 2 days so far, not half of it.
        var months = PairingExposure.MonthsInForce(new DateOnly(2025, 1, 1), null, [], From, D(12, 2));

        Assert.Equal(11, months.Count);
    }

    [Fact]
    public void AsksNothingOfAPairingThatStartsAfterThePeriod()
    {
        Assert.Empty(PairingExposure.MonthsInForce(new DateOnly(2027, 1, 1), null, [], From, To));
    }
}
