using CivicPairing.Web.Auditing;
using CivicPairing.Web.Data;
using CivicPairing.Web.Identity;
using CivicPairing.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CivicPairing.Web.Features.Audit;

public sealed class AuditListQuery : ListQuery
{
    public string? Entity { get; set; }
    public string? EntityId { get; set; }
    public string? User { get; set; }
    /// <summary>From the query string only: the route's own "action" value (Export) would otherwise bind as <see cref="AuditAction.Export"/>.</summary>
    [FromQuery(Name = "action")]
    public AuditAction? Action { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }

    public IQueryable<AuditEntry> Apply(IQueryable<AuditEntry> entries, IQueryable<AppUser> users)
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
            // A person by their login or by their full name ("王科长" finds 文明办 王科长's changes).
            var who = User.Trim();
            var named = users.Where(u => u.DisplayName.Contains(who)).Select(u => u.Id);
            entries = entries.Where(e => e.UserName.Contains(who) || (e.UserId != null && named.Contains(e.UserId)));
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

public sealed record AuditPage(AuditListQuery Query, PagedList<AuditEntry> Entries, IReadOnlyList<AuditLine> Lines, IReadOnlyList<string> EntityTypes);

/// <summary>The append-only audit log, for the office to browse. There is no action that edits or deletes it.</summary>
[Authorize(Roles = Roles.OfficeOrAdmin)]
public sealed class AuditController(AppDbContext db, AuditNarrator narrator, IStringLocalizer<SharedResource> l) : Controller
{
    private const int PageSize = 50;
    private const int ExportBatch = 500;

    [HttpGet]
    public async Task<IActionResult> Index(AuditListQuery query, CancellationToken ct)
    {
        var entries = await query.Apply(db.AuditEntries.AsNoTracking(), db.Users).ToPagedListAsync(query.Page, PageSize, ct);
        var lines = await narrator.TellAsync(entries.Items, ct);
        var types = await db.AuditEntries.AsNoTracking().Select(e => e.EntityType).Distinct().ToListAsync(ct);
        return View(new AuditPage(query, entries, lines, types.OrderBy(t => l[AuditVocabulary.Kind(t)].Value, StringComparer.Create(System.Globalization.CultureInfo.CurrentUICulture, false)).ToList()));
    }

    /// <summary>Exactly the rows the filters select, newest first, told as on the page (a batch of rows at a time).</summary>
    [HttpGet]
    public IActionResult Export(AuditListQuery query, string? format)
    {
        if (!TableExportResult<AuditLine>.IsSupported(format))
        {
            return BadRequest();
        }
        string[] headers = ["Time", "Person", "User name", "Action", "Record type", "Record", "Change", "Note"];
        return new TableExportResult<AuditLine>(format!, l["Audit log"], headers.Select(h => l[h].Value).ToList(), Lines(query, HttpContext.RequestAborted),
            line => [Format.DateTime(line.Entry.At), line.Person, line.Entry.UserName, l[line.Entry.Action.ToString()].Value, line.Kind, line.Record, line.Sentence, line.Entry.Note]);
    }

    private async IAsyncEnumerable<AuditLine> Lines(AuditListQuery query, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var filtered = query.Apply(db.AuditEntries.AsNoTracking(), db.Users);
        // Keyset batches along the log's own order (time, then id, newest first): the narrator queries between batches.
        DateTimeOffset? at = null;
        long id = 0;
        while (true)
        {
            var batchQuery = filtered;
            if (at is { } lastAt)
            {
                var lastId = id;
                batchQuery = batchQuery.Where(e => e.At < lastAt || (e.At == lastAt && e.Id < lastId));
            }
            var batch = await batchQuery.Take(ExportBatch).ToListAsync(ct);
            foreach (var line in await narrator.TellAsync(batch, ct))
            {
                yield return line;
            }
            if (batch.Count < ExportBatch)
            {
                yield break;
            }
            (at, id) = (batch[^1].At, batch[^1].Id);
        }
    }
}
