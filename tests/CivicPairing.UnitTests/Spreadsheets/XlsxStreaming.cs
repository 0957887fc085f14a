using CivicPairing.Web.Infrastructure.Spreadsheets;
namespace CivicPairing.UnitTests.Spreadsheets;

public class XlsxStreaming
{
    [Fact]
    public async Task WritesToANonSeekableStreamThatForbidsSynchronousWrites()
    {
        var response = new AsyncOnlyStream();
        var rows = Enumerable.Range(1, 5_000).Select(i => (IReadOnlyList<object?>)[$"社区{i}", i, i * 1.25m]).ToArray();

        await XlsxWriter.WriteAsync(response, "导出", ["名称", "序号", "金额"], Rows.Of(rows));

        var read = XlsxReader.ReadFirstSheet(new MemoryStream(response.ToArray()), maxRows: 10_000);
        Assert.Equal(5_001, read.Count);
        Assert.Equal(["社区5000", "5000", "6250"], read[^1]);
    }

    [Fact]
    public async Task SendsBytesToTheClientWhileRowsAreStillBeingProduced()
    {
        var response = new AsyncOnlyStream();
        long receivedBeforeLastRow = -1;

        await XlsxWriter.WriteAsync(response, "导出", ["名称", "说明"], Produce());

        Assert.True(receivedBeforeLastRow > 100_000, $"only {receivedBeforeLastRow} bytes were sent before the last row");

        async IAsyncEnumerable<IReadOnlyList<object?>> Produce()
        {
            for (var i = 0; i < 50_000; i++)
            {
                await Task.Yield();
                yield return [$"社区{i}", Guid.NewGuid().ToString()]; // random text so compression cannot hide the volume
            }
            receivedBeforeLastRow = response.BytesReceived;
        }
    }
}
