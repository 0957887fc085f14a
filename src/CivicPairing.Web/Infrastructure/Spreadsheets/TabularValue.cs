using System.Globalization;

namespace CivicPairing.Web.Infrastructure.Spreadsheets;

/// <summary>
/// How the writers interpret row values (string, int, long, decimal, double, bool, DateOnly, DateTime, null),
/// kept in one place so CSV and xlsx exports of the same rows agree. Always culture-invariant:
/// the server's culture must not decide whether 1.5 is written as "1,5".
/// </summary>
internal static class TabularValue
{
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
}
