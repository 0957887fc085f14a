using System.Globalization;

namespace CivicPairing.Web.Infrastructure;

/// <summary>How dates and money read in the current UI culture (2026年11月24日, ¥58,490.00).</summary>
public static class Format
{
    /// <summary>The city's clock (China Standard Time), whatever the server's own zone is.</summary>
    public static TimeZoneInfo TimeZone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static DateTime Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime;

    /// <summary>The instant a local calendar day begins, for date-range filters on instants.</summary>
    public static DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, TimeZone.GetUtcOffset(local));
    }

    public static string Date(DateOnly date) =>
        date.ToString(CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal) ? "yyyy年M月d日" : "d MMM yyyy", CultureInfo.CurrentUICulture);

    public static string Date(DateTimeOffset instant) => Date(DateOnly.FromDateTime(Local(instant)));

    public static string DateTime(DateTimeOffset instant) =>
        Date(instant) + " " + Local(instant).ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Money is always yuan, whatever the UI language.</summary>
    public static string Money(decimal yuan) => "¥" + yuan.ToString("N2", CultureInfo.CurrentUICulture);

    public static string Number(decimal value) => value.ToString("#,0.##", CultureInfo.CurrentUICulture);
}
