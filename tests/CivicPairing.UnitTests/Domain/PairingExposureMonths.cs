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

    // ---------------------------------------------------------------- quarters and half-years: the same rule by days

    [Fact]
    public void AsksAQuarterInForceForHalfItsDays()
    {
        // Q2 has 91 days: from 16 May, 46 days (92 ≥ 91) → asked; from 17 May, 45 days → not.
        Assert.Equal([D(4, 1), D(7, 1), D(10, 1)], PairingExposure.SpansInForce(D(5, 16), null, [], From, To, 3));
        Assert.Equal([D(7, 1), D(10, 1)], PairingExposure.SpansInForce(D(5, 17), null, [], From, To, 3));
    }

    [Fact]
    public void LeavesOutAHalfYearMostlySuspended()
    {
        // Suspended 1 February to 31 May: the first half keeps January and June, 31 + 30 = 61 of 181 days → not asked.
        var months = PairingExposure.SpansInForce(new DateOnly(2025, 1, 1), null, [new PairingExposure.Suspension(D(2, 1), D(5, 31))], From, To, 6);

        Assert.Equal([D(7, 1)], months);
    }

    [Fact]
    public void GivesTheSameMonthsSpanByMonth() =>
        Assert.Equal(PairingExposure.MonthsInForce(D(11, 16), D(12, 20), [], From, To), PairingExposure.SpansInForce(D(11, 16), D(12, 20), [], From, To, 1));

    [Fact]
    public void RefusesASpanThatDoesNotDivideTheYear() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PairingExposure.SpansInForce(D(1, 1), null, [], From, To, 5));
}
