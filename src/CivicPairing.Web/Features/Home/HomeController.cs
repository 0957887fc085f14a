using CivicPairing.Domain.Agreements;
using CivicPairing.Domain.Pairings;
using CivicPairing.Web.Data;
using CivicPairing.Web.Identity;
using CivicPairing.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CivicPairing.Web.Features.Home;

/// <summary>The common part of every home page, with the role's own dashboard beside it.</summary>
public sealed record HomePage(string DisplayName, string? PartyName, int ActiveUnits, int ActiveCommunities, int ActivePairings, int UnpairedCommunities, WorkWaiting Work, ConfirmedTotals Totals)
{
    public OfficeDashboard? Office { get; init; }
    public LiaisonHome? Liaison { get; init; }
    public SecretaryHome? Secretary { get; init; }
}

/// <summary>What the user's visible pairings did, counting confirmed activities only: unconfirmed work counts nowhere.</summary>
public sealed record ConfirmedTotals(int Activities, int PeopleSent, decimal PersonHours, decimal Funds);

/// <summary>What needs this user now: each count links to the list behind it.</summary>
public sealed record WorkWaiting(int ProposalsToDecide, int AgreementsToSign, int AgreementsToFile, int TasksToConfirm, int OverdueTasks);

/// <summary>
/// Every role lands here on "what needs me now" and "how are we doing": the office on the city dashboard
/// (filtered by period and street), a liaison on the unit's pairings and score, a secretary on her inbox and units.
/// </summary>
public sealed class HomeController(AppDbContext db, PartyAccess access, Dashboards dashboards) : Controller
{
    public async Task<IActionResult> Index(int? year, int? quarter, string? street, CancellationToken ct)
    {
        var unitId = User.GetUnitId();
        var communityId = User.GetCommunityId();
        var partyName = unitId is not null
            ? await db.Units.Where(u => u.Id == unitId).Select(u => u.Name).FirstOrDefaultAsync()
            : communityId is not null
                ? await db.Communities.Where(c => c.Id == communityId).Select(c => c.Name).FirstOrDefaultAsync()
                : null;

        var activePairings = db.Pairings.Where(p => p.Status == PairingStatus.Active);
        if (unitId is not null)
        {
            activePairings = activePairings.Where(p => p.UnitId == unitId);
        }
        else if (communityId is not null)
        {
            activePairings = activePairings.Where(p => p.CommunityId == communityId);
        }

        var page = new HomePage(
            User.GetDisplayName(),
            partyName,
            await db.Units.CountAsync(u => u.IsActive),
            await db.Communities.CountAsync(c => c.IsActive),
            await activePairings.CountAsync(),
            await db.Communities.CountAsync(c => c.IsActive && !db.Pairings.Any(p => p.CommunityId == c.Id && p.Status == PairingStatus.Active)),
            await WorkWaitingAsync(),
            await ConfirmedTotalsAsync());
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

    /// <summary>One aggregate query over the confirmed activities the user may see.</summary>
    private async Task<ConfirmedTotals> ConfirmedTotalsAsync()
    {
        var totals = await access.VisibleActivities(User)
            .Where(a => a.Status == Domain.Activities.ActivityStatus.Confirmed)
            .GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), People = g.Sum(a => a.PeopleSent), Hours = g.Sum(a => (double)a.PersonHours), Funds = g.Sum(a => (double)a.Funds) })
            .FirstOrDefaultAsync();
        return totals is null ? new ConfirmedTotals(0, 0, 0, 0) : new ConfirmedTotals(totals.Count, totals.People, (decimal)totals.Hours, (decimal)totals.Funds);
    }

    private async Task<WorkWaiting> WorkWaitingAsync()
    {
        var today = Format.Today;
        var office = User.IsOfficeOrAdmin();
        var agreements = access.VisibleAgreements(User);
        var tasks = access.VisibleTasks(User).Where(t => t.Agreement!.Status == AgreementStatus.Filed);
        return new WorkWaiting(
            office ? await db.Pairings.CountAsync(p => p.Status == PairingStatus.Proposed) : 0,
            User.IsInRole(Roles.UnitLiaison) ? await agreements.CountAsync(a => a.Status == AgreementStatus.Draft)
                : User.IsInRole(Roles.CommunitySecretary) ? await agreements.CountAsync(a => a.Status == AgreementStatus.SignedByUnit) : 0,
            office ? await agreements.CountAsync(a => a.Status == AgreementStatus.SignedByBoth) : 0,
            User.IsInRole(Roles.CommunitySecretary) ? await tasks.CountAsync(t => t.Status == AgreementTaskStatus.ReportedDone) : 0,
            await tasks.CountAsync(t => (t.Status == AgreementTaskStatus.Open || t.Status == AgreementTaskStatus.ReportedDone) && t.DueDate < today));
    }
}
