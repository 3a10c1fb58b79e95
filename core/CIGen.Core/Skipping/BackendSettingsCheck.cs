using System.Text.RegularExpressions;
using CIGen.Core.Config;
using CIGen.Core.Config.Binding;
using CIGen.Core.Config.Yaml;
using CIGen.Core.Graphs;
using CIGen.Protocol;

namespace CIGen.Core.Skipping;

/// <summary>
/// Checks of s3/redis backend settings that the marker scripts depend on, at the value in the config: secrets only as
/// references (the config is committed; its values reach generated files in plain text), and values the scripts can use.
/// </summary>
internal static partial class BackendSettingsCheck
{
    public static void Check(string type, string backend, string setting, ScalarNode value, NodeReader reader)
    {
        var scalar = value.ToScalar();
        if (EnvReferences.Parse(scalar) is { } reference)
        {
            if (reference.Kind != EnvReferenceKind.Secret && Secret(type, setting))
            {
                reader.Error(DiagnosticCodes.PlainTextSecret, value,
                    $"`{setting}` of cache backend `{backend}` reads a CI {(reference.Kind == EnvReferenceKind.Variable ? "variable" : "env value")}, which is not kept secret; store the key as a CI secret and write `${{{reference.Name}}}`");
            }

            return;
        }

        var text = scalar.Text;
        switch (type, setting)
        {
            case ("s3", "access_key" or "secret_key"):
                reader.Error(DiagnosticCodes.PlainTextSecret, value,
                    $"`{setting}` of cache backend `{backend}` is written in plain text; secrets must not be in the config: store it as a CI secret and write `${{{(setting == "access_key" ? "AWS_ACCESS_KEY_ID" : "AWS_SECRET_ACCESS_KEY")}}}` (any secret name)");
                break;
            case ("s3", "endpoint") when !HttpUrl().IsMatch(text):
                reader.Error(DiagnosticCodes.InvalidValue, value,
                    $"`endpoint` of cache backend `{backend}` is `{text}`, not a URL; write it with its scheme, e.g. `https://minio.example.com:9000`");
                break;
            case ("redis", "url") when !RedisUrl().IsMatch(text):
                reader.Error(DiagnosticCodes.InvalidValue, value,
                    $"`url` of cache backend `{backend}` is `{text}`, not a Redis URL; write `redis://[user:password@]host:port[/db]` (or `rediss://` for TLS), or `${{REDIS_URL}}` to read it from a CI secret");
                break;
            case ("redis", "url") when RedisUrl().Match(text).Groups["password"].Length > 0:
                reader.Warning(DiagnosticCodes.PasswordInUrl, value.Location,
                    $"`url` of cache backend `{backend}` holds a password in plain text; store the URL as a CI secret and write `${{REDIS_URL}}` (any secret name)");
                break;
            case ("redis", "ttl") when !PositiveWholeNumber().IsMatch(text):
                reader.Error(DiagnosticCodes.InvalidValue, value,
                    $"`ttl` of cache backend `{backend}` is `{text}`; write how long a marker lives as a whole number of seconds (e.g. `604800` for 7 days)");
                break;
        }
    }

    private static bool Secret(string type, string setting) => type == "s3" && setting is "access_key" or "secret_key";

    [GeneratedRegex(@"\Ahttps?://[^\s/]+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex HttpUrl();

    // redis://[user[:password]@]host..., as redis-cli -u reads it.
    [GeneratedRegex(@"\Arediss?://(?:[^:@/\s]*(?::(?<password>[^@/\s]*))?@)?[^@/\s]+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex RedisUrl();

    [GeneratedRegex(@"\A[1-9][0-9]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex PositiveWholeNumber();
}
