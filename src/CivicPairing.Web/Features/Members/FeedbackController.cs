using CivicPairing.Domain.Members;
using CivicPairing.Web.Data;
using CivicPairing.Web.Identity;
using CivicPairing.Web.Infrastructure;
using CivicPairing.Web.Infrastructure.Spreadsheets;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CivicPairing.Web.Features.Members;

public sealed record FeedbackService(DateOnly Date, string Community, decimal Hours, string Description, string? Remark, string? ConfirmedBy);

public sealed record FeedbackMember(int Id, string Name, string Residence, string? ReportedTo, MemberReportStatus? ReportStatus, IReadOnlyList<FeedbackService> Services)
{
    public decimal Hours => Services.Sum(s => s.Hours);
}

/// <summary>在职党员社区表现反馈: one unit's members and their confirmed service in one quarter, with the communities' remarks.</summary>
public sealed record FeedbackReport(int UnitId, string UnitName, int Year, int Quarter, DateOnly From, DateOnly To, IReadOnlyList<FeedbackMember> Members,
    IReadOnlyList<SelectListItem> Units, IReadOnlyList<(int Year, int Quarter)> Quarters)
{
    public int Reported => Members.Count(m => m.ReportStatus == MemberReportStatus.Accepted);
    public int Serving => Members.Count(m => m.Services.Count > 0);
    public decimal Hours => Members.Sum(m => m.Hours);
}

/// <summary>
/// The quarterly feedback to the employer (篇6 "定期将在职党员在社区共建中的表现反馈给其所在工作单位党组织"): the unit's liaison sees her
/// unit's, the office any unit's; on screen, printable (A4) and in Excel. Only confirmed service is listed. Phone numbers are not in it.
/// </summary>
[Authorize(Roles = Roles.OfficeOrAdmin + "," + Roles.UnitLiaison)]
public sealed class FeedbackController(AppDbContext db, CityClock clock, IStringLocalizer<SharedResource> l) : Controller
{
    /// <summary>The current quarter and the <paramref name="count"/> − 1 before it, newest first.</summary>
    public static IReadOnlyList<(int Year, int Quarter)> RecentQuarters(DateOnly today, int count)
    {
        var list = new List<(int, int)>();
        var (year, quarter) = (today.Year, MemberService.QuarterOf(today));
        for (var i = 0; i < count; i++)
        {
            list.Add((year, quarter));
            (year, quarter) = quarter == 1 ? (year - 1, 4) : (year, quarter - 1);
        }
        return list;
    }

    [HttpGet]
    public async Task<IActionResult> Index(int? unitId, int? year, int? quarter, CancellationToken ct)
    {
        var report = await ReportAsync(unitId, year, quarter, ct);
        return report is null ? NotFound() : View(report);
    }

    [HttpGet]
    public async Task<IActionResult> Print(int? unitId, int? year, int? quarter, CancellationToken ct)
    {
        var report = await ReportAsync(unitId, year, quarter, ct);
        if (report is null)
        {
            return NotFound();
        }
        ViewData["BackUrl"] = Url.Action(nameof(Index), new { unitId = report.UnitId, year = report.Year, quarter = report.Quarter });
        return View(report);
    }

    /// <summary>One row per confirmed service; a member without any in the quarter has one row of 0 hours, so the unit sees who did nothing.</summary>
    [HttpGet]
    public async Task<IActionResult> Export(int? unitId, int? year, int? quarter, CancellationToken ct)
    {
        var report = await ReportAsync(unitId, year, quarter, ct);
        if (report is null)
        {
            return NotFound();
        }
        List<string> headers = [l["Member"], l["Residence community"], l["Reported to"], l["Date"], l["Hours"], l["What was done"], l["Community's remark"], l["Confirmed by"]];
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var m in report.Members)
        {
            if (m.Services.Count == 0)
            {
                rows.Add([m.Name, m.Residence, m.ReportedTo, null, 0m, l["No confirmed service this quarter"].Value, null, null]);
            }
            foreach (var s in m.Services)
            {
                rows.Add([m.Name, m.Residence, s.Community, s.Date, s.Hours, s.Description, s.Remark, s.ConfirmedBy]);
            }
        }
        var name = l["Party members' feedback {0} {1}Q{2}", report.UnitName, report.Year, report.Quarter].Value;
        return new TableExportResult<IReadOnlyList<object?>>("xlsx", name, headers, Async(rows), r => r);
    }

    private static async IAsyncEnumerable<T> Async<T>(IEnumerable<T> items)
    {
        foreach (var item in items)
        {
            yield return item;
        }
        await Task.CompletedTask;
    }

    /// <summary>The report, or null for a unit this user may not see (another unit's liaison: 404) or a quarter out of range.</summary>
    private async Task<FeedbackReport?> ReportAsync(int? unitId, int? year, int? quarter, CancellationToken ct)
    {
        var office = User.IsOfficeOrAdmin();
        var ownUnit = User.IsInRole(Roles.UnitLiaison) ? User.GetUnitId() : null;
        if (!office && (ownUnit is null || unitId is not null && unitId != ownUnit))
        {
            return null;
        }
        var today = clock.Today;
        var quarters = RecentQuarters(today, 8);
        var (y, q) = (year ?? quarters[0].Year, quarter ?? quarters[0].Quarter);
        if (q is < 1 or > 4 || y < Domain.RecordDates.Earliest.Year || y > today.Year)
        {
            return null;
        }
        var units = office
            ? await db.Units.AsNoTracking().Where(u => db.PartyMembers.Any(m => m.UnitId == u.Id)).OrderBy(u => u.Name)
                .Select(u => new SelectListItem(u.Name, u.Id.ToString())).ToListAsync(ct)
            : [];
        var id = ownUnit ?? unitId ?? (units.Count > 0 ? int.Parse(units[0].Value, System.Globalization.CultureInfo.InvariantCulture) : 0);
        var unitName = await db.Units.AsNoTracking().Where(u => u.Id == id).Select(u => u.Name).FirstOrDefaultAsync(ct);
        if (unitName is null)
        {
            return null;
        }
        var (from, to) = MemberService.QuarterSpan(y, q);
        var services = await db.MemberServices.AsNoTracking()
            .Where(s => s.Member!.UnitId == id && s.Status == MemberServiceStatus.Confirmed && s.Date >= from && s.Date <= to)
            .OrderBy(s => s.Date).ThenBy(s => s.Id)
            .Select(s => new { s.MemberId, Service = new FeedbackService(s.Date, s.Report!.Community!.Name, s.Hours, s.Description, s.Remark, s.DecidedBy) })
            .ToListAsync(ct);
        var serving = services.Select(s => s.MemberId).ToHashSet();
        var members = await db.PartyMembers.AsNoTracking()
            .Where(m => m.UnitId == id && (m.IsActive || serving.Contains(m.Id)))
            .OrderBy(m => m.Name).ThenBy(m => m.Id)
            .Select(m => new
            {
                m.Id, m.Name, Residence = m.ResidenceCommunity!.Name,
                Latest = m.Reports.OrderByDescending(r => r.ReportedAt).ThenByDescending(r => r.Id).Select(r => new { r.Community!.Name, r.Status }).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var bySomeone = services.ToLookup(s => s.MemberId, s => s.Service);
        return new FeedbackReport(id, unitName, y, q, from, to,
            [.. members.Select(m => new FeedbackMember(m.Id, m.Name, m.Residence, m.Latest?.Name, m.Latest?.Status, [.. bySomeone[m.Id]]))],
            units, quarters);
    }
}
