using System.Globalization;
using System.Resources;

namespace CivicPairing.Web.Infrastructure;

/// <summary>Direct reads of the Chinese string table, for input that is Chinese whatever the UI language (imported spreadsheets).</summary>
public static class Translations
{
    private static readonly ResourceManager Strings = new("CivicPairing.Web.Resources.SharedResource", typeof(SharedResource).Assembly);
    private static readonly CultureInfo ChineseCulture = new(Localization.Chinese);

    /// <summary>The Chinese text for a key, or null; never falls back to the (absent) neutral resources.</summary>
    public static string? Chinese(string key) =>
        Strings.GetResourceSet(ChineseCulture, createIfNotExists: true, tryParents: false)?.GetString(key);
}
