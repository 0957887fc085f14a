using System.Globalization;
using CivicPairing.Domain.Activities;
using CivicPairing.Domain.Agreements;
using CivicPairing.Domain.Pairings;
using CivicPairing.Domain.Scoring;
using CivicPairing.Web.Data;
using CivicPairing.Web.Features.Activities;
using CivicPairing.Web.Features.Pairings;
using CivicPairing.Web.Features.Ranking;
using CivicPairing.Web.Features.Tasks;
using CivicPairing.Web.Identity;
using CivicPairing.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CivicPairing.Web.Features.Home;

/// <summary>The office dashboard's filters as understood: unknown values are dropped and named in <see cref="Notices"/>.</summary>
public sealed record DashboardFilter(int Year, int? Quarter, ScoringPeriod Period, string? Street, IReadOnlyList<string> Streets, IReadOnlyList<string> Notices);

public sealed record Headlines(int ActivePairings, int PairedCommunities, int Communities, int ConfirmedThisMonth, int ConfirmedInPeriod, int PeopleSent, decimal PersonHours, decimal Funds)
{
    public double Coverage => Communities == 0 ? 0 : (double)PairedCommunities / Communities;
}

/// <summary>What the office should look at: each a count and the list behind it.</summary>
public sealed record Alerts(int Idle30, int Idle60, int OverdueTasks, int ExpiringAgreements, int WaitingOver7Days, IReadOnlyList<(int UnitId, string Name, int Missed)> MissedMeetings)
{
    public int Total => Idle30 + OverdueTasks + ExpiringAgreements + WaitingOver7Days + MissedMeetings.Count;
}

/// <summary>The office dashboard's city-wide figures for one period and street, as stored between changes.</summary>
public sealed record OfficeFigures(Headlines Headlines, int Idle30, int Idle60, int OverdueTasks, int ExpiringAgreements, int WaitingOver7Days,
    IReadOnlyList<MonthFigure> Monthly, IReadOnlyList<CategoryFigure> ByCategory, IReadOnlyList<PlaceFigure> ByPlace);

public sealed record MonthFigure(int Year, int Month, int Count, decimal Hours);

public sealed record CategoryFigure(ActivityCategory Category, int Count);

/// <summary>A street (CommunityId null) or, within a chosen street, a community.</summary>
public sealed record PlaceFigure(int? CommunityId, string Name, int Count);

public sealed record OfficeDashboard(DashboardFilter Filter, Headlines Headlines, Alerts Alerts, IReadOnlyList<ChartData> Charts, IReadOnlyList<UnitScore> Top, IReadOnlyList<UnitScore> Bottom, int Ranked, DateTimeOffset ScoresGatheredAt);

public sealed record PairingLine(int PairingId, string PartnerName, DateOnly StartDate, DateOnly? LastConfirmed, int ConfirmedThisYear);

public sealed record LiaisonHome(string UnitName, IReadOnlyList<PairingLine> Pairings, int TasksDueSoon, int TasksOverdue, int Pending, int Disputed, UnitScore? Score, int RankedCount, int Year, ChartData Monthly, DateTimeOffset ScoresGatheredAt);

public sealed record WaitingActivity(int Id, string Title, string UnitName, DateOnly Date, DateTimeOffset SubmittedAt);

public sealed record TaskWaiting(int Id, string Title, string UnitName, DateOnly DueDate);

public sealed record RatingGiven(int ActivityId, string Title, string UnitName, DateOnly Date, int Rating, string? Comment);

public sealed record SecretaryHome(string CommunityName, int InboxCount, IReadOnlyList<WaitingActivity> Oldest, IReadOnlyList<TaskWaiting> TasksToConfirm, IReadOnlyList<PairingLine> Units, IReadOnlyList<RatingGiven> Ratings, decimal? AverageRating);

/// <summary>
/// The figures of the three home pages. Each figure is one grouped query over the rows the user may see, and
/// each links to the list that shows the same rows (the integration tests count both ways).
/// </summary>
public sealed class Dashboards(AppDbContext db, PartyAccess access, ProvisionalScores provisional, FactsStore store, CityClock clock, IStringLocalizer<SharedResource> l)
{
    public const int IdleDays = 30, LongIdleDays = 60, ExpiringWithinDays = 30, WaitingDays = 7;
    // The number goes up whenever OfficeFigures changes shape (see ProvisionalScores.Kind).
    private const string OfficeFiguresKind = "office-dashboard/1";
    private const int PlacesShown = 20;

    public async Task<DashboardFilter> FilterAsync(int? year, int? quarter, string? street, CancellationToken ct)
    {
        var notices = new List<string>();
        var (y, q, period, ignored) = ScoringPeriod.Choose(year, quarter, clock.Today);
        if (ignored)
        {
            notices.Add(l["The period asked for is not one the portal keeps; showing {0} instead.", q is { } qq ? l["{0}, quarter {1}", y.ToString(CultureInfo.InvariantCulture), qq] : l["Year {0}", y.ToString(CultureInfo.InvariantCulture)]]);
        }
        var streets = await store.ActiveStreetsAsync(db.Communities.AsNoTracking(), ct);
        var chosen = string.IsNullOrWhiteSpace(street) ? null : street.Trim();
        if (chosen is not null && !streets.Contains(chosen))
        {
            notices.Add(l["There is no street or township called “{0}”; showing the whole city.", chosen.Length > 40 ? chosen[..40] + "…" : chosen]);
            chosen = null;
        }
        return new DashboardFilter(y, q, period, chosen, streets, notices);
    }

    public async Task<OfficeDashboard> OfficeAsync(DashboardFilter filter, IUrlHelper url, CancellationToken ct)
    {
        var today = clock.Today;
        var street = filter.Street;
        var (from, to) = (filter.Period.From, filter.Period.To);
        var figures = (await store.GetAsync(OfficeFiguresKind, FiguresKey(filter.Period, street), today, allowStale: true,
            (services, token) => services.GetRequiredService<Dashboards>().GatherOfficeAsync(filter.Period, street, today, token), ct)).Value;
        var result = await provisional.GetAsync(filter.Period, filter.Year, filter.Quarter, today, allowStale: true, ct);
        var ranked = result.Ranked;
        var alerts = new Alerts(figures.Idle30, figures.Idle60, figures.OverdueTasks, figures.ExpiringAgreements, figures.WaitingOver7Days, result.Scored.MissedMeetings);

        var (fromText, toText) = (from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var charts = new List<ChartData>
        {
            MonthlyChart(figures.Monthly, filter.Period, url, street),
            ByCategoryChart(figures.ByCategory, url, fromText, toText, street),
            ByPlaceChart(figures.ByPlace, url, fromText, toText, street),
            ScoreDistribution(result.Scored.Bands),
        };
        return new OfficeDashboard(filter, figures.Headlines, alerts, charts, [.. ranked.Take(5)], [.. ranked.Skip(Math.Max(0, ranked.Count - 5)).Reverse()], ranked.Count, result.GatheredAt);
    }

    /// <summary>Brings this year's scores and the whole city's dashboard figures up to date (<see cref="Ranking.FactsWarmer"/>).</summary>
    public async Task WarmAsync(DateOnly today, CancellationToken ct)
    {
        var year = ScoringPeriod.Year(today.Year);
        await store.GetAsync(OfficeFiguresKind, FiguresKey(year, null), today, allowStale: false,
            (services, token) => services.GetRequiredService<Dashboards>().GatherOfficeAsync(year, null, today, token), ct);
        await provisional.GetAsync(year, today.Year, null, today, allowStale: false, ct);
    }

    /// <summary>The office dashboard's figures for a period and street: city-wide aggregates, gathered through the <see cref="FactsStore"/>.</summary>
    public async Task<OfficeFigures> GatherOfficeAsync(ScoringPeriod period, string? street, DateOnly today, CancellationToken ct)
    {
        var (from, to) = (period.From, period.To);
        var communities = db.Communities.Where(c => c.IsActive && (street == null || c.Street == street));
        var active = db.Pairings.Where(p => p.Status == PairingStatus.Active && (street == null || p.Community!.Street == street));
        var confirmed = db.Activities.Where(a => a.Status == ActivityStatus.Confirmed && (street == null || a.Pairing!.Community!.Street == street));
        var inPeriod = confirmed.Where(a => a.Date >= from && a.Date <= to);
        var monthStart = new DateOnly(today.Year, today.Month, 1);

        var totals = await WorkTotals.Of(inPeriod).FirstOrDefaultAsync(ct) ?? WorkTotals.None;
        var headlines = new Headlines(
            await active.CountAsync(ct),
            await communities.CountAsync(c => db.Pairings.Any(p => p.CommunityId == c.Id && p.Status == PairingStatus.Active), ct),
            await communities.CountAsync(ct),
            await confirmed.CountAsync(a => a.Date >= monthStart && a.Date <= today, ct),
            totals.Count, totals.PeopleSent, totals.PersonHours, totals.Funds + await Funding.FundingTotals.PaidAsync(db, from, to, street, ct));

        var byPlace = street is null
            ? (await inPeriod.GroupBy(a => a.Pairing!.Community!.Street).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
                .Select(r => new PlaceFigure(null, r.Key, r.Count))
            : (await inPeriod.GroupBy(a => new { a.Pairing!.CommunityId, a.Pairing.Community!.Name }).Select(g => new { g.Key.CommunityId, g.Key.Name, Count = g.Count() }).ToListAsync(ct))
                .Select(r => new PlaceFigure(r.CommunityId, r.Name, r.Count));
        return new OfficeFigures(headlines,
            await IdleCountAsync(active, IdleDays, today, ct),
            await IdleCountAsync(active, LongIdleDays, today, ct),
            await db.AgreementTasks.OfAgreementsInForce(db.Agreements).Where(AgreementTask.OverdueOn(today))
                .CountAsync(t => street == null || t.Agreement!.Pairing!.Community!.Street == street, ct),
            await db.Agreements.CountAsync(a => a.Status == AgreementStatus.Filed && a.EndDate >= today && a.EndDate <= today.AddDays(ExpiringWithinDays)
                && (street == null || a.Pairing!.Community!.Street == street), ct),
            await WaitingCountAsync(street, ct),
            await MonthlyFiguresAsync(inPeriod, ct),
            [.. (await inPeriod.GroupBy(a => a.Category).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct)).Select(r => new CategoryFigure(r.Key, r.Count))],
            [.. byPlace.OrderByDescending(r => r.Count).ThenBy(r => r.Name, NameCollation.Comparer)]);
    }

    public async Task<LiaisonHome?> LiaisonAsync(System.Security.Claims.ClaimsPrincipal user, int unitId, CancellationToken ct)
    {
        var today = clock.Today;
        var unitName = await db.Units.Where(u => u.Id == unitId).Select(u => u.Name).FirstOrDefaultAsync(ct);
        if (unitName is null)
        {
            return null;
        }
        var pairings = await PairingLinesAsync(db.Pairings.Where(p => p.UnitId == unitId), partnerIsCommunity: true, today, ct);
        var tasks = access.VisibleTasks(user).OfAgreementsInForce(db.Agreements).Where(t => t.Status == AgreementTaskStatus.Open || t.Status == AgreementTaskStatus.ReportedDone);
        var mine = db.Activities.Where(a => a.Pairing!.UnitId == unitId);
        var counts = await mine.Where(a => a.Status != ActivityStatus.Confirmed).GroupBy(a => a.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        int Count(ActivityStatus status) => counts.FirstOrDefault(c => c.Key == status)?.Count ?? 0;
        var year = ScoringPeriod.Year(today.Year);
        var scores = await provisional.GetAsync(year, today.Year, null, today, allowStale: true, ct);
        var monthly = MonthlyChart(await MonthlyFiguresAsync(mine.Where(a => a.Status == ActivityStatus.Confirmed && a.Date >= year.From && a.Date <= year.To), ct), year, null, null);
        return new LiaisonHome(unitName, pairings,
            await tasks.CountAsync(t => t.DueDate >= today && t.DueDate <= today.AddDays(30), ct),
            await tasks.Where(AgreementTask.OverdueOn(today)).CountAsync(ct),
            Count(ActivityStatus.Submitted), Count(ActivityStatus.Disputed),
            scores.Of(unitId), scores.RankedCount, today.Year, monthly, scores.GatheredAt);
    }

    public async Task<SecretaryHome?> SecretaryAsync(int communityId, CancellationToken ct)
    {
        var today = clock.Today;
        var name = await db.Communities.Where(c => c.Id == communityId).Select(c => c.Name).FirstOrDefaultAsync(ct);
        if (name is null)
        {
            return null;
        }
        var ours = db.Activities.Where(a => a.Pairing!.CommunityId == communityId);
        var waiting = ours.Where(a => a.Status == ActivityStatus.Submitted);
        var rated = ours.Where(a => a.Status == ActivityStatus.Confirmed && a.Rating != null);
        var ratings = await rated.OrderByDescending(a => a.DecidedAt).ThenByDescending(a => a.Id).Take(8)
            .Select(a => new RatingGiven(a.Id, a.Title, a.Pairing!.Unit!.Name, a.Date, a.Rating!.Value, a.RatingComment)).ToListAsync(ct);
        var average = await rated.AverageAsync(a => (double?)a.Rating, ct);
        return new SecretaryHome(name,
            await waiting.CountAsync(ct),
            await waiting.OrderBy(a => a.SubmittedAt).ThenBy(a => a.Id).Take(5)
                .Select(a => new WaitingActivity(a.Id, a.Title, a.Pairing!.Unit!.Name, a.Date, a.SubmittedAt)).ToListAsync(ct),
            await db.AgreementTasks.OfAgreementsInForce(db.Agreements).Where(t => t.Status == AgreementTaskStatus.ReportedDone && t.Agreement!.Pairing!.CommunityId == communityId)
                .OrderBy(t => t.DueDate).Take(5).Select(t => new TaskWaiting(t.Id, t.Title, t.Agreement!.Pairing!.Unit!.Name, t.DueDate)).ToListAsync(ct),
            await PairingLinesAsync(db.Pairings.Where(p => p.CommunityId == communityId), partnerIsCommunity: false, today, ct),
            ratings,
            average is null ? null : Math.Round((decimal)average.Value, 1));
    }

    /// <summary>The party's pairings in force with their last confirmed activity; the partner is the other side.</summary>
    private async Task<IReadOnlyList<PairingLine>> PairingLinesAsync(IQueryable<Pairing> pairings, bool partnerIsCommunity, DateOnly today, CancellationToken ct)
    {
        var yearStart = new DateOnly(today.Year, 1, 1);
        return await pairings.Where(p => p.Status == PairingStatus.Active).OrderBy(p => p.StartDate).ThenBy(p => p.Id)
            .Select(p => new PairingLine(p.Id, partnerIsCommunity ? p.Community!.Name : p.Unit!.Name, p.StartDate,
                db.Activities.Where(a => a.PairingId == p.Id && a.Status == ActivityStatus.Confirmed).Max(a => (DateOnly?)a.Date),
                db.Activities.Count(a => a.PairingId == p.Id && a.Status == ActivityStatus.Confirmed && a.Date >= yearStart)))
            .ToListAsync(ct);
    }

    private static string FiguresKey(ScoringPeriod period, string? street) =>
        string.Create(CultureInfo.InvariantCulture, $"{period.From:yyyy-MM-dd}/{period.To:yyyy-MM-dd}/{street}");

    private Task<int> IdleCountAsync(IQueryable<Pairing> active, int days, DateOnly today, CancellationToken ct) =>
        active.IdleSince(db.Activities, today.AddDays(-days)).CountAsync(ct);

    private Task<int> WaitingCountAsync(string? street, CancellationToken ct)
    {
        var before = clock.Now.AddDays(-WaitingDays);
        return db.Activities.CountAsync(a => a.Status == ActivityStatus.Submitted && a.SubmittedAt < before && (street == null || a.Pairing!.Community!.Street == street), ct);
    }

    private static async Task<IReadOnlyList<MonthFigure>> MonthlyFiguresAsync(IQueryable<Domain.Activities.Activity> confirmed, CancellationToken ct) =>
        [.. (await confirmed.GroupBy(a => new { a.Date.Year, a.Date.Month })
            .Select(g => new { g.Key.Year, g.Key.Month, Count = g.Count(), Hours = g.Sum(a => (double)a.PersonHours) }).ToListAsync(ct))
            .Select(r => new MonthFigure(r.Year, r.Month, r.Count, (decimal)r.Hours))];

    private ChartData MonthlyChart(IReadOnlyList<MonthFigure> rows, ScoringPeriod period, IUrlHelper? url, string? street)
    {
        var months = Enumerable.Range(0, period.Months).Select(i => period.From.AddMonths(i)).ToList();
        decimal Of(DateOnly m, bool hours) => rows.FirstOrDefault(r => r.Year == m.Year && r.Month == m.Month) is { } r ? (hours ? r.Hours : r.Count) : 0;
        return new ChartData("monthly", l["Confirmed activities and hours by month"], ChartKind.Bars,
            [.. months.Select(m => l["{0}/{1}", m.Year, m.Month].Value)],
            [new ChartSeries(l["confirmed activities"], [.. months.Select(m => Of(m, false))]), new ChartSeries(l["hours of work"], [.. months.Select(m => Of(m, true))])],
            url is null ? null : [.. months.Select(m => url.Action("Index", "Activities", new
            {
                status = "Confirmed", street, from = m.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                to = m.AddMonths(1).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            }))]);
    }

    private ChartData ByCategoryChart(IReadOnlyList<CategoryFigure> figures, IUrlHelper url, string from, string to, string? street)
    {
        var rows = figures.OrderByDescending(r => r.Count).ThenBy(r => r.Category).ToList();
        return new ChartData("category", l["Confirmed activities by category"], ChartKind.HorizontalBars,
            [.. rows.Select(r => l.Text(r.Category))], [new ChartSeries(l["confirmed activities"], [.. rows.Select(r => (decimal)r.Count)])],
            [.. rows.Select(r => url.Action("Index", "Activities", new { status = "Confirmed", category = r.Category.ToString(), street, from, to }))]);
    }

    /// <summary>
    /// By street or township for the city; by community within a chosen street. A province has thousands of streets:
    /// the busiest <see cref="PlacesShown"/> are drawn and a note under the chart counts the rest.
    /// </summary>
    private ChartData ByPlaceChart(IReadOnlyList<PlaceFigure> rows, IUrlHelper url, string from, string to, string? street)
    {
        var shown = rows.Take(PlacesShown).ToList();
        var rest = rows.Skip(PlacesShown).ToList();
        return new ChartData("place", street is null ? l["Confirmed activities by street or township"] : l["Confirmed activities by community in {0}", street],
            ChartKind.HorizontalBars, [.. shown.Select(r => r.Name)], [new ChartSeries(l["confirmed activities"], [.. shown.Select(r => (decimal)r.Count)])],
            [.. shown.Select(r => street is null
                ? url.Action("Index", "Activities", new { status = "Confirmed", street = r.Name, from, to })
                : url.Action("Index", "Activities", new { status = "Confirmed", communityId = r.CommunityId, from, to }))])
        {
            Note = rest.Count == 0 ? null
                : (street is null ? l["The other {0} streets or townships, {1} activities in all, are not drawn.", rest.Count, rest.Sum(r => r.Count)]
                    : l["The other {0} communities, {1} activities in all, are not drawn.", rest.Count, rest.Sum(r => r.Count)],
                    url.Action("Index", "Activities", new { status = "Confirmed", street, from, to })),
        };
    }

    private ChartData ScoreDistribution(IReadOnlyList<int> bands) =>
        new("scores", l["Provisional scores of the ranked units"], ChartKind.Bars,
            [.. Enumerable.Range(0, 10).Select(i => i == 9 ? "90–100" : $"{i * 10}–{i * 10 + 9}")],
            [new ChartSeries(l["number of units"], [.. bands.Select(b => (decimal)b)])]);
}
