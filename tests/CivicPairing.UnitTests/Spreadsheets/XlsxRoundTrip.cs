using CivicPairing.Web.Infrastructure.Spreadsheets;
namespace CivicPairing.UnitTests.Spreadsheets;

public class XlsxRoundTrip
{
    [Fact]
    public async Task ReadsBackChineseTextNumbersAndRealDatesWrittenByTheWriter()
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
            ["金墩社区", "38", "58490", "2025-03-01"], // a date-formatted cell reads as a date, not a serial number
            ["市财政局", "1234567890123", "1.5", "2024-12-31"],
            ["夜班", "-7", "0.3", "2025-03-01 18:00:00"],
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
            ["TRUE", "", "含,逗号 \"引号\"\n第二行", "", "  spaced  "], // a cell's line break is LF, as Excel stores it
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

    // Before any character had to be dropped, a pair's low half was dropped on its own and the high half left alone:
    // the XML writer then threw mid-stream and the download stopped after a few kilobytes.
    [Theory]
    [InlineData("👍")]
    [InlineData("𠀀𡈼")]
    [InlineData("张𠀀三")]
    [InlineData("清理楼道👍")]
    [InlineData("🇨🇳 国旗 𡈼 末尾的表情😀")]
    public async Task KeepsCharactersOutsideTheBasicPlaneWhole(string text)
    {
        using var file = new MemoryStream();
        await XlsxWriter.WriteAsync(file, "S", [text, "说明"], Rows.Of([text, "after " + text], [1, text]));

        file.Position = 0;
        var rows = XlsxReader.ReadFirstSheet(file, maxRows: 10);

        Assert.Equal<IReadOnlyList<string>>([[text, "说明"], [text, "after " + text], ["1", text]], rows);
    }

    [Theory]
    [InlineData("a\\uD800b", "ab")]
    [InlineData("\\uDC00x", "x")]
    [InlineData("x\\uD83D", "x")]
    [InlineData("\\uDC00\\uD800", "")]
    [InlineData("👍\\uD800👍", "👍👍")]
    [InlineData("𠀀\\uDC00𡈼\\u0001", "𠀀𡈼")]
    public void DropsLoneSurrogatesAndKeepsPairs(string escaped, string expected) =>
        Assert.Equal(expected, TabularValue.CellSafe(System.Text.RegularExpressions.Regex.Unescape(escaped)));

    // An .xlsx cell is typed: text stays text, shown as written and never run as a formula (only untyped CSV is defused).
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\",\"点我\")")]
    [InlineData("+1+1")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1)")]
    [InlineData("\t=1")]
    public async Task StoresFormulaLikeTextAsTextThatNothingRuns(string dangerous)
    {
        using var file = new MemoryStream();
        await XlsxWriter.WriteAsync(file, "S", ["备注"], Rows.Of([dangerous], [-5]));

        var xml = SheetXml(file);
        Assert.DoesNotMatch("<(x:)?f[ >]", xml);
        Assert.Contains("inlineStr", xml, StringComparison.Ordinal);
        file.Position = 0;
        Assert.Equal<IReadOnlyList<string>>([["备注"], [dangerous], ["-5"]], XlsxReader.ReadFirstSheet(file, 10));
    }

    // LibreOffice and WPS show an escaped half of a pair (_xD83D_) as those characters: the file must carry the character.
    [Fact]
    public async Task WritesEmojiAndExtensionBCharactersAsThemselves()
    {
        using var file = new MemoryStream();
        await XlsxWriter.WriteAsync(file, "S", ["标题"], Rows.Of(["清理楼道👍 𠀀𡈼"]));

        var xml = SheetXml(file);
        Assert.Contains("清理楼道👍 𠀀𡈼", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("_xD8", xml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TitlesAreBoldAndFrozenAboveTheRows()
    {
        using var file = new MemoryStream();
        await XlsxWriter.WriteAsync(file, [new XlsxSheet("S", ["单位", "得分"], Rows.Of(["市财政局", 91.5m]), Title: "2025年度排名")]);

        var xml = SheetXml(file);
        Assert.Matches("ySplit=\"2\"", xml);
        file.Position = 0;
        using var archive = new System.IO.Compression.ZipArchive(file, System.IO.Compression.ZipArchiveMode.Read, leaveOpen: true);
        var styles = new StreamReader(archive.GetEntry("xl/styles.xml")!.Open()).ReadToEnd();
        Assert.Contains("<b", styles, StringComparison.Ordinal);
    }

    static string SheetXml(MemoryStream file)
    {
        file.Position = 0;
        using var archive = new System.IO.Compression.ZipArchive(file, System.IO.Compression.ZipArchiveMode.Read, leaveOpen: true);
        return string.Concat(archive.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal))
            .Select(e => new StreamReader(e.Open()).ReadToEnd()));
    }

    [Fact]
    public async Task ALongListWithEmojiInEveryRowIsWrittenToTheEnd()
    {
        var rows = Enumerable.Range(1, 2000).Select(i => (IReadOnlyList<object?>)[i, $"活动{i} 👍 𠀀𡈼"]).ToArray();
        using var file = new MemoryStream();
        await XlsxWriter.WriteAsync(file, "S", ["#", "标题"], Rows.Of(rows));

        file.Position = 0;
        var read = XlsxReader.ReadFirstSheet(file, maxRows: 3000);

        Assert.Equal(2001, read.Count);
        Assert.Equal(["2000", "活动2000 👍 𠀀𡈼"], read[^1]);
    }
}
