using System.Text.Json;
using OrleansEvents.Validation;

namespace OrleansEvents.Gateway.Requests;

/// <summary>Reads <c>{ dry_run }</c> of a retention run; an empty body is a dry run, so nothing is deleted by accident.</summary>
public static class RetentionRunReader
{
    /// <exception cref="EventValidationException">dry_run is not a boolean, the body not an object, or it has other fields.</exception>
    public static bool ReadDryRun(JsonElement? body)
    {
        if (body is null or { ValueKind: JsonValueKind.Null })
        {
            return true;
        }

        if (body.Value.ValueKind != JsonValueKind.Object)
        {
            throw new EventValidationException([new FieldError("body", "must be an object { \"dry_run\": true|false }")]);
        }

        if (body.Value.EnumerateObject().Where(p => p.Name != "dry_run").Select(p => new FieldError(p.Name, "is not a retention field; known: dry_run")).ToList()
            is { Count: > 0 } unknown)
        {
            throw new EventValidationException(unknown);
        }

        if (!body.Value.TryGetProperty("dry_run", out var dryRun) || dryRun.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        return dryRun.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? dryRun.GetBoolean()
            : throw new EventValidationException([new FieldError("dry_run", "must be true or false")]);
    }
}
