using CivicPairing.Domain.Members;
using CivicPairing.Web.Data;
using CivicPairing.Web.Identity;
using CivicPairing.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CivicPairing.Web.Features.Members;

/// <summary>What a home page shows of 双报到: counts only (no names), each linking to the list behind it.</summary>
public sealed record MembersPanel(string Role, int Registered, int Accepted, int Pending, int ServiceToConfirm, int Year, int Quarter);

/// <summary>The office's city-wide counts, a liaison's unit's members reported or not, a secretary's reports and service awaiting her.</summary>
public sealed class MembersPanelViewComponent(AppDbContext db, CityClock clock) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var user = UserClaimsPrincipal;
        var today = clock.Today;
        var (year, quarter) = (today.Year, MemberService.QuarterOf(today));
        var members = db.PartyMembers.AsNoTracking().Where(m => m.IsActive);
        string role;
        if (user.IsOfficeOrAdmin())
        {
            role = "office";
        }
        else if (user.IsInRole(Roles.UnitLiaison) && user.GetUnitId() is { } unitId)
        {
            role = "liaison";
            members = members.Where(m => m.UnitId == unitId);
        }
        else if (user.IsInRole(Roles.CommunitySecretary) && user.GetCommunityId() is { } communityId)
        {
            var pending = await db.MemberReports.CountAsync(r => r.CommunityId == communityId && r.Status == MemberReportStatus.Pending);
            var accepted = await db.MemberReports.CountAsync(r => r.CommunityId == communityId && r.Status == MemberReportStatus.Accepted);
            var toConfirm = await db.MemberServices.CountAsync(s => s.CommunityId == communityId && s.Status == MemberServiceStatus.Submitted);
            return View(new MembersPanel("secretary", 0, accepted, pending, toConfirm, year, quarter));
        }
        else
        {
            return Content("");
        }
        return View(new MembersPanel(role,
            await members.CountAsync(),
            await members.CountAsync(m => m.Reports.Any(r => r.Status == MemberReportStatus.Accepted)),
            await members.CountAsync(m => m.Reports.Any(r => r.Status == MemberReportStatus.Pending)),
            0, year, quarter));
    }
}
