using System.Globalization;
using CivicPairing.Domain;
using CivicPairing.Domain.Agreements;

namespace CivicPairing.UnitTests.Domain;

/// <summary>
/// 协议书 lifecycle (篇4): Draft → SignedByUnit → SignedByBoth → Filed, then Terminated or Superseded by a filed
/// amendment; Expired is derived from the period. The agreement is 淮文外国语学校 ⇄ 状元府, 2017-05 to 2018-12,
/// five tasks, signed 李文忠 / 夏金阳.
/// </summary>
public sealed class AgreementLifecycle
{
    internal const string Office = "市委文明办";
    internal const string Liaison = "淮文外国语学校 联络员";
    internal const string Secretary = "状元府 书记";
    internal const string UnitLeader = "李文忠";
    internal const string CommunityLeader = "夏金阳";
    internal static readonly DateOnly PeriodStart = new(2017, 5, 1);
    internal static readonly DateOnly PeriodEnd = new(2018, 12, 31);
    internal static readonly DateOnly UnitSignedOn = new(2017, 5, 8);
    internal static readonly DateOnly CommunitySignedOn = new(2017, 5, 10);
    internal static readonly DateOnly FiledOn = new(2017, 5, 15);
    internal static readonly DateTimeOffset Now = new(2017, 5, 15, 10, 0, 0, TimeSpan.FromHours(8));

    /// <summary>A day inside the period on which an amendment is drafted.</summary>
    private static readonly DateOnly AmendedOn = new(2018, 1, 15);
    private static readonly DateTimeOffset AmendedAt = new(2018, 1, 15, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset AmendmentFiledAt = new(2018, 1, 25, 15, 0, 0, TimeSpan.FromHours(8));

    internal static readonly (string Title, DateOnly Due)[] Case4Tasks =
    [
        ("开展文明创建宣传教育", new DateOnly(2017, 6, 30)),
        ("调查了解社区创建难题并帮助协调解决", new DateOnly(2017, 9, 30)),
        ("清理乱堆乱放、卫生死角和建筑垃圾", new DateOnly(2018, 3, 31)),
        ("修复窨井盖、路沿石、路灯，疏通下水道", new DateOnly(2018, 6, 30)),
        ("引导居民垃圾袋装入桶", new DateOnly(2018, 12, 31)),
    ];

    public enum Operation
    {
        SignByUnit,
        SignByCommunity,
        File,
        Terminate,
        Amend,
    }

    /// <summary>Every move allowed: from, operation, the agreement's own status afterwards.</summary>
    public static TheoryData<AgreementStatus, Operation, AgreementStatus> AllowedMoves => new()
    {
        { AgreementStatus.Draft, Operation.SignByUnit, AgreementStatus.SignedByUnit },
        { AgreementStatus.SignedByUnit, Operation.SignByCommunity, AgreementStatus.SignedByBoth },
        { AgreementStatus.SignedByBoth, Operation.File, AgreementStatus.Filed },
        { AgreementStatus.Draft, Operation.Terminate, AgreementStatus.Terminated },
        { AgreementStatus.SignedByUnit, Operation.Terminate, AgreementStatus.Terminated },
        { AgreementStatus.SignedByBoth, Operation.Terminate, AgreementStatus.Terminated },
        { AgreementStatus.Filed, Operation.Terminate, AgreementStatus.Terminated },
        // An amendment is a new draft; the version in force stays filed until the amendment is filed.
        { AgreementStatus.Filed, Operation.Amend, AgreementStatus.Filed },
    };

    /// <summary>Every other (status, operation) pair, with the sentence that refuses it.</summary>
    public static TheoryData<AgreementStatus, Operation, string> RefusedMoves => new()
    {
        { AgreementStatus.SignedByUnit, Operation.SignByUnit, "The unit has signed already." },
        { AgreementStatus.SignedByBoth, Operation.SignByUnit, "The unit has signed already." },
        { AgreementStatus.Filed, Operation.SignByUnit, "The unit has signed already." },
        { AgreementStatus.Terminated, Operation.SignByUnit, "This agreement is no longer in force." },
        { AgreementStatus.Superseded, Operation.SignByUnit, "This agreement is no longer in force." },
        { AgreementStatus.Draft, Operation.SignByCommunity, "The unit (party A) signs first." },
        { AgreementStatus.SignedByBoth, Operation.SignByCommunity, "The community has signed already." },
        { AgreementStatus.Filed, Operation.SignByCommunity, "The community has signed already." },
        { AgreementStatus.Terminated, Operation.SignByCommunity, "This agreement is no longer in force." },
        { AgreementStatus.Superseded, Operation.SignByCommunity, "This agreement is no longer in force." },
        { AgreementStatus.Draft, Operation.File, "Only an agreement signed by both sides can be filed." },
        { AgreementStatus.SignedByUnit, Operation.File, "Only an agreement signed by both sides can be filed." },
        { AgreementStatus.Filed, Operation.File, "Only an agreement signed by both sides can be filed." },
        { AgreementStatus.Terminated, Operation.File, "Only an agreement signed by both sides can be filed." },
        { AgreementStatus.Superseded, Operation.File, "Only an agreement signed by both sides can be filed." },
        { AgreementStatus.Terminated, Operation.Terminate, "This agreement is no longer in force." },
        { AgreementStatus.Superseded, Operation.Terminate, "This agreement is no longer in force." },
        { AgreementStatus.Draft, Operation.Amend, "Only an agreement in force can be amended." },
        { AgreementStatus.SignedByUnit, Operation.Amend, "Only an agreement in force can be amended." },
        { AgreementStatus.SignedByBoth, Operation.Amend, "Only an agreement in force can be amended." },
        { AgreementStatus.Terminated, Operation.Amend, "Only an agreement in force can be amended." },
        { AgreementStatus.Superseded, Operation.Amend, "Only an agreement in force can be amended." },
    };

    [Fact]
    public void TheTransitionTablesNameEveryStoredStatusAndOperationExactlyOnce()
    {
        var stored = Enum.GetValues<AgreementStatus>().Where(s => s != AgreementStatus.Expired);
        var everyPair = stored.SelectMany(s => Enum.GetValues<Operation>().Select(o => (s, o)));
        var allowed = AllowedMoves.Select(row => ((AgreementStatus)row[0], (Operation)row[1]));
        var refused = RefusedMoves.Select(row => ((AgreementStatus)row[0], (Operation)row[1]));

        Assert.Equal(everyPair.Order(), allowed.Concat(refused).Order());
    }

    [Theory]
    [MemberData(nameof(AllowedMoves))]
    public void MovesOnGivenAnAllowedOperation(AgreementStatus from, Operation operation, AgreementStatus to)
    {
        var agreement = InStatus(from);

        var amendment = Apply(agreement, operation);

        Assert.Equal(to, agreement.Status);
        if (operation == Operation.Amend)
        {
            Assert.NotNull(amendment);
            Assert.Equal(AgreementStatus.Draft, amendment.Status);
        }
        else
        {
            Assert.Null(amendment);
        }
    }

    [Theory]
    [MemberData(nameof(RefusedMoves))]
    public void RefusesAndChangesNothingGivenAnOperationTheStatusDoesNotAllow(AgreementStatus status, Operation operation, string refusal)
    {
        var agreement = InStatus(status);
        var before = Snapshot(agreement);

        var refused = Assert.Throws<DomainException>(() => Apply(agreement, operation));

        Assert.Equal(refusal, refused.Message);
        Assert.Equal(status, agreement.Status);
        Assert.Equal(before, Snapshot(agreement));
    }

    [Fact]
    public void RecordsTheUnitsSignatoryAndDate()
    {
        var agreement = Case4Draft();

        agreement.SignByUnit("  李文忠 ", UnitSignedOn);

        Assert.Equal(AgreementStatus.SignedByUnit, agreement.Status);
        Assert.Equal(UnitLeader, agreement.UnitSignatory);
        Assert.Equal(UnitSignedOn, agreement.UnitSignedOn);
        Assert.Null(agreement.CommunitySignatory);
        Assert.False(agreement.IsEditable);
    }

    [Fact]
    public void RefusesTheUnitsSignatureGivenNoTask()
    {
        var agreement = Case4Draft();
        agreement.Tasks.Clear();

        var refused = Assert.Throws<DomainException>(() => agreement.SignByUnit(UnitLeader, UnitSignedOn));

        Assert.Equal("An agreement needs at least one task before it is signed.", refused.Message);
        Assert.Equal(AgreementStatus.Draft, agreement.Status);
        Assert.Null(agreement.UnitSignatory);
        Assert.True(agreement.IsEditable);
    }

    [Theory]
    [InlineData(1, "2017-04-30")]
    [InlineData(4, "2019-01-01")]
    [InlineData(5, "2019-06-30")]
    public void RefusesTheUnitsSignatureGivenATaskDueOutsideThePeriod(int number, string due)
    {
        var agreement = Case4Draft();
        agreement.Tasks[number - 1].DueDate = Day(due);

        var refused = Assert.Throws<DomainException>(() => agreement.SignByUnit(UnitLeader, UnitSignedOn));

        Assert.Equal("Task {0} ({1}) is due outside the agreement's period.", refused.Message);
        Assert.Equal(new object[] { number, Case4Tasks[number - 1].Title }, refused.Arguments);
        Assert.Equal(AgreementStatus.Draft, agreement.Status);
        Assert.Null(agreement.UnitSignedOn);
    }

    [Fact]
    public void RefusesTheUnitsSignatureGivenAPeriodEndingBeforeItStarts()
    {
        var agreement = Case4Draft();
        agreement.EndDate = PeriodStart.AddDays(-1);

        var refused = Assert.Throws<DomainException>(() => agreement.SignByUnit(UnitLeader, UnitSignedOn));

        Assert.Equal("The period ends before it starts.", refused.Message);
        Assert.Equal(AgreementStatus.Draft, agreement.Status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void RefusesTheUnitsSignatureGivenNoSignatoryName(string signatory)
    {
        var agreement = Case4Draft();

        var refused = Assert.Throws<DomainException>(() => agreement.SignByUnit(signatory, UnitSignedOn));

        Assert.Equal("Enter the name of the person who signs.", refused.Message);
        Assert.Equal(AgreementStatus.Draft, agreement.Status);
        Assert.Null(agreement.UnitSignatory);
        Assert.Null(agreement.UnitSignedOn);
    }

    [Fact]
    public void RecordsTheCommunitysSignatoryAndDate()
    {
        var agreement = InStatus(AgreementStatus.SignedByUnit);

        agreement.SignByCommunity(" 夏金阳  ", CommunitySignedOn);

        Assert.Equal(AgreementStatus.SignedByBoth, agreement.Status);
        Assert.Equal(CommunityLeader, agreement.CommunitySignatory);
        Assert.Equal(CommunitySignedOn, agreement.CommunitySignedOn);
        Assert.Equal(UnitLeader, agreement.UnitSignatory);
    }

    [Fact]
    public void RefusesTheCommunitysSignatureBeforeTheUnits()
    {
        var agreement = Case4Draft();

        var refused = Assert.Throws<DomainException>(() => agreement.SignByCommunity(CommunityLeader, CommunitySignedOn));

        Assert.Equal("The unit (party A) signs first.", refused.Message);
        Assert.Equal(AgreementStatus.Draft, agreement.Status);
        Assert.Null(agreement.CommunitySignatory);
    }

    [Fact]
    public void RefusesTheCommunitysSignatureDatedBeforeTheUnitSigned()
    {
        var agreement = InStatus(AgreementStatus.SignedByUnit);

        var refused = Assert.Throws<DomainException>(() => agreement.SignByCommunity(CommunityLeader, UnitSignedOn.AddDays(-1)));

        Assert.Equal("The community cannot sign before the unit did ({0}).", refused.Message);
        Assert.Equal(new object[] { UnitSignedOn }, refused.Arguments);
        Assert.Equal(AgreementStatus.SignedByUnit, agreement.Status);
        Assert.Null(agreement.CommunitySignatory);
        Assert.Null(agreement.CommunitySignedOn);
    }

    [Fact]
    public void AcceptsTheCommunitysSignatureOnTheDayTheUnitSigned()
    {
        var agreement = InStatus(AgreementStatus.SignedByUnit);

        agreement.SignByCommunity(CommunityLeader, UnitSignedOn);

        Assert.Equal(AgreementStatus.SignedByBoth, agreement.Status);
        Assert.Equal(UnitSignedOn, agreement.CommunitySignedOn);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void RefusesTheCommunitysSignatureGivenNoSignatoryName(string signatory)
    {
        var agreement = InStatus(AgreementStatus.SignedByUnit);

        var refused = Assert.Throws<DomainException>(() => agreement.SignByCommunity(signatory, CommunitySignedOn));

        Assert.Equal("Enter the name of the person who signs.", refused.Message);
        Assert.Equal(AgreementStatus.SignedByUnit, agreement.Status);
        Assert.Null(agreement.CommunitySignedOn);
    }

    /// <summary>A terminated agreement was perhaps never signed: refusing a signature must not say it was.</summary>
    [Theory]
    [InlineData(AgreementStatus.Draft, Operation.SignByUnit)]
    [InlineData(AgreementStatus.Draft, Operation.SignByCommunity)]
    [InlineData(AgreementStatus.SignedByUnit, Operation.SignByCommunity)]
    public void RefusesSigningATerminatedAgreementWithoutClaimingItWasSigned(AgreementStatus terminatedFrom, Operation signing)
    {
        var agreement = InStatus(terminatedFrom);
        agreement.Terminate("双方协商一致解除", Office, Now);

        var refused = Assert.Throws<DomainException>(() => Apply(agreement, signing));

        Assert.Equal(AgreementStatus.Terminated, agreement.Status);
        Assert.DoesNotContain("signed already", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RefusesFilingGivenOnlyUnitSigned()
    {
        var agreement = InStatus(AgreementStatus.SignedByUnit);

        var refused = Assert.Throws<DomainException>(() => agreement.File(Office, FiledOn, null, Now));

        Assert.Equal("Only an agreement signed by both sides can be filed.", refused.Message);
        Assert.Equal(AgreementStatus.SignedByUnit, agreement.Status);
        Assert.Null(agreement.FiledOn);
        Assert.Null(agreement.FiledBy);
    }

    [Fact]
    public void RecordsWhoFiledItAndWhen()
    {
        var agreement = InStatus(AgreementStatus.SignedByBoth);

        agreement.File(Office, FiledOn, null, Now);

        Assert.Equal(AgreementStatus.Filed, agreement.Status);
        Assert.Equal(FiledOn, agreement.FiledOn);
        Assert.Equal(Office, agreement.FiledBy);
        Assert.All(agreement.Tasks, t => Assert.Equal(AgreementTaskStatus.Open, t.Status));
    }

    [Fact]
    public void SupersedesTheAmendedVersionWhenTheAmendmentIsFiled()
    {
        var first = Case4Filed();
        Confirm(first.Tasks[0]);
        Report(first.Tasks[1]);
        var amendment = AmendAndSign(first);

        amendment.File(Office, new DateOnly(2018, 1, 25), first, AmendmentFiledAt);

        Assert.Equal(AgreementStatus.Filed, amendment.Status);
        Assert.Equal(new DateOnly(2018, 1, 25), amendment.FiledOn);
        Assert.Equal(AgreementStatus.Superseded, first.Status);
        Assert.Equal(AgreementStatus.Superseded, first.EffectiveStatus(AmendedOn));
        Assert.All(amendment.Tasks, t => Assert.Equal(AgreementTaskStatus.Open, t.Status));
    }

    [Fact]
    public void CancelsTheSupersededVersionsUnconfirmedTasksButKeepsConfirmedOnesConfirmed()
    {
        var first = Case4Filed();
        Confirm(first.Tasks[0]);
        Report(first.Tasks[1]);
        var confirmedHistory = first.Tasks[0].Events.Count;
        var amendment = AmendAndSign(first);

        amendment.File(Office, new DateOnly(2018, 1, 25), first, AmendmentFiledAt);

        Assert.Equal(AgreementTaskStatus.Confirmed, first.Tasks[0].Status);
        Assert.Equal(confirmedHistory, first.Tasks[0].Events.Count);
        Assert.Equal(
            [AgreementTaskStatus.Confirmed, AgreementTaskStatus.Cancelled, AgreementTaskStatus.Cancelled, AgreementTaskStatus.Cancelled, AgreementTaskStatus.Cancelled],
            first.Tasks.Select(t => t.Status));
        var reported = first.Tasks[1].Events[^1];
        Assert.Equal(AgreementTaskStatus.ReportedDone, reported.From);
        Assert.Equal(AgreementTaskStatus.Cancelled, reported.To);
        Assert.All(first.Tasks.Skip(2), t =>
        {
            var cancelled = Assert.Single(t.Events);
            Assert.Equal(AgreementTaskStatus.Open, cancelled.From);
            Assert.Equal(AgreementTaskStatus.Cancelled, cancelled.To);
            Assert.Equal("Superseded by version 2", cancelled.Note);
            Assert.Equal(Office, cancelled.Actor);
            Assert.Equal(AmendmentFiledAt, cancelled.At);
            Assert.Equal(t.Id, cancelled.TaskId);
        });
    }

    /// <summary>Superseded means "a filed agreement replaced by its filed amendment": a terminated one is not in force to be replaced.</summary>
    [Fact]
    public void RefusesFilingAnAmendmentOfAVersionTerminatedMeanwhile()
    {
        var first = Case4Filed();
        var amendment = AmendAndSign(first);
        first.Terminate("状元府整体拆迁", Office, AmendedAt);
        var terminated = Snapshot(first);

        var refused = Record.Exception(() => amendment.File(Office, new DateOnly(2018, 1, 25), first, AmendmentFiledAt));

        Assert.Equal(AgreementStatus.Terminated, first.Status);
        Assert.Equal(terminated, Snapshot(first));
        Assert.Equal(AgreementStatus.SignedByBoth, amendment.Status);
        Assert.IsType<DomainException>(refused);
    }

    /// <summary>Two amendments drafted from one version: once one is filed, the other must not put a second version in force.</summary>
    [Fact]
    public void RefusesFilingASecondAmendmentOfAnAlreadySupersededVersion()
    {
        var first = Case4Filed();
        var amendment = AmendAndSign(first);
        var rival = AmendAndSign(first);
        amendment.File(Office, new DateOnly(2018, 1, 25), first, AmendmentFiledAt);
        var superseded = Snapshot(first);

        var refused = Record.Exception(() => rival.File(Office, new DateOnly(2018, 1, 26), first, AmendmentFiledAt.AddDays(1)));

        Assert.Equal(AgreementStatus.SignedByBoth, rival.Status);
        Assert.Equal(superseded, Snapshot(first));
        Assert.IsType<DomainException>(refused);
    }

    [Fact]
    public void RefusesFilingAnAmendmentAgainstAVersionItDoesNotAmend()
    {
        var first = Case4Filed();
        var unrelated = Case4Filed();
        unrelated.Id = 9;
        unrelated.Number = "XY-2017-009";
        var amendment = AmendAndSign(first);

        var refused = Record.Exception(() => amendment.File(Office, new DateOnly(2018, 1, 25), unrelated, AmendmentFiledAt));

        Assert.Equal(AgreementStatus.Filed, unrelated.Status);
        Assert.All(unrelated.Tasks, t => Assert.Equal(AgreementTaskStatus.Open, t.Status));
        Assert.Equal(AgreementStatus.SignedByBoth, amendment.Status);
        Assert.IsType<DomainException>(refused);
    }

    [Fact]
    public void CancelsUnconfirmedTasksWhenTerminatedButKeepsConfirmedOnes()
    {
        var agreement = Case4Filed();
        Confirm(agreement.Tasks[0]);
        Report(agreement.Tasks[2]);
        var confirmedHistory = agreement.Tasks[0].Events.Count;

        agreement.Terminate("  状元府整体拆迁  ", Office, AmendedAt);

        Assert.Equal(AgreementStatus.Terminated, agreement.Status);
        Assert.Equal("状元府整体拆迁", agreement.TerminationReason);
        Assert.Equal(
            [AgreementTaskStatus.Confirmed, AgreementTaskStatus.Cancelled, AgreementTaskStatus.Cancelled, AgreementTaskStatus.Cancelled, AgreementTaskStatus.Cancelled],
            agreement.Tasks.Select(t => t.Status));
        Assert.Equal(confirmedHistory, agreement.Tasks[0].Events.Count);
        Assert.Equal(AgreementTaskStatus.ReportedDone, agreement.Tasks[2].Events[^1].From);
        Assert.All(agreement.Tasks.Skip(1), t =>
        {
            var cancelled = t.Events[^1];
            Assert.Equal(AgreementTaskStatus.Cancelled, cancelled.To);
            Assert.Equal("状元府整体拆迁", cancelled.Note);
            Assert.Equal(Office, cancelled.Actor);
            Assert.Equal(AmendedAt, cancelled.At);
        });
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void RefusesTerminatingWithoutAReason(string reason)
    {
        var agreement = Case4Filed();
        var before = Snapshot(agreement);

        var refused = Assert.Throws<DomainException>(() => agreement.Terminate(reason, Office, AmendedAt));

        Assert.Equal("Give a reason.", refused.Message);
        Assert.Equal(AgreementStatus.Filed, agreement.Status);
        Assert.Null(agreement.TerminationReason);
        Assert.Equal(before, Snapshot(agreement));
    }

    [Fact]
    public void CopiesTheTermsIntoTheAmendmentAndLinksItToThePreviousVersion()
    {
        var first = Case4Filed();

        var amendment = first.Amend(AmendedOn, AmendedAt);

        Assert.Equal(AgreementStatus.Draft, amendment.Status);
        Assert.True(amendment.IsEditable);
        Assert.Equal(2, amendment.VersionNumber);
        Assert.Equal(first.Id, amendment.PreviousVersionId);
        Assert.Same(first, amendment.PreviousVersion);
        Assert.Equal(AmendedAt, amendment.CreatedAt);
        Assert.Equal(first.PairingId, amendment.PairingId);
        Assert.Equal(first.Number, amendment.Number);
        Assert.Equal(first.Title, amendment.Title);
        Assert.Equal(first.FocusAreas, amendment.FocusAreas);
        Assert.Equal(first.Principles, amendment.Principles);
        Assert.Equal(PeriodStart, amendment.StartDate);
        Assert.Equal(PeriodEnd, amendment.EndDate);
        Assert.Equal(1, amendment.VisitsPerMonth);
        Assert.Equal(1, amendment.CoordinationMeetingsPerQuarter);
        Assert.Equal(1, amendment.JointMeetingsPerHalfYear);
        Assert.Equal(first.Clauses, amendment.Clauses);
        Assert.Null(amendment.UnitSignatory);
        Assert.Null(amendment.UnitSignedOn);
        Assert.Null(amendment.CommunitySignatory);
        Assert.Null(amendment.FiledOn);
        Assert.Equal(0, amendment.Id);
    }

    [Fact]
    public void NumbersTheAmendmentAfterTheVersionItAmends()
    {
        var second = AmendAndSign(Case4Filed());
        second.Id = 5;
        second.File(Office, new DateOnly(2018, 1, 25), second.PreviousVersion, AmendmentFiledAt);

        var third = second.Amend(new DateOnly(2018, 6, 1), AmendmentFiledAt.AddMonths(4));

        Assert.Equal(3, third.VersionNumber);
        Assert.Equal(5, third.PreviousVersionId);
    }

    [Fact]
    public void CarriesOpenAndReportedTasksIntoTheAmendmentRenumberedFromOne()
    {
        var first = Case4Filed();
        Confirm(first.Tasks[0]);
        Report(first.Tasks[1]);
        Report(first.Tasks[3]);
        first.Tasks[3].Return("照片不清楚", Secretary, Now.AddDays(2));
        first.Tasks.Reverse();

        var amendment = first.Amend(AmendedOn, AmendedAt);

        Assert.Equal([1, 2, 3, 4], amendment.Tasks.Select(t => t.Number));
        Assert.Equal(Case4Tasks.Skip(1).Select(t => t.Title), amendment.Tasks.Select(t => t.Title));
        Assert.Equal(Case4Tasks.Skip(1).Select(t => t.Due), amendment.Tasks.Select(t => t.DueDate));
        Assert.Equal(["任务2说明", "任务3说明", "任务4说明", "任务5说明"], amendment.Tasks.Select(t => t.Description));
        Assert.All(amendment.Tasks, t =>
        {
            Assert.Equal(AgreementTaskStatus.Open, t.Status);
            Assert.Empty(t.Events);
            Assert.Null(t.ReportNote);
            Assert.Null(t.ReturnReason);
            Assert.Equal(0, t.Id);
        });
    }

    [Fact]
    public void LeavesTheVersionInForceUntouchedWhenAmending()
    {
        var first = Case4Filed();
        Confirm(first.Tasks[0]);
        var before = Snapshot(first);

        _ = first.Amend(AmendedOn, AmendedAt);

        Assert.Equal(AgreementStatus.Filed, first.Status);
        Assert.Equal(before, Snapshot(first));
    }

    [Fact]
    public void AmendsOnTheLastDayOfThePeriod()
    {
        var amendment = Case4Filed().Amend(PeriodEnd, AmendedAt);

        Assert.Equal(AgreementStatus.Draft, amendment.Status);
    }

    [Theory]
    [InlineData("2019-01-01")]
    [InlineData("2020-05-01")]
    public void RefusesAmendingAnExpiredAgreement(string today)
    {
        var agreement = Case4Filed();

        var refused = Assert.Throws<DomainException>(() => agreement.Amend(Day(today), AmendedAt));

        Assert.Equal("Only an agreement in force can be amended.", refused.Message);
        Assert.Equal(AgreementStatus.Filed, agreement.Status);
    }

    [Theory]
    [InlineData("2017-05-01", AgreementStatus.Filed)]
    [InlineData("2018-06-30", AgreementStatus.Filed)]
    [InlineData("2018-12-31", AgreementStatus.Filed)]
    [InlineData("2019-01-01", AgreementStatus.Expired)]
    [InlineData("2021-03-15", AgreementStatus.Expired)]
    public void ExpiresAFiledAgreementTheDayAfterItsPeriodEnds(string today, AgreementStatus expected)
    {
        var agreement = Case4Filed();

        Assert.Equal(expected, agreement.EffectiveStatus(Day(today)));
        Assert.Equal(AgreementStatus.Filed, agreement.Status);
    }

    [Theory]
    [InlineData(AgreementStatus.Draft)]
    [InlineData(AgreementStatus.SignedByUnit)]
    [InlineData(AgreementStatus.SignedByBoth)]
    [InlineData(AgreementStatus.Terminated)]
    [InlineData(AgreementStatus.Superseded)]
    public void NeverExpiresAnAgreementThatIsNotFiled(AgreementStatus status)
    {
        var agreement = InStatus(status);

        Assert.Equal(status, agreement.EffectiveStatus(new DateOnly(2019, 1, 1)));
    }

    [Fact]
    public void AcceptsTermsWithDueDatesOnTheFirstAndLastDayOfThePeriod()
    {
        var tasks = new[] { ("开展文明创建宣传教育", PeriodStart), ("引导居民垃圾袋装入桶", PeriodEnd) };

        Assert.Null(Record.Exception(() => Agreement.CheckTerms(PeriodStart, PeriodEnd, tasks)));
    }

    [Fact]
    public void AcceptsAOneDayPeriod()
    {
        Assert.Null(Record.Exception(() => Agreement.CheckTerms(PeriodStart, PeriodStart, [("开展文明创建宣传教育", PeriodStart)])));
    }

    [Fact]
    public void RefusesTermsWhoseEndIsBeforeTheStart()
    {
        var refused = Assert.Throws<DomainException>(() => Agreement.CheckTerms(PeriodEnd, PeriodStart, []));

        Assert.Equal("The period ends before it starts.", refused.Message);
        Assert.Empty(refused.Arguments);
    }

    [Theory]
    [InlineData(1, "2017-04-30")]
    [InlineData(3, "2019-01-01")]
    [InlineData(5, "2016-12-31")]
    public void RefusesTermsWithATaskDueOutsideThePeriodNamingItsNumberAndTitle(int number, string due)
    {
        var tasks = Case4Tasks.Select((t, i) => i == number - 1 ? (t.Title, Day(due)) : t).ToList();

        var refused = Assert.Throws<DomainException>(() => Agreement.CheckTerms(PeriodStart, PeriodEnd, tasks));

        Assert.Equal("Task {0} ({1}) is due outside the agreement's period.", refused.Message);
        Assert.Equal(new object[] { number, Case4Tasks[number - 1].Title }, refused.Arguments);
    }

    /// <summary>篇4 as drafted: six focus areas, a visit a month, five tasks.</summary>
    internal static Agreement Case4Draft() => new()
    {
        Id = 4,
        PairingId = 12,
        Number = "XY-2017-004",
        Title = "淮文外国语学校与状元府结对共建协议书",
        FocusAreas = FocusAreas.Economy | FocusAreas.Environment | FocusAreas.Morality | FocusAreas.Culture | FocusAreas.Campaign | FocusAreas.RoleModels,
        StartDate = PeriodStart,
        EndDate = PeriodEnd,
        VisitsPerMonth = 1,
        CoordinationMeetingsPerQuarter = 1,
        JointMeetingsPerHalfYear = 1,
        Clauses = "本协议一式三份，双方各执一份，一份送市委文明办备案，自双方领导签字后生效。",
        CreatedAt = new DateTimeOffset(2017, 4, 28, 16, 0, 0, TimeSpan.FromHours(8)),
        Tasks = Case4Tasks.Select((t, i) => new AgreementTask
        {
            Id = 41 + i,
            AgreementId = 4,
            Number = i + 1,
            Title = t.Title,
            Description = $"任务{i + 1}说明",
            DueDate = t.Due,
        }).ToList(),
    };

    /// <summary>篇4 signed 李文忠 / 夏金阳 and filed with the office.</summary>
    internal static Agreement Case4Filed()
    {
        var agreement = Case4Draft();
        agreement.SignByUnit(UnitLeader, UnitSignedOn);
        agreement.SignByCommunity(CommunityLeader, CommunitySignedOn);
        agreement.File(Office, FiledOn, null, Now);
        return agreement;
    }

    /// <summary>An agreement brought to the status through the real transitions.</summary>
    private static Agreement InStatus(AgreementStatus status)
    {
        var agreement = Case4Draft();
        if (status is AgreementStatus.Draft)
        {
            return agreement;
        }
        agreement.SignByUnit(UnitLeader, UnitSignedOn);
        if (status is not AgreementStatus.SignedByUnit)
        {
            agreement.SignByCommunity(CommunityLeader, CommunitySignedOn);
        }
        if (status is AgreementStatus.Filed or AgreementStatus.Terminated or AgreementStatus.Superseded)
        {
            agreement.File(Office, FiledOn, null, Now);
        }
        if (status is AgreementStatus.Terminated)
        {
            agreement.Terminate("状元府整体拆迁", Office, AmendedAt);
        }
        if (status is AgreementStatus.Superseded)
        {
            AmendAndSign(agreement).File(Office, new DateOnly(2018, 1, 25), agreement, AmendmentFiledAt);
        }
        Assert.Equal(status, agreement.Status);
        return agreement;
    }

    private static Agreement? Apply(Agreement agreement, Operation operation)
    {
        switch (operation)
        {
            case Operation.SignByUnit:
                agreement.SignByUnit(UnitLeader, UnitSignedOn);
                return null;
            case Operation.SignByCommunity:
                agreement.SignByCommunity(CommunityLeader, CommunitySignedOn);
                return null;
            case Operation.File:
                agreement.File(Office, FiledOn, null, Now);
                return null;
            case Operation.Terminate:
                agreement.Terminate("双方协商一致解除", Office, AmendedAt);
                return null;
            case Operation.Amend:
                return agreement.Amend(AmendedOn, AmendedAt);
            default:
                throw new ArgumentOutOfRangeException(nameof(operation), operation, null);
        }
    }

    private static Agreement AmendAndSign(Agreement inForce)
    {
        var amendment = inForce.Amend(AmendedOn, AmendedAt);
        amendment.SignByUnit(UnitLeader, new DateOnly(2018, 1, 20));
        amendment.SignByCommunity(CommunityLeader, new DateOnly(2018, 1, 22));
        return amendment;
    }

    private static void Report(AgreementTask task) => task.ReportDone("已完成，见照片和签到表", AgreementStatus.Filed, Liaison, Now.AddDays(1));

    private static void Confirm(AgreementTask task)
    {
        Report(task);
        task.Confirm(Secretary, Now.AddDays(3));
    }

    /// <summary>Everything a refused operation must leave as it was.</summary>
    private static string Snapshot(Agreement a) =>
        string.Join(
            "|",
            a.Status, a.UnitSignatory, a.UnitSignedOn, a.CommunitySignatory, a.CommunitySignedOn, a.FiledOn, a.FiledBy, a.TerminationReason,
            string.Join(",", a.Tasks.Select(t => $"{t.Number}:{t.Status}:{t.Events.Count}")));

    [Theory]
    [InlineData(AgreementStatus.Draft, true, true)]
    [InlineData(AgreementStatus.SignedByUnit, true, true)]
    [InlineData(AgreementStatus.SignedByBoth, true, true)]
    [InlineData(AgreementStatus.Filed, false, false)]
    [InlineData(AgreementStatus.Terminated, false, true)]
    [InlineData(AgreementStatus.Superseded, false, true)]
    public void TasksAreTrackedFromFilingOnAndLiveWhileInForce(AgreementStatus status, bool neverFiled, bool notInForce)
    {
        Assert.Equal(neverFiled, Agreement.NeverFiled.Compile()(new Agreement { Status = status }));
        Assert.Equal(notInForce, Agreement.NotInForce.Compile()(new Agreement { Status = status }));
        // Every status an agreement is stored with is in the table above (Expired is derived, never stored).
        Assert.Equal(6, Enum.GetValues<AgreementStatus>().Count(s => s != AgreementStatus.Expired));
    }

    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
