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

    /// <summary>The events of a body, and whether it was a single object (answered with one event, not a list).</summary>
    /// <exception cref="EventValidationException">The body is not an event or a list of them, or a field has the wrong type.</exception>
    public static (IReadOnlyList<NewEvent> Events, bool Single) Read(JsonElement body)
    {
        var errors = new List<FieldError>();
        switch (body.ValueKind)
        {
            case JsonValueKind.Object:
                var one = ReadOne(body, string.Empty, errors);
                return errors.Count == 0 ? ([one], true) : throw new EventValidationException(errors);
            case JsonValueKind.Array:
                var count = body.GetArrayLength();
                if (count is 0 or > EventLimits.MaxBatchSize)
                {
                    throw new EventValidationException([new FieldError("events", $"must contain 1–{EventLimits.MaxBatchSize} events, not {count}")]);
                }

                var events = new List<NewEvent>(count);
                var index = 0;
                foreach (var item in body.EnumerateArray())
                {
                    var prefix = string.Create(CultureInfo.InvariantCulture, $"[{index++}].");
                    if (item.ValueKind != JsonValueKind.Object)
                    {
                        errors.Add(new FieldError(prefix.TrimEnd('.'), "must be an event object"));
                        continue;
                    }

                    events.Add(ReadOne(item, prefix, errors));
                }

                return errors.Count == 0 ? (events, false) : throw new EventValidationException(errors);
            default:
                throw new EventValidationException([new FieldError("body", "must be an event object or an array of event objects")]);
        }
    }

    private static NewEvent ReadOne(JsonElement element, string prefix, List<FieldError> errors)
    {
        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
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
        var present = names.Where(fields.ContainsKey).ToList();
        if (present.Count > 1)
        {
            errors.Add(new FieldError(prefix + present[1], $"means the same as {present[0]}; send only one of {string.Join(", ", names)}"));
        }

        return present.FirstOrDefault();
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
