using CivicPairing.Domain;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace CivicPairing.Web.Infrastructure;

public static class DomainErrors
{
    /// <summary>A domain refusal in the user's language, with its arguments formatted for them (dates the Chinese way).</summary>
    public static string Text(this IStringLocalizer localizer, DomainException refusal) =>
        localizer[refusal.Message, [.. refusal.Arguments.Select(a => a switch
        {
            DateOnly d => Format.Date(d),
            Enum e => localizer.Text(e),
            _ => a,
        })]];

    /// <summary>
    /// The refusal beside its field when the rule named one (<see cref="DomainException.Field"/>) that the form posted,
    /// else above the form.
    /// </summary>
    public static void AddDomainError(this ModelStateDictionary modelState, IStringLocalizer localizer, DomainException refusal, string key = "") =>
        modelState.AddModelError(key == "" && refusal.Field is { } field && modelState.ContainsKey(field) ? field : key, localizer.Text(refusal));
}
