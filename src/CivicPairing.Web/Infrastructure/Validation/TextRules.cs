using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CivicPairing.Domain;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CivicPairing.Web.Infrastructure.Validation;

/// <summary>
/// Rules every text field shares, so every form refuses bad input the same way. What counts as text (no control
/// characters, no markup, length) is <see cref="PlainText"/>'s, the same the domain applies to reasons.
/// </summary>
public static partial class TextRules
{
    // Punctuation that names of organisations and people really use, beside letters of any script, digits and spaces.
    private const string NamePunctuation = "（）()·•-—_、.,，&＆/";

    [GeneratedRegex(@"^[0-9+\-\s()（）]{5,30}$")]
    private static partial Regex PhonePattern();

    /// <summary>
    /// Letters of any script (those beyond the basic plane too, such as 𠀀 or 𡈼 in names and places), digits, spaces and
    /// <see cref="NamePunctuation"/>; nothing else, and no broken surrogate.
    /// </summary>
    public static bool IsPlainName(string? value) => PlainText.EveryCharacter(value, rune =>
        Rune.IsLetter(rune) || Rune.IsDigit(rune) || Rune.GetUnicodeCategory(rune) is UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
        || (rune.IsBmp && NamePunctuation.Contains((char)rune.Value, StringComparison.Ordinal))
        || (Rune.IsWhiteSpace(rune) && Rune.GetUnicodeCategory(rune) != UnicodeCategory.Control));

    public static bool HasNoMarkup(string? value) => PlainText.HasNoMarkup(value);

    public static IRuleBuilderOptions<T, string?> PlainName<T>(this IRuleBuilder<T, string?> rule, int maxLength, Func<string> message) =>
        rule.MaximumLength(maxLength).Must(IsPlainName).WithMessage(_ => message());


    /// <summary>Free text: at most <paramref name="maxLength"/>, only text characters, no markup; each refusal with its own message.</summary>
    public static IRuleBuilderOptions<T, string?> FreeText<T>(this IRuleBuilder<T, string?> rule, int maxLength, IStringLocalizer l) =>
        rule.MaximumLength(maxLength)
            .Must(PlainText.HasOnlyTextCharacters).WithMessage(_ => l[PlainText.ControlCharacters].Value)
            .Must(HasNoMarkup).WithMessage(_ => l[PlainText.Markup].Value);

    public static IRuleBuilderOptions<T, string?> Phone<T>(this IRuleBuilder<T, string?> rule, Func<string> message) =>
        rule.Must(v => string.IsNullOrWhiteSpace(v) || PhonePattern().IsMatch(v)).WithMessage(_ => message());
}
