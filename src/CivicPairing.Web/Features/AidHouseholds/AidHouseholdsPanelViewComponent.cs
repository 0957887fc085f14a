using CivicPairing.Domain.AidHouseholds;
using CivicPairing.Web.Identity;
using CivicPairing.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CivicPairing.Web.Features.AidHouseholds;

/// <summary>
/// What a liaison's or a secretary's home page shows of 一户一方案: counts only (no names), each linking to the list behind it.
/// <see cref="Visits"/> is the secretary's only (null for a liaison).
/// </summary>
public sealed record AidHouseholdsPanel(int InAid, int PlanOverdue, int? Visits, DateOnly VisitsSince);

/// <summary>
/// Households 帮扶中 and plans overdue among those the viewer may see (her community's, or those the unit helps), and for a
/// secretary the confirmed visits and help of the last <see cref="AidHouseholdsController.VisitDays"/> days. A few counts
/// along the households' (CommunityId, Status) and (PairingId, Status) indexes, whatever the province's size.
/// </summary>
public sealed class AidHouseholdsPanelViewComponent(PartyAccess access, CityClock clock) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var user = UserClaimsPrincipal;
        var secretary = user.IsInRole(Roles.CommunitySecretary) && user.GetCommunityId() is not null;
        if (!secretary && !(user.IsInRole(Roles.UnitLiaison) && user.GetUnitId() is not null))
        {
            return Content("");
        }
        var today = clock.Today;
        var households = access.VisibleHouseholds(user).AsNoTracking();
        var inAid = await households.CountAsync(h => h.Status == AidStatus.InAid);
        var overdue = await households.Where(AidHousehold.PlanOverdueOn(today)).CountAsync();
        var since = today.AddDays(-AidHouseholdsController.VisitDays);
        // The same filter the activities list applies for the link (the viewer's activities, confirmed, since, for a household).
        int? visits = secretary ? await AidHouseholdsController.VisitsSince(access.VisibleActivities(user).AsNoTracking(), since).CountAsync() : null;
        return View(new AidHouseholdsPanel(inAid, overdue, visits, since));
    }
}
