using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using OrleansEvents.Events;

namespace OrleansEvents.ProblemGroups;

/// <summary>
/// What groups open problems like issues: <c>{kind}:{event_type}</c> (<c>device:whatsapp.send_failed</c>),
/// and when configured context keys are present, <c>:{16 hex}</c> more, the start of a SHA-256 of those
/// keys and their values. Readable, URL-safe, the same for every tenant and every silo, and computed
/// from the event alone, so a stored event always lands in the group it was first counted in.
/// </summary>
public static partial class ProblemFingerprint
{
    public const int MaxLength = 8 + 1 + Validation.EventLimits.MaxEventTypeLength + 1 + HashLength;
    private const int HashLength = 16;

    /// <summary>The fingerprint of an event of <paramref name="kind"/> and <paramref name="eventType"/> with this context.</summary>
    public static string Of(StreamKind kind, string eventType, JsonElement? context, IReadOnlyList<string> keys)
    {
        var slug = $"{WireNames.Of(kind)}:{eventType}";
        if (keys.Count == 0 || context is not { ValueKind: JsonValueKind.Object } values)
        {
            return slug;
        }

        var present = new StringBuilder();
        foreach (var key in keys)
        {
            if (values.TryGetProperty(key, out var value) && Canonical(value) is { } text)
            {
                // Lengths first, so no key or value can pass for another.
                present.Append(CultureInfo.InvariantCulture, $"{key.Length}:{key}{text.Length}:{text}");
            }
        }

        return present.Length == 0
            ? slug
            : $"{slug}:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(present.ToString())))[..HashLength]}";
    }

    /// <summary>The fingerprint of a stored event.</summary>
    public static string Of(StoredEvent stored, IReadOnlyList<string> keys) => Of(stored.Stream.Kind, stored.EventType, stored.Context, keys);

    /// <summary>Splits a fingerprint into its stream kind and event type; false when it is not one.</summary>
    public static bool TryParse(string? fingerprint, out StreamKind kind, out string eventType)
    {
        kind = default;
        eventType = "";
        if (fingerprint is null || fingerprint.Length > MaxLength || Shape().Match(fingerprint) is not { Success: true } match
            || !WireNames.TryParseStreamKind(match.Groups["kind"].Value, out kind))
        {
            return false;
        }

        eventType = match.Groups["type"].Value;
        return eventType.Length <= Validation.EventLimits.MaxEventTypeLength;
    }

    /// <summary>
    /// A context value as the fingerprint counts it: strings as they are, numbers by value (1e2 and 100.0
    /// are 100), booleans; null, objects and arrays count as absent. The store may write a JSON value
    /// differently from how it came (PostgreSQL's jsonb does), and both forms must give one group.
    /// </summary>
    public static string? Canonical(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "s" + value.GetString(),
        JsonValueKind.True => "b1",
        JsonValueKind.False => "b0",
        JsonValueKind.Number => "n" + CanonicalNumber(value.GetRawText()),
        _ => null,
    };

    private static string CanonicalNumber(string raw)
    {
        if (decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact))
        {
            // Dividing by 1.000… drops trailing zeros: 1.50 and 1.5 read alike.
            return (exact / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
        }

        return double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("^(?<kind>[a-z]+):(?<type>[a-z0-9_]+(?:\\.[a-z0-9_]+)*)(?::[0-9a-f]{16})?\\z", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
