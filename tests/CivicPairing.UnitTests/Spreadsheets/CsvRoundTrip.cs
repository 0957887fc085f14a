using CivicPairing.Web.Infrastructure.Spreadsheets;
using System.Globalization;
using System.Text;

namespace CivicPairing.UnitTests.Spreadsheets;

public class CsvRoundTrip
{
    [Fact]
    public async Task ReadsBackChineseTextNumbersDatesAndAwkwardStringsWrittenByTheWriter()
    {
        using var file = new MemoryStream();
        await CsvWriter.WriteAsync(file, ["单位", "人数", "金额", "日期", "备注"], Rows.Of(
            ["金墩社区", 38, 58490.00m, new DateOnly(2025, 3, 1), null],
            ["市财政局", 1234567890123L, 1.5, new DateTime(2024, 12, 31), "含,逗号 \"引号\"\r\n第二行\n第三行"],
            [true, -7, null, new DateTime(2025, 3, 1, 18, 30, 0), ""]));

        file.Position = 0;
        var rows = CsvReader.Read(file, maxRows: 10);

        Assert.Equal<IReadOnlyList<string>>(
        [
            ["单位", "人数", "金额", "日期", "备注"],
            ["金墩社区", "38", "58490.00", "2025-03-01", ""],
            ["市财政局", "1234567890123", "1.5", "2024-12-31", "含,逗号 \"引号\"\r\n第二行\n第三行"],
            ["TRUE", "-7", "", "2025-03-01 18:30:00", ""],
        ], rows);
    }

    [Fact]
    public async Task WritesUtf8WithBomCrlfAndInvariantNumbersWhateverTheServerCulture()
    {
        var original = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("de-DE"); // decimal comma, dd.MM.yyyy
        try
        {
            using var file = new MemoryStream();
            await CsvWriter.WriteAsync(file, ["名称", "金额", "日期"], Rows.Of(["金墩社区", 1.5m, new DateOnly(2025, 3, 1)]));

            var bytes = file.ToArray();
            Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
            Assert.Equal("名称,金额,日期\r\n金墩社区,1.5,2025-03-01\r\n", Encoding.UTF8.GetString(bytes[3..]));
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }

    [Fact]
    public async Task WritesToANonSeekableStreamThatForbidsSynchronousWrites()
    {
        var response = new AsyncOnlyStream();

        await CsvWriter.WriteAsync(response, ["单位"], Rows.Of(["市财政局"]));

        Assert.Equal("\uFEFF单位\r\n市财政局\r\n", Encoding.UTF8.GetString(response.ToArray()));
    }

    [Fact]
    public async Task KeepsEmojiAndExtensionBCharactersAcrossTheWritersBuffer()
    {
        var rows = Enumerable.Range(1, 3000).Select(i => (IReadOnlyList<object?>)[i, $"活动{i} 👍 𠀀𡈼"]).ToArray();
        using var file = new MemoryStream();
        await CsvWriter.WriteAsync(file, ["#", "标题𠀀"], Rows.Of(rows));

        file.Position = 0;
        var read = CsvReader.Read(file, maxRows: 4000);

        Assert.Equal(["#", "标题𠀀"], read[0]);
        Assert.Equal(3001, read.Count);
        Assert.All(read.Skip(1), r => Assert.EndsWith(" 👍 𠀀𡈼", r[1], StringComparison.Ordinal));
    }
}
