using CivicPairing.Web.Infrastructure.Spreadsheets;
namespace CivicPairing.UnitTests.Spreadsheets;

public class XlsxRoundTrip
{
    [Fact]
    public async Task ReadsBackChineseTextNumbersAndDatesWrittenByTheWriter()
    {
        using var file = new MemoryStream();
        await XlsxWriter.WriteAsync(file, "匹配结果", ["单位", "人数", "金额", "日期"], Rows.Of(
            ["金墩社区", 38, 58490.00m, new DateOnly(2025, 3, 1)],
            ["市财政局", 1234567890123L, 1.5, new DateTime(2024, 12, 31)],
            ["夜班", -7, 0.1 + 0.2, new DateTime(2025, 3, 1, 18, 0, 0)]));

        file.Position = 0;
        var rows = XlsxReader.ReadFirstSheet(file, maxRows: 10);

        Assert.Equal<IReadOnlyList<string>>(
        [
            ["单位", "人数", "金额", "日期"],
            ["金墩社区", "38", "58490", "45717"], // dates read back as Excel serial numbers
            ["市财政局", "1234567890123", "1.5", "45657"],
            ["夜班", "-7", "0.3", "45717.75"],
        ], rows);
    }

    [Fact]
    public async Task KeepsCommasQuotesNewlinesBooleansAndEmptyCellsInPlace()
    {
        using var file = new MemoryStream();
        await XlsxWriter.WriteAsync(file, "Sheet", ["A", "B", "C", "D", "E"], Rows.Of(
            [true, null, "含,逗号 \"引号\"\r\n第二行", null, "  spaced  "],
            [],
            [null, null, "_x0041_ stays literal", false]));

        file.Position = 0;
        var rows = XlsxReader.ReadFirstSheet(file, maxRows: 10);

        Assert.Equal<IReadOnlyList<string>>(
        [
            ["A", "B", "C", "D", "E"],
            ["TRUE", "", "含,逗号 \"引号\"\r\n第二行", "", "  spaced  "],
            [],
            ["", "", "_x0041_ stays literal", "FALSE"],
        ], rows);
    }

    [Fact]
    public async Task DropsCharactersThatXmlCannotCarryButKeepsEmoji()
    {
        using var file = new MemoryStream();
        await XlsxWriter.WriteAsync(file, "S", ["h\u0001eader"], Rows.Of(["a\u0000b\u001Fc\uD800d 👍"]));

        file.Position = 0;
        var rows = XlsxReader.ReadFirstSheet(file, maxRows: 10);

        Assert.Equal<IReadOnlyList<string>>([["header"], ["abcd 👍"]], rows);
    }
}
