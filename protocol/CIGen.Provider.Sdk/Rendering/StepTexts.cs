using CIGen.Protocol;

namespace CIGen.Provider.Sdk.Rendering;

/// <summary>
/// The texts of a step that reach what it runs and may hold <c>${{ }}</c> expressions, whatever its kind: a script and its
/// working directory, an action's inputs, the variables. One list, so a check of references (matrix values, the ref)
/// misses no field a new step kind brings.
/// </summary>
public static class StepTexts
{
    public static IEnumerable<string?> Of(Step step)
    {
        switch (step)
        {
            case RunStep run:
                yield return run.Run;
                yield return run.WorkingDirectory;
                break;
            case UsesStep uses:
                foreach (var value in uses.With.Values)
                {
                    yield return value.Text;
                }

                break;
        }

        foreach (var value in step.Env.Values)
        {
            yield return value.Text;
        }
    }
}
