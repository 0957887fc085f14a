using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using CivicPairing.Domain;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace CivicPairing.Web.Infrastructure;

/// <summary>Enum values as people read them: the [Display] name, translated by the shared string table.</summary>
public static class EnumText
{
    private static readonly ConcurrentDictionary<Enum, string> Names = new();

    public static string EnglishName(Enum value) => Names.GetOrAdd(value, v =>
        v.GetType().GetField(v.ToString())?.GetCustomAttribute<DisplayAttribute>()?.Name ?? v.ToString());

    public static string Text(this IStringLocalizer localizer, Enum value) => localizer[EnglishName(value)];

    /// <summary>A flag set as "法律、医疗" (or "Legal, Medical").</summary>
    public static string FlagsText<T>(this IStringLocalizer localizer, T value) where T : struct, Enum =>
        string.Join(localizer["、"], value.Flagged().Select(f => localizer.Text(f)));

    public static IEnumerable<SelectListItem> Options<T>(this IStringLocalizer localizer, T? selected = null, bool skipZero = false) where T : struct, Enum =>
        Enum.GetValues<T>()
            .Where(v => !skipZero || Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture) != 0)
            .Select(v => new SelectListItem(localizer.Text(v), v.ToString(), selected.HasValue && selected.Value.Equals(v)));

    /// <summary>Reads an enum from what a person typed in a spreadsheet: the Chinese or English name, or the member name.</summary>
    public static bool TryParse<T>(this IStringLocalizer localizer, string text, out T value) where T : struct, Enum
    {
        text = text.Trim();
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(text, localizer.Text(candidate), StringComparison.OrdinalIgnoreCase)
                || string.Equals(text, EnglishName(candidate), StringComparison.OrdinalIgnoreCase)
                || string.Equals(text, candidate.ToString(), StringComparison.OrdinalIgnoreCase)
                || ChineseName(candidate) == text)
            {
                value = candidate;
                return true;
            }
        }
        value = default;
        return false;
    }

    private static string? ChineseName(Enum value) => Translations.Chinese(EnglishName(value));
}
