using CivicPairing.Domain.Activities;
using CivicPairing.Domain.Agreements;
using CivicPairing.Domain.Inspections;
using CivicPairing.Domain.Needs;
using CivicPairing.Domain.Pairings;
using CivicPairing.Domain.Scoring;
using CivicPairing.Web.Data;
using CivicPairing.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CivicPairing.Web.Features.Notifications;

/// <summary>
/// The one place that says which change tells whom: read from the pending changes before a save (as the audit log is),
/// written as <see cref="Notification"/> rows inside the same transaction by <see cref="AppDbContext"/>, so a change and
/// its notices commit together or not at all. Sending them on (e-mail, group robots) is the dispatcher's, after commit.
/// </summary>
public sealed class NotificationRules
{
    private enum Audience { Office, UnitLiaisons, CommunitySecretaries, BothParties, AllLiaisons, PairedLiaisons }

    private readonly List<(NotificationKind Kind, Audience Audience, object Entity)> _pending = [];
    private readonly List<object> _moved = [];

    /// <summary>The notices that ask someone to act; once their record moves on, they are handled and read.</summary>
    private static readonly NotificationKind[] ToDo =
    [
        NotificationKind.PairingToDecide, NotificationKind.AgreementToSign, NotificationKind.AgreementToFile, NotificationKind.ActivityToConfirm,
        NotificationKind.TaskToConfirm, NotificationKind.NeedToReview, NotificationKind.NeedToTake, NotificationKind.Escalation,
    ];

    public NotificationRules(ChangeTracker tracker)
    {
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
            {
                continue;
            }
            var added = entry.State == EntityState.Added;
            if (!added && entry.Entity is Pairing or Agreement or Activity or AgreementTask or Need
                && entry.Properties.Any(p => p.Metadata.Name == "Status" && !Equals(p.OriginalValue, p.CurrentValue)))
            {
                _moved.Add(entry.Entity);
            }
            switch (entry.Entity)
            {
                case Pairing p when added && p.Status == PairingStatus.Proposed:
                    Add(NotificationKind.PairingToDecide, Audience.Office, p);
                    break;
                case Agreement a when Moved(entry, nameof(Agreement.Status), added):
                    switch (a.Status)
                    {
                        case AgreementStatus.Draft: Add(NotificationKind.AgreementToSign, Audience.UnitLiaisons, a); break;
                        case AgreementStatus.SignedByUnit: Add(NotificationKind.AgreementToSign, Audience.CommunitySecretaries, a); break;
                        case AgreementStatus.SignedByBoth: Add(NotificationKind.AgreementToFile, Audience.Office, a); break;
                        case AgreementStatus.Filed: Add(NotificationKind.AgreementFiled, Audience.BothParties, a); break;
                    }
                    break;
                case Activity a when Moved(entry, nameof(Activity.Status), added):
                    if (a.Status == ActivityStatus.Submitted)
                    {
                        Add(NotificationKind.ActivityToConfirm, Audience.CommunitySecretaries, a);
                    }
                    else if (a.Status == ActivityStatus.Disputed)
                    {
                        Add(NotificationKind.ActivityDisputed, Audience.UnitLiaisons, a);
                    }
                    break;
                case AgreementTask t when !added && Moved(entry, nameof(AgreementTask.Status), added):
                    if (t.Status == AgreementTaskStatus.ReportedDone)
                    {
                        Add(NotificationKind.TaskToConfirm, Audience.CommunitySecretaries, t);
                    }
                    else if (t.Status == AgreementTaskStatus.Open && entry.Property(nameof(AgreementTask.Status)).OriginalValue is AgreementTaskStatus.ReportedDone)
                    {
                        Add(NotificationKind.TaskReturned, Audience.UnitLiaisons, t);
                    }
                    break;
                case Need n when Moved(entry, nameof(Need.Status), added):
                    switch (n.Status)
                    {
                        case NeedStatus.Submitted: Add(NotificationKind.NeedToReview, Audience.Office, n); break;
                        case NeedStatus.Returned: Add(NotificationKind.NeedReturned, Audience.CommunitySecretaries, n); break;
                        case NeedStatus.Published: Add(NotificationKind.NeedToTake, Audience.PairedLiaisons, n); break;
                        case NeedStatus.Dispatched: Add(NotificationKind.NeedToTake, Audience.UnitLiaisons, n); break;
                    }
                    break;
                case PublishedReport r when added:
                    Add(NotificationKind.ReportPublished, Audience.AllLiaisons, r);
                    break;
                case Inspection i when added && i.RectificationDeadline is not null:
                    Add(NotificationKind.RectificationDue, Audience.UnitLiaisons, i);
                    break;
            }
        }
    }

    private void Add(NotificationKind kind, Audience audience, object entity) => _pending.Add((kind, audience, entity));

    private static bool Moved(EntityEntry entry, string property, bool added) =>
        added || !Equals(entry.Property(property).OriginalValue, entry.Property(property).CurrentValue);

    public bool HasWork => _pending.Count > 0 || _moved.Count > 0;

    /// <summary>After the change's own save (keys known), inside its transaction: the notices, for everyone told but the actor.</summary>
    public async Task<List<Notification>> CompleteAsync(AppDbContext db, string? actorId, DateTimeOffset now, CancellationToken ct)
    {
        var notices = new List<Notification>();
        foreach (var (type, id) in _moved.Select(Key))
        {
            // Handled: whoever was asked to act on the record's previous state need not any more.
            await db.Notifications.Where(n => n.RecordType == type && n.RecordId == id && n.ReadAt == null && ToDo.Contains(n.Kind))
                .ExecuteUpdateAsync(n => n.SetProperty(x => x.ReadAt, now), ct);
        }
        if (_pending.Count == 0 || !await db.Users.AnyAsync(ct))
        {
            return notices; // nobody to tell (the demo city is written before its accounts)
        }
        foreach (var (kind, audience, entity) in _pending)
        {
            var about = await AboutAsync(db, entity, ct);
            var recipients = await RecipientsAsync(db, audience, about, ct);
            var eventId = Guid.NewGuid();
            foreach (var recipient in recipients.Distinct().Where(r => r != actorId))
            {
                notices.Add(new Notification
                {
                    RecipientId = recipient, Kind = kind, RecordType = about.Type, RecordId = about.Id, Link = about.Link,
                    Subject = Trim(about.Subject), UnitId = about.UnitId, Street = about.Street, EventId = eventId, CreatedAt = now,
                });
            }
        }
        return notices;
    }

    private static (string Type, int Id) Key(object entity) => entity switch
    {
        Pairing p => (nameof(Pairing), p.Id),
        Agreement a => (nameof(Agreement), a.Id),
        Activity a => (nameof(Activity), a.Id),
        AgreementTask t => (nameof(AgreementTask), t.Id),
        Need n => (nameof(Need), n.Id),
        _ => throw new ArgumentException($"No notices are about {entity.GetType().Name}.", nameof(entity)),
    };

    internal static string Trim(string text) => text.Length <= Notification.SubjectMaxLength ? text : text[..(Notification.SubjectMaxLength - 1)] + "…";

    /// <summary>The record a notice is about: where its page is, its words, and the unit and street its parties are.</summary>
    public sealed record About(string Type, int Id, string Link, string Subject, int? UnitId, int? CommunityId, string? Street);

    private sealed record Parties(int UnitId, string UnitName, int CommunityId, string CommunityName, string Street);

    private static Task<Parties> PartiesAsync(AppDbContext db, int pairingId, CancellationToken ct) =>
        db.Pairings.AsNoTracking().Where(p => p.Id == pairingId)
            .Select(p => new Parties(p.UnitId, p.Unit!.Name, p.CommunityId, p.Community!.Name, p.Community.Street)).SingleAsync(ct);

    public static async Task<About> AboutAsync(AppDbContext db, object entity, CancellationToken ct)
    {
        switch (entity)
        {
            case Pairing p:
            {
                var parties = await PartiesAsync(db, p.Id, ct);
                return new About(nameof(Pairing), p.Id, $"/Pairings/Details/{p.Id}", $"{parties.UnitName} · {parties.CommunityName}", parties.UnitId, parties.CommunityId, parties.Street);
            }
            case Agreement a:
            {
                var parties = await PartiesAsync(db, a.PairingId, ct);
                return new About(nameof(Agreement), a.Id, $"/Agreements/Details/{a.Id}", $"{parties.UnitName} · {parties.CommunityName} · {a.Title}", parties.UnitId, parties.CommunityId, parties.Street);
            }
            case Activity a:
            {
                var parties = await PartiesAsync(db, a.PairingId, ct);
                return new About(nameof(Activity), a.Id, $"/Activities/Details/{a.Id}", $"{parties.UnitName} · {a.Title}", parties.UnitId, parties.CommunityId, parties.Street);
            }
            case AgreementTask t:
            {
                var pairingId = await db.Agreements.AsNoTracking().Where(a => a.Id == t.AgreementId).Select(a => a.PairingId).SingleAsync(ct);
                var parties = await PartiesAsync(db, pairingId, ct);
                return new About(nameof(AgreementTask), t.Id, $"/Tasks/Details/{t.Id}", $"{parties.UnitName} · {parties.CommunityName} · {t.Title}", parties.UnitId, parties.CommunityId, parties.Street);
            }
            case Need n:
            {
                var community = await db.Communities.AsNoTracking().Where(c => c.Id == n.CommunityId).Select(c => new { c.Name, c.Street }).SingleAsync(ct);
                return new About(nameof(Need), n.Id, $"/Needs/Details/{n.Id}", $"{community.Name} · {n.Title}", n.DispatchedToUnitId, n.CommunityId, community.Street);
            }
            case PublishedReport r:
            {
                var period = await db.AssessmentPeriods.AsNoTracking().Where(p => p.Id == r.PeriodId).Select(p => new { p.Year, p.Quarter }).SingleAsync(ct);
                var label = period.Quarter is int q ? $"{period.Year} Q{q}" : $"{period.Year}";
                return new About(nameof(PublishedReport), r.Id, $"/Assessment/Report/{r.PeriodId}?version={r.VersionNumber}", label, null, null, null);
            }
            case Inspection i:
            {
                var parties = await PartiesAsync(db, i.PairingId, ct);
                return new About(nameof(Inspection), i.Id, $"/Inspections/Details/{i.Id}",
                    $"{parties.UnitName} · {parties.CommunityName} · {i.RectificationDeadline:yyyy-MM-dd}", parties.UnitId, parties.CommunityId, parties.Street);
            }
            default:
                throw new ArgumentException($"No notice is written about {entity.GetType().Name}.", nameof(entity));
        }
    }

    private static async Task<List<string>> RecipientsAsync(AppDbContext db, Audience audience, About about, CancellationToken ct) => audience switch
    {
        Audience.Office => await OfficeAsync(db, ct),
        Audience.UnitLiaisons => about.UnitId is int unit ? await db.Users.Where(u => u.UnitId == unit).Select(u => u.Id).ToListAsync(ct) : [],
        Audience.CommunitySecretaries => about.CommunityId is int community ? await db.Users.Where(u => u.CommunityId == community).Select(u => u.Id).ToListAsync(ct) : [],
        Audience.BothParties => await db.Users.Where(u => u.UnitId == about.UnitId || u.CommunityId == about.CommunityId).Select(u => u.Id).ToListAsync(ct),
        Audience.AllLiaisons => await db.Users.Where(u => u.UnitId != null).Select(u => u.Id).ToListAsync(ct),
        // A need open to take: the liaisons of the units paired (in force) with its community.
        Audience.PairedLiaisons => await (
            from u in db.Users
            where db.Pairings.Any(p => p.UnitId == u.UnitId && p.CommunityId == about.CommunityId && p.Status == PairingStatus.Active)
            select u.Id).ToListAsync(ct),
        _ => [],
    };

    /// <summary>The office's staff (not the administrator: accounts are not the programme's work).</summary>
    public static Task<List<string>> OfficeAsync(AppDbContext db, CancellationToken ct) =>
        (from ur in db.UserRoles
         join r in db.Roles on ur.RoleId equals r.Id
         where r.Name == Roles.CivilizationOffice
         select ur.UserId).ToListAsync(ct);
}
