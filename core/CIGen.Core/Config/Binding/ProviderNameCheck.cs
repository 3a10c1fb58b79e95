using CIGen.Core.Config.Model;

namespace CIGen.Core.Config.Binding;

/// <summary>
/// Any name may be a third-party provider (<c>cigen-provider-NAME</c>), so unknown names are fine; a name one typo away
/// from a known provider, though, is almost certainly a mistake that would silently drop steps or outputs.
/// </summary>
internal static class ProviderNameCheck
{
    public static void WarnIfTypo(Located<string> name, NodeReader reader)
    {
        if (ProviderNames.Known.Contains(name.Value))
        {
            return;
        }

        if (Suggestions.Closest(name.Value, ProviderNames.Known, maxDistance: 1) is { } known)
        {
            reader.Warning(DiagnosticCodes.SuspiciousProvider, name.Location,
                $"`{name.Value}` is not a known provider (a third-party provider would be `cigen-provider-{name.Value}`); did you mean `{known}`?");
        }
    }
}
