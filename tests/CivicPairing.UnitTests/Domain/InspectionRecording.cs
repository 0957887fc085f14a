using CivicPairing.Domain;
using CivicPairing.Domain.Inspections;
using CivicPairing.Domain.Pairings;

namespace CivicPairing.UnitTests.Domain;

public sealed class InspectionRecording
{
    private static readonly DateOnly Today = new(2026, 11, 24);
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(8));

    private static Pairing InForce(PairingStatus status = PairingStatus.Active) => new() { Id = 3, StartDate = new DateOnly(2026, 3, 1), Status = status };

    private static InspectionFinding[] Findings(FindingResult second = FindingResult.Pass) =>
        [new("协议任务按期推进", FindingResult.Pass, null), new("共建台账资料齐全", second, "缺少签到表")];

    [Fact]
    public void RecordsAPassingInspectionWithoutADeadline()
    {
        var inspection = Inspection.Record(InForce(), Today, Today, " 王科长 ", 92, Findings(), new DateOnly(2026, 12, 31), Now);
        Assert.Equal(("王科长", 92, false, (DateOnly?)null), (inspection.Inspector, inspection.Score, inspection.NeedsRectification, inspection.RectificationDeadline));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void RefusesAScoreOutside0To100(int score) =>
        Assert.Equal("The inspection score must be from 0 to 100.", Assert.Throws<DomainException>(() => Inspection.Record(InForce(), Today, Today, "x", score, Findings(), null, Now)).Message);

    [Fact]
    public void AsksForADeadlineWhenAnItemFallsShort()
    {
        Assert.Equal("Items fall short: set a rectification deadline.",
            Assert.Throws<DomainException>(() => Inspection.Record(InForce(), Today, Today, "x", 70, Findings(FindingResult.Fail), null, Now)).Message);
        Assert.Equal("The rectification deadline must come after the inspection.",
            Assert.Throws<DomainException>(() => Inspection.Record(InForce(), Today, Today, "x", 70, Findings(FindingResult.Fail), Today, Now)).Message);
    }

    [Theory]
    [InlineData(2026, 11, 25)]
    [InlineData(2026, 2, 28)]
    public void RefusesADateInTheFutureOrBeforeThePairing(int y, int m, int d) =>
        Assert.Throws<DomainException>(() => Inspection.Record(InForce(), new DateOnly(y, m, d), Today, "x", 70, Findings(), null, Now));

    [Theory]
    [InlineData(PairingStatus.Proposed)]
    [InlineData(PairingStatus.Ended)]
    [InlineData(PairingStatus.Rejected)]
    public void RefusesAPairingNotInForce(PairingStatus status) =>
        Assert.Throws<DomainException>(() => Inspection.Record(InForce(status), Today, Today, "x", 70, Findings(), null, Now));

    [Fact]
    public void RefusesAnInspectionWithoutItems() =>
        Assert.Equal("Record at least one checked item.", Assert.Throws<DomainException>(() => Inspection.Record(InForce(), Today, Today, "x", 70, [], null, Now)).Message);

    [Fact]
    public void FollowsUpOnlyWhatNeedsRectifying()
    {
        var clean = Inspection.Record(InForce(), Today, Today, "x", 95, Findings(), null, Now);
        Assert.Throws<DomainException>(() => clean.RecordFollowUp("ok", true, Today));

        var shortfall = Inspection.Record(InForce(), new DateOnly(2026, 11, 1), Today, "x", 70, Findings(FindingResult.Fail), new DateOnly(2026, 11, 30), Now);
        Assert.Throws<DomainException>(() => shortfall.RecordFollowUp("ok", true, new DateOnly(2026, 10, 31)));
        Assert.Throws<DomainException>(() => shortfall.RecordFollowUp(" ", true, Today));
        shortfall.RecordFollowUp(" 已补齐 ", true, Today);
        Assert.Equal(("已补齐", true, (DateOnly?)Today), (shortfall.FollowUp, shortfall.Rectified, shortfall.FollowUpOn));
    }
}
