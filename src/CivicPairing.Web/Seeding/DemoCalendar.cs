namespace CivicPairing.Web.Seeding;

/// <summary>
/// Places the demo city relative to today. The scenario is written against <see cref="Anchor"/> (the day its "now"
/// falls on: activities waiting since early November, a task due at the end of January); every date in it moves by
/// the same whole number of months, so monthly work stays monthly and days of the month stay put (clamped at a
/// month's end). The shift is the largest one that keeps the anchor on or before today, so nothing in the demo lies
/// in the future, and what is open, due or in force at the anchor still is today.
/// Case text fixed by its source (篇4, 2017–2018) is not moved: callers write those dates as they are.
/// </summary>
internal sealed class DemoCalendar
{
    /// <summary>The day the demo scenario is written for.</summary>
    public static readonly DateOnly Anchor = new(2026, 11, 24);

    public DemoCalendar(DateOnly today)
    {
        var months = (today.Year - Anchor.Year) * 12 + today.Month - Anchor.Month;
        Months = today.Day < Anchor.Day ? months - 1 : months;
    }

    /// <summary>Whole months between the scenario as written and the demo as seeded.</summary>
    public int Months { get; }

    /// <summary>The scenario's "now" as seeded: on or before today, less than a month before it.</summary>
    public DateOnly Now => Anchor.AddMonths(Months);

    /// <summary>A scenario date, moved.</summary>
    public DateOnly Date(int year, int month, int day) => new DateOnly(year, month, day).AddMonths(Months);

    /// <summary>A scenario instant (UTC), moved.</summary>
    public DateTimeOffset At(int year, int month, int day, int hour) => new DateTimeOffset(year, month, day, hour, 0, 0, TimeSpan.Zero).AddMonths(Months);
}
