using System.Text.Json;

namespace OrleansEvents.Queries;

/// <summary>
/// What <c>context.&lt;key&gt;=&lt;value&gt;</c> matches, the one rule behind both stores and live
/// subscribers. The key names a top-level member exactly (<c>context.a.b</c> is the member "a.b").
/// Its value matches when it is the string <c>&lt;value&gt;</c> (exactly, case and all), or, when
/// <c>&lt;value&gt;</c> is written as a JSON number, true, false or null, that JSON value: numbers
/// compare by value, so <c>attempt=3</c> matches 3, 3.0 and "3" but not "3.0". Objects and arrays
/// never match.
/// </summary>
public static class ContextValueRule
{
    public static bool Matches(JsonElement? context, string key, string value) =>
        context is { ValueKind: JsonValueKind.Object } members && members.TryGetProperty(key, out var member) && Matches(member, value);

    public static bool Matches(JsonElement member, string value) => member.ValueKind switch
    {
        JsonValueKind.String => member.ValueEquals(value),
        JsonValueKind.Number => JsonNumberText.TryCanonical(value, out var wanted) && JsonNumberText.TryCanonical(member.GetRawText(), out var held) && wanted == held,
        JsonValueKind.True => value == "true",
        JsonValueKind.False => value == "false",
        JsonValueKind.Null => value == "null",
        _ => false,
    };

    /// <summary>The value as the JSON it also stands for (a number, true, false or null), or null when it is only a string.</summary>
    public static string? TypedJson(string value) =>
        value is "true" or "false" or "null" || JsonNumberText.TryCanonical(value, out _) ? value : null;
}
