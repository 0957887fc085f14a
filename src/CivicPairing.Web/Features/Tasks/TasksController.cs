using CivicPairing.Domain;
using CivicPairing.Domain.Agreements;
using CivicPairing.Web.Data;
using CivicPairing.Web.Identity;
using CivicPairing.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CivicPairing.Web.Features.Tasks;

public sealed class TaskListQuery : ListQuery
{
    public AgreementTaskStatus? Status { get; set; }
    public bool Overdue { get; set; }
    public DateOnly? DueBefore { get; set; }

    public override Dictionary<string, string?> ToRouteValues()
    {
        var values = BaseRouteValues();
        values["status"] = Status?.ToString();
        values["overdue"] = Overdue ? "true" : null;
        values["dueBefore"] = DueBefore?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return values;
    }
}

public sealed record TaskRow(int Id, int Number, string Title, DateOnly DueDate, AgreementTaskStatus Status, int AgreementId, string AgreementTitle, string UnitName, string CommunityName)
{
    public bool IsOverdue(DateOnly today) => Status is AgreementTaskStatus.Open or AgreementTaskStatus.ReportedDone && DueDate < today;
}

public sealed record TaskListPage(TaskListQuery Query, PagedList<TaskRow> Tasks, DateOnly Today);

public sealed record TaskPage(AgreementTask Task, IReadOnlyList<AgreementTaskEvent> History, AgreementStatus AgreementStatus, bool ActsForUnit, bool ActsForCommunity, DateOnly Today);

/// <summary>共建任务: the unit reports a task done, the community confirms it or sends it back. Only confirmed counts.</summary>
public sealed class TasksController(AppDbContext db, PartyAccess access, IStringLocalizer<SharedResource> l) : Controller
{
    private string Actor => User.Identity?.Name ?? "";

    [HttpGet]
    public async Task<IActionResult> Index(TaskListQuery query, CancellationToken ct)
    {
        var today = Format.Today;
        // Tasks are tracked from filing on; drafts' tasks are still being written.
        var tasks = access.VisibleTasks(User).AsNoTracking()
            .Where(t => t.Agreement!.Status == AgreementStatus.Filed || t.Agreement.Status == AgreementStatus.Superseded || t.Agreement.Status == AgreementStatus.Terminated);
        if (query.SearchText is { } q)
        {
            tasks = tasks.Where(t => t.Title.Contains(q) || t.Agreement!.Pairing!.Unit!.Name.Contains(q) || t.Agreement.Pairing.Community!.Name.Contains(q));
        }
        tasks = query.Status is { } status ? tasks.Where(t => t.Status == status) : tasks.Where(t => t.Status != AgreementTaskStatus.Cancelled);
        if (query.Overdue)
        {
            tasks = tasks.Where(t => (t.Status == AgreementTaskStatus.Open || t.Status == AgreementTaskStatus.ReportedDone) && t.DueDate < today);
        }
        if (query.DueBefore is { } before)
        {
            tasks = tasks.Where(t => t.DueDate <= before);
        }
        var rows = tasks
            .OrderBy(t => t.Status == AgreementTaskStatus.Confirmed).ThenBy(t => t.DueDate).ThenBy(t => t.Id)
            .Select(t => new TaskRow(t.Id, t.Number, t.Title, t.DueDate, t.Status, t.AgreementId, t.Agreement!.Title, t.Agreement.Pairing!.Unit!.Name, t.Agreement.Pairing.Community!.Name));
        return View(new TaskListPage(query, await rows.ToPagedListAsync(query.Page, ct: ct), today));
    }

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
        return View(new TaskPage(task, history, task.Agreement.EffectiveStatus(Format.Today),
            PartyAccess.ActsForUnit(User, pairing), PartyAccess.ActsForCommunity(User, pairing), Format.Today));
    }

    /// <summary>The unit's liaison says what was done.</summary>
    [HttpPost]
    public Task<IActionResult> Report(int id, string? note, Guid version, CancellationToken ct) =>
        ActAsync(id, version, forUnit: true, t => t.ReportDone(note ?? "", t.Agreement!.EffectiveStatus(Format.Today), Actor, DateTimeOffset.UtcNow),
            l["Reported done. The community confirms it next."], ct);

    /// <summary>The community's secretary confirms what really happened.</summary>
    [HttpPost]
    public Task<IActionResult> Confirm(int id, Guid version, CancellationToken ct) =>
        ActAsync(id, version, forUnit: false, t => t.Confirm(Actor, DateTimeOffset.UtcNow), l["Confirmed. The task now counts for the unit."], ct);

    /// <summary>The community's secretary sends the report back, saying why.</summary>
    [HttpPost]
    public Task<IActionResult> Return(int id, string? reason, Guid version, CancellationToken ct) =>
        ActAsync(id, version, forUnit: false, t => t.Return(reason ?? "", Actor, DateTimeOffset.UtcNow), l["Returned to the unit with your reason."], ct);

    private async Task<IActionResult> ActAsync(int id, Guid version, bool forUnit, Action<AgreementTask> act, string success, CancellationToken ct)
    {
        var task = await LoadAsync(id, tracking: true, ct);
        if (task is null)
        {
            return NotFound();
        }
        var pairing = task.Agreement!.Pairing!;
        if (forUnit ? !PartyAccess.ActsForUnit(User, pairing) : !PartyAccess.ActsForCommunity(User, pairing))
        {
            return Forbid();
        }
        try
        {
            if (await Concurrency.TrySaveAsync(db, task, version, () => act(task), ct))
            {
                TempData["Success"] = success;
            }
            else
            {
                TempData["Error"] = l["Someone else changed this record meanwhile. Check it and try again."].Value;
            }
        }
        catch (DomainException refusal)
        {
            TempData["Error"] = l.Text(refusal);
        }
        return RedirectToAction(nameof(Details), new { id });
    }

    private Task<AgreementTask?> LoadAsync(int id, bool tracking, CancellationToken ct)
    {
        var query = access.VisibleTasks(User).Include(t => t.Agreement!.Pairing!.Unit).Include(t => t.Agreement!.Pairing!.Community);
        return (tracking ? query : query.AsNoTracking()).FirstOrDefaultAsync(t => t.Id == id, ct);
    }
}
