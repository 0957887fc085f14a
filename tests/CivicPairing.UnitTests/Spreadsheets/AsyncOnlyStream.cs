using CivicPairing.Web.Infrastructure.Spreadsheets;
namespace CivicPairing.UnitTests.Spreadsheets;

/// <summary>Behaves like Kestrel's response body: write-only, non-seekable, and synchronous I/O throws.</summary>
internal sealed class AsyncOnlyStream : Stream
{
    readonly MemoryStream _written = new();

    public byte[] ToArray() => _written.ToArray();

    public long BytesReceived => _written.Length;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => throw SyncDisallowed();
    public override void Write(ReadOnlySpan<byte> buffer) => throw SyncDisallowed();
    public override void WriteByte(byte value) => throw SyncDisallowed();
    public override void Flush() => throw SyncDisallowed();

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        _written.Write(buffer.Span);
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    static InvalidOperationException SyncDisallowed() =>
        new("Synchronous operations are disallowed. Call WriteAsync or set AllowSynchronousIO to true instead.");
}
