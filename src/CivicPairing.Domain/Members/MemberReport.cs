namespace CivicPairing.Domain.Members;

/// <summary>
/// 报到: a member reports to the community where they live; its secretary accepts or declines with a reason. A member is
/// reported to one community at a time: a second report while one is pending or accepted is refused (and a filtered unique
/// index guarantees it under a race).
/// </summary>
public class MemberReport
{
    public const int ReasonMaxLength = 500;

    public int Id { get; set; }
    public int MemberId { get; set; }
    public PartyMember? Member { get; set; }
    public int CommunityId { get; set; }
    public Registry.Community? Community { get; set; }
    public MemberReportStatus Status { get; set; } = MemberReportStatus.Pending;
    public DateTimeOffset ReportedAt { get; set; }
    public string ReportedBy { get; set; } = "";
    /// <summary>The city's date of the acceptance: service before it is not the community's to confirm.</summary>
    public DateOnly? AcceptedOn { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public string? Reason { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    public static bool IsOpen(MemberReportStatus status) => status is MemberReportStatus.Pending or MemberReportStatus.Accepted;

    /// <summary>
    /// The member (or their liaison) reports to the member's residence community. <paramref name="openReportCommunity"/> is the
    /// community of the member's pending or accepted report, if any.
    /// </summary>
    public static MemberReport Submit(PartyMember member, string? openReportCommunity, string actor, DateTimeOffset now)
    {
        if (!member.IsActive)
        {
            throw new DomainException("This member has left the unit.");
        }
        if (openReportCommunity is not null)
        {
            throw new DomainException("This member has already reported to {0}. A member reports to one community at a time; end that report first.", openReportCommunity);
        }
        return new MemberReport { MemberId = member.Id, Member = member, CommunityId = member.ResidenceCommunityId, ReportedAt = now, ReportedBy = actor };
    }

    public void Accept(DateOnly today, string actor, DateTimeOffset now)
    {
        Require(MemberReportStatus.Pending, "Only a report awaiting the community can be accepted.");
        Status = MemberReportStatus.Accepted;
        AcceptedOn = today;
        DecidedAt = now;
        DecidedBy = actor;
        Reason = null;
    }

    public void Decline(string reason, string actor, DateTimeOffset now)
    {
        Require(MemberReportStatus.Pending, "Only a report awaiting the community can be declined.");
        Reason = PlainText.Required(reason, ReasonMaxLength, "Give a reason.", "reason");
        Status = MemberReportStatus.Declined;
        DecidedAt = now;
        DecidedBy = actor;
    }

    /// <summary>The member moved, left the unit or reported by mistake: the report closes; confirmed service stays on record.</summary>
    public void End(string reason, string actor, DateTimeOffset now)
    {
        if (!IsOpen(Status))
        {
            throw new DomainException("Only a pending or accepted report can be ended.");
        }
        Reason = PlainText.Required(reason, ReasonMaxLength, "Give a reason.", "reason");
        Status = MemberReportStatus.Ended;
        EndedAt = now;
        DecidedBy ??= actor;
    }

    private void Require(MemberReportStatus status, string refusal)
    {
        if (Status != status)
        {
            throw new DomainException(refusal);
        }
    }
}
