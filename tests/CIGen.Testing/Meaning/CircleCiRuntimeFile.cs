namespace CIGen.Testing.Meaning;

/// <summary>
/// Tests run CircleCI steps outside CircleCI with <c>/tmp/cigen/</c>, where the steps keep their values, moved to a
/// directory of the test's own (tests run in parallel). The command <c>cigen_runtime</c> runs cigen's runtime file from
/// the checkout (<c>bash .circleci/cigen-runtime.sh</c>), whose text names <c>/tmp/cigen/</c> too: a run of that command
/// runs a copy of the file with the same directory moved.
/// </summary>
public static class CircleCiRuntimeFile
{
    /// <summary>The command's run step, for the config at its default path.</summary>
    public const string Use = "bash .circleci/cigen-runtime.sh";

    /// <summary>
    /// <paramref name="command"/> with <c>/tmp/cigen/</c> moved to <paramref name="state"/>; the use of the runtime file
    /// becomes a use of a moved copy of <paramref name="runtime"/> (the file's text) in <paramref name="state"/>.
    /// </summary>
    public static string Moved(string command, string runtime, string state)
    {
        var moved = command.Replace("/tmp/cigen/", state + "/", StringComparison.Ordinal);
        if (moved.Trim() != Use)
        {
            return moved;
        }

        var copy = Path.Combine(state, "cigen-runtime.sh");
        File.WriteAllText(copy, runtime.Replace("/tmp/cigen/", state + "/", StringComparison.Ordinal));
        return $"bash '{copy}'";
    }
}
