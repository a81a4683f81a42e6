using Microsoft.AspNetCore.Connections;

namespace QaBot.Host.Web;

/// <summary>
/// The request body as the endpoints read it, with Kestrel's read failures that are the client's fault but come out as a
/// plain <see cref="IOException"/> (a chunk size that overflows: "Bad chunk size data") turned into a 400
/// <see cref="BadHttpRequestException"/>, as every other malformed body already is. A reset connection stays what it is.
/// </summary>
internal sealed class ClientBodyStream(Stream inner) : Stream
{
    public override bool CanRead => inner.CanRead;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        try
        {
            return inner.Read(buffer, offset, count);
        }
        catch (IOException ex) when (IsMalformed(ex))
        {
            throw Malformed(ex);
        }
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            return await inner.ReadAsync(buffer, cancellationToken);
        }
        catch (IOException ex) when (IsMalformed(ex))
        {
            throw Malformed(ex);
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private static bool IsMalformed(IOException ex) => ex is not BadHttpRequestException and not ConnectionResetException;

    private static BadHttpRequestException Malformed(IOException ex) =>
        new("The request body is malformed.", StatusCodes.Status400BadRequest, ex);
}
