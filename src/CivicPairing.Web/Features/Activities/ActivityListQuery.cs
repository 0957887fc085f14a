using System.Globalization;
using CivicPairing.Domain.Activities;
using CivicPairing.Web.Infrastructure;

namespace CivicPairing.Web.Features.Activities;

public sealed class ActivityListQuery : ListQuery
{
    /// <summary>Part of a unit's or community's name.</summary>
    public string? Party { get; set; }
    public int? UnitId { get; set; }
    public int? CommunityId { get; set; }
    public string? Street { get; set; }
    public ActivityCategory? Category { get; set; }
    public ActivityStatus? Status { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    public bool? HasEvidence { get; set; }

    /// <summary>Only visits and help given to an aid household (一户一方案; the secretary's home page count links here).</summary>
    public bool AidVisits { get; set; }

    /// <summary>Activities still waiting for the community's confirmation after this many days (the dashboard's alert).</summary>
    public int? WaitingDays { get; set; }

    /// <summary>Keyset position: show the rows older than this one ("next"), newer ("previous"), or the oldest ("last").</summary>
    public string? After { get; set; }
    public string? Before { get; set; }
    public bool Last { get; set; }

    /// <summary>The default order (newest first) pages by position, so its cost does not grow with the table.</summary>
    public bool UsesKeyset => string.IsNullOrEmpty(Sort);

    /// <param name="now">The current instant, from which <see cref="WaitingDays"/> counts back.</param>
    public IQueryable<Activity> Apply(IQueryable<Activity> activities, DateTimeOffset now) => Order(Filter(activities, now));

    public IQueryable<Activity> Filter(IQueryable<Activity> activities, DateTimeOffset now)
    {
        if (SearchText is { } q)
        {
            activities = activities.Where(a => a.Title.Contains(q));
        }
        if (!string.IsNullOrWhiteSpace(Party))
        {
            var party = Party.Trim()[..Math.Min(Party.Trim().Length, SearchMaxLength)];
            activities = activities.Where(a => a.Pairing!.Unit!.Name.Contains(party) || a.Pairing.Community!.Name.Contains(party));
        }
        if (UnitId is { } unitId)
        {
            activities = activities.Where(a => a.Pairing!.UnitId == unitId);
        }
        if (CommunityId is { } communityId)
        {
            activities = activities.Where(a => a.Pairing!.CommunityId == communityId);
        }
        if (!string.IsNullOrWhiteSpace(Street))
        {
            activities = activities.Where(a => a.Pairing!.Community!.Street == Street);
        }
        if (Category is { } category)
        {
            activities = activities.Where(a => a.Category == category);
        }
        if (Status is { } status)
        {
            activities = activities.Where(a => a.Status == status);
        }
        if (From is { } from)
        {
            activities = activities.Where(a => a.Date >= from);
        }
        if (To is { } to)
        {
            activities = activities.Where(a => a.Date <= to);
        }
        if (WaitingDays is > 0 and <= 3650)
        {
            var submittedBefore = now.AddDays(-WaitingDays.Value);
            activities = activities.Where(a => a.Status == ActivityStatus.Submitted && a.SubmittedAt < submittedBefore);
        }
        if (AidVisits)
        {
            activities = activities.Where(a => a.AidHouseholdId != null);
        }
        if (HasEvidence is { } hasEvidence)
        {
            activities = activities.Where(a => a.Evidence.Any() == hasEvidence);
        }
        return activities;
    }

    private IQueryable<Activity> Order(IQueryable<Activity> activities) =>
        (Sort, Desc) switch
        {
            ("people", false) => activities.OrderBy(a => a.PeopleSent).ThenBy(a => a.Id),
            ("people", true) => activities.OrderByDescending(a => a.PeopleSent).ThenByDescending(a => a.Id),
            ("hours", false) => activities.OrderBy(a => a.PersonHours).ThenBy(a => a.Id),
            ("hours", true) => activities.OrderByDescending(a => a.PersonHours).ThenByDescending(a => a.Id),
            ("date", false) => activities.OrderBy(a => a.Date).ThenBy(a => a.Id),
            // Newest first by default: the liaison's last report and the secretary's latest work lead.
            _ => activities.OrderByDescending(a => a.Date).ThenByDescending(a => a.Id),
        };

    public override Dictionary<string, string?> ToRouteValues()
    {
        var values = BaseRouteValues();
        values["party"] = string.IsNullOrWhiteSpace(Party) ? null : Party.Trim();
        values["unitId"] = UnitId?.ToString(CultureInfo.InvariantCulture);
        values["communityId"] = CommunityId?.ToString(CultureInfo.InvariantCulture);
        values["street"] = string.IsNullOrWhiteSpace(Street) ? null : Street;
        values["category"] = Category?.ToString();
        values["status"] = Status?.ToString();
        values["from"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        values["to"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        values["waitingDays"] = WaitingDays?.ToString(CultureInfo.InvariantCulture);
        values["hasEvidence"] = HasEvidence?.ToString(CultureInfo.InvariantCulture).ToLowerInvariant();
        values["aidVisits"] = AidVisits ? "true" : null;
        return values;
    }
}
