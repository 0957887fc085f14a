using CivicPairing.Domain.Registry;
using CivicPairing.Web.Features.Communities;

namespace CivicPairing.UnitTests.Web;

public sealed class CommunityInputValidation : IDisposable
{
    private readonly TestDatabase _database = new();

    private CommunityInputValidator Validator => new(_database.Db, TestDatabase.Localizer);

    private static CommunityInput Xiyan() => new()
    {
        Name = "西焉村", Kind = CommunityKind.Village, Street = "奓山街", Households = 242, Population = 986, PartyMemberCount = 47,
        VillagerGroups = 7, FarmlandMu = 766, CollectiveIncome = 1_260_000m, Industries = [Industries.CashCrops],
    };

    [Fact]
    public async Task AcceptsTheVillageOfCase7() => Assert.True((await Validator.ValidateAsync(Xiyan())).IsValid);

    [Fact]
    public async Task RefusesFewerPeopleThanHouseholds()
    {
        var input = Xiyan();
        input.Population = 200;
        Assert.Contains((await Validator.ValidateAsync(input)).Errors, e => e.ErrorMessage == "人口数不能少于户数。");
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(20_000_000)]
    public async Task RefusesAbsurdFarmland(int mu)
    {
        var input = Xiyan();
        input.FarmlandMu = mu;
        Assert.Contains((await Validator.ValidateAsync(input)).Errors, e => e.PropertyName == "FarmlandMu");
    }

    [Fact]
    public async Task RequiresTheStreetOrTownship()
    {
        var input = Xiyan();
        input.Street = " ";
        Assert.Contains((await Validator.ValidateAsync(input)).Errors, e => e.PropertyName == "Street");
    }

    public void Dispose() => _database.Dispose();
}
