using System.Text.Json;
using OrleansEvents.Events;
using OrleansEvents.Grains;
using OrleansEvents.Validation;

namespace OrleansEvents.Gateway.Requests;

/// <summary>
/// Reads <c>{ stream?, session_id?, lead_id?, device_id?, event_type?, since?, until?, dry_run = true, max? }</c>.
/// A replay without any filter is refused: replaying a whole tenant by accident would flood every dashboard.
/// </summary>
public static class ReplayRequestReader
{
    private static readonly string[] Known = ["stream", "session_id", "lead_id", "device_id", "event_type", "since", "until", "dry_run", "max"];

    /// <param name="body">The request body; null when there was none.</param>
    /// <param name="maxEvents">The most events one replay may re-publish (<c>Events:Replay:MaxEvents</c>); a larger max is refused, not cut.</param>
    /// <param name="now">What since=24h and until=now count back from.</param>
    /// <exception cref="EventValidationException">A field has the wrong type or value, or no filter is given.</exception>
    public static (ReplayRequest Request, bool DryRun) Read(JsonElement? body, int maxEvents, DateTimeOffset now)
    {
        if (body is not { ValueKind: JsonValueKind.Object } element)
        {
            throw new EventValidationException([new FieldError("body", "must be an object with at least one filter, e.g. {\"session_id\":\"s1\",\"dry_run\":true}")]);
        }

        var errors = new List<FieldError>();
        var fields = element.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
        foreach (var name in fields.Keys.Where(n => !Known.Contains(n)))
        {
            errors.Add(new FieldError(name, $"is not a replay field; known: {string.Join(", ", Known)}"));
        }

        string? Text(string name)
        {
            if (!fields.TryGetValue(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (value.ValueKind == JsonValueKind.String)
            {
                return value.GetString() is { Length: > 0 } text ? text : null;
            }

            if (value.ValueKind == JsonValueKind.Number && name.EndsWith("_id", StringComparison.Ordinal) && value.TryGetInt64(out _))
            {
                return value.GetRawText();
            }

            errors.Add(new FieldError(name, "must be a string"));
            return null;
        }

        DateTimeOffset? Time(string name)
        {
            if (Text(name) is not { } text)
            {
                return null;
            }

            if (TimeExpression.TryParse(text, now, out var time))
            {
                return time;
            }

            errors.Add(new FieldError(name, TimeExpression.Rule));
            return null;
        }

        StreamId? stream = null;
        if (Text("stream") is { } streamText)
        {
            if (StreamId.TryParse(streamText, out var parsed))
            {
                stream = parsed;
            }
            else
            {
                errors.Add(new FieldError("stream", "must be kind/key with kind session, lead, device, workflow or system"));
            }
        }

        var dryRun = true;
        if (fields.TryGetValue("dry_run", out var dry) && dry.ValueKind != JsonValueKind.Null)
        {
            if (dry.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                dryRun = dry.GetBoolean();
            }
            else
            {
                errors.Add(new FieldError("dry_run", "must be true or false"));
            }
        }

        int? max = null;
        if (fields.TryGetValue("max", out var maxValue) && maxValue.ValueKind != JsonValueKind.Null)
        {
            if (maxValue.ValueKind != JsonValueKind.Number || !maxValue.TryGetInt32(out var count) || count < 1)
            {
                errors.Add(new FieldError("max", "must be a whole number of at least 1"));
            }
            else if (count > maxEvents)
            {
                errors.Add(new FieldError("max", $"must be at most {maxEvents} (Events:Replay:MaxEvents); narrow the filters or replay in parts"));
            }
            else
            {
                max = count;
            }
        }

        var request = new ReplayRequest
        {
            Stream = stream,
            SessionId = Text("session_id"),
            LeadId = Text("lead_id"),
            DeviceId = Text("device_id"),
            EventType = Text("event_type"),
            Since = Time("since"),
            Until = Time("until"),
            Max = max,
        };

        if (errors.Count == 0 && !request.HasCriteria)
        {
            errors.Add(new FieldError("filter", "must name at least one of stream, session_id, lead_id, device_id, event_type, since, until"));
        }

        return errors.Count == 0 ? (request, dryRun) : throw new EventValidationException(errors);
    }
}
