namespace CivicPairing.Domain.Members;

/// <summary>
/// A member's service in the community they reported to (date, hours, what was done). Recorded by the member from a phone
/// (then confirmed by the secretary) or by the secretary (confirmed at entry). Only confirmed service counts: in the
/// quarterly feedback to the employer (表现反馈) and, where the office gives it a weight, in the unit's score.
/// </summary>
public class MemberService
{
    public const int DescriptionMaxLength = 500;
    public const int RemarkMaxLength = 500;
    public const decimal MaxHoursPerDay = 24m;

    public int Id { get; set; }
    public int ReportId { get; set; }
    public MemberReport? Report { get; set; }
    /// <summary>Copied from the report, so a member's day and a community's inbox are read along their own index.</summary>
    public int MemberId { get; set; }
    public PartyMember? Member { get; set; }
    public int CommunityId { get; set; }
    public DateOnly Date { get; set; }
    public decimal Hours { get; set; }
    public string Description { get; set; } = "";
    public MemberServiceStatus Status { get; set; } = MemberServiceStatus.Submitted;
    public bool RecordedByMember { get; set; }
    public string RecordedBy { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }
    /// <summary>The secretary's remark (社区评语), shown in the feedback to the employer.</summary>
    public string? Remark { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecidedBy { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>
    /// Records service under an accepted report. <paramref name="hoursAlreadyThatDay"/> is the member's other service that day
    /// (submitted or confirmed, in any community); the day's sum may not pass 24 hours.
    /// </summary>
    public static MemberService Record(MemberReport report, DateOnly date, decimal hours, string description, decimal hoursAlreadyThatDay,
        bool bySecretary, string? remark, DateOnly today, string actor, DateTimeOffset now)
    {
        if (report.Status != MemberReportStatus.Accepted || report.AcceptedOn is not { } acceptedOn)
        {
            throw new DomainException("Service can be recorded only once the community has accepted the member's report.");
        }
        if (date > today)
        {
            throw new DomainException("The date of the service cannot be in the future.") { Field = nameof(Date) };
        }
        if (date < acceptedOn)
        {
            throw new DomainException("The service cannot be before the community accepted the report ({0}).", acceptedOn) { Field = nameof(Date) };
        }
        if (hours <= 0)
        {
            throw new DomainException("Enter the hours of service, more than 0.") { Field = nameof(Hours) };
        }
        if (hours != decimal.Round(hours, 1))
        {
            throw new DomainException("Enter the hours to one decimal place at most.") { Field = nameof(Hours) };
        }
        if (hours + hoursAlreadyThatDay > MaxHoursPerDay)
        {
            throw new DomainException("A day has 24 hours: with the {0} hours already recorded for that day, at most {1} more can be recorded.",
                HoursText(hoursAlreadyThatDay), HoursText(Math.Max(0m, MaxHoursPerDay - hoursAlreadyThatDay))) { Field = nameof(Hours) };
        }
        var service = new MemberService
        {
            ReportId = report.Id,
            Report = report,
            MemberId = report.MemberId,
            CommunityId = report.CommunityId,
            Date = date,
            Hours = hours,
            Description = PlainText.Required(description, DescriptionMaxLength, "Say what was done.", nameof(Description)),
            RecordedByMember = !bySecretary,
            RecordedBy = actor,
            RecordedAt = now,
        };
        if (bySecretary)
        {
            // The secretary vouches for what she enters herself.
            service.Confirm(remark, actor, now);
        }
        return service;
    }

    public void Confirm(string? remark, string actor, DateTimeOffset now)
    {
        if (Status != MemberServiceStatus.Submitted)
        {
            throw new DomainException("Only service awaiting confirmation can be confirmed.");
        }
        Remark = PlainText.Optional(remark, RemarkMaxLength, nameof(Remark));
        Status = MemberServiceStatus.Confirmed;
        DecidedAt = now;
        DecidedBy = actor;
    }

    /// <summary>The community does not confirm the record (it did not happen so); it never counts.</summary>
    public void Reject(string reason, string actor, DateTimeOffset now)
    {
        if (Status != MemberServiceStatus.Submitted)
        {
            throw new DomainException("Only service awaiting confirmation can be refused.");
        }
        Remark = PlainText.Required(reason, RemarkMaxLength, "Give a reason.", "reason");
        Status = MemberServiceStatus.Rejected;
        DecidedAt = now;
        DecidedBy = actor;
    }

    /// <summary>Hours as people write them: 20, 2.5 (not 20.0, whatever scale the database gave the sum).</summary>
    public static string HoursText(decimal hours) => hours.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The quarter (1–4) a date falls in.</summary>
    public static int QuarterOf(DateOnly date) => (date.Month - 1) / 3 + 1;

    public static (DateOnly From, DateOnly To) QuarterSpan(int year, int quarter)
    {
        var from = new DateOnly(year, (quarter - 1) * 3 + 1, 1);
        return (from, from.AddMonths(3).AddDays(-1));
    }
}
