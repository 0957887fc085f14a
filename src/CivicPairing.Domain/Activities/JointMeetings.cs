namespace CivicPairing.Domain.Activities;

/// <summary>One half-year of an agreement's joint-meeting commitment (篇11: 每半年至少召开一次联席会议).</summary>
public sealed record HalfYearMeetings(int Year, int Half, int Committed, int Held)
{
    public int Missed => Math.Max(0, Committed - Held);
}

public static class JointMeetings
{
    /// <summary>
    /// The half-years of an agreement's period that have ended by <paramref name="today"/>, each with the meetings
    /// committed and the confirmed joint meetings held in it. A half-year the agreement only partly covers still
    /// counts (the commitment is per half-year); the current half-year is left out until it ends.
    /// </summary>
    public static IReadOnlyList<HalfYearMeetings> Record(DateOnly start, DateOnly end, int perHalfYear, IEnumerable<DateOnly> confirmedMeetings, DateOnly today)
    {
        if (perHalfYear <= 0)
        {
            return [];
        }
        var held = confirmedMeetings.GroupBy(HalfOf).ToDictionary(g => g.Key, g => g.Count());
        var result = new List<HalfYearMeetings>();
        for (var half = HalfOf(start); ; half = Next(half))
        {
            var (year, h) = half;
            var lastDay = new DateOnly(year, h == 1 ? 6 : 12, h == 1 ? 30 : 31);
            var firstDay = new DateOnly(year, h == 1 ? 1 : 7, 1);
            if (firstDay > end || lastDay >= today)
            {
                break;
            }
            result.Add(new HalfYearMeetings(year, h, perHalfYear, held.GetValueOrDefault(half)));
        }
        return result;
    }

    private static (int Year, int Half) HalfOf(DateOnly date) => (date.Year, date.Month <= 6 ? 1 : 2);

    private static (int Year, int Half) Next((int Year, int Half) half) => half.Half == 1 ? (half.Year, 2) : (half.Year + 1, 1);
}
