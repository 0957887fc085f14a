using CivicPairing.Domain;
using CivicPairing.Domain.Activities;
using CivicPairing.Domain.Evidence;
using CivicPairing.Domain.Needs;
using CivicPairing.Domain.Pairings;
using CivicPairing.Domain.Registry;
using CivicPairing.Web.Data;
using CivicPairing.Web.Identity;
using CivicPairing.Web.Infrastructure;
using CivicPairing.Web.Infrastructure.Evidence;
using CivicPairing.Web.Infrastructure.Validation;
using FluentValidation;
using FluentValidation.AspNetCore;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CivicPairing.Web.Features.Needs;

public sealed class NeedListQuery : ListQuery
{
    public NeedStatus? Status { get; set; }
    public ActivityCategory? Category { get; set; }
    public bool Overdue { get; set; }
    public string? Street { get; set; }

    public override Dictionary<string, string?> ToRouteValues()
    {
        var values = BaseRouteValues();
        values["status"] = Status?.ToString();
        values["category"] = Category?.ToString();
        values["overdue"] = Overdue ? "true" : null;
        values["street"] = string.IsNullOrWhiteSpace(Street) ? null : Street;
        return values;
    }
}

public sealed record NeedRow(int Id, string Title, ActivityCategory Category, string CommunityName, string Street, DateOnly WantedBy, NeedStatus Status,
    string? UnitName, bool Paired, bool Matches)
{
    public bool IsOverdue(DateOnly today) => Need.IsOverdue(Status, WantedBy, today);
}

public sealed record NeedListPage(NeedListQuery Query, PagedList<NeedRow> Needs, DateOnly Today);

public sealed record NeedTally(string Name, bool Open, bool Overdue, int Count);

public sealed record NeedOverviewRow(string Name, int Open, int Taken, int Overdue);

public sealed record NeedOverview(IReadOnlyList<NeedOverviewRow> ByStreet, IReadOnlyList<NeedOverviewRow> ByCategory, double? MedianDaysToTake,
    double? MedianDaysToFinish, int TakenLastYear)
{
    /// <summary>Open (published or dispatched) and taken (taken or reported) needs per name, overdue among both; busiest first.</summary>
    public static IReadOnlyList<NeedOverviewRow> Rows(IEnumerable<NeedTally> tallies) =>
        [.. tallies.GroupBy(t => t.Name)
            .Select(g => new NeedOverviewRow(g.Key, g.Where(t => t.Open).Sum(t => t.Count), g.Where(t => !t.Open).Sum(t => t.Count), g.Where(t => t.Overdue).Sum(t => t.Count)))
            .OrderByDescending(r => r.Overdue).ThenByDescending(r => r.Open + r.Taken).ThenBy(r => r.Name, StringComparer.Ordinal)];

    public static double? Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? null
            : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2]
            : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}

public sealed record UnitChoice(int Id, string Name, bool Paired);

public sealed record NeedPage(Need Need, IReadOnlyList<NeedEvent> History, bool ForCommunity, bool ForOffice, int? LiaisonUnitId, bool MayTake,
    IReadOnlyList<UnitChoice> DispatchChoices, DateOnly Today);

/// <summary>
/// 需求: 群众点单 → 中心派单 → 单位接单 → 群众评单. The community posts, the office publishes or dispatches, a unit takes and
/// reports, the community rates. Each step is the domain's (<see cref="Need"/>); here they are loaded, checked and saved.
/// </summary>
public sealed class NeedsController(AppDbContext db, PartyAccess access, EvidenceUploads uploads, CityClock clock, IStringLocalizer<SharedResource> l,
    IValidator<NeedInput> validator, IOptions<NeedOptions> options) : Controller
{
    /// <summary>How many units the dispatch list offers: the paired and matching ones come first.</summary>
    private const int DispatchChoices = 50;

    private string Actor => User.Identity?.Name ?? "";

    [HttpGet]
    public async Task<IActionResult> Index(NeedListQuery query, CancellationToken ct)
    {
        var today = clock.Today;
        var needs = access.VisibleNeeds(User).AsNoTracking();
        if (query.SearchText is { } q)
        {
            needs = needs.Where(n => n.Title.Contains(q) || n.Community!.Name.Contains(q));
        }
        if (query.Status is { } status)
        {
            needs = needs.Where(n => n.Status == status);
        }
        if (query.Category is { } category)
        {
            needs = needs.Where(n => n.Category == category);
        }
        if (query.Overdue)
        {
            needs = needs.Where(Need.OverdueOn(today));
        }
        if (!string.IsNullOrWhiteSpace(query.Street))
        {
            needs = needs.Where(n => n.Community!.Street == query.Street);
        }
        var unitId = User.IsInRole(Roles.UnitLiaison) ? User.GetUnitId() ?? 0 : 0;
        var strengths = unitId == 0 ? Strengths.None : await db.Units.Where(u => u.Id == unitId).Select(u => u.Strengths).FirstOrDefaultAsync(ct);
        var paired = db.Pairings.Where(p => p.UnitId == unitId && p.Status == PairingStatus.Active).Select(p => p.CommunityId);
        // For a liaison: what was dispatched to her unit, then open needs of her paired communities, then those that match
        // her unit's strengths, then the rest, each soonest wanted first. For the others: still to do first, soonest first.
        var rows = await needs.ToPagedListAsync(n => n
            .OrderByDescending(x => x.DispatchedToUnitId == unitId && unitId != 0)
            .ThenByDescending(x => paired.Contains(x.CommunityId))
            .ThenByDescending(x => (x.Skills & strengths) != 0)
            .ThenBy(x => x.Status == NeedStatus.Rated || x.Status == NeedStatus.Withdrawn || x.Status == NeedStatus.Returned)
            .ThenBy(x => x.WantedBy).ThenBy(x => x.Id)
            .Select(x => new NeedRow(x.Id, x.Title, x.Category, x.Community!.Name, x.Community.Street, x.WantedBy, x.Status,
                x.TakenBy != null ? x.TakenBy.Name : x.DispatchedTo != null ? x.DispatchedTo.Name : null,
                paired.Contains(x.CommunityId), (x.Skills & strengths) != 0)), query.Page, ct: ct);
        return View(new NeedListPage(query, rows, today));
    }

    /// <summary>The office's picture: open, taken and overdue needs by street and by category, and how long taking and finishing take.</summary>
    [Authorize(Roles = Roles.OfficeOrAdmin)]
    [HttpGet]
    public async Task<IActionResult> Overview(CancellationToken ct)
    {
        var today = clock.Today;
        var live = db.Needs.AsNoTracking().Where(n => n.Status == NeedStatus.Published || n.Status == NeedStatus.Dispatched
            || n.Status == NeedStatus.Taken || n.Status == NeedStatus.ReportedDone);
        var byStreet = await live.GroupBy(n => new { n.Community!.Street, Open = n.Status == NeedStatus.Published || n.Status == NeedStatus.Dispatched, Overdue = n.WantedBy < today })
            .Select(g => new NeedTally(g.Key.Street, g.Key.Open, g.Key.Overdue, g.Count())).ToListAsync(ct);
        var byCategory = await live.GroupBy(n => new { n.Category, Open = n.Status == NeedStatus.Published || n.Status == NeedStatus.Dispatched, Overdue = n.WantedBy < today })
            .Select(g => new { g.Key.Category, g.Key.Open, g.Key.Overdue, Count = g.Count() }).ToListAsync(ct);
        // The last year's taken needs: how many days from publishing to taking, and from taking to the community's rating.
        var since = clock.Now.AddDays(-365);
        var spans = await db.Needs.AsNoTracking().Where(n => n.TakenAt >= since && n.PublishedAt != null)
            .Select(n => new { n.PublishedAt, n.TakenAt, n.RatedAt }).ToListAsync(ct);
        return View(new NeedOverview(
            NeedOverview.Rows(byStreet),
            NeedOverview.Rows(byCategory.Select(c => new NeedTally(l.Text(c.Category), c.Open, c.Overdue, c.Count))),
            NeedOverview.Median(spans.Select(x => (x.TakenAt!.Value - x.PublishedAt!.Value).TotalDays)),
            NeedOverview.Median(spans.Where(x => x.RatedAt is not null).Select(x => (x.RatedAt!.Value - x.TakenAt!.Value).TotalDays)),
            spans.Count));
    }

    [HttpGet]
    public async Task<IActionResult> Details(int id, CancellationToken ct)
    {
        var need = await LoadAsync(id, tracking: false, ct);
        if (need is null)
        {
            return NotFound();
        }
        var history = await db.NeedEvents.AsNoTracking().Where(e => e.NeedId == id).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(ct);
        var unitId = User.IsInRole(Roles.UnitLiaison) ? User.GetUnitId() : null;
        var choices = User.IsOfficeOrAdmin() && need.Status == NeedStatus.Published ? await DispatchChoicesAsync(need, ct) : [];
        return View(new NeedPage(need, history, ActsForCommunity(need), User.IsOfficeOrAdmin(), unitId,
            unitId is { } u && await MayTakeAsync(u, need.CommunityId, ct), choices, clock.Today));
    }

    [Authorize(Roles = Roles.CommunitySecretary)]
    [HttpGet]
    public IActionResult Post() => View(new NeedInput { WantedBy = clock.Today.AddDays(30) });

    /// <summary>点单: the secretary posts her community's need, with photos of the place if she has them; the office reviews it next.</summary>
    [Authorize(Roles = Roles.CommunitySecretary)]
    [HttpPost]
    [RequestSizeLimit(EvidenceUploads.MaxFiles * EvidenceUploads.MaxFileBytes + 1024 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = EvidenceUploads.MaxFiles * EvidenceUploads.MaxFileBytes + 1024 * 1024)]
    public async Task<IActionResult> Post(NeedInput input, List<IFormFile>? files, CancellationToken ct)
    {
        if (User.GetCommunityId() is not { } communityId)
        {
            return Forbid();
        }
        files ??= [];
        (await validator.ValidateAsync(input, ct)).AddToModelState(ModelState);
        if (await uploads.CheckAsync(files, ct) is { } problem)
        {
            ModelState.AddModelError("files", problem);
        }
        if (ModelState.IsValid)
        {
            var stored = new List<EvidenceFile>();
            try
            {
                stored = await uploads.StoreAsync(files, Actor, ct);
                var need = Need.Post(communityId, input.Title!, input.Category!.Value, input.Description, input.Place, input.WantedBy!.Value,
                    input.Skills.Combine(), input.Budget, clock.Today, Actor, clock.Now);
                need.Evidence.AddRange(stored);
                db.Needs.Add(need);
                await db.SaveChangesAsync(ct);
                TempData["Success"] = l["Need posted. The civilization office reviews it next."].Value;
                return RedirectToAction(nameof(Details), new { id = need.Id });
            }
            catch (DomainException refusal)
            {
                uploads.Discard(stored);
                db.ChangeTracker.Clear();
                ModelState.AddDomainError(l, refusal);
            }
            catch
            {
                uploads.Discard(stored);
                throw;
            }
        }
        uploads.AskAgainForFiles(ModelState, files);
        return View(input);
    }

    [Authorize(Roles = Roles.CommunitySecretary)]
    [HttpPost]
    public Task<IActionResult> Withdraw(int id, Guid version, CancellationToken ct) =>
        StepAsync(id, version, ActsForCommunity, n => n.Withdraw(Actor, clock.Now), l["Need withdrawn."], ct);

    [Authorize(Roles = Roles.OfficeOrAdmin)]
    [HttpPost]
    public Task<IActionResult> Publish(int id, Guid version, CancellationToken ct) =>
        StepAsync(id, version, _ => true, n => n.Publish(Actor, clock.Now), l["Published: units can take it now."], ct);

    [Authorize(Roles = Roles.OfficeOrAdmin)]
    [HttpPost]
    public Task<IActionResult> Return(int id, string? reason, Guid version, CancellationToken ct) =>
        StepAsync(id, version, _ => true, n => n.ReturnToCommunity(reason ?? "", Actor, clock.Now), l["Returned to the community with your reason."], ct);

    /// <summary>派单: the office offers the need to one unit.</summary>
    [Authorize(Roles = Roles.OfficeOrAdmin)]
    [HttpPost]
    public async Task<IActionResult> Dispatch(int id, int? unitId, Guid version, CancellationToken ct)
    {
        var unit = unitId is { } uid ? await db.Units.AsNoTracking().Where(u => u.Id == uid && u.IsActive).Select(u => new { u.Id, u.Name }).FirstOrDefaultAsync(ct) : null;
        if (unit is null)
        {
            TempData["Error"] = l["Choose the unit to dispatch the need to."].Value;
            return RedirectToAction(nameof(Details), new { id });
        }
        return await StepAsync(id, version, _ => true, n => n.Dispatch(unit.Id, unit.Name, Actor, clock.Now), l["Dispatched to {0}. The unit accepts or declines it next.", unit.Name], ct);
    }

    [Authorize(Roles = Roles.UnitLiaison)]
    [HttpPost]
    public Task<IActionResult> Accept(int id, Guid version, CancellationToken ct) =>
        StepAsync(id, version, _ => true, n => n.Accept(User.GetUnitId() ?? 0, Actor, clock.Now), l["Accepted: the need is your unit's task now."], ct);

    [Authorize(Roles = Roles.UnitLiaison)]
    [HttpPost]
    public Task<IActionResult> Decline(int id, string? reason, Guid version, CancellationToken ct) =>
        StepAsync(id, version, _ => true, n => n.Decline(User.GetUnitId() ?? 0, reason ?? "", Actor, clock.Now), l["Declined. The office sees your reason."], ct);

    /// <summary>
    /// 接单. Guarded by the version the need had when this request read it, not the one the form showed: a form left open
    /// is no reason to refuse, but of two liaisons taking the same need at once, the database lets exactly one write.
    /// </summary>
    [Authorize(Roles = Roles.UnitLiaison)]
    [HttpPost]
    public async Task<IActionResult> Take(int id, CancellationToken ct)
    {
        var unitId = User.GetUnitId() ?? 0;
        var need = await LoadAsync(id, tracking: true, ct);
        if (need is null)
        {
            // Taken by another unit a moment ago: it was open to all, so saying so tells nothing she could not see.
            if (await db.Needs.AnyAsync(n => n.Id == id && n.TakenByUnitId != null && n.TakenByUnitId != unitId, ct))
            {
                TempData["Error"] = l["Another unit has taken this need already."].Value;
                return RedirectToAction(nameof(Index));
            }
            return NotFound();
        }
        var mayTake = await MayTakeAsync(unitId, need.CommunityId, ct);
        try
        {
            if (await Concurrency.TrySaveAsync(db, need, need.Version, () => need.Take(unitId, mayTake, Actor, clock.Now), ct))
            {
                TempData["Success"] = l["Taken: the need is your unit's task now. Report it done when the work is finished."].Value;
            }
            else
            {
                TempData["Error"] = l["Another unit has taken this need already."].Value;
                return RedirectToAction(nameof(Index));
            }
        }
        catch (DomainException refusal)
        {
            TempData["Error"] = l.Text(refusal);
        }
        return RedirectToAction(nameof(Details), new { id });
    }

    /// <summary>The unit that took the need says what was done, with photos or documents as evidence.</summary>
    [Authorize(Roles = Roles.UnitLiaison)]
    [HttpPost]
    [RequestSizeLimit(EvidenceUploads.MaxFiles * EvidenceUploads.MaxFileBytes + 1024 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = EvidenceUploads.MaxFiles * EvidenceUploads.MaxFileBytes + 1024 * 1024)]
    public async Task<IActionResult> Report(int id, string? note, Guid version, List<IFormFile>? files, CancellationToken ct)
    {
        files ??= [];
        if (await uploads.CheckAsync(files, ct) is { } problem)
        {
            TempData["Error"] = problem;
            return await LoadAsync(id, tracking: false, ct) is null ? NotFound() : RedirectToAction(nameof(Details), new { id });
        }
        var stored = new List<EvidenceFile>();
        try
        {
            return await StepAsync(id, version, _ => true, async n =>
            {
                n.ReportDone(User.GetUnitId() ?? 0, note ?? "", Actor, clock.Now);
                stored = await uploads.StoreAsync(files, Actor, ct);
                n.Evidence.AddRange(stored);
            }, l["Reported done. The community rates it next."], ct, () => uploads.Discard(stored));
        }
        catch
        {
            uploads.Discard(stored);
            throw;
        }
    }

    /// <summary>评单: only the posting community rates the work.</summary>
    [Authorize(Roles = Roles.CommunitySecretary)]
    [HttpPost]
    public Task<IActionResult> Rate(int id, int? rating, string? comment, Guid version, CancellationToken ct) =>
        StepAsync(id, version, ActsForCommunity, n => n.Rate(rating ?? 0, comment, Actor, clock.Now), l["Rated. The work now counts for the unit."], ct);

    [Authorize(Roles = Roles.CommunitySecretary)]
    [HttpPost]
    public Task<IActionResult> SendBack(int id, string? reason, Guid version, CancellationToken ct) =>
        StepAsync(id, version, ActsForCommunity, n => n.SendBack(reason ?? "", Actor, clock.Now), l["Returned to the unit with your reason."], ct);

    private bool ActsForCommunity(Need need) =>
        User.IsInRole(Roles.CommunitySecretary) && User.GetCommunityId() == need.CommunityId;

    private Task<IActionResult> StepAsync(int id, Guid version, Func<Need, bool> allowed, Action<Need> step, string success, CancellationToken ct) =>
        StepAsync(id, version, allowed, n =>
        {
            step(n);
            return Task.CompletedTask;
        }, success, ct);

    /// <summary>One step of the need's life for those allowed to take it: 404 for a need the user may not see, 403 for one they may see but not act on.</summary>
    private async Task<IActionResult> StepAsync(int id, Guid version, Func<Need, bool> allowed, Func<Need, Task> step, string success, CancellationToken ct, Action? refused = null)
    {
        var need = await LoadAsync(id, tracking: true, ct);
        if (need is null)
        {
            return NotFound();
        }
        if (!allowed(need))
        {
            return Forbid();
        }
        if (!await this.TryStepAsync(db, need, version, () => step(need), success, l, ct))
        {
            refused?.Invoke();
        }
        return RedirectToAction(nameof(Details), new { id });
    }

    /// <summary>A unit may take a need of a community it is paired with, and of any other when the office allows it.</summary>
    private async Task<bool> MayTakeAsync(int unitId, int communityId, CancellationToken ct) =>
        options.Value.UnitsMayTakeUnpairedNeeds
        || await db.Pairings.AnyAsync(p => p.UnitId == unitId && p.CommunityId == communityId && p.Status == PairingStatus.Active, ct);

    private async Task<IReadOnlyList<UnitChoice>> DispatchChoicesAsync(Need need, CancellationToken ct)
    {
        var paired = db.Pairings.Where(p => p.CommunityId == need.CommunityId && p.Status == PairingStatus.Active).Select(p => p.UnitId);
        var skills = need.Skills;
        return await db.Units.AsNoTracking()
            .Where(u => u.IsActive && (paired.Contains(u.Id) || skills == Strengths.None || (u.Strengths & skills) != 0))
            .OrderByDescending(u => paired.Contains(u.Id)).ThenBy(u => u.Name)
            .Take(DispatchChoices)
            .Select(u => new UnitChoice(u.Id, u.Name, paired.Contains(u.Id)))
            .ToListAsync(ct);
    }

    private Task<Need?> LoadAsync(int id, bool tracking, CancellationToken ct)
    {
        var query = access.VisibleNeeds(User).Include(n => n.Community).Include(n => n.TakenBy).Include(n => n.DispatchedTo).Include(n => n.Evidence);
        return (tracking ? query : query.AsNoTracking()).FirstOrDefaultAsync(n => n.Id == id, ct);
    }
}
