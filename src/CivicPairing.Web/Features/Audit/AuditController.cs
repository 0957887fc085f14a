using CivicPairing.Web.Auditing;
using CivicPairing.Web.Data;
using CivicPairing.Web.Identity;
using CivicPairing.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CivicPairing.Web.Features.Audit;

public sealed class AuditListQuery : ListQuery
{
    public string? Entity { get; set; }
    public string? EntityId { get; set; }
    public string? User { get; set; }
    public AuditAction? Action { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }

    public IQueryable<AuditEntry> Apply(IQueryable<AuditEntry> entries)
    {
        if (!string.IsNullOrWhiteSpace(Entity))
        {
            entries = entries.Where(e => e.EntityType == Entity);
        }
        if (!string.IsNullOrWhiteSpace(EntityId))
        {
            entries = entries.Where(e => e.EntityId == EntityId);
        }
        if (!string.IsNullOrWhiteSpace(User))
        {
            entries = entries.Where(e => e.UserName.Contains(User.Trim()));
        }
        if (Action is { } action)
        {
            entries = entries.Where(e => e.Action == action);
        }
        if (SearchText is { } q)
        {
            entries = entries.Where(e => (e.Before != null && e.Before.Contains(q)) || (e.After != null && e.After.Contains(q)) || (e.Note != null && e.Note.Contains(q)));
        }
        if (From is { } from)
        {
            var start = Format.StartOf(ListQuery.Within(from));
            entries = entries.Where(e => e.At >= start);
        }
        if (To is { } to)
        {
            var end = Format.StartOf(ListQuery.Within(to).AddDays(1));
            entries = entries.Where(e => e.At < end);
        }
        // Newest first is the only order that makes sense for a log; the id breaks ties within one save.
        return entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Id);
    }

    public override Dictionary<string, string?> ToRouteValues()
    {
        var values = BaseRouteValues();
        values["entity"] = Entity;
        values["entityId"] = EntityId;
        values["user"] = User;
        values["action"] = Action?.ToString();
        values["from"] = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        values["to"] = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return values;
    }
}

public sealed record AuditPage(AuditListQuery Query, PagedList<AuditEntry> Entries, IReadOnlyList<string> EntityTypes);

/// <summary>The append-only audit log, for the office to browse. There is no action that edits or deletes it.</summary>
[Authorize(Roles = Roles.OfficeOrAdmin)]
public sealed class AuditController(AppDbContext db) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(AuditListQuery query, CancellationToken ct)
    {
        var entries = await query.Apply(db.AuditEntries.AsNoTracking()).ToPagedListAsync(query.Page, 50, ct);
        var types = await db.AuditEntries.AsNoTracking().Select(e => e.EntityType).Distinct().OrderBy(t => t).ToListAsync(ct);
        return View(new AuditPage(query, entries, types));
    }
}
