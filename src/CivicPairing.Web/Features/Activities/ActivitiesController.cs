using CivicPairing.Domain;
using CivicPairing.Domain.Activities;
using CivicPairing.Domain.Evidence;
using CivicPairing.Domain.Pairings;
using CivicPairing.Web.Data;
using CivicPairing.Web.Features.Pairings;
using CivicPairing.Web.Features.Ranking;
using CivicPairing.Web.Identity;
using CivicPairing.Web.Infrastructure;
using CivicPairing.Web.Infrastructure.Evidence;
using FluentValidation;
using FluentValidation.AspNetCore;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CivicPairing.Web.Features.Activities;

public sealed record ActivityRow(int Id, DateOnly Date, string UnitName, string CommunityName, string Street, ActivityCategory Category, string Title,
    int PeopleSent, decimal PersonHours, bool LeaderTookPart, decimal Funds, int PeopleServed, ActivityStatus Status, int? Rating, int EvidenceCount);

/// <summary>One of <see cref="Paged"/> (a chosen sort) or <see cref="Keyset"/> (the default, newest first) is set.</summary>
public sealed record ActivityListPage(ActivityListQuery Query, PagedList<ActivityRow>? Paged, KeysetPage<ActivityRow>? Keyset, IReadOnlyList<string> Streets)
{
    public IReadOnlyList<ActivityRow> Items => Keyset?.Items ?? Paged!.Items;
    public int Total => Keyset?.Total ?? Paged!.Total;
    public bool TotalIsCapped => Keyset?.TotalIsCapped ?? false;
}

public sealed record LinkableTask(int Id, int PairingId, string CommunityName, int Number, string Title, DateOnly DueDate);

public sealed record LinkableHousehold(int Id, int PairingId, string CommunityName, string HeadName);

public sealed record ActivityFormPage(ActivityInput Input, IReadOnlyList<SelectListItem> Pairings, IReadOnlyList<LinkableTask> Tasks, int? ActivityId, int? DuplicateId)
{
    public IReadOnlyList<LinkableHousehold> Households { get; init; } = [];
}

/// <summary><see cref="Household"/>: the aid household the activity was for, when the user may see it (id and head of household).</summary>
public sealed record ActivityPage(Activity Activity, IReadOnlyList<ActivityEvent> History, bool ActsForUnit, bool ActsForCommunity, bool IsOffice)
{
    public (int Id, string HeadName)? Household { get; init; }
}

public sealed record InboxPage(IReadOnlyList<ActivityRow> Pending);

/// <summary>共建活动: logged by the unit with evidence, confirmed and rated (or disputed) by the community. Only confirmed counts.</summary>
public sealed class ActivitiesController(
    AppDbContext db, PartyAccess access, FactsStore facts, IValidator<ActivityInput> validator, EvidenceUploads uploads, CityClock clock, IStringLocalizer<SharedResource> l) : Controller
{
    private string Actor => User.Identity?.Name ?? "";

    [HttpGet]
    public async Task<IActionResult> Index(ActivityListQuery query, CancellationToken ct)
    {
        var visible = access.VisibleActivities(User).AsNoTracking();
        var streets = await facts.VisibleStreetsAsync(access, User, ct);
        if (query.UsesKeyset)
        {
            var page = await query.Filter(visible, clock.Now).ToKeysetPageAsync(a => a.Date, a => a.Id, RowOf, r => new DateIdCursor(r.Date, r.Id),
                DateIdCursor.Parse(query.After), DateIdCursor.Parse(query.Before), query.Last, ct: ct);
            return View(new ActivityListPage(query, null, page, streets));
        }
        return View(new ActivityListPage(query, await Rows(query.Apply(visible, clock.Now)).ToPagedListAsync(query.Page, ct: ct), null, streets));
    }

    /// <summary>Exactly the filtered rows, streamed from the query to the file.</summary>
    [HttpGet]
    public IActionResult Export(ActivityListQuery query, string format)
    {
        if (!TableExportResult<ActivityRow>.IsSupported(format))
        {
            return NotFound();
        }
        string[] headers = ["Date", "Unit", "Community", "Street or township", "Category", "Title", "People sent", "Person-hours",
            "The unit leader took part", "Funds (yuan)", "People served", "Status", "Rating", "Evidence files"];
        return new TableExportResult<ActivityRow>(format, l["Activities"], [.. headers.Select(h => l[h].Value)],
            Rows(query.Apply(access.VisibleActivities(User).AsNoTracking(), clock.Now)).AsAsyncEnumerable(),
            r => [r.Date, r.UnitName, r.CommunityName, r.Street, l.Text(r.Category), r.Title, r.PeopleSent, r.PersonHours,
                r.LeaderTookPart ? l["Yes"].Value : l["No"].Value, r.Funds, r.PeopleServed, l.Text(r.Status), r.Rating, r.EvidenceCount]);
    }

    [HttpGet]
    public async Task<IActionResult> Details(int id, CancellationToken ct)
    {
        var activity = await LoadAsync(id, tracking: false, ct);
        if (activity is null)
        {
            return NotFound();
        }
        var history = await db.ActivityEvents.AsNoTracking().Where(e => e.ActivityId == id).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(ct);
        // The household's name only to those who may see the household itself (not the administrator).
        var household = activity.AidHouseholdId is { } hid
            ? await access.VisibleHouseholds(User).Where(h => h.Id == hid).Select(h => new { h.Id, h.HeadName }).FirstOrDefaultAsync(ct)
            : null;
        return View(new ActivityPage(activity, history, PartyAccess.ActsForUnit(User, activity.Pairing!), PartyAccess.ActsForCommunity(User, activity.Pairing!), User.IsOfficeOrAdmin())
        {
            Household = household is null ? null : (household.Id, household.HeadName),
        });
    }

    [Authorize(Roles = Roles.UnitLiaison)]
    [HttpGet]
    public async Task<IActionResult> Log(int? pairingId, int? householdId, CancellationToken ct) =>
        View(await FormAsync(new ActivityInput
        {
            PairingId = pairingId, Date = clock.Today, SubmissionKey = Guid.NewGuid(), AidHouseholdId = householdId,
            Category = householdId is null ? null : ActivityCategory.Visits,
        }, null, null, ct));

    [Authorize(Roles = Roles.UnitLiaison)]
    [HttpPost]
    [RequestSizeLimit(EvidenceUploads.MaxFiles * EvidenceUploads.MaxFileBytes + 1024 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = EvidenceUploads.MaxFiles * EvidenceUploads.MaxFileBytes + 1024 * 1024)]
    public async Task<IActionResult> Log(ActivityInput input, List<IFormFile>? files, CancellationToken ct)
    {
        // A retried or double-clicked submit: the first one made the activity, show it.
        if (input.SubmissionKey != Guid.Empty && await access.VisibleActivities(User).Where(a => a.SubmissionKey == input.SubmissionKey).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct) is { } done)
        {
            return RedirectToAction(nameof(Details), new { id = done });
        }
        if (input.SubmissionKey == Guid.Empty)
        {
            input.SubmissionKey = Guid.NewGuid();
        }
        files ??= [];
        (await validator.ValidateAsync(input, ct)).AddToModelState(ModelState);
        var pairing = input.PairingId is { } pid
            ? await access.VisiblePairings(User).Include(p => p.Unit).Include(p => p.Community).FirstOrDefaultAsync(p => p.Id == pid, ct)
            : null;
        if (input.PairingId is not null && (pairing is null || !PartyAccess.ActsForUnit(User, pairing)))
        {
            return NotFound();
        }
        if (await uploads.CheckAsync(files, ct) is { } problem)
        {
            ModelState.AddModelError("files", problem);
        }
        if (pairing is not null && (await LinkableAsync(pairing.Id, input.TaskIds, ct)).Count != input.TaskIds.Distinct().Count())
        {
            ModelState.AddModelError(nameof(input.TaskIds), l["Link only open tasks of this pairing's filed agreements."]);
        }
        if (pairing is not null && !await HouseholdOfPairingAsync(input.AidHouseholdId, pairing.Id, ct))
        {
            ModelState.AddModelError(nameof(input.AidHouseholdId), l["Choose a household in aid that your unit helps through this pairing."]);
        }
        int? duplicateId = null;
        if (ModelState.IsValid)
        {
            var pairingId = pairing!.Id;
            var stored = new List<EvidenceFile>();
            try
            {
                // The files first, outside the database's write lock: writing megabytes must not hold up other writers.
                stored = await uploads.StoreAsync(files, Actor, ct);
                var (activityId, created) = await db.InWriteTransactionAsync(NearDuplicateScope(pairingId), async ct =>
                {
                    // Under the lock, a copy of this submission or a near-duplicate that committed a moment ago is seen.
                    if (await db.Activities.Where(a => a.SubmissionKey == input.SubmissionKey).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct) is { } first)
                    {
                        return (first, false);
                    }
                    var current = await db.Pairings.Include(p => p.Unit).Include(p => p.Community).SingleAsync(p => p.Id == pairingId, ct);
                    var duplicate = await NearDuplicateAsync(current.Id, input.Date!.Value, input.Category!.Value, input.Title!, exceptId: null, ct);
                    duplicateId = duplicate?.Id;
                    var activity = Activity.Log(current, input.ToFacts(), Context(current, duplicate), input.SubmissionKey, Actor, clock.Now);
                    activity.LinkedTasks.AddRange(await LinkableAsync(current.Id, input.TaskIds, ct));
                    activity.AidHouseholdId = input.AidHouseholdId;
                    activity.Evidence.AddRange(stored);
                    db.Activities.Add(activity);
                    await db.SaveChangesAsync(ct);
                    return (activity.Id, true);
                }, ct);
                if (!created)
                {
                    // A retried or double-clicked submit: the first one made the activity, show it.
                    uploads.Discard(stored);
                    return RedirectToAction(nameof(Details), new { id = activityId });
                }
                TempData["Success"] = l["The activity was sent to {0} for confirmation.", pairing.Community!.Name].Value;
                return RedirectToAction(nameof(Details), new { id = activityId });
            }
            catch (DomainException refusal)
            {
                uploads.Discard(stored);
                db.ChangeTracker.Clear();
                ModelState.AddDomainError(l, refusal);
            }
            catch (DbUpdateException)
            {
                // Two copies of one submission raced past the lock's scope; the unique key kept the first. Anything else is a real failure.
                uploads.Discard(stored);
                db.ChangeTracker.Clear();
                var first = await db.Activities.Where(a => a.SubmissionKey == input.SubmissionKey).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct);
                if (first is null)
                {
                    throw;
                }
                return RedirectToAction(nameof(Details), new { id = first });
            }
            catch
            {
                uploads.Discard(stored); // nothing was saved: no orphan files
                throw;
            }
        }
        uploads.AskAgainForFiles(ModelState, files);
        return View(await FormAsync(input, null, duplicateId, ct));
    }

    [Authorize(Roles = Roles.UnitLiaison)]
    [HttpGet]
    public async Task<IActionResult> Correct(int id, CancellationToken ct)
    {
        var activity = await LoadAsync(id, tracking: false, ct);
        if (activity is null)
        {
            return NotFound();
        }
        if (!PartyAccess.ActsForUnit(User, activity.Pairing!))
        {
            return Forbid();
        }
        return View("Log", await FormAsync(ActivityInput.From(activity), id, null, ct));
    }

    /// <summary>The liaison corrects a disputed activity and sends it to the community again.</summary>
    [Authorize(Roles = Roles.UnitLiaison)]
    [HttpPost]
    public async Task<IActionResult> Correct(int id, ActivityInput input, CancellationToken ct)
    {
        var activity = await LoadAsync(id, tracking: true, ct);
        if (activity is null)
        {
            return NotFound();
        }
        var pairing = activity.Pairing!;
        if (!PartyAccess.ActsForUnit(User, pairing))
        {
            return Forbid();
        }
        input.PairingId = pairing.Id;
        (await validator.ValidateAsync(input, ct)).AddToModelState(ModelState);
        if (ModelState.IsValid)
        {
            try
            {
                // Under the same lock as logging, so a correction cannot become the near-duplicate of one logged meanwhile.
                var saved = await db.InWriteTransactionAsync(NearDuplicateScope(pairing.Id), async ct =>
                {
                    var current = await LoadAsync(id, tracking: true, ct) ?? throw new DomainException("Only a disputed activity can be corrected and resubmitted.");
                    var duplicate = await NearDuplicateAsync(pairing.Id, input.Date!.Value, input.Category!.Value, input.Title!, exceptId: id, ct);
                    var linked = await LinkableAsync(pairing.Id, input.TaskIds, ct);
                    if (linked.Count != input.TaskIds.Distinct().Count())
                    {
                        throw new DomainException("Link only open tasks of this pairing's filed agreements.");
                    }
                    if (input.AidHouseholdId != current.AidHouseholdId && !await HouseholdOfPairingAsync(input.AidHouseholdId, pairing.Id, ct))
                    {
                        throw new DomainException("Choose a household in aid that your unit helps through this pairing.") { Field = nameof(input.AidHouseholdId) };
                    }
                    return await Concurrency.TrySaveAsync(db, current, input.Version, () =>
                    {
                        current.Correct(input.ToFacts(), Context(current.Pairing!, duplicate), Actor, clock.Now);
                        current.LinkedTasks.Clear();
                        current.LinkedTasks.AddRange(linked);
                        current.AidHouseholdId = input.AidHouseholdId;
                    }, ct);
                }, ct);
                if (saved)
                {
                    TempData["Success"] = l["The corrected activity was sent to the community again."].Value;
                    return RedirectToAction(nameof(Details), new { id });
                }
                ModelState.AddModelError("", l["Someone else changed this record meanwhile. Check it and try again."]);
            }
            catch (DomainException refusal)
            {
                ModelState.AddDomainError(l, refusal);
            }
        }
        return View("Log", await FormAsync(input, id, null, ct));
    }

    /// <summary>The secretary's inbox: activities waiting for confirmation, oldest first.</summary>
    [Authorize(Roles = Roles.CommunitySecretary)]
    [HttpGet]
    public async Task<IActionResult> Inbox(CancellationToken ct)
    {
        var pending = await Rows(access.VisibleActivities(User).AsNoTracking().Where(a => a.Status == ActivityStatus.Submitted)
            .OrderBy(a => a.SubmittedAt).ThenBy(a => a.Id)).Take(200).ToListAsync(ct);
        return View(new InboxPage(pending));
    }

    [Authorize(Roles = Roles.CommunitySecretary)]
    [HttpPost]
    public Task<IActionResult> Confirm(int id, int rating, string? comment, Guid version, CancellationToken ct) =>
        DecideAsync(id, version, a => a.Confirm(rating, comment, Actor, clock.Now), l["Confirmed and rated. It now counts for the unit."], ct);

    [Authorize(Roles = Roles.CommunitySecretary)]
    [HttpPost]
    public Task<IActionResult> Dispute(int id, string? reason, Guid version, CancellationToken ct) =>
        DecideAsync(id, version, a => a.Dispute(reason ?? "", Actor, clock.Now), l["Disputed. The unit sees your reason and may correct it."], ct);

    /// <summary>Confirms several waiting activities with one rating; each is checked on its own, all save together.</summary>
    [Authorize(Roles = Roles.CommunitySecretary)]
    [HttpPost]
    public async Task<IActionResult> ConfirmMany(List<int>? ids, int rating, CancellationToken ct)
    {
        ids ??= [];
        if (ids.Count == 0)
        {
            TempData["Error"] = l["Tick the activities to confirm."].Value;
            return RedirectToAction(nameof(Inbox));
        }
        var activities = await access.VisibleActivities(User).Include(a => a.Pairing).Where(a => ids.Contains(a.Id)).ToListAsync(ct);
        if (activities.Count != ids.Distinct().Count() || activities.Any(a => !PartyAccess.ActsForCommunity(User, a.Pairing!)))
        {
            return NotFound();
        }
        try
        {
            foreach (var activity in activities)
            {
                activity.Confirm(rating, null, Actor, clock.Now);
                activity.Version = Guid.NewGuid();
            }
            await db.SaveChangesAsync(ct);
            TempData["Success"] = l["{0} activities confirmed.", activities.Count].Value;
        }
        catch (DomainException refusal)
        {
            TempData["Error"] = l["Nothing was confirmed: {0}", l.Text(refusal)].Value;
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Error"] = l["Someone else changed this record meanwhile. Check it and try again."].Value;
        }
        return RedirectToAction(nameof(Inbox));
    }

    [Authorize(Roles = Roles.OfficeOrAdmin)]
    [HttpPost]
    public Task<IActionResult> Reopen(int id, string? reason, Guid version, CancellationToken ct) =>
        DecideAsync(id, version, a => a.Reopen(reason ?? "", Actor, clock.Now), l["Reopened: the community confirms it again."], ct, officeDecides: true);

    private async Task<IActionResult> DecideAsync(int id, Guid version, Action<Activity> decide, string success, CancellationToken ct, bool officeDecides = false)
    {
        var activity = await LoadAsync(id, tracking: true, ct);
        if (activity is null)
        {
            return NotFound();
        }
        if (!officeDecides && !PartyAccess.ActsForCommunity(User, activity.Pairing!))
        {
            return Forbid();
        }
        await this.TryStepAsync(db, activity, version, () => decide(activity), success, l, ct);
        return RedirectToAction(nameof(Details), new { id });
    }

    private ActivityContext Context(Pairing pairing, Activity? duplicate) =>
        new(clock.Today, pairing.StartDate, pairing.Unit!.StaffCount, pairing.Status == PairingStatus.Active, duplicate);

    /// <summary>The write lock under which a pairing's activities are checked for near-duplicates and then saved.</summary>
    private static string NearDuplicateScope(int pairingId) => $"activities-of-pairing:{pairingId}";

    /// <summary>Same pairing, day and category with a title that says the same: one small query, compared in memory.</summary>
    private async Task<Activity?> NearDuplicateAsync(int pairingId, DateOnly date, ActivityCategory category, string title, int? exceptId, CancellationToken ct)
    {
        var sameDay = await db.Activities.AsNoTracking()
            .Where(a => a.PairingId == pairingId && a.Date == date && a.Category == category && a.Id != (exceptId ?? 0))
            .ToListAsync(ct);
        return sameDay.FirstOrDefault(a => Activity.IsNearDuplicate(a, pairingId, date, category, title));
    }

    /// <summary>No household, or one in aid that the user's unit helps through <paramref name="pairingId"/>.</summary>
    private async Task<bool> HouseholdOfPairingAsync(int? householdId, int pairingId, CancellationToken ct) =>
        householdId is not { } hid
        || await access.VisibleHouseholds(User).AnyAsync(h => h.Id == hid && h.PairingId == pairingId && h.Status == Domain.AidHouseholds.AidStatus.InAid, ct);

    /// <summary>The open tasks, among <paramref name="ids"/>, of the pairing's filed agreements (tracked, so they can be linked).</summary>
    private async Task<List<Domain.Agreements.AgreementTask>> LinkableAsync(int pairingId, IReadOnlyCollection<int> ids, CancellationToken ct) =>
        ids.Count == 0
            ? []
            : await db.AgreementTasks.Where(t => ids.Contains(t.Id) && t.Agreement!.PairingId == pairingId
                && t.Agreement.Status == Domain.Agreements.AgreementStatus.Filed
                && (t.Status == Domain.Agreements.AgreementTaskStatus.Open || t.Status == Domain.Agreements.AgreementTaskStatus.ReportedDone)).ToListAsync(ct);

    private Task<Activity?> LoadAsync(int id, bool tracking, CancellationToken ct)
    {
        var query = access.VisibleActivities(User).Include(a => a.Pairing!.Unit).Include(a => a.Pairing!.Community).Include(a => a.Evidence).Include(a => a.LinkedTasks);
        return (tracking ? query : query.AsNoTracking()).FirstOrDefaultAsync(a => a.Id == id, ct);
    }

    private static readonly System.Linq.Expressions.Expression<Func<Activity, ActivityRow>> RowOf = a =>
        new ActivityRow(a.Id, a.Date, a.Pairing!.Unit!.Name, a.Pairing.Community!.Name, a.Pairing.Community.Street, a.Category, a.Title,
            a.PeopleSent, a.PersonHours, a.LeaderTookPart, a.Funds, a.PeopleServed, a.Status, a.Rating, a.Evidence.Count);

    private static IQueryable<ActivityRow> Rows(IQueryable<Activity> activities) => activities.Select(RowOf);

    private async Task<ActivityFormPage> FormAsync(ActivityInput input, int? activityId, int? duplicateId, CancellationToken ct)
    {
        var pairings = await access.VisiblePairings(User).AsNoTracking().Where(p => p.Status == PairingStatus.Active)
            .OrderBy(p => p.Community!.Name)
            .Select(p => new SelectListItem(p.Community!.Name + "（" + p.Community.Street + "）", p.Id.ToString()))
            .ToListAsync(ct);
        if (input.PairingId is null && pairings.Count == 1)
        {
            input.PairingId = int.Parse(pairings[0].Value, System.Globalization.CultureInfo.InvariantCulture);
        }
        var tasks = await access.VisibleTasks(User).AsNoTracking()
            .Where(t => t.Agreement!.Status == Domain.Agreements.AgreementStatus.Filed && t.Agreement.Pairing!.Status == PairingStatus.Active
                && (t.Status == Domain.Agreements.AgreementTaskStatus.Open || t.Status == Domain.Agreements.AgreementTaskStatus.ReportedDone || input.TaskIds.Contains(t.Id)))
            .OrderBy(t => t.Agreement!.Pairing!.Community!.Name).ThenBy(t => t.AgreementId).ThenBy(t => t.Number)
            .Select(t => new LinkableTask(t.Id, t.Agreement!.PairingId, t.Agreement.Pairing!.Community!.Name, t.Number, t.Title, t.DueDate))
            .Take(200)
            .ToListAsync(ct);
        var households = await access.VisibleHouseholds(User).AsNoTracking()
            .Where(h => (h.Status == Domain.AidHouseholds.AidStatus.InAid && h.Pairing!.Status == PairingStatus.Active) || h.Id == input.AidHouseholdId)
            .OrderBy(h => h.Community!.Name).ThenBy(h => h.HeadName)
            .Select(h => new LinkableHousehold(h.Id, h.PairingId, h.Community!.Name, h.HeadName))
            .Take(200)
            .ToListAsync(ct);
        return new ActivityFormPage(input, pairings, tasks, activityId, duplicateId) { Households = households };
    }
}
