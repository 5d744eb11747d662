using System.Text.Json;
using OrleansEvents.Events;
using OrleansEvents.Validation;

namespace OrleansEvents.Gateway.Requests;

/// <summary>Reads <c>{ resolved_by, note }</c>; an empty body resolves as a human without a note.</summary>
public static class ResolutionReader
{
    /// <exception cref="EventValidationException">resolved_by is not human, llm_agent or auto, or a field has the wrong type.</exception>
    public static Resolution Read(JsonElement? body)
    {
        if (body is null or { ValueKind: JsonValueKind.Null })
        {
            return new Resolution(ResolvedBy.Human);
        }

        if (body.Value.ValueKind != JsonValueKind.Object)
        {
            throw new EventValidationException([new FieldError("body", "must be an object { resolved_by, note }")]);
        }

        var errors = new List<FieldError>();
        var by = ResolvedBy.Human;
        string? note = null;
        if (body.Value.TryGetProperty("resolved_by", out var resolvedBy) && resolvedBy.ValueKind != JsonValueKind.Null)
        {
            if (resolvedBy.ValueKind != JsonValueKind.String || !WireNames.TryParseResolvedBy(resolvedBy.GetString(), out by))
            {
                errors.Add(new FieldError("resolved_by", "must be one of human, llm_agent, auto"));
            }
        }

        if (body.Value.TryGetProperty("note", out var noteValue) && noteValue.ValueKind != JsonValueKind.Null)
        {
            if (noteValue.ValueKind == JsonValueKind.String)
            {
                note = noteValue.GetString();
            }
            else
            {
                errors.Add(new FieldError("note", "must be a string"));
            }
        }

        if (errors.Count > 0)
        {
            throw new EventValidationException(errors);
        }

        var resolution = new Resolution(by, note);
        EventValidator.EnsureValid(resolution);
        return resolution;
    }
}
