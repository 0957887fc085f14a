using CivicPairing.Domain;
using CivicPairing.Domain.Members;

namespace CivicPairing.UnitTests.Domain;

/// <summary>双报到 and the service that follows it: one community at a time, and only real days of service count.</summary>
public sealed class PartyMemberService
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 24);
    private static readonly DateOnly AcceptedOn = new(2026, 9, 1);

    private static PartyMember Member() => new() { Id = 7, UnitId = 1, Name = "李华", Phone = "13905120001", ResidenceCommunityId = 3 };

    private static MemberReport Accepted()
    {
        var report = MemberReport.Submit(Member(), null, "demo.liaison", Now);
        report.Accept(AcceptedOn, "demo.secretary", Now);
        return report;
    }

    private static MemberService Record(MemberReport report, DateOnly date, decimal hours, decimal already = 0m, bool bySecretary = false) =>
        MemberService.Record(report, date, hours, "楼道清理", already, bySecretary, bySecretary ? "很好" : null, Today, "actor", Now);

    [Fact]
    public void ReportsToTheResidenceCommunityAndAwaitsTheSecretary()
    {
        var report = MemberReport.Submit(Member(), null, "demo.liaison", Now);
        Assert.Equal((3, 7, MemberReportStatus.Pending, (DateOnly?)null), (report.CommunityId, report.MemberId, report.Status, report.AcceptedOn));
    }

    [Fact]
    public void RefusesASecondReportWhileOneIsOpen()
    {
        var refusal = Assert.Throws<DomainException>(() => MemberReport.Submit(Member(), "金墩社区", "demo.liaison", Now));
        Assert.Equal(new object[] { "金墩社区" }, refusal.Arguments);
    }

    [Fact]
    public void RefusesAReportOfAMemberWhoLeftTheUnit()
    {
        var member = Member();
        member.IsActive = false;
        Assert.Throws<DomainException>(() => MemberReport.Submit(member, null, "demo.liaison", Now));
    }

    [Fact]
    public void AcceptsOnTheCitysDayAndDeclinesOnlyWithAReason()
    {
        Assert.Equal((MemberReportStatus.Accepted, (DateOnly?)AcceptedOn), (Accepted().Status, Accepted().AcceptedOn));
        var pending = MemberReport.Submit(Member(), null, "demo.liaison", Now);
        Assert.Equal("reason", Assert.Throws<DomainException>(() => pending.Decline("  ", "demo.secretary", Now)).Field);
        pending.Decline("不住本社区", "demo.secretary", Now);
        Assert.Equal((MemberReportStatus.Declined, "不住本社区"), (pending.Status, pending.Reason));
        Assert.Throws<DomainException>(() => pending.Accept(Today, "demo.secretary", Now));
        Assert.False(MemberReport.IsOpen(pending.Status));
    }

    [Fact]
    public void RefusesServiceBeforeTheReportIsAccepted()
    {
        var pending = MemberReport.Submit(Member(), null, "demo.liaison", Now);
        Assert.Throws<DomainException>(() => Record(pending, Today, 2m));
        var early = Assert.Throws<DomainException>(() => Record(Accepted(), AcceptedOn.AddDays(-1), 2m));
        Assert.Equal(("Date", AcceptedOn), (early.Field, (DateOnly)early.Arguments[0]));
    }

    [Fact]
    public void RefusesServiceInTheFuture() =>
        Assert.Equal("Date", Assert.Throws<DomainException>(() => Record(Accepted(), Today.AddDays(1), 2m)).Field);

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(25)]
    [InlineData(1.25)]
    public void RefusesHoursThatCannotBe(double hours) =>
        Assert.Equal("Hours", Assert.Throws<DomainException>(() => Record(Accepted(), Today, (decimal)hours)).Field);

    [Fact]
    public void RefusesMoreThanTwentyFourHoursInOneDayCountingTheOthers()
    {
        var refusal = Assert.Throws<DomainException>(() => Record(Accepted(), Today, 5m, already: 20m));
        Assert.Equal(new object[] { "20", "4" }, refusal.Arguments);
        Assert.Equal(4m, Record(Accepted(), Today, 4m, already: 20m).Hours);
    }

    [Fact]
    public void AMembersRecordAwaitsConfirmationAndTheSecretarysIsConfirmedAtEntry()
    {
        var own = Record(Accepted(), Today, 2.5m);
        Assert.Equal((MemberServiceStatus.Submitted, true, (string?)null), (own.Status, own.RecordedByMember, own.Remark));
        own.Confirm("积极主动", "demo.secretary", Now);
        Assert.Equal((MemberServiceStatus.Confirmed, "积极主动"), (own.Status, own.Remark));
        Assert.Throws<DomainException>(() => own.Reject("不实", "demo.secretary", Now));

        var entered = Record(Accepted(), AcceptedOn, 3m, bySecretary: true);
        Assert.Equal((MemberServiceStatus.Confirmed, false, "很好"), (entered.Status, entered.RecordedByMember, entered.Remark));
    }

    [Fact]
    public void EndsAnOpenReportWithAReasonAndNotTwice()
    {
        var report = Accepted();
        report.End("搬家", "demo.liaison", Now);
        Assert.Equal(MemberReportStatus.Ended, report.Status);
        Assert.Throws<DomainException>(() => report.End("搬家", "demo.liaison", Now));
    }

    [Theory]
    [InlineData("13905120001", true)]
    [InlineData("1390512000", false)]
    [InlineData("23905120001", false)]
    [InlineData("12905120001", false)]
    [InlineData("139-0512-0001", false)]
    public void KnowsAMobileNumber(string phone, bool valid) => Assert.Equal(valid, PartyMember.IsMobileNumber(phone));

    [Theory]
    [InlineData(2026, 1, 1, 1)]
    [InlineData(2026, 3, 31, 1)]
    [InlineData(2026, 4, 1, 2)]
    [InlineData(2026, 12, 31, 4)]
    public void PutsADateInItsQuarter(int year, int month, int day, int quarter)
    {
        var date = new DateOnly(year, month, day);
        Assert.Equal(quarter, MemberService.QuarterOf(date));
        var (from, to) = MemberService.QuarterSpan(year, quarter);
        Assert.InRange(date, from, to);
        Assert.Equal(from.AddMonths(3).AddDays(-1), to);
    }
}
