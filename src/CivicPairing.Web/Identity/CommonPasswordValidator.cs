using System.Collections.Frozen;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace CivicPairing.Web.Identity;

/// <summary>
/// Refuses a password that contains the user name, or that is a common password (CommonPasswords.txt: the 10,000 most
/// common, plus a few added by hand), compared without regard to case. Composition rules (upper, lower, digit, symbol)
/// are easily met by decorating a common word, so a password is also refused when it is a common one
/// <list type="bullet">
/// <item>once its symbols are removed (<c>Qwerty123!</c> → qwerty123, <c>Aa123456!</c> → aa123456),</item>
/// <item>once the digits and symbols before and after its letters are stripped and l33t spellings undone
/// (<c>Password1!</c> → password, <c>P@ssw0rd2026!</c> → password),</item>
/// <item>or, with at most two letters, by its digits alone (<c>Ab1234567890!</c> → 1234567890).</item>
/// </list>
/// The demo password <c>Demo@2026pass</c> passes: its letters do not end where the word "demo" does.
/// </summary>
public sealed class CommonPasswordValidator(IStringLocalizer<SharedResource> l) : IPasswordValidator<AppUser>
{
    private static readonly Lazy<FrozenSet<string>> List = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success); // the length rule answers for an empty one
        }
        var errors = new List<IdentityError>();
        if (user.UserName is { Length: > 0 } userName && password.Contains(userName, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new IdentityError { Code = "PasswordContainsUserName", Description = l["The password must not contain the user name."] });
        }
        if (IsCommon(password))
        {
            errors.Add(new IdentityError { Code = "PasswordTooCommon", Description = l["This password is one of the most common ones and easy to guess. Choose another."] });
        }
        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }

    public static bool IsCommon(string password) => Candidates(password).Any(List.Value.Contains);

    /// <summary>The forms of a password looked up in the list, all lower case.</summary>
    internal static IEnumerable<string> Candidates(string password)
    {
        var lower = password.ToLowerInvariant();
        yield return lower;
        yield return new string([.. lower.Where(char.IsLetterOrDigit)]);
        var first = lower.AsSpan().IndexOfAnyInRange('a', 'z');
        if (first >= 0)
        {
            var core = lower[first..(lower.AsSpan().LastIndexOfAnyInRange('a', 'z') + 1)];
            if (core.Length >= 3)
            {
                yield return core;
                yield return Unleet(core);
            }
        }
        if (lower.Count(char.IsAsciiLetter) <= 2)
        {
            yield return new string([.. lower.Where(char.IsAsciiDigit)]);
        }
    }

    private static string Unleet(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '@' or '4' => 'a',
                '0' => 'o',
                '1' or '!' => 'i',
                '3' => 'e',
                '5' or '$' => 's',
                '7' or '+' => 't',
                _ => c,
            });
        }
        return sb.ToString();
    }

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("CivicPairing.Web.Identity.CommonPasswords.txt")
            ?? throw new InvalidOperationException("The list of common passwords is not embedded in the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                words.Add(line.Trim().ToLowerInvariant());
            }
        }
        return words.ToFrozenSet(StringComparer.Ordinal);
    }
}
