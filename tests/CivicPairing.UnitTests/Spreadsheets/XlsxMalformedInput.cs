using CivicPairing.Web.Infrastructure.Spreadsheets;
using System.IO.Compression;
using System.Text;

namespace CivicPairing.UnitTests.Spreadsheets;

public class XlsxMalformedInput
{
    [Fact]
    public void ThrowsForBytesThatAreNotAZip()
    {
        using var file = new MemoryStream(Encoding.UTF8.GetBytes("单位,人数\r\n金墩社区,38\r\n"));

        Assert.Throws<SpreadsheetFormatException>(() => XlsxReader.ReadFirstSheet(file, 10));
    }

    [Fact]
    public void ThrowsForAZipThatIsNotAWorkbook()
    {
        using var file = ZipFixture.Create(("readme.txt", "hello"));

        Assert.Throws<SpreadsheetFormatException>(() => XlsxReader.ReadFirstSheet(file, 10));
    }

    [Fact]
    public void ThrowsForAWorksheetThatIsNotWellFormedXml()
    {
        using var file = ZipFixture.Create(
            ("_rels/.rels", ZipFixture.RootRels),
            ("xl/workbook.xml", ZipFixture.OneSheetWorkbook),
            ("xl/_rels/workbook.xml.rels", ZipFixture.OneSheetWorkbookRels),
            ("xl/worksheets/sheet1.xml", "<worksheet><sheetData><row>"));

        Assert.Throws<SpreadsheetFormatException>(() => XlsxReader.ReadFirstSheet(file, 10));
    }

    [Fact]
    public async Task ThrowsWhenTheSheetHasMoreRowsThanAllowedCountingTheHeader()
    {
        using var file = new MemoryStream();
        await XlsxWriter.WriteAsync(file, "S", ["序号"], Rows.Of([1], [2], [3]));

        file.Position = 0;
        Assert.Equal(4, XlsxReader.ReadFirstSheet(file, maxRows: 4).Count);
        file.Position = 0;
        var error = Assert.Throws<SpreadsheetFormatException>(() => XlsxReader.ReadFirstSheet(file, maxRows: 3));
        Assert.Contains("more than 3 rows", error.Message);
    }

    [Fact]
    public void RefusesAPartLargerThan50MegabytesUncompressed()
    {
        var padding = new string(' ', 51 * 1024 * 1024);
        using var file = ZipFixture.Create(
            ("_rels/.rels", ZipFixture.RootRels),
            ("xl/workbook.xml", ZipFixture.OneSheetWorkbook),
            ("xl/_rels/workbook.xml.rels", ZipFixture.OneSheetWorkbookRels),
            ("xl/worksheets/sheet1.xml", $"<worksheet>{padding}</worksheet>"));
        Assert.True(file.Length < 1024 * 1024); // the bomb is small on the wire

        var error = Assert.Throws<SpreadsheetFormatException>(() => XlsxReader.ReadFirstSheet(file, 10));
        Assert.Contains("50 MB", error.Message);
    }
}
