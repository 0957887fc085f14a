using System.Text.RegularExpressions;
using FluentValidation;

namespace CivicPairing.Web.Infrastructure.Validation;

/// <summary>Rules every text field shares, so every form refuses bad input the same way.</summary>
public static partial class TextRules
{
    // Names of organisations and people: letters of any script, digits, spaces and the punctuation they really use.
    [GeneratedRegex(@"^[\p{L}\p{N}\s（）()·•\-—_、.,，&＆/]+$")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"<\s*[a-zA-Z!/?]|&#|javascript:", RegexOptions.IgnoreCase)]
    private static partial Regex MarkupPattern();

    [GeneratedRegex(@"^[0-9+\-\s()（）]{5,30}$")]
    private static partial Regex PhonePattern();

    public static bool IsPlainName(string? value) => string.IsNullOrEmpty(value) || NamePattern().IsMatch(value);

    public static bool HasNoMarkup(string? value) => string.IsNullOrEmpty(value) || !MarkupPattern().IsMatch(value);

    public static IRuleBuilderOptions<T, string?> PlainName<T>(this IRuleBuilder<T, string?> rule, int maxLength, Func<string> message) =>
        rule.MaximumLength(maxLength).Must(IsPlainName).WithMessage(_ => message());

    public static IRuleBuilderOptions<T, string?> FreeText<T>(this IRuleBuilder<T, string?> rule, int maxLength, Func<string> message) =>
        rule.MaximumLength(maxLength).Must(HasNoMarkup).WithMessage(_ => message());

    public static IRuleBuilderOptions<T, string?> Phone<T>(this IRuleBuilder<T, string?> rule, Func<string> message) =>
        rule.Must(v => string.IsNullOrWhiteSpace(v) || PhonePattern().IsMatch(v)).WithMessage(_ => message());
}
