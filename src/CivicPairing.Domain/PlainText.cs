using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CivicPairing.Domain;

/// <summary>
/// How text enters the portal, decided once for every form field and every reason given to a rule (docs/input.md):
/// trimmed; at most a field's length (in UTF-16 units, as the database columns count); no control character but
/// line breaks and tabs, no unpaired surrogate; no markup (a tag, a character reference, a <c>javascript:</c> link),
/// refused with a message rather than stored and escaped. Characters beyond the basic plane (𠀀, 𡈼, emoji) are text.
/// </summary>
public static partial class PlainText
{
    public const string TooLong = "Keep it under {0} characters.";
    public const string ControlCharacters = "Remove the control characters (such as a NUL byte) from the text.";
    public const string Markup = "HTML or script is not allowed here; write plain text.";

    [GeneratedRegex(@"<\s*[a-zA-Z!/?]|&#|javascript:", RegexOptions.IgnoreCase)]
    private static partial Regex MarkupPattern();

    /// <summary>True when every character is text: no control character but CR, LF and tab, and no surrogate without its pair.</summary>
    public static bool HasOnlyTextCharacters(string? value) =>
        EveryCharacter(value, rune => Rune.GetUnicodeCategory(rune) != UnicodeCategory.Control || rune.Value is '\r' or '\n' or '\t');

    /// <summary>
    /// True when every character of <paramref name="value"/> (a pair of surrogates being one, 𠀀 say) is <paramref name="allowed"/>;
    /// false at the first that is not, or at a surrogate without its pair.
    /// </summary>
    public static bool EveryCharacter(string? value, Func<Rune, bool> allowed)
    {
        var rest = value.AsSpan();
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out var rune, out var used) != System.Buffers.OperationStatus.Done || !allowed(rune))
            {
                return false;
            }
            rest = rest[used..];
        }
        return true;
    }

    public static bool HasNoMarkup(string? value) => string.IsNullOrEmpty(value) || !MarkupPattern().IsMatch(value);

    /// <summary>The refusal for <paramref name="value"/> as free text of at most <paramref name="maxLength"/>, or null when it may be stored.</summary>
    public static DomainException? Problem(string? value, int maxLength, string? field = null)
    {
        var text = value?.Trim() ?? "";
        return text.Length > maxLength ? new DomainException(TooLong, maxLength) { Field = field }
            : !HasOnlyTextCharacters(text) ? new DomainException(ControlCharacters) { Field = field }
            : !HasNoMarkup(text) ? new DomainException(Markup) { Field = field }
            : null;
    }

    /// <summary>The trimmed text, or a refusal: <paramref name="missing"/> when blank, or what <see cref="Problem"/> finds.</summary>
    public static string Required(string? value, int maxLength, string missing, string? field = null)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new DomainException(missing) { Field = field };
        }
        return Problem(value, maxLength, field) is { } refusal ? throw refusal : value.Trim();
    }

    /// <summary>The trimmed text, null when blank, or a refusal from <see cref="Problem"/>.</summary>
    public static string? Optional(string? value, int maxLength, string? field = null) =>
        string.IsNullOrWhiteSpace(value) ? null
        : Problem(value, maxLength, field) is { } refusal ? throw refusal
        : value.Trim();
}
