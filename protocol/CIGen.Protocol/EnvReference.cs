namespace CIGen.Protocol;

/// <summary>The kinds of <see cref="EnvReference"/>.</summary>
public static class EnvReferenceKind
{
    /// <summary><c>${{ secrets.NAME }}</c> or <c>${NAME}</c>: a CI secret, never a value in the config.</summary>
    public const string Secret = "secret";

    /// <summary><c>${{ vars.NAME }}</c>: a CI configuration variable.</summary>
    public const string Variable = "var";

    /// <summary><c>${{ env.NAME }}</c>: another environment variable of the run.</summary>
    public const string Env = "env";
}

/// <summary>
/// An env value that is exactly a reference to a secret or variable held by the CI platform. The core recognises the
/// spellings once, so every provider maps the same fact to its own mechanism; the env map keeps the text as written.
/// </summary>
/// <param name="Kind">One of <see cref="EnvReferenceKind"/>.</param>
/// <param name="Name">The referenced secret or variable, e.g. <c>NPM_TOKEN</c>.</param>
public sealed record EnvReference(string Kind, string Name);
