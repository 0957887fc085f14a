using System.Security.Claims;
using CivicPairing.Web.Data;
using CivicPairing.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CivicPairing.Web.Features.Notifications;

public sealed record NotificationsPage(IReadOnlyList<Notification> Items, long? Older, int Unread, NotificationPreference Preference, string? Email, bool EmailAvailable, (string Subject, string Body)? Digest = null);

/// <summary>
/// The bell's list: one's own notices newest first (paged by id), opened one by one (read, then the record's page), all
/// marked read at once, and one's channels. Another person's notice is not found.
/// </summary>
public sealed class NotificationsController(AppDbContext db, CityClock clock, IOptions<NotificationOptions> options, NotificationWork work, IStringLocalizer<SharedResource> l) : Controller
{
    public const int PageSize = 30;

    private string Me => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    [HttpGet]
    public async Task<IActionResult> Index(long? before, CancellationToken ct) => View(await PageAsync(before, ct));

    private async Task<NotificationsPage> PageAsync(long? before, CancellationToken ct)
    {
        var me = Me;
        var query = db.Notifications.AsNoTracking().Where(n => n.RecipientId == me);
        if (before is long b)
        {
            query = query.Where(n => n.Id < b);
        }
        var items = await query.OrderByDescending(n => n.Id).Take(PageSize + 1).ToListAsync(ct);
        long? older = items.Count > PageSize ? items[PageSize - 1].Id : null;
        var unread = await db.Notifications.CountAsync(n => n.RecipientId == me && n.ReadAt == null, ct);
        var preference = await db.NotificationPreferences.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == me, ct) ?? new NotificationPreference { UserId = me };
        var email = await db.Users.Where(u => u.Id == me).Select(u => u.Email).FirstOrDefaultAsync(ct);
        // The digest as it would go out now, in the UI's language (the e-mail itself is in Chinese), only while something is unread.
        var digest = unread > 0 ? await work.ReaderDigestAsync(l, me, ct) : ((string, string)?)null;
        return new NotificationsPage(items.Take(PageSize).ToList(), older, unread, preference, email, options.Value.Smtp.IsConfigured, digest);
    }

    /// <summary>Opens a notice: it is read from now on, and the record's page follows.</summary>
    [HttpGet]
    public async Task<IActionResult> Open(long id, CancellationToken ct)
    {
        var me = Me;
        var notice = await db.Notifications.FirstOrDefaultAsync(n => n.Id == id && n.RecipientId == me, ct);
        if (notice is null)
        {
            return NotFound();
        }
        if (notice.ReadAt is null)
        {
            notice.ReadAt = clock.Now;
            await db.SaveChangesAsync(ct);
        }
        return Url.IsLocalUrl(notice.Link) ? LocalRedirect(notice.Link) : RedirectToAction(nameof(Index));
    }

    [HttpPost]
    public async Task<IActionResult> ReadAll(CancellationToken ct)
    {
        var me = Me;
        var now = clock.Now;
        var marked = await db.Notifications.Where(n => n.RecipientId == me && n.ReadAt == null)
            .ExecuteUpdateAsync(n => n.SetProperty(x => x.ReadAt, now), ct);
        TempData["Success"] = l["{0} notifications marked read.", marked].Value;
        return RedirectToAction(nameof(Index));
    }

    /// <summary>One's channels: e-mail for each notice, the daily digest, and the address they go to (one's own to give).</summary>
    [HttpPost]
    public async Task<IActionResult> Preferences(bool email, bool dailyDigest, string? address, CancellationToken ct)
    {
        var me = Me;
        address = string.IsNullOrWhiteSpace(address) ? null : address.Trim();
        if (address is not null && (address.Length > 256 || !MimeKit.MailboxAddress.TryParse(address, out var parsed) || parsed.Address != address || !address.Contains('@', StringComparison.Ordinal)))
        {
            ModelState.AddModelError(nameof(address), l["Give an e-mail address such as name@example.gov.cn."]);
            var page = await PageAsync(null, ct);
            return View(nameof(Index), page with { Preference = new NotificationPreference { UserId = me, Email = email, DailyDigest = dailyDigest }, Email = address });
        }
        var preference = await db.NotificationPreferences.FirstOrDefaultAsync(p => p.UserId == me, ct);
        if (preference is null)
        {
            preference = new NotificationPreference { UserId = me };
            db.NotificationPreferences.Add(preference);
        }
        preference.Email = email;
        preference.DailyDigest = dailyDigest;
        var user = await db.Users.FirstAsync(u => u.Id == me, ct);
        if (user.Email != address)
        {
            // Set as it is, not through the user manager: that would change the security stamp and end the session.
            user.Email = address;
            user.NormalizedEmail = address?.ToUpperInvariant();
        }
        await db.SaveChangesAsync(ct);
        TempData["Success"] = l["Your notification choices are saved."].Value;
        return RedirectToAction(nameof(Index));
    }
}

/// <summary>The bell in the header: the number of one's unread notices (one count on the recipient-and-read index).</summary>
public sealed class NotificationBellViewComponent(AppDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var me = UserClaimsPrincipal.FindFirstValue(ClaimTypes.NameIdentifier);
        var unread = me is null ? 0 : await db.Notifications.CountAsync(n => n.RecipientId == me && n.ReadAt == null);
        return View(unread);
    }
}
