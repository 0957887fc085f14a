using System.Globalization;

namespace CivicPairing.Domain.Pairings;

/// <summary>
/// A correction of a pairing's start (and, once ended, end) date, as the pairing's history keeps it. The step does not
/// change the status (From = To), and its <see cref="PairingEvent.Reason"/> carries the old and new dates behind
/// <see cref="Marker"/> before the written reason, so the history can say what was corrected in any language.
/// </summary>
public sealed record DateCorrection(DateOnly OldStart, DateOnly NewStart, DateOnly? OldEnd, DateOnly? NewEnd, string Reason)
{
    /// <summary>Starts the reason of every date-correction step; nothing a person types is stored with it in front.</summary>
    public const string Marker = "[date-correction]";

    private const string DateFormat = "yyyy-MM-dd";

    public bool StartChanged => OldStart != NewStart;

    public bool EndChanged => OldEnd != NewEnd;

    /// <summary>The event reason: marker, old start, new start, old end, new end (empty when none), then the written reason.</summary>
    public string ToEventReason() =>
        string.Join('|', Marker, Text(OldStart), Text(NewStart), Text(OldEnd), Text(NewEnd), Reason);

    /// <summary>The correction a history step records, or null when the step is a status change.</summary>
    public static DateCorrection? From(PairingEvent step)
    {
        if (step.From != step.To || step.Reason is not { } reason || !reason.StartsWith(Marker + "|", StringComparison.Ordinal))
        {
            return null;
        }
        var parts = reason.Split('|', 6);
        return parts.Length == 6 && Parse(parts[1]) is { } oldStart && Parse(parts[2]) is { } newStart
            ? new DateCorrection(oldStart, newStart, Parse(parts[3]), Parse(parts[4]), parts[5])
            : null;
    }

    private static string Text(DateOnly? date) => date?.ToString(DateFormat, CultureInfo.InvariantCulture) ?? "";

    private static DateOnly? Parse(string text) =>
        DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
