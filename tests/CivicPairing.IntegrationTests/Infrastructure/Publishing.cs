using CivicPairing.Domain.Scoring;
using Microsoft.EntityFrameworkCore;

namespace CivicPairing.IntegrationTests.Infrastructure;

/// <summary>The office's steps on an assessment period, through the real forms (shared by the publishing and public-notice tests).</summary>
public static class Publishing
{
    public static Task<AssessmentPeriod> YearPeriodAsync(this PortalFactory f, int year) =>
        f.QueryAsync(db => db.AssessmentPeriods.AsNoTracking().SingleAsync(p => p.Year == year && p.Quarter == null));

    /// <summary>Posts one step (Rules, Close, Publish …) from the period's page with the period's current version.</summary>
    public static Task<HttpResponseMessage> PeriodStepAsync(this PortalClient office, AssessmentPeriod period, string action, Dictionary<string, string>? fields = null) =>
        office.PostFormAsync($"/Assessment/Details/{period.Id}", $"/Assessment/{action}/{period.Id}",
            new Dictionary<string, string>(fields ?? []) { ["version"] = period.Version.ToString() });

    /// <summary>Creates the year's period, closes it and publishes version 1 of its report with the default rules.</summary>
    public static async Task<AssessmentPeriod> PublishYearAsync(this PortalFactory f, PortalClient office, int year)
    {
        await office.PostFormAsync("/Assessment", "/Assessment/Create", new Dictionary<string, string> { ["year"] = year.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        await office.PeriodStepAsync(await f.YearPeriodAsync(year), "Close");
        await office.PeriodStepAsync(await f.YearPeriodAsync(year), "Publish");
        var period = await f.YearPeriodAsync(year);
        return period.Status == PeriodStatus.Published ? period : throw new InvalidOperationException($"The {year} period was not published.");
    }
}
