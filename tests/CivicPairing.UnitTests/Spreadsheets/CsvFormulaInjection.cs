using CivicPairing.Web.Infrastructure.Spreadsheets;
using System.Text;

namespace CivicPairing.UnitTests.Spreadsheets;

public class CsvFormulaInjection
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\",\"点我\")")]
    [InlineData("+1+1")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1)")]
    [InlineData("\t=1")]
    [InlineData("\r=1")]
    public async Task PrefixesStringsThatASpreadsheetWouldEvaluateWithAnApostropheAndTheImportTakesItOff(string dangerous)
    {
        using var file = new MemoryStream();
        await CsvWriter.WriteAsync(file, ["备注"], Rows.Of([dangerous]));

        Assert.Contains("'" + dangerous.Replace("\"", "\"\"", StringComparison.Ordinal), Encoding.UTF8.GetString(file.ToArray()), StringComparison.Ordinal);
        file.Position = 0;
        Assert.Equal(dangerous, CsvReader.Read(file, 10)[1][0]);
    }

    [Fact]
    public async Task LeavesNegativeNumbersAndHarmlessStringsAlone()
    {
        using var file = new MemoryStream();
        await CsvWriter.WriteAsync(file, ["a", "b", "c", "d"], Rows.Of([-5, -1.25m, -0.5, "金额=100"]));

        Assert.EndsWith("\r\n-5,-1.25,-0.5,金额=100\r\n", Encoding.UTF8.GetString(file.ToArray()));
    }
}
