using CivicPairing.Domain.Registry;
using CivicPairing.Web.Features.Units;
using CivicPairing.Web.Infrastructure;

namespace CivicPairing.UnitTests.Web;

public sealed class UnitInputValidation : IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly UnitInputValidator _validator;

    public UnitInputValidation()
    {
        Localization.UseLocalizedValidatorNames(TestDatabase.Localizer);
        _validator = new UnitInputValidator(_database.Db, TestDatabase.Localizer);
    }

    private static UnitInput Valid() => new()
    {
        Name = "市民政局", Kind = UnitKind.GovernmentOrgan, CivilizedLevel = CivilizedLevel.City, LeaderName = "欧阳 明（兼）",
        StaffCount = 60, PartyMemberCount = 40, ContactPhone = "(0512) 5353-1234", Strengths = [Strengths.ElderlyCare],
    };

    [Fact]
    public async Task AcceptsACompleteUnit() => Assert.True((await _validator.ValidateAsync(Valid())).IsValid);

    [Fact]
    public async Task RefusesMorePartyMembersThanStaffInChinese()
    {
        var input = Valid();
        input.PartyMemberCount = 61;
        var error = Assert.Single((await _validator.ValidateAsync(input)).Errors);
        Assert.Equal(("PartyMemberCount", "党员人数不能多于职工人数。"), (error.PropertyName, error.ErrorMessage));
    }

    [Fact]
    public async Task NamesTheFieldInChineseInBuiltInMessages()
    {
        var input = Valid();
        input.Name = "";
        Assert.Equal("“单位名称”不能为空。", Assert.Single((await _validator.ValidateAsync(input)).Errors).ErrorMessage);
    }

    [Theory]
    [InlineData("<b>bold</b>")]
    [InlineData("javascript:alert(1)")]
    [InlineData("&#60;script&#62;")]
    public async Task RefusesMarkupInNotes(string notes)
    {
        var input = Valid();
        input.Notes = notes;
        Assert.Contains((await _validator.ValidateAsync(input)).Errors, e => e.PropertyName == "Notes");
    }

    [Fact]
    public async Task AllowsPlainTextThatMerelyMentionsSymbols()
    {
        var input = Valid();
        input.Notes = "人数 < 100 时由分管领导带队；a > b; 'quoted' -- ok";
        Assert.True((await _validator.ValidateAsync(input)).IsValid);
    }

    [Fact]
    public async Task RefusesADuplicateNameButNotTheUnitItself()
    {
        var existing = new Unit { Name = "市民政局", Kind = UnitKind.GovernmentOrgan, StaffCount = 10 };
        _database.Db.Units.Add(existing);
        await _database.Db.SaveChangesAsync();

        Assert.Contains((await _validator.ValidateAsync(Valid())).Errors, e => e.ErrorMessage == "已有同名的单位。");
        var edit = Valid();
        edit.Id = existing.Id;
        Assert.True((await _validator.ValidateAsync(edit)).IsValid);
    }

    public void Dispose() => _database.Dispose();
}
