namespace CIGen.Core.Providers;

/// <summary>
/// Copies a provider's stderr, line by line, to cigen's stderr with a <c>[name] </c> prefix, and keeps the last lines
/// for error messages. It always drains: a provider blocked on a full stderr pipe would look like a hang.
/// </summary>
internal sealed class StderrPump
{
    public const int TailLength = 20;

    private readonly Queue<string> tail = new();
    private readonly Lock gate = new();

    public StderrPump(TextReader source, string providerName, TextWriter sink)
    {
        Completion = Task.Run(async () =>
        {
            try
            {
                while (await source.ReadLineAsync() is { } line)
                {
                    lock (gate)
                    {
                        tail.Enqueue(line);
                        if (tail.Count > TailLength)
                        {
                            tail.Dequeue();
                        }
                    }

                    sink.WriteLine($"[{providerName}] {line}");
                }
            }
            catch (Exception exception) when (exception is IOException or ObjectDisposedException)
            {
                // The pipe went away with the process; what was read is kept.
            }
        });
    }

    /// <summary>Completes when the provider's stderr is closed.</summary>
    public Task Completion { get; }

    public IReadOnlyList<string> Tail
    {
        get
        {
            lock (gate)
            {
                return tail.ToList();
            }
        }
    }
}
