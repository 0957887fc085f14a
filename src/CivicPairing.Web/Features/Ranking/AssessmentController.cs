using System.Globalization;
using System.Text.Json;
using CivicPairing.Domain;
using CivicPairing.Domain.Scoring;
using CivicPairing.Web.Data;
using CivicPairing.Web.Features.Activities;
using CivicPairing.Web.Identity;
using CivicPairing.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CivicPairing.Web.Features.Ranking;

public sealed record PeriodRow(AssessmentPeriod Period, int PublishedVersions);

public sealed record PeriodsPage(IReadOnlyList<PeriodRow> Periods, bool IsOffice);

public sealed record PeriodPage(AssessmentPeriod Period, IReadOnlyList<PublishedReport> Reports);

public sealed record ReportPage(AssessmentPeriod Period, PublishedReport Report, ScoringRules Rules, IReadOnlyList<SnapshotRow> Rows, ReportSummary Summary, IReadOnlyList<PublishedReport> Versions)
{
    /// <summary>A published version as read by the office's report and the public notice alike; its rows read once per process.</summary>
    /// <param name="report">The version's <see cref="ReportSnapshot.Heading"/>: its rows are read by <see cref="ReportSnapshot.RowsAsync"/>.</param>
    public static async Task<ReportPage> OfAsync(AssessmentPeriod period, PublishedReport report, IReadOnlyList<PublishedReport> versions,
        Microsoft.Extensions.Caching.Memory.IMemoryCache cache, AppDbContext db, CancellationToken ct) =>
        new(period, report, JsonSerializer.Deserialize<ScoringRules>(report.RulesJson) ?? ScoringRules.Default, await ReportSnapshot.RowsAsync(cache, db, report.Id, ct),
            JsonSerializer.Deserialize<ReportSummary>(report.SummaryJson) ?? new ReportSummary(0, 0, 0, 0, 0, 0), versions);

    public IReadOnlyList<SnapshotRow> Ranked => [.. Rows.Where(r => r.Rank is not null)];
    public IReadOnlyList<SnapshotRow> Commended => [.. Ranked.Where(r => r.Grade == Grade.Excellent)];

    /// <summary>篇1 names the laggards (<see cref="Domain.Scoring.Laggards"/>), within the cap the office chose when publishing.</summary>
    public IReadOnlyList<SnapshotRow> Laggards => Domain.Scoring.Laggards.Of(Ranked, Rules, Summary.LaggardCap);

    /// <summary>Whether some ranked unit had a component's weight shared out, so the sentence saying why is shown.</summary>
    public bool AnyWeightShared => Ranked.Any(r => r.HasSharedWeight);

    /// <summary>The unit looked for and the page of the table shown (<see cref="RankingTableQuery"/>).</summary>
    public RankingTableQuery Find { get; init; } = new();

    public PagedList<SnapshotRow> Table() => Find.Of(Ranked, r => r.UnitName);
}

public sealed record ReportUnitPage(ReportPage Report, SnapshotRow Row);

/// <summary>
/// 考核周期: the office opens a quarter or a year, sets its rules, closes it and publishes the ranking as an immutable
/// snapshot. Everyone may read published reports; nobody may change them; a correction is a new version.
/// </summary>
public sealed class AssessmentController(AppDbContext db, ScoringFacts facts, CityClock clock, Microsoft.Extensions.Caching.Memory.IMemoryCache cache, IStringLocalizer<SharedResource> l) : Controller
{
    private string Actor => User.Identity?.Name ?? "";

    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var office = User.IsOfficeOrAdmin();
        var periods = await db.AssessmentPeriods.AsNoTracking()
            .Where(p => office || p.Status == PeriodStatus.Published)
            .OrderByDescending(p => p.Year).ThenByDescending(p => p.Quarter)
            .Select(p => new PeriodRow(p, db.PublishedReports.Count(r => r.PeriodId == p.Id)))
            .ToListAsync(ct);
        return View(new PeriodsPage(periods, office));
    }

    [Authorize(Roles = Roles.OfficeOrAdmin)]
    [HttpPost]
    public async Task<IActionResult> Create(int year, int? quarter, CancellationToken ct)
    {
        try
        {
            var exists = await db.AssessmentPeriods.AnyAsync(p => p.Year == year && p.Quarter == quarter, ct);
            var period = AssessmentPeriod.Create(year, quarter, exists, clock.Now);
            db.AssessmentPeriods.Add(period);
            await db.SaveChangesAsync(ct);
            return RedirectToAction(nameof(Details), new { id = period.Id });
        }
        catch (DomainException refusal)
        {
            TempData["Error"] = l.Text(refusal);
            return RedirectToAction(nameof(Index));
        }
    }

    [Authorize(Roles = Roles.OfficeOrAdmin)]
    [HttpGet]
    public async Task<IActionResult> Details(int id, CancellationToken ct)
    {
        var period = await db.AssessmentPeriods.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (period is null)
        {
            return NotFound();
        }
        var reports = await db.PublishedReports.AsNoTracking().Where(r => r.PeriodId == id).OrderByDescending(r => r.VersionNumber).ToListAsync(ct);
        return View(new PeriodPage(period, reports));
    }

    /// <summary>Weights, thresholds and penalties of an open period; the change is audited like every other.</summary>
    [Authorize(Roles = Roles.OfficeOrAdmin)]
    [HttpPost]
    public Task<IActionResult> Rules(int id, ScoringRules rules, Guid version, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            TempData["Error"] = l["Enter whole numbers for the weights and numbers for the thresholds and penalties."].Value;
            return Task.FromResult<IActionResult>(RedirectToAction(nameof(Details), new { id }));
        }
        return StepAsync(id, version, p => p.ChangeRules(rules), l["The rules were saved."], ct);
    }

    [Authorize(Roles = Roles.OfficeOrAdmin)]
    [HttpPost]
    public Task<IActionResult> Close(int id, Guid version, CancellationToken ct) => StepAsync(id, version, p => p.Close(), l["The period is closed: its rules are frozen."], ct);

    [Authorize(Roles = Roles.OfficeOrAdmin)]
    [HttpPost]
    public Task<IActionResult> Reopen(int id, Guid version, CancellationToken ct) => StepAsync(id, version, p => p.Reopen(), l["The period is open again."], ct);

    /// <summary>Scores the closed period now and stores the result, rules included, as version 1 of its report.</summary>
    [Authorize(Roles = Roles.OfficeOrAdmin)]
    [HttpPost]
    public async Task<IActionResult> Publish(int id, Guid version, int? laggardCap, CancellationToken ct)
    {
        var period = await db.AssessmentPeriods.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (period is null)
        {
            return NotFound();
        }
        if (!ModelState.IsValid || laggardCap is < 1 or > 1000)
        {
            TempData["Error"] = l["Name at most a whole number of laggards from 1 to 1,000, or leave it empty to name them all."].Value;
            return RedirectToAction(nameof(Details), new { id });
        }
        try
        {
            period.CheckPublishable();
        }
        catch (DomainException refusal)
        {
            TempData["Error"] = l["Not published: reopen the period and correct its rules. {0}", l.Text(refusal)].Value;
            return RedirectToAction(nameof(Details), new { id });
        }
        var snapshot = await SnapshotAsync(period, version: 1, note: null, laggardCap, ct);
        if (await this.TryStepAsync(db, period, version, () =>
            {
                period.Publish();
                db.PublishedReports.Add(snapshot);
            }, l["Published. The report will not change; a correction is a new version."], l, ct))
        {
            return RedirectToAction(nameof(Report), new { id });
        }
        return RedirectToAction(nameof(Details), new { id });
    }

    /// <summary>A correction: the period scored again from today's confirmed facts, published as a new version saying what changed.</summary>
    [Authorize(Roles = Roles.OfficeOrAdmin)]
    [HttpPost]
    public async Task<IActionResult> Correct(int id, string? note, CancellationToken ct)
    {
        var period = await db.AssessmentPeriods.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && p.Status == PeriodStatus.Published, ct);
        if (period is null)
        {
            return NotFound();
        }
        if (string.IsNullOrWhiteSpace(note) || PlainText.Problem(note, 1000) is not null)
        {
            TempData["Error"] = l["Say what the correction changes and why (at most 1,000 characters)."].Value;
            return RedirectToAction(nameof(Details), new { id });
        }
        var latest = await db.PublishedReports.AsNoTracking().Where(r => r.PeriodId == id).OrderByDescending(r => r.VersionNumber)
            .Select(r => new { r.VersionNumber, r.SummaryJson }).FirstAsync(ct);
        var next = latest.VersionNumber + 1;
        // A correction names the laggards within the cap the office chose when publishing.
        var cap = JsonSerializer.Deserialize<ReportSummary>(latest.SummaryJson)?.LaggardCap;
        db.PublishedReports.Add(await SnapshotAsync(period, next, note.Trim(), cap, ct));
        await db.SaveChangesAsync(ct);
        TempData["Success"] = l["Version {0} of the report was published.", next].Value;
        return RedirectToAction(nameof(Report), new { id, version = next });
    }

    /// <summary>
    /// 公示: puts one published version on public notice at the period's public address (withdrawing any other version of
    /// the period, so the address shows one report) or withdraws it. Each change lands in the audit log.
    /// </summary>
    [Authorize(Roles = Roles.OfficeOrAdmin)]
    [HttpPost]
    public async Task<IActionResult> SetPublic(int id, int version, bool isPublic, CancellationToken ct)
    {
        var reports = await db.PublishedReports.Where(r => r.PeriodId == id).ToListAsync(ct);
        if (reports.FirstOrDefault(r => r.VersionNumber == version) is not { } report)
        {
            return NotFound();
        }
        if (isPublic)
        {
            foreach (var other in reports.Where(r => r != report))
            {
                other.Withdraw();
            }
            report.MakePublic(clock.Now);
        }
        else
        {
            report.Withdraw();
        }
        await db.SaveChangesAsync(ct);
        TempData["Success"] = isPublic
            ? l["Version {0} is on public notice.", version].Value
            : l["Version {0} was withdrawn from public notice.", version].Value;
        return RedirectToAction(nameof(Details), new { id });
    }

    /// <summary>A published report, as published; the latest version unless one is asked for. Everyone signed in may read it.</summary>
    [HttpGet]
    public async Task<IActionResult> Report(int id, int? version, RankingTableQuery find, CancellationToken ct)
    {
        if (await ReportPageAsync(id, version, ct) is not { } page)
        {
            return NotFound();
        }
        find.Version = version;
        return View(page with { Find = find });
    }

    /// <summary>The same report as the paper the office hands out: A4 landscape, Chinese.</summary>
    [HttpGet]
    public async Task<IActionResult> Print(int id, int? version, CancellationToken ct) =>
        await ReportPageAsync(id, version, ct) is { } page ? View(page) : NotFound();

    /// <summary>The report as an Excel workbook: the ranking, then one sheet per component with its figures.</summary>
    [HttpGet]
    public async Task<IActionResult> Export(int id, int? version, CancellationToken ct) =>
        await ReportPageAsync(id, version, ct) is { } page
            ? new WorkbookResult($"{l["Ranking report {0}", l.Name(page.Period)]}-v{page.Report.VersionNumber}", ReportWorkbook.Sheets(page, l))
            : NotFound();

    /// <summary>Drill-down: one unit's line of a published report with the frozen figures behind each component.</summary>
    [HttpGet]
    public async Task<IActionResult> Unit(int id, int unitId, int? version, CancellationToken ct)
    {
        var page = await ReportPageAsync(id, version, ct);
        var row = page?.Rows.FirstOrDefault(r => r.UnitId == unitId);
        return page is null || row is null ? NotFound() : View(new ReportUnitPage(page, row));
    }

    private async Task<ReportPage?> ReportPageAsync(int id, int? version, CancellationToken ct)
    {
        var period = await db.AssessmentPeriods.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && p.Status == PeriodStatus.Published, ct);
        if (period is null)
        {
            return null;
        }
        // The versions without their snapshots (a province's is megabytes), then the one version asked for.
        var versions = await db.PublishedReports.AsNoTracking().Where(r => r.PeriodId == id).OrderByDescending(r => r.VersionNumber)
            .Select(r => new PublishedReport { Id = r.Id, PeriodId = r.PeriodId, VersionNumber = r.VersionNumber, PublishedAt = r.PublishedAt, PublishedBy = r.PublishedBy, CorrectionNote = r.CorrectionNote })
            .ToListAsync(ct);
        var chosen = version is { } v ? versions.FirstOrDefault(r => r.VersionNumber == v) : versions.FirstOrDefault();
        if (chosen is null)
        {
            return null;
        }
        var report = await db.PublishedReports.Where(r => r.Id == chosen.Id).Select(ReportSnapshot.Heading).SingleAsync(ct);
        return await ReportPage.OfAsync(period, report, versions, cache, db, ct);
    }

    private async Task<PublishedReport> SnapshotAsync(AssessmentPeriod period, int version, string? note, int? laggardCap, CancellationToken ct)
    {
        var today = clock.Today;
        var scores = UnitScoring.ScoreAll(await facts.GatherAsync(new ScoringPeriod(period.From, period.To), today, ct), period.Rules);
        var (from, to) = (period.From, period.To);
        var work = await WorkTotals.Of(db.Activities.AsNoTracking()
            .Where(a => a.Status == Domain.Activities.ActivityStatus.Confirmed && a.Date >= from && a.Date <= to))
            .FirstOrDefaultAsync(ct) ?? WorkTotals.None;
        var communities = await db.Communities.CountAsync(c => c.IsActive, ct);
        var paired = await db.Communities.CountAsync(c => c.IsActive && db.Pairings.Any(p => p.CommunityId == c.Id && p.Status == Domain.Pairings.PairingStatus.Active), ct);
        var kinds = await db.Units.Select(u => new { u.Id, u.Kind }).ToDictionaryAsync(u => u.Id, u => u.Kind, ct);
        var funds = work.Funds + await Funding.FundingTotals.PaidAsync(db, from, to, null, ct);
        var (helped, lifted, reported) = await PeopleBehindAsync(from, to, ct);
        var summary = new ReportSummary(work.Count, work.PeopleSent, work.PersonHours, funds, paired, communities, laggardCap, helped, lifted, reported);
        return new PublishedReport
        {
            SummaryJson = JsonSerializer.Serialize(summary),
            PeriodId = period.Id, VersionNumber = version, PublishedAt = clock.Now, PublishedBy = Actor, CorrectionNote = note,
            RulesJson = JsonSerializer.Serialize(period.Rules), ScoresJson = ReportSnapshot.Serialize(scores, kinds),
        };
    }

    /// <summary>
    /// The counts <see cref="ReportSummary"/> keeps of aid households and in-service party members for the period (days in the
    /// city's zone). Read once per publication: the households' and the accepted reports' few columns, compared in memory.
    /// </summary>
    private async Task<(int Helped, int Lifted, int Reported)> PeopleBehindAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        static DateOnly Day(DateTimeOffset instant) => DateOnly.FromDateTime(Format.Local(instant));
        var households = await db.AidHouseholds.AsNoTracking().Select(h => new { h.Status, h.CreatedAt, h.DecidedAt }).ToListAsync(ct);
        var helped = households.Count(h => Day(h.CreatedAt) <= to && (h.DecidedAt is not { } d || Day(d) >= from));
        var lifted = households.Count(h => h.Status == Domain.AidHouseholds.AidStatus.LiftedOut && h.DecidedAt is { } d && Day(d) >= from && Day(d) <= to);
        var reports = await db.MemberReports.AsNoTracking()
            .Where(r => r.AcceptedOn != null && r.AcceptedOn <= to && (r.Status == Domain.Members.MemberReportStatus.Accepted || r.Status == Domain.Members.MemberReportStatus.Ended))
            .Select(r => new { r.MemberId, r.EndedAt }).ToListAsync(ct);
        var reported = reports.Where(r => r.EndedAt is not { } e || Day(e) >= from).Select(r => r.MemberId).Distinct().Count();
        return (helped, lifted, reported);
    }

    private async Task<IActionResult> StepAsync(int id, Guid version, Action<AssessmentPeriod> step, string success, CancellationToken ct)
    {
        var period = await db.AssessmentPeriods.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (period is null)
        {
            return NotFound();
        }
        await this.TryStepAsync(db, period, version, () => step(period), success, l, ct);
        return RedirectToAction(nameof(Details), new { id });
    }
}

public static class PeriodNames
{
    /// <summary>"2026年度" / "2026年第3季度" (or "2026" / "2026 Q3").</summary>
    public static string Name(this IStringLocalizer l, AssessmentPeriod p) => l.PeriodName(p.Year, p.Quarter);

    public static string PeriodName(this IStringLocalizer l, int year, int? quarter) =>
        quarter is { } q ? l["{0}, quarter {1}", year.ToString(CultureInfo.InvariantCulture), q] : l["Year {0}", year.ToString(CultureInfo.InvariantCulture)];
}
