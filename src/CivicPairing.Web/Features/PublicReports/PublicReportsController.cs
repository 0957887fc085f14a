using CivicPairing.Domain.Scoring;
using CivicPairing.Web.Data;
using CivicPairing.Web.Features.Ranking;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CivicPairing.Web.Features.PublicReports;

/// <summary>One line of the public index: a period and the version of its report on public notice.</summary>
public sealed record PublicReportRow(AssessmentPeriod Period, int VersionNumber, DateTimeOffset PublishedAt, DateTimeOffset? MadePublicAt);

/// <summary>
/// 公示 (篇1 "对一些后进单位公开暴光"): the ranking reports the office has put on public notice, readable without signing in.
/// The address is the period's (<c>/Public/Reports/{periodId}</c>), so it stays the same when a corrected version replaces
/// the one on notice; at most one version of a period is public. Only the ranking, the commended units and the laggards
/// with their figure-only reasons are shown: no person, no rating comment, no link into the portal.
/// </summary>
[AllowAnonymous]
[Route("Public/Reports")]
public sealed class PublicReportsController(AppDbContext db, Microsoft.Extensions.Caching.Memory.IMemoryCache cache) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var rows = await (
                from r in db.PublishedReports.AsNoTracking()
                join p in db.AssessmentPeriods.AsNoTracking() on r.PeriodId equals p.Id
                where r.IsPublic && p.Status == PeriodStatus.Published
                orderby p.Year descending, p.Quarter descending
                select new PublicReportRow(p, r.VersionNumber, r.PublishedAt, r.MadePublicAt))
            .ToListAsync(ct);
        return View(rows);
    }

    /// <summary>The report on public notice for the period; 404 when none is (never published, withdrawn, unknown).</summary>
    [HttpGet("{id:int}")]
    public async Task<IActionResult> Report(int id, RankingTableQuery find, CancellationToken ct) =>
        await PageAsync(id, ct) is { } page ? View(page with { Find = find }) : NotFound();

    /// <summary>The same notice as an A4 page, always in Chinese like the office's printed report.</summary>
    [HttpGet("{id:int}/Print")]
    public async Task<IActionResult> Print(int id, CancellationToken ct) =>
        await PageAsync(id, ct) is { } page ? View(page) : NotFound();

    private async Task<ReportPage?> PageAsync(int periodId, CancellationToken ct)
    {
        var period = await db.AssessmentPeriods.AsNoTracking().FirstOrDefaultAsync(p => p.Id == periodId && p.Status == PeriodStatus.Published, ct);
        if (period is null)
        {
            return null;
        }
        var report = await db.PublishedReports.AsNoTracking()
            .Where(r => r.PeriodId == periodId && r.IsPublic)
            .OrderByDescending(r => r.VersionNumber)
            .Select(ReportSnapshot.Heading)
            .FirstOrDefaultAsync(ct);
        if (report is null)
        {
            return null;
        }
        return await ReportPage.OfAsync(period, report, [report], cache, db, ct);
    }
}
