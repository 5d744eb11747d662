using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using OrleansEvents.Events;
using OrleansEvents.Gateway.Problems;
using OrleansEvents.Validation;

namespace OrleansEvents.Gateway.Requests;

/// <summary>
/// Reads posted events: one object or an array of them, with the names existing services already
/// send (<c>level</c>, <c>type</c>, <c>payload</c>/<c>details</c>/<c>data</c>). A value of the wrong
/// JSON type is reported under its field (<c>[2].severity</c>); unknown fields are ignored, because
/// services send extras and refusing them would break them for no gain. Rules on values (lengths,
/// syntax) are the validator's.
/// </summary>
public static class NewEventReader
{
    private static readonly string[] SeverityNames = ["severity", "level"];
    private static readonly string[] EventTypeNames = ["event_type", "type"];
    private static readonly string[] ContextNames = ["context", "payload", "details", "data"];

    /// <summary>The field that makes an append conditional; read by the stream endpoint, refused elsewhere rather than ignored.</summary>
    public const string ExpectedVersionField = "expected_version";

    /// <summary>The events of a body, and whether it was a single object (answered with one event, not a list).</summary>
    /// <param name="body">One event object or an array of them.</param>
    /// <param name="expectedVersionRead">
    /// The caller reads <c>expected_version</c> of a single object itself (the stream endpoint). Otherwise,
    /// and always inside an array, the field is an error: ignoring it would append unconditionally.
    /// </param>
    /// <exception cref="EventValidationException">The body is not an event or a list of them, or a field has the wrong type.</exception>
    public static (IReadOnlyList<NewEvent> Events, bool Single) Read(JsonElement body, bool expectedVersionRead = false)
    {
        switch (body.ValueKind)
        {
            case JsonValueKind.Object:
                var shapeErrors = new List<FieldError>();
                if (!expectedVersionRead && body.TryGetProperty(ExpectedVersionField, out _))
                {
                    shapeErrors.Add(new FieldError(ExpectedVersionField, "is taken only by POST /api/streams/{kind}/{key}/events, which appends only at that version"));
                }

                var one = ReadOne(body, string.Empty, shapeErrors);
                return shapeErrors.Count == 0 ? ([one], true) : throw new EventValidationException(WithValueErrors(one, string.Empty, shapeErrors).ToList());
            case JsonValueKind.Array:
                var count = body.GetArrayLength();
                if (count is 0 or > EventLimits.MaxBatchSize)
                {
                    throw new EventValidationException([new FieldError("events", $"must contain 1–{EventLimits.MaxBatchSize} events, not {count}")]);
                }

                var items = new List<(NewEvent? Event, string Prefix, List<FieldError> ShapeErrors)>(count);
                foreach (var item in body.EnumerateArray())
                {
                    var prefix = string.Create(CultureInfo.InvariantCulture, $"[{items.Count}].");
                    var itemErrors = new List<FieldError>();
                    if (item.ValueKind != JsonValueKind.Object)
                    {
                        itemErrors.Add(new FieldError(prefix.TrimEnd('.'), "must be an event object"));
                        items.Add((null, prefix, itemErrors));
                        continue;
                    }

                    if (item.TryGetProperty(ExpectedVersionField, out _))
                    {
                        itemErrors.Add(new FieldError(prefix + ExpectedVersionField, expectedVersionRead
                            ? "is one per request for an array: send it as If-Match: \"<version>\""
                            : "is taken only by POST /api/streams/{kind}/{key}/events, which appends only at that version"));
                    }

                    items.Add((ReadOne(item, prefix, itemErrors), prefix, itemErrors));
                }

                if (items.All(item => item.ShapeErrors.Count == 0))
                {
                    return (items.Select(item => item.Event!).ToList(), false);
                }

                throw new EventValidationException(items
                    .SelectMany(item => item.Event is { } read ? WithValueErrors(read, item.Prefix, item.ShapeErrors) : item.ShapeErrors)
                    .ToList());
            default:
                throw new EventValidationException([new FieldError("body", "must be an event object or an array of event objects")]);
        }
    }

    /// <summary>
    /// An event's shape errors followed by the value rules it breaks (the validator's, which would run
    /// next): a request turned back here still hears of every broken rule at once. A field with the
    /// wrong type was read as absent, so a rule about it (event_type is required) is left out.
    /// </summary>
    private static IEnumerable<FieldError> WithValueErrors(NewEvent read, string prefix, List<FieldError> shapeErrors)
    {
        var broken = shapeErrors.Select(error => Canonical(error.Field[prefix.Length..])).ToHashSet(StringComparer.Ordinal);
        return shapeErrors.Concat(EventValidator.Validate(read)
            .Where(error => !broken.Contains(error.Field))
            .Select(error => new FieldError(prefix + error.Field, error.Message)));
    }

    private static string Canonical(string field) =>
        SeverityNames.Contains(field) ? SeverityNames[0]
        : EventTypeNames.Contains(field) ? EventTypeNames[0]
        : ContextNames.Contains(field) ? ContextNames[0]
        : field;

    private static NewEvent ReadOne(JsonElement element, string prefix, List<FieldError> errors)
    {
        var fields = new Dictionary<string, JsonElement>(element.GetPropertyCount(), StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            // A repeated name: the last one wins, as in most JSON readers.
            fields[property.Name] = property.Value;
        }

        string? Text(string name) => ReadText(fields, name, prefix, errors, numbersAllowed: false);
        string? Id(string name) => ReadText(fields, name, prefix, errors, numbersAllowed: true);
        string? OneOf(string[] names) => Pick(fields, names, prefix, errors) is { } name ? Text(name) : null;

        JsonElement? context = null;
        if (Pick(fields, ContextNames, prefix, errors) is { } contextName && fields[contextName].ValueKind != JsonValueKind.Null)
        {
            context = fields[contextName].Clone();
        }

        DateTimeOffset? timestamp = null;
        if (Text("timestamp") is { } time)
        {
            if (Rfc3339.TryParse(time, out var parsed))
            {
                timestamp = parsed;
            }
            else
            {
                errors.Add(new FieldError(prefix + "timestamp", Rfc3339.Rule));
            }
        }

        return new NewEvent
        {
            EventId = Id("event_id"),
            Stream = Text("stream"),
            Timestamp = timestamp,
            Category = Text("category"),
            Severity = OneOf(SeverityNames),
            EventType = OneOf(EventTypeNames) ?? string.Empty,
            Message = Text("message"),
            Source = Text("source"),
            LeadId = Id("lead_id"),
            SessionId = Id("session_id"),
            DeviceId = Id("device_id"),
            AccountId = Id("account_id"),
            WorkflowId = Id("workflow_id"),
            Context = context,
        };
    }

    /// <summary>The one name of a group of aliases the event uses; giving two of them is an error, not a guess.</summary>
    private static string? Pick(Dictionary<string, JsonElement> fields, string[] names, string prefix, List<FieldError> errors)
    {
        string? first = null;
        foreach (var name in names)
        {
            if (!fields.ContainsKey(name))
            {
                continue;
            }

            if (first is not null)
            {
                errors.Add(new FieldError(prefix + name, $"means the same as {first}; send only one of {string.Join(", ", names)}"));
                break;
            }

            first = name;
        }

        return first;
    }

    private static string? ReadText(Dictionary<string, JsonElement> fields, string name, string prefix, List<FieldError> errors, bool numbersAllowed)
    {
        if (!fields.TryGetValue(name, out var value))
        {
            return null;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
                return null;
            case JsonValueKind.String:
                try
                {
                    return value.GetString();
                }
                catch (InvalidOperationException)
                {
                    errors.Add(new FieldError(prefix + name, "must not contain unpaired surrogates"));
                    return null;
                }

            // Ids such as lead_id: 123 arrive as numbers from many services; their text is the id.
            case JsonValueKind.Number when numbersAllowed && value.TryGetInt64(out _):
                return value.GetRawText();
            default:
                errors.Add(new FieldError(prefix + name, numbersAllowed ? "must be a string or a whole number" : "must be a string"));
                return null;
        }
    }
}
