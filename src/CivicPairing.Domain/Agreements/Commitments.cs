using System.ComponentModel.DataAnnotations;
using CivicPairing.Domain.Activities;
using CivicPairing.Domain.Pairings;

namespace CivicPairing.Domain.Agreements;

/// <summary>The contact commitments an agreement makes (its 联系机制), each over its own calendar span.</summary>
public enum Commitment
{
    /// <summary>篇5: 每月至少下社区一次 — visits a month, met by confirmed 走访慰问 activities.</summary>
    [Display(Name = "Visits")]
    Visits = 1,
    /// <summary>篇6: 工作协调会议每季度至少召开1次 — coordination meetings a quarter, met by confirmed 联席会议 activities.</summary>
    [Display(Name = "Coordination meetings")]
    CoordinationMeetings = 2,
    /// <summary>篇11: 每半年至少召开一次联席会议 — joint meetings a half-year, met by confirmed 联席会议 activities.</summary>
    [Display(Name = "Joint meetings")]
    JointMeetings = 3,
}

/// <summary>
/// One ended span of one commitment: a month of visits, a quarter of coordination meetings or a half-year of joint
/// meetings, from its first to its last day, with the number committed and the confirmed activities held in it.
/// </summary>
public sealed record CommitmentSpan(Commitment Kind, DateOnly From, DateOnly To, int Committed, int Held)
{
    public int Missed => Math.Max(0, Committed - Held);

    public int Year => From.Year;

    /// <summary>The month (1–12), quarter (1–4) or half (1–2) of <see cref="Year"/> the span is.</summary>
    public int Number => (From.Month - 1) / Commitments.MonthsPerSpan(Kind) + 1;
}

/// <summary>What an agreement commits, over its dates.</summary>
public sealed record CommitmentTerms(DateOnly Start, DateOnly End, int VisitsPerMonth, int CoordinationMeetingsPerQuarter, int JointMeetingsPerHalfYear)
{
    public static CommitmentTerms Of(Agreement agreement) =>
        new(agreement.StartDate, agreement.EndDate, agreement.VisitsPerMonth, agreement.CoordinationMeetingsPerQuarter, agreement.JointMeetingsPerHalfYear);

    public int PerSpan(Commitment kind) => kind switch
    {
        Commitment.Visits => VisitsPerMonth,
        Commitment.CoordinationMeetings => CoordinationMeetingsPerQuarter,
        Commitment.JointMeetings => JointMeetingsPerHalfYear,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}

/// <summary>A pairing's time in force: its first day, its last (null while it goes on) and its suspensions.</summary>
public sealed record PairingInForce(DateOnly Start, DateOnly? End, IReadOnlyList<PairingExposure.Suspension> Suspensions);

/// <summary>Confirmed activities of one category on one day (or, tallied by month, on the month's first day).</summary>
public readonly record struct ActivityTally(DateOnly Date, ActivityCategory Category, int Count = 1);

/// <summary>
/// The one check of an agreement's contact commitments, for the pairing page and for scoring alike.
/// </summary>
/// <remarks>
/// <para>A span (month, quarter, half-year, calendar-aligned) is asked of the agreement when it has ended before today and
/// the pairing was in force in it, inside the agreement's dates and out of suspension, for at least half of the span's
/// days — <see cref="PairingExposure"/>'s rule for months, applied to quarters and half-years by their days. So an
/// agreement that starts on 1 March owes the first half-year's joint meeting (122 of 181 days) but not the first
/// quarter's coordination meeting (31 of 90 days), and one that ends on 15 August owes nothing for the second half-year.</para>
/// <para>Visits are met by confirmed 走访慰问 (<see cref="ActivityCategory.Visits"/>) activities. The portal has one
/// category for meetings, 联席会议 (<see cref="ActivityCategory.JointMeeting"/>), so a confirmed joint meeting counts both
/// for its quarter's coordination meetings and for its half-year's joint meetings: each commitment is checked on its
/// own against the meetings held in its span, and one meeting held in a quarter satisfies both a 1-a-quarter and a
/// 1-a-half-year commitment. Activities are counted anywhere in the span (the span is owed as a whole).</para>
/// </remarks>
public static class Commitments
{
    public static readonly IReadOnlyList<Commitment> All = [Commitment.Visits, Commitment.CoordinationMeetings, Commitment.JointMeetings];

    /// <summary>The categories whose confirmed activities meet some commitment.</summary>
    public static readonly IReadOnlyList<ActivityCategory> Categories = [ActivityCategory.Visits, ActivityCategory.JointMeeting];

    public static int MonthsPerSpan(Commitment kind) => kind switch
    {
        Commitment.Visits => 1,
        Commitment.CoordinationMeetings => 3,
        Commitment.JointMeetings => 6,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Whether a confirmed activity of <paramref name="category"/> counts towards <paramref name="kind"/>.</summary>
    public static bool Meets(Commitment kind, ActivityCategory category) => kind switch
    {
        Commitment.Visits => category == ActivityCategory.Visits,
        Commitment.CoordinationMeetings or Commitment.JointMeetings => category == ActivityCategory.JointMeeting,
        _ => false,
    };

    /// <summary>
    /// Every span of every commitment the agreement makes that has ended before <paramref name="today"/> and was in force
    /// (see the remarks), in commitment then date order, with the confirmed activities held in it.
    /// </summary>
    public static IReadOnlyList<CommitmentSpan> Record(CommitmentTerms terms, PairingInForce pairing, IEnumerable<ActivityTally> confirmed, DateOnly today)
    {
        var result = new List<CommitmentSpan>();
        if (All.All(k => terms.PerSpan(k) <= 0))
        {
            return result;
        }
        var tallies = confirmed.ToList();
        foreach (var kind in All)
        {
            var committed = terms.PerSpan(kind);
            if (committed <= 0)
            {
                continue;
            }
            var months = MonthsPerSpan(kind);
            var held = tallies.Where(t => Meets(kind, t.Category))
                .GroupBy(t => SpanStart(t.Date, months))
                .ToDictionary(g => g.Key, g => g.Sum(t => t.Count));
            foreach (var first in PairingExposure.SpansInForce(pairing.Start, pairing.End, pairing.Suspensions, terms.Start, terms.End, months))
            {
                var last = first.AddMonths(months).AddDays(-1);
                if (last >= today)
                {
                    break;
                }
                result.Add(new CommitmentSpan(kind, first, last, committed, held.GetValueOrDefault(first)));
            }
        }
        return result;
    }

    /// <summary>The activities committed but not held, summed per commitment.</summary>
    public static IReadOnlyDictionary<Commitment, int> Missed(IEnumerable<CommitmentSpan> spans) =>
        All.ToDictionary(k => k, k => spans.Where(s => s.Kind == k).Sum(s => s.Missed));

    private static DateOnly SpanStart(DateOnly date, int months) => new(date.Year, (date.Month - 1) / months * months + 1, 1);
}
