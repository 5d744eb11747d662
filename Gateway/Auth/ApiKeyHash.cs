using System.Security.Cryptography;
using System.Text;

namespace OrleansEvents.Gateway.Auth;

/// <summary>SHA-256 of keys, the only form in which the gateway keeps or compares them.</summary>
public static class ApiKeyHash
{
    public const string Prefix = "sha256:";

    public static byte[] Of(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    /// <summary>The configuration form of a key's hash: <c>sha256:&lt;hex&gt;</c>.</summary>
    public static string Spec(string key) => Prefix + Convert.ToHexStringLower(Of(key));

    public static bool IsHashSpec(string configured) => configured.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);

    public static bool TryParseSpec(string configured, out byte[] hash)
    {
        hash = [];
        var hex = configured[Prefix.Length..].Trim();
        if (hex.Length != 64 || !hex.All(Uri.IsHexDigit))
        {
            return false;
        }

        hash = Convert.FromHexString(hex);
        return true;
    }
}
