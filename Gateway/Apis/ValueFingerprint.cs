using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace OrleansEvents.Gateway.Apis;

/// <summary>
/// What the audit keeps of a value instead of the value: its SHA-256 (lowercase hex) and size in
/// UTF-8 bytes, enough to tell that it changed and to check a copy against it, too little to recover it.
/// </summary>
public sealed record ValueFingerprint(string Sha256, int Bytes)
{
    /// <summary>The fingerprint of <paramref name="text"/>; null for no value.</summary>
    public static ValueFingerprint? Of(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var utf8 = Encoding.UTF8.GetBytes(text);
        return new ValueFingerprint(Convert.ToHexStringLower(SHA256.HashData(utf8)), utf8.Length);
    }

    /// <summary>The fingerprint of a context's JSON text as stored; null for no context.</summary>
    public static ValueFingerprint? Of(JsonElement? context) =>
        context is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } value ? Of(value.GetRawText()) : null;
}
