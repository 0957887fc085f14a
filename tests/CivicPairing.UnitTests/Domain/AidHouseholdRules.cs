using CivicPairing.Domain;
using CivicPairing.Domain.AidHouseholds;
using CivicPairing.Domain.Pairings;
using CivicPairing.Domain.Registry;

namespace CivicPairing.UnitTests.Domain;

/// <summary>帮扶对象 of 高岗村 (篇11), helped by 市供销社: the plan, 已脱困 only with evidence, one paired unit per household.</summary>
public sealed class AidHouseholdRules
{
    private const string Secretary = "secretary.gaogang";
    private static readonly DateOnly Today = new(2026, 11, 24);
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly Community Gaogang = new() { Id = 23, Name = "高岗村", Street = "城北镇" };
    private static readonly Pairing SupplyCoop = new()
    {
        Id = 40, UnitId = 46, Unit = new Unit { Id = 46, Name = "市供销社" }, CommunityId = 23, Status = PairingStatus.Active, StartDate = new DateOnly(2026, 1, 1),
    };

    private static AidHouseholdFacts Facts(string head = "高德顺", int members = 3, Difficulties difficulties = Difficulties.MinimumLivingAllowance | Difficulties.SeriousIllness,
        string? id = null, decimal? income = 3200m) =>
        new(head, members, "高德顺、李桂兰、高小军", difficulties, id, "王建军", "0517-8888 1234", income);

    private static AidHousehold Household(AidHouseholdFacts? facts = null) => AidHousehold.Open(Gaogang, SupplyCoop, facts ?? Facts(), null, Secretary, Now);

    [Fact]
    public void OpensInAidWithThePairedUnitAndTheFactsGiven()
    {
        var h = Household();
        Assert.Equal((AidStatus.InAid, 40, 23, "高德顺", 3), (h.Status, h.PairingId, h.CommunityId, h.HeadName, h.MemberCount));
        Assert.Equal(Difficulties.MinimumLivingAllowance | Difficulties.SeriousIllness, h.Difficulties);
        Assert.Null(h.IdNumberMasked);
    }

    [Fact]
    public void KeepsOnlyTheMaskedIdNumber()
    {
        var h = Household(Facts(id: "320102198001011234"));
        Assert.Equal("3201**********1234", h.IdNumberMasked);
        Assert.Equal("3201*******1567", IdNumbers.Mask("320102800101567"));
        Assert.Equal("1101**********001X", IdNumbers.Mask(" 11010519491231001x "));
    }

    [Theory]
    [InlineData("32010219800101123")]
    [InlineData("3201021980010112345")]
    [InlineData("32010219800101123Y")]
    [InlineData("ABCDEFGHIJKLMNOPQR")]
    public void RefusesAMalformedIdNumber(string id)
    {
        Assert.False(IdNumbers.IsWellFormed(id));
        var refusal = Assert.Throws<DomainException>(() => Household(Facts(id: id)));
        Assert.Equal("IdNumber", refusal.Field);
    }

    [Fact]
    public void RefusesASecondRecordOfAHouseholdKeptAlreadyNamingItsUnit()
    {
        var first = Household();
        first.Id = 5;
        var refusal = Assert.Throws<DomainException>(() => AidHousehold.Open(Gaogang, SupplyCoop, Facts(), first, Secretary, Now));
        Assert.Equal("HeadName", refusal.Field);
        Assert.Equal("市供销社", Assert.Single(refusal.Arguments));
    }

    [Theory]
    [InlineData(PairingStatus.Proposed)]
    [InlineData(PairingStatus.Suspended)]
    [InlineData(PairingStatus.Ended)]
    public void RefusesAUnitWhosePairingIsNotInForce(PairingStatus status)
    {
        var pairing = new Pairing { Id = 41, UnitId = 47, CommunityId = 23, Status = status };
        Assert.Equal("PairingId", Assert.Throws<DomainException>(() => AidHousehold.Open(Gaogang, pairing, Facts(), null, Secretary, Now)).Field);
    }

    [Fact]
    public void RefusesAUnitPairedWithAnotherCommunity()
    {
        var elsewhere = new Pairing { Id = 42, UnitId = 46, CommunityId = 24, Status = PairingStatus.Active };
        Assert.Equal("PairingId", Assert.Throws<DomainException>(() => AidHousehold.Open(Gaogang, elsewhere, Facts(), null, Secretary, Now)).Field);
    }

    [Theory]
    [InlineData(0, Difficulties.Other, "MemberCount")]
    [InlineData(31, Difficulties.Other, "MemberCount")]
    [InlineData(2, Difficulties.None, "Difficulties")]
    public void RefusesImpossibleFacts(int members, Difficulties difficulties, string field) =>
        Assert.Equal(field, Assert.Throws<DomainException>(() => Household(Facts(members: members, difficulties: difficulties))).Field);

    [Theory]
    [InlineData(-1)]
    [InlineData(10_000_001)]
    public void RefusesAnAbsurdIncome(int income) =>
        Assert.Equal("IncomePerPerson", Assert.Throws<DomainException>(() => Household(Facts(income: income))).Field);

    [Fact]
    public void APlanIsOverdueWhenAMeasurePastItsTargetIsNotDone()
    {
        var h = Household();
        var soon = h.AddMeasure("申请低保复核", Today.AddDays(10), Today);
        var due = h.AddMeasure("联系县医院大病救助", Today.AddDays(1), Today);
        (soon.Id, due.Id) = (1, 2);
        Assert.False(h.PlanOverdue(Today));
        Assert.False(h.PlanOverdue(Today.AddDays(1)));   // on its target day it is not yet late
        Assert.True(h.PlanOverdue(Today.AddDays(2)));
        h.SetMeasureDone(2, done: true, Today.AddDays(2));
        Assert.False(h.PlanOverdue(Today.AddDays(2)));
        Assert.Equal(Today.AddDays(2), due.DoneOn);
        Assert.True(h.PlanOverdue(Today.AddDays(11)));
        h.SetMeasureDone(2, done: false, Today.AddDays(3));
        Assert.Null(due.DoneOn);
    }

    [Fact]
    public void TheQueryRuleAndTheLoadedRuleAgree()
    {
        var inAid = Household();
        inAid.AddMeasure("养殖技术培训", Today.AddDays(-3), Today.AddDays(-30));
        var lifted = Household(Facts(head: "高二牛"));
        lifted.AddMeasure("养殖技术培训", Today.AddDays(-3), Today.AddDays(-30));
        lifted.ConfirmLiftedOut(1, null, Secretary, Now);
        var empty = Household(Facts(head: "高三"));
        var rule = AidHousehold.PlanOverdueOn(Today).Compile();
        foreach (var h in new[] { inAid, lifted, empty })
        {
            Assert.Equal(h.PlanOverdue(Today), rule(h));
        }
        Assert.Equal([true, false, false], new[] { inAid, lifted, empty }.Select(rule));
    }

    [Fact]
    public void RefusesLiftingOutWithoutEvidenceAndChangesNothing()
    {
        var h = Household();
        var refusal = Assert.Throws<DomainException>(() => h.ConfirmLiftedOut(0, 5600m, Secretary, Now));
        Assert.Equal("files", refusal.Field);
        Assert.Equal((AidStatus.InAid, 3200m, (DateTimeOffset?)null), (h.Status, h.IncomePerPerson, h.DecidedAt));
    }

    [Fact]
    public void LiftsOutWithEvidenceRecordingTheIncomeAndTheSecretary()
    {
        var h = Household();
        h.ConfirmLiftedOut(2, 5600m, Secretary, Now);
        Assert.Equal((AidStatus.LiftedOut, 5600m, Secretary, (DateTimeOffset?)Now), (h.Status, h.IncomePerPerson, h.DecidedBy, h.DecidedAt));
        Assert.Equal(true, h.MeetsIncomeTarget(5000m));
        Assert.Throws<DomainException>(() => h.AddMeasure("再来一项", Today.AddDays(5), Today));
        Assert.Throws<DomainException>(() => h.Close("搬迁", Secretary, Now));
    }

    [Fact]
    public void MeetsTheIncomeTargetOnlyFromItUp()
    {
        Assert.Equal(false, Household(Facts(income: 4999.99m)).MeetsIncomeTarget(5000m));
        Assert.Equal(true, Household(Facts(income: 5000m)).MeetsIncomeTarget(5000m));
        Assert.Null(Household(Facts(income: null)).MeetsIncomeTarget(5000m));
    }

    [Fact]
    public void ClosesOnlyWithAReason()
    {
        var h = Household();
        Assert.Throws<DomainException>(() => h.Close("  ", Secretary, Now));
        Assert.Equal(AidStatus.InAid, h.Status);
        h.Close("全家迁往外省投亲", Secretary, Now);
        Assert.Equal((AidStatus.Closed, "全家迁往外省投亲"), (h.Status, h.ClosedReason));
        Assert.False(h.PlanOverdue(Today.AddYears(1)));
    }

    [Fact]
    public void RefusesAMeasureTooFarAheadOrWithoutText()
    {
        var h = Household();
        Assert.Equal("TargetDate", Assert.Throws<DomainException>(() => h.AddMeasure("修缮住房", Today.AddYears(3).AddDays(1), Today)).Field);
        Assert.Equal("Text", Assert.Throws<DomainException>(() => h.AddMeasure(" ", Today, Today)).Field);
        Assert.Empty(h.Measures);
    }

    [Fact]
    public void UnpairingIsBlockedByHouseholdsInAidAlone()
    {
        var blockers = new UnpairingBlockers(0, 2);
        Assert.True(blockers.Any);
        var pairing = new Pairing { Id = 40, UnitId = 46, CommunityId = 23, Status = PairingStatus.Active, StartDate = new DateOnly(2026, 1, 1) };
        Assert.Throws<DomainException>(() => pairing.End(Today, blockers, "协议期满", null, "office", Now));
        Assert.Equal(PairingStatus.Active, pairing.Status);
    }
}
