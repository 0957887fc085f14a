using System.Globalization;
using CivicPairing.Web.Features.Ranking;
using CivicPairing.Web.Infrastructure;

namespace CivicPairing.Web.Features.PublicReports;

/// <summary>
/// Which of a laggard's published reasons may go on public notice. The rule, agreed so that reasons added later follow
/// it without anyone remembering this page: a reason is public when its sentence is one of the portal's fixed sentences
/// (it has a line in the Chinese string table) and every argument is a number or a date. A reason that quotes a rating
/// comment, a name or any other free text has a text argument (or a sentence of its own) and stays inside the portal.
/// </summary>
public static class PublicReasons
{
    public static bool IsPublishable(SnapshotReason reason) =>
        Translations.Chinese(reason.Text) is not null && reason.Arguments.All(IsFigure);

    public static IEnumerable<SnapshotReason> Of(SnapshotRow row) => row.Reasons.Where(IsPublishable);

    private static bool IsFigure(string argument) =>
        decimal.TryParse(argument, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _)
        || DateOnly.TryParseExact(argument, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
}
