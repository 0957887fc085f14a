using CivicPairing.Web.Infrastructure.Spreadsheets;

namespace CivicPairing.UnitTests.Spreadsheets;

/// <summary>
/// Files LibreOffice wrote (Fixtures/make.sh) from one table: a merged title row, a blank row, the header, dates in
/// date-formatted cells, phone numbers stored as text, names with emoji and CJK Extension B characters, and Chinese
/// unit and community names. Every format must read to the same rows.
/// </summary>
public class Fixtures
{
    // Written out by hand from Fixtures/units.fods, not copied from any reader's output.
    static readonly string[][] Expected =
    [
        ["2026年结对单位名册（市文明办）"],
        [],
        ["单位名称", "类别", "职工人数", "成立日期", "联系电话", "结对社区"],
        ["市财政局", "党政机关", "120", "2001-03-15", "08517654321", "金墩社区"],
        ["𠀀𪚥志愿服务队", "社会组织", "8", "2019-11-02", "0013800138000", "状元府社区"],
        [],
        ["👍文明实践站", "事业单位", "35", "2024-02-29", "010", "南腰村"],
        ["淮文外国语学校", "学校", "98", "1998-09-01", "12345", "双桥村 😀"],
    ];

    internal static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Spreadsheets", "Fixtures", name);

    // CSV keeps the empty cells of a row; a workbook does not store them. The content is what must agree.
    internal static string[][] Trimmed(IReadOnlyList<IReadOnlyList<string>> rows) =>
        [.. rows.Select(r => r.Take(r.ToList().FindLastIndex(c => c.Length > 0) + 1).ToArray())];

    [Theory]
    [InlineData("units.xlsx")]
    [InlineData("units-1904.xlsx")] // the 1904 date system: the same dates, from serial numbers 1,462 days smaller
    public void ReadsTheWorkbookWithRealDates(string file)
    {
        using var stream = File.OpenRead(PathOf(file));
        Assert.Equal(Expected, Trimmed(XlsxReader.ReadFirstSheet(stream, 100)));
    }

    [Fact]
    public void ReadsTheLegacyXlsWorkbook()
    {
        using var stream = File.OpenRead(PathOf("units.xls"));
        Assert.Equal(Expected, Trimmed(XlsReader.ReadFirstSheet(stream, 100)));
    }

    [Theory]
    [InlineData("units-utf8.csv")]
    [InlineData("units-utf8-bom.csv")]
    [InlineData("units-gb18030.csv")]
    [InlineData("units-utf16-tab.csv")] // Excel's "Unicode text"
    public void ReadsTheTextFileInItsEncodingAndSeparator(string file)
    {
        using var stream = File.OpenRead(PathOf(file));
        Assert.Equal(Expected, Trimmed(CsvReader.Read(stream, 100)));
    }

    [Fact]
    public void TheFixturesAreWhatTheirNamesSay()
    {
        var gb = File.ReadAllBytes(PathOf("units-gb18030.csv"));
        Assert.False(System.Text.Unicode.Utf8.IsValid(gb));
        Assert.Equal([0xFF, 0xFE], File.ReadAllBytes(PathOf("units-utf16-tab.csv"))[..2]);
        Assert.Equal([0xEF, 0xBB, 0xBF], File.ReadAllBytes(PathOf("units-utf8-bom.csv"))[..3]);
        Assert.Equal([0xD0, 0xCF, 0x11, 0xE0], File.ReadAllBytes(PathOf("units.xls"))[..4]);
    }

    [Theory]
    [InlineData("xlsx")]
    [InlineData("csv")]
    public async Task AnExportOfTheRowsImportsAsTheSameRows(string format)
    {
        using var source = File.OpenRead(PathOf("units.xlsx"));
        var read = XlsxReader.ReadFirstSheet(source, 100);
        var header = read[2];
        var data = read.Skip(3).Where(r => r.Count > 0)
            .Select(r => (IReadOnlyList<object?>)[r[0], r[1], int.Parse(r[2]), DateOnly.Parse(r[3]), r[4], r[5]]).ToArray();

        using var file = new MemoryStream();
        if (format == "xlsx")
            await XlsxWriter.WriteAsync(file, "结对单位", header, Rows.Of(data));
        else
            await CsvWriter.WriteAsync(file, header, Rows.Of(data));
        file.Position = 0;
        var again = format == "xlsx" ? XlsxReader.ReadFirstSheet(file, 100) : CsvReader.Read(file, 100);

        Assert.Equal(Expected.Skip(2).Where(r => r.Length > 0), Trimmed(again));
    }
}
