using CivicPairing.Web.Data;
using CivicPairing.Web.Identity;
using CivicPairing.Web.Infrastructure.Evidence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CivicPairing.Web.Features.Evidence;

/// <summary>The only way to evidence bytes: the file is served to those who may see what it supports, 404 to everyone else.</summary>
public sealed class EvidenceController(AppDbContext db, PartyAccess access, IEvidenceStore store, Infrastructure.CityClock clock) : Controller
{
    [HttpGet("/Evidence/{id:guid}")]
    public async Task<IActionResult> Show(Guid id, bool thumb, CancellationToken ct)
    {
        // The file by its key, then its one record checked against what the user may see (a set of every visible
        // activity's id is a million rows for the office).
        var file = await db.EvidenceFiles.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        var visible = file switch
        {
            { AgreementTaskId: { } taskId } => await access.VisibleTasks(User).AnyAsync(t => t.Id == taskId, ct),
            { NeedId: { } needId } => await access.VisibleNeeds(User).AnyAsync(n => n.Id == needId, ct),
            { AidHouseholdId: { } householdId } => await access.VisibleHouseholds(User).AnyAsync(h => h.Id == householdId, ct),
            { ActivityId: { } activityId } => await access.VisibleActivities(User).AnyAsync(a => a.Id == activityId, ct),
            // A payment's voucher: seen by whoever may see the request it was paid to.
            { } voucher => await access.VisibleFundingRequests(User).AnyAsync(r => r.Payments.Any(p => p.VoucherId == voucher.Id), ct),
            _ => false,
        };
        if (!visible)
        {
            file = null;
        }
        var small = thumb && file?.ThumbnailName is not null;
        var content = file is null ? null : store.Open(small ? file.ThumbnailName! : file.StoredName);
        if (file is null || content is null)
        {
            return NotFound();
        }
        if (file.AidHouseholdId is { } household && !small)
        {
            // A household's evidence is part of its record: each opening is audited like a view of the household.
            await Auditing.AccessLog.RecordAsync(db, User, clock.Now, Auditing.AuditAction.View, nameof(Domain.AidHouseholds.AidHousehold),
                household.ToString(System.Globalization.CultureInfo.InvariantCulture), $"evidence {file.Id}", ct);
        }
        Response.Headers.CacheControl = "private, max-age=3600";
        // Only JPEG, PNG and PDF are ever stored (checked by their bytes), so showing them inline is safe; a phone opens them in place.
        Response.Headers.ContentDisposition = $"inline; filename*=UTF-8''{Uri.EscapeDataString(file.OriginalName)}";
        return new FileStreamResult(content, small ? "image/jpeg" : file.ContentType) { EnableRangeProcessing = true };
    }
}
