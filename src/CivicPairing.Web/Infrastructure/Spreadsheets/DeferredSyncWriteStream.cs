namespace CivicPairing.Web.Infrastructure.Spreadsheets;

/// <summary>
/// Lets ZipArchive write to an async-only stream (an ASP.NET Core response body). Even with
/// ZipArchive.CreateAsync / OpenAsync / DisposeAsync, .NET 10's entry stream still disposes synchronously
/// and its DeflateStream writes the final block with a synchronous Write (dotnet/runtime#133347).
/// Those few bytes are held here and sent ahead of the next async write, so order and streaming are kept.
/// </summary>
internal sealed class DeferredSyncWriteStream(Stream inner) : Stream
{
    readonly MemoryStream _pending = new();
    bool _abandoned;

    /// <summary>From now on nothing is written to the inner stream: what was being written failed and must not be completed.</summary>
    public void Abandon()
    {
        _abandoned = true;
        _pending.SetLength(0);
    }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (!_abandoned)
            _pending.Write(buffer);
    }

    public override void Flush() { } // nothing can be sent synchronously; the next async call drains

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_abandoned)
            return;
        await DrainAsync(cancellationToken);
        await inner.WriteAsync(buffer, cancellationToken);
    }

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_abandoned)
            return;
        await DrainAsync(cancellationToken);
        await inner.FlushAsync(cancellationToken);
    }

    async Task DrainAsync(CancellationToken cancellationToken)
    {
        if (_pending.Length == 0)
            return;
        await inner.WriteAsync(_pending.GetBuffer().AsMemory(0, (int)_pending.Length), cancellationToken);
        _pending.SetLength(0);
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _pending.Dispose();
        base.Dispose(disposing);
    }
}
