using CivicPairing.Domain;
using CivicPairing.Domain.Funding;

namespace CivicPairing.UnitTests.Domain;

/// <summary>资金申请, 篇9's: 58,490 yuan for garbage pools and the office refit; pledged by units, approved, paid with vouchers.</summary>
public sealed class FundingRequestLifecycle
{
    private const int Finance = 1, Water = 2;
    private static readonly DateOnly Today = new(2026, 11, 24);
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(8));

    public enum Operation
    {
        Approve,
        Refuse,
        Pledge,
        Pay,
    }

    /// <summary>Every (status, operation) pair: the status after it, or the sentence that refuses it.</summary>
    public static TheoryData<FundingStatus, Operation, FundingStatus?, string?> Table => new()
    {
        { FundingStatus.Submitted, Operation.Approve, FundingStatus.Approved, null },
        { FundingStatus.Submitted, Operation.Refuse, FundingStatus.Refused, null },
        { FundingStatus.Submitted, Operation.Pledge, FundingStatus.Submitted, null },
        { FundingStatus.Submitted, Operation.Pay, null, "Payments are recorded only once the office has approved the request." },
        { FundingStatus.Approved, Operation.Approve, null, "Only a request awaiting approval can be approved." },
        { FundingStatus.Approved, Operation.Refuse, null, "Only a request awaiting approval can be refused." },
        { FundingStatus.Approved, Operation.Pledge, FundingStatus.Approved, null },
        { FundingStatus.Approved, Operation.Pay, FundingStatus.Approved, null },
        { FundingStatus.Refused, Operation.Approve, null, "Only a request awaiting approval can be approved." },
        { FundingStatus.Refused, Operation.Refuse, null, "Only a request awaiting approval can be refused." },
        { FundingStatus.Refused, Operation.Pledge, null, "A refused request takes no pledges." },
        { FundingStatus.Refused, Operation.Pay, null, "Payments are recorded only once the office has approved the request." },
    };

    [Fact]
    public void TheTableNamesEveryStatusAndOperationExactlyOnce()
    {
        var everyPair = Enum.GetValues<FundingStatus>().SelectMany(s => Enum.GetValues<Operation>().Select(o => (s, o)));
        Assert.Equal(everyPair.Order(), Table.Select(row => ((FundingStatus)row[0], (Operation)row[1])).Order());
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void MovesOnOrRefusesAndChangesNothing(FundingStatus from, Operation operation, FundingStatus? to, string? refusal)
    {
        var request = Pools();
        request.Status = from;
        request.Pledges.Add(new Pledge { UnitId = Finance, Amount = 20_000m });
        request.Pledged = 20_000m;
        var before = (request.Status, request.Pledged, request.Paid, request.Pledges.Count, request.Payments.Count);

        void Act()
        {
            switch (operation)
            {
                case Operation.Approve: request.Approve("office", Now); break;
                case Operation.Refuse: request.Refuse("超出年度预算", "office", Now); break;
                case Operation.Pledge: request.Pledge(Water, 10_000m, "water", Now); break;
                case Operation.Pay: request.Pay(Finance, 20_000m, Today, Today, Guid.NewGuid(), "finance", Now); break;
            }
        }

        if (refusal is null)
        {
            Act();
            Assert.Equal(to, request.Status);
        }
        else
        {
            Assert.Equal(refusal, Assert.Throws<DomainException>(Act).Message);
            Assert.Equal(before, (request.Status, request.Pledged, request.Paid, request.Pledges.Count, request.Payments.Count));
        }
    }

    [Fact]
    public void TotalsTheBudgetLinesOfPian9()
    {
        var request = Pools();

        Assert.Equal(58_490m, request.Amount);
        Assert.Equal([1, 2], request.Lines.Select(l => l.Number));
        Assert.Equal(58_490m, request.StillRequested);
    }

    [Fact]
    public void RefusesAPledgeAboveWhatIsStillRequested()
    {
        var request = Pools();
        request.Pledge(Finance, 40_000m, "finance", Now);

        var refused = Assert.Throws<DomainException>(() => request.Pledge(Water, 18_490.01m, "water", Now));

        Assert.Equal("Pledge at most the {0} yuan still requested.", refused.Message);
        Assert.Equal(18_490m, refused.Arguments[0]);
        Assert.Equal(40_000m, request.Pledged);
        request.Pledge(Water, 18_490m, "water", Now);
        Assert.Equal(0m, request.StillRequested);
    }

    [Fact]
    public void RefusesPayingMoreThanTheUnitPledgedOrInTheFuture()
    {
        var request = Pools();
        request.Pledge(Finance, 40_000m, "finance", Now);
        request.Approve("office", Now);
        request.Pay(Finance, 30_000m, Today.AddDays(-3), Today, Guid.NewGuid(), "finance", Now);

        Assert.Equal("Your unit can pay at most the {0} yuan it pledged and has not paid yet.",
            Assert.Throws<DomainException>(() => request.Pay(Finance, 10_000.01m, Today, Today, Guid.NewGuid(), "finance", Now)).Message);
        Assert.Equal("Your unit can pay at most the {0} yuan it pledged and has not paid yet.",
            Assert.Throws<DomainException>(() => request.Pay(Water, 1m, Today, Today, Guid.NewGuid(), "water", Now)).Message);
        Assert.Equal("The day paid cannot be in the future.",
            Assert.Throws<DomainException>(() => request.Pay(Finance, 1m, Today.AddDays(1), Today, Guid.NewGuid(), "finance", Now)).Message);
        Assert.Equal((30_000m, 1), (request.Paid, request.Payments.Count));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("10000000.01")]
    [InlineData("0.001")]
    public void RefusesAnAbsurdAmount(string amount)
    {
        var value = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Throws<DomainException>(() => FundingRequest.Ask(1, null, "垃圾池", "建垃圾池", [("垃圾池", value)], "sec", Now));
        Assert.Throws<DomainException>(() => Pools().Pledge(Finance, value, "finance", Now));
    }

    [Fact]
    public void RefusesARequestWithoutLinesOrAboveTheCapInAll()
    {
        Assert.Equal("List at least one budget line: what it is for and how much.",
            Assert.Throws<DomainException>(() => FundingRequest.Ask(1, null, "垃圾池", "建垃圾池", [], "sec", Now)).Message);
        Assert.Equal("A request may ask for at most {0} yuan.",
            Assert.Throws<DomainException>(() => FundingRequest.Ask(1, null, "垃圾池", "建垃圾池", [("一", 6_000_000m), ("二", 6_000_000m)], "sec", Now)).Message);
    }

    private static FundingRequest Pools() =>
        FundingRequest.Ask(1, null, "碧海大道下沙段垃圾池和办公室改造", "碧海大道下沙段沿途没有垃圾池，垃圾乱堆放；社区办公室需改造配置。",
            [("垃圾池建设", 46_000m), ("办公室改造配置", 12_490m)], "secretary", Now);
}
