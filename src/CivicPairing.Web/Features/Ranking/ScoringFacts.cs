using CivicPairing.Domain.Activities;
using CivicPairing.Domain.Agreements;
using CivicPairing.Domain.Members;
using CivicPairing.Domain.Needs;
using CivicPairing.Domain.Pairings;
using CivicPairing.Domain.Scoring;
using CivicPairing.Web.Data;
using CivicPairing.Web.Features.Registry;
using CivicPairing.Web.Infrastructure;
using CivicPairing.Web.Features.Tasks;
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
    /// <summary>The lowest-rated activities of a unit looked at for two comments to quote (most low ratings carry a comment).</summary>
    private const int QuoteCandidates = 6;

    public async Task<IReadOnlyList<UnitFacts>> GatherAsync(ScoringPeriod period, DateOnly today, CancellationToken ct)
    {
        // Part-way through a period, only the days so far and the tasks due so far are asked of a unit.
        var (from, to) = (period.From, period.To < today ? period.To : today);
        var units = await db.Units.AsNoTracking().WhereActive().Select(u => new { u.Id, u.Name, u.StaffCount, u.PartyMemberCount }).ToListAsync(ct);

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
        var tasks = await db.AgreementTasks.AsNoTracking().Tracked(db.Agreements)
            .Where(t => t.DueDate >= from && t.DueDate <= to && t.Status != AgreementTaskStatus.Cancelled)
            .GroupBy(t => t.Agreement!.Pairing!.UnitId)
            .Select(g => new
            {
                UnitId = g.Key,
                Due = g.Count(),
                Confirmed = g.Count(t => t.Status == AgreementTaskStatus.Confirmed),
                Overdue = g.Count(t => t.Status != AgreementTaskStatus.Confirmed && t.DueDate < today),
            })
            .ToDictionaryAsync(x => x.UnitId, ct);

        // Needs a unit took count as its tasks (点单–接单–评单): due when wanted, done when the community rated the work.
        var needs = await db.Needs.AsNoTracking()
            .Where(n => n.TakenByUnitId != null && n.WantedBy >= from && n.WantedBy <= to)
            .GroupBy(n => n.TakenByUnitId!.Value)
            .Select(g => new
            {
                UnitId = g.Key,
                Due = g.Count(),
                Confirmed = g.Count(n => n.Status == NeedStatus.Rated),
                Overdue = g.Count(n => n.Status != NeedStatus.Rated && n.WantedBy < today),
            })
            .ToDictionaryAsync(x => x.UnitId, ct);

        var missed = await MissedCommitmentsAsync(period, today,
            pairingRows.Where(p => p.Status is PairingStatus.Active or PairingStatus.Suspended or PairingStatus.Ended)
                .ToDictionary(p => p.Id, p => new PairingInForce(p.StartDate, p.EndDate, PairingExposure.Suspensions(suspensions[p.Id]))), ct);

        // Inspections are a few a pairing a year: each one's score (failed ones are named) and whether its rectification is overdue.
        var inspections = (await db.Inspections.AsNoTracking().Where(i => i.Date >= from && i.Date <= to)
                .Select(i => new { i.PairingId, i.Score, Overdue = i.RectificationDeadline < today && i.Rectified != true }).ToListAsync(ct))
            .GroupBy(x => unitOf[x.PairingId]).ToDictionary(g => g.Key, g => (Count: g.Count(), Sum: g.Sum(x => x.Score),
                Scores: g.Select(x => x.Score).ToList(), Overdue: g.Count(x => x.Overdue)));

        // The secretaries' words on the lowest-rated confirmed work (rated 3 or less), two a unit, lowest and latest first.
        // The candidates come from the covering scoring index (a province has hundreds of thousands); only the few that
        // may be quoted are read from the table for their comment.
        var candidates = (await db.Activities.AsNoTracking()
                .Where(a => a.Status == ActivityStatus.Confirmed && a.Date >= from && a.Date <= to && a.Rating <= 3)
                .Select(a => new { a.Id, a.PairingId, Rating = a.Rating ?? 1, a.Date }).ToListAsync(ct))
            .GroupBy(x => unitOf[x.PairingId])
            .ToDictionary(g => g.Key, g => g.OrderBy(x => x.Rating).ThenByDescending(x => x.Date).ThenBy(x => x.Id).Take(QuoteCandidates).ToList());
        var ids = candidates.Values.SelectMany(c => c.Select(x => x.Id)).ToList();
        var comments = new Dictionary<int, string>();
        foreach (var chunk in ids.Chunk(10_000))
        {
            foreach (var row in await db.Activities.AsNoTracking().Where(a => chunk.Contains(a.Id) && a.RatingComment != null)
                         .Select(a => new { a.Id, a.RatingComment }).ToListAsync(ct))
            {
                comments[row.Id] = row.RatingComment!;
            }
        }
        var lowComments = candidates.ToDictionary(c => c.Key, c => (IReadOnlyList<RatedComment>)[.. c.Value
            .Where(x => comments.ContainsKey(x.Id)).Take(2).Select(x => new RatedComment(x.Rating, comments[x.Id], x.Date))]);

        // 在职党员 (篇6): each unit's members registered and in post, and their confirmed service in the period in the communities
        // they reported to. Two grouped queries whatever the number of units. The members the target is set for are the
        // party members the unit declares in the registry, or those it registered here if more (so leaving members
        // unregistered never lowers the target).
        var members = await db.PartyMembers.AsNoTracking().Where(m => m.IsActive)
            .GroupBy(m => m.UnitId).Select(g => new { UnitId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.UnitId, x => x.Count, ct);
        var memberHours = (await db.MemberServices.AsNoTracking()
                .Where(s => s.Status == MemberServiceStatus.Confirmed && s.Date >= from && s.Date <= to)
                .GroupBy(s => s.Member!.UnitId).Select(g => new { UnitId = g.Key, Hours = g.Sum(s => (double)s.Hours) })
                .ToListAsync(ct))
            // Hours are kept to one decimal, so the sum rounded to one decimal is exact.
            .ToDictionary(x => x.UnitId, x => Math.Round((decimal)x.Hours, 1));

        return [.. units.Select(u =>
        {
            var c = perUnit.GetValueOrDefault(u.Id);
            var t = tasks.GetValueOrDefault(u.Id);
            var n = needs.GetValueOrDefault(u.Id);
            var x = exposed.GetValueOrDefault(u.Id);
            return new UnitFacts(u.Id, u.Name, u.StaffCount, x.Pairings, x.UnitMonths, c?.ActiveMonths ?? 0,
                c?.Count ?? 0, (decimal)(c?.Hours ?? 0), (decimal)(c?.RatingPoints ?? 0), c?.WithLeader ?? 0,
                (t?.Due ?? 0) + (n?.Due ?? 0), (t?.Confirmed ?? 0) + (n?.Confirmed ?? 0), (t?.Overdue ?? 0) + (n?.Overdue ?? 0),
                inspections.TryGetValue(u.Id, out var i) ? i.Count : 0, inspections.TryGetValue(u.Id, out var j) ? j.Sum : 0,
                c?.Disputed ?? 0, missed.GetValueOrDefault(u.Id).JointMeetings,
                c is { Count: > 0 } ? null : lastBefore.TryGetValue(u.Id, out var last) ? last : null,
                x.PairingMonths,
                lowComments.GetValueOrDefault(u.Id),
                inspections.TryGetValue(u.Id, out var k) ? k.Scores : null,
                inspections.TryGetValue(u.Id, out var o) ? o.Overdue : 0,
                missed.GetValueOrDefault(u.Id).Visits,
                missed.GetValueOrDefault(u.Id).CoordinationMeetings,
                Math.Max(u.PartyMemberCount, members.GetValueOrDefault(u.Id)),
                memberHours.GetValueOrDefault(u.Id));
        })];
    }

    /// <summary>
    /// The contact commitments of filed (or since expired) agreements not kept, per unit: visits of months, coordination
    /// meetings of quarters and joint meetings of half-years that ended inside the period (and before today) while the
    /// pairing was in force (<see cref="Commitments.Record"/>). Two queries whatever the number of units: the agreements,
    /// and the confirmed visits and meetings tallied by pairing, category and month.
    /// </summary>
    private async Task<Dictionary<int, (int Visits, int CoordinationMeetings, int JointMeetings)>> MissedCommitmentsAsync(
        ScoringPeriod period, DateOnly today, IReadOnlyDictionary<int, PairingInForce> inForce, CancellationToken ct)
    {
        // Only spans ending inside the period count, and the longest (a half-year) begins at most six months before it.
        var since = period.From.AddMonths(-6);
        var agreements = await db.Agreements.AsNoTracking()
            .Where(a => a.Status == AgreementStatus.Filed && a.StartDate <= period.To && a.EndDate >= since
                && (a.VisitsPerMonth > 0 || a.CoordinationMeetingsPerQuarter > 0 || a.JointMeetingsPerHalfYear > 0))
            .Select(a => new { a.PairingId, a.Pairing!.UnitId, Terms = new CommitmentTerms(a.StartDate, a.EndDate, a.VisitsPerMonth, a.CoordinationMeetingsPerQuarter, a.JointMeetingsPerHalfYear) })
            .ToListAsync(ct);
        if (agreements.Count == 0)
        {
            return new();
        }
        var held = (await db.Activities.AsNoTracking()
                .Where(a => a.Status == ActivityStatus.Confirmed && a.Date >= since && a.Date <= period.To
                    && (a.Category == ActivityCategory.Visits || a.Category == ActivityCategory.JointMeeting))
                .GroupBy(a => new { a.PairingId, a.Category, a.Date.Year, a.Date.Month })
                .Select(g => new { g.Key.PairingId, g.Key.Category, g.Key.Year, g.Key.Month, Count = g.Count() })
                .ToListAsync(ct))
            .ToLookup(x => x.PairingId, x => new ActivityTally(new DateOnly(x.Year, x.Month, 1), x.Category, x.Count));
        var cutoff = period.To < today ? period.To.AddDays(1) : today;
        return agreements
            .Where(a => inForce.ContainsKey(a.PairingId))
            .SelectMany(a => Commitments.Record(a.Terms, inForce[a.PairingId], held[a.PairingId], cutoff)
                .Where(s => s.To >= period.From)
                .Select(s => (a.UnitId, s.Kind, s.Missed)))
            .GroupBy(x => x.UnitId)
            .ToDictionary(g => g.Key, g => (
                g.Where(x => x.Kind == Commitment.Visits).Sum(x => x.Missed),
                g.Where(x => x.Kind == Commitment.CoordinationMeetings).Sum(x => x.Missed),
                g.Where(x => x.Kind == Commitment.JointMeetings).Sum(x => x.Missed)));
    }
}
