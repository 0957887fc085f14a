using System.Globalization;
using Microsoft.Extensions.Localization;

namespace CivicPairing.Web.Infrastructure.Imports;

/// <summary>
/// One column of a registry spreadsheet: its header (English key, shown translated), how an entity
/// is written into it on export, and how a cell is read into an input model on import.
/// Export and import share one definition, so an exported file can be edited and imported back.
/// </summary>
public sealed record SheetColumn<TEntity, TInput>(
    string Header,
    Func<TEntity, IStringLocalizer, object?> Export,
    Func<TInput, string, IStringLocalizer, string?>? Import = null,
    bool Required = false);

public static class CellParsers
{
    /// <summary>Reads a whole number; blank is zero. Returns an error message or null.</summary>
    public static string? Int(string cell, IStringLocalizer l, Action<int> set)
    {
        if (string.IsNullOrWhiteSpace(cell))
        {
            set(0);
            return null;
        }
        if (decimal.TryParse(cell.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var d) && d == decimal.Truncate(d) && d is >= int.MinValue and <= int.MaxValue)
        {
            set((int)d);
            return null;
        }
        return l["'{0}' is not a whole number.", cell];
    }

    public static string? OptionalDecimal(string cell, IStringLocalizer l, Action<decimal?> set)
    {
        if (string.IsNullOrWhiteSpace(cell))
        {
            set(null);
            return null;
        }
        if (decimal.TryParse(cell.Trim().TrimStart('¥', '￥'), NumberStyles.Number, CultureInfo.InvariantCulture, out var d))
        {
            set(d);
            return null;
        }
        return l["'{0}' is not a number.", cell];
    }

    public static string? OptionalInt(string cell, IStringLocalizer l, Action<int?> set) =>
        string.IsNullOrWhiteSpace(cell) ? Done(() => set(null)) : Int(cell, l, v => set(v));

    public static string? Enum<T>(string cell, IStringLocalizer l, Action<T> set) where T : struct, System.Enum
    {
        if (l.TryParse<T>(cell, out var value))
        {
            set(value);
            return null;
        }
        var choices = string.Join(l["、"], System.Enum.GetValues<T>().Select(v => l.Text(v)));
        return l["'{0}' is not one of: {1}.", cell, choices];
    }

    /// <summary>A flag set written as "法律、医疗" or "Legal, Medical"; blank is none.</summary>
    public static string? Flags<T>(string cell, IStringLocalizer l, Action<List<T>> set) where T : struct, System.Enum
    {
        var values = new List<T>();
        foreach (var part in cell.Split(['、', ',', '，', ';', '；', '/'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!l.TryParse<T>(part, out var value))
            {
                var choices = string.Join(l["、"], System.Enum.GetValues<T>().Where(v => Convert.ToInt64(v, CultureInfo.InvariantCulture) != 0).Select(v => l.Text(v)));
                return l["'{0}' is not one of: {1}.", part, choices];
            }
            values.Add(value);
        }
        set(values);
        return null;
    }

    public static string? Text(string cell, Action<string?> set) => Done(() => set(string.IsNullOrWhiteSpace(cell) ? null : cell.Trim()));

    private static string? Done(Action action)
    {
        action();
        return null;
    }
}
