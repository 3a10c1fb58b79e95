using CIGen.Protocol;

namespace CIGen.Provider.GitHub.Rendering;

/// <summary>
/// The standard setup action of each package, with the version the config asks for, else the version file the core
/// found (a path from the repository root, as the actions' version-file inputs take it), else the core's
/// <see cref="PackageUse.SetupVersion"/> (the manifest's lowest version or the core's default), which every provider
/// sets up alike; GitHub's own defaults (<c>3.x</c>, <c>stable</c>) are never used, as no CircleCI image has them.
/// </summary>
internal static class SetupActions
{
    public const string Node = "actions/setup-node@v4";
    public const string Ruby = "ruby/setup-ruby@v1";
    public const string Python = "actions/setup-python@v5";
    public const string Go = "actions/setup-go@v5";
    public const string Dotnet = "actions/setup-dotnet@v4";

    /// <summary>The files setup-ruby reads by itself when it gets no <c>ruby-version</c>.</summary>
    private static readonly string[] RubyDefaultFiles = [".ruby-version", ".tool-versions"];

    /// <summary>The packages this provider knows; the core knows the same ones, a third-party host might send others.</summary>
    public static bool Knows(string name) => name is "node" or "ruby" or "python" or "go" or "dotnet" or "rust";

    /// <returns>The action and its inputs; null when nothing is needed (rust: rustup is on the runner) or the package is unknown.</returns>
    public static (string Uses, OrderedDictionary<string, Scalar> With)? For(PackageUse package) => package.Name switch
    {
        "node" => (Node, Input(package, "node-version", "node-version-file")),
        "ruby" => (Ruby, RubyInputs(package)),
        "python" => (Python, Input(package, "python-version", "python-version-file")),
        "go" => (Go, GoInputs(package)),
        "dotnet" when package.VersionFile is not null || package.SetupVersion is not null => (Dotnet, Input(package, "dotnet-version", "global-json-file")),
        _ => null,
    };

    /// <summary>
    /// setup-go caches modules and the build cache by default, keyed on go.sum; cigen's own <c>go</c> cache holds the
    /// same directories, and two caches restoring them collide (tar: "File exists"). setup-node and setup-python cache
    /// nothing unless asked (<c>cache:</c>), so they need no such input.
    /// </summary>
    private static OrderedDictionary<string, Scalar> GoInputs(PackageUse package)
    {
        var with = Input(package, "go-version", "go-version-file");
        with.Add("cache", Scalar.Boolean(false));
        return with;
    }

    /// <summary>
    /// A version file the action reads itself is passed as the file (the core read the same version from it); otherwise
    /// the core's setup version, which is the config's version when there is one.
    /// </summary>
    private static OrderedDictionary<string, Scalar> Input(PackageUse package, string versionInput, string fileInput)
    {
        var with = new OrderedDictionary<string, Scalar>();
        if (package.Version is null && package.VersionFile is { } file)
        {
            with.Add(fileInput, Scalar.String(file));
        }
        else if (package.SetupVersion is { } setup)
        {
            with.Add(versionInput, Scalar.String(setup));
        }

        return with;
    }

    /// <summary>
    /// setup-ruby has no version-file input: without <c>ruby-version</c> it reads <c>.ruby-version</c> or
    /// <c>.tool-versions</c> in its <c>working-directory</c> (the package's directory, where it also finds the
    /// Gemfile); another version file's content, read by the core at generate time, is passed as the version.
    /// </summary>
    private static OrderedDictionary<string, Scalar> RubyInputs(PackageUse package)
    {
        var with = new OrderedDictionary<string, Scalar>();
        var readsItself = RubyDefaultFiles.Select(name => package.Directory is null ? name : $"{package.Directory}/{name}");
        var version = package.Version is null && package.VersionFile is { } file && readsItself.Contains(file) ? null : package.SetupVersion;
        if (version is not null)
        {
            with.Add("ruby-version", Scalar.String(version));
        }

        if (package.Directory is { } directory)
        {
            with.Add("working-directory", Scalar.String(directory));
        }

        return with;
    }
}
