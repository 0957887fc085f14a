using System.Globalization;
using System.Text.Json;
using CivicPairing.Web.Auditing;
using CivicPairing.Web.Data;
using CivicPairing.Web.Identity;
using CivicPairing.Web.Features.Ranking;
using CivicPairing.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Localization;

namespace CivicPairing.Web.Features.Audit;

/// <summary>One field of a change: its label and its values before and after, in the UI's words.</summary>
public sealed record AuditChange(string Field, string? Before, string? After);

/// <summary>An audit row as a person reads it: who (by name), what kind of record and which one (by name), one sentence, the details.</summary>
public sealed record AuditLine(AuditEntry Entry, string Person, string Kind, string Record, string Sentence, IReadOnlyList<AuditChange> Changes)
{
    public string Time => Format.DateTime(Entry.At);
}

/// <summary>
/// Tells audit rows as sentences: "文明办 王科长 将结对“市财政局 ⇄ 金墩社区”的状态由“待审批”改为“结对中”". People by their full
/// names, records by their names (read now; a deleted one by the name its row last had), keys that point at other records
/// by those records' names, enum values, dates and times (in the city's zone) as the pages show them. A page of rows costs
/// one query for the people and one per kind of record named.
/// </summary>
public sealed class AuditNarrator(AppDbContext db, IStringLocalizer<SharedResource> l)
{
    /// <summary>How many changes the sentence spells out; the rest are in the details.</summary>
    private const int ChangesInSentence = 4;
    private const int ValueInSentence = 40;

    private Dictionary<string, IEntityType>? _types;

    public async Task<IReadOnlyList<AuditLine>> TellAsync(IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        var rows = entries.Select(e => new Row(e, TypeOf(e.EntityType), Parse(e.Before), Parse(e.After))).ToList();

        // Every record the page names: each row's own, and every record a key among its values points at.
        var wanted = new Dictionary<string, HashSet<string>>();
        var logins = new HashSet<string>(StringComparer.Ordinal);
        var userIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            Want(wanted, row.Entry.EntityType, row.Entry.EntityId);
            if (row.Entry.UserId is { } userId)
            {
                userIds.Add(userId);
            }
            logins.Add(row.Entry.UserName);
            foreach (var (name, value) in row.Values())
            {
                if (value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
                {
                    continue;
                }
                if (Principal(row.Type, name) is { } principal)
                {
                    Want(wanted, principal, Raw(value));
                }
                else if (IsLogin(row.Type, name) && value.ValueKind == JsonValueKind.String)
                {
                    logins.Add(value.GetString()!);
                }
            }
        }
        // Accounts are named from the people's query: the accounts changed, and those a role was given to.
        foreach (var id in wanted.GetValueOrDefault("AppUser") ?? [])
        {
            userIds.Add(id);
        }
        foreach (var id in wanted.GetValueOrDefault("IdentityUserRole`1") ?? [])
        {
            userIds.Add(id.Split(',')[0]);
        }
        var people = await PeopleAsync(userIds, logins, ct);
        var names = new Dictionary<(string Type, string Id), string>();
        foreach (var (type, ids) in wanted)
        {
            foreach (var (id, name) in await NamesAsync(type, ids, people, ct))
            {
                names[(type, id)] = name;
            }
        }
        return rows.Select(row => Tell(row, names, people)).ToList();
    }

    private AuditLine Tell(Row row, Dictionary<(string, string), string> names, People people)
    {
        var e = row.Entry;
        var person = people.Name(e.UserId, e.UserName);
        var kind = l[AuditVocabulary.Kind(e.EntityType)].Value;
        var record = names.GetValueOrDefault((e.EntityType, e.EntityId)) ?? NameFromValues(row) ?? "#" + e.EntityId;

        var fields = (row.After ?? row.Before ?? []).Keys.Concat((row.Before ?? []).Keys).Distinct()
            .Where(f => !AuditVocabulary.Hidden.Contains(f))
            .ToList();
        var changes = fields
            .Select(f => new AuditChange(
                l[AuditVocabulary.Field(f)].Value,
                row.Before is { } before && before.TryGetValue(f, out var b) ? Text(row.Type, f, b, names, people) : null,
                row.After is { } after && after.TryGetValue(f, out var a) ? Text(row.Type, f, a, names, people) : null))
            .Where(c => e.Action != AuditAction.Create || c.After is not null)
            .ToList();

        var sentence = e.Action switch
        {
            AuditAction.Create => l["{0} added {1} “{2}”", person, kind, record].Value,
            AuditAction.Delete => l["{0} deleted {1} “{2}”", person, kind, record].Value,
            AuditAction.Update when changes.Count > 0 => l["{0} changed {1} “{2}”: {3}", person, kind, record, Spelled(changes)].Value,
            _ => l["{0}: {1} {2} “{3}”", person, l[e.Action.ToString()].Value, kind, record].Value,
        };
        return new AuditLine(e, person, kind, record, sentence, changes);
    }

    private string Spelled(IReadOnlyList<AuditChange> changes)
    {
        var spelled = changes.Take(ChangesInSentence)
            .Select(c => l["{0} from “{1}” to “{2}”", c.Field, Short(c.Before), Short(c.After)].Value);
        var text = string.Join(l["; "].Value, spelled);
        return changes.Count > ChangesInSentence ? text + l[" and {0} more", changes.Count - ChangesInSentence].Value : text;
    }

    private string Short(string? value) =>
        value is null ? l["(empty)"].Value : value.Length <= ValueInSentence ? value : value[..ValueInSentence] + "…";

    /// <summary>A value as the pages show it.</summary>
    private string? Text(IEntityType? type, string field, JsonElement value, Dictionary<(string, string), string> names, People people)
    {
        if (value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return null;
        }
        var raw = Raw(value);
        if (raw.Length == 0)
        {
            return null;
        }
        if (Principal(type, field) is { } principal)
        {
            return names.GetValueOrDefault((principal, raw)) ?? "#" + raw;
        }
        if (IsLogin(type, field))
        {
            return people.Name(null, raw);
        }
        var clr = type?.FindProperty(field)?.ClrType is { } t ? Nullable.GetUnderlyingType(t) ?? t : null;
        return clr switch
        {
            { IsEnum: true } when Enum.TryParse(clr, raw, ignoreCase: false, out var parsed) => EnumValue((Enum)parsed!),
            _ when clr == typeof(bool) || value.ValueKind is JsonValueKind.True or JsonValueKind.False =>
                value.ValueKind == JsonValueKind.True ? l["Yes"].Value : l["No"].Value,
            _ when clr == typeof(DateTimeOffset) && DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var instant) =>
                Format.DateTime(instant),
            _ when clr == typeof(DateOnly) && DateOnly.TryParse(raw, CultureInfo.InvariantCulture, out var day) => Format.Date(day),
            _ when value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number) => Format.Number(number),
            _ => raw,
        };
    }

    private string EnumValue(Enum value)
    {
        var type = value.GetType();
        if (!type.IsDefined(typeof(FlagsAttribute), false))
        {
            return l.Text(value);
        }
        var set = Enum.GetValues(type).Cast<Enum>()
            .Where(f => Convert.ToInt64(f, CultureInfo.InvariantCulture) is var bits && bits != 0 && (bits & (bits - 1)) == 0 && value.HasFlag(f))
            .Select(f => l.Text(f))
            .ToList();
        return set.Count == 0 ? l["(none)"].Value : string.Join(l["、"].Value, set);
    }

    /// <summary>A deleted (or not yet named) record's name, as its row last had it.</summary>
    private static string? NameFromValues(Row row)
    {
        foreach (var values in new[] { row.After, row.Before })
        {
            foreach (var field in new[] { "Name", "Title", "DisplayName", "OriginalName", "Text", "Item" })
            {
                if (values is not null && values.TryGetValue(field, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } name)
                {
                    return name;
                }
            }
        }
        return null;
    }

    /// <summary>The record type a field's key points at ("Unit" for a pairing's UnitId), from the EF model.</summary>
    private static string? Principal(IEntityType? type, string field) =>
        type?.FindProperty(field)?.GetContainingForeignKeys().FirstOrDefault()?.PrincipalEntityType is { } principal ? AuditRecorder.TypeName(principal) : null;

    /// <summary>A field that holds a person's login (SubmittedBy, DecidedBy, PostedBy …): shown as their name.</summary>
    private static bool IsLogin(IEntityType? type, string field) =>
        (field.EndsWith("By", StringComparison.Ordinal) || field == "Actor") && type?.FindProperty(field)?.ClrType == typeof(string);

    private IEntityType? TypeOf(string name)
    {
        _types ??= db.Model.GetEntityTypes().Where(t => !t.IsOwned())
            .GroupBy(AuditRecorder.TypeName).ToDictionary(g => g.Key, g => g.First());
        return _types.GetValueOrDefault(name);
    }

    private static Dictionary<string, JsonElement>? Parse(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Raw(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();

    private static void Want(Dictionary<string, HashSet<string>> wanted, string type, string id)
    {
        if (!wanted.TryGetValue(type, out var ids))
        {
            wanted[type] = ids = new HashSet<string>(StringComparer.Ordinal);
        }
        ids.Add(id);
    }

    private async Task<People> PeopleAsync(HashSet<string> ids, HashSet<string> logins, CancellationToken ct)
    {
        var found = await db.Users.AsNoTracking()
            .Where(u => ids.Contains(u.Id) || logins.Contains(u.UserName!))
            .Select(u => new { u.Id, u.UserName, u.DisplayName })
            .ToListAsync(ct);
        return new People(
            found.ToDictionary(u => u.Id, u => PeopleNames.Shown(u.DisplayName, u.UserName)),
            found.Where(u => u.UserName is not null).ToDictionary(u => u.UserName!, u => PeopleNames.Shown(u.DisplayName, u.UserName), StringComparer.Ordinal),
            l["System"].Value);
    }

    /// <summary>The current names of the records of one type, by key.</summary>
    private async Task<IEnumerable<(string Id, string Name)>> NamesAsync(string type, HashSet<string> ids, People people, CancellationToken ct)
    {
        var keys = ids.Select(i => int.TryParse(i, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (int?)null).OfType<int>().ToList();
        static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
        switch (type)
        {
            case "Unit":
                return (await db.Units.AsNoTracking().Where(x => keys.Contains(x.Id)).Select(x => new { x.Id, x.Name }).ToListAsync(ct))
                    .Select(x => (Key(x.Id), x.Name));
            case "Community":
                return (await db.Communities.AsNoTracking().Where(x => keys.Contains(x.Id)).Select(x => new { x.Id, x.Name }).ToListAsync(ct))
                    .Select(x => (Key(x.Id), x.Name));
            case "Pairing":
                return (await db.Pairings.AsNoTracking().Where(x => keys.Contains(x.Id)).Select(x => new { x.Id, Unit = x.Unit!.Name, Community = x.Community!.Name }).ToListAsync(ct))
                    .Select(x => (Key(x.Id), $"{x.Unit} ⇄ {x.Community}"));
            case "Agreement":
                return (await db.Agreements.AsNoTracking().Where(x => keys.Contains(x.Id)).Select(x => new { x.Id, x.Title, x.Number }).ToListAsync(ct))
                    .Select(x => (Key(x.Id), string.IsNullOrEmpty(x.Number) ? x.Title : $"{x.Title}（{x.Number}）"));
            case "AgreementTask":
                return (await db.AgreementTasks.AsNoTracking().Where(x => keys.Contains(x.Id)).Select(x => new { x.Id, x.Title }).ToListAsync(ct))
                    .Select(x => (Key(x.Id), x.Title));
            case "Activity":
                return (await db.Activities.AsNoTracking().Where(x => keys.Contains(x.Id)).Select(x => new { x.Id, x.Title }).ToListAsync(ct))
                    .Select(x => (Key(x.Id), x.Title));
            case "Need":
                return (await db.Needs.AsNoTracking().Where(x => keys.Contains(x.Id)).Select(x => new { x.Id, x.Title }).ToListAsync(ct))
                    .Select(x => (Key(x.Id), x.Title));
            case "FundingRequest":
                return (await db.FundingRequests.AsNoTracking().Where(x => keys.Contains(x.Id)).Select(x => new { x.Id, x.Title }).ToListAsync(ct))
                    .Select(x => (Key(x.Id), x.Title));
            case "EvidenceFile":
                var files = ids.Select(i => Guid.TryParse(i, out var g) ? g : (Guid?)null).OfType<Guid>().ToList();
                return (await db.EvidenceFiles.AsNoTracking().Where(x => files.Contains(x.Id)).Select(x => new { x.Id, x.OriginalName }).ToListAsync(ct))
                    .Select(x => (x.Id.ToString(), x.OriginalName));
            case "ChecklistItem":
                return (await db.ChecklistItems.AsNoTracking().Where(x => keys.Contains(x.Id)).Select(x => new { x.Id, x.Text }).ToListAsync(ct))
                    .Select(x => (Key(x.Id), x.Text));
            case "Inspection":
                return (await db.Inspections.AsNoTracking().Where(x => keys.Contains(x.Id)).Select(x => new { x.Id, x.Date, Unit = x.Pairing!.Unit!.Name, Community = x.Pairing.Community!.Name }).ToListAsync(ct))
                    .Select(x => (Key(x.Id), $"{x.Unit} ⇄ {x.Community} {Format.Date(x.Date)}"));
            case "AssessmentPeriod":
                return (await db.AssessmentPeriods.AsNoTracking().Where(x => keys.Contains(x.Id)).Select(x => new { x.Id, x.Year, x.Quarter }).ToListAsync(ct))
                    .Select(x => (Key(x.Id), l.PeriodName(x.Year, x.Quarter)));
            case "PublishedReport":
                return (await db.PublishedReports.AsNoTracking().Where(x => keys.Contains(x.Id))
                        .Join(db.AssessmentPeriods, r => r.PeriodId, p => p.Id, (r, p) => new { r.Id, r.VersionNumber, p.Year, p.Quarter }).ToListAsync(ct))
                    .Select(x => (Key(x.Id), l["{0}, version {1}", l.PeriodName(x.Year, x.Quarter), x.VersionNumber].Value));
            case "AppUser":
                return ids.Select(id => (id, people.Name(id, null)));
            case "IdentityRole":
                return (await db.Roles.AsNoTracking().Where(r => ids.Contains(r.Id)).Select(r => new { r.Id, r.Name }).ToListAsync(ct))
                    .Select(r => (r.Id, l[r.Name ?? r.Id].Value));
            case "IdentityUserRole`1":
                // Keyed "user id,role id": the person and the role.
                var roles = await db.Roles.AsNoTracking().Select(r => new { r.Id, r.Name }).ToDictionaryAsync(r => r.Id, r => r.Name ?? r.Id, ct);
                return ids.Select(id => id.Split(',') is [var user, var role]
                    ? (id, $"{people.Name(user, null)} · {l[roles.GetValueOrDefault(role) ?? role]}")
                    : (id, id));
            default:
                return [];
        }
    }

    private sealed record Row(AuditEntry Entry, IEntityType? Type, Dictionary<string, JsonElement>? Before, Dictionary<string, JsonElement>? After)
    {
        public IEnumerable<KeyValuePair<string, JsonElement>> Values() => (Before ?? []).Concat(After ?? []);
    }

    /// <summary>People by account id and by login, as their full names; "system" for the portal's own changes.</summary>
    private sealed class People(Dictionary<string, string> byId, Dictionary<string, string> byLogin, string system)
    {
        public string Name(string? id, string? login) =>
            id is not null && byId.TryGetValue(id, out var name) ? name
            : login is not null && byLogin.TryGetValue(login, out var named) ? named
            : login is null or PeopleNames.SystemLogin ? (login is null && id is not null ? id : system)
            : login;
    }
}
