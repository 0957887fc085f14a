using CivicPairing.Domain;
using CivicPairing.Domain.Pairings;
using CivicPairing.Domain.Registry;

namespace CivicPairing.UnitTests.Domain;

/// <summary>
/// 结对 lifecycle: Proposed → Active ⇄ Suspended → Ended, or Proposed → Rejected; "不脱困不拆对" when ending.
/// The pair is 篇4's 淮文外国语学校 ⇄ 状元府.
/// </summary>
public sealed class PairingLifecycle
{
    private const string Office = "市委文明办 王丽";
    private const string Liaison = "淮文外国语学校 联络员";
    private const int PairingId = 42;
    private static readonly DateOnly Start = new(2017, 5, 1);
    private static readonly DateOnly End = new(2018, 12, 31);
    private static readonly DateTimeOffset ProposedAt = new(2017, 4, 20, 9, 30, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset Now = new(2017, 6, 1, 10, 0, 0, TimeSpan.FromHours(8));

    public enum Operation
    {
        Approve,
        Reject,
        Suspend,
        Resume,
        End,
    }

    /// <summary>Every move the state machine allows: from, operation, to, and the reason the step records.</summary>
    public static TheoryData<PairingStatus, Operation, PairingStatus, string?> AllowedMoves => new()
    {
        { PairingStatus.Proposed, Operation.Approve, PairingStatus.Active, null },
        { PairingStatus.Proposed, Operation.Reject, PairingStatus.Rejected, "双方优势不互补" },
        { PairingStatus.Active, Operation.Suspend, PairingStatus.Suspended, "单位整合重组" },
        { PairingStatus.Active, Operation.End, PairingStatus.Ended, "共建任务全部完成" },
        { PairingStatus.Suspended, Operation.Resume, PairingStatus.Active, null },
        { PairingStatus.Suspended, Operation.End, PairingStatus.Ended, "共建任务全部完成" },
    };

    /// <summary>Every other (status, operation) pair, with the sentence that refuses it.</summary>
    public static TheoryData<PairingStatus, Operation, string> RefusedMoves => new()
    {
        { PairingStatus.Proposed, Operation.Suspend, "Only a pairing in force can be suspended." },
        { PairingStatus.Proposed, Operation.Resume, "Only a suspended pairing can be resumed." },
        { PairingStatus.Proposed, Operation.End, "Only a pairing in force or suspended can be ended." },
        { PairingStatus.Active, Operation.Approve, "Only a proposed pairing can be approved." },
        { PairingStatus.Active, Operation.Reject, "Only a proposed pairing can be rejected." },
        { PairingStatus.Active, Operation.Resume, "Only a suspended pairing can be resumed." },
        { PairingStatus.Suspended, Operation.Approve, "Only a proposed pairing can be approved." },
        { PairingStatus.Suspended, Operation.Reject, "Only a proposed pairing can be rejected." },
        { PairingStatus.Suspended, Operation.Suspend, "Only a pairing in force can be suspended." },
        { PairingStatus.Ended, Operation.Approve, "Only a proposed pairing can be approved." },
        { PairingStatus.Ended, Operation.Reject, "Only a proposed pairing can be rejected." },
        { PairingStatus.Ended, Operation.Suspend, "Only a pairing in force can be suspended." },
        { PairingStatus.Ended, Operation.Resume, "Only a suspended pairing can be resumed." },
        { PairingStatus.Ended, Operation.End, "Only a pairing in force or suspended can be ended." },
        { PairingStatus.Rejected, Operation.Approve, "Only a proposed pairing can be approved." },
        { PairingStatus.Rejected, Operation.Reject, "Only a proposed pairing can be rejected." },
        { PairingStatus.Rejected, Operation.Suspend, "Only a pairing in force can be suspended." },
        { PairingStatus.Rejected, Operation.Resume, "Only a suspended pairing can be resumed." },
        { PairingStatus.Rejected, Operation.End, "Only a pairing in force or suspended can be ended." },
    };

    [Fact]
    public void TheTransitionTablesNameEveryStatusAndOperationExactlyOnce()
    {
        var allowed = AllowedMoves.Select(row => ((PairingStatus)row[0], (Operation)row[1]));
        var refused = RefusedMoves.Select(row => ((PairingStatus)row[0], (Operation)row[1]));
        var everyPair = Enum.GetValues<PairingStatus>().SelectMany(s => Enum.GetValues<Operation>().Select(o => (s, o)));

        Assert.Equal(everyPair.Order(), allowed.Concat(refused).Order());
    }

    [Theory]
    [MemberData(nameof(AllowedMoves))]
    public void MovesOnAndRecordsTheStepGivenAnAllowedOperation(PairingStatus from, Operation operation, PairingStatus to, string? reason)
    {
        var pairing = InStatus(from);
        var eventsBefore = pairing.Events.Count;

        Apply(pairing, operation);

        Assert.Equal(to, pairing.Status);
        Assert.Equal(eventsBefore + 1, pairing.Events.Count);
        var step = pairing.Events[^1];
        Assert.Equal(from, step.From);
        Assert.Equal(to, step.To);
        Assert.Equal(Office, step.Actor);
        Assert.Equal(Now, step.At);
        Assert.Equal(reason, step.Reason);
        Assert.Equal(PairingId, step.PairingId);
    }

    [Theory]
    [MemberData(nameof(RefusedMoves))]
    public void RefusesAndKeepsStatusAndHistoryGivenAnOperationTheStatusDoesNotAllow(PairingStatus status, Operation operation, string refusal)
    {
        var pairing = InStatus(status);
        var eventsBefore = pairing.Events.Count;
        var endDateBefore = pairing.EndDate;

        var refused = Assert.Throws<DomainException>(() => Apply(pairing, operation));

        Assert.Equal(refusal, refused.Message);
        Assert.Equal(status, pairing.Status);
        Assert.Equal(eventsBefore, pairing.Events.Count);
        Assert.Equal(endDateBefore, pairing.EndDate);
    }

    [Theory]
    [InlineData(PairingProposer.Unit, PairingStatus.Proposed)]
    [InlineData(PairingProposer.Community, PairingStatus.Proposed)]
    [InlineData(PairingProposer.Office, PairingStatus.Active)]
    public void StartsActiveOnlyWhenTheOfficeProposes(PairingProposer by, PairingStatus expected)
    {
        var unit = School();
        var community = Neighbourhood();

        var pairing = Pairing.Propose(unit, community, by, Start, "  双向选择，优势互补  ", samePairOpen: false, Liaison, ProposedAt);

        Assert.Equal(expected, pairing.Status);
        Assert.Equal(by, pairing.ProposedBy);
        Assert.Same(unit, pairing.Unit);
        Assert.Same(community, pairing.Community);
        Assert.Equal(unit.Id, pairing.UnitId);
        Assert.Equal(community.Id, pairing.CommunityId);
        Assert.Equal(Start, pairing.StartDate);
        Assert.Null(pairing.EndDate);
        Assert.Equal(ProposedAt, pairing.CreatedAt);
        Assert.Equal("双向选择，优势互补", pairing.ProposalNote);
        Assert.True(pairing.IsOpen);
        var first = Assert.Single(pairing.Events);
        Assert.Null(first.From);
        Assert.Equal(expected, first.To);
        Assert.Equal(Liaison, first.Actor);
        Assert.Equal(ProposedAt, first.At);
        Assert.Equal("双向选择，优势互补", first.Reason);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void KeepsNoNoteGivenABlankProposalNote(string? note)
    {
        var pairing = Pairing.Propose(School(), Neighbourhood(), PairingProposer.Community, Start, note, samePairOpen: false, Liaison, ProposedAt);

        Assert.Null(pairing.ProposalNote);
        Assert.Null(Assert.Single(pairing.Events).Reason);
    }

    [Fact]
    public void RefusesProposingADeactivatedUnit()
    {
        var unit = School();
        unit.IsActive = false;

        var refused = Assert.Throws<DomainException>(() =>
            Pairing.Propose(unit, Neighbourhood(), PairingProposer.Office, Start, null, samePairOpen: false, Office, ProposedAt));

        Assert.Equal("{0} is deactivated and cannot be paired.", refused.Message);
        Assert.Equal(new object[] { "淮文外国语学校" }, refused.Arguments);
    }

    [Fact]
    public void RefusesProposingADeactivatedCommunity()
    {
        var community = Neighbourhood();
        community.IsActive = false;

        var refused = Assert.Throws<DomainException>(() =>
            Pairing.Propose(School(), community, PairingProposer.Unit, Start, null, samePairOpen: false, Liaison, ProposedAt));

        Assert.Equal("{0} is deactivated and cannot be paired.", refused.Message);
        Assert.Equal(new object[] { "状元府" }, refused.Arguments);
    }

    [Theory]
    [InlineData(PairingProposer.Unit)]
    [InlineData(PairingProposer.Community)]
    [InlineData(PairingProposer.Office)]
    public void RefusesProposingAPairThatIsAlreadyOpen(PairingProposer by)
    {
        var refused = Assert.Throws<DomainException>(() =>
            Pairing.Propose(School(), Neighbourhood(), by, Start, null, samePairOpen: true, Liaison, ProposedAt));

        Assert.Equal("{0} and {1} are already paired, or a proposal for them is waiting.", refused.Message);
        Assert.Equal(new object[] { "淮文外国语学校", "状元府" }, refused.Arguments);
    }

    [Theory]
    [InlineData(PairingStatus.Proposed, true)]
    [InlineData(PairingStatus.Active, true)]
    [InlineData(PairingStatus.Suspended, true)]
    [InlineData(PairingStatus.Ended, false)]
    [InlineData(PairingStatus.Rejected, false)]
    public void CountsAsOpenOnlyWhileProposedInForceOrSuspended(PairingStatus status, bool open) =>
        Assert.Equal(open, InStatus(status).IsOpen);

    [Theory]
    [InlineData(Operation.Reject, "")]
    [InlineData(Operation.Reject, "   ")]
    [InlineData(Operation.Suspend, "")]
    [InlineData(Operation.Suspend, "\t ")]
    public void RefusesRejectingOrSuspendingWithoutAReason(Operation operation, string reason)
    {
        var status = operation == Operation.Reject ? PairingStatus.Proposed : PairingStatus.Active;
        var pairing = InStatus(status);
        var eventsBefore = pairing.Events.Count;

        var refused = Assert.Throws<DomainException>(() =>
        {
            if (operation == Operation.Reject)
            {
                pairing.Reject(reason, Office, Now);
            }
            else
            {
                pairing.Suspend(reason, Office, Now);
            }
        });

        Assert.Equal("Give a reason.", refused.Message);
        Assert.Equal(status, pairing.Status);
        Assert.Equal(eventsBefore, pairing.Events.Count);
    }

    [Fact]
    public void RefusesAnEndDateBeforeThePairingStarted()
    {
        var pairing = InStatus(PairingStatus.Active);
        var eventsBefore = pairing.Events.Count;

        var refused = Assert.Throws<DomainException>(() =>
            pairing.End(Start.AddDays(-1), UnpairingBlockers.None, "提前结束", null, Office, Now));

        Assert.Equal("The end date cannot be before the pairing started ({0}).", refused.Message);
        Assert.Equal(new object[] { Start }, refused.Arguments);
        Assert.Equal(PairingStatus.Active, pairing.Status);
        Assert.Null(pairing.EndDate);
        Assert.Equal(eventsBefore, pairing.Events.Count);
    }

    [Fact]
    public void EndsOnTheDayItStarted()
    {
        var pairing = InStatus(PairingStatus.Active);

        pairing.End(Start, UnpairingBlockers.None, null, null, Office, Now);

        Assert.Equal(PairingStatus.Ended, pairing.Status);
        Assert.Equal(Start, pairing.EndDate);
    }

    [Fact]
    public void SetsTheEndDateWhenEnded()
    {
        var pairing = InStatus(PairingStatus.Suspended);

        pairing.End(End, UnpairingBlockers.None, "协议期满", null, Office, Now);

        Assert.Equal(End, pairing.EndDate);
        Assert.False(pairing.IsOpen);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void RecordsNoReasonGivenABlankOneAndNothingBlocking(string? reason)
    {
        var pairing = InStatus(PairingStatus.Active);

        pairing.End(End, UnpairingBlockers.None, reason, null, Office, Now);

        Assert.Equal(PairingStatus.Ended, pairing.Status);
        Assert.Null(pairing.Events[^1].Reason);
    }

    [Theory]
    [InlineData(PairingStatus.Active, null)]
    [InlineData(PairingStatus.Active, "")]
    [InlineData(PairingStatus.Suspended, "   ")]
    public void RefusesEndingWithUnconfirmedTasksWithoutAnOverride(PairingStatus status, string? overrideReason)
    {
        var pairing = InStatus(status);
        var eventsBefore = pairing.Events.Count;

        var refused = Assert.Throws<DomainException>(() =>
            pairing.End(End, new UnpairingBlockers(3), "协议期满", overrideReason, Office, Now));

        Assert.Equal(
            "Not ended: {0} agreement task(s) are not confirmed by the community yet. No pairing ends before its work is done; the office may override with a written reason.",
            refused.Message);
        Assert.Equal(new object[] { 3 }, refused.Arguments);
        Assert.Equal(status, pairing.Status);
        Assert.Null(pairing.EndDate);
        Assert.Equal(eventsBefore, pairing.Events.Count);
    }

    [Fact]
    public void RefusesEndingWithOpenAidCasesAndNamesThem()
    {
        var pairing = InStatus(PairingStatus.Active);
        var eventsBefore = pairing.Events.Count;

        var refused = Assert.Throws<DomainException>(() =>
            pairing.End(End, new UnpairingBlockers(2, 1), null, null, Office, Now));

        Assert.Equal(
            "Not ended: {0} agreement task(s) are unconfirmed and {1} aid case(s) are open. No pairing ends before its work is done; the office may override with a written reason.",
            refused.Message);
        Assert.Equal(new object[] { 2, 1 }, refused.Arguments);
        Assert.Equal(PairingStatus.Active, pairing.Status);
        Assert.Equal(eventsBefore, pairing.Events.Count);
    }

    [Fact]
    public void RefusesEndingWithOpenAidCasesEvenWhenEveryTaskIsConfirmed()
    {
        var pairing = InStatus(PairingStatus.Suspended);

        var refused = Assert.Throws<DomainException>(() =>
            pairing.End(End, new UnpairingBlockers(0, 2), "协议期满", " ", Office, Now));

        Assert.Contains("aid case(s) are open", refused.Message, StringComparison.Ordinal);
        Assert.Equal(new object[] { 0, 2 }, refused.Arguments);
        Assert.Equal(PairingStatus.Suspended, pairing.Status);
        Assert.Null(pairing.EndDate);
    }

    [Fact]
    public void EndsWithAnOverrideReasonDespiteUnconfirmedTasks()
    {
        var pairing = InStatus(PairingStatus.Active);
        var eventsBefore = pairing.Events.Count;

        pairing.End(End, new UnpairingBlockers(3), null, "  状元府整体拆迁，居民已安置  ", Office, Now);

        Assert.Equal(PairingStatus.Ended, pairing.Status);
        Assert.Equal(End, pairing.EndDate);
        Assert.Equal(eventsBefore + 1, pairing.Events.Count);
        var step = pairing.Events[^1];
        Assert.Equal(PairingStatus.Active, step.From);
        Assert.Equal(PairingStatus.Ended, step.To);
        Assert.Equal(Office, step.Actor);
        Assert.Equal(Now, step.At);
        Assert.Equal("状元府整体拆迁，居民已安置", step.Reason);
    }

    [Fact]
    public void EndsASuspendedPairingWithAnOverrideReasonDespiteOpenAidCases()
    {
        var pairing = InStatus(PairingStatus.Suspended);

        pairing.End(End, new UnpairingBlockers(0, 1), "协议期满", "帮扶对象已转交民政部门", Office, Now);

        Assert.Equal(PairingStatus.Ended, pairing.Status);
        Assert.Equal(PairingStatus.Suspended, pairing.Events[^1].From);
        Assert.Equal("帮扶对象已转交民政部门", pairing.Events[^1].Reason);
    }

    /// <summary>A pairing brought to the status through the real transitions, then given an id as if saved.</summary>
    private static Pairing InStatus(PairingStatus status)
    {
        var byOffice = status is PairingStatus.Active or PairingStatus.Suspended or PairingStatus.Ended;
        var pairing = Pairing.Propose(School(), Neighbourhood(), byOffice ? PairingProposer.Office : PairingProposer.Unit, Start, null, samePairOpen: false, Liaison, ProposedAt);
        switch (status)
        {
            case PairingStatus.Suspended:
                pairing.Suspend("单位整合重组", Office, ProposedAt);
                break;
            case PairingStatus.Ended:
                pairing.End(new DateOnly(2017, 5, 31), UnpairingBlockers.None, "试点结束", null, Office, ProposedAt);
                break;
            case PairingStatus.Rejected:
                pairing.Reject("双方距离太远", Office, ProposedAt);
                break;
        }
        Assert.Equal(status, pairing.Status);
        pairing.Id = PairingId;
        return pairing;
    }

    private static void Apply(Pairing pairing, Operation operation)
    {
        switch (operation)
        {
            case Operation.Approve:
                pairing.Approve(Office, Now);
                break;
            case Operation.Reject:
                pairing.Reject("  双方优势不互补 ", Office, Now);
                break;
            case Operation.Suspend:
                pairing.Suspend(" 单位整合重组  ", Office, Now);
                break;
            case Operation.Resume:
                pairing.Resume(Office, Now);
                break;
            case Operation.End:
                pairing.End(End, UnpairingBlockers.None, "  共建任务全部完成 ", null, Office, Now);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(operation), operation, null);
        }
    }

    private static Unit School() => new() { Id = 7, Name = "淮文外国语学校", Kind = UnitKind.School, Strengths = Strengths.Education | Strengths.Culture | Strengths.Youth };

    private static Community Neighbourhood() => new() { Id = 3, Name = "状元府", Kind = CommunityKind.UrbanCommunity, Street = "淮城街道" };
}
