using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

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

    // Compacting runs once per appended event: the writer and its buffer are reused per thread.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>Returns the compact JSON text, or null with an error message.</summary>
    public static string? Compact(JsonElement context, out string? error)
    {
        error = null;
        if (context.ValueKind != JsonValueKind.Object)
        {
            error = $"must be a JSON object, not {Describe(context.ValueKind)}";
            return null;
        }

        var raw = JsonMarshal.GetRawUtf8Value(context);
        var shape = RawShape.Of(raw);
        if (shape.Depth > EventLimits.MaxContextDepth)
        {
            error = $"must not nest deeper than {EventLimits.MaxContextDepth} levels";
            return null;
        }

        if (!shape.NumbersStorable)
        {
            error = $"must hold only numbers of at most {EventLimits.MaxContextNumberLength} characters with an exponent within ±{EventLimits.MaxContextNumberExponent}";
            return null;
        }

        // The JSON reader does not check that text is UTF-8; the writer would throw on it.
        if (!shape.IsAscii && !Utf8.IsValid(raw))
        {
            error = "must be UTF-8 text";
            return null;
        }

        // Valid UTF-8 holds neither U+0000 nor a lone surrogate; only a \u escape can bring one in.
        if (shape.HasUnicodeEscapes && !AllTextStorable(context))
        {
            error = "must not contain U+0000 or unpaired surrogates in its text";
            return null;
        }

        if (shape.IsCompactAscii)
        {
            // Already what the writer would produce, byte for byte: keep the text as sent.
            return raw.Length > EventLimits.MaxContextBytes ? TooBig(out error) : Encoding.ASCII.GetString(raw);
        }

        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(buffer, CompactWriter);
        writer.Reset(buffer);
        context.WriteTo(writer);
        writer.Flush();
        var text = buffer.WrittenCount > EventLimits.MaxContextBytes ? TooBig(out error) : Encoding.UTF8.GetString(buffer.WrittenSpan);
        if (buffer.Capacity > 4 * EventLimits.MaxContextBytes)
        {
            (t_buffer, t_writer) = (null, null); // do not keep a rare huge context's buffer alive on the thread
        }

        return text;
    }

    private static string? TooBig(out string? error)
    {
        error = $"must be at most {EventLimits.MaxContextBytes} bytes as compact JSON";
        return null;
    }

    private static bool AllTextStorable(JsonElement element)
    {
        try
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        if ((HasUnicodeEscape(JsonMarshal.GetRawUtf8PropertyName(property)) && !TextRules.IsStorable(property.Name))
                            || !AllTextStorable(property.Value))
                        {
                            return false;
                        }
                    }

                    return true;
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray())
                    {
                        if (!AllTextStorable(item))
                        {
                            return false;
                        }
                    }

                    return true;
                case JsonValueKind.String:
                    return !HasUnicodeEscape(JsonMarshal.GetRawUtf8Value(element)) || TextRules.IsStorable(element.GetString()!);
                default:
                    return true;
            }
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json refuses to decode an escaped lone surrogate.
            return false;
        }
    }

    private static bool HasUnicodeEscape(ReadOnlySpan<byte> raw) => raw.IndexOf("\\u"u8) >= 0;

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
