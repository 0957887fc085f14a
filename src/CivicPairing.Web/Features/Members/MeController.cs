using CivicPairing.Domain.Members;
using CivicPairing.Web.Data;
using CivicPairing.Web.Identity;
using CivicPairing.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CivicPairing.Web.Features.Members;

public sealed record MyPage(PartyMember Member, string UnitName, string ResidenceName, IReadOnlyList<MemberReport> Reports, MemberReport? OpenReport,
    IReadOnlyList<MemberService> Services, decimal HoursThisYear, decimal HoursThisQuarter, decimal HoursAwaiting, ServiceInput Form, DateOnly Today);

/// <summary>
/// A party member's one page (phone-friendly): my report, my service, my confirmed hours this year and quarter, and the form to
/// record service. The member is the account's own record (<see cref="PartyClaims.GetMemberId"/>); nothing here takes an id.
/// </summary>
[Authorize(Roles = Roles.PartyMember)]
public sealed class MeController(AppDbContext db, CityClock clock, IStringLocalizer<SharedResource> l, IValidator<ServiceInput> validator) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var page = await PageAsync(null, ct);
        return page is null ? NotFound() : View(page);
    }

    /// <summary>报到: the member reports to the community where they live.</summary>
    [HttpPost]
    public async Task<IActionResult> Report(CancellationToken ct)
    {
        var member = await MemberAsync(ct);
        if (member is null)
        {
            return NotFound();
        }
        await MembersController.SubmitReportAsync(db, member, User.Identity?.Name ?? "", clock.Now, this, l, ct);
        return RedirectToAction(nameof(Index));
    }

    /// <summary>The member records service from a phone; the community's secretary confirms it.</summary>
    [HttpPost]
    public async Task<IActionResult> Record(ServiceInput input, CancellationToken ct)
    {
        var member = await MemberAsync(ct);
        if (member is null)
        {
            return NotFound();
        }
        input.Remark = null;
        if (await MembersController.RecordServiceAsync(db, validator, member.Id, _ => true, input, bySecretary: false, User.Identity?.Name ?? "", clock, l, ModelState, ct))
        {
            TempData["Success"] = l["Service recorded. The community's secretary confirms it next."].Value;
            return RedirectToAction(nameof(Index));
        }
        return View(nameof(Index), await PageAsync(input, ct));
    }

    private Task<PartyMember?> MemberAsync(CancellationToken ct)
    {
        var id = User.GetMemberId() ?? 0;
        return db.PartyMembers.FirstOrDefaultAsync(m => m.Id == id && m.IsActive, ct);
    }

    private async Task<MyPage?> PageAsync(ServiceInput? form, CancellationToken ct)
    {
        var id = User.GetMemberId() ?? 0;
        var member = await db.PartyMembers.AsNoTracking().Include(m => m.Unit).Include(m => m.ResidenceCommunity).FirstOrDefaultAsync(m => m.Id == id, ct);
        if (member is null)
        {
            return null;
        }
        var today = clock.Today;
        var reports = await db.MemberReports.AsNoTracking().Include(r => r.Community).Where(r => r.MemberId == id)
            .OrderByDescending(r => r.ReportedAt).ThenByDescending(r => r.Id).ToListAsync(ct);
        var services = await db.MemberServices.AsNoTracking().Where(s => s.MemberId == id)
            .OrderByDescending(s => s.Date).ThenByDescending(s => s.Id).Take(100).ToListAsync(ct);
        var yearStart = new DateOnly(today.Year, 1, 1);
        var (quarterStart, _) = MemberService.QuarterSpan(today.Year, MemberService.QuarterOf(today));
        var hours = await db.MemberServices.AsNoTracking().Where(s => s.MemberId == id && s.Date >= yearStart && s.Status != MemberServiceStatus.Rejected)
            .Select(s => new { s.Date, s.Hours, s.Status }).ToListAsync(ct);
        return new MyPage(member, member.Unit!.Name, member.ResidenceCommunity!.Name, reports, reports.FirstOrDefault(r => MemberReport.IsOpen(r.Status)), services,
            hours.Where(h => h.Status == MemberServiceStatus.Confirmed).Sum(h => h.Hours),
            hours.Where(h => h.Status == MemberServiceStatus.Confirmed && h.Date >= quarterStart).Sum(h => h.Hours),
            hours.Where(h => h.Status == MemberServiceStatus.Submitted).Sum(h => h.Hours),
            form ?? new ServiceInput { Date = today }, today);
    }
}
