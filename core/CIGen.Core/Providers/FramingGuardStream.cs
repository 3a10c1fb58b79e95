using System.Text;

namespace CIGen.Core.Providers;

/// <summary>
/// Sits between a provider's stdout and the JSON-RPC reader and checks the framing as bytes pass: every message must
/// be <c>Content-Length</c>/<c>Content-Type</c> header lines, a blank line, then exactly that many bytes. Anything
/// else is output that does not belong on the wire (typically a stray print); it is kept for the error message and
/// the stream fails, so the user reads "wrote non-protocol output: …" instead of a framing exception. A message whose
/// <c>Content-Length</c> passes <paramref name="maxMessageBytes"/> fails the stream at its header, before any of its body
/// is buffered, so a provider cannot make the host hold more than the limit.
/// </summary>
internal sealed class FramingGuardStream(Stream inner, long maxMessageBytes) : Stream
{
    private const int MaxHeaderLine = 1024;
    private const int MaxShownBytes = 200;
    private static readonly string[] HeaderNames = ["content-length:", "content-type:"];

    private readonly List<byte> line = [];
    private long? contentLength;
    private long bodyRemaining;

    /// <summary>The first non-protocol output seen, as text; null while the stream is well-formed.</summary>
    public string? StrayOutput { get; private set; }

    /// <summary>The <c>Content-Length</c> of a message over the limit; null while none was announced.</summary>
    public long? OversizedMessage { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ThrowIfStray();
        var count = await inner.ReadAsync(buffer, cancellationToken);
        Inspect(buffer.Span[..count]);
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(Span<byte> buffer)
    {
        ThrowIfStray();
        var count = inner.Read(buffer);
        Inspect(buffer[..count]);
        return count;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Inspect(ReadOnlySpan<byte> bytes)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bodyRemaining > 0)
            {
                var skipped = (int)Math.Min(bodyRemaining, bytes.Length - i);
                bodyRemaining -= skipped;
                i += skipped - 1;
                continue;
            }

            line.Add(bytes[i]);
            if (!CouldBeHeader() || (bytes[i] == '\n' && !AcceptLine()))
            {
                Stray(bytes[(i + 1)..]);
            }
        }
    }

    /// <summary>Whether the partial line read so far can still become a header line (checked byte by byte, so a
    /// print without a newline is caught at once instead of after a timeout).</summary>
    private bool CouldBeHeader()
    {
        if (line.Count > MaxHeaderLine)
        {
            return false;
        }

        if (line.Count <= 2 && (line[0] == '\r' && (line.Count == 1 || line[1] == '\n')))
        {
            return true; // the blank line that ends the headers
        }

        var start = Encoding.ASCII.GetString(line.ToArray(), 0, Math.Min(line.Count, 15)).ToLowerInvariant();
        return HeaderNames.Any(name => name.StartsWith(start, StringComparison.Ordinal) || start.StartsWith(name, StringComparison.Ordinal));
    }

    /// <summary>Handles a complete line; false when it is not a header line this protocol allows.</summary>
    private bool AcceptLine()
    {
        var text = Encoding.ASCII.GetString(line.ToArray());
        line.Clear();
        if (!text.EndsWith("\r\n", StringComparison.Ordinal))
        {
            line.AddRange(Encoding.ASCII.GetBytes(text));
            return false;
        }

        if (text == "\r\n")
        {
            if (contentLength is not { } length)
            {
                line.AddRange(Encoding.ASCII.GetBytes(text));
                return false;
            }

            (bodyRemaining, contentLength) = (length, null);
            return true;
        }

        var colon = text.IndexOf(':');
        if (text[..colon].Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
        {
            if (!long.TryParse(text[(colon + 1)..].Trim(), out var length) || length < 0)
            {
                line.AddRange(Encoding.ASCII.GetBytes(text));
                return false;
            }

            if (length > maxMessageBytes)
            {
                OversizedMessage = length;
                throw new IOException($"The provider announced a message of {length} bytes, over the limit of {maxMessageBytes}.");
            }

            contentLength = length;
        }

        return true;
    }

    private void Stray(ReadOnlySpan<byte> following)
    {
        if (StrayOutput is not null)
        {
            return;
        }

        // The first line of it is what the user needs to recognise the print that caused it.
        var text = Encoding.UTF8.GetString(line.Concat(following.ToArray()).Take(MaxShownBytes).ToArray());
        // A stray line break alone (a print() of nothing, a newline after a message) is shown as such, not as "".
        var firstLine = text.Split('\n')[0].TrimEnd('\r');
        StrayOutput = Generation.MessageText.Escape(firstLine.Trim().Length > 0 ? firstLine : text[..Math.Min(text.Length, 40)]);
        ThrowIfStray();
    }

    private void ThrowIfStray()
    {
        if (StrayOutput is not null || OversizedMessage is not null)
        {
            throw new IOException("The provider broke the framing of its stdout.");
        }
    }
}
