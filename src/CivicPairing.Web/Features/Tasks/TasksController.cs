using CivicPairing.Domain;
using CivicPairing.Domain.Agreements;
using CivicPairing.Domain.Evidence;
using CivicPairing.Web.Data;
using CivicPairing.Web.Identity;
using CivicPairing.Web.Infrastructure;
using CivicPairing.Web.Infrastructure.Evidence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CivicPairing.Web.Features.Tasks;

public sealed class TaskListQuery : ListQuery
{
    public AgreementTaskStatus? Status { get; set; }
    public bool Overdue { get; set; }
    public DateOnly? DueBefore { get; set; }
    public int? UnitId { get; set; }
    public string? Street { get; set; }

    public override Dictionary<string, string?> ToRouteValues()
    {
        var values = BaseRouteValues();
        values["status"] = Status?.ToString();
        values["overdue"] = Overdue ? "true" : null;
        values["street"] = string.IsNullOrWhiteSpace(Street) ? null : Street;
        values["unitId"] = UnitId?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        values["dueBefore"] = DueBefore?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return values;
    }
}

public sealed record TaskRow(int Id, int Number, string Title, DateOnly DueDate, AgreementTaskStatus Status, int AgreementId, string AgreementTitle, string UnitName, string CommunityName)
{
    public bool IsOverdue(DateOnly today) => AgreementTask.IsOverdue(Status, DueDate, today);
}

public sealed record TaskListPage(TaskListQuery Query, PagedList<TaskRow> Tasks, DateOnly Today);

public sealed record LinkedActivity(int Id, DateOnly Date, string Title, Domain.Activities.ActivityStatus Status);

public sealed record TaskPage(AgreementTask Task, IReadOnlyList<AgreementTaskEvent> History, IReadOnlyList<LinkedActivity> Activities, AgreementStatus AgreementStatus, bool ActsForUnit, bool ActsForCommunity, DateOnly Today);

/// <summary>共建任务: the unit reports a task done, the community confirms it or sends it back. Only confirmed counts.</summary>
public sealed class TasksController(AppDbContext db, PartyAccess access, EvidenceUploads uploads, CityClock clock, IStringLocalizer<SharedResource> l,
    Microsoft.Extensions.Options.IOptions<ListOptions> lists) : Controller
{
    private string Actor => User.Identity?.Name ?? "";

    [HttpGet]
    public async Task<IActionResult> Index(TaskListQuery query, CancellationToken ct)
    {
        var today = clock.Today;
        var tasks = Filtered(query, today);
        // Tasks still to do first, then the confirmed ones, each by due date; counted up to a cap (a province has 150,000).
        // A party's few tasks are sorted in one query; the office's are read segment by segment along the due-date index.
        var rows = await tasks.ToSegmentedPagedListAsync([t => t.Status != AgreementTaskStatus.Confirmed, t => t.Status == AgreementTaskStatus.Confirmed], t => t
            .OrderBy(t => t.DueDate).ThenBy(t => t.Id)
            .Select(RowOf), query.Page, countCap: KeysetPaging.CountCap, ct: ct,
            whenFew: t => t.OrderBy(t => t.Status == AgreementTaskStatus.Confirmed).ThenBy(t => t.DueDate).ThenBy(t => t.Id)
                .Select(RowOf), fewRows: lists.Value.SortUpTo);
        return View(new TaskListPage(query, rows, today));
    }

    /// <summary>Exactly the rows the list's filters keep, in the list's order (still to do first, by due date), streamed to the file.</summary>
    [HttpGet]
    public IActionResult Export(TaskListQuery query, string format)
    {
        if (!TableExportResult<TaskRow>.IsSupported(format))
        {
            return NotFound();
        }
        var today = clock.Today;
        var rows = Filtered(query, today).OrderBy(t => t.Status == AgreementTaskStatus.Confirmed).ThenBy(t => t.DueDate).ThenBy(t => t.Id).Select(RowOf);
        string[] headers = ["No.", "Task", "Agreement", "Unit", "Community", "Due date", "Status", "Overdue"];
        return new TableExportResult<TaskRow>(format, l["Tasks"], [.. headers.Select(h => l[h].Value)], rows.AsAsyncEnumerable(),
            r => [r.Number, r.Title, r.AgreementTitle, r.UnitName, r.CommunityName, r.DueDate, l.Text(r.Status), r.IsOverdue(today) ? l["Yes"].Value : ""]);
    }

    /// <summary>The tracked tasks the user may see that the list's filters keep (the list and its export).</summary>
    private IQueryable<AgreementTask> Filtered(TaskListQuery query, DateOnly today)
    {
        // Tasks are tracked from filing on; drafts' tasks are still being written.
        var tasks = access.VisibleTasks(User).AsNoTracking().Tracked(db.Agreements);
        if (query.SearchText is { } q)
        {
            tasks = tasks.Where(t => t.Title.Contains(q) || t.Agreement!.Pairing!.Unit!.Name.Contains(q) || t.Agreement.Pairing.Community!.Name.Contains(q));
        }
        tasks = query.Status is { } status ? tasks.Where(t => t.Status == status) : tasks.Where(t => t.Status != AgreementTaskStatus.Cancelled);
        if (query.Overdue)
        {
            tasks = tasks.Where(AgreementTask.OverdueOn(today));
        }
        if (!string.IsNullOrWhiteSpace(query.Street))
        {
            tasks = tasks.Where(t => t.Agreement!.Pairing!.Community!.Street == query.Street);
        }
        if (query.UnitId is { } unitId)
        {
            tasks = tasks.Where(t => t.Agreement!.Pairing!.UnitId == unitId);
        }
        if (query.DueBefore is { } before)
        {
            tasks = tasks.Where(t => t.DueDate <= before);
        }
        return tasks;
    }

    private static readonly System.Linq.Expressions.Expression<Func<AgreementTask, TaskRow>> RowOf = t =>
        new TaskRow(t.Id, t.Number, t.Title, t.DueDate, t.Status, t.AgreementId, t.Agreement!.Title, t.Agreement.Pairing!.Unit!.Name, t.Agreement.Pairing.Community!.Name);

    [HttpGet]
    public async Task<IActionResult> Details(int id, CancellationToken ct)
    {
        var task = await LoadAsync(id, tracking: false, ct);
        if (task is null)
        {
            return NotFound();
        }
        var history = await db.AgreementTaskEvents.AsNoTracking().Where(e => e.TaskId == id).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(ct);
        var pairing = task.Agreement!.Pairing!;
        // From the task's links to its activities, so the database reads a few links, not every activity's.
        var linked = db.Set<Dictionary<string, object>>("ActivityTasks").Where(j => EF.Property<int>(j, "LinkedTasksId") == id).Select(j => EF.Property<int>(j, "ActivityId"));
        var activities = await access.VisibleActivities(User).AsNoTracking().Where(a => linked.Contains(a.Id))
            .OrderByDescending(a => a.Date).Select(a => new LinkedActivity(a.Id, a.Date, a.Title, a.Status)).ToListAsync(ct);
        return View(new TaskPage(task, history, activities, task.Agreement.EffectiveStatus(clock.Today),
            PartyAccess.ActsForUnit(User, pairing), PartyAccess.ActsForCommunity(User, pairing), clock.Today));
    }

    /// <summary>The unit's liaison says what was done, with photos or documents as evidence.</summary>
    [HttpPost]
    [RequestSizeLimit(EvidenceUploads.MaxFiles * EvidenceUploads.MaxFileBytes + 1024 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = EvidenceUploads.MaxFiles * EvidenceUploads.MaxFileBytes + 1024 * 1024)]
    public async Task<IActionResult> Report(int id, string? note, Guid version, List<IFormFile>? files, CancellationToken ct)
    {
        files ??= [];
        var problem = await uploads.CheckAsync(files, ct);
        var stored = new List<EvidenceFile>();
        Outcome outcome;
        try
        {
            outcome = problem is not null
                ? Outcome.Refused
                : await ActAsync(id, version, forUnit: true, async t =>
                {
                    t.ReportDone(note ?? "", t.Agreement!.EffectiveStatus(clock.Today), Actor, clock.Now);
                    stored = await uploads.StoreAsync(files, Actor, ct);
                    t.Evidence.AddRange(stored);
                }, l["Reported done. The community confirms it next."], ct);
        }
        catch
        {
            uploads.Discard(stored); // the report was not saved: no orphan files
            throw;
        }
        if (outcome is Outcome.NotFound or Outcome.Forbidden)
        {
            return outcome == Outcome.NotFound ? NotFound() : Forbid();
        }
        if (outcome == Outcome.Refused)
        {
            // Nothing was saved: drop the files' bytes, keep the note the user typed (to the length a note may have: the
            // form comes back through a cookie, which a hostile 100,000 characters would make too large to send).
            uploads.Discard(stored);
            TempData["Note"] = note?.Length > AgreementTask.TextMaxLength ? note[..AgreementTask.TextMaxLength] : note;
            if (problem is not null)
            {
                TempData["Error"] = problem;
            }
        }
        return RedirectToAction(nameof(Details), new { id });
    }

    /// <summary>The community's secretary confirms what really happened.</summary>
    [HttpPost]
    public async Task<IActionResult> Confirm(int id, Guid version, CancellationToken ct) =>
        Respond(id, await ActAsync(id, version, forUnit: false, t => Sync(() => t.Confirm(Actor, clock.Now)), l["Confirmed. The task now counts for the unit."], ct));

    /// <summary>The community's secretary sends the report back, saying why.</summary>
    [HttpPost]
    public async Task<IActionResult> Return(int id, string? reason, Guid version, CancellationToken ct) =>
        Respond(id, await ActAsync(id, version, forUnit: false, t => Sync(() => t.Return(reason ?? "", Actor, clock.Now)), l["Returned to the unit with your reason."], ct));

    private enum Outcome
    {
        Done,
        Refused,
        NotFound,
        Forbidden,
    }

    private IActionResult Respond(int id, Outcome outcome) => outcome switch
    {
        Outcome.NotFound => NotFound(),
        Outcome.Forbidden => Forbid(),
        _ => RedirectToAction(nameof(Details), new { id }),
    };

    private static Task Sync(Action action)
    {
        action();
        return Task.CompletedTask;
    }

    /// <summary>Runs one step of the task's life for the side allowed to take it; the refusal, if any, goes to TempData.</summary>
    private async Task<Outcome> ActAsync(int id, Guid version, bool forUnit, Func<AgreementTask, Task> act, string success, CancellationToken ct)
    {
        var task = await LoadAsync(id, tracking: true, ct);
        if (task is null)
        {
            return Outcome.NotFound;
        }
        var pairing = task.Agreement!.Pairing!;
        if (forUnit ? !PartyAccess.ActsForUnit(User, pairing) : !PartyAccess.ActsForCommunity(User, pairing))
        {
            return Outcome.Forbidden;
        }
        return await this.TryStepAsync(db, task, version, () => act(task), success, l, ct) ? Outcome.Done : Outcome.Refused;
    }

    private Task<AgreementTask?> LoadAsync(int id, bool tracking, CancellationToken ct)
    {
        var query = access.VisibleTasks(User).Include(t => t.Agreement!.Pairing!.Unit).Include(t => t.Agreement!.Pairing!.Community).Include(t => t.Evidence);
        return (tracking ? query : query.AsNoTracking()).FirstOrDefaultAsync(t => t.Id == id, ct);
    }
}
