using System.Security.Claims;
using CivicPairing.Domain;
using CivicPairing.Domain.Activities;
using CivicPairing.Domain.Agreements;
using CivicPairing.Domain.Matching;
using CivicPairing.Domain.Needs;
using CivicPairing.Domain.Pairings;
using CivicPairing.Domain.Registry;
using CivicPairing.Web.Data;
using CivicPairing.Web.Features.Ranking;
using CivicPairing.Web.Features.Registry;
using CivicPairing.Web.Identity;
using CivicPairing.Web.Infrastructure;
using CivicPairing.Web.Infrastructure.Validation;
using FluentValidation;
using FluentValidation.AspNetCore;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CivicPairing.Web.Features.Pairings;

public sealed record PairingRow(int Id, int UnitId, string UnitName, int CommunityId, string CommunityName, string Street, PairingStatus Status, PairingProposer ProposedBy, DateOnly StartDate, DateOnly? EndDate);

public sealed record PairingListPage(PairingListQuery Query, PagedList<PairingRow> Pairings, IReadOnlyList<string> Streets);

public sealed record AgreementSummary(int Id, string Number, int VersionNumber, string Title, AgreementStatus Status, DateOnly StartDate, DateOnly EndDate,
    int VisitsPerMonth, int CoordinationMeetingsPerQuarter, int JointMeetingsPerHalfYear)
{
    public CommitmentTerms Terms => new(StartDate, EndDate, VisitsPerMonth, CoordinationMeetingsPerQuarter, JointMeetingsPerHalfYear);
}

/// <summary>A pairing's page; <see cref="Commitments"/> is the record of its agreements' visits and meetings, span by ended span.</summary>
public sealed record PairingDetailsPage(
    Pairing Pairing, IReadOnlyList<PairingEvent> History, IReadOnlyList<AgreementSummary> Agreements, UnpairingBlockers Blockers,
    IReadOnlyList<CommitmentSpan> Commitments, bool IsOffice, bool ActsForUnit, bool ActsForCommunity)
{
    /// <summary>The households still 帮扶中 that keep the pairing from ending, listed for the office's override (id and head of household).</summary>
    public IReadOnlyList<(int Id, string HeadName)> HouseholdsInAid { get; init; } = [];
}

/// <summary>
/// The proposal form. A city's units and communities fit in a menu; a province's thousands are searched by name first
/// (<see cref="UnitSearch"/>, <see cref="CommunitySearch"/> say how many there are to search, null when all are listed).
/// </summary>
public sealed record ProposePage(ProposePairingInput Input, IReadOnlyList<SelectListItem> Units, IReadOnlyList<SelectListItem> Communities, bool ChoosesUnit, bool ChoosesCommunity)
{
    public int? UnitSearch { get; init; }
    public int? CommunitySearch { get; init; }
    public string? UnitQuery { get; init; }
    public string? CommunityQuery { get; init; }
}

public sealed record SuggestionsPage(Community Community, IReadOnlyList<Suggestion> Suggestions, IReadOnlyList<string> CurrentUnits);

/// <summary>结对: proposals from either side, the office's decisions, and each pairing's history.</summary>
public sealed class PairingsController(
    AppDbContext db, PartyAccess access, FactsStore facts, IValidator<ProposePairingInput> validator, CityClock clock, IStringLocalizer<SharedResource> l,
    Microsoft.Extensions.Options.IOptions<ListOptions> lists) : Controller
{
    private string Actor => User.Identity?.Name ?? "";

    [HttpGet]
    public async Task<IActionResult> Index(PairingListQuery query, CancellationToken ct)
    {
        var filtered = query.Filter(access.VisiblePairings(User).AsNoTracking(), db.Activities, clock.Today);
        var streets = await facts.VisibleStreetsAsync(access, User, ct);
        IQueryable<PairingRow> Rows(IQueryable<Pairing> f) => query.Rows(f, db.Communities.AsNoTracking(), db.Units.AsNoTracking());
        var page = query.Segments is { } segments
            ? await filtered.ToSegmentedPagedListAsync(segments, Rows, query.Page, ct: ct, whenFew: query.Sorted, fewRows: lists.Value.SortUpTo)
            : await filtered.ToPagedListAsync(Rows, query.Page, ct: ct, whenFew: query.Sorted, fewRows: lists.Value.SortUpTo);
        return View(new PairingListPage(query, page, streets));
    }

    /// <summary>Exactly the rows the list's filters keep, in the list's order, streamed from the query to the file.</summary>
    [HttpGet]
    public IActionResult Export(PairingListQuery query, string format)
    {
        if (!TableExportResult<PairingRow>.IsSupported(format))
        {
            return NotFound();
        }
        var filtered = query.Filter(access.VisiblePairings(User).AsNoTracking(), db.Activities, clock.Today);
        string[] headers = ["Unit", "Community", "Street or township", "Status", "Proposed by", "Start date", "End date"];
        return new TableExportResult<PairingRow>(format, l["Pairings"], [.. headers.Select(h => l[h].Value)], query.Sorted(filtered).AsAsyncEnumerable(),
            r => [r.UnitName, r.CommunityName, r.Street, l.Text(r.Status), l.Text(r.ProposedBy), r.StartDate, r.EndDate]);
    }

    [HttpGet]
    public async Task<IActionResult> Details(int id, CancellationToken ct)
    {
        var pairing = await access.VisiblePairings(User).AsNoTracking().Include(p => p.Unit).Include(p => p.Community).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (pairing is null)
        {
            return NotFound();
        }
        var history = await db.PairingEvents.AsNoTracking().Where(e => e.PairingId == id).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(ct);
        var agreements = await db.Agreements.AsNoTracking().Where(a => a.PairingId == id)
            .OrderByDescending(a => a.StartDate).ThenByDescending(a => a.VersionNumber)
            .Select(a => new AgreementSummary(a.Id, a.Number, a.VersionNumber, a.Title, a.Status, a.StartDate, a.EndDate,
                a.VisitsPerMonth, a.CoordinationMeetingsPerQuarter, a.JointMeetingsPerHalfYear))
            .ToListAsync(ct);
        var today = clock.Today;
        agreements = [.. agreements.Select(a => a.Status == AgreementStatus.Filed && today > a.EndDate ? a with { Status = AgreementStatus.Expired } : a)];
        // Visits and meetings committed in force (filed or since expired) against the confirmed ones made, over the
        // spans in which the pairing was in force (its history gives the suspensions): the same check scoring makes.
        var inForce = new PairingInForce(pairing.StartDate, pairing.EndDate,
            PairingExposure.Suspensions(history.Select(e => (DateOnly.FromDateTime(Format.Local(e.At)), e.From, e.To))));
        // Only a pairing that came into force owes anything.
        List<AgreementSummary> committing = pairing.Status is PairingStatus.Active or PairingStatus.Suspended or PairingStatus.Ended
            ? agreements.Where(a => a.Status is AgreementStatus.Filed or AgreementStatus.Expired).ToList()
            : [];
        var record = new List<CommitmentSpan>();
        if (committing.Count > 0)
        {
            var held = await db.Activities.AsNoTracking()
                .Where(a => a.PairingId == id && (a.Category == ActivityCategory.Visits || a.Category == ActivityCategory.JointMeeting) && a.Status == ActivityStatus.Confirmed)
                .Select(a => new ActivityTally(a.Date, a.Category, 1)).ToListAsync(ct);
            record = [.. committing.SelectMany(a => Commitments.Record(a.Terms, inForce, held, today)).OrderBy(s => s.Kind).ThenBy(s => s.From)];
        }
        var blockers = await BlockersAsync(id, ct);
        // Names only for those who may see the households (the office, the two sides; not the administrator).
        var inAid = blockers.OpenAidCases == 0 ? [] : await access.VisibleHouseholds(User).AsNoTracking()
            .Where(h => h.PairingId == id && h.Status == Domain.AidHouseholds.AidStatus.InAid).OrderBy(h => h.HeadName).ThenBy(h => h.Id)
            .Select(h => new { h.Id, h.HeadName }).ToListAsync(ct);
        return View(new PairingDetailsPage(pairing, history, agreements, blockers, record,
            User.IsOfficeOrAdmin(), PartyAccess.ActsForUnit(User, pairing), PartyAccess.ActsForCommunity(User, pairing))
        {
            HouseholdsInAid = [.. inAid.Select(h => (h.Id, h.HeadName))],
        });
    }

    [Authorize(Roles = $"{Roles.OfficeOrAdmin},{Roles.UnitLiaison},{Roles.CommunitySecretary}")]
    [HttpGet]
    public async Task<IActionResult> Propose(int? unitId, int? communityId, string? unitQuery, string? communityQuery, CancellationToken ct)
    {
        var input = new ProposePairingInput { UnitId = unitId, CommunityId = communityId, StartDate = clock.Today };
        return View(await ProposePageAsync(input, ct, unitQuery, communityQuery));
    }

    /// <summary>A liaison proposes for their unit, a secretary for their community; the office creates pairings in force.</summary>
    [Authorize(Roles = $"{Roles.OfficeOrAdmin},{Roles.UnitLiaison},{Roles.CommunitySecretary}")]
    [HttpPost]
    public async Task<IActionResult> Propose(ProposePairingInput input, CancellationToken ct)
    {
        var by = User.IsOfficeOrAdmin() ? PairingProposer.Office : User.IsInRole(Roles.UnitLiaison) ? PairingProposer.Unit : PairingProposer.Community;
        // A side proposes only for itself, whatever the form said.
        if (by == PairingProposer.Unit)
        {
            input.UnitId = User.GetUnitId();
        }
        else if (by == PairingProposer.Community)
        {
            input.CommunityId = User.GetCommunityId();
        }
        (await validator.ValidateAsync(input, ct)).AddToModelState(ModelState);
        if (ModelState.IsValid)
        {
            var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == input.UnitId, ct);
            var community = await db.Communities.FirstOrDefaultAsync(c => c.Id == input.CommunityId, ct);
            if (unit is null)
            {
                ModelState.AddModelError(nameof(input.UnitId), l["Choose a unit."]);
            }
            if (community is null)
            {
                ModelState.AddModelError(nameof(input.CommunityId), l["Choose a community."]);
            }
            if (unit is not null && community is not null)
            {
                try
                {
                    var open = await db.Pairings.AnyAsync(p => p.UnitId == unit.Id && p.CommunityId == community.Id
                        && (p.Status == PairingStatus.Proposed || p.Status == PairingStatus.Active || p.Status == PairingStatus.Suspended), ct);
                    var pairing = Pairing.Propose(unit, community, by, input.StartDate!.Value, input.Note, open, Actor, clock.Now);
                    db.Pairings.Add(pairing);
                    await db.SaveChangesAsync(ct);
                    TempData["Success"] = (pairing.Status == PairingStatus.Active
                        ? l["{0} and {1} are now paired.", unit.Name, community.Name]
                        : l["The proposal to pair {0} with {1} was sent to the civilization office for approval.", unit.Name, community.Name]).Value;
                    return RedirectToAction(nameof(Details), new { id = pairing.Id });
                }
                catch (DomainException refusal)
                {
                    ModelState.AddDomainError(l, refusal);
                }
                catch (DbUpdateException) when (db.ChangeTracker.Entries<Pairing>().Any(e => e.State == EntityState.Added))
                {
                    // Two clerks pairing the same two at once: the unique index keeps one, the other reads why.
                    ModelState.AddModelError("", l["{0} and {1} are already paired, or a proposal for them is waiting.", unit.Name, community.Name]);
                }
            }
        }
        return View(await ProposePageAsync(input, ct));
    }

    [Authorize(Roles = Roles.OfficeOrAdmin)]
    [HttpPost]
    public Task<IActionResult> Approve(int id, PairingDecisionInput input, CancellationToken ct) =>
        DecideAsync(id, input, p => p.Approve(Actor, clock.Now), l["The pairing is approved and in force."], ct);

    [Authorize(Roles = Roles.OfficeOrAdmin)]
    [HttpPost]
    public Task<IActionResult> Reject(int id, PairingDecisionInput input, CancellationToken ct) =>
        DecideAsync(id, input, p => p.Reject(input.Reason ?? "", Actor, clock.Now), l["The proposal was rejected."], ct);

    [Authorize(Roles = Roles.OfficeOrAdmin)]
    [HttpPost]
    public Task<IActionResult> Suspend(int id, PairingDecisionInput input, CancellationToken ct) =>
        DecideAsync(id, input, p => p.Suspend(input.Reason ?? "", Actor, clock.Now), l["The pairing is suspended."], ct);

    [Authorize(Roles = Roles.OfficeOrAdmin)]
    [HttpPost]
    public Task<IActionResult> Resume(int id, PairingDecisionInput input, CancellationToken ct) =>
        DecideAsync(id, input, p => p.Resume(Actor, clock.Now), l["The pairing is in force again."], ct);

    /// <summary>Ends a pairing; refused while its work is unfinished unless the office writes why it overrides.</summary>
    [Authorize(Roles = Roles.OfficeOrAdmin)]
    [HttpPost]
    public async Task<IActionResult> End(int id, PairingDecisionInput input, CancellationToken ct)
    {
        var blockers = await BlockersAsync(id, ct);
        if (blockers.Any && !string.IsNullOrWhiteSpace(input.OverrideReason))
        {
            db.AuditNote = l["Ended by override: {0}", input.OverrideReason.Trim()];
        }
        return await DecideAsync(id, input, p => p.End(input.EndDate ?? clock.Today, blockers, input.Reason, input.OverrideReason, Actor, clock.Now), l["The pairing has ended."], ct);
    }

    /// <summary>The office corrects a wrong start date, or a wrong end date of an ended pairing, with a written reason.</summary>
    [Authorize(Roles = Roles.OfficeOrAdmin)]
    [HttpGet]
    public async Task<IActionResult> CorrectDates(int id, CancellationToken ct)
    {
        var pairing = await db.Pairings.AsNoTracking().Include(p => p.Unit).Include(p => p.Community).FirstOrDefaultAsync(p => p.Id == id, ct);
        return pairing is null ? NotFound() : View(new CorrectDatesPage(pairing, CorrectPairingDatesInput.From(pairing), Conflict: false));
    }

    [Authorize(Roles = Roles.OfficeOrAdmin)]
    [HttpPost]
    public async Task<IActionResult> CorrectDates(int id, CorrectPairingDatesInput input, [FromServices] IValidator<CorrectPairingDatesInput> datesValidator, CancellationToken ct)
    {
        var pairing = await db.Pairings.Include(p => p.Unit).Include(p => p.Community).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (pairing is null)
        {
            return NotFound();
        }
        (await datesValidator.ValidateAsync(input, ct)).AddToModelState(ModelState);
        if (!ModelState.IsValid)
        {
            return View(new CorrectDatesPage(pairing, input, Conflict: false));
        }
        var confirmed = await db.Activities.Where(a => a.PairingId == id && a.Status == ActivityStatus.Confirmed).Select(a => a.Date).ToListAsync(ct);
        var samePair = await db.Pairings
            .Where(p => p.Id != id && p.UnitId == pairing.UnitId && p.CommunityId == pairing.CommunityId && p.Status != PairingStatus.Rejected)
            .Select(p => new PairingPeriod(p.StartDate, p.EndDate)).ToListAsync(ct);
        try
        {
            db.AuditNote = l["Dates corrected: {0}", input.Reason!.Trim()];
            if (await Concurrency.TrySaveAsync(db, pairing, input.Version, () =>
                    pairing.CorrectDates(input.StartDate!.Value, input.EndDate, input.Reason, confirmed, samePair, clock.Today, Actor, clock.Now), ct))
            {
                TempData["Success"] = l["The pairing's dates are corrected."].Value;
                return RedirectToAction(nameof(Details), new { id });
            }
            ModelState.AddModelError("", l["Someone else changed this pairing meanwhile; its dates as saved are shown above. Check them, then correct again if still needed."]);
            input.Version = pairing.Version;
            return View(new CorrectDatesPage(pairing, input, Conflict: true));
        }
        catch (DomainException refusal)
        {
            ModelState.AddDomainError(l, refusal, refusal.Field ?? "");
        }
        finally
        {
            db.AuditNote = null;
        }
        return View(new CorrectDatesPage(pairing, input, Conflict: false));
    }

    /// <summary>Units ranked for a community by complementarity, with the reasons for each.</summary>
    [Authorize(Roles = Roles.OfficeOrAdmin)]
    [HttpGet]
    public async Task<IActionResult> Suggestions(int communityId, CancellationToken ct)
    {
        var community = await db.Communities.AsNoTracking().FirstOrDefaultAsync(c => c.Id == communityId, ct);
        if (community is null)
        {
            return NotFound();
        }
        var open = db.Pairings.Where(p => p.Status == PairingStatus.Proposed || p.Status == PairingStatus.Active || p.Status == PairingStatus.Suspended);
        var current = await open.Where(p => p.CommunityId == communityId).Select(p => p.Unit!.Name).OrderBy(n => n).ToListAsync(ct);
        var candidates = await db.Units.AsNoTracking()
            .Where(u => u.IsActive && !open.Any(p => p.UnitId == u.Id && p.CommunityId == communityId))
            .Select(u => new { u.Id, u.Name, u.Kind, u.Strengths })
            .ToListAsync(ct);
        // Every unit's open pairings and their streets, read once per facts version (a province's 25,000 pairings).
        var paired = await facts.MemoAsync("open-pairings-by-unit", "", async c =>
            (await open.Select(p => new { p.UnitId, p.Community!.Street }).ToListAsync(c))
                .GroupBy(x => x.UnitId)
                .ToDictionary(g => g.Key, g => new OpenPairings(g.Count(), g.Select(x => x.Street).ToHashSet())), ct);
        // The people or skills its untaken needs ask for (a community has a handful of needs open at a time).
        var openNeeds = (await db.Needs.Where(n => n.CommunityId == communityId && (n.Status == NeedStatus.Published || n.Status == NeedStatus.Dispatched))
            .Select(n => n.Skills).ToListAsync(ct)).Combine();
        var profile = new CommunityProfile(community.Street, community.Weaknesses, community.Industries, openNeeds);
        var suggestions = Matchmaker.Suggest(profile, candidates.Select(c => paired.TryGetValue(c.Id, out var mine)
            ? new CandidateUnit(c.Id, c.Name, c.Kind, c.Strengths, mine.Count, mine.Streets)
            : new CandidateUnit(c.Id, c.Name, c.Kind, c.Strengths, 0, new HashSet<string>())));
        return View(new SuggestionsPage(community, suggestions, current));
    }

    private sealed record OpenPairings(int Count, HashSet<string> Streets);

    private async Task<IActionResult> DecideAsync(int id, PairingDecisionInput input, Action<Pairing> decide, string success, CancellationToken ct)
    {
        var pairing = await db.Pairings.Include(p => p.Unit).Include(p => p.Community).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (pairing is null)
        {
            return NotFound();
        }
        await this.TryStepAsync(db, pairing, input.Version, () => decide(pairing), success, l, ct);
        return RedirectToAction(nameof(Details), new { id });
    }

    /// <summary>Unconfirmed tasks of the pairing's agreements still in play and its aid households still 帮扶中 (不脱困不拆对).</summary>
    private async Task<UnpairingBlockers> BlockersAsync(int pairingId, CancellationToken ct) =>
        new(await db.AgreementTasks.CountAsync(t => t.Agreement!.PairingId == pairingId
            && (t.Status == AgreementTaskStatus.Open || t.Status == AgreementTaskStatus.ReportedDone)
            && t.Agreement.Status != AgreementStatus.Terminated && t.Agreement.Status != AgreementStatus.Superseded, ct),
            await db.AidHouseholds.CountAsync(h => h.PairingId == pairingId && h.Status == Domain.AidHouseholds.AidStatus.InAid, ct));

    /// <summary>Up to this many units or communities are listed in full; more are searched by name (50 matches at most).</summary>
    private const int ListedInFull = 200, Matches = 50;

    private async Task<ProposePage> ProposePageAsync(ProposePairingInput input, CancellationToken ct, string? unitQuery = null, string? communityQuery = null)
    {
        var choosesUnit = !User.IsInRole(Roles.UnitLiaison) || User.IsOfficeOrAdmin();
        var choosesCommunity = !User.IsInRole(Roles.CommunitySecretary) || User.IsOfficeOrAdmin();
        (unitQuery, communityQuery) = (unitQuery?.Trim() is { Length: > 0 } uq ? uq : null, communityQuery?.Trim() is { Length: > 0 } cq ? cq : null);

        var activeUnits = db.Units.AsNoTracking().WhereActive();
        var unitCount = choosesUnit ? await activeUnits.CountAsync(ct) : 0;
        var unitSearch = unitCount > ListedInFull;
        var units = !choosesUnit
            ? db.Units.AsNoTracking().Where(u => u.Id == User.GetUnitId())
            : !unitSearch ? activeUnits
            : activeUnits.Where(u => u.Id == input.UnitId || (unitQuery != null && u.Name.Contains(unitQuery)));
        var unitItems = await units.OrderBy(u => u.Name).Take(unitSearch ? Matches + 1 : int.MaxValue)
            .Select(u => new SelectListItem(u.Name, u.Id.ToString())).ToListAsync(ct);

        var activeCommunities = db.Communities.AsNoTracking().WhereActive();
        var communityCount = choosesCommunity ? await activeCommunities.CountAsync(ct) : 0;
        var communitySearch = communityCount > ListedInFull;
        var communities = !choosesCommunity
            ? db.Communities.AsNoTracking().Where(c => c.Id == User.GetCommunityId())
            : !communitySearch ? activeCommunities
            : activeCommunities.Where(c => c.Id == input.CommunityId || (communityQuery != null && (c.Name.Contains(communityQuery) || c.Street.Contains(communityQuery))));
        var communityItems = await communities.OrderBy(c => c.Street).ThenBy(c => c.Name).Take(communitySearch ? Matches + 1 : int.MaxValue)
            .Select(c => new SelectListItem(choosesCommunity ? c.Name + "（" + c.Street + "）" : c.Name, c.Id.ToString())).ToListAsync(ct);

        return new ProposePage(input, unitItems, communityItems, choosesUnit, choosesCommunity)
        {
            UnitSearch = unitSearch ? unitCount : null, CommunitySearch = communitySearch ? communityCount : null,
            UnitQuery = unitQuery, CommunityQuery = communityQuery,
        };
    }
}
