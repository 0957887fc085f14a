using CivicPairing.Domain.Activities;
using CivicPairing.Domain.Agreements;
using CivicPairing.Web.Identity;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewComponents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CivicPairing.Web.Features.Activities;

/// <summary>
/// The count beside a menu item of what waits for this user: confirmations for a secretary,
/// disputed activities and returned tasks for a liaison. Nothing for the office.
/// </summary>
public sealed class AttentionViewComponent(PartyAccess access, IStringLocalizer<SharedResource> l) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string area)
    {
        var user = UserClaimsPrincipal;
        var count = (area, user.IsInRole(Roles.CommunitySecretary), user.IsInRole(Roles.UnitLiaison)) switch
        {
            ("activities", true, _) => await access.VisibleActivities(user).CountAsync(a => a.Status == ActivityStatus.Submitted),
            ("activities", _, true) => await access.VisibleActivities(user).CountAsync(a => a.Status == ActivityStatus.Disputed),
            ("tasks", true, _) => await access.VisibleTasks(user).CountAsync(t => t.Status == AgreementTaskStatus.ReportedDone),
            ("tasks", _, true) => await access.VisibleTasks(user).CountAsync(t => t.Status == AgreementTaskStatus.Open && t.ReturnReason != null),
            _ => 0,
        };
        if (count == 0)
        {
            return Content("");
        }
        var label = System.Net.WebUtility.HtmlEncode(l["{0} waiting for you", count].Value);
        return new HtmlContentViewComponentResult(new HtmlString($" <span class=\"badge rounded-pill text-bg-warning attention\" title=\"{label}\"><span aria-hidden=\"true\">{count}</span><span class=\"visually-hidden\">{label}</span></span>"));
    }
}
