using System.Text.Encodings.Web;
using System.Text.Json;

namespace OrleansEvents.Validation;

/// <summary>Checks and compacts the free-form JSON context of an event.</summary>
internal static class ContextRules
{
    private static readonly JsonWriterOptions CompactWriter = new()
    {
        // Keep non-ASCII text readable in the database rather than \u-escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    /// <summary>Returns the compact JSON text, or null with an error message.</summary>
    public static string? Compact(JsonElement context, out string? error)
    {
        error = null;
        if (context.ValueKind != JsonValueKind.Object)
        {
            error = $"must be a JSON object, not {Describe(context.ValueKind)}";
            return null;
        }

        if (Depth(context, 1) is var depth && depth > EventLimits.MaxContextDepth)
        {
            error = $"must not nest deeper than {EventLimits.MaxContextDepth} levels";
            return null;
        }

        if (!AllTextStorable(context))
        {
            error = "must not contain U+0000 or unpaired surrogates in its text";
            return null;
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, CompactWriter))
        {
            context.WriteTo(writer);
        }

        if (buffer.Length > EventLimits.MaxContextBytes)
        {
            error = $"must be at most {EventLimits.MaxContextBytes} bytes as compact JSON";
            return null;
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static int Depth(JsonElement element, int level)
    {
        if (level > EventLimits.MaxContextDepth)
        {
            return level;
        }

        var deepest = level;
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    deepest = Math.Max(deepest, Nested(property.Value, level));
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    deepest = Math.Max(deepest, Nested(item, level));
                }

                break;
        }

        return deepest;
    }

    private static int Nested(JsonElement child, int level) =>
        child.ValueKind is JsonValueKind.Object or JsonValueKind.Array ? Depth(child, level + 1) : level;

    private static bool AllTextStorable(JsonElement element)
    {
        try
        {
            return element.ValueKind switch
            {
                JsonValueKind.Object => element.EnumerateObject()
                    .All(p => TextRules.IsStorable(p.Name) && AllTextStorable(p.Value)),
                JsonValueKind.Array => element.EnumerateArray().All(AllTextStorable),
                JsonValueKind.String => TextRules.IsStorable(element.GetString()!),
                _ => true,
            };
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json refuses to decode an escaped lone surrogate.
            return false;
        }
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
