using CivicPairing.Web.Infrastructure.Spreadsheets;
using System.Text;

namespace CivicPairing.UnitTests.Spreadsheets;

public class CsvEncodingDetection
{
    const string Content = "单位,部门\r\n金墩社区,市财政局𠀀\r\n";
    static readonly IReadOnlyList<IReadOnlyList<string>> Expected = [["单位", "部门"], ["金墩社区", "市财政局𠀀"]];

    [Fact]
    public void DecodesGb18030AsSavedByExcelOnChineseWindows()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gbk = Encoding.GetEncoding("GB18030").GetBytes(Content);
        Assert.False(System.Text.Unicode.Utf8.IsValid(gbk)); // otherwise the test proves nothing

        Assert.Equal(Expected, CsvReader.Read(new MemoryStream(gbk), 10));
    }

    [Fact]
    public void DecodesUtf8WithoutABom() =>
        Assert.Equal(Expected, CsvReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(Content)), 10));

    [Fact]
    public void DecodesUtf8WithABomWithoutLeavingItInTheFirstHeader() =>
        Assert.Equal(Expected, CsvReader.Read(new MemoryStream([.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(Content)]), 10));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void DecodesUtf16WithABomTabSeparatedAsExcelsUnicodeText(bool bigEndian)
    {
        var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: true);
        var bytes = (byte[])[.. encoding.GetPreamble(), .. encoding.GetBytes(Content.Replace(',', '\t'))];

        Assert.Equal(Expected, CsvReader.Read(new MemoryStream(bytes), 10));
    }
}
