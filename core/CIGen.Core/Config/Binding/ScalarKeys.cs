namespace CIGen.Core.Config.Binding;

/// <summary>What the keys of a mapping of names to scalars stand for, which decides the names it accepts.</summary>
internal enum ScalarKeys
{
    /// <summary>Any name: matrix axes, action inputs.</summary>
    Names,

    /// <summary>Variables a job's shell reads, so names a shell accepts.</summary>
    ShellVariables,

    /// <summary>
    /// A service container's environment: docker passes it to the image's program, not to a shell, so names such as
    /// Elasticsearch's <c>discovery.type</c> are fine.
    /// </summary>
    ContainerVariables,
}
