using CivicPairing.Web.Infrastructure.Spreadsheets;
using System.Text;

namespace CivicPairing.UnitTests.Spreadsheets;

public class CsvParsing
{
    static IReadOnlyList<IReadOnlyList<string>> Read(string csv, int maxRows = 100) =>
        CsvReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), maxRows);

    [Fact]
    public void ParsesQuotedFieldsWithCommasNewlinesAndDoubledQuotesUsingLfLineEndings() =>
        Assert.Equal<IReadOnlyList<string>>(
            [["a", "b,c", "line1\nline2", "say \"hi\"", ""], ["1", "", "", "", "x"]],
            Read("a,\"b,c\",\"line1\nline2\",\"say \"\"hi\"\"\",\"\"\n1,,,,x"));

    [Fact]
    public void DropsTheTrailingEmptyLineButKeepsBlankLinesInBetween() =>
        Assert.Equal<IReadOnlyList<string>>([["a"], [""], ["b"]], Read("a\r\n\r\nb\r\n\r\n"));

    [Fact]
    public void KeepsAnEmptyQuotedFieldOnTheLastLineWithoutANewline() =>
        Assert.Equal<IReadOnlyList<string>>([["a", "b"], ["", "x"]], Read("a,b\r\n\"\",x"));

    [Fact]
    public void ThrowsOnAQuotedFieldThatIsNeverClosed()
    {
        var error = Assert.Throws<SpreadsheetFormatException>(() => Read("a,b\r\n\"金墩社区,38\r\n"));
        Assert.Contains("Row 2", error.Message);
    }

    [Fact]
    public void ThrowsWhenThereAreMoreRowsThanAllowedCountingTheHeader()
    {
        const string csv = "h\r\n1\r\n2\r\n3\r\n\r\n";

        Assert.Equal(4, Read(csv, maxRows: 4).Count);
        Assert.Throws<SpreadsheetFormatException>(() => Read(csv, maxRows: 3));
    }

    [Theory]
    [InlineData("单位,人数\r\n金墩社区,38\r\n")]
    [InlineData("单位\t人数\r\n金墩社区\t38\r\n")]
    [InlineData("单位;人数\r\n金墩社区;38\r\n")]
    public void DetectsCommaTabOrSemicolonAsTheSeparator(string csv) =>
        Assert.Equal<IReadOnlyList<string>>([["单位", "人数"], ["金墩社区", "38"]], Read(csv));

    [Fact]
    public void KeepsTheOtherSeparatorsInsideAFieldAsText() =>
        Assert.Equal<IReadOnlyList<string>>([["名称", "备注"], ["金墩社区", "a,b"], ["市财政局", "c,d"]], Read("名称;备注\r\n金墩社区;a,b\r\n市财政局;c,d\r\n"));
}
