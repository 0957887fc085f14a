using System.Globalization;
using System.Text;
using CivicPairing.Domain.Activities;
using CivicPairing.Domain.Agreements;
using CivicPairing.Domain.Needs;
using CivicPairing.Domain.Pairings;
using CivicPairing.Web.Data;
using CivicPairing.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CivicPairing.Web.Features.Notifications;

/// <summary>Who this portal instance is when it takes the scheduler's lease.</summary>
public sealed class NotificationInstance(IConfiguration configuration)
{
    public string Holder { get; } = $"{PortalSetup.InstanceName(configuration) ?? Environment.MachineName}/{Guid.NewGuid():N}";
}

/// <summary>What one cycle did (the tests and the log read it).</summary>
public sealed record CycleResult(bool HeldLease, int Escalated, int DigestsQueued, int Planned, int Delivered, int Failed)
{
    public static readonly CycleResult NotHeld = new(false, 0, 0, 0, 0, 0);
}

/// <summary>
/// The scheduled work of notifications, one cycle at a time, run by the instance holding the lease: escalate what has
/// waited too long, queue the daily digest once a day, turn new notices into deliveries (e-mail, group robots), and
/// deliver what is due, recording each failure and putting the next attempt off. <see cref="NotificationWorker"/> runs a
/// cycle every <see cref="NotificationOptions.PollSeconds"/>; tests call <see cref="RunCycleAsync"/> themselves.
/// </summary>
public sealed class NotificationWork(AppDbContext db, IOptions<NotificationOptions> options, TimeProvider time, NotificationInstance instance,
    EmailSender email, WebhookSender webhooks, IStringLocalizerFactory localizers, ILogger<NotificationWork> log)
{
    private NotificationOptions Options => options.Value;

    public async Task<CycleResult> RunCycleAsync(string? holder = null, CancellationToken ct = default)
    {
        holder ??= instance.Holder;
        if (!await TryTakeLeaseAsync(holder, ct))
        {
            return CycleResult.NotHeld;
        }
        var escalated = await EscalateAsync(ct);
        var digests = await QueueDigestsIfDueAsync(ct);
        var planned = await PlanAsync(ct);
        var (delivered, failed) = await DeliverAsync(ct);
        return new CycleResult(true, escalated, digests, planned, delivered, failed);
    }

    /// <summary>Takes (or renews) the lease with one conditional UPDATE: free, run out, or already this holder's.</summary>
    public async Task<bool> TryTakeLeaseAsync(string holder, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var until = now.AddSeconds(Math.Max(10, Options.LeaseSeconds));
        var taken = await db.JobLeases
            .Where(l => l.Name == JobLease.Notifications && (l.Holder == null || l.Holder == holder || l.ExpiresAt < now))
            .ExecuteUpdateAsync(l => l.SetProperty(x => x.Holder, holder).SetProperty(x => x.ExpiresAt, until), ct);
        return taken == 1;
    }

    // ---- escalation ----------------------------------------------------------------------------------------------

    /// <summary>Items waiting more than <see cref="NotificationOptions.EscalateAfterDays"/> days go to the office's staff, once each.</summary>
    public async Task<int> EscalateAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var cutoff = now.AddDays(-Math.Max(1, Options.EscalateAfterDays));
        var cutoffDay = new CityClock(time).Today.AddDays(-Math.Max(1, Options.EscalateAfterDays));
        var office = await NotificationRules.OfficeAsync(db, ct);
        if (office.Count == 0)
        {
            return 0;
        }
        var escalated = db.Notifications.Where(n => n.Kind == NotificationKind.Escalation);
        var waiting = new List<object>();
        waiting.AddRange(await db.Activities.Where(a => a.Status == ActivityStatus.Submitted && a.SubmittedAt < cutoff
                && !escalated.Any(n => n.RecordType == nameof(Activity) && n.RecordId == a.Id)).OrderBy(a => a.Id).Take(100).ToListAsync(ct));
        waiting.AddRange(await db.Pairings.Where(p => p.Status == PairingStatus.Proposed && p.CreatedAt < cutoff
                && !escalated.Any(n => n.RecordType == nameof(Pairing) && n.RecordId == p.Id)).OrderBy(p => p.Id).Take(100).ToListAsync(ct));
        waiting.AddRange(await db.AgreementTasks.Where(t => t.Status == AgreementTaskStatus.ReportedDone && t.ReportedAt < cutoff
                && !escalated.Any(n => n.RecordType == nameof(AgreementTask) && n.RecordId == t.Id)).OrderBy(t => t.Id).Take(100).ToListAsync(ct));
        waiting.AddRange(await db.Needs.Where(n => n.Status == NeedStatus.Submitted && n.PostedAt < cutoff
                && !escalated.Any(x => x.RecordType == nameof(Need) && x.RecordId == n.Id)).OrderBy(n => n.Id).Take(100).ToListAsync(ct));
        waiting.AddRange(await db.Agreements.Where(a => a.Status == AgreementStatus.SignedByBoth && a.CommunitySignedOn < cutoffDay
                && !escalated.Any(n => n.RecordType == nameof(Agreement) && n.RecordId == a.Id)).OrderBy(a => a.Id).Take(100).ToListAsync(ct));
        foreach (var item in waiting)
        {
            var about = await NotificationRules.AboutAsync(db, item, ct);
            var eventId = Guid.NewGuid();
            db.Notifications.AddRange(office.Select(recipient => new Notification
            {
                RecipientId = recipient, Kind = NotificationKind.Escalation, RecordType = about.Type, RecordId = about.Id, Link = about.Link,
                Subject = about.Subject, UnitId = about.UnitId, Street = about.Street, EventId = eventId, CreatedAt = now,
            }));
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return waiting.Count;
    }

    // ---- digest --------------------------------------------------------------------------------------------------

    /// <summary>
    /// From <see cref="NotificationOptions.DigestHour"/> in the city, once a day across all instances (the day is claimed
    /// with a conditional UPDATE in the same transaction as the digests it queues): each person who chose the digest gets
    /// their unread notices in one e-mail, and each group robot the day's events of its street or unit in one message.
    /// </summary>
    public async Task<int> QueueDigestsIfDueAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var local = Format.Local(now);
        var today = DateOnly.FromDateTime(local);
        if (local.Hour < Options.DigestHour)
        {
            return 0;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db.JobLeases
            .Where(l => l.Name == JobLease.Notifications && (l.LastDigestOn == null || l.LastDigestOn < today))
            .ExecuteUpdateAsync(l => l.SetProperty(x => x.LastDigestOn, today), ct);
        if (claimed != 1)
        {
            return 0;
        }
        var queued = 0;
        using (Chinese())
        {
            var l = Localizer();
            if (Options.Smtp.IsConfigured)
            {
                var readers = await (
                    from p in db.NotificationPreferences
                    join u in db.Users on p.UserId equals u.Id
                    where p.DailyDigest && u.Email != null && u.Email != "" && db.Notifications.Any(n => n.RecipientId == u.Id && n.ReadAt == null)
                    select new { u.Id, u.Email }).ToListAsync(ct);
                foreach (var reader in readers)
                {
                    var (subject, body) = await ReaderDigestAsync(l, reader.Id, ct);
                    db.NotificationDeliveries.Add(NewDelivery(null, DeliveryChannel.Email, reader.Email!, subject, body, now, digest: true));
                    queued++;
                }
            }
            var since = now.AddDays(-1);
            foreach (var target in await db.WebhookTargets.AsNoTracking().Where(t => t.IsActive).ToListAsync(ct))
            {
                var events = await db.Notifications.AsNoTracking()
                    .Where(n => n.CreatedAt >= since && n.Kind != NotificationKind.Escalation
                        && ((target.UnitId != null && n.UnitId == target.UnitId) || (target.Street != null && n.Street == target.Street)))
                    .OrderByDescending(n => n.Id).Take(500).ToListAsync(ct);
                var distinct = events.DistinctBy(n => n.EventId).ToList();
                if (distinct.Count == 0)
                {
                    continue;
                }
                db.NotificationDeliveries.Add(NewDelivery(null, DeliveryChannel.Webhook, Key(target.Id),
                    l["Daily digest: {0} unread", distinct.Count], DigestBody(l, distinct.Take(20).ToList(), distinct.Count), now, digest: true));
                queued++;
            }
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return queued;
    }

    /// <summary>
    /// What a person's daily digest e-mail says (subject and text): their newest unread notices, fifty at most, and how
    /// many there are. The notifications page shows the same text as a preview, so a person sees what they will get.
    /// </summary>
    public async Task<(string Subject, string Body)> ReaderDigestAsync(IStringLocalizer l, string readerId, CancellationToken ct)
    {
        var unread = await db.Notifications.AsNoTracking().Where(n => n.RecipientId == readerId && n.ReadAt == null)
            .OrderByDescending(n => n.Id).Take(50).ToListAsync(ct);
        var total = await db.Notifications.CountAsync(n => n.RecipientId == readerId && n.ReadAt == null, ct);
        return ($"【{l["CivicPairing"]}】{l["Daily digest: {0} unread", total]}", DigestBody(l, unread, total));
    }

    private string DigestBody(IStringLocalizer l, List<Notification> items, int total)
    {
        var text = new StringBuilder();
        text.AppendLine(l["Daily digest: {0} unread", total]);
        foreach (var n in items)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"· {Line(l, n)}  {Url(n.Link)}");
        }
        if (total > items.Count)
        {
            text.AppendLine(l["and {0} more", total - items.Count]);
        }
        text.AppendLine(Url("/Notifications"));
        return text.ToString();
    }

    // ---- planning and delivery -----------------------------------------------------------------------------------

    /// <summary>Turns new notices into deliveries: an e-mail to each recipient who wants them, one message to each matching group robot.</summary>
    public async Task<int> PlanAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var batch = await db.Notifications.Where(n => n.PlannedAt == null).OrderBy(n => n.Id).Take(500).ToListAsync(ct);
        if (batch.Count == 0)
        {
            return 0;
        }
        var recipientIds = batch.Select(n => n.RecipientId).Distinct().ToList();
        var addresses = Options.Smtp.IsConfigured
            ? await (from u in db.Users
                     where recipientIds.Contains(u.Id) && u.Email != null && u.Email != ""
                        && !db.NotificationPreferences.Any(p => p.UserId == u.Id && !p.Email)
                     select new { u.Id, u.Email }).ToDictionaryAsync(u => u.Id, u => u.Email!, ct)
            : [];
        var targets = await db.WebhookTargets.AsNoTracking().Where(t => t.IsActive).ToListAsync(ct);
        using (Chinese())
        {
            var l = Localizer();
            foreach (var n in batch)
            {
                n.PlannedAt = now;
                if (addresses.TryGetValue(n.RecipientId, out var address))
                {
                    db.NotificationDeliveries.Add(NewDelivery(n.Id, DeliveryChannel.Email, address, $"【{l["CivicPairing"]}】{Line(l, n)}",
                        $"{Line(l, n)}\n{Url(n.Link)}\n\n{l["All your notifications: {0}", Url("/Notifications")]}", now));
                }
            }
            // A group hears of an event once, however many people it told: by the event's first notice.
            foreach (var first in batch.GroupBy(n => n.EventId).Select(g => g.First()))
            {
                if (await db.Notifications.AnyAsync(n => n.EventId == first.EventId && n.Id < first.Id, ct))
                {
                    continue;
                }
                foreach (var target in targets.Where(t => (t.UnitId != null && t.UnitId == first.UnitId) || (t.Street != null && t.Street == first.Street)))
                {
                    db.NotificationDeliveries.Add(NewDelivery(first.Id, DeliveryChannel.Webhook, Key(target.Id), Line(l, first), $"{Line(l, first)}\n{Url(first.Link)}", now));
                }
            }
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return batch.Count;
    }

    /// <summary>Sends what is due; a failure is written down with the next attempt's time, and never stops the others.</summary>
    public async Task<(int Delivered, int Failed)> DeliverAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var max = Math.Max(1, Options.MaxAttempts);
        var due = await db.NotificationDeliveries.Where(d => d.DeliveredAt == null && d.Attempts < max && d.NextAttemptAt <= now)
            .OrderBy(d => d.Id).Take(100).ToListAsync(ct);
        var targets = await db.WebhookTargets.AsNoTracking().ToDictionaryAsync(t => Key(t.Id), ct);
        int delivered = 0, failed = 0;
        foreach (var delivery in due)
        {
            try
            {
                if (delivery.Channel == DeliveryChannel.Email)
                {
                    await email.SendAsync(delivery.Target, delivery.Subject, delivery.Body, ct);
                }
                else if (targets.TryGetValue(delivery.Target, out var target) && target.IsActive)
                {
                    await webhooks.SendAsync(target, delivery.Body, ct);
                }
                else
                {
                    throw new InvalidOperationException("The group robot was removed or switched off.");
                }
                delivery.DeliveredAt = time.GetUtcNow();
                delivery.Attempts++;
                delivered++;
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                delivery.Attempts++;
                delivery.LastError = NotificationRules.Trim(e.Message);
                delivery.NextAttemptAt = time.GetUtcNow().AddMinutes(Math.Pow(2, delivery.Attempts - 1));
                failed++;
                log.LogWarning("Delivery {Delivery} by {Channel} failed (attempt {Attempt} of {Max}): {Error}", delivery.Id, delivery.Channel, delivery.Attempts, max, e.Message);
            }
            await db.SaveChangesAsync(ct);
        }
        db.ChangeTracker.Clear();
        return (delivered, failed);
    }

    /// <summary>A test message for a group robot, sent now; the error, if any, is returned for the office to read.</summary>
    public async Task<string?> SendTestAsync(WebhookTarget target, CancellationToken ct)
    {
        using (Chinese())
        {
            var l = Localizer();
            try
            {
                await webhooks.SendAsync(target, $"{l["CivicPairing"]}：{l["Test message: this group will hear of the programme's events."]}", ct);
                return null;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException or UriFormatException)
            {
                return e.Message;
            }
        }
    }

    private static NotificationDelivery NewDelivery(long? notificationId, DeliveryChannel channel, string target, string subject, string body, DateTimeOffset now, bool digest = false) =>
        new()
        {
            NotificationId = notificationId, IsDigest = digest, Channel = channel, Target = target,
            Subject = subject.Length <= 300 ? subject : subject[..300], Body = body, CreatedAt = now, NextAttemptAt = now,
        };

    public static string Key(int targetId) => targetId.ToString(CultureInfo.InvariantCulture);

    /// <summary>How a notice reads: its kind, then the record's words.</summary>
    public static string Line(IStringLocalizer l, Notification n) => $"{l.Text(n.Kind)}：{n.Subject}";

    private string Url(string path) => string.IsNullOrWhiteSpace(Options.PortalUrl) ? path : Options.PortalUrl.TrimEnd('/') + path;

    private IStringLocalizer Localizer() => localizers.Create(typeof(SharedResource));

    /// <summary>Messages leave in Chinese, the portal's language, whoever's request or timer runs the cycle.</summary>
    private static CultureScope Chinese() => new(new CultureInfo(Localization.Chinese));

    private readonly struct CultureScope : IDisposable
    {
        private readonly CultureInfo _before;
        private readonly CultureInfo _beforeUi;

        public CultureScope(CultureInfo culture)
        {
            _before = CultureInfo.CurrentCulture;
            _beforeUi = CultureInfo.CurrentUICulture;
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
        }

        public void Dispose()
        {
            CultureInfo.CurrentCulture = _before;
            CultureInfo.CurrentUICulture = _beforeUi;
        }
    }
}

/// <summary>Runs a notification cycle every <see cref="NotificationOptions.PollSeconds"/> on every instance; the lease lets one of them work.</summary>
public sealed class NotificationWorker(IServiceScopeFactory scopes, TimeProvider time, IOptions<NotificationOptions> options, ILogger<NotificationWorker> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = options.Value.PollSeconds;
        if (seconds <= 0)
        {
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<NotificationWork>().RunCycleAsync(ct: stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "A notification cycle failed; the next one tries again");
            }
        }
    }
}
