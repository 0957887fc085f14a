using CivicPairing.Domain.Agreements;
using CivicPairing.Domain.Pairings;
using CivicPairing.Web.Data;
using CivicPairing.Web.Features.Tasks;
using CivicPairing.Web.Identity;
using CivicPairing.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CivicPairing.Web.Features.Home;

/// <summary>The common part of every home page ("what needs you now"), with the role's own dashboard beside it.</summary>
public sealed record HomePage(string DisplayName, string? PartyName, WorkWaiting Work)
{
    public OfficeDashboard? Office { get; init; }
    public LiaisonHome? Liaison { get; init; }
    public SecretaryHome? Secretary { get; init; }
}

/// <summary>What needs this user now: each count links to the list behind it.</summary>
public sealed record WorkWaiting(int ProposalsToDecide, int AgreementsToSign, int AgreementsToFile, int TasksToConfirm, int OverdueTasks)
{
    /// <summary>Past this many a count is a hint ("999+"), not worth counting a province's rows for on every home page.</summary>
    public const int CountCap = 999;
}

/// <summary>
/// Every role lands here on "what needs me now" and "how are we doing": the office on the city dashboard
/// (filtered by period and street), a liaison on the unit's pairings and score, a secretary on her inbox and units.
/// </summary>
public sealed class HomeController(AppDbContext db, PartyAccess access, Dashboards dashboards, CityClock clock) : Controller
{
    /// <summary>Every signed-in user lands here; a party member is sent on to their own page.</summary>
    [Authorize]
    public async Task<IActionResult> Index(int? year, int? quarter, string? street, CancellationToken ct)
    {
        if (User.IsInRole(Roles.PartyMember))
        {
            return RedirectToAction("Index", "Me");
        }
        var unitId = User.GetUnitId();
        var communityId = User.GetCommunityId();
        var partyName = unitId is not null
            ? await db.Units.Where(u => u.Id == unitId).Select(u => u.Name).FirstOrDefaultAsync()
            : communityId is not null
                ? await db.Communities.Where(c => c.Id == communityId).Select(c => c.Name).FirstOrDefaultAsync()
                : null;

        var page = new HomePage(User.GetDisplayName(), partyName, await WorkWaitingAsync());
        if (User.IsOfficeOrAdmin())
        {
            page = page with { Office = await dashboards.OfficeAsync(await dashboards.FilterAsync(year, quarter, street, ct), Url, ct) };
        }
        else if (unitId is { } unit)
        {
            page = page with { Liaison = await dashboards.LiaisonAsync(User, unit, ct) };
        }
        else if (communityId is { } community)
        {
            page = page with { Secretary = await dashboards.SecretaryAsync(community, ct) };
        }
        return View(page);
    }

    private async Task<WorkWaiting> WorkWaitingAsync()
    {
        var today = clock.Today;
        var office = User.IsOfficeOrAdmin();
        var agreements = access.VisibleAgreements(User);
        var tasks = access.VisibleTasks(User).OfAgreementsInForce(db.Agreements);
        return new WorkWaiting(
            office ? await db.Pairings.CountAsync(p => p.Status == PairingStatus.Proposed) : 0,
            User.IsInRole(Roles.UnitLiaison) ? await agreements.CountAsync(a => a.Status == AgreementStatus.Draft)
                : User.IsInRole(Roles.CommunitySecretary) ? await agreements.CountAsync(a => a.Status == AgreementStatus.SignedByUnit) : 0,
            office ? await agreements.CountAsync(a => a.Status == AgreementStatus.SignedByBoth) : 0,
            User.IsInRole(Roles.CommunitySecretary) ? await tasks.CountAsync(t => t.Status == AgreementTaskStatus.ReportedDone) : 0,
            await tasks.Where(AgreementTask.OverdueOn(today)).Take(WorkWaiting.CountCap + 1).CountAsync());
    }
}
