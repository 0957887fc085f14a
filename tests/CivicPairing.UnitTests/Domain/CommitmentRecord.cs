using CivicPairing.Domain.Activities;
using CivicPairing.Domain.Agreements;
using CivicPairing.Domain.Pairings;

namespace CivicPairing.UnitTests.Domain;

/// <summary>
/// An agreement's contact commitments (篇5 visits a month, 篇6 coordination meetings a quarter, 篇11 joint meetings a
/// half-year) against the confirmed visits and meetings, span by ended span, over the time the pairing was in force.
/// Each expectation is worked out by hand in the comment above it.
/// </summary>
public sealed class CommitmentRecord
{
    private static readonly DateOnly Start = new(2025, 3, 1);
    private static readonly DateOnly End = new(2026, 12, 31);

    /// <summary>In force since long before any agreement here, never suspended.</summary>
    private static readonly PairingInForce Always = new(new DateOnly(2024, 1, 1), null, []);

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static CommitmentTerms Terms(DateOnly start, DateOnly end, int visits = 0, int coordination = 0, int joint = 0) => new(start, end, visits, coordination, joint);

    private static ActivityTally Visit(DateOnly day) => new(day, ActivityCategory.Visits);

    private static ActivityTally Meeting(DateOnly day) => new(day, ActivityCategory.JointMeeting);

    // ---------------------------------------------------------------- joint meetings (篇11), as before

    [Fact]
    public void CountsEachEndedHalfYearOfThePeriodAndLeavesTheCurrentOneOut()
    {
        // From 1 March 2025: the first half of 2025 is in force for 122 of its 181 days (March to June), so it is asked.
        // Meetings: 20 May 2025 (H1 2025), 2 March and 9 April 2026 (both H1 2026); none in H2 2025; H2 2026 not over.
        var record = Commitments.Record(Terms(Start, End, joint: 1), Always,
            [Meeting(D(2025, 5, 20)), Meeting(D(2026, 3, 2)), Meeting(D(2026, 4, 9))], today: D(2026, 11, 24));

        Assert.Equal([(2025, 1, 1, 1, 0), (2025, 2, 1, 0, 1), (2026, 1, 1, 2, 0)], record.Select(r => (r.Year, r.Number, r.Committed, r.Held, r.Missed)));
        Assert.All(record, r => Assert.Equal(Commitment.JointMeetings, r.Kind));
        Assert.Equal((D(2025, 7, 1), D(2025, 12, 31)), (record[1].From, record[1].To));
    }

    [Fact]
    public void CountsAHalfYearOnlyAfterItsLastDay()
    {
        Assert.Empty(Commitments.Record(Terms(Start, End, joint: 1), Always, [], today: D(2025, 6, 30)));
        Assert.Single(Commitments.Record(Terms(Start, End, joint: 1), Always, [], today: D(2025, 7, 1)));
    }

    [Fact]
    public void AsksNothingOfAnAgreementWithoutCommitments() =>
        Assert.Empty(Commitments.Record(Terms(Start, End), Always, [Visit(D(2025, 4, 1)), Meeting(D(2025, 5, 1))], today: D(2027, 1, 1)));

    // ---------------------------------------------------------------- an agreement ending mid-half-year

    [Fact]
    public void AsksNothingOfAHalfYearTheAgreementCoversLessThanHalfOf()
    {
        // 1 March to 15 August 2025, two joint meetings a half-year and a visit a month, no activity at all.
        // H1 2025: 1 March – 30 June = 122 of 181 days → asked, 2 missed. H2 2025: 1 July – 15 August = 46 of 184 → not asked.
        // Visits: March to July whole → asked; August: 1–15 = 15 of 31 days, less than half → not asked. 5 missed.
        var record = Commitments.Record(Terms(Start, D(2025, 8, 15), visits: 1, joint: 2), Always, [], today: D(2027, 1, 1));

        Assert.Equal([3, 4, 5, 6, 7], record.Where(r => r.Kind == Commitment.Visits).Select(r => r.Number));
        Assert.Equal([(2025, 1, 2)], record.Where(r => r.Kind == Commitment.JointMeetings).Select(r => (r.Year, r.Number, r.Missed)));
        var missed = Commitments.Missed(record);
        Assert.Equal((5, 0, 2), (missed[Commitment.Visits], missed[Commitment.CoordinationMeetings], missed[Commitment.JointMeetings]));
    }

    [Fact]
    public void AsksAHalfYearTheAgreementCoversExactlyHalfOf()
    {
        // Ending 30 September 2025: H2 2025 is in force 1 July – 30 September = 92 of its 184 days, exactly half → asked.
        var record = Commitments.Record(Terms(Start, D(2025, 9, 30), joint: 1), Always, [Meeting(D(2025, 9, 10))], today: D(2026, 1, 1));

        Assert.Equal([(2025, 1, 1, 0, 1), (2025, 2, 1, 1, 0)], record.Select(r => (r.Year, r.Number, r.Committed, r.Held, r.Missed)));
    }

    // ---------------------------------------------------------------- visits a month with a suspension (篇5)

    [Fact]
    public void LeavesTheMonthsOfASuspensionOutOfTheVisitsAsked()
    {
        // Two visits a month over 2026; the pairing was suspended from 10 March and resumed on 20 May (suspended to 19 May).
        // January and February in force all month → asked. March: 1–9 = 9 of 31 days → not asked (its visit on 5 March
        // counts for nothing). April: 0 days → not asked. May: 20–31 = 12 of 31 → not asked. June: all 30 → asked.
        // July has not ended on 15 July. Held: January 1 (12 Jan), February 0 (the joint meeting is not a visit), June 2.
        // Missed: January 2 − 1 = 1, February 2, June 0 → 3.
        var pairing = new PairingInForce(D(2025, 6, 1), null, [new PairingExposure.Suspension(D(2026, 3, 10), D(2026, 5, 19))]);
        var confirmed = new[] { Visit(D(2026, 1, 12)), Meeting(D(2026, 2, 14)), Visit(D(2026, 3, 5)), Visit(D(2026, 6, 3)), Visit(D(2026, 6, 20)) };

        var record = Commitments.Record(Terms(D(2026, 1, 1), D(2026, 12, 31), visits: 2), pairing, confirmed, today: D(2026, 7, 15));

        Assert.Equal([(1, 2, 1, 1), (2, 2, 0, 2), (6, 2, 2, 0)], record.Select(r => (r.Number, r.Committed, r.Held, r.Missed)));
        Assert.All(record, r => Assert.Equal(Commitment.Visits, r.Kind));
        Assert.Equal(3, Commitments.Missed(record)[Commitment.Visits]);
    }

    [Fact]
    public void AsksVisitsOfTheMonthsTheAgreementAndThePairingShare()
    {
        // Agreement over 2026, pairing ended on 10 April: January to March asked; April 1–10 = 10 of 30 → not asked.
        // Visits tallied by month (as scoring gathers them): 3 in February.
        var pairing = new PairingInForce(D(2025, 6, 1), D(2026, 4, 10), []);

        var record = Commitments.Record(Terms(D(2026, 1, 1), D(2026, 12, 31), visits: 1), pairing,
            [new ActivityTally(D(2026, 2, 1), ActivityCategory.Visits, 3)], today: D(2026, 11, 24));

        Assert.Equal([(1, 1, 0, 1), (2, 1, 3, 0), (3, 1, 0, 1)], record.Select(r => (r.Number, r.Committed, r.Held, r.Missed)));
    }

    // ---------------------------------------------------------------- coordination meetings a quarter (篇6)

    [Theory]
    // Began 16 May 2026: Q2 (1 April – 30 June, 91 days) in force 16 May – 30 June = 46 days, 92 ≥ 91 → asked (held on 20 June).
    [InlineData(16, new[] { 2, 3 }, new[] { 0, 1 })]
    // Began 17 May 2026: 45 days, 90 < 91 → Q2 not asked; Q3 asked and missed.
    [InlineData(17, new[] { 3 }, new[] { 1 })]
    public void AsksAQuarterOfAPairingThatBeganMidQuarterOnlyWhenInForceForHalfItsDays(int mayDay, int[] quarters, int[] missed)
    {
        // Agreement over 2026, a coordination meeting a quarter; Q4 has not ended on 24 November.
        var pairing = new PairingInForce(D(2026, 5, mayDay), null, []);

        var record = Commitments.Record(Terms(D(2026, 1, 1), D(2026, 12, 31), coordination: 1), pairing, [Meeting(D(2026, 6, 20))], today: D(2026, 11, 24));

        Assert.Equal(quarters, record.Select(r => r.Number));
        Assert.Equal(missed, record.Select(r => r.Missed));
        Assert.All(record, r => Assert.Equal(Commitment.CoordinationMeetings, r.Kind));
        Assert.Equal((D(2026, 7, 1), D(2026, 9, 30)), (record[^1].From, record[^1].To));
    }

    [Fact]
    public void CountsOneJointMeetingForBothItsQuarterAndItsHalfYear()
    {
        // A coordination meeting a quarter and a joint meeting a half-year over 2026; meetings on 10 February and 5 August.
        // Quarters: Q1 held 1, Q2 0 (missed 1), Q3 held 1, Q4 0 (missed 1) → 2 coordination meetings missed.
        // Half-years: H1 held 1 (10 February), H2 held 1 (5 August) → none missed.
        var record = Commitments.Record(Terms(D(2026, 1, 1), D(2026, 12, 31), coordination: 1, joint: 1), Always,
            [Meeting(D(2026, 2, 10)), Meeting(D(2026, 8, 5))], today: D(2027, 1, 5));

        Assert.Equal([1, 0, 1, 0], record.Where(r => r.Kind == Commitment.CoordinationMeetings).Select(r => r.Held));
        Assert.Equal([1, 1], record.Where(r => r.Kind == Commitment.JointMeetings).Select(r => r.Held));
        var missed = Commitments.Missed(record);
        Assert.Equal((0, 2, 0), (missed[Commitment.Visits], missed[Commitment.CoordinationMeetings], missed[Commitment.JointMeetings]));
    }

    [Fact]
    public void ListsVisitsThenCoordinationMeetingsThenJointMeetings()
    {
        var record = Commitments.Record(Terms(D(2026, 1, 1), D(2026, 12, 31), visits: 1, coordination: 1, joint: 1), Always, [], today: D(2026, 7, 1));

        // January to June, Q1 and Q2, H1: 6 + 2 + 1 spans, all missed.
        Assert.Equal([.. Enumerable.Repeat(Commitment.Visits, 6), Commitment.CoordinationMeetings, Commitment.CoordinationMeetings, Commitment.JointMeetings],
            record.Select(r => r.Kind));
        Assert.Equal(9, record.Sum(r => r.Missed));
    }
}
