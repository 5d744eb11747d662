using System.Text.Json;

namespace OrleansEvents.Events;

/// <summary>A partial edit of the fields an operator may change; null leaves a field as it is.</summary>
public sealed record EventUpdate
{
    public string? Severity { get; init; }

    public string? Message { get; init; }

    /// <summary>The new context; a JSON null clears it.</summary>
    public JsonElement? Context { get; init; }

    public string? Source { get; init; }
}
