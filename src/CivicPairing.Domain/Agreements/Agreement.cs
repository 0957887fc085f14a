using CivicPairing.Domain.Pairings;

namespace CivicPairing.Domain.Agreements;

/// <summary>
/// 协议书 (篇4): the signed agreement of a pairing. Drafted, signed by the unit, then by the
/// community, filed with the office (备案) and in force until its period ends. A filed agreement is
/// read-only; a change is an amendment, a new version linked to the old one.
/// </summary>
public class Agreement
{
    public const int NumberMaxLength = 50;
    public const int TitleMaxLength = 200;
    public const int TextMaxLength = 4000;
    public const int SignatoryMaxLength = 50;
    public const int ReasonMaxLength = 1000;
    public const string DefaultPrinciples = "互惠双赢；彰显特色；因地制宜。";

    public int Id { get; set; }
    public int PairingId { get; set; }
    public Pairing? Pairing { get; set; }
    public string Number { get; set; } = "";
    public string Title { get; set; } = "";
    public FocusAreas FocusAreas { get; set; }
    public string Principles { get; set; } = DefaultPrinciples;
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    /// <summary>篇5: at least one visit a month.</summary>
    public int VisitsPerMonth { get; set; }
    /// <summary>篇6: a coordination meeting each quarter.</summary>
    public int CoordinationMeetingsPerQuarter { get; set; }
    /// <summary>篇11: a joint meeting every half year.</summary>
    public int JointMeetingsPerHalfYear { get; set; }
    public string? Clauses { get; set; }
    public AgreementStatus Status { get; set; } = AgreementStatus.Draft;
    public string? UnitSignatory { get; set; }
    public DateOnly? UnitSignedOn { get; set; }
    public string? CommunitySignatory { get; set; }
    public DateOnly? CommunitySignedOn { get; set; }
    public DateOnly? FiledOn { get; set; }
    public string? FiledBy { get; set; }
    public string? TerminationReason { get; set; }
    public int VersionNumber { get; set; } = 1;
    public int? PreviousVersionId { get; set; }
    public Agreement? PreviousVersion { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
    public List<AgreementTask> Tasks { get; set; } = [];

    /// <summary>Expiry follows the period end by itself: a filed agreement past its end date is expired.</summary>
    public AgreementStatus EffectiveStatus(DateOnly today) =>
        Status == AgreementStatus.Filed && today > EndDate ? AgreementStatus.Expired : Status;

    public bool IsEditable => Status == AgreementStatus.Draft;

    /// <summary>How many days before an agreement in force ends the next one (续签) may be drafted.</summary>
    public const int RenewalWindowDays = 30;

    /// <summary>
    /// Whether a pairing is offered a new agreement, given its agreements' stored statuses and end dates: not while one is
    /// being drafted or signed (that one is finished first), nor while one is in force for more than
    /// <see cref="RenewalWindowDays"/> days yet (that one is amended from its page instead). Ended ones leave room.
    /// </summary>
    public static bool RoomForANewDraft(IEnumerable<(AgreementStatus Status, DateOnly EndDate)> agreements, DateOnly today) =>
        agreements.All(a => a.Status is AgreementStatus.Terminated or AgreementStatus.Superseded
            || (a.Status == AgreementStatus.Filed && a.EndDate <= today.AddDays(RenewalWindowDays)));

    /// <summary>
    /// Never filed: a draft or one still being signed. Its tasks are still being written, so no list tracks them and no
    /// score counts them; once filed (and after, superseded or terminated) they are tracked. Named by the three stored
    /// statuses before filing (<see cref="AgreementStatus.Expired"/> is never stored: <see cref="EffectiveStatus"/>), so
    /// the database finds these few agreements by the status index instead of reading all of a province's.
    /// </summary>
    public static System.Linq.Expressions.Expression<Func<Agreement, bool>> NeverFiled =>
        a => a.Status == AgreementStatus.Draft || a.Status == AgreementStatus.SignedByUnit || a.Status == AgreementStatus.SignedByBoth;

    /// <summary>
    /// Not in force: never filed, or ended by termination or by a filed amendment. Only the tasks of an agreement in force
    /// (filed, expired or not) can be overdue or wait for the community. Named by stored statuses, like <see cref="NeverFiled"/>.
    /// </summary>
    public static System.Linq.Expressions.Expression<Func<Agreement, bool>> NotInForce =>
        a => a.Status == AgreementStatus.Draft || a.Status == AgreementStatus.SignedByUnit || a.Status == AgreementStatus.SignedByBoth
            || a.Status == AgreementStatus.Terminated || a.Status == AgreementStatus.Superseded;

    /// <summary>Checks what a draft must satisfy before anyone signs it.</summary>
    public static void CheckTerms(DateOnly start, DateOnly end, IEnumerable<(string Title, DateOnly Due)> tasks)
    {
        if (end < start)
        {
            throw new DomainException("The period ends before it starts.");
        }
        var number = 0;
        foreach (var (title, due) in tasks)
        {
            number++;
            if (due < start || due > end)
            {
                throw new DomainException("Task {0} ({1}) is due outside the agreement's period.", number, title);
            }
        }
    }

    /// <summary>A signature is dated on a day that has come, from <see cref="RecordDates.Earliest"/> on.</summary>
    public static void CheckSignDate(DateOnly signedOn, DateOnly today)
    {
        if (signedOn > today)
        {
            throw new DomainException("The signing date cannot be in the future.") { Field = "signedOn" };
        }
        if (signedOn < RecordDates.Earliest)
        {
            throw new DomainException("Choose a date from 2000 on.") { Field = "signedOn" };
        }
    }

    public void SignByUnit(string signatory, DateOnly signedOn)
    {
        RefuseIfNoLongerInForce();
        if (Status != AgreementStatus.Draft)
        {
            throw new DomainException("The unit has signed already.");
        }
        if (Tasks.Count == 0)
        {
            throw new DomainException("An agreement needs at least one task before it is signed.");
        }
        CheckTerms(StartDate, EndDate, Tasks.Select(t => (t.Title, t.DueDate)));
        UnitSignatory = Signatory(signatory);
        UnitSignedOn = signedOn;
        Status = AgreementStatus.SignedByUnit;
    }

    public void SignByCommunity(string signatory, DateOnly signedOn)
    {
        RefuseIfNoLongerInForce();
        if (Status == AgreementStatus.Draft)
        {
            throw new DomainException("The unit (party A) signs first.");
        }
        if (Status != AgreementStatus.SignedByUnit)
        {
            throw new DomainException("The community has signed already.");
        }
        if (signedOn < UnitSignedOn)
        {
            throw new DomainException("The community cannot sign before the unit did ({0}).", UnitSignedOn!.Value);
        }
        CommunitySignatory = Signatory(signatory);
        CommunitySignedOn = signedOn;
        Status = AgreementStatus.SignedByBoth;
    }

    /// <summary>
    /// Files the agreement with the office; it is in force from now. Filing an amendment supersedes the
    /// version it amends, whose unconfirmed tasks are cancelled (the amendment carries them on).
    /// </summary>
    public void File(string actor, DateOnly filedOn, Agreement? amended, DateTimeOffset now)
    {
        if (Status != AgreementStatus.SignedByBoth)
        {
            throw new DomainException("Only an agreement signed by both sides can be filed.");
        }
        if (amended is not null && (amended.Id != PreviousVersionId || amended.Status != AgreementStatus.Filed))
        {
            throw new DomainException("The agreement this amends is no longer in force; this amendment cannot be filed.");
        }
        if (PreviousVersionId is not null && amended is null)
        {
            throw new InvalidOperationException($"{nameof(File)}: an amendment needs the version it amends (id {PreviousVersionId})");
        }
        Status = AgreementStatus.Filed;
        FiledOn = filedOn;
        FiledBy = actor;
        if (amended is not null)
        {
            amended.Status = AgreementStatus.Superseded;
            foreach (var task in amended.Tasks)
            {
                task.Cancel($"Superseded by version {VersionNumber}", actor, now);
            }
        }
    }

    public void Terminate(string reason, string actor, DateTimeOffset now)
    {
        if (Status is not (AgreementStatus.Filed or AgreementStatus.SignedByBoth or AgreementStatus.SignedByUnit or AgreementStatus.Draft))
        {
            throw new DomainException("This agreement is no longer in force.");
        }
        TerminationReason = PlainText.Required(reason, ReasonMaxLength, "Give a reason.", "reason");
        Status = AgreementStatus.Terminated;
        foreach (var task in Tasks)
        {
            task.Cancel(TerminationReason, actor, now);
        }
    }

    /// <summary>A new draft version with the same terms and the tasks not yet confirmed.</summary>
    public Agreement Amend(DateOnly today, DateTimeOffset now)
    {
        if (EffectiveStatus(today) != AgreementStatus.Filed)
        {
            throw new DomainException("Only an agreement in force can be amended.");
        }
        var next = new Agreement
        {
            PairingId = PairingId, Number = Number, Title = Title, FocusAreas = FocusAreas, Principles = Principles,
            StartDate = StartDate, EndDate = EndDate, VisitsPerMonth = VisitsPerMonth,
            CoordinationMeetingsPerQuarter = CoordinationMeetingsPerQuarter, JointMeetingsPerHalfYear = JointMeetingsPerHalfYear,
            Clauses = Clauses, VersionNumber = VersionNumber + 1, PreviousVersionId = Id, PreviousVersion = this, CreatedAt = now,
        };
        var number = 0;
        foreach (var task in Tasks.Where(t => t.Status is AgreementTaskStatus.Open or AgreementTaskStatus.ReportedDone).OrderBy(t => t.Number))
        {
            next.Tasks.Add(new AgreementTask { Number = ++number, Title = task.Title, Description = task.Description, DueDate = task.DueDate });
        }
        return next;
    }

    private void RefuseIfNoLongerInForce()
    {
        if (Status is AgreementStatus.Terminated or AgreementStatus.Superseded)
        {
            throw new DomainException("This agreement is no longer in force.");
        }
    }

    private static string Signatory(string name) =>
        PlainText.Required(name, SignatoryMaxLength, "Enter the name of the person who signs.", "signatory");
}
