using CivicPairing.Domain;
using CivicPairing.Domain.Activities;
using CivicPairing.Domain.Needs;
using CivicPairing.Domain.Registry;

namespace CivicPairing.UnitTests.Domain;

/// <summary>
/// 需求 lifecycle, 点单 → 派单/接单 → 评单. The need is 篇9's: garbage pools along 碧海大道下沙段.
/// </summary>
public sealed class NeedLifecycle
{
    private const string Secretary = "secretary.xiasha";
    private const string Office = "office.wmb";
    private const string Liaison = "liaison.envbureau";
    private const int UnitId = 7;
    private const int OtherUnitId = 8;
    private static readonly DateOnly Today = new(2026, 3, 2);
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(8));

    public enum Operation
    {
        Publish,
        ReturnToCommunity,
        Dispatch,
        Accept,
        Decline,
        Take,
        ReportDone,
        Rate,
        SendBack,
        Withdraw,
    }

    /// <summary>Every move allowed: from, operation, to.</summary>
    public static TheoryData<NeedStatus, Operation, NeedStatus> AllowedMoves => new()
    {
        { NeedStatus.Submitted, Operation.Publish, NeedStatus.Published },
        { NeedStatus.Submitted, Operation.ReturnToCommunity, NeedStatus.Returned },
        { NeedStatus.Submitted, Operation.Withdraw, NeedStatus.Withdrawn },
        { NeedStatus.Published, Operation.Dispatch, NeedStatus.Dispatched },
        { NeedStatus.Published, Operation.Take, NeedStatus.Taken },
        { NeedStatus.Published, Operation.Withdraw, NeedStatus.Withdrawn },
        { NeedStatus.Dispatched, Operation.Accept, NeedStatus.Taken },
        { NeedStatus.Dispatched, Operation.Decline, NeedStatus.Published },
        { NeedStatus.Dispatched, Operation.Withdraw, NeedStatus.Withdrawn },
        { NeedStatus.Taken, Operation.ReportDone, NeedStatus.ReportedDone },
        { NeedStatus.ReportedDone, Operation.Rate, NeedStatus.Rated },
        { NeedStatus.ReportedDone, Operation.SendBack, NeedStatus.Taken },
    };

    private static readonly Dictionary<Operation, string> Refusal = new()
    {
        [Operation.Publish] = "Only a need awaiting review can be published.",
        [Operation.ReturnToCommunity] = "Only a need awaiting review can be returned.",
        [Operation.Dispatch] = "Only an open need can be dispatched.",
        [Operation.Accept] = "Only a need dispatched to your unit can be accepted.",
        [Operation.Decline] = "Only a need dispatched to your unit can be declined.",
        [Operation.Take] = "Only an open need can be taken.",
        [Operation.ReportDone] = "Only a taken need can be reported done.",
        [Operation.Rate] = "Only a need reported done can be rated.",
        [Operation.SendBack] = "Only a need reported done can be returned.",
        [Operation.Withdraw] = "A need can be withdrawn only while no unit has taken it.",
    };

    /// <summary>Every other (status, operation) pair, with the sentence that refuses it.</summary>
    public static TheoryData<NeedStatus, Operation, string> RefusedMoves
    {
        get
        {
            var allowed = AllowedMoves.Select(row => ((NeedStatus)row[0], (Operation)row[1])).ToHashSet();
            var data = new TheoryData<NeedStatus, Operation, string>();
            foreach (var status in Enum.GetValues<NeedStatus>())
            {
                foreach (var operation in Enum.GetValues<Operation>().Where(o => !allowed.Contains((status, o))))
                {
                    data.Add(status, operation, (status, operation) switch
                    {
                        (NeedStatus.Taken or NeedStatus.ReportedDone or NeedStatus.Rated, Operation.Take) => "Another unit has taken this need already.",
                        (NeedStatus.Rated, Operation.Rate) => "This need is rated already.",
                        _ => Refusal[operation],
                    });
                }
            }
            return data;
        }
    }

    [Fact]
    public void TheTransitionTablesNameEveryStatusAndOperationExactlyOnce()
    {
        var everyPair = Enum.GetValues<NeedStatus>().SelectMany(s => Enum.GetValues<Operation>().Select(o => (s, o)));
        var allowed = AllowedMoves.Select(row => ((NeedStatus)row[0], (Operation)row[1])).ToList();
        var refused = RefusedMoves.Select(row => ((NeedStatus)row[0], (Operation)row[1])).ToList();

        Assert.Equal(Enum.GetValues<NeedStatus>().Length * Enum.GetValues<Operation>().Length, allowed.Count + refused.Count);
        Assert.Equal(everyPair.Order(), allowed.Concat(refused).Order());
        // Every status but the ends is left by some move, and every status is reached by one.
        var targets = AllowedMoves.Select(row => (NeedStatus)row[2]).ToHashSet();
        Assert.Equal(Enum.GetValues<NeedStatus>().Where(s => s != NeedStatus.Submitted).Order(), targets.Order());
    }

    [Theory]
    [MemberData(nameof(AllowedMoves))]
    public void MovesOnAndRecordsTheStepGivenAnAllowedOperation(NeedStatus from, Operation operation, NeedStatus to)
    {
        var need = InStatus(from);
        var eventsBefore = need.Events.Count;

        Apply(need, operation);

        Assert.Equal(to, need.Status);
        Assert.Equal(eventsBefore + 1, need.Events.Count);
        Assert.Equal(from, need.Events[^1].From);
        Assert.Equal(to, need.Events[^1].To);
        Assert.Equal(Now, need.Events[^1].At);
    }

    [Theory]
    [MemberData(nameof(RefusedMoves))]
    public void RefusesAndChangesNothingGivenAnOperationTheStatusDoesNotAllow(NeedStatus status, Operation operation, string refusal)
    {
        var need = InStatus(status);
        var before = Snapshot(need);

        var refused = Assert.Throws<DomainException>(() => Apply(need, operation));

        Assert.Equal(refusal, refused.Message);
        Assert.Equal(before, Snapshot(need));
    }

    [Fact]
    public void PostsTheGarbagePoolNeedAwaitingReview()
    {
        var need = Need.Post(3, " 碧海大道下沙段设置垃圾池 ", ActivityCategory.Infrastructure, "沿途没有垃圾池，垃圾乱堆放", "碧海大道下沙段",
            Today.AddDays(60), Strengths.Environment | Strengths.Infrastructure, 58_490m, Today, Secretary, Now);

        Assert.Equal(NeedStatus.Submitted, need.Status);
        Assert.Equal("碧海大道下沙段设置垃圾池", need.Title);
        Assert.Equal(58_490m, need.Budget);
        Assert.Equal(Strengths.Environment | Strengths.Infrastructure, need.Skills);
        Assert.Single(need.Events);
        Assert.Null(need.Events[0].From);
    }

    [Theory]
    [InlineData(-1, null, "The date wanted cannot be in the past.", nameof(Need.WantedBy))]
    [InlineData(Need.MaxDaysAhead + 1, null, "The date wanted can be at most two years ahead.", nameof(Need.WantedBy))]
    [InlineData(10, "0", "An amount must be more than 0 and at most {0} yuan.", nameof(Need.Budget))]
    [InlineData(10, "-58490", "An amount must be more than 0 and at most {0} yuan.", nameof(Need.Budget))]
    [InlineData(10, "10000000.01", "An amount must be more than 0 and at most {0} yuan.", nameof(Need.Budget))]
    [InlineData(10, "12.345", "Give the amount to the fen (two decimals at most).", nameof(Need.Budget))]
    public void RefusesAPostGivenABadDateOrBudget(int daysAhead, string? budget, string refusal, string field)
    {
        var refused = Assert.Throws<DomainException>(() => Need.Post(3, "垃圾池", ActivityCategory.Infrastructure, null, null, Today.AddDays(daysAhead),
            Strengths.None, budget is null ? null : decimal.Parse(budget, System.Globalization.CultureInfo.InvariantCulture), Today, Secretary, Now));

        Assert.Equal(refusal, refused.Message);
        Assert.Equal(field, refused.Field);
    }

    [Fact]
    public void AcceptsTheLastDayAndTheCapExactly()
    {
        var need = Need.Post(3, "垃圾池", ActivityCategory.Infrastructure, null, null, Today.AddDays(Need.MaxDaysAhead), Strengths.None, Need.MaxBudget, Today, Secretary, Now);

        Assert.Equal(Need.MaxBudget, need.Budget);
    }

    [Fact]
    public void RefusesADispatchAnswerFromAnotherUnit()
    {
        var need = InStatus(NeedStatus.Dispatched);

        Assert.Equal("Only a need dispatched to your unit can be accepted.", Assert.Throws<DomainException>(() => need.Accept(OtherUnitId, Liaison, Now)).Message);
        Assert.Equal("Only a need dispatched to your unit can be declined.", Assert.Throws<DomainException>(() => need.Decline(OtherUnitId, "人手不足", Liaison, Now)).Message);
        Assert.Equal(NeedStatus.Dispatched, need.Status);
        Assert.Equal(UnitId, need.DispatchedToUnitId);
    }

    [Fact]
    public void RefusesTakingAnUnpairedCommunitysNeedWhenTheOfficeDoesNotAllowIt()
    {
        var need = InStatus(NeedStatus.Published);

        var refused = Assert.Throws<DomainException>(() => need.Take(UnitId, mayTake: false, Liaison, Now));

        Assert.StartsWith("Your unit is not paired", refused.Message);
        Assert.Equal(NeedStatus.Published, need.Status);
        Assert.Null(need.TakenByUnitId);
    }

    [Fact]
    public void RefusesAReportFromAUnitThatDidNotTakeTheNeed()
    {
        var need = InStatus(NeedStatus.Taken);

        var refused = Assert.Throws<DomainException>(() => need.ReportDone(OtherUnitId, "已建成", Liaison, Now));

        Assert.Equal("Only the unit that took the need can report it done.", refused.Message);
        Assert.Equal(NeedStatus.Taken, need.Status);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void RefusesARatingOutsideOneToFive(int rating)
    {
        var need = InStatus(NeedStatus.ReportedDone);

        var refused = Assert.Throws<DomainException>(() => need.Rate(rating, "好", Secretary, Now));

        Assert.Equal("Rate the work from 1 to 5.", refused.Message);
        Assert.Null(need.Rating);
        Assert.Equal(NeedStatus.ReportedDone, need.Status);
    }

    [Fact]
    public void DecliningClearsTheDispatchAndKeepsTheReason()
    {
        var need = InStatus(NeedStatus.Dispatched);

        need.Decline(UnitId, "本月人手不足", Liaison, Now);

        Assert.Null(need.DispatchedToUnitId);
        Assert.Equal("本月人手不足", need.Reason);
        Assert.Equal(NeedStatus.Published, need.Status);
    }

    [Theory]
    [InlineData(NeedStatus.Published, -1, true)]
    [InlineData(NeedStatus.Taken, -1, true)]
    [InlineData(NeedStatus.ReportedDone, -1, true)]
    [InlineData(NeedStatus.Taken, 0, false)]
    [InlineData(NeedStatus.Rated, -1, false)]
    [InlineData(NeedStatus.Withdrawn, -1, false)]
    [InlineData(NeedStatus.Submitted, -1, false)]
    public void IsOverdueWhenStillToDoAndWantedBeforeToday(NeedStatus status, int days, bool overdue)
    {
        Assert.Equal(overdue, Need.IsOverdue(status, Today.AddDays(days), Today));
        var need = new Need { Status = status, WantedBy = Today.AddDays(days) };
        Assert.Equal(overdue, Need.OverdueOn(Today).Compile()(need));
    }

    private static Need InStatus(NeedStatus status)
    {
        var need = Need.Post(3, "碧海大道下沙段设置垃圾池", ActivityCategory.Infrastructure, null, "碧海大道下沙段", Today.AddDays(30),
            Strengths.Environment, 58_490m, Today, Secretary, Now);
        need.Id = 41;
        need.Status = status;
        if (status == NeedStatus.Dispatched)
        {
            need.DispatchedToUnitId = UnitId;
        }
        if (status is NeedStatus.Taken or NeedStatus.ReportedDone or NeedStatus.Rated)
        {
            need.TakenByUnitId = UnitId;
        }
        need.Events.Clear();
        return need;
    }

    private static void Apply(Need need, Operation operation)
    {
        switch (operation)
        {
            case Operation.Publish: need.Publish(Office, Now); break;
            case Operation.ReturnToCommunity: need.ReturnToCommunity("请补充预算明细", Office, Now); break;
            case Operation.Dispatch: need.Dispatch(UnitId, "市环保局", Office, Now); break;
            case Operation.Accept: need.Accept(UnitId, Liaison, Now); break;
            case Operation.Decline: need.Decline(UnitId, "人手不足", Liaison, Now); break;
            case Operation.Take: need.Take(UnitId, mayTake: true, Liaison, Now); break;
            case Operation.ReportDone: need.ReportDone(UnitId, "垃圾池三座已建成", Liaison, Now); break;
            case Operation.Rate: need.Rate(5, "居民很满意", Secretary, Now); break;
            case Operation.SendBack: need.SendBack("还差一座", Secretary, Now); break;
            case Operation.Withdraw: need.Withdraw(Secretary, Now); break;
        }
    }

    private static string Snapshot(Need n) =>
        $"{n.Status}|{n.DispatchedToUnitId}|{n.TakenByUnitId}|{n.TakenAt}|{n.ReportNote}|{n.Rating}|{n.RatingComment}|{n.Reason}|{n.PublishedAt}|{n.Events.Count}";
}
