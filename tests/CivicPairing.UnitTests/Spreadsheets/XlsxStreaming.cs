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

    [Fact]
    public async Task AFailingRowSourceLeavesNoFileThatLooksComplete()
    {
        var response = new AsyncOnlyStream();

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => XlsxWriter.WriteAsync(response, "导出", ["名称", "说明"], FailAfter(20_000)));

        Assert.Equal("the database went away", failure.Message);
        Assert.True(response.BytesReceived > 10_000, $"only {response.BytesReceived} bytes were sent before the failure"); // it really was streaming
        // The end of central directory record (PK 5 6) is what makes a zip whole; it must never be sent for a failed workbook.
        Assert.Equal(-1, response.ToArray().AsSpan().IndexOf("PK\x05\x06"u8));
        Assert.ThrowsAny<Exception>(() => XlsxReader.ReadFirstSheet(new MemoryStream(response.ToArray()), maxRows: 100_000));

        static async IAsyncEnumerable<IReadOnlyList<object?>> FailAfter(int rows)
        {
            for (var i = 0; i < rows; i++)
            {
                await Task.Yield();
                yield return [$"社区{i}", Guid.NewGuid().ToString()];
            }
            throw new InvalidOperationException("the database went away");
        }
    }
}
