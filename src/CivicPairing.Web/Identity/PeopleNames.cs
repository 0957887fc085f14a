using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CivicPairing.Web.Identity;

/// <summary>
/// People as the pages name them: the records keep who acted by login (demo.office), the pages show the person's full
/// name (文明办 王科长); the portal's own steps are 系统. One query for all the logins a page shows.
/// </summary>
public sealed class PeopleNames(Data.AppDbContext db, IStringLocalizer<SharedResource> l)
{
    public const string SystemLogin = "system";

    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(IEnumerable<string?> logins, CancellationToken ct = default)
    {
        var wanted = logins.OfType<string>().Where(login => login.Length > 0).ToHashSet(StringComparer.Ordinal);
        var found = wanted.Count == 0
            ? []
            : await db.Users.AsNoTracking().Where(u => wanted.Contains(u.UserName!)).Select(u => new { u.UserName, u.DisplayName }).ToListAsync(ct);
        var names = found.ToDictionary(u => u.UserName!, u => Shown(u.DisplayName, u.UserName), StringComparer.Ordinal);
        foreach (var login in wanted.Where(login => !names.ContainsKey(login)))
        {
            // A deleted account or a name from before accounts had names: the login is all there is.
            names[login] = login == SystemLogin ? l["System"].Value : login;
        }
        return names;
    }

    /// <summary>The name a person is shown by: their full name, or their login when they have none.</summary>
    public static string Shown(string? displayName, string? userName) =>
        string.IsNullOrWhiteSpace(displayName) ? userName ?? "" : displayName;
}
