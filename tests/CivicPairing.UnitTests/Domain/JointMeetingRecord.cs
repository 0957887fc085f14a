using CivicPairing.Domain.Activities;

namespace CivicPairing.UnitTests.Domain;

public sealed class JointMeetingRecord
{
    private static readonly DateOnly Start = new(2025, 3, 1);
    private static readonly DateOnly End = new(2026, 12, 31);

    [Fact]
    public void CountsEachEndedHalfYearOfThePeriodAndLeavesTheCurrentOneOut()
    {
        var record = JointMeetings.Record(Start, End, 1, [new DateOnly(2025, 5, 20), new DateOnly(2026, 3, 2), new DateOnly(2026, 4, 9)], today: new DateOnly(2026, 11, 24));
        Assert.Equal([(2025, 1, 1, 1, 0), (2025, 2, 1, 0, 1), (2026, 1, 1, 2, 0)], record.Select(r => (r.Year, r.Half, r.Committed, r.Held, r.Missed)));
    }

    [Fact]
    public void CountsAHalfYearOnlyAfterItsLastDay()
    {
        Assert.Empty(JointMeetings.Record(Start, End, 1, [], today: new DateOnly(2025, 6, 30)));
        Assert.Single(JointMeetings.Record(Start, End, 1, [], today: new DateOnly(2025, 7, 1)));
    }

    [Fact]
    public void StopsAtTheEndOfTheAgreement()
    {
        var record = JointMeetings.Record(Start, new DateOnly(2025, 8, 15), 2, [], today: new DateOnly(2027, 1, 1));
        Assert.Equal([(2025, 1, 2), (2025, 2, 2)], record.Select(r => (r.Year, r.Half, r.Missed)));
    }

    [Fact]
    public void AsksNothingOfAnAgreementWithoutJointMeetings() =>
        Assert.Empty(JointMeetings.Record(Start, End, 0, [], today: new DateOnly(2027, 1, 1)));
}
