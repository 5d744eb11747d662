using System.Text.Json;
using System.Text.Unicode;
using OrleansEvents.Validation;

namespace OrleansEvents.Gateway.Requests;

/// <summary>
/// Text in a JSON body that has no .NET string: bytes that are not UTF-8 (overlong forms included) or
/// a \u escape of a lone surrogate. The JSON reader parses both and throws only when the text is read,
/// so every body is checked once, before any reader touches a name or a value; each finding is named
/// by the field it is in (<c>message</c>, <c>[3].context</c>), or <c>body</c> / <c>[3]</c> for a name.
/// </summary>
internal static class UndecodableText
{
    private const string Rule = "must be UTF-8 text without unpaired surrogates (no overlong or invalid bytes, no lone \\ud800-\\udfff escape)";
    private const string NameRule = "holds a property name that is not UTF-8 text without unpaired surrogates";

    /// <summary>Cheap test on the raw bytes: false means every string of the body can be read.</summary>
    public static bool MayHold(ReadOnlySpan<byte> json) => !Utf8.IsValid(json) || HasSurrogateEscape(json);

    /// <summary>One error per field that holds undecodable text.</summary>
    public static List<FieldError> Find(JsonElement root)
    {
        var errors = new List<FieldError>();
        switch (root.ValueKind)
        {
            case JsonValueKind.Object:
                FindInFields(root, "", "body", errors);
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in root.EnumerateArray())
                {
                    var at = $"[{index++}]";
                    if (item.ValueKind == JsonValueKind.Object)
                    {
                        FindInFields(item, at + ".", at, errors);
                    }
                    else if (!Readable(item))
                    {
                        errors.Add(new FieldError(at, Rule));
                    }
                }

                break;
            default:
                if (!Readable(root))
                {
                    errors.Add(new FieldError("body", Rule));
                }

                break;
        }

        return errors;
    }

    private static void FindInFields(JsonElement element, string prefix, string whole, List<FieldError> errors)
    {
        foreach (var property in element.EnumerateObject())
        {
            string name;
            try
            {
                name = property.Name;
            }
            catch (InvalidOperationException)
            {
                errors.Add(new FieldError(whole, NameRule));
                continue;
            }

            if (!Readable(property.Value))
            {
                errors.Add(new FieldError(prefix + name, Rule));
            }
        }
    }

    private static bool Readable(JsonElement element)
    {
        try
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    _ = element.GetString();
                    return true;
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        _ = property.Name;
                        if (!Readable(property.Value))
                        {
                            return false;
                        }
                    }

                    return true;
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray())
                    {
                        if (!Readable(item))
                        {
                            return false;
                        }
                    }

                    return true;
                default:
                    return true;
            }
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>A \u escape of U+D800–U+DFFF; paired ones count too (a false alarm costs one walk of the body).</summary>
    private static bool HasSurrogateEscape(ReadOnlySpan<byte> json)
    {
        var rest = json;
        while (rest.IndexOf("\\u"u8) is var at and >= 0 && at + 3 < rest.Length)
        {
            if (rest[at + 2] is (byte)'d' or (byte)'D' && rest[at + 3] is (>= (byte)'8' and <= (byte)'9') or (>= (byte)'a' and <= (byte)'f') or (>= (byte)'A' and <= (byte)'F'))
            {
                return true;
            }

            rest = rest[(at + 2)..];
        }

        return false;
    }
}
