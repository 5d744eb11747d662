using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using OrleansEvents.Validation;

namespace OrleansEvents.Gateway.Requests;

/// <summary>
/// The version a stream must be at for an append to go ahead: <c>expected_version</c> of a single
/// posted event, or <c>If-Match: "&lt;version&gt;"</c> (the stream's ETag), for one event or an array.
/// 0 means the stream must not exist yet. Given both ways, they must agree.
/// </summary>
public static class ExpectedVersionReader
{
    private const string BodyRule = "must be a whole number of at least 0 (0: the stream must be new)";
    private const string HeaderRule = "must be one quoted stream version, e.g. \"3\" (the stream's ETag)";

    /// <exception cref="EventValidationException">A version is malformed, or the two disagree.</exception>
    public static long? Read(JsonElement body, IHeaderDictionary headers)
    {
        var errors = new List<FieldError>();
        long? fromBody = null;
        if (body.ValueKind == JsonValueKind.Object && body.TryGetProperty(NewEventReader.ExpectedVersionField, out var value) && value.ValueKind != JsonValueKind.Null)
        {
            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var version) && version >= 0)
            {
                fromBody = version;
            }
            else
            {
                errors.Add(new FieldError(NewEventReader.ExpectedVersionField, BodyRule));
            }
        }

        long? fromHeader = null;
        var ifMatch = headers.IfMatch;
        if (ifMatch.Count > 0)
        {
            if (ifMatch.Count == 1 && TryParseTag(ifMatch.ToString(), out var version))
            {
                fromHeader = version;
            }
            else
            {
                errors.Add(new FieldError(HeaderNames.IfMatch, HeaderRule));
            }
        }

        if (errors.Count == 0 && fromBody is { } a && fromHeader is { } b && a != b)
        {
            errors.Add(new FieldError(NewEventReader.ExpectedVersionField, $"is {a} but If-Match says {b}; send one, or the same in both"));
        }

        return errors.Count == 0 ? fromBody ?? fromHeader : throw new EventValidationException(errors);
    }

    /// <summary>The stream's version as an entity tag, as GET /api/streams/{kind}/{key} sends it.</summary>
    public static string Tag(long version) => string.Create(CultureInfo.InvariantCulture, $"\"{version}\"");

    private static bool TryParseTag(string text, out long version)
    {
        version = 0;
        return text.Length is > 2 and <= 21 && text[0] == '"' && text[^1] == '"'
            && !text.AsSpan(1, text.Length - 2).ContainsAnyExceptInRange('0', '9')
            && long.TryParse(text.AsSpan(1, text.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out version);
    }
}
