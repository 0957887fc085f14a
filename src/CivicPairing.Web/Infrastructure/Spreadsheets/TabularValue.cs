using System.Globalization;
using System.Text;
using System.Xml;

namespace CivicPairing.Web.Infrastructure.Spreadsheets;

/// <summary>
/// How the portal turns row values into cell contents and cells back into text, kept in one place so CSV, .xlsx and .xls
/// agree. Writers take string, int, long, decimal, double, bool, DateOnly, DateTime or null; readers hand back text.
/// Always culture-invariant: the server's culture must not decide whether 1.5 is written as "1,5".
/// </summary>
internal static class TabularValue
{
    const int MaxCellChars = 32_767; // Excel's limit; a longer cell is truncated (never inside a surrogate pair)

    public static bool TryFormatNumber(object value, out string text)
    {
        text = value switch
        {
            int or long or short or byte or sbyte or ushort or uint or ulong or decimal
                => ((IFormattable)value).ToString(null, CultureInfo.InvariantCulture),
            double d when double.IsFinite(d) => d.ToString(CultureInfo.InvariantCulture),
            float f when float.IsFinite(f) => f.ToString(CultureInfo.InvariantCulture),
            _ => "",
        };
        return text.Length > 0;
    }

    public static DateTime? AsDate(object value) => value switch
    {
        DateOnly d => d.ToDateTime(TimeOnly.MinValue),
        DateTime dt => dt,
        _ => null,
    };

    public static bool HasTime(DateTime date) => date.TimeOfDay != TimeSpan.Zero;

    // A time of day is kept when present rather than silently dropped.
    public static string FormatDate(DateTime date) =>
        date.ToString(HasTime(date) ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd", CultureInfo.InvariantCulture);

    // Spelled the way Excel displays and exports booleans.
    public static string FormatBool(bool value) => value ? "TRUE" : "FALSE";

    public static string ToText(object value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";

    /// <summary>
    /// Text of a cell as a spreadsheet library read it: numbers invariant ("38", "1.5"; whole numbers digit for digit, so
    /// phone and ID-like numbers survive; others to the 15 digits Excel shows), dates as yyyy-MM-dd (with the time when
    /// there is one), booleans as TRUE/FALSE, and text with an export's formula guard taken off again.
    /// </summary>
    public static string CellText(object? value) => value switch
    {
        null or DBNull => "",
        string s => UndoFormulaGuard(s),
        bool b => FormatBool(b),
        DateTime dt => FormatDate(dt),
        DateOnly d => FormatDate(d.ToDateTime(TimeOnly.MinValue)),
        TimeSpan t => t.ToString("c", CultureInfo.InvariantCulture),
        double x => FormatNumber(x),
        float f => FormatNumber(f),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        _ => ToText(value),
    };

    static string FormatNumber(double x) =>
        !double.IsFinite(x) ? x.ToString(CultureInfo.InvariantCulture)
        : x == Math.Floor(x) && Math.Abs(x) < 9_007_199_254_740_992d ? ((long)x).ToString(CultureInfo.InvariantCulture)
        : x.ToString("G15", CultureInfo.InvariantCulture);

    static bool StartsLikeAFormula(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>
    /// Spreadsheet apps run text starting with = + - @ (or a tab or CR before one) in a CSV file as a formula (CSV/formula
    /// injection); the apostrophe makes it text. Only CSV needs it: an .xlsx cell is typed, and its text is never run.
    /// Only text is guarded: numbers are written as numbers, so -5 stays a number.
    /// </summary>
    public static string GuardFormula(string text) => StartsLikeAFormula(text) ? "'" + text : text;

    /// <summary>What <see cref="GuardFormula"/> added is taken off on import, so an exported file imports as it was exported.</summary>
    public static string UndoFormulaGuard(string text) =>
        text.Length > 1 && text[0] == '\'' && StartsLikeAFormula(text[1..]) ? text[1..] : text;

    /// <summary>
    /// Text as a cell can hold it: characters XML cannot carry (most control characters, lone surrogates) dropped, a
    /// surrogate pair (emoji, CJK Extension B such as 𠀀) kept whole, and cut at Excel's 32,767 characters.
    /// </summary>
    public static string CellSafe(string text)
    {
        StringBuilder? kept = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], c))
            {
                i++;
                kept?.Append(c).Append(text[i]);
            }
            else if (XmlConvert.IsXmlChar(c))
            {
                kept?.Append(c);
            }
            else
            {
                kept ??= new StringBuilder(text, 0, i, text.Length);
            }
        }
        var result = kept?.ToString() ?? text;
        return result.Length <= MaxCellChars ? result
            : result[..(char.IsHighSurrogate(result[MaxCellChars - 1]) ? MaxCellChars - 1 : MaxCellChars)];
    }
}
