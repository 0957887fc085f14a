// Peak memory of streaming an export (.xlsx through MiniExcel, .csv through CsvHelper) of N generated rows to a sink
// that discards the bytes, as a response body would send them. Run: bash bench/export-memory.sh (each export in its own
// process, so the peak is that export's own). Figures: docs/performance.md, "Export memory".
#:project ../src/CivicPairing.Web/CivicPairing.Web.csproj
#:property Configuration=Release
using System.Diagnostics;
using System.Globalization;
using CivicPairing.Web.Infrastructure.Spreadsheets;

static long StatusMegabytes(string field) => long.Parse(File.ReadAllLines("/proc/self/status").First(l => l.StartsWith(field, StringComparison.Ordinal))
    .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;

var format = args[0];
var rows = int.Parse(args[1], CultureInfo.InvariantCulture);
var sink = new CountingSink();
var clock = Stopwatch.StartNew();
string[] headers = ["日期", "单位", "社区", "类别", "标题", "人数", "时长", "评分", "备注"];
if (format == "xlsx")
    await XlsxWriter.WriteAsync(sink, "活动", headers, Rows(rows));
else
    await CsvWriter.WriteAsync(sink, headers, Rows(rows));
Console.WriteLine($"{format,-4} {rows,9:N0} rows  {sink.Bytes / 1024 / 1024,5} MB written  {clock.Elapsed.TotalSeconds,6:F1} s  peak working set {StatusMegabytes("VmHWM:"),4} MB");

static async IAsyncEnumerable<IReadOnlyList<object?>> Rows(int count)
{
    var start = new DateOnly(2025, 1, 1);
    for (var i = 0; i < count; i++)
    {
        if (i % 1000 == 0)
            await Task.Yield(); // like a database cursor
        yield return [start.AddDays(i % 730), $"市第{i % 5000}单位", $"金墩社区{i % 12000}", "环境整治", $"周六义务劳动 第{i}次 👍 𠀀", 12 + i % 30, 2.5m, i % 5 + 1, i % 7 == 0 ? "=说明" : null];
    }
}

/// <summary>Discards what it is sent, async only like a response body, and counts it.</summary>
sealed class CountingSink : Stream
{
    public long Bytes;
    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Write(byte[] buffer, int offset, int count) => throw new InvalidOperationException("synchronous write");
    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Bytes += buffer.Length;
        return ValueTask.CompletedTask;
    }
    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    public override void Flush() { }
    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
