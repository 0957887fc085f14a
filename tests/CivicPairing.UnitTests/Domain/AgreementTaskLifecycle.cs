using CivicPairing.Domain;
using CivicPairing.Domain.Agreements;

namespace CivicPairing.UnitTests.Domain;

/// <summary>
/// 共建任务 lifecycle: Open → ReportedDone (the unit) → Confirmed (the community), or returned with a reason
/// back to Open; Cancelled with its agreement. The task is 篇4's first: 开展文明创建宣传教育, due 2017-06-30.
/// </summary>
public sealed class AgreementTaskLifecycle
{
    private const string Liaison = AgreementLifecycle.Liaison;
    private const string Secretary = AgreementLifecycle.Secretary;
    private static readonly DateOnly Due = new(2017, 6, 30);
    private static readonly DateTimeOffset ReportedAt = new(2017, 6, 20, 17, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset Now = new(2017, 6, 25, 11, 0, 0, TimeSpan.FromHours(8));

    public enum Operation
    {
        ReportDone,
        Confirm,
        Return,
    }

    /// <summary>Every move allowed: from, operation, to, and the note the step records.</summary>
    public static TheoryData<AgreementTaskStatus, Operation, AgreementTaskStatus, string?> AllowedMoves => new()
    {
        { AgreementTaskStatus.Open, Operation.ReportDone, AgreementTaskStatus.ReportedDone, "宣传栏已更新，发放资料300份" },
        { AgreementTaskStatus.ReportedDone, Operation.Confirm, AgreementTaskStatus.Confirmed, null },
        { AgreementTaskStatus.ReportedDone, Operation.Return, AgreementTaskStatus.Open, "缺少签到表" },
    };

    /// <summary>Every other (status, operation) pair, with the sentence that refuses it.</summary>
    public static TheoryData<AgreementTaskStatus, Operation, string> RefusedMoves => new()
    {
        { AgreementTaskStatus.ReportedDone, Operation.ReportDone, "Only an open task can be reported done." },
        { AgreementTaskStatus.Confirmed, Operation.ReportDone, "Only an open task can be reported done." },
        { AgreementTaskStatus.Cancelled, Operation.ReportDone, "Only an open task can be reported done." },
        { AgreementTaskStatus.Open, Operation.Confirm, "Only a task reported done can be confirmed." },
        { AgreementTaskStatus.Confirmed, Operation.Confirm, "This task is confirmed already." },
        { AgreementTaskStatus.Cancelled, Operation.Confirm, "Only a task reported done can be confirmed." },
        { AgreementTaskStatus.Open, Operation.Return, "Only a task reported done can be returned." },
        { AgreementTaskStatus.Confirmed, Operation.Return, "Only a task reported done can be returned." },
        { AgreementTaskStatus.Cancelled, Operation.Return, "Only a task reported done can be returned." },
    };

    [Fact]
    public void TheTransitionTablesNameEveryStatusAndOperationExactlyOnce()
    {
        var everyPair = Enum.GetValues<AgreementTaskStatus>().SelectMany(s => Enum.GetValues<Operation>().Select(o => (s, o)));
        var allowed = AllowedMoves.Select(row => ((AgreementTaskStatus)row[0], (Operation)row[1]));
        var refused = RefusedMoves.Select(row => ((AgreementTaskStatus)row[0], (Operation)row[1]));

        Assert.Equal(everyPair.Order(), allowed.Concat(refused).Order());
    }

    [Theory]
    [MemberData(nameof(AllowedMoves))]
    public void MovesOnAndRecordsTheStepGivenAnAllowedOperation(AgreementTaskStatus from, Operation operation, AgreementTaskStatus to, string? note)
    {
        var task = InStatus(from);
        var eventsBefore = task.Events.Count;

        Apply(task, operation);

        Assert.Equal(to, task.Status);
        Assert.Equal(eventsBefore + 1, task.Events.Count);
        var step = task.Events[^1];
        Assert.Equal(task.Id, step.TaskId);
        Assert.Equal(from, step.From);
        Assert.Equal(to, step.To);
        Assert.Equal(operation == Operation.ReportDone ? Liaison : Secretary, step.Actor);
        Assert.Equal(Now, step.At);
        Assert.Equal(note, step.Note);
    }

    [Theory]
    [MemberData(nameof(RefusedMoves))]
    public void RefusesAndChangesNothingGivenAnOperationTheStatusDoesNotAllow(AgreementTaskStatus status, Operation operation, string refusal)
    {
        var task = InStatus(status);
        var before = Snapshot(task);

        var refused = Assert.Throws<DomainException>(() => Apply(task, operation));

        Assert.Equal(refusal, refused.Message);
        Assert.Equal(status, task.Status);
        Assert.Equal(before, Snapshot(task));
    }

    [Theory]
    [InlineData(AgreementStatus.Filed)]
    [InlineData(AgreementStatus.Expired)]
    public void AcceptsAReportWhileTheAgreementIsInForceOrJustExpired(AgreementStatus agreementStatus)
    {
        var task = InStatus(AgreementTaskStatus.Open);

        task.ReportDone("  宣传栏已更新，发放资料300份 ", agreementStatus, Liaison, Now);

        Assert.Equal(AgreementTaskStatus.ReportedDone, task.Status);
        Assert.Equal("宣传栏已更新，发放资料300份", task.ReportNote);
        Assert.Equal(Now, task.ReportedAt);
        Assert.Equal(Liaison, task.ReportedBy);
    }

    [Theory]
    [InlineData(AgreementStatus.Draft)]
    [InlineData(AgreementStatus.SignedByUnit)]
    [InlineData(AgreementStatus.SignedByBoth)]
    [InlineData(AgreementStatus.Terminated)]
    [InlineData(AgreementStatus.Superseded)]
    public void RefusesAReportGivenAnAgreementNotFiledOrNoLongerInForce(AgreementStatus agreementStatus)
    {
        var task = InStatus(AgreementTaskStatus.Open);

        var refused = Assert.Throws<DomainException>(() => task.ReportDone("宣传栏已更新", agreementStatus, Liaison, Now));

        Assert.Equal("Tasks can be reported only once the agreement is filed.", refused.Message);
        Assert.Equal(AgreementTaskStatus.Open, task.Status);
        Assert.Empty(task.Events);
        Assert.Null(task.ReportNote);
        Assert.Null(task.ReportedAt);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void RefusesAReportThatDoesNotSayWhatWasDone(string note)
    {
        var task = InStatus(AgreementTaskStatus.Open);

        var refused = Assert.Throws<DomainException>(() => task.ReportDone(note, AgreementStatus.Filed, Liaison, Now));

        Assert.Equal("Say what was done.", refused.Message);
        Assert.Equal(AgreementTaskStatus.Open, task.Status);
        Assert.Empty(task.Events);
        Assert.Null(task.ReportedBy);
    }

    [Fact]
    public void RecordsWhoConfirmedAndWhen()
    {
        var task = InStatus(AgreementTaskStatus.ReportedDone);

        task.Confirm(Secretary, Now);

        Assert.Equal(AgreementTaskStatus.Confirmed, task.Status);
        Assert.Equal(Now, task.ConfirmedAt);
        Assert.Equal(Secretary, task.ConfirmedBy);
    }

    [Fact]
    public void RefusesConfirmingTwice()
    {
        var task = InStatus(AgreementTaskStatus.ReportedDone);
        task.Confirm(Secretary, Now);

        var refused = Assert.Throws<DomainException>(() => task.Confirm(Secretary, Now.AddDays(1)));

        Assert.Equal("This task is confirmed already.", refused.Message);
        Assert.Equal(Now, task.ConfirmedAt);
        Assert.Equal(2, task.Events.Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \t ")]
    public void RefusesReturningWithoutAReason(string reason)
    {
        var task = InStatus(AgreementTaskStatus.ReportedDone);

        var refused = Assert.Throws<DomainException>(() => task.Return(reason, Secretary, Now));

        Assert.Equal("Give a reason.", refused.Message);
        Assert.Equal(AgreementTaskStatus.ReportedDone, task.Status);
        Assert.Null(task.ReturnReason);
        Assert.Single(task.Events);
    }

    [Fact]
    public void ReopensAReturnedTaskAndKeepsTheReason()
    {
        var task = InStatus(AgreementTaskStatus.ReportedDone);

        task.Return("  缺少签到表  ", Secretary, Now);

        Assert.Equal(AgreementTaskStatus.Open, task.Status);
        Assert.Equal("缺少签到表", task.ReturnReason);
        Assert.Null(task.ConfirmedAt);
    }

    [Fact]
    public void AcceptsAReportAgainAfterAReturnAndKeepsTheReturnReason()
    {
        var task = InStatus(AgreementTaskStatus.ReportedDone);
        task.Return("缺少签到表", Secretary, Now);

        task.ReportDone("已补交签到表", AgreementStatus.Filed, Liaison, Now.AddDays(2));

        Assert.Equal(AgreementTaskStatus.ReportedDone, task.Status);
        Assert.Equal("已补交签到表", task.ReportNote);
        Assert.Equal(Now.AddDays(2), task.ReportedAt);
        Assert.Equal("缺少签到表", task.ReturnReason);
        Assert.Equal(
            [(AgreementTaskStatus.Open, AgreementTaskStatus.ReportedDone), (AgreementTaskStatus.ReportedDone, AgreementTaskStatus.Open), (AgreementTaskStatus.Open, AgreementTaskStatus.ReportedDone)],
            task.Events.Select(e => (e.From, e.To)));
    }

    [Fact]
    public void ConfirmsAfterAReturnAndASecondReport()
    {
        var task = InStatus(AgreementTaskStatus.ReportedDone);
        task.Return("缺少签到表", Secretary, Now);
        task.ReportDone("已补交签到表", AgreementStatus.Filed, Liaison, Now.AddDays(2));

        task.Confirm(Secretary, Now.AddDays(3));

        Assert.Equal(AgreementTaskStatus.Confirmed, task.Status);
        Assert.Equal(4, task.Events.Count);
        Assert.Equal([Liaison, Secretary, Liaison, Secretary], task.Events.Select(e => e.Actor));
    }

    [Theory]
    [InlineData(AgreementTaskStatus.Open, "2017-06-29", false)]
    [InlineData(AgreementTaskStatus.Open, "2017-06-30", false)]
    [InlineData(AgreementTaskStatus.Open, "2017-07-01", true)]
    [InlineData(AgreementTaskStatus.Open, "2018-12-31", true)]
    [InlineData(AgreementTaskStatus.ReportedDone, "2017-06-30", false)]
    [InlineData(AgreementTaskStatus.ReportedDone, "2017-07-01", true)]
    [InlineData(AgreementTaskStatus.Confirmed, "2017-06-30", false)]
    [InlineData(AgreementTaskStatus.Confirmed, "2017-07-01", false)]
    [InlineData(AgreementTaskStatus.Cancelled, "2017-07-01", false)]
    [InlineData(AgreementTaskStatus.Cancelled, "2018-12-31", false)]
    public void IsOverdueOnlyWhileUnconfirmedAfterItsDueDate(AgreementTaskStatus status, string today, bool overdue)
    {
        var task = InStatus(status);

        Assert.Equal(overdue, task.IsOverdue(DateOnly.ParseExact(today, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>篇4's first task of the filed agreement, brought to the status through the real transitions.</summary>
    private static AgreementTask InStatus(AgreementTaskStatus status)
    {
        var agreement = AgreementLifecycle.Case4Filed();
        var task = agreement.Tasks[0];
        Assert.Equal(Due, task.DueDate);
        if (status is AgreementTaskStatus.ReportedDone or AgreementTaskStatus.Confirmed)
        {
            task.ReportDone("宣传栏已更新", AgreementStatus.Filed, Liaison, ReportedAt);
        }
        if (status is AgreementTaskStatus.Confirmed)
        {
            task.Confirm(Secretary, ReportedAt.AddDays(1));
        }
        if (status is AgreementTaskStatus.Cancelled)
        {
            agreement.Terminate("状元府整体拆迁", AgreementLifecycle.Office, ReportedAt);
        }
        Assert.Equal(status, task.Status);
        return task;
    }

    private static void Apply(AgreementTask task, Operation operation)
    {
        switch (operation)
        {
            case Operation.ReportDone:
                task.ReportDone(" 宣传栏已更新，发放资料300份  ", AgreementStatus.Filed, Liaison, Now);
                break;
            case Operation.Confirm:
                task.Confirm(Secretary, Now);
                break;
            case Operation.Return:
                task.Return("缺少签到表 ", Secretary, Now);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(operation), operation, null);
        }
    }

    /// <summary>Everything a refused operation must leave as it was.</summary>
    private static string Snapshot(AgreementTask t) =>
        string.Join("|", t.Status, t.Events.Count, t.ReportNote, t.ReportedAt, t.ReportedBy, t.ConfirmedAt, t.ConfirmedBy, t.ReturnReason);
}
