using CivicPairing.Domain.Activities;
using CivicPairing.Domain.Agreements;
using CivicPairing.Domain.Pairings;
using CivicPairing.Domain.Scoring;
using CivicPairing.Web.Data;
using CivicPairing.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CivicPairing.Web.Features.Ranking;

/// <summary>A quarter or a year, from its first to its last day.</summary>
public sealed record ScoringPeriod(DateOnly From, DateOnly To)
{
    public int Months => (To.Year - From.Year) * 12 + To.Month - From.Month + 1;

    public static ScoringPeriod Year(int year) => new(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    public static ScoringPeriod Quarter(int year, int quarter) =>
        new(new DateOnly(year, quarter * 3 - 2, 1), new DateOnly(year, quarter * 3, 1).AddMonths(1).AddDays(-1));

    /// <summary>The year (or quarter) asked for, within sensible bounds; the current year otherwise (<c>Ignored</c> says so).</summary>
    public static (int Year, int? Quarter, ScoringPeriod Period, bool Ignored) Choose(int? year, int? quarter, DateOnly today)
    {
        var y = year is >= 2000 && year <= today.Year + 1 ? year.Value : today.Year;
        int? q = quarter is >= 1 and <= 4 ? quarter : null;
        var ignored = (year is not null && y != year) || (quarter is not null && q is null);
        return (y, q, q is { } qq ? Quarter(y, qq) : Year(y), ignored);
    }
}

/// <summary>
/// Gathers every unit's confirmed facts for a period with a handful of grouped queries (one per kind of
/// fact, whatever the number of units), then hands them to the pure scoring service.
/// </summary>
public sealed class ScoringFacts(AppDbContext db)
{
    public async Task<IReadOnlyList<UnitFacts>> GatherAsync(ScoringPeriod period, DateOnly today, CancellationToken ct)
    {
        // Part-way through a period, only the days so far and the tasks due so far are asked of a unit.
        var (from, to) = (period.From, period.To < today ? period.To : today);
        var units = await db.Units.AsNoTracking().Where(u => u.IsActive).Select(u => new { u.Id, u.Name, u.StaffCount }).ToListAsync(ct);

        var pairingRows = await db.Pairings.AsNoTracking()
            .Select(p => new { p.Id, p.UnitId, p.Status, p.StartDate, p.EndDate })
            .ToListAsync(ct);
        var unitOf = pairingRows.ToDictionary(p => p.Id, p => p.UnitId);
        var suspensions = (await db.PairingEvents.AsNoTracking()
                .Where(e => e.To == PairingStatus.Suspended || e.From == PairingStatus.Suspended)
                .Select(e => new { e.PairingId, e.At, e.From, e.To }).ToListAsync(ct))
            .ToLookup(e => e.PairingId, e => (Day: DateOnly.FromDateTime(Format.Local(e.At)), e.From, e.To));
        // Exposure from history: the months each pairing that ever came into force was in force inside the period.
        var exposure = pairingRows
            .Where(p => p.Status is PairingStatus.Active or PairingStatus.Suspended or PairingStatus.Ended)
            .Select(p => (p.Id, p.UnitId, Months: PairingExposure.MonthsInForce(p.StartDate, p.EndDate, PairingExposure.Suspensions(suspensions[p.Id]), from, to)))
            .Where(p => p.Months.Count > 0)
            .ToDictionary(p => p.Id);

        // One pass over the period's activities, grouped by pairing (no join); pairings are then summed per unit in memory.
        var byPairing = await db.Activities.AsNoTracking()
            .Where(a => a.Date >= from && a.Date <= to && (a.Status == ActivityStatus.Confirmed || a.Status == ActivityStatus.Disputed))
            .GroupBy(a => a.PairingId)
            .Select(g => new
            {
                PairingId = g.Key,
                Confirmed = g.Count(a => a.Status == ActivityStatus.Confirmed),
                Hours = g.Sum(a => a.Status == ActivityStatus.Confirmed ? (double)a.PersonHours : 0),
                RatingPoints = g.Sum(a => a.Status == ActivityStatus.Confirmed ? ((a.Rating ?? 1) - 1) / 4.0 : 0),
                WithLeader = g.Count(a => a.Status == ActivityStatus.Confirmed && a.LeaderTookPart),
                // Periods are a quarter or a year, so a month number names a month of the period.
                ActiveMonths = g.Where(a => a.Status == ActivityStatus.Confirmed).Select(a => a.Date.Month).Distinct().Count(),
                Disputed = g.Count(a => a.Status == ActivityStatus.Disputed),
            })
            .ToListAsync(ct);
        var perUnit = byPairing.GroupBy(x => unitOf[x.PairingId]).ToDictionary(g => g.Key, g => new
        {
            Count = g.Sum(x => x.Confirmed),
            Hours = g.Sum(x => x.Hours),
            RatingPoints = g.Sum(x => x.RatingPoints),
            WithLeader = g.Sum(x => x.WithLeader),
            // A month of work counts towards regularity only up to the months the pairing was expected to work.
            ActiveMonths = g.Sum(x => Math.Min(x.ActiveMonths, exposure.TryGetValue(x.PairingId, out var e) ? e.Months.Count : 0)),
            Disputed = g.Sum(x => x.Disputed),
        });
        var exposed = exposure.Values.GroupBy(p => p.UnitId).ToDictionary(g => g.Key, g => (
            Pairings: g.Count(),
            PairingMonths: g.Sum(p => p.Months.Count),
            UnitMonths: g.SelectMany(p => p.Months).Distinct().Count()));

        // The last confirmed activity before the period, for "no confirmed activity since …".
        var lastBefore = (await db.Activities.AsNoTracking().Where(a => a.Status == ActivityStatus.Confirmed && a.Date < from)
                .GroupBy(a => a.PairingId).Select(g => new { PairingId = g.Key, Last = g.Max(a => a.Date) }).ToListAsync(ct))
            .GroupBy(x => unitOf[x.PairingId]).ToDictionary(g => g.Key, g => g.Max(x => x.Last));

        // Tasks of every agreement that was filed: one superseded or terminated since keeps its confirmed tasks (its open
        // ones were cancelled with it), as the task list behind the figure shows them.
        var tasks = await db.AgreementTasks.AsNoTracking()
            .Where(t => t.DueDate >= from && t.DueDate <= to && t.Status != AgreementTaskStatus.Cancelled
                && (t.Agreement!.Status == AgreementStatus.Filed || t.Agreement.Status == AgreementStatus.Superseded || t.Agreement.Status == AgreementStatus.Terminated))
            .GroupBy(t => t.Agreement!.Pairing!.UnitId)
            .Select(g => new
            {
                UnitId = g.Key,
                Due = g.Count(),
                Confirmed = g.Count(t => t.Status == AgreementTaskStatus.Confirmed),
                Overdue = g.Count(t => t.Status != AgreementTaskStatus.Confirmed && t.DueDate < today),
            })
            .ToDictionaryAsync(x => x.UnitId, ct);

        var missed = await MissedJointMeetingsAsync(period, today, ct);

        // Inspections are a few a pairing a year: each one's score (failed ones are named) and whether its rectification is overdue.
        var inspections = (await db.Inspections.AsNoTracking().Where(i => i.Date >= from && i.Date <= to)
                .Select(i => new { i.PairingId, i.Score, Overdue = i.RectificationDeadline < today && i.Rectified != true }).ToListAsync(ct))
            .GroupBy(x => unitOf[x.PairingId]).ToDictionary(g => g.Key, g => (Count: g.Count(), Sum: g.Sum(x => x.Score),
                Scores: g.Select(x => x.Score).ToList(), Overdue: g.Count(x => x.Overdue)));

        // The secretaries' words on the lowest-rated confirmed work (rated 3 or less), two a unit, lowest and latest first.
        var lowComments = (await db.Activities.AsNoTracking()
                .Where(a => a.Status == ActivityStatus.Confirmed && a.Date >= from && a.Date <= to && a.RatingComment != null && a.Rating <= 3)
                .Select(a => new { a.Id, a.PairingId, a.Rating, a.RatingComment, a.Date }).ToListAsync(ct))
            .GroupBy(x => unitOf[x.PairingId])
            .ToDictionary(g => g.Key, g => (IReadOnlyList<RatedComment>)[.. g.OrderBy(x => x.Rating).ThenByDescending(x => x.Date).ThenBy(x => x.Id).Take(2)
                .Select(x => new RatedComment(x.Rating ?? 1, x.RatingComment!, x.Date))]);

        return [.. units.Select(u =>
        {
            var c = perUnit.GetValueOrDefault(u.Id);
            var t = tasks.GetValueOrDefault(u.Id);
            var x = exposed.GetValueOrDefault(u.Id);
            return new UnitFacts(u.Id, u.Name, u.StaffCount, x.Pairings, x.UnitMonths, c?.ActiveMonths ?? 0,
                c?.Count ?? 0, (decimal)(c?.Hours ?? 0), (decimal)(c?.RatingPoints ?? 0), c?.WithLeader ?? 0,
                t?.Due ?? 0, t?.Confirmed ?? 0, t?.Overdue ?? 0,
                inspections.TryGetValue(u.Id, out var i) ? i.Count : 0, inspections.TryGetValue(u.Id, out var j) ? j.Sum : 0,
                c?.Disputed ?? 0, missed.GetValueOrDefault(u.Id),
                c is { Count: > 0 } ? null : lastBefore.TryGetValue(u.Id, out var last) ? last : null,
                x.PairingMonths,
                lowComments.GetValueOrDefault(u.Id),
                inspections.TryGetValue(u.Id, out var k) ? k.Scores : null,
                inspections.TryGetValue(u.Id, out var o) ? o.Overdue : 0);
        })];
    }

    /// <summary>Joint meetings committed in half-years that ended inside the period, against the confirmed ones held.</summary>
    private async Task<Dictionary<int, int>> MissedJointMeetingsAsync(ScoringPeriod period, DateOnly today, CancellationToken ct)
    {
        var agreements = await db.Agreements.AsNoTracking()
            .Where(a => a.Status == AgreementStatus.Filed && a.JointMeetingsPerHalfYear > 0 && a.StartDate <= period.To && a.EndDate >= period.From)
            .Select(a => new { a.PairingId, a.Pairing!.UnitId, a.StartDate, a.EndDate, a.JointMeetingsPerHalfYear })
            .ToListAsync(ct);
        var meetings = (await db.Activities.AsNoTracking()
                // Only half-years ending inside the period count, so only meetings from six months before it matter.
                .Where(a => a.Status == ActivityStatus.Confirmed && a.Date >= period.From.AddMonths(-6) && a.Date <= period.To && a.Category == ActivityCategory.JointMeeting)
                .Select(a => new { a.PairingId, a.Date }).ToListAsync(ct))
            .ToLookup(m => m.PairingId, m => m.Date);
        var cutoff = period.To < today ? period.To.AddDays(1) : today;
        return agreements
            .SelectMany(a => JointMeetings.Record(a.StartDate, a.EndDate, a.JointMeetingsPerHalfYear, meetings[a.PairingId], cutoff)
                .Where(h => new DateOnly(h.Year, h.Half == 1 ? 6 : 12, h.Half == 1 ? 30 : 31) >= period.From)
                .Select(h => (a.UnitId, h.Missed)))
            .GroupBy(x => x.UnitId)
            .ToDictionary(g => g.Key, g => g.Sum(x => x.Missed));
    }
}
