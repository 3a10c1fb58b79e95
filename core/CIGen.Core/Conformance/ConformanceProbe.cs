using CIGen.Core.Providers;
using CIGen.Protocol;
using CIGen.Provider.Sdk;

namespace CIGen.Core.Conformance;

/// <summary>
/// Drives the provider through the whole contract and records what it does. Four processes, one after the other
/// (never at once: on a busy machine parallel starts would only make the timing rules flaky):
/// <list type="number">
/// <item>the main session: initialize with this cigen's versions, every sample twice, a cancelled request and the
/// request after it, shutdown, stdin closed;</item>
/// <item>a second process: initialize as before, every sample once more (determinism across processes), stdin closed
/// without shutdown;</item>
/// <item>a third process: initialize with a newer host's wider range, which it must accept;</item>
/// <item>a fourth process: initialize with versions nobody speaks yet, which it must refuse.</item>
/// </list>
/// The version offers get processes of their own because a provider that fails one must not fail the other rules too.
/// </summary>
internal static class ConformanceProbe
{
    /// <summary>How far beyond this cigen's newest version the wide offer reaches.</summary>
    private const int NewerVersions = 10;

    /// <summary>How far beyond the newest version the refused offer starts: far enough that no provider speaks it.</summary>
    private const int UnknownVersions = 1000;

    public static async Task<Observations> RunAsync(
        ProviderExecutable provider, IReadOnlyList<SampleProject> samples, ConformanceOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        var calls = new List<ProbeCall>();
        var stdoutProblems = new List<string>();
        var host = ProtocolVersions.Supported;
        var wide = new VersionRange(host.Min, host.Max + NewerVersions);
        var refused = new VersionRange(host.Max + UnknownVersions, host.Max + UnknownVersions + 1);
        var requests = samples.Select(s => s.RequestFor(provider.Name)).ToList();

        ProbeCall<InitializeResult> handshake;
        var first = new List<ProbeCall<GenerateResult>>();
        var repeat = new List<ProbeCall<GenerateResult>>();
        ProbeCall<GenerateResult>? cancelled;
        ProbeCall<GenerateResult> afterCancel;
        ProbeCall<object> shutdown;
        ExitObservation exitAfterShutdown;
        await using (var main = ProbeSession.Start(provider, options, calls, log, cancellationToken))
        {
            handshake = await main.InitializeAsync(host, $"'initialize' offering {host.Describe()}");
            for (var i = 0; i < samples.Count; i++)
            {
                first.Add(await main.GenerateAsync(requests[i], $"'generate' for sample '{samples[i].Name}'"));
            }

            for (var i = 0; i < samples.Count; i++)
            {
                repeat.Add(await main.GenerateAsync(requests[i], $"'generate' for sample '{samples[i].Name}' (again, same process)"));
            }

            (cancelled, afterCancel) = await main.GenerateCancelledAsync(
                requests[0], $"the cancelled 'generate' for sample '{samples[0].Name}'", $"the 'generate' after a cancelled one");
            shutdown = await main.ShutdownAsync("'shutdown'");
            exitAfterShutdown = await main.CloseInputAsync();
            Note(main, "the main session", stdoutProblems);
        }

        var otherProcess = new List<ProbeCall<GenerateResult>>();
        ExitObservation exitWithoutShutdown;
        await using (var second = ProbeSession.Start(provider, options, calls, log, cancellationToken))
        {
            await second.InitializeAsync(host, $"'initialize' offering {host.Describe()} (second process)");
            for (var i = 0; i < samples.Count; i++)
            {
                otherProcess.Add(await second.GenerateAsync(requests[i], $"'generate' for sample '{samples[i].Name}' (second process)"));
            }

            exitWithoutShutdown = await second.CloseInputAsync();
            Note(second, "the second process", stdoutProblems);
        }

        // A provider that lingers after its stdin closed was caught above; waiting for it twice more tells nothing new.
        var shortLived = options with { ExitGrace = exitWithoutShutdown.Exited ? options.ExitGrace : TimeSpan.Zero };
        var wideHandshake = await InitializeOnceAsync(provider, shortLived, calls, log, wide, "the third process", stdoutProblems, cancellationToken);
        var refusal = await InitializeOnceAsync(provider, shortLived, calls, log, refused, "the fourth process", stdoutProblems, cancellationToken);

        return new Observations
        {
            Provider = provider,
            Options = options,
            HostRange = host,
            WideRange = wide,
            RefusedRange = refused,
            Handshake = handshake,
            WideHandshake = wideHandshake,
            Refusal = refusal,
            Runs = [.. samples.Select((s, i) => new SampleRuns(s, requests[i], first[i], repeat[i], otherProcess[i]))],
            Cancelled = cancelled,
            AfterCancel = afterCancel,
            Shutdown = shutdown,
            ExitAfterShutdown = exitAfterShutdown,
            ExitWithoutShutdown = exitWithoutShutdown,
            StdoutProblems = stdoutProblems,
            Calls = calls,
        };
    }

    /// <summary>A process that is only offered <paramref name="offered"/>, then closed.</summary>
    private static async Task<ProbeCall<InitializeResult>> InitializeOnceAsync(
        ProviderExecutable provider,
        ConformanceOptions options,
        List<ProbeCall> calls,
        TextWriter log,
        VersionRange offered,
        string which,
        List<string> stdoutProblems,
        CancellationToken cancellationToken)
    {
        await using var session = ProbeSession.Start(provider, options, calls, log, cancellationToken);
        var answer = await session.InitializeAsync(offered, $"'initialize' offering {offered.Describe()}");
        await session.CloseInputAsync();
        Note(session, which, stdoutProblems);
        return answer;
    }

    private static void Note(ProbeSession session, string which, List<string> stdoutProblems)
    {
        if (session.StdoutProblem is { } problem)
        {
            stdoutProblems.Add($"{which} wrote {problem}");
        }
    }
}
