using CivicPairing.Domain.Scoring;
using CivicPairing.Web.Infrastructure;
using CivicPairing.Web.Infrastructure.Spreadsheets;
using Microsoft.Extensions.Localization;

namespace CivicPairing.Web.Features.Ranking;

/// <summary>
/// A published report as an Excel workbook: the ranking on the first sheet, then one sheet per component with the
/// frozen figures that earned its points, then the penalties. Every figure is the one published, never a re-count.
/// </summary>
public static class ReportWorkbook
{
    public static IReadOnlyList<XlsxSheet> Sheets(ReportPage page, IStringLocalizer l)
    {
        var rows = page.Ranked.Concat(page.Rows.Where(r => r.Rank is null)).ToList();
        var rules = page.Rules;
        object Points(SnapshotRow r, Component c) => r.AppliesTo(c) ? r.PointsOf(c) : l["not applicable"].Value;
        // What the component was worth for the unit: its points never exceed it.
        object Effective(SnapshotRow r, Component c) => r.AppliesTo(c) ? r.EffectiveWeightOf(c, rules) : l["not applicable"].Value;
        object? Rank(SnapshotRow r) => r.Rank is { } rank ? rank : l["not ranked"].Value;
        XlsxSheet Sheet(string name, string[] headers, Func<SnapshotRow, object?[]> row) =>
            new(name, [l["Rank"], l["Unit"], .. headers], rows.Select(r => (IReadOnlyList<object?>)[Rank(r), r.UnitName, .. row(r)]).ToAsyncEnumerable());
        // The nominal weight is the base the unit's own weight is shared out from, never a ceiling its points contradict.
        string ComponentSheet(Component c) => l["{0} (base {1} points)", l.Text(c), rules.WeightOf(c)];
        string[] Weighted(params string[] headers) => [.. headers, l["Effective weight"], l["Points"]];
        var laggards = page.Laggards.Select(r => r.UnitId).ToHashSet();
        var title = l["Ranking report {0} · version {1} · published {2}", l.Name(page.Period), page.Report.VersionNumber, Format.Date(DateOnly.FromDateTime(Format.Local(page.Report.PublishedAt)))].Value
            + (page.AnyWeightShared ? " " + l["The points of components that do not apply (such as no task due this period) are shared out among the others in proportion."].Value : "");

        var components = rules.Components;
        return
        [
            new(l["Ranking"], [l["Rank"], l["Unit"], l["Kind"], l["Score"], l["Grade"], .. components.Select(c => l.Text(c)), l["Penalty"], l["Laggard"], l["Reasons"]],
                rows.Select(r => (IReadOnlyList<object?>)[Rank(r), r.UnitName, l.Text(r.Kind), r.Score, r.Rank is null ? null : l.Text(r.Grade),
                    .. components.Select(c => Points(r, c)), (r.Penalty > 0 ? -r.Penalty : 0m), laggards.Contains(r.UnitId) ? l["Laggard"].Value : null,
                    string.Join(" ", r.Reasons.Select(x => Reason(x, l)))]).ToAsyncEnumerable(), title),
            Sheet(ComponentSheet(Component.Regularity), Weighted(l["Pairings in force in the period"], l["Months with a pairing in force"], l["Pairing-months expected"], l["Pairing-months with a confirmed activity"]),
                r => [r.Facts.ActivePairings, r.Facts.MonthsInPeriod, r.Facts.ExpectedPairingMonths, r.Facts.PairingMonthsWithActivity, Effective(r, Component.Regularity), Points(r, Component.Regularity)]),
            Sheet(ComponentSheet(Component.Effort), Weighted(l["Staff"], l["Confirmed person-hours"], l["Hours per staff member"], l["Target hours per staff member"]),
                r => [r.Facts.StaffCount, r.Facts.ConfirmedPersonHours,
                    r.Facts.StaffCount > 0 ? Math.Round(r.Facts.ConfirmedPersonHours / r.Facts.StaffCount, 2) : null,
                    Math.Round(rules.EffortTargetHoursPerStaff * r.Facts.MonthsInPeriod / 12m, 2), Effective(r, Component.Effort), Points(r, Component.Effort)]),
            Sheet(ComponentSheet(Component.Tasks), Weighted(l["Tasks due"], l["Tasks confirmed"], l["Tasks overdue"]),
                r => [r.Facts.TasksDue, r.Facts.TasksConfirmed, r.Facts.TasksOverdue, Effective(r, Component.Tasks), Points(r, Component.Tasks)]),
            Sheet(ComponentSheet(Component.Satisfaction), Weighted(l["Confirmed activities in the period"], l["Rating points (a 5 counts 1, a 1 counts 0)"], l["Activities expected (one a month a pairing)"]),
                r => [r.Facts.ConfirmedActivities, Math.Round(r.Facts.RatingPoints, 2), r.Facts.ExpectedPairingMonths, Effective(r, Component.Satisfaction), Points(r, Component.Satisfaction)]),
            Sheet(ComponentSheet(Component.Leadership), Weighted(l["Activities with the unit's leader"], l["Activities expected (one a month a pairing)"]),
                r => [r.Facts.ActivitiesWithLeader, r.Facts.ExpectedPairingMonths, Effective(r, Component.Leadership), Points(r, Component.Leadership)]),
            Sheet(ComponentSheet(Component.Inspection), Weighted(l["Inspections"], l["Average inspection score"]),
                r => [r.Facts.Inspections, r.Facts.Inspections > 0 ? Math.Round(r.Facts.InspectionScoreSum / r.Facts.Inspections, 1) : null, Effective(r, Component.Inspection), Points(r, Component.Inspection)]),
            .. rules.MemberServiceWeight > 0 ? (IEnumerable<XlsxSheet>)[Sheet(ComponentSheet(Component.MemberService), Weighted(l["Members in post"], l["Confirmed service hours"], l["Hours per member"], l["Target hours per member"]),
                r => [r.Facts.PartyMembers, r.Facts.MemberServiceHours, r.Facts.PartyMembers > 0 ? Math.Round(r.Facts.MemberServiceHours / r.Facts.PartyMembers, 2) : null,
                    Math.Round(rules.MemberServiceTargetHoursPerMember * r.Facts.MonthsInPeriod / 12m, 2), Effective(r, Component.MemberService), Points(r, Component.MemberService)])] : [],
            Sheet(l["Penalties"], [l["Disputed activities"], l["Joint meetings missed"], l["Committed visits not made"], l["Quarterly coordination meetings not held"], l["Penalty"]],
                r => [r.Facts.DisputedActivities, r.Facts.MissedJointMeetings, r.Facts.MissedVisits, r.Facts.MissedCoordinationMeetings, (r.Penalty > 0 ? -r.Penalty : 0m)]),
        ];
    }

    /// <summary>A published reason in the reader's language, its dates written the local way.</summary>
    public static string Reason(SnapshotReason reason, IStringLocalizer l) =>
        l[reason.Text, [.. reason.Arguments.Select(a => DateOnly.TryParseExact(a, "yyyy-MM-dd", out var d) ? (object)Format.Date(d) : a)]];
}
