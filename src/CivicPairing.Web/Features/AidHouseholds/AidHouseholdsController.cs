using CivicPairing.Domain;
using CivicPairing.Domain.Activities;
using CivicPairing.Domain.AidHouseholds;
using CivicPairing.Domain.Evidence;
using CivicPairing.Domain.Pairings;
using CivicPairing.Web.Auditing;
using CivicPairing.Web.Data;
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
using Microsoft.Extensions.Options;

namespace CivicPairing.Web.Features.AidHouseholds;

public sealed class AidHouseholdListQuery : ListQuery
{
    public AidStatus? Status { get; set; }
    public bool Overdue { get; set; }
    public string? Street { get; set; }

    public IQueryable<AidHousehold> Filter(IQueryable<AidHousehold> households, DateOnly today)
    {
        if (SearchText is { } q)
        {
            households = households.Where(h => h.HeadName.Contains(q) || h.Community!.Name.Contains(q) || h.Pairing!.Unit!.Name.Contains(q));
        }
        if (Status is { } status)
        {
            households = households.Where(h => h.Status == status);
        }
        if (Overdue)
        {
            households = households.Where(AidHousehold.PlanOverdueOn(today));
        }
        if (!string.IsNullOrWhiteSpace(Street))
        {
            households = households.Where(h => h.Community!.Street == Street);
        }
        return households;
    }

    public override Dictionary<string, string?> ToRouteValues()
    {
        var values = BaseRouteValues();
        values["status"] = Status?.ToString();
        values["overdue"] = Overdue ? "true" : null;
        values["street"] = string.IsNullOrWhiteSpace(Street) ? null : Street;
        return values;
    }
}

public sealed record AidHouseholdRow(int Id, string HeadName, int MemberCount, Difficulties Difficulties, string? IdNumberMasked, string CommunityName, string Street,
    string UnitName, string ResponsibleName, decimal? IncomePerPerson, AidStatus Status, bool PlanOverdue, int Measures, int MeasuresDone, DateOnly? LastVisit);

public sealed record AidHouseholdListPage(AidHouseholdListQuery Query, PagedList<AidHouseholdRow> Households, decimal IncomeTarget, bool ShowsIdNumbers);

public sealed record HouseholdActivity(int Id, DateOnly Date, ActivityCategory Category, string Title, ActivityStatus Status);

public sealed record AidHouseholdPage(AidHousehold Household, IReadOnlyList<HouseholdActivity> Activities, DateOnly Today, decimal IncomeTarget,
    bool ActsForCommunity, bool ActsForUnit, bool IsOffice);

public sealed record AidHouseholdFormPage(AidHouseholdInput Input, IReadOnlyList<SelectListItem> Pairings, bool AsksIdNumber, int? HouseholdId, string? IdNumberMasked);

public sealed record AidStreetRow(string Street, int InAid, int LiftedOut, int PlanOverdue, int Visits);

public sealed record AidOverviewPage(PagedList<AidStreetRow> Streets, AidStreetRow Total, int Days, AidOverviewQuery Query);

/// <summary>The by-street overview has no filter: only its page.</summary>
public sealed class AidOverviewQuery : ListQuery
{
    public override Dictionary<string, string?> ToRouteValues() => BaseRouteValues();
}

/// <summary>
/// 帮扶对象 (一户一方案): the community's secretary keeps her households, their plans and their 已脱困; the paired unit's
/// liaison sees the households her unit helps, logs visits for them (as activities) and adds evidence; the office sees all
/// and the dashboard. Nobody else, not even the system administrator: sensitive personal data (PIPL). Every read of a
/// household and every download is written to the audit log.
/// </summary>
[Authorize(Roles = Readers)]
public sealed class AidHouseholdsController(AppDbContext db, PartyAccess access, EvidenceUploads uploads, CityClock clock, IStringLocalizer<SharedResource> l,
    IValidator<AidHouseholdInput> validator, IOptions<AidHouseholdOptions> options) : Controller
{
    public const string Readers = $"{Roles.CivilizationOffice},{Roles.UnitLiaison},{Roles.CommunitySecretary}";

    /// <summary>"Visits in the last 90 days" on the dashboard and the home pages.</summary>
    public const int VisitDays = 90;

    private string Actor => User.Identity?.Name ?? "";

    [HttpGet]
    public async Task<IActionResult> Index(AidHouseholdListQuery query, CancellationToken ct)
    {
        var today = clock.Today;
        var rows = await Rows(query.Filter(access.VisibleHouseholds(User).AsNoTracking(), today), today)
            .ToPagedListAsync(query.Page, ct: ct);
        await AuditAsync(AuditAction.View, "list", Describe(query), ct);
        return View(new AidHouseholdListPage(query, rows, options.Value.IncomeTargetPerPerson, options.Value.CollectIdNumbers));
    }

    /// <summary>Exactly the filtered rows; ID numbers only masked, as stored. The download itself is audited.</summary>
    [HttpGet]
    public async Task<IActionResult> Export(AidHouseholdListQuery query, string format, CancellationToken ct)
    {
        if (!TableExportResult<AidHouseholdRow>.IsSupported(format))
        {
            return NotFound();
        }
        var today = clock.Today;
        await AuditAsync(AuditAction.Export, "list", $"{format} {Describe(query)}", ct);
        var target = options.Value.IncomeTargetPerPerson;
        string[] headers = ["Head of household", "Members", "Difficulties", "ID number (masked)", "Community", "Street or township", "Paired unit",
            "Party member responsible", "Annual income per person (yuan)", "Income target met", "Status", "Plan overdue", "Measures", "Measures done", "Last confirmed visit"];
        return new TableExportResult<AidHouseholdRow>(format, l["Aid households"], [.. headers.Select(h => l[h].Value)],
            Rows(query.Filter(access.VisibleHouseholds(User).AsNoTracking(), today), today).AsAsyncEnumerable(),
            r => [r.HeadName, r.MemberCount, l.FlagsText(r.Difficulties), r.IdNumberMasked, r.CommunityName, r.Street, r.UnitName, r.ResponsibleName,
                r.IncomePerPerson, r.IncomePerPerson is { } income ? (income >= target ? l["Yes"].Value : l["No"].Value) : null, l.Text(r.Status),
                r.PlanOverdue ? l["Yes"].Value : l["No"].Value, r.Measures, r.MeasuresDone, r.LastVisit]);
    }

    [HttpGet]
    public async Task<IActionResult> Details(int id, CancellationToken ct)
    {
        var household = await LoadAsync(id, tracking: false, ct);
        if (household is null)
        {
            return NotFound();
        }
        var activities = await db.Activities.AsNoTracking().Where(a => a.AidHouseholdId == id)
            .OrderByDescending(a => a.Date).ThenByDescending(a => a.Id).Take(100)
            .Select(a => new HouseholdActivity(a.Id, a.Date, a.Category, a.Title, a.Status)).ToListAsync(ct);
        await AuditAsync(AuditAction.View, id.ToString(System.Globalization.CultureInfo.InvariantCulture), null, ct);
        return View(new AidHouseholdPage(household, activities, clock.Today, options.Value.IncomeTargetPerPerson, ActsForCommunity(household),
            ActsForUnit(household), User.IsInRole(Roles.CivilizationOffice)));
    }

    [Authorize(Roles = Roles.CommunitySecretary)]
    [HttpGet]
    public async Task<IActionResult> Create(CancellationToken ct) =>
        View("Edit", await FormAsync(new AidHouseholdInput { MemberCount = 1 }, null, null, ct));

    [Authorize(Roles = Roles.CommunitySecretary)]
    [HttpPost]
    public async Task<IActionResult> Create(AidHouseholdInput input, CancellationToken ct)
    {
        if (User.GetCommunityId() is not { } communityId)
        {
            return Forbid();
        }
        if (!options.Value.CollectIdNumbers)
        {
            input.IdNumber = null; // not collected: whatever was sent is dropped, never stored
        }
        (await validator.ValidateAsync(input, ct)).AddToModelState(ModelState);
        if (ModelState.IsValid)
        {
            var pairing = await PairingOfAsync(communityId, input.PairingId, ct);
            try
            {
                var community = await db.Communities.SingleAsync(c => c.Id == communityId, ct);
                var household = AidHousehold.Open(community, pairing ?? Refuse(), input.ToFacts(), await SameHouseholdAsync(communityId, input, null, ct), Actor, clock.Now);
                db.AidHouseholds.Add(household);
                await db.SaveChangesAsync(ct);
                TempData["Success"] = l["Household recorded. Add the measures of its plan (一户一方案) next."].Value;
                return RedirectToAction(nameof(Details), new { id = household.Id });
            }
            catch (DomainException refusal)
            {
                db.ChangeTracker.Clear();
                ModelState.AddDomainError(l, refusal, refusal.Field ?? "");
            }
        }
        return View("Edit", await FormAsync(input, null, null, ct));
    }

    [Authorize(Roles = Roles.CommunitySecretary)]
    [HttpGet]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var household = await LoadAsync(id, tracking: false, ct);
        if (household is null)
        {
            return NotFound();
        }
        if (!ActsForCommunity(household))
        {
            return Forbid();
        }
        await AuditAsync(AuditAction.View, id.ToString(System.Globalization.CultureInfo.InvariantCulture), null, ct);
        return View(await FormAsync(AidHouseholdInput.From(household), id, household.IdNumberMasked, ct));
    }

    [Authorize(Roles = Roles.CommunitySecretary)]
    [HttpPost]
    public async Task<IActionResult> Edit(int id, AidHouseholdInput input, CancellationToken ct)
    {
        var household = await LoadAsync(id, tracking: true, ct);
        if (household is null)
        {
            return NotFound();
        }
        if (!ActsForCommunity(household))
        {
            return Forbid();
        }
        if (!options.Value.CollectIdNumbers)
        {
            input.IdNumber = null;
        }
        (await validator.ValidateAsync(input, ct)).AddToModelState(ModelState);
        if (ModelState.IsValid)
        {
            var pairing = await PairingOfAsync(household.CommunityId, input.PairingId, ct);
            var same = await SameHouseholdAsync(household.CommunityId, input, id, ct);
            try
            {
                if (await Concurrency.TrySaveAsync(db, household, input.Version, () => household.Edit(input.ToFacts(), pairing ?? Refuse(), same), ct))
                {
                    TempData["Success"] = l["Household saved."].Value;
                    return RedirectToAction(nameof(Details), new { id });
                }
                ModelState.AddModelError("", l["Someone else changed this record meanwhile. Check it and try again."]);
                input.Version = household.Version;
            }
            catch (DomainException refusal)
            {
                ModelState.AddDomainError(l, refusal, refusal.Field ?? "");
            }
        }
        return View(await FormAsync(input, id, household.IdNumberMasked, ct));
    }

    /// <summary>一户一方案: a measure with its target date.</summary>
    [Authorize(Roles = Roles.CommunitySecretary)]
    [HttpPost]
    public Task<IActionResult> AddMeasure(int id, AidMeasureInput input, CancellationToken ct) =>
        StepAsync(id, input.Version, ActsForCommunity, h =>
        {
            if (input.TargetDate is not { } target)
            {
                throw new DomainException("Choose a target date from 2000 on and at most three years ahead.") { Field = "TargetDate" };
            }
            h.AddMeasure(input.Text ?? "", target, clock.Today);
            return Task.CompletedTask;
        }, l["Measure added to the plan."], ct);

    [Authorize(Roles = Roles.CommunitySecretary)]
    [HttpPost]
    public Task<IActionResult> SetMeasure(int id, int measureId, bool done, Guid version, CancellationToken ct) =>
        StepAsync(id, version, ActsForCommunity, h =>
        {
            h.SetMeasureDone(measureId, done, clock.Today);
            return Task.CompletedTask;
        }, done ? l["Measure marked done."] : l["Measure marked not done."], ct);

    /// <summary>Photos or documents of the household's progress, from the secretary or the paired unit's liaison.</summary>
    [HttpPost]
    [RequestSizeLimit(EvidenceUploads.MaxFiles * EvidenceUploads.MaxFileBytes + 1024 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = EvidenceUploads.MaxFiles * EvidenceUploads.MaxFileBytes + 1024 * 1024)]
    public Task<IActionResult> AddEvidence(int id, Guid version, List<IFormFile>? files, CancellationToken ct) =>
        WithFilesAsync(id, version, h => ActsForCommunity(h) || ActsForUnit(h), files, (h, stored) =>
        {
            if (stored.Count == 0)
            {
                throw new DomainException("Choose at least one file.");
            }
            if (h.Status != AidStatus.InAid)
            {
                throw new DomainException("This household is no longer in aid.");
            }
        }, l["Evidence added."], ct);

    /// <summary>已脱困, confirmed by the community's secretary, with evidence (kept already or sent now) and, if known, the income reached.</summary>
    [Authorize(Roles = Roles.CommunitySecretary)]
    [HttpPost]
    [RequestSizeLimit(EvidenceUploads.MaxFiles * EvidenceUploads.MaxFileBytes + 1024 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = EvidenceUploads.MaxFiles * EvidenceUploads.MaxFileBytes + 1024 * 1024)]
    public Task<IActionResult> LiftOut(int id, Guid version, decimal? incomePerPerson, List<IFormFile>? files, CancellationToken ct) =>
        WithFilesAsync(id, version, ActsForCommunity, files,
            (h, stored) => h.ConfirmLiftedOut(h.Evidence.Count + stored.Count, incomePerPerson, Actor, clock.Now),
            l["Confirmed: the household is lifted out of hardship (已脱困)."], ct);

    [Authorize(Roles = Roles.CommunitySecretary)]
    [HttpPost]
    public Task<IActionResult> Close(int id, string? reason, Guid version, CancellationToken ct) =>
        StepAsync(id, version, ActsForCommunity, h =>
        {
            h.Close(reason ?? "", Actor, clock.Now);
            return Task.CompletedTask;
        }, l["The household's aid is closed."], ct);

    /// <summary>The office's picture: households 帮扶中 and 已脱困 by street, plans overdue, visits in the last 90 days. Counts only.</summary>
    [Authorize(Roles = Roles.CivilizationOffice)]
    [HttpGet]
    public async Task<IActionResult> Overview(AidOverviewQuery query, CancellationToken ct)
    {
        var today = clock.Today;
        // Counted by community (integers), then put under each community's street here: grouping twelve thousand
        // households by the street's name sorted them with the Chinese collation, twice (0.5 s for a province).
        var byStatus = await db.AidHouseholds.AsNoTracking().GroupBy(h => new { h.CommunityId, h.Status })
            .Select(g => new { g.Key.CommunityId, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        var overdue = await db.AidHouseholds.AsNoTracking().Where(AidHousehold.PlanOverdueOn(today)).GroupBy(h => h.CommunityId)
            .Select(g => new { CommunityId = g.Key, Count = g.Count() }).ToListAsync(ct);
        var since = today.AddDays(-VisitDays);
        var visits = await VisitsSince(db.Activities.AsNoTracking(), since)
            .Join(db.AidHouseholds, a => a.AidHouseholdId, h => h.Id, (a, h) => h.CommunityId)
            .GroupBy(c => c).Select(g => new { CommunityId = g.Key, Count = g.Count() }).ToListAsync(ct);
        var ids = byStatus.Select(x => x.CommunityId).Concat(visits.Select(v => v.CommunityId)).Distinct().ToList();
        var streetOf = await db.Communities.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.Street })
            .ToDictionaryAsync(c => c.Id, c => c.Street, ct);
        var rows = new Dictionary<string, (int InAid, int Lifted, int Overdue, int Visits)>(StringComparer.Ordinal);
        void Add(int communityId, int inAid, int lifted, int overdueCount, int visitCount)
        {
            var street = streetOf[communityId];
            var (a, b, c, d) = rows.GetValueOrDefault(street);
            rows[street] = (a + inAid, b + lifted, c + overdueCount, d + visitCount);
        }
        byStatus.ForEach(x => Add(x.CommunityId, x.Status == AidStatus.InAid ? x.Count : 0, x.Status == AidStatus.LiftedOut ? x.Count : 0, 0, 0));
        overdue.ForEach(x => Add(x.CommunityId, 0, 0, x.Count, 0));
        visits.ForEach(x => Add(x.CommunityId, 0, 0, 0, x.Count));
        var streets = rows.Select(r => new AidStreetRow(r.Key, r.Value.InAid, r.Value.Lifted, r.Value.Overdue, r.Value.Visits))
            .OrderByDescending(r => r.PlanOverdue).ThenByDescending(r => r.InAid).ThenBy(r => r.Street, StringComparer.Ordinal).ToList();
        // A province has thousands of streets: fifty to a page, the ones with overdue plans first.
        const int pageSize = 50;
        var page = Math.Clamp(query.Page, 1, Math.Max(1, (streets.Count + pageSize - 1) / pageSize));
        var shown = new PagedList<AidStreetRow>([.. streets.Skip((page - 1) * pageSize).Take(pageSize)], page, pageSize, streets.Count);
        var total = new AidStreetRow("", streets.Sum(s => s.InAid), streets.Sum(s => s.LiftedOut), streets.Sum(s => s.PlanOverdue), streets.Sum(s => s.Visits));
        return View(new AidOverviewPage(shown, total, VisitDays, query));
    }

    /// <summary>Confirmed activities for a household (visits and help given) dated on or after <paramref name="since"/>.</summary>
    public static IQueryable<Activity> VisitsSince(IQueryable<Activity> activities, DateOnly since) =>
        activities.Where(a => a.AidHouseholdId != null && a.Status == ActivityStatus.Confirmed && a.Date >= since);

    private bool ActsForCommunity(AidHousehold h) => User.IsInRole(Roles.CommunitySecretary) && User.GetCommunityId() == h.CommunityId;

    private bool ActsForUnit(AidHousehold h) => User.IsInRole(Roles.UnitLiaison) && User.GetUnitId() == h.Pairing?.UnitId;

    private static Pairing Refuse() => throw new DomainException("Choose a unit paired with your community and in force.") { Field = "PairingId" };

    private IQueryable<AidHouseholdRow> Rows(IQueryable<AidHousehold> households, DateOnly today)
    {
        // The one rule of "plan overdue", as a subquery, so the list, the export and the counts cannot disagree.
        var overdue = db.AidHouseholds.Where(AidHousehold.PlanOverdueOn(today)).Select(x => x.Id);
        var activities = db.Activities;
        return households
            .OrderBy(h => h.Status).ThenBy(h => h.Community!.Name).ThenBy(h => h.HeadName).ThenBy(h => h.Id)
            .Select(h => new AidHouseholdRow(h.Id, h.HeadName, h.MemberCount, h.Difficulties, h.IdNumberMasked, h.Community!.Name, h.Community.Street,
                h.Pairing!.Unit!.Name, h.ResponsibleName, h.IncomePerPerson, h.Status,
                overdue.Contains(h.Id),
                h.Measures.Count, h.Measures.Count(m => m.DoneOn != null),
                activities.Where(a => a.AidHouseholdId == h.Id && a.Status == ActivityStatus.Confirmed).Max(a => (DateOnly?)a.Date)));
    }

    private static string Describe(AidHouseholdListQuery q) =>
        string.Join(" ", q.ToRouteValues().Where(kv => kv.Value is not null).Select(kv => $"{kv.Key}={kv.Value}").Append($"page={q.Page}"));

    private Task AuditAsync(AuditAction action, string entityId, string? note, CancellationToken ct) =>
        AccessLog.RecordAsync(db, User, clock.Now, action, nameof(AidHousehold), entityId, note, ct);

    private async Task<Pairing?> PairingOfAsync(int communityId, int? pairingId, CancellationToken ct) =>
        pairingId is { } pid
            ? await db.Pairings.Include(p => p.Unit).FirstOrDefaultAsync(p => p.Id == pid && p.CommunityId == communityId && p.Status == PairingStatus.Active, ct)
            : null;

    /// <summary>
    /// The same household kept already (in aid in this community under the same head of household's name, unless both
    /// records carry masked ID numbers that differ): a second record would give it a second paired unit.
    /// </summary>
    private async Task<AidHousehold?> SameHouseholdAsync(int communityId, AidHouseholdInput input, int? exceptId, CancellationToken ct)
    {
        var name = input.HeadName?.Trim() ?? "";
        var mask = options.Value.CollectIdNumbers && IdNumbers.IsWellFormed(input.IdNumber) ? IdNumbers.Mask(input.IdNumber!) : null;
        var candidates = await db.AidHouseholds.AsNoTracking().Include(h => h.Pairing!.Unit)
            .Where(h => h.CommunityId == communityId && h.Status == AidStatus.InAid && h.HeadName == name && h.Id != (exceptId ?? 0))
            .ToListAsync(ct);
        return candidates.FirstOrDefault(h => mask is null || h.IdNumberMasked is null || h.IdNumberMasked == mask);
    }

    private async Task<AidHouseholdFormPage> FormAsync(AidHouseholdInput input, int? id, string? masked, CancellationToken ct)
    {
        var communityId = User.GetCommunityId() ?? 0;
        var pairings = await db.Pairings.AsNoTracking().Where(p => p.CommunityId == communityId && (p.Status == PairingStatus.Active || p.Id == input.PairingId))
            .OrderBy(p => p.Unit!.Name)
            .Select(p => new SelectListItem(p.Unit!.Name, p.Id.ToString(), p.Id == input.PairingId))
            .ToListAsync(ct);
        return new AidHouseholdFormPage(input, pairings, options.Value.CollectIdNumbers, id, masked);
    }

    private async Task<IActionResult> StepAsync(int id, Guid version, Func<AidHousehold, bool> allowed, Func<AidHousehold, Task> step, string success, CancellationToken ct)
    {
        var household = await LoadAsync(id, tracking: true, ct);
        if (household is null)
        {
            return NotFound();
        }
        if (!allowed(household))
        {
            return Forbid();
        }
        await this.TryStepAsync(db, household, version, () => step(household), success, l, ct);
        return RedirectToAction(nameof(Details), new { id });
    }

    /// <summary>A step that brings files: checked first, stored, then the step; a refusal keeps no file.</summary>
    private async Task<IActionResult> WithFilesAsync(int id, Guid version, Func<AidHousehold, bool> allowed, List<IFormFile>? files,
        Action<AidHousehold, List<EvidenceFile>> step, string success, CancellationToken ct)
    {
        files ??= [];
        var household = await LoadAsync(id, tracking: true, ct);
        if (household is null)
        {
            return NotFound();
        }
        if (!allowed(household))
        {
            return Forbid();
        }
        if (await uploads.CheckAsync(files, ct) is { } problem)
        {
            TempData["Error"] = problem;
            return RedirectToAction(nameof(Details), new { id });
        }
        var stored = new List<EvidenceFile>();
        try
        {
            var saved = await this.TryStepAsync(db, household, version, async () =>
            {
                stored = await uploads.StoreAsync(files, Actor, ct);
                step(household, stored);
                household.Evidence.AddRange(stored);
            }, success, l, ct);
            if (!saved)
            {
                uploads.Discard(stored);
            }
        }
        catch
        {
            uploads.Discard(stored);
            throw;
        }
        return RedirectToAction(nameof(Details), new { id });
    }

    private Task<AidHousehold?> LoadAsync(int id, bool tracking, CancellationToken ct)
    {
        var query = access.VisibleHouseholds(User).Include(h => h.Community).Include(h => h.Pairing!.Unit).Include(h => h.Measures).Include(h => h.Evidence)
            .AsSplitQuery();
        return (tracking ? query : query.AsNoTracking()).FirstOrDefaultAsync(h => h.Id == id, ct);
    }
}
