using CIGen.Protocol;
using CIGen.Provider.Sdk.Diagnostics;

namespace CIGen.Provider.GitHub.Rendering;

/// <summary>
/// Env values that reference a secret or variable are spelled the GitHub way, whatever the user wrote:
/// <c>${NAME}</c> becomes <c>${{ secrets.NAME }}</c>. Only the reference is written, never a value.
/// </summary>
internal static class EnvValues
{
    public static OrderedDictionary<string, Scalar> Render(OrderedDictionary<string, Scalar> env, OrderedDictionary<string, EnvReference> references)
    {
        if (references.Count == 0)
        {
            return env;
        }

        var rendered = new OrderedDictionary<string, Scalar>(env);
        foreach (var (key, reference) in references)
        {
            if (rendered.ContainsKey(key))
            {
                rendered[key] = Scalar.String(Expression(reference));
            }
        }

        return rendered;
    }

    /// <summary>
    /// GitHub evaluates workflow and job <c>env</c> before any variable exists: the <c>env</c> context is available in
    /// step variables only.
    /// </summary>
    /// <param name="owner">E.g. <c>job `test`</c>.</param>
    public static void RejectEnvContext(
        OrderedDictionary<string, EnvReference> references, string owner, DiagnosticBag diagnostics, SourceLocation source, string workflowId, string? jobId)
    {
        foreach (var (key, reference) in references.Where(r => r.Value.Kind == EnvReferenceKind.Env))
        {
            diagnostics.Error(
                DiagnosticCodes.EnvContext,
                $"variable `{key}` of {owner} references `${{{{ env.{reference.Name} }}}}`, which the github provider cannot express: GitHub "
                + "has the `env` context only in step variables; move the variable to the steps that need it",
                source, workflowId, jobId);
        }
    }

    public static string Expression(EnvReference reference) => reference.Kind switch
    {
        EnvReferenceKind.Secret => $"${{{{ secrets.{reference.Name} }}}}",
        EnvReferenceKind.Variable => $"${{{{ vars.{reference.Name} }}}}",
        _ => $"${{{{ env.{reference.Name} }}}}",
    };
}
