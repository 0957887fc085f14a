using CivicPairing.Domain.Scoring;
using Microsoft.AspNetCore.Mvc;

namespace CivicPairing.Web.Features.Ranking;

/// <summary>Where a reason's records are: the same lists the drill-down links to, filtered to the unit (and the period's dates).</summary>
public static class ReasonLinks
{
    public static string? Href(this IUrlHelper url, FindingRecords records, int unitId, DateOnly from, DateOnly to) => records switch
    {
        FindingRecords.ConfirmedActivities => Activities(url, unitId, from, to, "Confirmed"),
        FindingRecords.DisputedActivities => Activities(url, unitId, from, to, "Disputed"),
        FindingRecords.Tasks => url.Action("Index", "Tasks", new { unitId }),
        FindingRecords.Inspections => url.Action("Index", "Inspections", new { unitId }),
        _ => null,
    };

    private static string? Activities(IUrlHelper url, int unitId, DateOnly from, DateOnly to, string status) =>
        url.Action("Index", "Activities", new { unitId, from = from.ToString("yyyy-MM-dd"), to = to.ToString("yyyy-MM-dd"), status });
}
