using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using CivicPairing.Web.Data.Imports;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CivicPairing.Web.Auditing;

/// <summary>
/// Turns the change tracker's pending changes into audit rows. Captures old values before the
/// save and keys after it, because new rows get their database keys only when saved.
/// </summary>
internal sealed class AuditRecorder
{
    // Secrets and bookkeeping that would only add noise (or leak hashes) to the log.
    private static readonly HashSet<string> IgnoredProperties =
    [
        "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "AccessFailedCount",
        "NormalizedUserName", "NormalizedEmail", "NormalizedName", "Version",
        // A published report's frozen scores (megabytes for a province) are the report itself, kept unchanged in its
        // row; the audit says who published which version, and with what note.
        "ScoresJson",
    ];

    // Event tables are histories of their own; the status change they describe is audited on its record.
    private static readonly HashSet<Type> IgnoredTypes =
    [
        typeof(AuditEntry), typeof(DataProtectionKey), typeof(PendingImport), typeof(Features.Ranking.FactsSnapshot),
        typeof(Domain.Pairings.PairingEvent), typeof(Domain.Agreements.AgreementTaskEvent), typeof(Domain.Activities.ActivityEvent),
        typeof(Domain.Needs.NeedEvent),
        // Notices, their deliveries and the scheduler's lease are the portal's own machinery, not the programme's records; a
        // robot's address and secret are not for the log (the administrator reads it too).
        typeof(Features.Notifications.Notification), typeof(Features.Notifications.NotificationDelivery),
        typeof(Features.Notifications.WebhookTarget), typeof(Features.Notifications.NotificationPreference),
        typeof(Features.Notifications.JobLease),
    ];

    // Sensitive personal data (PIPL) of an aid household: the log says that they changed, by whom and when, never what
    // they were or became, so the log (which the administrator reads too) holds no household's name, phone or income.
    private static readonly Dictionary<Type, HashSet<string>> RedactedProperties = new()
    {
        [typeof(Domain.AidHouseholds.AidHousehold)] = ["HeadName", "MemberNames", "IdNumberMasked", "ResponsiblePhone", "IncomePerPerson"],
    };

    public const string Redacted = "***";

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly List<(EntityEntry Entry, AuditAction Action, Dictionary<string, object?>? Before)> _pending = [];
    private readonly IAuditActor? _actor;
    private readonly string? _note;

    public AuditRecorder(ChangeTracker tracker, IAuditActor? actor, string? note)
    {
        _actor = actor;
        _note = note;
        tracker.DetectChanges();
        foreach (var entry in tracker.Entries())
        {
            if (!IsAudited(entry.Metadata))
            {
                continue;
            }
            switch (entry.State)
            {
                case EntityState.Added:
                    _pending.Add((entry, AuditAction.Create, null));
                    break;
                case EntityState.Deleted:
                    _pending.Add((entry, AuditAction.Delete, Values(entry, p => p.OriginalValue, modifiedOnly: false)));
                    break;
                case EntityState.Modified:
                    var before = Values(entry, p => p.OriginalValue, modifiedOnly: true);
                    if (before.Count > 0)
                    {
                        _pending.Add((entry, AuditAction.Update, before));
                    }
                    break;
            }
        }
    }

    public bool HasWork => _pending.Count > 0;

    /// <summary>The record types whose changes the log keeps.</summary>
    public static bool IsAudited(Microsoft.EntityFrameworkCore.Metadata.IReadOnlyEntityType type) =>
        !IgnoredTypes.Contains(type.ClrType) && !type.IsOwned();

    /// <summary>What the log calls a record type: its class name, or a shared-type entity's own name (ActivityTasks, not Dictionary`2).</summary>
    public static string TypeName(Microsoft.EntityFrameworkCore.Metadata.IReadOnlyEntityType type) =>
        type.HasSharedClrType ? type.Name : type.ClrType.Name;

    /// <summary>The fields of an audited record whose values the log keeps.</summary>
    public static bool IsRecorded(Microsoft.EntityFrameworkCore.Metadata.IReadOnlyProperty property) =>
        !IgnoredProperties.Contains(property.Name) && !(property.IsShadowProperty() && !property.IsForeignKey() && property.Name != "Discriminator");

    public IEnumerable<AuditEntry> Complete(DateTimeOffset now)
    {
        foreach (var (entry, action, before) in _pending)
        {
            Dictionary<string, object?>? after = action switch
            {
                AuditAction.Create => Values(entry, p => p.CurrentValue, modifiedOnly: false),
                AuditAction.Update => before!.Keys.ToDictionary(k => k, k => Shown(entry, k, entry.Property(k).CurrentValue)),
                _ => null,
            };
            yield return new AuditEntry
            {
                At = now,
                UserId = _actor?.UserId,
                UserName = _actor?.UserName ?? "system",
                EntityType = TypeName(entry.Metadata),
                EntityId = KeyOf(entry),
                Action = action,
                Before = before is null ? null : JsonSerializer.Serialize(before, Json),
                After = after is null ? null : JsonSerializer.Serialize(after, Json),
                Note = _note,
            };
        }
    }

    private static Dictionary<string, object?> Values(EntityEntry entry, Func<PropertyEntry, object?> pick, bool modifiedOnly)
    {
        var values = new Dictionary<string, object?>();
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (!IsRecorded(property.Metadata))
            {
                continue;
            }
            if (modifiedOnly && (!property.IsModified || Equals(property.OriginalValue, property.CurrentValue)))
            {
                continue;
            }
            values[name] = Shown(entry, name, pick(property));
        }
        return values;
    }

    private static object? Shown(EntityEntry entry, string name, object? value) =>
        value is not null && RedactedProperties.TryGetValue(entry.Metadata.ClrType, out var redacted) && redacted.Contains(name) ? Redacted : Normalize(value);

    private static object? Normalize(object? value) => value switch
    {
        Enum e => e.ToString(),
        DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
        _ => value,
    };

    private static string KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        return key is null
            ? ""
            : string.Join(",", key.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, CultureInfo.InvariantCulture)));
    }
}
