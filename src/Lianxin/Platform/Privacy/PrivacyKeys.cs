using System.Security.Cryptography;
using System.Text.Json;

namespace Lianxin.Platform.Privacy;

/// <summary>
/// Where the keys come from: configuration (Lianxin:Privacy:DataKey / IndexKey, e.g. from environment
/// variables or a secret store) wins. Without it, a single-machine install creates a key file under the
/// data folder on first start, readable by the owner only. Instances sharing a PostgreSQL database must
/// all be given the same keys through configuration.
/// </summary>
public static class PrivacyKeys
{
    public static PrivacyOptions Resolve(PrivacyOptions configured, string dataDirectory, Action<string> warn)
    {
        if (!string.IsNullOrWhiteSpace(configured.DataKey) && !string.IsNullOrWhiteSpace(configured.IndexKey))
            return configured;

        var path = Path.Combine(dataDirectory, "keys", "privacy.json");
        if (File.Exists(path))
        {
            var stored = JsonSerializer.Deserialize<PrivacyOptions>(File.ReadAllText(path))
                ?? throw new InvalidOperationException($"Key file {path} is empty.");
            stored.Algorithm = configured.Algorithm;
            return stored;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var created = new PrivacyOptions
        {
            DataKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            IndexKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            KeyId = "k1",
            Algorithm = configured.Algorithm,
        };
        File.WriteAllText(path, JsonSerializer.Serialize(created));
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        warn($"No privacy keys configured; created a local key file at {path}. Back it up: without it the encrypted personal data cannot be read.");
        return created;
    }
}
