using System.Security.Cryptography;
using CivicPairing.Domain.Members;
using CivicPairing.Web.Identity;
using CivicPairing.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace CivicPairing.Web.Features.Members;

/// <summary>A member's new account: the user name and the initial password, shown once to the liaison who hands it over.</summary>
public sealed record IssuedAccount(int MemberId, string MemberName, string UserName, string InitialPassword);

/// <summary>
/// Makes a party member's sign-in account, bound to the member record, with an initial password generated to the portal's
/// password rules (the same validators as every account) and the forced change at first sign-in.
/// </summary>
public sealed class MemberAccounts(UserManager<AppUser> users, CityClock clock)
{
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghijkmnpqrstuvwxyz";
    private const string Digits = "23456789";
    private const string Symbols = "@#%+=";

    /// <summary>The default user name of a member's account when the liaison gives none.</summary>
    public static string DefaultUserName(int memberId) => $"pm{memberId}";

    /// <summary>Creates the account, or returns Identity's refusals (user name taken, …) and creates nothing.</summary>
    public async Task<(IssuedAccount? Account, IReadOnlyList<string> Errors)> CreateAsync(PartyMember member, string? userName)
    {
        var name = string.IsNullOrWhiteSpace(userName) ? DefaultUserName(member.Id) : userName.Trim();
        var user = new AppUser
        {
            UserName = name, DisplayName = member.Name.Length > AppUser.DisplayNameMaxLength ? member.Name[..AppUser.DisplayNameMaxLength] : member.Name,
            PartyMemberId = member.Id, CreatedAt = clock.Now, MustChangePassword = true,
        };
        // A generated password may, rarely, fall foul of a validator (the common-password list, the user name): try another.
        for (var attempt = 0; ; attempt++)
        {
            var password = NewPassword();
            var result = await users.CreateAsync(user, password);
            if (result.Succeeded)
            {
                var role = await users.AddToRoleAsync(user, Roles.PartyMember);
                if (!role.Succeeded)
                {
                    await users.DeleteAsync(user);
                    return (null, [.. role.Errors.Select(e => e.Description)]);
                }
                return (new IssuedAccount(member.Id, member.Name, name, password), []);
            }
            if (attempt >= 3 || !result.Errors.All(e => e.Code.StartsWith("Password", StringComparison.Ordinal)))
            {
                return (null, [.. result.Errors.Select(e => e.Description)]);
            }
        }
    }

    /// <summary>12 characters with upper and lower case letters, digits and a symbol; no look-alikes (I, l, O, 0, 1).</summary>
    public static string NewPassword()
    {
        var chars = new List<char>
        {
            Pick(Upper), Pick(Lower), Pick(Digits), Pick(Symbols),
        };
        const string all = Upper + Lower + Digits + Symbols;
        while (chars.Count < 12)
        {
            chars.Add(Pick(all));
        }
        // Shuffle, so the classes are not always in the same places.
        for (var i = chars.Count - 1; i > 0; i--)
        {
            var j = RandomNumberGenerator.GetInt32(i + 1);
            (chars[i], chars[j]) = (chars[j], chars[i]);
        }
        return new string([.. chars]);

        static char Pick(string from) => from[RandomNumberGenerator.GetInt32(from.Length)];
    }
}
