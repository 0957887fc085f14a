using CivicPairing.Domain.Registry;
using CivicPairing.Web.Infrastructure;
using CivicPairing.Web.Infrastructure.Imports;

namespace CivicPairing.UnitTests.Web;

public sealed class SpreadsheetCells
{
    private static readonly Microsoft.Extensions.Localization.IStringLocalizer L = TestDatabase.Localizer;

    public SpreadsheetCells() => System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("zh-CN");

    [Theory]
    [InlineData("法律、医疗", Strengths.Legal | Strengths.Medical)]
    [InlineData("Legal, Medical", Strengths.Legal | Strengths.Medical)]
    [InlineData("法律，Finance；党建", Strengths.Legal | Strengths.Finance | Strengths.PartyBuilding)]
    [InlineData("", Strengths.None)]
    public void ReadsFlagSetsWrittenTheWaysOfficesWriteThem(string cell, Strengths expected)
    {
        List<Strengths> read = [];
        Assert.Null(CellParsers.Flags<Strengths>(cell, L, v => read = v));
        Assert.Equal(expected, CivicPairing.Domain.FlagsExtensions.Combine(read));
    }

    [Fact]
    public void NamesTheChoicesWhenAFlagIsUnknown()
    {
        var error = CellParsers.Flags<Strengths>("法律、魔法", L, _ => { });
        Assert.StartsWith("“魔法”不在可选值之中：法律、医疗", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("38", 38)]
    [InlineData("1,200", 1200)]
    [InlineData("40.0", 40)]
    public void ReadsWholeNumbers(string cell, int expected)
    {
        var value = -1;
        Assert.Null(CellParsers.Int(cell, L, v => value = v));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("12.5")]
    [InlineData("十二")]
    [InlineData("99999999999")]
    public void RefusesWhatIsNotAWholeNumber(string cell) => Assert.NotNull(CellParsers.Int(cell, L, _ => { }));

    [Fact]
    public void ReadsMoneyWithAYuanSign()
    {
        decimal? value = null;
        Assert.Null(CellParsers.OptionalDecimal("¥58,490.00", L, v => value = v));
        Assert.Equal(58490m, value);
    }

    [Fact]
    public void ReadsAnEnumByItsChineseNameWhateverTheUiLanguage()
    {
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("en");
        Assert.True(L.TryParse<UnitKind>("金融机构", out var kind));
        Assert.Equal(UnitKind.FinancialInstitution, kind);
    }
}
