using CivicPairing.Domain;
using CivicPairing.Domain.Pairings;
using CivicPairing.Domain.Registry;

namespace CivicPairing.UnitTests.Domain;

/// <summary>
/// The office corrects a pairing's start date (a proposal starts today by default) and a wrong end date of an ended
/// pairing, with a written reason; confirmed activities must stay inside the dates, and the same two may not overlap.
/// The pair is 篇1's 市财政局 ⇄ 金墩社区, proposed on 20 November when it really began on 1 March.
/// </summary>
public sealed class PairingDateCorrection
{
    private const string Office = "市委文明办 王丽";
    private const string Reason = "协议书载明2026年3月1日起结对，登记时误用了录入当天";
    private static readonly DateOnly Today = new(2026, 11, 24);
    private static readonly DateOnly WrongStart = new(2026, 11, 20);
    private static readonly DateOnly RightStart = new(2026, 3, 1);
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateOnly[] NoActivities = [];
    private static readonly PairingPeriod[] NoOtherPairing = [];

    [Fact]
    public void CorrectsTheStartDateAndRecordsTheStepWithoutChangingTheStatus()
    {
        var pairing = InForce(WrongStart);
        var eventsBefore = pairing.Events.Count;

        pairing.CorrectDates(RightStart, null, $"  {Reason} ", [new DateOnly(2026, 11, 21)], NoOtherPairing, Today, Office, Now);

        Assert.Equal(RightStart, pairing.StartDate);
        Assert.Null(pairing.EndDate);
        Assert.Equal(PairingStatus.Active, pairing.Status);
        Assert.Equal(eventsBefore + 1, pairing.Events.Count);
        var step = pairing.Events[^1];
        Assert.Equal((PairingStatus.Active, PairingStatus.Active, Office, Now), (step.From!.Value, step.To, step.Actor, step.At));
        Assert.Equal(new DateCorrection(WrongStart, RightStart, null, null, Reason), DateCorrection.From(step));
        Assert.True(step.Reason!.Length <= Pairing.ReasonMaxLength);
    }

    [Fact]
    public void CorrectsTheStartAndEndOfAnEndedPairing()
    {
        var pairing = InForce(RightStart);
        pairing.End(new DateOnly(2026, 11, 20), UnpairingBlockers.None, "单位撤并", null, Office, Now);
        var start = new DateOnly(2026, 2, 1);
        var end = new DateOnly(2026, 10, 31);

        pairing.CorrectDates(start, end, Reason, [start, end], NoOtherPairing, Today, Office, Now);

        Assert.Equal((start, (DateOnly?)end, PairingStatus.Ended), (pairing.StartDate, pairing.EndDate, pairing.Status));
        var correction = DateCorrection.From(pairing.Events[^1])!;
        Assert.Equal(new DateCorrection(RightStart, start, new DateOnly(2026, 11, 20), end, Reason), correction);
        Assert.True(correction.StartChanged && correction.EndChanged);
    }

    [Fact]
    public void CorrectsAProposalsStartEvenIntoTheComingMonths()
    {
        var pairing = Pairing.Propose(Finance(), Jindun(), PairingProposer.Unit, WrongStart, null, samePairOpen: false, "联络员", Now);
        var next = new DateOnly(2027, 1, 1);

        pairing.CorrectDates(next, null, Reason, NoActivities, NoOtherPairing, Today, Office, Now);

        Assert.Equal((next, PairingStatus.Proposed), (pairing.StartDate, pairing.Status));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  \t ")]
    public void RefusesWithoutAWrittenReason(string? reason) =>
        AssertRefused(InForce(WrongStart), p => p.CorrectDates(RightStart, null, reason, NoActivities, NoOtherPairing, Today, Office, Now),
            "Give a reason.", "Reason");

    [Fact]
    public void RefusesAnOverlongReason() =>
        AssertRefused(InForce(WrongStart), p => p.CorrectDates(RightStart, null, new string('理', Pairing.CorrectionReasonMaxLength + 1), NoActivities, NoOtherPairing, Today, Office, Now),
            "Keep it under {0} characters.", "Reason", Pairing.CorrectionReasonMaxLength);

    [Fact]
    public void RefusesAStartThatWouldLeaveConfirmedActivitiesBeforeItAndSaysWhichAndHowMany()
    {
        DateOnly[] confirmed = [new(2026, 3, 9), new(2026, 3, 2), new(2026, 3, 20), new(2026, 4, 11)];

        AssertRefused(InForce(RightStart), p => p.CorrectDates(new DateOnly(2026, 4, 1), null, Reason, confirmed, NoOtherPairing, Today, Office, Now),
            "{0} confirmed activity(ies), the first on {1}, would fall before the new start date.", "StartDate", 3, new DateOnly(2026, 3, 2));
    }

    [Fact]
    public void RefusesAnEndThatWouldLeaveConfirmedActivitiesAfterIt()
    {
        var pairing = Ended(RightStart, new DateOnly(2026, 11, 20));
        DateOnly[] confirmed = [new(2026, 10, 17), new(2026, 11, 7), new(2026, 11, 14)];

        AssertRefused(pairing, p => p.CorrectDates(RightStart, new DateOnly(2026, 10, 31), Reason, confirmed, NoOtherPairing, Today, Office, Now),
            "{0} confirmed activity(ies), the last on {1}, would fall after the new end date.", "EndDate", 2, new DateOnly(2026, 11, 14));
    }

    [Fact]
    public void RefusesAStartInTheFutureForAPairingInForce() =>
        AssertRefused(InForce(RightStart), p => p.CorrectDates(Today.AddDays(1), null, Reason, NoActivities, NoOtherPairing, Today, Office, Now),
            "The start date is in the future.", "StartDate");

    [Fact]
    public void RefusesAnEndInTheFuture() =>
        AssertRefused(Ended(RightStart, new DateOnly(2026, 11, 20)), p => p.CorrectDates(RightStart, Today.AddDays(1), Reason, NoActivities, NoOtherPairing, Today, Office, Now),
            "The end date is in the future.", "EndDate");

    [Fact]
    public void RefusesAStartAfterTheEnd() =>
        AssertRefused(Ended(RightStart, new DateOnly(2026, 6, 30)), p => p.CorrectDates(new DateOnly(2026, 7, 1), new DateOnly(2026, 6, 30), Reason, NoActivities, NoOtherPairing, Today, Office, Now),
            "The start date cannot be after the end date ({0}).", "StartDate", new DateOnly(2026, 6, 30));

    [Theory]
    [InlineData(PairingStatus.Proposed)]
    [InlineData(PairingStatus.Active)]
    [InlineData(PairingStatus.Suspended)]
    public void RefusesAnEndDateOnAPairingThatHasNotEnded(PairingStatus status)
    {
        var pairing = InForce(RightStart);
        if (status == PairingStatus.Suspended)
        {
            pairing.Suspend("单位整合重组", Office, Now);
        }
        if (status == PairingStatus.Proposed)
        {
            pairing = Pairing.Propose(Finance(), Jindun(), PairingProposer.Community, RightStart, null, samePairOpen: false, "书记", Now);
        }

        AssertRefused(pairing, p => p.CorrectDates(RightStart, new DateOnly(2026, 10, 31), Reason, NoActivities, NoOtherPairing, Today, Office, Now),
            "Only an ended pairing has an end date; a pairing in force gets one by being ended. Leave it empty.", "EndDate");
    }

    [Fact]
    public void RefusesToRemoveTheEndDateOfAnEndedPairing() =>
        AssertRefused(Ended(RightStart, new DateOnly(2026, 11, 20)), p => p.CorrectDates(RightStart, null, Reason, NoActivities, NoOtherPairing, Today, Office, Now),
            "An ended pairing keeps its end date; enter the right one.", "EndDate");

    [Fact]
    public void RefusesARejectedProposal()
    {
        var pairing = Pairing.Propose(Finance(), Jindun(), PairingProposer.Unit, WrongStart, null, samePairOpen: false, "联络员", Now);
        pairing.Reject("双方距离太远", Office, Now);

        AssertRefused(pairing, p => p.CorrectDates(RightStart, null, Reason, NoActivities, NoOtherPairing, Today, Office, Now),
            "A rejected proposal has no dates to correct.", null);
    }

    [Fact]
    public void RefusesDatesThatAreAsTheyWere() =>
        AssertRefused(InForce(RightStart), p => p.CorrectDates(RightStart, null, Reason, NoActivities, NoOtherPairing, Today, Office, Now),
            "The dates are as they were; change at least one.", "StartDate");

    [Fact]
    public void RefusesDatesOverlappingAnEndedPairingOfTheSameTwo()
    {
        PairingPeriod[] earlier = [new(new DateOnly(2025, 3, 1), new DateOnly(2026, 2, 28))];

        AssertRefused(InForce(WrongStart), p => p.CorrectDates(new DateOnly(2026, 2, 1), null, Reason, NoActivities, earlier, Today, Office, Now),
            "The new dates overlap another pairing of the same unit and community, from {0} to {1}.", "StartDate", new DateOnly(2025, 3, 1), new DateOnly(2026, 2, 28));
    }

    [Fact]
    public void RefusesAnEndedPairingsDatesOverlappingTheOpenPairingOfTheSameTwo()
    {
        PairingPeriod[] current = [new(new DateOnly(2026, 9, 1), null)];

        AssertRefused(Ended(RightStart, new DateOnly(2026, 8, 31)), p => p.CorrectDates(RightStart, new DateOnly(2026, 9, 15), Reason, NoActivities, current, Today, Office, Now),
            "The new dates overlap another pairing of the same unit and community, open since {0}.", "StartDate", new DateOnly(2026, 9, 1));
    }

    [Fact]
    public void CorrectsUpToTheDayBeforeAnotherPairingOfTheSameTwo()
    {
        var pairing = InForce(WrongStart);
        PairingPeriod[] earlier = [new(new DateOnly(2025, 3, 1), new DateOnly(2026, 2, 28))];

        pairing.CorrectDates(RightStart, null, Reason, NoActivities, earlier, Today, Office, Now);

        Assert.Equal(RightStart, pairing.StartDate);
    }

    [Fact]
    public void ReadsOnlyCorrectionStepsAsCorrections()
    {
        Assert.Null(DateCorrection.From(new PairingEvent { From = PairingStatus.Active, To = PairingStatus.Suspended, Reason = DateCorrection.Marker + "|x" }));
        Assert.Null(DateCorrection.From(new PairingEvent { From = PairingStatus.Active, To = PairingStatus.Active, Reason = "[date-correction] typed by hand" }));
        Assert.Null(DateCorrection.From(new PairingEvent { From = null, To = PairingStatus.Proposed, Reason = null }));
        var text = new DateCorrection(WrongStart, RightStart, null, null, "原因 | 含竖线").ToEventReason();
        Assert.Equal("原因 | 含竖线", DateCorrection.From(new PairingEvent { From = PairingStatus.Active, To = PairingStatus.Active, Reason = text })!.Reason);
    }

    [Fact]
    public void ACorrectionWhileSuspendedNeitherOpensNorClosesASuspension()
    {
        var pairing = InForce(RightStart);
        pairing.Suspend("单位整合重组", Office, new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.FromHours(8)));
        pairing.CorrectDates(new DateOnly(2026, 2, 1), null, Reason, NoActivities, NoOtherPairing, Today, Office, new DateTimeOffset(2026, 6, 10, 9, 0, 0, TimeSpan.FromHours(8)));
        pairing.Resume(Office, new DateTimeOffset(2026, 7, 1, 9, 0, 0, TimeSpan.FromHours(8)));

        var suspensions = PairingExposure.Suspensions(pairing.Events.Select(e => (DateOnly.FromDateTime(e.At.DateTime), e.From, e.To)));

        Assert.Equal([new PairingExposure.Suspension(new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 30))], suspensions);
    }

    private static void AssertRefused(Pairing pairing, Action<Pairing> correct, string message, string? field, params object[] arguments)
    {
        var (start, end, status, events) = (pairing.StartDate, pairing.EndDate, pairing.Status, pairing.Events.Count);

        var refused = Assert.Throws<DomainException>(() => correct(pairing));

        Assert.Equal(message, refused.Message);
        Assert.Equal(field, refused.Field);
        Assert.Equal(arguments, refused.Arguments);
        Assert.Equal((start, end, status, events), (pairing.StartDate, pairing.EndDate, pairing.Status, pairing.Events.Count));
    }

    private static Pairing InForce(DateOnly start) =>
        Pairing.Propose(Finance(), Jindun(), PairingProposer.Office, start, null, samePairOpen: false, Office, Now);

    private static Pairing Ended(DateOnly start, DateOnly end)
    {
        var pairing = InForce(start);
        pairing.End(end, UnpairingBlockers.None, "单位撤并", null, Office, Now);
        return pairing;
    }

    private static Unit Finance() => new() { Id = 1, Name = "市财政局", Kind = UnitKind.GovernmentOrgan, StaffCount = 120 };

    private static Community Jindun() => new() { Id = 2, Name = "金墩社区", Kind = CommunityKind.UrbanCommunity, Street = "城中街道" };
}
