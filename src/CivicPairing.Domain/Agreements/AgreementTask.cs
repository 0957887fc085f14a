namespace CivicPairing.Domain.Agreements;

/// <summary>共建任务: one numbered task of an agreement, tracked until the community confirms it.</summary>
public class AgreementTask
{
    public const int TitleMaxLength = 200;
    public const int TextMaxLength = 2000;

    public int Id { get; set; }
    public int AgreementId { get; set; }
    public Agreement? Agreement { get; set; }
    public int Number { get; set; }
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public DateOnly DueDate { get; set; }
    public AgreementTaskStatus Status { get; set; } = AgreementTaskStatus.Open;
    public string? ReportNote { get; set; }
    public DateTimeOffset? ReportedAt { get; set; }
    public string? ReportedBy { get; set; }
    public DateTimeOffset? ConfirmedAt { get; set; }
    public string? ConfirmedBy { get; set; }
    /// <summary>Why the community sent the last report back; kept after the task is reported again.</summary>
    public string? ReturnReason { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
    public List<AgreementTaskEvent> Events { get; set; } = [];
    public List<Evidence.EvidenceFile> Evidence { get; set; } = [];

    /// <summary>"Overdue task": not yet confirmed done (open, or reported and waiting) and due before today.</summary>
    public bool IsOverdue(DateOnly today) => IsOverdue(Status, DueDate, today);

    public static bool IsOverdue(AgreementTaskStatus status, DateOnly dueDate, DateOnly today) =>
        status is AgreementTaskStatus.Open or AgreementTaskStatus.ReportedDone && dueDate < today;

    /// <summary>The same rule as <see cref="IsOverdue(DateOnly)"/>, for queries that the database filters.</summary>
    public static System.Linq.Expressions.Expression<Func<AgreementTask, bool>> OverdueOn(DateOnly today) =>
        t => (t.Status == AgreementTaskStatus.Open || t.Status == AgreementTaskStatus.ReportedDone) && t.DueDate < today;

    /// <summary>The unit reports the task done; only tasks of an agreement in force (or just expired) can be.</summary>
    public void ReportDone(string note, AgreementStatus agreementStatus, string actor, DateTimeOffset now)
    {
        if (agreementStatus is not (AgreementStatus.Filed or AgreementStatus.Expired))
        {
            throw new DomainException("Tasks can be reported only once the agreement is filed.");
        }
        if (Status != AgreementTaskStatus.Open)
        {
            throw new DomainException("Only an open task can be reported done.");
        }
        ReportNote = PlainText.Required(note, TextMaxLength, "Say what was done.", "note");
        ReportedAt = now;
        ReportedBy = actor;
        Move(AgreementTaskStatus.ReportedDone, ReportNote, actor, now);
    }

    public void Confirm(string actor, DateTimeOffset now)
    {
        if (Status != AgreementTaskStatus.ReportedDone)
        {
            throw new DomainException(Status == AgreementTaskStatus.Confirmed ? "This task is confirmed already." : "Only a task reported done can be confirmed.");
        }
        ConfirmedAt = now;
        ConfirmedBy = actor;
        Move(AgreementTaskStatus.Confirmed, null, actor, now);
    }

    /// <summary>The community sends the report back with a reason; the task is open again.</summary>
    public void Return(string reason, string actor, DateTimeOffset now)
    {
        if (Status != AgreementTaskStatus.ReportedDone)
        {
            throw new DomainException("Only a task reported done can be returned.");
        }
        ReturnReason = PlainText.Required(reason, TextMaxLength, "Give a reason.", "reason");
        Move(AgreementTaskStatus.Open, ReturnReason, actor, now);
    }

    internal void Cancel(string reason, string actor, DateTimeOffset now)
    {
        if (Status is AgreementTaskStatus.Open or AgreementTaskStatus.ReportedDone)
        {
            Move(AgreementTaskStatus.Cancelled, reason, actor, now);
        }
    }

    private void Move(AgreementTaskStatus to, string? note, string actor, DateTimeOffset now)
    {
        Events.Add(new AgreementTaskEvent { TaskId = Id, At = now, Actor = actor, From = Status, To = to, Note = note });
        Status = to;
    }
}

public class AgreementTaskEvent
{
    public long Id { get; set; }
    public int TaskId { get; set; }
    public DateTimeOffset At { get; set; }
    public string Actor { get; set; } = "";
    public AgreementTaskStatus From { get; set; }
    public AgreementTaskStatus To { get; set; }
    public string? Note { get; set; }
}
