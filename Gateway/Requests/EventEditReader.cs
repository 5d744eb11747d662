using System.Text.Json;
using OrleansEvents.Events;
using OrleansEvents.Validation;

namespace OrleansEvents.Gateway.Requests;

/// <summary>
/// Reads the body of an edit: only severity, message, context (or its aliases) and source may
/// change; naming any other field is an error rather than a silent no-op.
/// </summary>
public static class EventEditReader
{
    private static readonly string[] Editable = ["severity", "level", "message", "source", "context", "payload", "details", "data"];

    /// <exception cref="EventValidationException">A field is not editable or has the wrong type.</exception>
    public static EventUpdate Read(JsonElement? body)
    {
        if (body is not { ValueKind: JsonValueKind.Object } element)
        {
            throw new EventValidationException([new FieldError("body", "must be an object with at least one of severity, message, context, source")]);
        }

        var errors = new List<FieldError>();
        var update = new EventUpdate();
        foreach (var property in element.EnumerateObject())
        {
            if (!Editable.Contains(property.Name))
            {
                errors.Add(new FieldError(property.Name, "cannot be edited; editable: severity, message, context, source"));
                continue;
            }

            var value = property.Value;
            if (property.Name is "context" or "payload" or "details" or "data")
            {
                update = update with { Context = value.Clone() }; // a JSON null clears the context
                continue;
            }

            if (value.ValueKind != JsonValueKind.String)
            {
                errors.Add(new FieldError(property.Name, "must be a string"));
                continue;
            }

            update = property.Name switch
            {
                "severity" or "level" => update with { Severity = value.GetString() },
                "message" => update with { Message = value.GetString() },
                _ => update with { Source = value.GetString() },
            };
        }

        return errors.Count == 0 ? update : throw new EventValidationException(errors);
    }
}
