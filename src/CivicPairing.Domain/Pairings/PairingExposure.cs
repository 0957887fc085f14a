namespace CivicPairing.Domain.Pairings;

/// <summary>
/// "Pairing in force" over time: from its start to its end, less the days it was suspended. A pairing is expected to
/// show work in a month only when it was in force for at least half of that month's days inside the window asked
/// about, so a pairing approved on 20 November is not asked for November, and one ended in June is not asked for July.
/// </summary>
public static class PairingExposure
{
    /// <summary>A stretch of days during which the pairing was suspended, both ends included; <c>To</c> null while it still is.</summary>
    public readonly record struct Suspension(DateOnly From, DateOnly? To);

    /// <summary>
    /// The first day of each month of [<paramref name="from"/>, <paramref name="to"/>] in which the pairing was in force for at
    /// least half of the month's days. <paramref name="end"/> is the last day in force, null while the pairing goes on.
    /// </summary>
    public static IReadOnlyList<DateOnly> MonthsInForce(DateOnly start, DateOnly? end, IEnumerable<Suspension> suspensions, DateOnly from, DateOnly to) =>
        SpansInForce(start, end, suspensions, from, to, 1);

    /// <summary>
    /// The same rule for longer calendar spans: the first day of each span of <paramref name="monthsPerSpan"/> months
    /// (1 a month, 3 a quarter, 6 a half-year, counted from January) touching [<paramref name="from"/>, <paramref name="to"/>]
    /// in which the pairing was in force, inside that window and out of suspension, for at least half of the span's days.
    /// So a quarter is asked of a pairing that began on 16 May (46 of Q2's 91 days) and not of one that began on 17 May.
    /// </summary>
    public static IReadOnlyList<DateOnly> SpansInForce(DateOnly start, DateOnly? end, IEnumerable<Suspension> suspensions, DateOnly from, DateOnly to, int monthsPerSpan)
    {
        if (monthsPerSpan is not (1 or 2 or 3 or 4 or 6 or 12))
        {
            throw new ArgumentOutOfRangeException(nameof(monthsPerSpan), monthsPerSpan, null);
        }
        var spans = new List<DateOnly>();
        var first = start > from ? start : from;
        var last = end is { } e && e < to ? e : to;
        if (last < first)
        {
            return spans;
        }
        var off = suspensions.ToList();
        for (var span = new DateOnly(first.Year, (first.Month - 1) / monthsPerSpan * monthsPerSpan + 1, 1); span <= last; span = span.AddMonths(monthsPerSpan))
        {
            var spanEnd = span.AddMonths(monthsPerSpan).AddDays(-1);
            var (a, b) = (span > first ? span : first, spanEnd < last ? spanEnd : last);
            var days = b.DayNumber - a.DayNumber + 1;
            foreach (var s in off)
            {
                var (sa, sb) = (s.From > a ? s.From : a, s.To is { } st && st < b ? st : b);
                if (sb >= sa)
                {
                    days -= sb.DayNumber - sa.DayNumber + 1;
                }
            }
            if (days * 2 >= spanEnd.DayNumber - span.DayNumber + 1)
            {
                spans.Add(span);
            }
        }
        return spans;
    }

    /// <summary>
    /// The suspensions recorded in a pairing's history: each move to Suspended opens one on its day, the next move
    /// away from Suspended closes it the day before.
    /// </summary>
    public static IReadOnlyList<Suspension> Suspensions(IEnumerable<(DateOnly Day, PairingStatus? From, PairingStatus To)> events)
    {
        var result = new List<Suspension>();
        DateOnly? open = null;
        foreach (var (day, from, to) in events.OrderBy(e => e.Day))
        {
            if (to == PairingStatus.Suspended)
            {
                open ??= day;
            }
            else if (from == PairingStatus.Suspended && open is { } o)
            {
                result.Add(new Suspension(o, day.AddDays(-1) < o ? o : day.AddDays(-1)));
                open = null;
            }
        }
        if (open is { } still)
        {
            result.Add(new Suspension(still, null));
        }
        return result;
    }
}
