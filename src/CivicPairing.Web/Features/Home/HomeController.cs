using CivicPairing.Domain.Pairings;
using CivicPairing.Web.Data;
using CivicPairing.Web.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CivicPairing.Web.Features.Home;

public sealed record HomePage(string DisplayName, string? PartyName, int ActiveUnits, int ActiveCommunities, int ActivePairings, int UnpairedCommunities);

/// <summary>The landing page for every role; role dashboards grow here in later issues.</summary>
public sealed class HomeController(AppDbContext db) : Controller
{
    public async Task<IActionResult> Index()
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
            await db.Communities.CountAsync(c => c.IsActive && !db.Pairings.Any(p => p.CommunityId == c.Id && p.Status == PairingStatus.Active)));
        return View(page);
    }
}
