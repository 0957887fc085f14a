using CivicPairing.Domain.Needs;
using CivicPairing.Domain.Pairings;
using CivicPairing.Domain.Registry;
using CivicPairing.Web.Data;
using CivicPairing.Web.Identity;
using CivicPairing.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CivicPairing.Web.Features.Needs;

public sealed record NeedLine(int Id, string Title, string CommunityName, DateOnly WantedBy, NeedStatus Status, bool ForMyUnit, bool Paired);

/// <summary>What a home page shows of needs: the office's counts, a secretary's needs under way, the needs a liaison could take.</summary>
public sealed record NeedsPanel(string Role, int AwaitingReview, int Open, int Taken, int Overdue, int ToRate, IReadOnlyList<NeedLine> Lines, DateOnly Today);

/// <summary>The needs panel of each home page: a few bounded queries on the needs' indexes, whatever the province's size.</summary>
public sealed class NeedsPanelViewComponent(AppDbContext db, CityClock clock) : ViewComponent
{
    public const int Shown = 5;

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var user = UserClaimsPrincipal;
        var today = clock.Today;
        if (user.IsOfficeOrAdmin())
        {
            var counts = await db.Needs.AsNoTracking()
                .Where(n => n.Status == NeedStatus.Submitted || n.Status == NeedStatus.Published || n.Status == NeedStatus.Dispatched || n.Status == NeedStatus.Taken || n.Status == NeedStatus.ReportedDone)
                .GroupBy(n => new { n.Status, Late = n.WantedBy < today }).Select(g => new { g.Key.Status, g.Key.Late, Count = g.Count() }).ToListAsync();
            int Of(params NeedStatus[] statuses) => counts.Where(c => statuses.Contains(c.Status)).Sum(c => c.Count);
            return View(new NeedsPanel("office", Of(NeedStatus.Submitted), Of(NeedStatus.Published, NeedStatus.Dispatched), Of(NeedStatus.Taken, NeedStatus.ReportedDone),
                counts.Where(c => c.Late && c.Status != NeedStatus.Submitted).Sum(c => c.Count), Of(NeedStatus.ReportedDone), [], today));
        }
        if (user.IsInRole(Roles.CommunitySecretary) && user.GetCommunityId() is { } communityId)
        {
            var mine = db.Needs.AsNoTracking().Where(n => n.CommunityId == communityId && n.Status != NeedStatus.Rated && n.Status != NeedStatus.Withdrawn);
            var lines = await mine.OrderBy(n => n.Status != NeedStatus.ReportedDone).ThenBy(n => n.WantedBy).ThenBy(n => n.Id).Take(Shown)
                .Select(n => new NeedLine(n.Id, n.Title, n.Community!.Name, n.WantedBy, n.Status, false, false)).ToListAsync();
            var toRate = await mine.CountAsync(n => n.Status == NeedStatus.ReportedDone);
            return View(new NeedsPanel("secretary", 0, 0, 0, 0, toRate, lines, today));
        }
        if (user.IsInRole(Roles.UnitLiaison) && user.GetUnitId() is { } unitId)
        {
            var strengths = await db.Units.Where(u => u.Id == unitId).Select(u => u.Strengths).FirstOrDefaultAsync();
            var paired = db.Pairings.Where(p => p.UnitId == unitId && p.Status == PairingStatus.Active).Select(p => p.CommunityId);
            // Dispatched to her unit, then her paired communities' open needs, then those matching her unit's strengths.
            var couldTake = db.Needs.AsNoTracking().Where(n => (n.Status == NeedStatus.Dispatched && n.DispatchedToUnitId == unitId)
                || (n.Status == NeedStatus.Published && (paired.Contains(n.CommunityId) || (n.Skills & strengths) != Strengths.None)));
            var lines = await couldTake
                .OrderByDescending(n => n.Status == NeedStatus.Dispatched).ThenByDescending(n => paired.Contains(n.CommunityId)).ThenBy(n => n.WantedBy).ThenBy(n => n.Id)
                .Take(Shown)
                .Select(n => new NeedLine(n.Id, n.Title, n.Community!.Name, n.WantedBy, n.Status, n.Status == NeedStatus.Dispatched, paired.Contains(n.CommunityId)))
                .ToListAsync();
            var taken = await db.Needs.CountAsync(n => n.TakenByUnitId == unitId && n.Status == NeedStatus.Taken);
            return View(new NeedsPanel("liaison", 0, lines.Count, taken, 0, 0, lines, today));
        }
        return Content("");
    }
}
