using CivicPairing.Web.Infrastructure.Spreadsheets;
using System.IO.Compression;
using System.Xml;

namespace CivicPairing.UnitTests.Spreadsheets;

public class XlsxPackage
{
    const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    [Fact]
    public async Task WritesSeveralSheetsInOrderWithValidUniqueTabNames()
    {
        using var file = new MemoryStream();
        await XlsxWriter.WriteAsync(file,
        [
            new XlsxSheet("考核排名", ["名次", "单位"], Rows.Of([1, "市司法局"], [2, "市财政局"])),
            new XlsxSheet("经常性（20分）", ["单位", "结对月"], Rows.Of(["市司法局", 11])),
            new XlsxSheet("扣分", ["单位"], Rows.Of()),
            new XlsxSheet("扣分", ["单位"], Rows.Of(["市财政局"])),
            new XlsxSheet("a/b:c?", ["x"], Rows.Of()),
        ]);

        file.Position = 0;
        var sheets = XlsxReader.ReadAllSheets(file, 100);
        Assert.Equal(["考核排名", "经常性（20分）", "扣分", "扣分 (2)", "a_b_c_"], sheets.Select(s => s.Name));
        Assert.Equal(["2", "市财政局"], sheets[0].Rows[2]);
        Assert.Equal(["市司法局", "11"], sheets[1].Rows[1]);
        Assert.Single(sheets[2].Rows);
        Assert.Equal(["市财政局"], sheets[3].Rows[1]);
        file.Position = 0;
        Assert.Equal(sheets[0].Rows, XlsxReader.ReadFirstSheet(file, 100));
    }

    [Theory]
    [InlineData("2024/25 [季度]: a*b?c\\d", "2024_25 _季度__ a_b_c_d")]
    [InlineData("一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五", "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一")]
    [InlineData("'quoted'", "quoted")]
    [InlineData("  ", "Sheet1")]
    public async Task NamesTheSheetWithinExcelsRules(string requested, string expected)
    {
        using var file = new MemoryStream();
        await XlsxWriter.WriteAsync(file, requested, ["A"], Rows.Of());

        file.Position = 0;
        using var archive = new ZipArchive(file, ZipArchiveMode.Read);
        var workbook = Load(archive.GetEntry("xl/workbook.xml")!);
        var name = workbook.GetElementsByTagName("sheet", Main)[0]!.Attributes!["name"]!.Value;

        Assert.Equal(expected, name);
        Assert.True(name.Length <= 31);
    }

    static XmlDocument Load(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        var document = new XmlDocument();
        document.Load(stream); // throws XmlException unless well-formed
        return document;
    }
}
