using CivicPairing.Domain.Evidence;
using CivicPairing.Domain.Pairings;

namespace CivicPairing.Domain.Activities;

/// <summary>
/// 共建活动: what a unit did in a community. The liaison logs it; the community's secretary confirms
/// and rates it, or disputes it; only confirmed activities count. A confirmed activity is locked: only
/// the office can reopen it.
/// </summary>
public class Activity
{
    public const int TitleMaxLength = 200;
    public const int TextMaxLength = 4000;
    public const int MaxPeople = 100_000;
    public const int ReasonMaxLength = 1000;

    public int Id { get; set; }
    public int PairingId { get; set; }
    public Pairing? Pairing { get; set; }
    public DateOnly Date { get; set; }
    public ActivityCategory Category { get; set; }
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public int PeopleSent { get; set; }
    public decimal PersonHours { get; set; }
    public bool LeaderTookPart { get; set; }
    public decimal Funds { get; set; }
    public string? Materials { get; set; }
    public int PeopleServed { get; set; }
    /// <summary>For joint meetings: who attended for each side.</summary>
    public string? Attendees { get; set; }
    public ActivityStatus Status { get; set; } = ActivityStatus.Submitted;
    /// <summary>Satisfaction 1–5 given by the community when it confirms.</summary>
    public int? Rating { get; set; }
    public string? RatingComment { get; set; }
    public string? DisputeReason { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public string SubmittedBy { get; set; } = "";
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecidedBy { get; set; }
    /// <summary>The form's one-time key: a retried or double-clicked submit finds the activity it already made.</summary>
    public Guid SubmissionKey { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
    public List<ActivityEvent> Events { get; set; } = [];
    public List<EvidenceFile> Evidence { get; set; } = [];
    /// <summary>The agreement tasks this activity worked on (篇4's task list).</summary>
    public List<Agreements.AgreementTask> LinkedTasks { get; set; } = [];
    /// <summary>The aid household this visit or help was for (一户一方案), a household of the same pairing.</summary>
    public int? AidHouseholdId { get; set; }

    public static Activity Log(Pairing pairing, ActivityFacts facts, ActivityContext context, Guid submissionKey, string actor, DateTimeOffset now)
    {
        Check(facts, context);
        var activity = new Activity { Pairing = pairing, PairingId = pairing.Id, SubmissionKey = submissionKey, SubmittedAt = now, SubmittedBy = actor };
        activity.Apply(facts);
        activity.Record(null, ActivityStatus.Submitted, null, actor, now);
        return activity;
    }

    /// <summary>The liaison corrects a disputed activity and sends it to the community again.</summary>
    public void Correct(ActivityFacts facts, ActivityContext context, string actor, DateTimeOffset now)
    {
        if (Status != ActivityStatus.Disputed)
        {
            throw new DomainException("Only a disputed activity can be corrected and resubmitted.");
        }
        Check(facts, context);
        Apply(facts);
        SubmittedAt = now;
        SubmittedBy = actor;
        DecidedAt = null;
        DecidedBy = null;
        Record(ActivityStatus.Disputed, ActivityStatus.Submitted, null, actor, now);
        Status = ActivityStatus.Submitted;
    }

    public void Confirm(int rating, string? comment, string actor, DateTimeOffset now)
    {
        if (Status != ActivityStatus.Submitted)
        {
            throw new DomainException(Status == ActivityStatus.Confirmed ? "This activity is confirmed already." : "Only an activity waiting for confirmation can be confirmed.");
        }
        if (rating is < 1 or > 5)
        {
            throw new DomainException("Rate the activity from 1 to 5.");
        }
        var said = PlainText.Optional(comment, ReasonMaxLength, "comment");
        Rating = rating;
        RatingComment = said;
        DecidedAt = now;
        DecidedBy = actor;
        Record(ActivityStatus.Submitted, ActivityStatus.Confirmed, RatingComment, actor, now);
        Status = ActivityStatus.Confirmed;
    }

    public void Dispute(string reason, string actor, DateTimeOffset now)
    {
        if (Status != ActivityStatus.Submitted)
        {
            throw new DomainException("Only an activity waiting for confirmation can be disputed.");
        }
        DisputeReason = Reason(reason);
        DecidedAt = now;
        DecidedBy = actor;
        Record(ActivityStatus.Submitted, ActivityStatus.Disputed, DisputeReason, actor, now);
        Status = ActivityStatus.Disputed;
    }

    /// <summary>The office reopens a confirmed activity (a wrong confirmation, say); the rating no longer counts.</summary>
    public void Reopen(string reason, string actor, DateTimeOffset now)
    {
        if (Status != ActivityStatus.Confirmed)
        {
            throw new DomainException("Only a confirmed activity can be reopened.");
        }
        var why = Reason(reason);
        Rating = null;
        RatingComment = null;
        DecidedAt = null;
        DecidedBy = null;
        Record(ActivityStatus.Confirmed, ActivityStatus.Submitted, why, actor, now);
        Status = ActivityStatus.Submitted;
    }

    /// <summary>Same pairing, same day, same category and a title that says the same thing.</summary>
    public static bool IsNearDuplicate(Activity existing, int pairingId, DateOnly date, ActivityCategory category, string title) =>
        existing.PairingId == pairingId && existing.Date == date && existing.Category == category && TitlesSimilar(existing.Title, title);

    /// <summary>Titles are alike when one contains the other or they share most of their characters (Chinese has no words to split).</summary>
    public static bool TitlesSimilar(string a, string b)
    {
        var x = Normalize(a);
        var y = Normalize(b);
        if (x.Length == 0 || y.Length == 0)
        {
            return false;
        }
        if (x.Contains(y, StringComparison.Ordinal) || y.Contains(x, StringComparison.Ordinal))
        {
            return true;
        }
        var bigramsX = Bigrams(x);
        var bigramsY = Bigrams(y);
        if (bigramsX.Count == 0 || bigramsY.Count == 0)
        {
            return false;
        }
        var shared = bigramsX.Intersect(bigramsY).Count();
        return 2.0 * shared / (bigramsX.Count + bigramsY.Count) >= 0.6;
    }

    private static string Normalize(string s) => new([.. s.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);

    private static HashSet<string> Bigrams(string s) => [.. Enumerable.Range(0, Math.Max(0, s.Length - 1)).Select(i => s.Substring(i, 2))];

    private static void Check(ActivityFacts f, ActivityContext c)
    {
        if (!c.PairingInForce)
        {
            throw new DomainException("Activities can be logged only for a pairing in force.");
        }
        if (f.Date > c.Today)
        {
            throw new DomainException("The date is in the future.") { Field = "Date" };
        }
        if (f.Date < c.PairingStart)
        {
            throw new DomainException("The date is before the pairing started ({0}).", c.PairingStart) { Field = "Date" };
        }
        if (f.PeopleSent < 1 || f.PeopleSent > c.UnitStaff)
        {
            throw new DomainException("People sent must be between 1 and the unit's staff ({0}).", c.UnitStaff);
        }
        if (f.PersonHours < 0 || f.PersonHours > f.PeopleSent * 24m)
        {
            throw new DomainException("Person-hours cannot exceed 24 for each person sent ({0} at most).", f.PeopleSent * 24);
        }
        if (c.NearDuplicate is { } existing)
        {
            throw new DomainException("This looks like an activity logged already: {0} on {1}.", existing.Title, existing.Date);
        }
    }

    private void Apply(ActivityFacts f)
    {
        Date = f.Date;
        Category = f.Category;
        Title = f.Title.Trim();
        Description = Clean(f.Description);
        PeopleSent = f.PeopleSent;
        PersonHours = f.PersonHours;
        LeaderTookPart = f.LeaderTookPart;
        Funds = f.Funds;
        Materials = Clean(f.Materials);
        PeopleServed = f.PeopleServed;
        Attendees = f.Category == ActivityCategory.JointMeeting ? Clean(f.Attendees) : null;
    }

    private static string Reason(string? reason) => PlainText.Required(reason, ReasonMaxLength, "Give a reason.", "reason");

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private void Record(ActivityStatus? from, ActivityStatus to, string? note, string actor, DateTimeOffset now) =>
        Events.Add(new ActivityEvent { ActivityId = Id, At = now, Actor = actor, From = from, To = to, Note = note });
}

public class ActivityEvent
{
    public long Id { get; set; }
    public int ActivityId { get; set; }
    public DateTimeOffset At { get; set; }
    public string Actor { get; set; } = "";
    public ActivityStatus? From { get; set; }
    public ActivityStatus To { get; set; }
    public string? Note { get; set; }
}
